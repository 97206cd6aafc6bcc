package dev.restfault.testkit.probe;

import dev.restfault.client.BoundedBodySubscriber;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.testkit.check.ContractChecker;
import dev.restfault.testkit.check.ResponseHeaders;
import dev.restfault.testkit.check.Rule;
import dev.restfault.testkit.check.Violation;
import dev.restfault.testkit.implementation.ProbeRequest;
import dev.restfault.testkit.implementation.ProbeTarget;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
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
import java.util.Map;
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
    private final ProbeTarget target;
    private final Duration timeout;
    private final Set<ProbeCase> cases;
    private final ContractChecker checker;
    private final ErrorFormat expectedFormat;
    private final HttpClient client;

    private Probe(Builder b) {
        this.baseUrl = b.baseUrl;
        this.target = new ProbeTarget(b.baseUrl, b.resource, b.token, b.locale, 0);
        this.timeout = b.timeout;
        this.cases = b.cases.isEmpty() ? EnumSet.noneOf(ProbeCase.class) : EnumSet.copyOf(b.cases);
        this.checker = b.checker;
        this.expectedFormat = b.expectedFormat;
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
        ProbeRequest r = target.request(c);
        HttpRequest.Builder rb = HttpRequest.newBuilder(r.uri()).timeout(timeout);
        for (Map.Entry<String, String> h : r.headers()) {
            rb.header(h.getKey(), h.getValue());
        }
        HttpRequest request = rb.method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(r.body())).build();
        try {
            Exchange exchange = exchange(request);
            List<Violation> violations = r.judge(checker, expectedFormat, exchange.status, exchange.headers, exchange.body, false);
            return new ProbeResult(c, r.method(), r.uri(), exchange.status, violations, null);
        } catch (ProbeFailure failure) {
            return new ProbeResult(c, r.method(), r.uri(), null, List.of(Violation.of(Rule.NO_RESPONSE,
                    c.id() + " got no answer: " + failure.getMessage(), r.line())), failure.getMessage());
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
            this.baseUrl = ProbeTarget.baseUrl(baseUrl);
            this.resource = this.baseUrl;
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
            this.resource = ProbeTarget.resource(baseUrl, relativePath);
            return this;
        }

        /**
         * The bearer token sent with every case except {@code no-credentials} and {@code bad-token};
         * null means none.
         *
         * @throws IllegalArgumentException if it holds characters a header cannot carry
         */
        public Builder token(String token) {
            this.token = ProbeTarget.token(token);
            return this;
        }

        /**
         * The timeout of each request: connect and response headers each, and twice that for the
         * whole exchange including the body.
         *
         * @throws IllegalArgumentException unless within 1 ms..5 minutes
         */
        public Builder timeout(Duration timeout) {
            this.timeout = ProbeTarget.timeout(timeout);
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
            this.locale = ProbeTarget.locale(locale);
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
