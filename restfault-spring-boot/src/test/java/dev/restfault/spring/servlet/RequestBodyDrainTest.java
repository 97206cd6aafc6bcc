package dev.restfault.spring.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The drain's bounds, checked where it is made; what it does on a connection is tested over real
 * sockets on both servers ({@code AbstractContractErrorsTest}).
 */
class RequestBodyDrainTest {

    @Test
    void boundsThatMakeNoSenseAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RequestBodyDrain(-1, Duration.ofSeconds(1)))
                .withMessageContaining("limit");
        assertThatIllegalArgumentException().isThrownBy(() -> new RequestBodyDrain(1, Duration.ZERO))
                .withMessageContaining("timeout");
        assertThatIllegalArgumentException().isThrownBy(() -> new RequestBodyDrain(1, Duration.ofMillis(-1)))
                .withMessageContaining("timeout");
        assertThatNullPointerException().isThrownBy(() -> new RequestBodyDrain(1, null));
    }

    @Test
    void zeroBytesAndHugeTimeoutsAreValid() {
        assertThat(new RequestBodyDrain(0, Duration.ofMillis(1))).isNotNull();
        assertThat(new RequestBodyDrain(Long.MAX_VALUE, Duration.ofSeconds(Long.MAX_VALUE))).isNotNull();
    }

    @Test
    void onlyFailuresCloseTheConnection() {
        for (RequestBodyDrain.Outcome o : RequestBodyDrain.Outcome.values()) {
            boolean failure = o == RequestBodyDrain.Outcome.EXPECTS_CONTINUE || o == RequestBodyDrain.Outcome.TOO_LARGE
                    || o == RequestBodyDrain.Outcome.TIMED_OUT || o == RequestBodyDrain.Outcome.UNREADABLE;
            assertThat(o.closesConnection()).as(o.name()).isEqualTo(failure);
        }
    }
}
