package dev.restfault.benchmarks.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request of a scenario with its complete answer, for the checks that run before the load
 * (through {@code java.net.http}: here what counts is reading everything, not the cost).
 */
final class Probe {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** Sends {@code scenario} to {@code port} on loopback and returns the whole answer. */
    Exchange exchange(int port, Scenario scenario) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + scenario.path()))
                .method(scenario.method(), HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30));
        scenario.headers(0).forEach(request::header);
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        return new Exchange(scenario, response.statusCode(), headers, response.body());
    }
}
