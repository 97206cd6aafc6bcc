package dev.restfault.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.i18n.ContractMessages;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@link StatusErrors}' 405s: {@code Allow} normalized, the description naming the methods, and
 * one shared exception per set of methods, whatever way the set was written, for as many sets as
 * the cache holds and beyond it.
 */
class StatusErrorsTest {

    @Test
    void aSetOfMethodsIsAnsweredWithOneSharedExceptionHoweverItIsWritten() {
        ContractException first = StatusErrors.methodNotAllowed(List.of("get", " HEAD ", "GET", "bad method"));
        assertThat(first.status()).isEqualTo(405);
        assertThat(first.headers()).containsEntry("Allow", "GET, HEAD");
        assertThat(first.describe(ContractMessages.defaults(), Locale.US).text())
                .isEqualTo("The resource does not support this method. Allowed: GET, HEAD.");
        assertThat(StatusErrors.methodNotAllowed(List.of("GET", "HEAD"))).isSameAs(first);
        assertThat(StatusErrors.methodNotAllowed(Arrays.asList(null, "Get", "head"))).isSameAs(first);
        // Another order is another Allow.
        assertThat(StatusErrors.methodNotAllowed(List.of("HEAD", "GET")).headers()).containsEntry("Allow", "HEAD, GET");
    }

    @Test
    void setsPastTheCachesBoundAreStillAnsweredRightly() {
        for (int i = 0; i < 200; i++) {
            String method = "M" + i;
            ContractException e = StatusErrors.methodNotAllowed(List.of(method, "OPTIONS"));
            assertThat(e.headers()).containsEntry("Allow", method + ", OPTIONS");
            assertThat(e.describe(ContractMessages.defaults(), Locale.US).text())
                    .isEqualTo("The resource does not support this method. Allowed: " + method + ", OPTIONS.");
            assertThat(StatusErrors.methodNotAllowed(List.of(method, "OPTIONS")).headers()).isEqualTo(e.headers());
        }
        assertThat(StatusErrors.methodNotAllowed(null).headers()).containsEntry("Allow", "OPTIONS");
        assertThat(StatusErrors.methodNotAllowed(List.of()).headers()).containsEntry("Allow", "OPTIONS");
    }
}
