package dev.restfault.benchmarks.e2e;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The load: {@code connections} requests always in flight against one server, each sent again as
 * soon as its answer is complete (a closed loop, as wrk's connections). Every answer's status is
 * checked; anything else, or a transport failure, is counted and the first few are kept.
 *
 * <p>One Jetty {@link HttpClient} per load, with at most {@code connections} connections to the
 * server, kept alive between requests; it sends only {@code Host} and the scenario's headers (no
 * {@code User-Agent}, no {@code Accept-Encoding}), and reads every body to its end. A server that
 * closes a connection after an answer (Tomcat after a 500) is reconnected to, as by any client.
 */
final class ClosedLoop implements AutoCloseable {

    private static final int KEPT_FAILURES = 5;

    private final HttpClient client;
    private final String uri;
    private final Scenario scenario;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final List<String> failures = new ArrayList<>();
    private final CountDownLatch stopped;
    private volatile boolean running = true;

    private ClosedLoop(HttpClient client, int port, Scenario scenario, int connections) {
        this.client = client;
        this.uri = "http://127.0.0.1:" + port + scenario.path();
        this.scenario = scenario;
        this.stopped = new CountDownLatch(connections);
    }

    /** Starts {@code connections} concurrent request loops of {@code scenario} against {@code port}. */
    static ClosedLoop start(int port, Scenario scenario, int connections) throws Exception {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1: " + connections);
        }
        HttpClient client = client(connections);
        ClosedLoop loop = new ClosedLoop(client, port, scenario, connections);
        for (int i = 0; i < connections; i++) {
            loop.send();
        }
        return loop;
    }

    /**
     * A started client for up to {@code connections} connections per server that sends only
     * {@code Host} and the request's own headers, and follows no redirect.
     */
    static HttpClient client(int connections) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(8, connections / 2), 2);
        threads.setName("load");
        threads.setDaemon(true);
        HttpClient client = new HttpClient();
        client.setExecutor(threads);
        client.setMaxConnectionsPerDestination(connections);
        client.setMaxRequestsQueuedPerDestination(connections * 4);
        client.setUserAgentField(null);
        client.setFollowRedirects(false);
        client.setIdleTimeout(60_000);
        client.getContentDecoderFactories().clear();
        client.start();
        // No authentication, redirect or 100-continue handling (start() installs them): every
        // answer is handed over as it came.
        client.getProtocolHandlers().clear();
        return client;
    }

    /** One request of {@code scenario} and its complete answer. */
    static Exchange exchange(HttpClient client, int port, Scenario scenario) throws Exception {
        ContentResponse response = request(client, "http://127.0.0.1:" + port + scenario.path(), scenario).send();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : response.getHeaders()) {
            headers.computeIfAbsent(field.getLowerCaseName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return new Exchange(scenario, response.getStatus(), headers, new String(response.getContent(), StandardCharsets.UTF_8));
    }

    private static Request request(HttpClient client, String uri, Scenario scenario) {
        Request request = client.newRequest(uri).method(scenario.method()).timeout(30, TimeUnit.SECONDS);
        if (!scenario.headers().isEmpty()) {
            request.headers(headers -> {
                for (Map.Entry<String, String> header : scenario.headers().entrySet()) {
                    headers.put(header.getKey(), header.getValue());
                }
            });
        }
        return request;
    }

    private void send() {
        request(client, uri, scenario).send(new Listener());
    }

    /** Reads the body to its end, counting its bytes, then sends the next request. */
    private final class Listener implements Response.Listener {

        private long length;

        @Override
        public void onContent(Response response, ByteBuffer content) {
            length += content.remaining();
            content.position(content.limit());
        }

        @Override
        public void onComplete(Result result) {
            if (result.isSucceeded() && result.getResponse().getStatus() == scenario.expectedStatus()) {
                bytes.addAndGet(length);
                completed.incrementAndGet();
            } else {
                failed.incrementAndGet();
                keepFailure(result.isFailed()
                        ? String.valueOf(result.getFailure())
                        : "status " + result.getResponse().getStatus() + " instead of " + scenario.expectedStatus());
            }
            if (running) {
                send();
            } else {
                stopped.countDown();
            }
        }
    }

    private void keepFailure(String failure) {
        synchronized (failures) {
            if (failures.size() < KEPT_FAILURES) {
                failures.add(failure);
            }
        }
    }

    /** Requests answered as expected so far. */
    long completed() {
        return completed.get();
    }

    /** Requests that failed or got another status so far. */
    long failed() {
        return failed.get();
    }

    /** Body bytes of the requests answered as expected so far. */
    long bodyBytes() {
        return bytes.get();
    }

    /** The first failures, described. */
    List<String> failureSamples() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** Stops sending, waits (bounded) for the requests in flight, and stops the client. */
    @Override
    public void close() throws IOException {
        running = false;
        try {
            if (!stopped.await(35, TimeUnit.SECONDS)) {
                keepFailure(String.format(Locale.ROOT, "%d requests still in flight when the load stopped", stopped.getCount()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            client.stop();
        } catch (Exception e) {
            throw new IOException("could not stop the load's HTTP client", e);
        }
    }
}
