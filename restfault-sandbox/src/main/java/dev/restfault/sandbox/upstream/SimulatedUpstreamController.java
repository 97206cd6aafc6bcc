package dev.restfault.sandbox.upstream;

import dev.restfault.core.http.RequestIds;
import dev.restfault.sandbox.config.SandboxProperties;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in simulated upstream, a credit bureau at {@code /upstream/credit/{customerId}}:
 * outside the API (no token, no guards), called by {@link CreditClient} over real HTTP.
 * What it answers depends on {@link UpstreamSettings#mode()}:
 * <ul>
 *   <li>{@code OK}: {@code {"customerId", "creditLimit": {"amount", "currency"}}}, the amount
 *       derived from the id, so it is stable;</li>
 *   <li>{@code GARBAGE}: 200 with a {@code Content-Type} of JSON and an HTML page as body, as a
 *       misconfigured proxy sends;</li>
 *   <li>{@code ERROR}: 500 with a short text body;</li>
 *   <li>{@code SLOW}: the OK answer, after the sandbox's upstream timeout plus one second (so
 *       at most 31 s: every wait is bounded);</li>
 *   <li>{@code REFUSE}: never reached, {@link CreditClient} connects to a port where nothing
 *       listens.</li>
 * </ul>
 */
@RestController
class SimulatedUpstreamController {

    private final UpstreamSettings settings;
    private final Duration slowness;

    SimulatedUpstreamController(UpstreamSettings settings, SandboxProperties properties) {
        this.settings = settings;
        this.slowness = properties.upstream().timeout().plusSeconds(1);
    }

    @GetMapping("/upstream/credit/{customerId}")
    ResponseEntity<?> credit(@PathVariable String customerId) throws InterruptedException {
        switch (settings.mode()) {
            case GARBAGE:
                return ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("<html><body><h1>It works!</h1><p>Default page of a web server.".getBytes(StandardCharsets.UTF_8));
            case ERROR:
                return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                        .contentType(MediaType.TEXT_PLAIN)
                        .body("upstream failure".getBytes(StandardCharsets.UTF_8));
            case SLOW:
                Thread.sleep(slowness.toMillis());
                return ok(customerId);
            default:
                return ok(customerId);
        }
    }

    private static ResponseEntity<?> ok(String customerId) {
        if (!RequestIds.isValid(customerId)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("unknown customer".getBytes(StandardCharsets.UTF_8));
        }
        // A stable amount per customer: 1,000 to 100,000 in steps of 1,000.
        int steps = new BigInteger(customerId.replace("-", ""), 16).mod(BigInteger.valueOf(100)).intValue() + 1;
        Map<String, Object> limit = new LinkedHashMap<>();
        limit.put("amount", steps * 1000);
        limit.put("currency", "USD");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId);
        body.put("creditLimit", limit);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
