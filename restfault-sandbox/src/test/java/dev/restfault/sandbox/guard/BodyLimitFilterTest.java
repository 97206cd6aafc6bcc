package dev.restfault.sandbox.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The charset a buffered body is read with: the request's, or UTF-8 when it cannot be used. */
class BodyLimitFilterTest {

    @Test
    void aKnownCharsetIsUsed() {
        assertThat(BodyLimitFilter.charsetOf("ISO-8859-1")).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(BodyLimitFilter.charsetOf("utf-16")).isEqualTo(StandardCharsets.UTF_16);
    }

    @Test
    void aMissingUnknownOrIllegalCharsetFallsBackToUtf8() {
        assertThat(BodyLimitFilter.charsetOf(null)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(BodyLimitFilter.charsetOf("x-no-such-charset")).isEqualTo(StandardCharsets.UTF_8);
        // Names Charset.isSupported does not answer false for but throws on (IllegalCharsetNameException).
        assertThat(BodyLimitFilter.charsetOf("bad charset!")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(BodyLimitFilter.charsetOf("\"bad charset!\"")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(BodyLimitFilter.charsetOf("")).isEqualTo(StandardCharsets.UTF_8);
    }
}
