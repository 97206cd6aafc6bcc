package dev.restfault.sandbox.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
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
}
