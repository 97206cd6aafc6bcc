package dev.restfault.client;

import java.time.Duration;

/**
 * Durations as the nanosecond counts timers take, without {@link Duration#toNanos()}'s
 * {@code ArithmeticException}: a {@code Duration} holds far more (up to ~292 billion years)
 * than a {@code long} of nanoseconds (~292 years), and a caller's or policy's huge value must
 * saturate, not throw from inside a timer or an executor's task.
 */
final class Durations {

    private Durations() {
    }

    /** {@code d} in nanoseconds, or {@code Long.MAX_VALUE}/{@code Long.MIN_VALUE} when it does not fit. */
    static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
