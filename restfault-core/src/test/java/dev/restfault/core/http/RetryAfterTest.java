package dev.restfault.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void delaySecondsAreRead() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("000030", NOW)).contains(Duration.ofSeconds(30));
    }

    @Test
    void allThreeHttpDateFormatsAreRead() {
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 12:01:30 GMT", NOW)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Monday, 23-Nov-26 12:01:30 GMT", NOW)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Mon Nov 23 12:01:30 2026", NOW)).contains(Duration.ofSeconds(90));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(RetryAfter.parse("Sun, 22 Nov 2026 12:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-30", "1.5", "abc", "", "  ", "99999999999999999999999", "86401",
        "Mon, 23 Nov 2027 12:00:00 GMT", "Mon, 32 Nov 2026 12:00:00 GMT", "30\r\nX-Injected: 1", "3\u00000",
        "Tue, 23 Nov 2026 12:01:30 GMT"})
    void negativeAbsurdAndMalformedValuesAreRejected(String value) {
        assertThat(RetryAfter.parse(value, NOW)).isEmpty();
    }

    @Test
    void aWellFormedValueBeyondADayAsksForTooLongAWaitWhileMalformedOnesAskForNothing() {
        for (String beyond : new String[] {"86401", "172800", "99999999999999999999999", "Wed, 25 Nov 2026 12:00:00 GMT",
            "Tue, 23 Nov 2027 12:00:00 GMT"}) {
            Map<String, String> h = Map.of("retry-after", beyond);
            assertThat(RetryAfter.fromHeaders(n -> h.get(n.toLowerCase()), NOW)).as(beyond).isEmpty();
            assertThat(RetryAfter.asksBeyondMaxDelay(n -> h.get(n.toLowerCase()), NOW)).as(beyond).isTrue();
        }
        for (String ms : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
            Map<String, String> h = Map.of(ms, "86400001");
            assertThat(RetryAfter.asksBeyondMaxDelay(n -> h.get(n.toLowerCase()), NOW)).as(ms).isTrue();
        }
        for (String notAsking : new String[] {"86400", "0", "-1", "abc", "1.5", "", "30\r\nX: 1",
            "Mon, 32 Nov 2026 12:00:00 GMT", "Sun, 22 Nov 2026 12:00:00 GMT", "Tue, 24 Nov 2026 11:59:59 GMT"}) {
            Map<String, String> h = Map.of("retry-after", notAsking);
            assertThat(RetryAfter.asksBeyondMaxDelay(n -> h.get(n.toLowerCase()), NOW)).as(notAsking).isFalse();
        }
        assertThat(RetryAfter.asksBeyondMaxDelay(n -> null, NOW)).isFalse();
        // Leading zeros are not length: 100 ms is 100 ms, in either millisecond header.
        for (String ms : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
            Map<String, String> h = Map.of(ms, "00000000000000000100");
            assertThat(RetryAfter.fromHeaders(n -> h.get(n.toLowerCase()), NOW)).as(ms).contains(Duration.ofMillis(100));
            assertThat(RetryAfter.asksBeyondMaxDelay(n -> h.get(n.toLowerCase()), NOW)).as(ms).isFalse();
        }
        assertThatThrownBy(() -> RetryAfter.asksBeyondMaxDelay(null, NOW)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void nullIsAbsent() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parseMillis(null)).isEmpty();
    }

    @Test
    void millisecondHeadersAreReadAndPreferred() {
        assertThat(RetryAfter.parseMillis("1500")).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.parseMillis("-5")).isEmpty();
        assertThat(RetryAfter.parseMillis("86400001")).isEmpty();
        Map<String, String> headers = Map.of("retry-after", "10", "x-ms-retry-after-ms", "250");
        assertThat(RetryAfter.fromHeaders(n -> headers.get(n.toLowerCase()), NOW)).contains(Duration.ofMillis(250));
        Map<String, String> both = Map.of("retry-after", "10", "retry-after-ms", "garbage", "x-ms-retry-after-ms", "700");
        assertThat(RetryAfter.fromHeaders(n -> both.get(n.toLowerCase()), NOW)).contains(Duration.ofMillis(700));
        Map<String, String> secondsOnly = Map.of("retry-after", "10");
        assertThat(RetryAfter.fromHeaders(n -> secondsOnly.get(n.toLowerCase()), NOW)).contains(Duration.ofSeconds(10));
        assertThat(RetryAfter.fromHeaders(n -> null, NOW)).isEmpty();
    }

    @Test
    void headerValuesAreWholeSecondsRoundedUp() {
        assertThat(RetryAfter.toHeaderValue(Duration.ofSeconds(30))).isEqualTo("30");
        assertThat(RetryAfter.toHeaderValue(Duration.ofMillis(1200))).isEqualTo("2");
        assertThat(RetryAfter.toHeaderValue(Duration.ZERO)).isEqualTo("0");
        assertThat(RetryAfter.toHttpDate(NOW.plusSeconds(90))).isEqualTo("Mon, 23 Nov 2026 12:01:30 GMT");
        assertThat(RetryAfter.parse(RetryAfter.toHttpDate(NOW.plusSeconds(90)), NOW)).contains(Duration.ofSeconds(90));
    }

    @Test
    void aServerCannotAnnounceANegativeOrAbsurdDelay() {
        assertThatThrownBy(() -> RetryAfter.toHeaderValue(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> RetryAfter.toHeaderValue(Duration.ofDays(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> RetryAfter.toHeaderValue(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be null");
    }
}
