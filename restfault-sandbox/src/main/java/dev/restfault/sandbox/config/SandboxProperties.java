package dev.restfault.sandbox.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The sandbox's configuration, under the prefix {@code sandbox} (the defaults live in the
 * jar's {@code application.properties}).
 *
 * <p>Every value is validated when the application starts: a token list that is empty, a
 * token that is blank, a rate limit or concurrency bound below 1, a timeout or delay cap
 * outside its range stops the start with a message naming the property. So every limit the
 * sandbox applies at run time is bounded. Immutable.
 *
 * @param auth the bearer tokens the sandbox accepts
 * @param rateLimit the per-token request budget (429)
 * @param concurrency the bound on requests in flight (503)
 * @param maintenance the maintenance switch's state at startup (503)
 * @param upstream the upstream the credit resource calls (502, 504)
 * @param simulate the bounds of {@code /v1/simulate/{status}}
 * @param customers the bounds of the in-memory customer store
 * @param banner whether to print the startup banner
 */
@Validated
@ConfigurationProperties(prefix = "sandbox")
public record SandboxProperties(
        @Valid @NotNull Auth auth,
        @Valid @NotNull RateLimit rateLimit,
        @Valid @NotNull Concurrency concurrency,
        @Valid @NotNull Maintenance maintenance,
        @Valid @NotNull Upstream upstream,
        @Valid @NotNull Simulate simulate,
        @Valid @NotNull Customers customers,
        @DefaultValue("true") boolean banner) {

    /** What a token may do. */
    public enum Access {
        /** Reads only: a write (POST, PUT, PATCH, DELETE) or an admin call is a 403. */
        READ_ONLY,
        /** Reads, writes and the admin endpoints. */
        READ_WRITE
    }

    /**
     * @param tokens at least one; values must be distinct (checked by the authenticator)
     */
    public record Auth(@NotEmpty @Size(max = 100) List<@Valid @NotNull Token> tokens) {
    }

    /**
     * @param name a label for logs and the banner, never the secret
     * @param value the bearer token itself: 8 to 512 visible ASCII characters
     * @param access what the token may do
     */
    public record Token(
            @NotBlank @Size(max = 64) String name,
            @NotBlank @Size(min = 8, max = 512) @Pattern(regexp = "[\\x21-\\x7E]+") String value,
            @NotNull Access access) {

        @Override
        public String toString() {
            // The secret stays out of logs and error messages.
            return "Token{name=" + name + ", access=" + access + "}";
        }
    }

    /**
     * @param requests how many requests one token may send per window, 1..1,000,000
     * @param window the length of the fixed window, 1 s..1 h
     */
    public record RateLimit(
            @Min(1) @Max(1_000_000) int requests,
            @NotNull Duration window) {

        public RateLimit {
            requireWithin("sandbox.rate-limit.window", window, Duration.ofSeconds(1), Duration.ofHours(1));
        }
    }

    /**
     * @param maxRequests requests in flight at once before the next gets a 503, 1..10,000
     * @param retryAfter the {@code Retry-After} of that 503, 1 s..1 h
     */
    public record Concurrency(
            @Min(1) @Max(10_000) int maxRequests,
            @NotNull Duration retryAfter) {

        public Concurrency {
            requireWithin("sandbox.concurrency.retry-after", retryAfter, Duration.ofSeconds(1), Duration.ofHours(1));
        }
    }

    /**
     * @param enabled whether the sandbox starts in maintenance
     * @param retryAfter the {@code Retry-After} when none is given with the switch, 1 s..1 day
     */
    public record Maintenance(boolean enabled, @NotNull Duration retryAfter) {

        public Maintenance {
            requireWithin("sandbox.maintenance.retry-after", retryAfter, Duration.ofSeconds(1), Duration.ofDays(1));
        }
    }

    /** How the simulated upstream behaves; see the README. */
    public enum UpstreamMode {
        /** Answers well-formed JSON. */
        OK,
        /** Answers 200 with a body that is not the JSON it promises: the sandbox answers 502. */
        GARBAGE,
        /** Answers 500: the sandbox answers 502. */
        ERROR,
        /** Answers after the sandbox's timeout: the sandbox answers 504. */
        SLOW,
        /** Nothing listens where the sandbox connects: the sandbox answers 502. */
        REFUSE
    }

    /**
     * @param baseUrl an external upstream to call instead of the built-in simulated one; when
     *     set, {@code mode} only changes what the built-in one does. An absolute {@code http} or
     *     {@code https} URL with a host and at most a path ({@code credit/{id}} is appended to it):
     *     no user info, query or fragment
     * @param mode what the built-in upstream does at startup (changeable at run time)
     * @param timeout how long to wait for the whole answer, 100 ms..30 s
     * @param connectTimeout how long to wait for the connection, 100 ms..30 s
     * @param maxCalls calls the built-in upstream answers at once, 1..10,000; one more gets a
     *     503 at once (its slow mode holds a thread for the timeout plus one second)
     */
    public record Upstream(
            URI baseUrl,
            @NotNull UpstreamMode mode,
            @NotNull Duration timeout,
            @NotNull Duration connectTimeout,
            @Min(1) @Max(10_000) int maxCalls) {

        public Upstream {
            requireWithin("sandbox.upstream.timeout", timeout, Duration.ofMillis(100), Duration.ofSeconds(30));
            requireWithin("sandbox.upstream.connect-timeout", connectTimeout, Duration.ofMillis(100), Duration.ofSeconds(30));
            if (baseUrl != null) {
                requireCallable(baseUrl);
            }
        }
    }

    /**
     * @param defaultRetryAfter the {@code Retry-After} of a simulated 429 or 503 when the request
     *     gives none, 1 s..1 h
     * @param maxDelayed simulations waiting out a {@code delay} at once, 1..1,000; one more gets a
     *     503 at once
     */
    public record Simulate(@NotNull Duration defaultRetryAfter, @Min(1) @Max(1_000) int maxDelayed) {

        public Simulate {
            requireWithin("sandbox.simulate.default-retry-after", defaultRetryAfter, Duration.ofSeconds(1), Duration.ofHours(1));
        }
    }

    /**
     * @param max how many customers the store holds before a create is refused, 1..100,000
     */
    public record Customers(@Min(1) @Max(100_000) int max) {
    }

    /**
     * Checked here, at startup, because the JDK's client refuses a URL without a host only when
     * a call is made, and a query or fragment would swallow the {@code credit/{id}} appended to
     * the path. The URL is not repeated in the message: its user info could hold a password.
     */
    private static void requireCallable(URI baseUrl) {
        if (!("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("sandbox.upstream.base-url must be an http or https URL");
        }
        if (baseUrl.isOpaque() || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("sandbox.upstream.base-url must name a host (http://host:port/path)");
        }
        if (baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "sandbox.upstream.base-url must hold only a scheme, a host, a port and a path: no user info, query or fragment");
        }
    }

    private static void requireWithin(String name, Duration value, Duration min, Duration max) {
        if (value == null) {
            return; // @NotNull reports it with the property's name
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", was " + value);
        }
    }
}
