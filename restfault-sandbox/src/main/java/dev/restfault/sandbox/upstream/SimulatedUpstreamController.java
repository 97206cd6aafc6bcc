package dev.restfault.sandbox.upstream;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.RequestIds;
import dev.restfault.sandbox.Texts;
import dev.restfault.sandbox.config.SandboxProperties;
import dev.restfault.sandbox.guard.ConcurrencyLimiter;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in simulated upstream, a credit bureau at {@code /upstream/credit/{customerId}}:
 * outside the API (no token, none of the API's guards), called by {@link CreditClient} over real
 * HTTP, on loopback. Since it is no public resource, it has two guards of its own, both answered
 * with contract errors:
 * <ul>
 *   <li>only loopback callers (the sandbox itself, or a program on its machine) are answered; any
 *       other remote address gets a 403. The address is the servlet request's remote address:
 *       with {@code server.forward-headers-strategy} set, the one the proxy forwarded;</li>
 *   <li>at most {@code sandbox.upstream.max-calls} calls are answered at once (the slow mode
 *       holds a thread for each); one more gets a 503 with {@code Retry-After}
 *       ({@code sandbox.concurrency.retry-after}), which {@link CreditClient} reports as a 502.</li>
 * </ul>
 * What it answers depends on {@link UpstreamSettings#mode()}:
 * <ul>
 *   <li>{@code OK}: {@code {"customerId", "creditLimit": {"amount", "currency"}}}, the amount
 *       derived from the id, so it is stable; an id that is no GUID gets a contract 404;</li>
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

    /** A dotted-quad IPv4 literal; anything else without a colon is not an address Jetty reports. */
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** An IPv6 literal, bare or in brackets, with an optional zone. */
    private static final Pattern IPV6 = Pattern.compile("([0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}(?:%[0-9A-Za-z_.-]{1,32})?)");

    private final UpstreamSettings settings;
    private final Duration slowness;
    private final ConcurrencyLimiter calls;
    private final Duration busyRetryAfter;

    SimulatedUpstreamController(UpstreamSettings settings, SandboxProperties properties,
            @Qualifier(ConcurrencyLimiter.UPSTREAM_CALLS) ConcurrencyLimiter calls) {
        this.settings = settings;
        this.slowness = properties.upstream().timeout().plusSeconds(1);
        this.calls = calls;
        this.busyRetryAfter = properties.concurrency().retryAfter();
    }

    @GetMapping("/upstream/credit/{customerId}")
    ResponseEntity<?> credit(@PathVariable String customerId, HttpServletRequest request) throws InterruptedException {
        if (!isLoopback(request.getRemoteAddr())) {
            throw ContractException.builder(403).messageKey(Texts.UPSTREAM_LOOPBACK_ONLY).build();
        }
        if (!calls.tryAcquire()) {
            throw ContractException.builder(503)
                    .code("overloaded")
                    .messageKey(Texts.UPSTREAM_BUSY, calls.max())
                    .retryAfter(busyRetryAfter)
                    .build();
        }
        try {
            return answer(customerId);
        } finally {
            calls.release();
        }
    }

    /**
     * Whether {@code address}, a remote address as the servlet container reports it, is a
     * loopback address (127.0.0.0/8, {@code ::1}, or IPv4-mapped loopback). Null, blank, a host
     * name or anything malformed is not: no name is ever resolved.
     */
    static boolean isLoopback(String address) {
        if (address == null || address.length() > 80) {
            return false;
        }
        Matcher v4 = IPV4.matcher(address);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return Integer.parseInt(v4.group(1)) == 127;
        }
        String bare = address.length() > 2 && address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        Matcher v6 = IPV6.matcher(bare);
        if (!v6.matches() || v6.group(1).indexOf(':') < 0) {
            return false;
        }
        try {
            // Starting with a hex digit or a colon and holding a colon, it is parsed as an IPv6
            // literal and never looked up: InetAddress throws instead when it is not one.
            return InetAddress.getByName(v6.group(1)).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException malformed) {
            return false;
        }
    }

    private ResponseEntity<?> answer(String customerId) throws InterruptedException {
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
            // A contract 404 like the API's own; the id, which may be anything, is not repeated.
            throw ContractException.builder(404).messageKey(Texts.UPSTREAM_UNKNOWN_CUSTOMER).build();
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
