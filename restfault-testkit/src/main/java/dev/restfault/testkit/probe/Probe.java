package dev.restfault.testkit.probe;

import dev.restfault.client.BoundedBodySubscriber;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.MediaType;
import dev.restfault.core.http.RequestIds;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.testkit.check.ContractChecker;
import dev.restfault.testkit.check.ObservedResponse;
import dev.restfault.testkit.check.ResponseHeaders;
import dev.restfault.testkit.check.Rule;
import dev.restfault.testkit.check.Violation;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Provokes errors from a live API and checks every answer with the {@link ContractChecker}.
 *
 * <p>It sends the {@link ProbeCase} battery (an unknown path, a wrong method, an unacceptable
 * {@code Accept}, a malformed body, no credentials, a bad token, a huge header, a locale, ids
 * that are not GUIDs, a problem-details {@code Accept}), one request each, sequentially, and
 * adds two rules the checker alone cannot judge: a client's mistake answered with a 5xx
 * ({@code client-error-as-5xx}) and a request left without an answer ({@code no-response}).
 * Each answer is checked with the request's facts (method, ids, language and {@code Accept}),
 * so problem details to a request that did not prefer them ({@code problem-not-preferred}) and
 * a 406 that names only the refused type ({@code 406-available}) are caught.
 *
 * <p>Guarantees: every request goes to the base URL or below it (the resource path is checked,
 * redirects are never followed); at most {@link #MAX_REQUESTS} requests, each bounded by the
 * timeout (connect, headers and body alike); at most {@link ContractChecker#MAX_BODY_BYTES} + 1
 * bytes of each body are read, without blocking a thread, and a body not complete by the deadline
 * is abandoned with its connection closed; nothing destructive is sent (see {@link ProbeCase}:
 * the two requests with a body also carry {@code If-Match: "restfault-probe-never-matches"},
 * so a server that would act must refuse with 412 first); valid
 * {@code MS-CorrelationId} and {@code MS-RequestId} are sent with every request (except the case
 * that sends invalid ones), so the checker can verify they are echoed. The token is sent as a
 * bearer token to the base URL only, never printed. A probe may be run more than once;
 * instances are immutable and thread-safe.
 */
public final class Probe {

    /** The most requests one run sends. */
    public static final int MAX_REQUESTS = 32;

    /** The size of the huge header's value. */
    public static final int HUGE_HEADER_BYTES = 32 * 1024;

    /**
     * The {@code If-Match} sent with the two requests that carry a body ({@code PATCH} and
     * {@code POST}): an entity tag no resource has, so a server that would act on either must
     * answer 412 Precondition Failed instead (RFC 9110 §13.1.1).
     */
    public static final String NEVER_MATCHING_ETAG = "\"restfault-probe-never-matches\"";

    private final URI baseUrl;
    private final URI resource;
    private final String token;
    private final Duration timeout;
    private final Set<ProbeCase> cases;
    private final ContractChecker checker;
    private final ErrorFormat expectedFormat;
    private final Locale locale;
    private final HttpClient client;

    private Probe(Builder b) {
        this.baseUrl = b.baseUrl;
        this.resource = b.resource;
        this.token = b.token;
        this.timeout = b.timeout;
        this.cases = b.cases.isEmpty() ? EnumSet.noneOf(ProbeCase.class) : EnumSet.copyOf(b.cases);
        this.checker = b.checker;
        this.expectedFormat = b.expectedFormat;
        this.locale = b.locale;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * A probe of the API at {@code baseUrl}.
     *
     * @param baseUrl an absolute {@code http} or {@code https} URL without user info or fragment
     * @throws IllegalArgumentException otherwise
     */
    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    /** The base URL, ending with {@code /}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The cases a run sends, in order; empty when every case was skipped. */
    public Set<ProbeCase> cases() {
        return java.util.Collections.unmodifiableSet(cases);
    }

    /** Runs the battery. */
    public ProbeReport run() {
        return run(ProbeListener.NONE);
    }

    /**
     * Runs the battery, telling {@code listener} about each request.
     *
     * @param listener null means none
     */
    public ProbeReport run(ProbeListener listener) {
        ProbeListener l = listener == null ? ProbeListener.NONE : listener;
        List<ProbeResult> results = new ArrayList<>();
        int total = Math.min(cases.size(), MAX_REQUESTS);
        int index = 0;
        for (ProbeCase c : cases) {
            if (index == MAX_REQUESTS) {
                break;
            }
            index++;
            try {
                l.sending(c, index, total);
            } catch (RuntimeException ignored) {
                // A progress line must not stop the probe.
            }
            ProbeResult r = send(c);
            results.add(r);
            try {
                l.checked(r);
            } catch (RuntimeException ignored) {
                // Same as above.
            }
        }
        return new ProbeReport(baseUrl, results);
    }

    private ProbeResult send(ProbeCase c) {
        String correlationId = RequestIds.generate();
        String requestId = RequestIds.generate();
        URI unknown = baseUrl.resolve("restfault-probe-" + RequestIds.generate());
        String accept = "application/json";
        HttpRequest.Builder rb = HttpRequest.newBuilder().timeout(timeout)
                .header("User-Agent", "restfault-probe");
        boolean credentials = token != null;
        Locale requested = null;
        String method = "GET";
        URI target = resource;
        switch (c) {
            case UNKNOWN_PATH:
                target = unknown;
                break;
            case WRONG_METHOD:
                method = "PATCH";
                rb.header("Content-Type", "application/merge-patch+json");
                // A precondition no entity can meet: a server that would act on the request
                // must answer 412 before changing anything (RFC 9110 §13.1.1).
                rb.header("If-Match", NEVER_MATCHING_ETAG);
                break;
            case NOT_ACCEPTABLE:
                accept = "application/x-restfault-probe";
                break;
            case MALFORMED_BODY:
                method = "POST";
                rb.header("Content-Type", "application/json");
                rb.header("If-Match", NEVER_MATCHING_ETAG);
                break;
            case NO_CREDENTIALS:
                credentials = false;
                break;
            case BAD_TOKEN:
                credentials = false;
                rb.header("Authorization", "Bearer restfault-probe.invalid.token");
                break;
            case HUGE_HEADER:
                rb.header("X-Restfault-Probe", "a".repeat(HUGE_HEADER_BYTES));
                break;
            case LOCALE:
                target = unknown;
                requested = locale;
                rb.header(HeaderNames.X_LOCALE, locale.toLanguageTag());
                break;
            case INVALID_IDS:
                target = unknown;
                correlationId = "not-a-guid";
                requestId = "0000-restfault-probe";
                break;
            case PROBLEM_ACCEPT:
                target = unknown;
                accept = "application/problem+json";
                break;
            default:
                throw new AssertionError(c);
        }
        rb.header(HeaderNames.ACCEPT, accept);
        if (credentials) {
            rb.header("Authorization", "Bearer " + token);
        }
        rb.header(HeaderNames.MS_CORRELATION_ID, correlationId).header(HeaderNames.MS_REQUEST_ID, requestId);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (c == ProbeCase.WRONG_METHOD) {
            body = HttpRequest.BodyPublishers.ofString("{}");
        } else if (c == ProbeCase.MALFORMED_BODY) {
            body = HttpRequest.BodyPublishers.ofString("{\"restfault-probe\": [1, 2,");
        }
        HttpRequest request = rb.uri(target).method(method, body).build();
        try {
            Exchange exchange = exchange(request);
            ObservedResponse observed = ObservedResponse.builder(exchange.status)
                    .headers(exchange.headers)
                    .body(exchange.body)
                    .requestMethod(method)
                    // A server that refuses an oversized header block may never have read the
                    // ids in it: it must still send GUIDs, but cannot be held to echoing them.
                    .sentCorrelationId(c == ProbeCase.HUGE_HEADER ? null : correlationId)
                    .sentRequestId(c == ProbeCase.HUGE_HEADER ? null : requestId)
                    .requestedLocale(requested)
                    // So the checker can tell problem details nobody asked for, and a 406 that
                    // names only the refused type.
                    .requestAccept(accept)
                    .build();
            List<Violation> violations = new ArrayList<>(checker.check(observed));
            if (exchange.status >= 500) {
                violations.add(0, Violation.of(Rule.CLIENT_ERROR_AS_5XX,
                        c.id() + " answered " + exchange.status + ": a client's mistake reported as a server fault",
                        method + " " + target.getRawPath()));
            }
            if (expectedFormat != null && exchange.status >= 400 && c != ProbeCase.PROBLEM_ACCEPT) {
                boolean problemType = exchange.headers.first(HeaderNames.CONTENT_TYPE)
                        .map(t -> MediaType.parse(t).isProblemJson()).orElse(false);
                ErrorFormat found = checker.detectFormat(exchange.body, problemType).orElse(expectedFormat);
                if (found != expectedFormat) {
                    violations.add(Violation.of(Rule.EXPECTED_FORMAT, "a " + found.token() + " error, the API promises "
                            + expectedFormat.token(), method + " " + target.getRawPath()));
                }
            }
            return new ProbeResult(c, method, target, exchange.status, violations, null);
        } catch (ProbeFailure failure) {
            return new ProbeResult(c, method, target, null, List.of(Violation.of(Rule.NO_RESPONSE,
                    c.id() + " got no answer: " + failure.getMessage(), method + " " + target.getRawPath())), failure.getMessage());
        }
    }

    private static final class Exchange {
        final int status;
        final ResponseHeaders headers;
        final byte[] body;

        Exchange(int status, ResponseHeaders headers, byte[] body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
        }
    }

    /** Why an exchange produced no response; a message, never a stack trace. */
    private static final class ProbeFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ProbeFailure(String message) {
            super(message, null, false, false);
        }
    }

    private Exchange exchange(HttpRequest request) throws ProbeFailure {
        // The request timeout covers the wait for headers; the whole exchange, body included, is
        // bounded by twice that: at the deadline the body subscriber is stopped, which closes
        // the connection, so a server that stalls mid-body holds neither a thread nor a socket.
        // No thread waits for the body either: the client's subscriber takes bytes as they come.
        // One byte past the checker's limit is read, so the checker sees the body is too long.
        long limit = timeout.toMillis() * 2;
        AtomicReference<BoundedBodySubscriber> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<BoundedBodySubscriber.Body>> f = client.sendAsync(request, info -> {
            BoundedBodySubscriber b = BoundedBodySubscriber.prefix(info, ContractChecker.MAX_BODY_BYTES + 1,
                    Duration.ofMillis(limit));
            body.set(b);
            return b;
        });
        try {
            HttpResponse<BoundedBodySubscriber.Body> response = f.get(limit, TimeUnit.MILLISECONDS);
            BoundedBodySubscriber.Body b = response.body();
            // A body that stopped arriving, or whose connection broke, is no complete answer;
            // one cut at the limit is, and the checker reports its length.
            if (b.end() == BoundedBodySubscriber.End.TIMEOUT) {
                throw new ProbeFailure("no complete answer within " + limit + " ms");
            }
            if (b.end() == BoundedBodySubscriber.End.BROKEN) {
                throw new ProbeFailure(describe(new IOException("connection broke inside the body")));
            }
            return new Exchange(response.statusCode(), ResponseHeaders.of(response.headers()), b.bytes());
        } catch (TimeoutException e) {
            abort(f, body.get());
            throw new ProbeFailure("no complete answer within " + limit + " ms");
        } catch (InterruptedException e) {
            abort(f, body.get());
            Thread.currentThread().interrupt();
            throw new ProbeFailure("interrupted");
        } catch (ExecutionException e) {
            throw new ProbeFailure(describe(e.getCause()));
        }
    }

    private static void abort(CompletableFuture<?> exchange, BoundedBodySubscriber body) {
        if (body != null) {
            body.stop();
        }
        // Before the headers: cancelling the future aborts the exchange (and its connection).
        exchange.cancel(true);
    }

    /** A short, stable description of a transport failure. */
    static String describe(Throwable t) {
        Throwable cause = t;
        for (int i = 0; i < 8 && cause != null; i++) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "connect timed out";
            }
            if (cause instanceof HttpTimeoutException) {
                return "timed out";
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof javax.net.ssl.SSLException) {
                return "TLS failure";
            }
            cause = cause.getCause();
        }
        if (t instanceof IOException || t instanceof java.io.UncheckedIOException) {
            return "connection closed or reset";
        }
        return "request failed";
    }

    /** Builds a {@link Probe}; not thread-safe. */
    public static final class Builder {
        private final URI baseUrl;
        private URI resource;
        private String token;
        private Duration timeout = Duration.ofSeconds(10);
        private final Set<ProbeCase> cases = EnumSet.allOf(ProbeCase.class);
        private ContractChecker checker = ContractChecker.standard();
        private ErrorFormat expectedFormat;
        // Japanese by default rather than French: the checker tells Japanese text from English
        // by its script, so an English text labelled ja-JP is caught.
        private Locale locale = Locale.JAPAN;

        private Builder(URI baseUrl) {
            this.baseUrl = normalizeBase(baseUrl);
            this.resource = this.baseUrl;
        }

        private static URI normalizeBase(URI url) {
            if (url == null) {
                throw new IllegalArgumentException("base URL must not be null");
            }
            String scheme = url.getScheme();
            if (!url.isAbsolute() || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException("base URL must be an absolute http or https URL");
            }
            if (url.getHost() == null || url.getHost().isEmpty()) {
                throw new IllegalArgumentException("base URL must name a host");
            }
            if (url.getRawUserInfo() != null) {
                throw new IllegalArgumentException("base URL must not carry user info; use a token");
            }
            if (url.getRawFragment() != null || url.getRawQuery() != null) {
                throw new IllegalArgumentException("base URL must not carry a query or fragment");
            }
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            if (!path.endsWith("/")) {
                path = path + "/";
            }
            try {
                // From the raw parts as a string: the multi-argument constructors would quote
                // the '%' of an already-encoded path again (/api%20v1/ -> /api%2520v1/).
                return new URI(scheme.toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority() + path).normalize();
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("base URL is not valid: " + e.getReason());
            }
        }

        /**
         * The resource the resource-level cases target (wrong method, bad {@code Accept},
         * malformed body, credentials, huge header): a path relative to the base URL, such as
         * {@code "orders"}, written as in a URL (percent-encoded: {@code "my%20orders"}; a path
         * without any {@code %} whose characters a URL cannot hold, such as {@code "my orders"},
         * is encoded for you). Defaults to the base URL itself.
         *
         * @throws IllegalArgumentException if the path is absolute, has a scheme or authority
         *     (a colon in the first segment, as in {@code "a:b"}, reads as one: write
         *     {@code "./a:b"}), has a query or fragment, or leaves the base URL ({@code ..})
         */
        public Builder resource(String relativePath) {
            if (relativePath == null || relativePath.isEmpty()) {
                this.resource = baseUrl;
                return this;
            }
            URI rel;
            try {
                // As written in a URL (already percent-encoded, like the base URL): parsed raw, so
                // "my%20orders" stays one escape. Only a path with characters a URL cannot hold
                // and no escape of its own ("my orders") is encoded for the caller.
                rel = new URI(relativePath);
            } catch (URISyntaxException raw) {
                if (relativePath.indexOf('%') >= 0) {
                    throw new IllegalArgumentException("resource must be a relative path, percent-encoded throughout");
                }
                try {
                    rel = new URI(null, null, relativePath, null);
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException("resource must be a relative path");
                }
            }
            if (rel.getRawQuery() != null || rel.getRawFragment() != null) {
                throw new IllegalArgumentException("resource must be a path, without query or fragment");
            }
            if (relativePath.startsWith("/") || relativePath.contains("://") || relativePath.startsWith("//")) {
                throw new IllegalArgumentException("resource must be a path relative to the base URL");
            }
            if (rel.isOpaque() || rel.getScheme() != null || rel.getRawAuthority() != null) {
                // "a:b" parses as scheme "a": not a path below the base URL.
                throw new IllegalArgumentException("resource must be a path relative to the base URL (a colon in its "
                        + "first segment reads as a scheme; write ./" + "name)");
            }
            URI resolved = baseUrl.resolve(rel).normalize();
            if (resolved.isOpaque() || resolved.getRawPath() == null || !Objects.equals(resolved.getScheme(), baseUrl.getScheme())) {
                throw new IllegalArgumentException("resource must be a path relative to the base URL");
            }
            // Servers decode %2e, %2f and %5c before they normalize: "%2e%2e/" climbs like "../".
            String lower = relativePath.toLowerCase(java.util.Locale.ROOT);
            boolean encodedTraversal = lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c")
                    || relativePath.indexOf('\\') >= 0;
            if (!resolved.getRawPath().startsWith(baseUrl.getRawPath()) || !Objects.equals(resolved.getRawAuthority(), baseUrl.getRawAuthority())
                    || relativePath.contains("..") || encodedTraversal) {
                throw new IllegalArgumentException("resource must stay within the base URL");
            }
            this.resource = resolved;
            return this;
        }

        /**
         * The bearer token sent with every case except {@code no-credentials} and {@code bad-token};
         * null means none.
         *
         * @throws IllegalArgumentException if it holds characters a header cannot carry
         */
        public Builder token(String token) {
            if (token != null && !dev.restfault.core.http.HeaderValues.isSafe(token)) {
                throw new IllegalArgumentException("token holds characters a header cannot carry");
            }
            this.token = token == null || token.isEmpty() ? null : token;
            return this;
        }

        /**
         * The timeout of each request: connect and response headers each, and twice that for the
         * whole exchange including the body.
         *
         * @throws IllegalArgumentException unless within 1 ms..5 minutes
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("timeout must be within 1 ms and 5 minutes");
            }
            this.timeout = timeout;
            return this;
        }

        /** Leaves cases out of the battery. */
        public Builder skip(ProbeCase... skipped) {
            for (ProbeCase c : skipped) {
                cases.remove(Objects.requireNonNull(c, "case"));
            }
            return this;
        }

        /**
         * The format the API promises for its errors; any other is an {@code expected-format}
         * violation. Null (the default) accepts any of the three.
         */
        public Builder expectedFormat(ErrorFormat format) {
            this.expectedFormat = format;
            return this;
        }

        /**
         * The language the {@code locale} case asks for with {@code X-Locale}; ja-JP by default.
         *
         * @throws IllegalArgumentException if null or without a language
         */
        public Builder locale(Locale locale) {
            if (locale == null || locale.getLanguage().isEmpty()) {
                throw new IllegalArgumentException("locale must have a language");
            }
            this.locale = locale;
            return this;
        }

        /** Another checker, such as one with a fixed clock. */
        public Builder checker(ContractChecker checker) {
            this.checker = Objects.requireNonNull(checker, "checker");
            return this;
        }

        public Probe build() {
            return new Probe(this);
        }
    }
}
