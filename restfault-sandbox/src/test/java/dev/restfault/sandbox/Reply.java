package dev.restfault.sandbox;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A response as received: status, headers, raw body, and the body as a JSON tree on demand. */
record Reply(int status, java.net.http.HttpHeaders headers, byte[] bytes) {

    Reply(HttpResponse<byte[]> r) {
        this(r.statusCode(), r.headers(), r.body());
    }

    String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    JsonNode json() {
        return JsonMapper.shared().readTree(bytes);
    }

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    List<String> all(String name) {
        return headers.allValues(name);
    }

    @Override
    public String toString() {
        return status + " " + headers.map() + " " + body();
    }
}
