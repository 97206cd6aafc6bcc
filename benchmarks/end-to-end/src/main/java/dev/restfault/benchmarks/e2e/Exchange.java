package dev.restfault.benchmarks.e2e;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request and its complete answer, as the setup checks see it.
 *
 * @param scenario the request that was sent
 * @param status   the response's status
 * @param headers  response headers, names in lower case, values in order
 * @param body     the response body, decoded as UTF-8
 */
public record Exchange(Scenario scenario, int status, Map<String, List<String>> headers, String body) {

    public Exchange {
        headers = Map.copyOf(headers);
    }

    /** The first value of the header {@code name} (any case). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The media type of {@code Content-Type}, without parameters, in lower case; empty if absent. */
    public String mediaType() {
        return header("Content-Type").map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
    }
}
