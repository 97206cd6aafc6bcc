package dev.restfault.benchmarks.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One kind of request the load generator repeats, and the status every answer must have.
 *
 * @param id             short name used in tables and options ({@code 200}, {@code 404}...)
 * @param method         the HTTP method
 * @param path           the request path, starting with {@code /}
 * @param headers        request headers besides {@code Host} (the generator sends no others); in a value,
 *                       {@value #CONNECTION} stands for the number of the connection that sends it
 *                       (0, 1...), so that each connection can be another caller
 * @param expectedStatus the status every response must carry; any other counts as a failure
 * @param description    what the request exercises, for the report
 */
public record Scenario(String id, String method, String path, Map<String, String> headers, int expectedStatus,
        String description) {

    /** What an API client sends: it asks for JSON. */
    public static final Map<String, String> JSON_CLIENT = Map.of("Accept", "application/json");

    /** In a header value, the number of the connection that sends the request. */
    public static final String CONNECTION = "{connection}";

    public Scenario {
        Ids.require("scenario", id);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
        headers = Map.copyOf(headers);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("scenario path must start with '/': '" + path + "'");
        }
        if (expectedStatus < 100 || expectedStatus > 599) {
            throw new IllegalArgumentException("expected status must be within 100..599: " + expectedStatus);
        }
    }

    /** The headers as connection number {@code connection} sends them. */
    public Map<String, String> headers(int connection) {
        Map<String, String> sent = new LinkedHashMap<>();
        headers.forEach((name, value) -> sent.put(name, value.replace(CONNECTION, Integer.toString(connection))));
        return sent;
    }

    /** A request of a JSON API client ({@link #JSON_CLIENT} headers). */
    public static Scenario json(String id, String method, String path, int expectedStatus, String description) {
        return new Scenario(id, method, path, JSON_CLIENT, expectedStatus, description);
    }
}
