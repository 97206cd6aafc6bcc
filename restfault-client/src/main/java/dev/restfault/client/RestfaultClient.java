package dev.restfault.client;

import dev.restfault.client.retry.RetryDecision;
import dev.restfault.client.retry.RetryListener;
import dev.restfault.client.retry.RetryPolicy;
import dev.restfault.client.retry.StopReason;
import dev.restfault.core.catalog.StatusCatalog;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small facade over {@link HttpClient} that sends a request, retries it exactly when the
 * contract says it is safe, and turns every failure into a {@link RestfaultException}.
 *
 * <pre>{@code
 * RestfaultClient client = RestfaultClient.builder().locale(Locale.FRANCE).build();
 * try {
 *     ClientResponse r = client.send(HttpRequest.newBuilder(uri).GET().build());
 * } catch (ContractErrorException e) {      // the server answered 4xx/5xx
 *     log.warn("{} (code {}, retry after {})", e.getMessage(), e.code(), e.retryAfter());
 * } catch (TransportException e) {          // no complete response
 *     ...
 * }
 * }</pre>
 *
 * <p>Per logical call (one {@code send} or {@code sendAsync}), as docs/contract.md, section
 * Retry, says:
 * <ul>
 *   <li>{@code MS-RequestId}: the caller's if the request has one, otherwise a new GUID (unless
 *       {@link Builder#generateRequestIds(boolean) turned off}); the <em>same</em> value on every
 *       attempt. Only an id the <em>caller</em> set makes a non-idempotent request (POST, PATCH)
 *       retryable after a 500, 502, a 503/504 without {@code Retry-After} or a transport failure:
 *       setting it is the caller's promise that the server deduplicates on it. A generated id is
 *       for tracing only and never widens what is retried
 *       ({@link RequestContext#requestIdSuppliedByCaller()});</li>
 *   <li>{@code MS-CorrelationId}: the caller's if set, otherwise a new GUID per call;</li>
 *   <li>{@code X-Locale} and {@code MS-Contract-Version} when configured and the request does
 *       not set them.</li>
 * </ul>
 * A caller-set {@code MS-RequestId} or {@code MS-CorrelationId} that is not a GUID is rejected
 * with an {@link IllegalArgumentException} (never sent).
 *
 * <p>Each attempt's wait for the response headers is bounded by the request's timeout (or
 * {@link Builder#requestTimeout(Duration)}), its body by {@link Builder#bodyTimeout(Duration)},
 * both also by the time left before the policy's deadline. Error bodies are kept up to the
 * decoder's cap; other bodies up to {@link Builder#maxResponseBytes(int)}. Retries wait on
 * {@link CompletableFuture#delayedExecutor}: no thread sleeps, on the synchronous path either
 * (it waits on the same future); they then start on {@link Builder#executor(Executor) the
 * executor}, never on the JDK's delay-scheduler thread.
 *
 * <p>A request body is sent again on retry: use a replayable {@code BodyPublisher}
 * ({@code ofString}, {@code ofByteArray}, {@code ofFile}, or {@code ofInputStream} with a supplier
 * that opens a new stream). Thread-safe; share one client per service.
 */
public final class RestfaultClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RestfaultClient.class.getName());

    private final HttpClient http;
    private final boolean ownsHttp;
    private final Duration connectTimeout;
    private final ErrorDecoder decoder;
    private final RetryPolicy policy;
    private final RetryListener listener;
    private final Duration requestTimeout;
    private final Duration bodyTimeout;
    private final int maxResponseBytes;
    private final CallHeaders callHeaders;
    private final Executor executor;
    // Non-null when this client created its executor (and so shuts it down on close).
    private final ExecutorService ownedExecutor;
    private volatile boolean closed;

    private RestfaultClient(Builder b) {
        this.ownsHttp = b.http == null;
        this.connectTimeout = ownsHttp ? b.connectTimeout : b.http.connectTimeout().orElse(null);
        this.http = ownsHttp ? HttpClient.newBuilder().connectTimeout(b.connectTimeout).build() : b.http;
        this.decoder = b.decoder;
        this.policy = b.policy != null ? b.policy : RetryPolicy.defaults();
        this.listener = b.listener;
        this.requestTimeout = b.requestTimeout;
        this.bodyTimeout = b.bodyTimeout;
        this.maxResponseBytes = b.maxResponseBytes;
        this.callHeaders = b.headers.build();
        Executor chosen = b.executor != null ? b.executor : http.executor().orElse(null);
        // Never Runnable::run: retries would then start (and listeners run) on the JDK's single
        // shared delay-scheduler thread, which also fires every body-timeout timer in the JVM,
        // so one slow listener would hold up other calls' timeouts.
        this.ownedExecutor = chosen == null ? newDefaultExecutor() : null;
        this.executor = chosen != null ? chosen : ownedExecutor;
    }

    /**
     * A cached pool of daemon threads ("restfault-client-N"), like the HttpClient's own default:
     * a thread per task when all are busy, idle ones end after a few seconds, so an unused client
     * holds no thread and never keeps the JVM alive. Not a fixed pool: callers' dependent stages
     * run on these threads too, and a caller that blocks there (a synchronous call from a
     * {@code thenApply}) must not starve the completions it waits for.
     */
    private static ExecutorService newDefaultExecutor() {
        return DaemonThreads.cachedPool("restfault-client-", 5);
    }

    /** A client with every default: a new {@code HttpClient}, {@link RetryPolicy#defaults()}. */
    public static RestfaultClient create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The decoder that turns error responses into {@link ContractErrorException}s. */
    public ErrorDecoder decoder() {
        return decoder;
    }

    public RetryPolicy retryPolicy() {
        return policy;
    }

    /** The underlying client. */
    public HttpClient httpClient() {
        return http;
    }

    /**
     * Sends {@code request} (with retries) and waits for the outcome.
     *
     * @return the response when its status is below 400 (or above 599, which is not HTTP)
     * @throws ContractErrorException the last attempt got a 4xx or 5xx
     * @throws TransportException the last attempt got no complete response
     * @throws ResponseTooLargeException a non-error body exceeded {@link Builder#maxResponseBytes(int)}
     * @throws CallInterruptedException this thread was interrupted; the call is cancelled and
     *     the interrupt flag set again
     * @throws NullPointerException if {@code request} is null
     * @throws IllegalArgumentException if the request carries an {@code MS-RequestId} or
     *     {@code MS-CorrelationId} that is not a GUID, or {@code HttpClient} rejects it
     * @throws IllegalStateException if the client is closed
     */
    public ClientResponse send(HttpRequest request) {
        Call call = start(request);
        try {
            return call.result.get();
        } catch (InterruptedException e) {
            call.result.cancel(true);
            Thread.currentThread().interrupt();
            throw new CallInterruptedException(e, call.retry.context());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new CompletionException(cause);
        }
    }

    /**
     * Sends {@code request} (with retries) without blocking any thread while it waits.
     *
     * <p>The future completes with the response (status below 400), or exceptionally with the
     * same exceptions {@link #send(HttpRequest)} throws (as the cause of the
     * {@code ExecutionException}/{@code CompletionException} when you {@code get}/{@code join}).
     * Cancelling it aborts the exchange in flight and any retry still to come.
     *
     * @throws NullPointerException if {@code request} is null
     * @throws IllegalArgumentException if an id header is not a GUID (thrown here, not in the future)
     * @throws IllegalStateException if the client is closed
     */
    public CompletableFuture<ClientResponse> sendAsync(HttpRequest request) {
        return start(request).result;
    }

    /**
     * Refuses new calls. Closes the {@code HttpClient} if this client created it and the JDK can
     * close one (Java 21+), and shuts down the default executor if the client created it:
     * attempts in flight finish as they would, but a retry still waiting for its delay is not
     * made, whoever owns the executor (its call fails with its last failure, whose
     * {@code retryStop()} is {@code CLIENT_CLOSED}).
     */
    @Override
    public void close() {
        closed = true;
        if (ownedExecutor != null) {
            // A retry still waiting is then rejected and its call fails with its last failure.
            ownedExecutor.shutdown();
        }
        if (ownsHttp && http instanceof AutoCloseable) {
            try {
                ((AutoCloseable) http).close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the HttpClient failed", e);
            }
        }
    }

    private Call start(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed) {
            throw new IllegalStateException("the client is closed");
        }
        Call call = prepare(request);
        call.result.whenComplete((r, e) -> {
            if (call.result.isCancelled()) {
                CompletableFuture<?> inFlight = call.inFlight;
                if (inFlight != null) {
                    inFlight.cancel(true);
                }
            }
        });
        attempt(call);
        return call;
    }

    private Call prepare(HttpRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request, (name, value) -> true);
        RequestContext context = callHeaders.apply(request.method(), request.uri(),
                name -> request.headers().firstValue(name).orElse(null), b::setHeader);
        return new Call(b.build(), request.timeout().orElse(requestTimeout), RetryingCall.start(policy, listener, context));
    }

    private void attempt(Call call) {
        if (call.result.isDone()) {
            return;
        }
        RequestContext ctx = call.retry.context();
        long attemptStart = System.nanoTime();
        Duration headersTimeout = call.retry.bounded(call.timeout);
        HttpRequest req = HttpRequest.newBuilder(call.request, (name, value) -> true).timeout(headersTimeout).build();
        call.retry.attemptStarting();
        CompletableFuture<HttpResponse<BoundedBodySubscriber.Body>> f;
        // The body reader of an error response, once its headers are in: if the connection then
        // breaks, the status and headers still decode (see completed()).
        AtomicReference<BoundedBodySubscriber> errorBody = new AtomicReference<>();
        try {
            f = http.sendAsync(req, info -> {
                boolean error = StatusCatalog.isError(info.statusCode());
                // The body's clock starts with the headers, bounded by the call's deadline.
                BoundedBodySubscriber body = new BoundedBodySubscriber(info, error ? decoder.maxBodyBytes() : maxResponseBytes,
                        error, call.retry.bounded(bodyTimeout));
                if (error) {
                    errorBody.set(body);
                }
                return body;
            });
        } catch (RuntimeException rejected) {
            // HttpClient rejects some requests synchronously (a restricted header, say).
            call.result.completeExceptionally(rejected);
            return;
        }
        call.inFlight = f;
        if (call.result.isCancelled()) {
            f.cancel(true);
        }
        // Decoding, the retry decision and the listener run on the executor, not on whichever
        // thread completed the exchange: after a body timeout that is the JDK's shared delay
        // scheduler, which must stay free to fire every other timer of the JVM.
        f.whenComplete((response, failure) -> dispatch(call,
                () -> completed(call, ctx, attemptStart, headersTimeout, response, failure, errorBody.get())));
    }

    /** Runs a step of {@code call} on the executor, or here if it refuses (the attempt is over either way). */
    private void dispatch(Call call, Runnable step) {
        Runnable task = () -> guarded(call, step);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException shutDown) {
            task.run();
        }
    }

    /**
     * Runs a step of {@code call} that no one waits on but the call's future: whatever it throws
     * (a policy's {@code AssertionError}, a decoder bug) fails the call with it. Thrown out of an
     * executor's task or a timer's action, it would end only that task and leave the caller
     * waiting for ever.
     */
    private static void guarded(Call call, Runnable step) {
        try {
            step.run();
        } catch (Throwable bug) {
            call.result.completeExceptionally(bug);
            if (bug instanceof VirtualMachineError) {
                // Recorded on the call, and still the thread's to die of.
                throw (VirtualMachineError) bug;
            }
        }
    }

    /**
     * @param errorBody the body reader of an error response whose headers arrived, or null
     */
    private void completed(Call call, RequestContext ctx, long attemptStart, Duration headersTimeout,
            HttpResponse<BoundedBodySubscriber.Body> response, Throwable failure, BoundedBodySubscriber errorBody) {
        if (call.result.isDone()) {
            return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - attemptStart);
        if (failure != null) {
            Throwable cause = Failures.unwrap(failure);
            RestfaultException mapped = cause instanceof CancellationException ? null
                    : Failures.classify(cause, ctx, headersTimeout, connectTimeout);
            if (mapped == null) {
                call.result.completeExceptionally(cause);
            } else if (errorBody != null && mapped instanceof TransportException) {
                // The server's status and headers arrived before the connection broke: they say
                // what happened (a 429's Retry-After above all), so the error is theirs, with the
                // body cut where it stopped, not a transport failure that would lose them.
                BoundedBodySubscriber.Body cut = errorBody.cutShort();
                failedWithError(call, ctx, errorBody.status(), errorBody.headers(), cut, took);
            } else {
                failed(call, ctx, mapped, took);
            }
            return;
        }
        int status = response.statusCode();
        BoundedBodySubscriber.Body body = response.body();
        if (StatusCatalog.isError(status)) {
            failedWithError(call, ctx, status, response.headers(), body, took);
            return;
        }
        call.retry.succeeded(status, took);
        call.result.complete(new ClientResponse(status, response.headers(), body.bytes, ctx));
    }

    private void failedWithError(Call call, RequestContext ctx, int status, HttpHeaders headers,
            BoundedBodySubscriber.Body body, Duration took) {
        // A decoder bug fails the call with it (see guarded).
        ContractErrorException error = decoder.decodeOwned(status, headers, body.bytes, body.truncated, body.timedOut, ctx);
        failed(call, ctx, error, took);
    }

    private void failed(Call call, RequestContext ctx, RestfaultException failure, Duration took) {
        // A policy's exception fails the call with it (see guarded). The decision is held to the
        // call's bounds: its delay is never past the deadline nor over a day.
        RetryDecision decision = call.retry.failed(failure, took);
        if (!decision.shouldRetry()) {
            call.result.completeExceptionally(failure);
            return;
        }
        Runnable retry = () -> guarded(call, () -> {
            // Checked again here: close() may come between the hand-over and this run, and a
            // queued task still runs on an executor that is shut down or not ours.
            if (closed) {
                call.retry.abandoned(failure, StopReason.CLIENT_CLOSED);
                call.result.completeExceptionally(failure);
                return;
            }
            attempt(call);
        });
        // The JDK's delay scheduler only hands the retry over, so the caller's callbacks run on
        // the executor, not on the scheduler's one shared thread. Handing it over here (not via
        // delayedExecutor's own executor argument) lets a rejection fail the call instead of
        // vanishing in the scheduler thread and leaving the future pending forever.
        CompletableFuture.delayedExecutor(Durations.saturatedNanos(decision.delay()), TimeUnit.NANOSECONDS, Runnable::run)
                .execute(() -> guarded(call, () -> {
                    try {
                        executor.execute(retry);
                    } catch (RejectedExecutionException refused) {
                        // Shut down by close(), or a caller's executor that is full: the call
                        // ends with its last failure.
                        if (closed) {
                            call.retry.abandoned(failure, StopReason.CLIENT_CLOSED);
                        }
                        call.result.completeExceptionally(failure);
                    }
                }));
    }

    /** One logical call: the prepared request, its attempts and clock, its future. */
    private static final class Call {
        final HttpRequest request;
        final Duration timeout;
        final RetryingCall retry;
        final CompletableFuture<ClientResponse> result = new CompletableFuture<>();
        volatile CompletableFuture<?> inFlight;

        Call(HttpRequest request, Duration timeout, RetryingCall retry) {
            this.request = request;
            this.timeout = timeout;
            this.retry = retry;
        }
    }

    /** Configures a {@link RestfaultClient}; setters validate at once. Not thread-safe. */
    public static final class Builder {
        private HttpClient http;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private boolean connectTimeoutSet;
        private ErrorDecoder decoder = ErrorDecoder.standard();
        private RetryPolicy policy;
        private RetryListener listener = RetryListener.NONE;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration bodyTimeout = Duration.ofSeconds(30);
        private int maxResponseBytes = 16 * 1024 * 1024;
        private final CallHeaders.Builder headers = CallHeaders.builder();
        private Executor executor;

        private Builder() {
        }

        /**
         * The {@code HttpClient} to send with (its executor, proxy, TLS, redirect and connect
         * settings apply). Default: a new one with {@link #connectTimeout(Duration)}.
         *
         * @throws NullPointerException if null
         */
        public Builder httpClient(HttpClient httpClient) {
            this.http = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Connect timeout of the default {@code HttpClient}; default 10 s. Not combinable with
         * {@link #httpClient(HttpClient)} (set it on that client instead).
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            this.connectTimeoutSet = true;
            return this;
        }

        /**
         * Longest wait for an attempt's response headers when the request sets no timeout of its
         * own; default 30 s.
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * Longest time to read a body once its headers arrived; default 30 s. An error body cut
         * by it still yields a {@link ContractErrorException} (body marked timed out); any other
         * ends in a {@link TransportTimeoutException} with phase {@code RESPONSE_BODY}.
         */
        public Builder bodyTimeout(Duration timeout) {
            this.bodyTimeout = positive(timeout, "bodyTimeout");
            return this;
        }

        /** How error responses are decoded (reader limits, raw-body cap); default {@link ErrorDecoder#standard()}. */
        public Builder errorDecoder(ErrorDecoder decoder) {
            this.decoder = Objects.requireNonNull(decoder, "decoder");
            return this;
        }

        /**
         * Cap on non-error bodies, 0..1 GiB; default 16 MiB. A longer body ends the attempt with a
         * {@link ResponseTooLargeException}.
         */
        public Builder maxResponseBytes(int max) {
            if (max < 0 || max > 1 << 30) {
                throw new IllegalArgumentException("maxResponseBytes must be within 0..1073741824, was " + max);
            }
            this.maxResponseBytes = max;
            return this;
        }

        /** The retry policy; default a new {@link RetryPolicy#defaults()} per client (own budget). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Told of each attempt, outcome and retry decision; default none. */
        public Builder listener(RetryListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Sends {@code X-Locale} with this language tag (Partner Center's locale header, which wins
         * over {@code Accept-Language}) unless a request sets its own; null (default) sends none.
         *
         * @throws IllegalArgumentException if the locale has no language
         */
        public Builder locale(Locale locale) {
            headers.locale(locale);
            return this;
        }

        /**
         * Sends {@code MS-Contract-Version} with this value unless a request sets its own; null
         * (default) sends none.
         *
         * @throws IllegalArgumentException if it is empty, longer than 64 characters or not a
         *     header-safe token-like value (CR, LF and other control characters are rejected)
         */
        public Builder contractVersion(String version) {
            headers.contractVersion(version);
            return this;
        }

        /**
         * Whether to add a new {@code MS-RequestId} to calls that do not carry one; default true.
         * A generated id is sent on every attempt of the call (the same value) so the server's
         * logs tie the attempts together, but it does <em>not</em> make a POST or PATCH
         * retryable: only an id the caller set on the request does (the caller vouches that the
         * server deduplicates on it). Set false to send no id at all.
         */
        public Builder generateRequestIds(boolean generate) {
            headers.generateRequestIds(generate);
            return this;
        }

        /**
         * Where retries are started (and {@link RetryListener#onAttempt} called for them) after
         * their delay. Default: the {@code HttpClient}'s executor if it has one, else a cached pool
         * of daemon threads owned by the client (named {@code restfault-client-N}, ended when
         * idle, shut down by {@link RestfaultClient#close()}). Never the JDK's delay-scheduler
         * thread, which fires every body timeout of the JVM. A supplied executor is not shut down
         * by the client; one that rejects a retry ends that call with its last failure.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** @throws IllegalStateException if both an {@code HttpClient} and a connect timeout were set */
        public RestfaultClient build() {
            if (http != null && connectTimeoutSet) {
                throw new IllegalStateException("connectTimeout applies to the default HttpClient only; "
                        + "set it on the HttpClient you supply");
            }
            return new RestfaultClient(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            if (d.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException(name + " must be at most 1 day, was " + d);
            }
            return d;
        }
    }

    @Override
    public String toString() {
        return "RestfaultClient{" + policy + ", requestTimeout " + requestTimeout + ", bodyTimeout " + bodyTimeout
                + callHeaders.locale().map(l -> ", X-Locale " + l.toLanguageTag()).orElse("")
                + callHeaders.contractVersion().map(v -> ", MS-Contract-Version " + v).orElse("") + "}";
    }
}
