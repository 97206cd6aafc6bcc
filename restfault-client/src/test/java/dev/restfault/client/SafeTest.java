package dev.restfault.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The text rules behind every exception message and the raw body's text. */
class SafeTest {

    @Test
    void oneLineStripsControlsCollapsesSpaceAndCutsOnACodePoint() {
        assertThat(Safe.oneLine("a\r\nb\tc\u0000d\u2028e  f", 100)).isEqualTo("a b c d e f");
        assertThat(Safe.oneLine("  lead and trail \n", 100)).isEqualTo("lead and trail");
        assertThat(Safe.oneLine("abcdef", 3)).isEqualTo("abc\u2026");
        String emoji = "ab\uD83D\uDE00cd"; // a surrogate pair at index 2..3
        assertThat(Safe.oneLine(emoji, 3)).isEqualTo("ab\u2026"); // never a lone high surrogate
        assertThat(Safe.oneLine(null, 3)).isNull();
    }

    @Test
    void uriLosesUserInfoQueryAndFragment() {
        assertThat(Safe.uri(URI.create("https://user:pw@host:8443/a/b?token=x#frag"))).isEqualTo("https://host:8443/a/b?\u2026");
        assertThat(Safe.uri(URI.create("http://host/a"))).isEqualTo("http://host/a");
        assertThat(Safe.uri(URI.create("mailto:someone@example.com"))).isEqualTo("mailto:\u2026");
        assertThat(Safe.uri(null)).isEqualTo("?");
    }

    @Test
    void durationsReadLikeAPersonWritesThem() {
        assertThat(Safe.duration(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Safe.duration(Duration.ofSeconds(1))).isEqualTo("1s");
        assertThat(Safe.duration(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(Safe.duration(Duration.ofSeconds(150))).isEqualTo("2m30s");
        assertThat(Safe.duration(Duration.ofMinutes(120))).isEqualTo("2h");
    }

    @Test
    void rawBodyTextReplacesACharacterCutByTheCap() {
        byte[] cafe = "caf\u00e9".getBytes(StandardCharsets.UTF_8); // é is two bytes
        RawBody cut = new RawBody(java.util.Arrays.copyOf(cafe, 4), true, false, "text/plain", StandardCharsets.UTF_8, false);
        assertThat(cut.text()).isEqualTo("caf\uFFFD");
        assertThat(cut.toString()).isEqualTo("RawBody{4 bytes, text/plain, truncated}").doesNotContain("caf");
        assertThat(cut.jsonBytes()).isEqualTo(java.util.Arrays.copyOf(cafe, 4));
        RawBody latin = new RawBody(new byte[] {(byte) 0xE9}, false, false, null, StandardCharsets.ISO_8859_1, true);
        assertThat(latin.text()).isEqualTo("\u00e9");
        assertThat(latin.jsonBytes()).isEqualTo("\u00e9".getBytes(StandardCharsets.UTF_8));
    }
}
