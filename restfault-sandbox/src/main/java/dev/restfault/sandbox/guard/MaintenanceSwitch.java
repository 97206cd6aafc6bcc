package dev.restfault.sandbox.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The maintenance switch: while on, every API request except the admin endpoints gets a 503
 * with {@code Retry-After}. Thread-safe; each state is immutable and swapped atomically.
 */
public final class MaintenanceSwitch {

    /** The switch's state. */
    public record State(boolean enabled, Duration retryAfter, Instant since) {
        public State {
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(since, "since");
        }
    }

    private final AtomicReference<State> state;

    /**
     * @param enabled the state at startup
     * @param retryAfter the {@code Retry-After} at startup, positive
     */
    public MaintenanceSwitch(boolean enabled, Duration retryAfter) {
        this.state = new AtomicReference<>(new State(enabled, requirePositive(retryAfter), Instant.now()));
    }

    public State state() {
        return state.get();
    }

    /**
     * Turns maintenance on or off.
     *
     * @param retryAfter what 503s say in {@code Retry-After}; empty keeps the current value
     * @return the new state
     * @throws IllegalArgumentException if {@code retryAfter} is not positive
     */
    public State set(boolean enabled, Optional<Duration> retryAfter) {
        Duration next = retryAfter.map(MaintenanceSwitch::requirePositive).orElse(state.get().retryAfter());
        State s = new State(enabled, next, Instant.now());
        state.set(s);
        return s;
    }

    private static Duration requirePositive(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive");
        }
        return d;
    }
}
