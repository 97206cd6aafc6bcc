package dev.restfault.throttling;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a throttle's store is answering. An outage is logged once when it starts and once when
 * it ends, whatever the request rate. While the store is down, it is asked at most once per
 * retry interval (one request probes it, bounded by the store's timeout); the other requests get
 * the failure mode at once instead of each waiting for a timeout, so a dead Redis costs the
 * service nothing but the limits. Thread-safe.
 */
final class StoreHealth {

    private static final Logger LOG = LoggerFactory.getLogger(Throttle.class);

    private final String store;
    private final FailureMode mode;
    private final long retryIntervalNanos;
    private final LongSupplier nanoClock;

    private volatile boolean down;
    private volatile Exception lastFailure;
    private final AtomicLong nextProbe = new AtomicLong();
    private final AtomicLong failedChecks = new AtomicLong();
    private long downSince;

    StoreHealth(String store, FailureMode mode, long retryIntervalNanos, LongSupplier nanoClock) {
        this.store = store;
        this.mode = mode;
        this.retryIntervalNanos = retryIntervalNanos;
        this.nanoClock = nanoClock;
    }

    /** Whether to ask the store now: always while it is up; while down, once per retry interval. */
    boolean mayAsk() {
        if (!down) {
            return true;
        }
        long now = nanoClock.getAsLong();
        long next = nextProbe.get();
        return now - next >= 0 && nextProbe.compareAndSet(next, now + retryIntervalNanos);
    }

    /** Counts a check the store was not asked for, because it is down. */
    Exception skipped() {
        failedChecks.incrementAndGet();
        return lastFailure;
    }

    void succeeded() {
        if (down) {
            synchronized (this) {
                if (down) {
                    down = false;
                    long seconds = TimeUnit.NANOSECONDS.toSeconds(nanoClock.getAsLong() - downSince);
                    LOG.info("Throttling store {} answers again after {} s; {} checks failed meanwhile and were {}",
                            store, seconds, failedChecks.get(), mode == FailureMode.FAIL_OPEN ? "let through unlimited" : "refused with 503");
                }
            }
        }
    }

    void failed(Exception cause) {
        lastFailure = cause;
        if (down) {
            failedChecks.incrementAndGet();
            return;
        }
        synchronized (this) {
            if (down) {
                failedChecks.incrementAndGet();
                return;
            }
            long now = nanoClock.getAsLong();
            downSince = now;
            failedChecks.set(1);
            nextProbe.set(now + retryIntervalNanos);
            down = true;
        }
        // Logged outside the lock; the stack trace once per outage, which is what it is for.
        LOG.warn("Throttling store {} does not answer: requests are {} until it does, and it is asked again every {} ms."
                        + " Logged once per outage.",
                store, mode == FailureMode.FAIL_OPEN ? "let through unlimited (fail-open)" : "refused with 503 (fail-closed)",
                TimeUnit.NANOSECONDS.toMillis(retryIntervalNanos), cause);
    }

    boolean isDown() {
        return down;
    }
}
