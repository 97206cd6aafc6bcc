package dev.restfault.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\rb", "a\nb", "a\r\nSet-Cookie: x", "a\u0000b", "a\u001Bb", "a\u007Fb", "\u4E2D"})
    void controlCharactersAndNonLatin1AreRejected(String value) {
        assertThat(HeaderValues.isSafe(value)).isFalse();
        assertThatThrownBy(() -> HeaderValues.requireSafe("X-Test", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("X-Test contains")
                .hasMessageNotContaining(value);
    }

    @Test
    void ordinaryValuesAndTabsPass() {
        assertThat(HeaderValues.requireSafe("X", "OAuth realm=\"a\"\tb")).isEqualTo("OAuth realm=\"a\"\tb");
        assertThat(HeaderValues.isSafe("caf\u00E9")).isTrue();
    }

    @Test
    void nullAndOverlongAreRejected() {
        assertThat(HeaderValues.isSafe(null)).isFalse();
        assertThatThrownBy(() -> HeaderValues.requireSafe("X", null)).hasMessage("X must not be null");
        assertThatThrownBy(() -> HeaderValues.requireSafe("X", "a".repeat(8193))).hasMessage("X is 8193 characters long, max 8192");
    }

    @Test
    void entityTagsMustBeQuoted() {
        assertThat(HeaderValues.requireEntityTag("\"v1\"")).isEqualTo("\"v1\"");
        assertThat(HeaderValues.requireEntityTag("W/\"v1\"")).isEqualTo("W/\"v1\"");
        assertThat(HeaderValues.requireEntityTag("\"\"")).isEqualTo("\"\"");
        for (String bad : new String[] {"v1", "\"v1", "\"a\"b\"", "\"a b\"", "W/v1", "\"a\r\n\""}) {
            assertThatThrownBy(() -> HeaderValues.requireEntityTag(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void tokens() {
        assertThat(HeaderValues.isToken("GET")).isTrue();
        assertThat(HeaderValues.isToken("X-Custom_1")).isTrue();
        assertThat(HeaderValues.isToken("GE T")).isFalse();
        assertThat(HeaderValues.isToken("")).isFalse();
        assertThat(HeaderValues.isToken(null)).isFalse();
    }

    @Test
    void requestIdsAreCanonicalGuids() {
        assertThat(RequestIds.isValid("4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c")).isTrue();
        assertThat(RequestIds.isValid("4EE9B3C8-0EA9-4B3B-A1F3-8A9CE1F3AD2C")).isTrue();
        for (String bad : new String[] {null, "", "not-a-guid", "{4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c}",
            "4ee9b3c80ea94b3ba1f38a9ce1f3ad2c", " 4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c",
            "4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2g", "4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2\n"}) {
            assertThat(RequestIds.isValid(bad)).as(String.valueOf(bad)).isFalse();
        }
        String generated = RequestIds.generate();
        assertThat(RequestIds.isValid(generated)).isTrue();
        assertThat(RequestIds.generate()).isNotEqualTo(generated);
        assertThat(RequestIds.validOrNew("x\r\ny")).matches(RequestIds::isValid);
        assertThat(RequestIds.validOrNew(generated)).isEqualTo(generated);
    }
}
