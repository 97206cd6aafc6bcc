package dev.restfault.sandbox.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MaintenanceSwitchTest {

    @Test
    void keepsTheRetryAfterUnlessGivenANewOne() {
        MaintenanceSwitch s = new MaintenanceSwitch(false, Duration.ofSeconds(60));
        assertThat(s.set(true, Optional.empty()).retryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.set(true, Optional.of(Duration.ofSeconds(5))).retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.state().enabled()).isTrue();
        assertThat(s.set(false, Optional.empty()).retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.state().enabled()).isFalse();
    }

    @Test
    void refusesANonPositiveRetryAfter() {
        MaintenanceSwitch s = new MaintenanceSwitch(false, Duration.ofSeconds(60));
        assertThatThrownBy(() -> s.set(true, Optional.of(Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
        assertThat(s.state().enabled()).isFalse();
        assertThatThrownBy(() -> new MaintenanceSwitch(true, null)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Toggles that keep the {@code Retry-After} race with one that raises it step by step. A
     * toggle may only ever re-write the value current when it lands: if it wrote back a value it
     * read earlier (read-then-set), the raiser would see its own step undone.
     */
    @Test
    void concurrentTogglesNeverUndoANewerRetryAfter() throws Exception {
        MaintenanceSwitch s = new MaintenanceSwitch(false, Duration.ofSeconds(1));
        int steps = 20_000;
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<Void>> togglers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                togglers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 1_000_000 && !done.get(); i++) {
                        s.set(i % 2 == 0, Optional.empty());
                    }
                }, pool));
            }
            CompletableFuture<Integer> raiser = CompletableFuture.supplyAsync(() -> {
                int undone = 0;
                for (int i = 2; i <= steps; i++) {
                    s.set(true, Optional.of(Duration.ofSeconds(i)));
                    if (s.state().retryAfter().toSeconds() < i) {
                        undone++;
                    }
                }
                done.set(true);
                return undone;
            }, pool);
            assertThat(raiser.get(30, TimeUnit.SECONDS)).as("steps undone by a concurrent toggle").isZero();
            for (CompletableFuture<Void> t : togglers) {
                t.get(30, TimeUnit.SECONDS);
            }
            assertThat(s.state().retryAfter()).isEqualTo(Duration.ofSeconds(steps));
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
    }
}
