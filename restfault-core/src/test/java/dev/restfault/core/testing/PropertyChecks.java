package dev.restfault.core.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Seeded-random property checks: run a check on many generated samples; on failure, report the
 * seed and the failing sample so the run can be replayed with {@code -Drestfault.seed=N}.
 */
public final class PropertyChecks {

    private PropertyChecks() {
    }

    public static <T> void forAll(int tries, Function<SplittableRandom, T> generator, Consumer<T> check) {
        long seed = Long.getLong("restfault.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < tries; i++) {
            T sample = generator.apply(random);
            try {
                check.accept(sample);
            } catch (AssertionError | RuntimeException e) {
                String shown = String.valueOf(sample);
                if (shown.length() > 2000) {
                    shown = shown.substring(0, 2000) + "...";
                }
                throw new AssertionError("property failed on try " + i + " (replay with -Drestfault.seed=" + seed
                        + "): sample=" + shown, e);
            }
        }
    }
}
