package dev.restfault.testkit.load;

import dev.restfault.core.model.ErrorFormat;
import dev.restfault.testkit.check.ContractChecker;
import dev.restfault.testkit.check.Violation;
import dev.restfault.testkit.implementation.ProbeRequest;
import dev.restfault.testkit.implementation.ProbeTarget;
import dev.restfault.testkit.probe.ProbeCase;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Conformance under concurrency: keeps N keep-alive connections busy for a duration or a number
 * of requests (whichever comes first), replaying the probe's cases mixed with plain reads of the
 * resource and errors provoked by requests with bodies ({@link LoadMix}), and checks every answer
 * as the probe does. It finds what one request at a time cannot: a server that closes a keep-alive
 * connection after an error without saying {@code Connection: close}, so that the next request on
 * it is lost ({@link TransportFailure#BROKEN_CONNECTION}).
 *
 * <pre>{@code
 * LoadReport report = LoadRunner.builder(URI.create("http://localhost:8080/api/"))
 *         .resource("orders")
 *         .connections(8)
 *         .requests(16_000)
 *         .build()
 *         .run();
 * assertThat(report.brokenConnections()).isZero();
 * }</pre>
 *
 * <p>How: one thread per connection, each sending its next request as soon as the previous answer
 * is read, on the same connection while the server keeps it open (a response with
 * {@code Connection: close}, or one read to the connection's end, makes the next request open a
 * new one; a failure too). The requests are exactly the probe's (same headers, same fresh valid
 * ids, same {@code If-Match} that no entity matches on every body), sent over HTTP/1.1 by the
 * runner itself so that a request on a reused connection is known as such. A body leaves after
 * its head, once the answer has begun or after the {@linkplain Builder#bodyPause body pause}, so
 * that a server which refuses a request from its head alone answers before the body arrives. Answers are judged by
 * the {@link ContractChecker} with the request's facts, plus {@code client-error-as-5xx} (a 503 is
 * allowed: under load it is the server shedding requests) and {@code expected-format}.
 *
 * <p>Guarantees: requests stay at or under the base URL and never follow redirects; nothing
 * destructive is sent (see {@link LoadCase}); each exchange (writing the request, reading the
 * whole answer) ends by the timeout, a connect too; at most {@link ContractChecker#MAX_BODY_BYTES}
 * + 1 bytes of a body are kept, a longer one ends its connection; the run stops starting requests
 * at its duration or request bound and waits at most one timeout for those in flight; when not one
 * connection can be made and nothing was answered, it stops at once (the API is unreachable).
 * Memory does not grow with the number of requests. Instances are immutable and thread-safe; a
 * runner may be run more than once.
 */
public final class LoadRunner {

    /** The most connections one run keeps open at once. */
    public static final int MAX_CONNECTIONS = 1024;

    /** The most requests one run may be bounded to. */
    public static final long MAX_REQUESTS = 1_000_000_000L;

    /** The longest duration one run may be bounded to. */
    public static final Duration MAX_DURATION = Duration.ofHours(24);

    /** The size of a load case's body unless told otherwise, the size the soak used. */
    public static final int DEFAULT_BODY_BYTES = 5_000;

    /** How long a body waits for the answer to begin unless told otherwise. */
    public static final Duration DEFAULT_BODY_PAUSE = Duration.ofMillis(10);

    /** How often the watchdog looks for an exchange past its deadline. */
    private static final long WATCHDOG_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final URI baseUrl;
    private final ProbeTarget target;
    private final Duration timeout;
    private final ContractChecker checker;
    private final ErrorFormat expectedFormat;
    private final LoadMix mix;
    private final List<Enum<?>> cycle;
    private final int connections;
    private final Duration duration;
    private final long requests;
    private final Duration progressInterval;
    private final int bodyPauseMillis;

    private LoadRunner(Builder b, LoadMix mix) {
        this.baseUrl = b.baseUrl;
        this.target = new ProbeTarget(b.baseUrl, b.resource, b.token, b.locale, b.bodyBytes);
        this.timeout = b.timeout;
        this.checker = b.checker;
        this.expectedFormat = b.expectedFormat;
        this.mix = mix;
        this.cycle = mix.cycle();
        this.connections = b.connections;
        this.duration = b.duration;
        this.requests = b.requests;
        this.progressInterval = b.progressInterval;
        this.bodyPauseMillis = (int) b.bodyPause.toMillis();
    }

    /**
     * A load run against the API at {@code baseUrl}.
     *
     * @param baseUrl an absolute {@code http} or {@code https} URL without user info, query or fragment
     * @throws IllegalArgumentException otherwise
     */
    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    /** The base URL, ending with {@code /}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The resource the resource-level cases target. */
    public URI resource() {
        return target.resource();
    }

    /** The mix sent, without the skipped probe cases. */
    public LoadMix mix() {
        return mix;
    }

    public int connections() {
        return connections;
    }

    /** The duration bound, if any. */
    public Optional<Duration> duration() {
        return Optional.ofNullable(duration);
    }

    /** The request bound, if any. */
    public OptionalLong requests() {
        return requests > 0 ? OptionalLong.of(requests) : OptionalLong.empty();
    }

    /** Runs the load. */
    public LoadReport run() {
        return run(LoadListener.NONE);
    }

    /**
     * Runs the load, telling {@code listener} the counts every progress interval and once at the
     * end. If the calling thread is interrupted, the run stops (connections are closed, requests
     * in flight count as timeouts), the report covers what was done, and the interrupt is kept.
     *
     * @param listener null means none
     */
    public LoadReport run(LoadListener listener) {
        LoadListener l = listener == null ? LoadListener.NONE : listener;
        Run run = new Run();
        Thread[] threads = new Thread[connections];
        for (int i = 0; i < connections; i++) {
            // Each connection starts at another point of the mix's cycle, so at any moment the
            // connections send different kinds of request.
            Worker w = new Worker(run, (int) ((long) i * cycle.size() / connections));
            run.workers[i] = w;
            threads[i] = new Thread(w, "restfault-load-" + i);
            threads[i].setDaemon(true);
        }
        for (Thread t : threads) {
            t.start();
        }
        boolean interrupted = false;
        long nextProgress = run.start + progressInterval.toNanos();
        try {
            while (true) {
                long now = System.nanoTime();
                long wait = Math.max(1, Math.min(WATCHDOG_NANOS, nextProgress - now));
                boolean finished = run.done.await(wait, TimeUnit.NANOSECONDS);
                if (finished) {
                    break;
                }
                now = System.nanoTime();
                for (Worker w : run.workers) {
                    w.abortIfPast(now);
                }
                if (now - nextProgress >= 0) {
                    tell(l, run.progress(false));
                    nextProgress = now + progressInterval.toNanos();
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
            run.stop = true;
            for (Worker w : run.workers) {
                w.abort();
            }
            for (Thread t : threads) {
                joinQuietly(t);
            }
        }
        Duration elapsed = Duration.ofNanos(run.end.get() - run.start);
        tell(l, run.progress(true));
        Tally total = new Tally();
        for (Worker w : run.workers) {
            total.add(w.tally);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new LoadReport(this, elapsed, total);
    }

    private static void tell(LoadListener l, LoadProgress p) {
        try {
            l.progress(p);
        } catch (RuntimeException ignored) {
            // A progress line must not stop the run.
        }
    }

    private static void joinQuietly(Thread t) {
        while (true) {
            try {
                t.join();
                return;
            } catch (InterruptedException again) {
                // Keep waiting: the worker's connection is closed, it ends at once.
            }
        }
    }

    /** The state one run shares between its workers. */
    private final class Run {
        final long start = System.nanoTime();
        final long deadline = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
        final AtomicLong tickets = new AtomicLong();
        final AtomicLong end = new AtomicLong(start);
        final CountDownLatch done = new CountDownLatch(connections);
        final Worker[] workers = new Worker[connections];
        final LongAdder sent = new LongAdder();
        final LongAdder answered = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder broken = new LongAdder();
        final LongAdder otherFailures = new LongAdder();
        final LongAdder connectFailures = new LongAdder();
        final LongAdder offContract = new LongAdder();
        volatile boolean stop;

        /** Whether the worker may start another request: within both bounds and not stopped. */
        boolean another() {
            if (stop || (duration != null && System.nanoTime() - deadline >= 0)) {
                return false;
            }
            return requests == 0 || tickets.incrementAndGet() <= requests;
        }

        LoadProgress progress(boolean finished) {
            return new LoadProgress(Duration.ofNanos((finished ? end.get() : System.nanoTime()) - start), duration, requests,
                    sent.sum(), answered.sum(), errors.sum(), broken.sum(), otherFailures.sum(), offContract.sum(), finished);
        }
    }

    /** One connection's loop: next request, on the same connection while the server keeps it. */
    private final class Worker implements Runnable {
        private final Run run;
        private int next;
        final Tally tally = new Tally();
        private Http1Connection connection; // guarded by this
        private long busyUntil; // guarded by this; 0 between exchanges

        Worker(Run run, int first) {
            this.run = run;
            this.next = first;
        }

        @Override
        public void run() {
            Http1Connection c = null;
            String previous = null;
            int cap = ContractChecker.MAX_BODY_BYTES + 1;
            long timeoutNanos = timeout.toNanos();
            int timeoutMillis = (int) Math.max(1, timeout.toMillis());
            try {
                while (run.another()) {
                    Enum<?> kind = cycle.get(next);
                    next = (next + 1) % cycle.size();
                    ProbeRequest request = kind instanceof ProbeCase ? target.request((ProbeCase) kind) : target.request((LoadCase) kind);
                    tally.requests++;
                    run.sent.increment();
                    if (c == null || !c.isReusable()) {
                        if (c != null) {
                            c.close();
                        }
                        previous = null;
                        try {
                            c = Http1Connection.open(baseUrl, timeoutMillis);
                            tally.connectionsOpened++;
                        } catch (ExchangeFailure f) {
                            c = null;
                            connectFailed(f);
                            continue;
                        }
                    }
                    long deadline = System.nanoTime() + timeoutNanos;
                    begin(c, deadline);
                    long t0 = System.nanoTime();
                    try {
                        Http1Connection.Response r = c.exchange(request, deadline, bodyPauseMillis, cap);
                        long micros = (System.nanoTime() - t0) / 1000;
                        end();
                        List<Violation> v = request.judge(checker, expectedFormat, r.status, r.headers, r.body, true);
                        tally.answer(request.caseId() + " " + request.line(), r.status, micros, v);
                        if (r.saidClose) {
                            tally.announcedCloses++;
                        }
                        if (r.early) {
                            tally.earlyAnswers++;
                        }
                        run.answered.increment();
                        if (r.status >= 400) {
                            run.errors.increment();
                        }
                        if (!v.isEmpty()) {
                            run.offContract.increment();
                        }
                        previous = request.caseId() + " -> " + r.status;
                    } catch (ExchangeFailure f) {
                        end();
                        c = null; // the exchange closed it
                        tally.failure(f.kind(), f.getMessage(), previous);
                        (f.kind() == TransportFailure.BROKEN_CONNECTION ? run.broken : run.otherFailures).increment();
                    }
                }
            } finally {
                if (c != null) {
                    c.close();
                }
                run.end.accumulateAndGet(System.nanoTime(), Math::max);
                run.done.countDown();
            }
        }

        private void connectFailed(ExchangeFailure f) {
            tally.failure(f.kind(), f.getMessage(), null);
            run.otherFailures.increment();
            run.connectFailures.increment();
            if (run.answered.sum() == 0 && run.connectFailures.sum() >= connections) {
                // Every worker failed to connect and nothing was ever answered: unreachable.
                run.stop = true;
                return;
            }
            try {
                // A refused or failed connect returns at once: pause rather than spin on it.
                Thread.sleep(20);
            } catch (InterruptedException e) {
                run.stop = true;
            }
        }

        private synchronized void begin(Http1Connection c, long deadline) {
            connection = c;
            busyUntil = deadline;
            if (run.stop) {
                // Stopped after this worker took its ticket: the exchange fails at once.
                c.abort();
            }
        }

        private synchronized void end() {
            busyUntil = 0;
        }

        /** The watchdog: a write blocked past the deadline is ended by closing the socket. */
        synchronized void abortIfPast(long now) {
            if (busyUntil != 0 && now - busyUntil > 0 && connection != null) {
                connection.abort();
            }
        }

        synchronized void abort() {
            if (connection != null) {
                connection.abort();
            }
        }
    }

    /** Builds a {@link LoadRunner}; not thread-safe. */
    public static final class Builder {
        private final URI baseUrl;
        private URI resource;
        private String token;
        private Duration timeout = Duration.ofSeconds(10);
        private final Set<ProbeCase> skipped = EnumSet.noneOf(ProbeCase.class);
        private ContractChecker checker = ContractChecker.standard();
        private ErrorFormat expectedFormat;
        private Locale locale = Locale.JAPAN;
        private LoadMix mix = LoadMix.standard();
        private int bodyBytes = DEFAULT_BODY_BYTES;
        private Duration bodyPause = DEFAULT_BODY_PAUSE;
        private int connections = 8;
        private Duration duration;
        private long requests;
        private Duration progressInterval = Duration.ofSeconds(1);

        private Builder(URI baseUrl) {
            this.baseUrl = ProbeTarget.baseUrl(baseUrl);
            this.resource = this.baseUrl;
        }

        /**
         * The resource the resource-level cases target, relative to the base URL, as for
         * {@link dev.restfault.testkit.probe.Probe.Builder#resource}: ideally one that only reads
         * ({@code GET}), so that every request with a body is refused.
         *
         * @throws IllegalArgumentException if it is not a path that stays under the base URL
         */
        public Builder resource(String relativePath) {
            this.resource = ProbeTarget.resource(baseUrl, relativePath);
            return this;
        }

        /**
         * The bearer token sent with every request except the probe's {@code no-credentials} and
         * {@code bad-token}; null means none.
         *
         * @throws IllegalArgumentException if it holds characters a header cannot carry
         */
        public Builder token(String token) {
            this.token = ProbeTarget.token(token);
            return this;
        }

        /**
         * The time each exchange may take: connecting, and writing the request then reading the
         * whole answer. 10 seconds by default.
         *
         * @throws IllegalArgumentException unless within 1 ms..5 minutes
         */
        public Builder timeout(Duration timeout) {
            this.timeout = ProbeTarget.timeout(timeout);
            return this;
        }

        /**
         * The language the probe's {@code locale} case asks for; ja-JP by default.
         *
         * @throws IllegalArgumentException if null or without a language
         */
        public Builder locale(Locale locale) {
            this.locale = ProbeTarget.locale(locale);
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

        /** Another checker, such as one with a fixed clock. */
        public Builder checker(ContractChecker checker) {
            this.checker = Objects.requireNonNull(checker, "checker");
            return this;
        }

        /**
         * What to send; {@link LoadMix#standard()} by default.
         *
         * @throws IllegalArgumentException if null
         */
        public Builder mix(LoadMix mix) {
            if (mix == null) {
                throw new IllegalArgumentException("mix must not be null");
            }
            this.mix = mix;
            return this;
        }

        /** Leaves probe cases out of the mix. */
        public Builder skip(ProbeCase... cases) {
            for (ProbeCase c : cases) {
                skipped.add(Objects.requireNonNull(c, "case"));
            }
            return this;
        }

        /**
         * The size of the load cases' bodies; {@value #DEFAULT_BODY_BYTES} bytes by default.
         *
         * @throws IllegalArgumentException unless within 64 bytes..1 MiB
         */
        public Builder bodySize(int bytes) {
            this.bodyBytes = ProbeTarget.checkBodyBytes(bytes);
            return this;
        }

        /**
         * How long the body of a request waits after its head for the answer to begin; 10 ms by
         * default, 0 to send it at once. The wait ends as soon as an answer begins. A body sent
         * with its head lets a server that answers early (405, 415, 429) find it already read when
         * it finishes; a body a little later, as from a slow or distant client, makes the server
         * decide between reading the rest and saying {@code Connection: close}, which is what a
         * load run tests. The latency of a request with a body includes the wait when the server
         * waits for the body before answering.
         *
         * @throws IllegalArgumentException unless within 0..1 second
         */
        public Builder bodyPause(Duration pause) {
            if (pause == null || pause.isNegative() || pause.compareTo(Duration.ofSeconds(1)) > 0) {
                throw new IllegalArgumentException("body pause must be within 0 and 1 second");
            }
            this.bodyPause = pause;
            return this;
        }

        /**
         * How many keep-alive connections are kept busy at once; 8 by default.
         *
         * @throws IllegalArgumentException unless within 1..{@value #MAX_CONNECTIONS}
         */
        public Builder connections(int connections) {
            if (connections < 1 || connections > MAX_CONNECTIONS) {
                throw new IllegalArgumentException("connections must be within 1.." + MAX_CONNECTIONS);
            }
            this.connections = connections;
            return this;
        }

        /**
         * Stops starting requests after this long. A run needs this bound, the request bound, or
         * both (then whichever comes first).
         *
         * @throws IllegalArgumentException unless within 1 ms..24 hours
         */
        public Builder duration(Duration duration) {
            if (duration == null || duration.toMillis() < 1 || duration.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("duration must be within 1 ms and 24 hours");
            }
            this.duration = duration;
            return this;
        }

        /**
         * Makes exactly this many requests in all (fewer if the duration ends first). A run needs
         * this bound, the duration, or both.
         *
         * @throws IllegalArgumentException unless within 1..{@value #MAX_REQUESTS}
         */
        public Builder requests(long requests) {
            if (requests < 1 || requests > MAX_REQUESTS) {
                throw new IllegalArgumentException("requests must be within 1.." + MAX_REQUESTS);
            }
            this.requests = requests;
            return this;
        }

        /**
         * How often the listener hears the counts; 1 second by default.
         *
         * @throws IllegalArgumentException unless within 10 ms..1 hour
         */
        public Builder progressInterval(Duration interval) {
            if (interval == null || interval.toMillis() < 10 || interval.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("progress interval must be within 10 ms and 1 hour");
            }
            this.progressInterval = interval;
            return this;
        }

        /**
         * The runner.
         *
         * @throws IllegalArgumentException if neither a duration nor a request count bounds the
         *     run, or every case of the mix is skipped
         */
        public LoadRunner build() {
            if (duration == null && requests == 0) {
                throw new IllegalArgumentException("a load run needs a bound: a duration, a number of requests, or both");
            }
            LoadMix kept = mix.without(skipped);
            if (kept.isEmpty()) {
                throw new IllegalArgumentException("every case of the mix is skipped: nothing to send");
            }
            return new LoadRunner(this, kept);
        }
    }
}
