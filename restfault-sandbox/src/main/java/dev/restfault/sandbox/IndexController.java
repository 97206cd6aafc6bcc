package dev.restfault.sandbox;

import dev.restfault.sandbox.console.ConsoleConfiguration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: what the sandbox serves, so a newcomer with only {@code curl} can find their
 * way. Open, outside the guarded API.
 */
@RestController
class IndexController {

    @GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> index() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", "restfault-sandbox");
        body.put("documentation", "restfault-sandbox/README.md");
        body.put("console", ConsoleConfiguration.CONSOLE);
        body.put("openapi", ConsoleConfiguration.API_DOCS);
        body.put("formats", Map.of(
                "/v1", "Partner Center: {code, description, data, source}",
                "/partner/v1", "Partner API: {error: {code, message, target, details}}",
                "Accept: application/problem+json", "RFC 9457 problem details"));
        body.put("endpoints", List.of(
                "GET /v1/customers?size=1..500&offset=0..",
                "POST /v1/customers",
                "GET /v1/customers/{id}",
                "PUT /v1/customers/{id} (If-Match)",
                "GET /v1/customers/{id}/credit (calls the upstream)",
                "GET|POST|... /v1/invoices, /v1/customers/{id}/subscriptions (501)",
                "GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS /v1/simulate/{status}?retryAfter=&delay=&format=&fault=",
                "GET /v1/admin/status, PUT /v1/admin/maintenance, PUT /v1/admin/upstream, GET /v1/admin/diagnostics"));
        return body;
    }
}
