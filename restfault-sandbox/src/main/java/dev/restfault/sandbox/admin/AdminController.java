package dev.restfault.sandbox.admin;

import dev.restfault.core.annotation.ContractError;
import dev.restfault.sandbox.config.SandboxProperties.UpstreamMode;
import dev.restfault.sandbox.guard.ConcurrencyLimiter;
import dev.restfault.sandbox.guard.MaintenanceSwitch;
import dev.restfault.sandbox.upstream.UpstreamSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin endpoints, for read-write tokens only (a read-only token gets 403). They are exempt
 * from maintenance, the concurrency bound and the rate limit, so an operator can always see and
 * change the state.
 *
 * <ul>
 *   <li>{@code GET /v1/admin/status}: maintenance, requests in flight, upstream mode;</li>
 *   <li>{@code PUT /v1/admin/maintenance} {@code {"enabled": true, "retryAfterSeconds": 120}};</li>
 *   <li>{@code PUT /v1/admin/upstream} {@code {"mode": "garbage"}} (ok, garbage, error, slow,
 *       refuse);</li>
 *   <li>{@code GET /v1/admin/diagnostics}: a self-test that fails with an unexpected exception
 *       on purpose, to show that a 500 leaks nothing of it.</li>
 * </ul>
 */
@RestController
@RequestMapping(path = {"/v1/admin", "/partner/v1/admin"}, produces = MediaType.APPLICATION_JSON_VALUE)
class AdminController {

    /** Body of {@code PUT /v1/admin/maintenance}. */
    record MaintenanceRequest(@NotNull Boolean enabled, @Min(1) @Max(86_400) Integer retryAfterSeconds) {
    }

    /** Body of {@code PUT /v1/admin/upstream}. */
    record UpstreamRequest(@NotNull @Pattern(regexp = "(?i)ok|garbage|error|slow|refuse",
            message = "{sandbox.validation.upstreamMode}") String mode) {
    }

    private final MaintenanceSwitch maintenance;
    private final ConcurrencyLimiter concurrency;
    private final UpstreamSettings upstream;
    private final Diagnostics diagnostics;

    AdminController(MaintenanceSwitch maintenance, ConcurrencyLimiter concurrency, UpstreamSettings upstream,
            Diagnostics diagnostics) {
        this.maintenance = maintenance;
        this.concurrency = concurrency;
        this.upstream = upstream;
        this.diagnostics = diagnostics;
    }

    @GetMapping("/status")
    Map<String, Object> status() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("maintenance", maintenanceView(maintenance.state()));
        body.put("requestsInFlight", concurrency.inFlight());
        body.put("maxRequestsInFlight", concurrency.max());
        body.put("upstreamMode", upstream.mode().name().toLowerCase(Locale.ROOT));
        return body;
    }

    @ContractError(status = 413, when = "The body is over 64 KiB.")
    @PutMapping(path = "/maintenance", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> setMaintenance(@Valid @RequestBody MaintenanceRequest request) {
        MaintenanceSwitch.State s = maintenance.set(request.enabled(),
                Optional.ofNullable(request.retryAfterSeconds()).map(Duration::ofSeconds));
        return maintenanceView(s);
    }

    @ContractError(status = 413, when = "The body is over 64 KiB.")
    @PutMapping(path = "/upstream", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> setUpstream(@Valid @RequestBody UpstreamRequest request) {
        upstream.setMode(UpstreamMode.valueOf(request.mode().toUpperCase(Locale.ROOT)));
        return Map.of("upstreamMode", upstream.mode().name().toLowerCase(Locale.ROOT));
    }

    @ContractError(status = 500, codes = "internalServerError",
            when = "Always: the diagnostic fails on purpose, to show that a 500 leaks nothing.")
    @GetMapping("/diagnostics")
    Map<String, Object> diagnostics() {
        return diagnostics.run();
    }

    private static Map<String, Object> maintenanceView(MaintenanceSwitch.State s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", s.enabled());
        m.put("retryAfterSeconds", s.retryAfter().toSeconds());
        m.put("since", s.since().toString());
        return m;
    }
}
