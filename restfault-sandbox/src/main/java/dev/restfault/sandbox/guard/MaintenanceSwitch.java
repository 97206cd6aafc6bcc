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

    /**
     * The switch's state. Immutable.
     *
     * @param enabled whether maintenance is on
     * @param retryAfter what the maintenance 503 says in {@code Retry-After}
     * @param since when the switch was last set
     */
    public record State(boolean enabled, Duration retryAfter, Instant since) {
        /** @throws NullPointerException if {@code retryAfter} or {@code since} is null */
        public State {
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(since, "since");
        }
    }

    private final AtomicReference<State> state;

    /**
     * @param enabled the state at startup
     * @param retryAfter the {@code Retry-After} at startup, positive
     * @throws IllegalArgumentException if {@code retryAfter} is null or not positive
     */
    public MaintenanceSwitch(boolean enabled, Duration retryAfter) {
        this.state = new AtomicReference<>(new State(enabled, requirePositive(retryAfter), Instant.now()));
    }

    /** The current state: one consistent snapshot (flag, {@code Retry-After} and time of the last change). */
    public State state() {
        return state.get();
    }

    /**
     * Turns maintenance on or off, atomically with respect to other calls.
     *
     * @param enabled the new state
     * @param retryAfter what 503s say in {@code Retry-After}; empty keeps the current value
     * @return the new state
     * @throws IllegalArgumentException if {@code retryAfter} is not positive
     * @throws NullPointerException if {@code retryAfter} is null (empty is the way to say "keep")
     */
    public State set(boolean enabled, Optional<Duration> retryAfter) {
        Optional<Duration> given = retryAfter.map(MaintenanceSwitch::requirePositive);
        Instant now = Instant.now();
        // One compare-and-set: "keep the current Retry-After" reads the state this change
        // replaces, so a concurrent change with a new Retry-After is never undone.
        return state.updateAndGet(current -> new State(enabled, given.orElse(current.retryAfter()), now));
    }

    private static Duration requirePositive(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive");
        }
        return d;
    }
}
