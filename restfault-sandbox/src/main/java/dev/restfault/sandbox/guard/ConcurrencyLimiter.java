package dev.restfault.sandbox.guard;

import java.util.concurrent.Semaphore;

/**
 * A bound on requests in flight: {@link #tryAcquire()} never waits, so a request over the bound
 * is refused at once (503) instead of queueing behind the others. Thread-safe.
 */
public final class ConcurrencyLimiter {

    /**
     * Name of the bean that bounds simulations waiting out a {@code delay}
     * ({@code sandbox.simulate.max-delayed}); the unnamed, primary bean bounds API requests in
     * flight ({@code sandbox.concurrency.max-requests}).
     */
    public static final String DELAYED_SIMULATIONS = "delayedSimulationLimiter";

    /** Name of the bean that bounds calls the built-in upstream answers at once ({@code sandbox.upstream.max-calls}). */
    public static final String UPSTREAM_CALLS = "upstreamCallLimiter";

    private final int max;
    private final Semaphore permits;

    /**
     * @param max requests in flight at once, at least 1
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    public ConcurrencyLimiter(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        this.max = max;
        this.permits = new Semaphore(max);
    }

    /** Takes a slot if one is free; every {@code true} must be followed by one {@link #release()}. */
    public boolean tryAcquire() {
        return permits.tryAcquire();
    }

    /** Gives a slot back. */
    public void release() {
        permits.release();
    }

    /** The bound. */
    public int max() {
        return max;
    }

    /** Requests in flight now. */
    public int inFlight() {
        return max - permits.availablePermits();
    }
}
