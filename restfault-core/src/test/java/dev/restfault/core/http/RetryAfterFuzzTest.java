package dev.restfault.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.restfault.core.testing.FuzzText;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link RetryAfter} on any header values: never an exception, never a delay outside
 * 0..{@link RetryAfter#MAX_DELAY}, {@code fromHeaders} picks as documented, a value that asks
 * beyond the maximum is not also a delay, and what a server writes reads back.
 *
 * <p>Input: up to three lines, {@code Retry-After}, {@code retry-after-ms} and
 * {@code x-ms-retry-after-ms}. Regression inputs: {@code RetryAfterFuzzTestInputs/parse/}.
 */
class RetryAfterFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] input) {
        for (String text : FuzzText.views(input)) {
            String[] values = FuzzText.fields(text, 3);
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            put(headers, HeaderNames.RETRY_AFTER, values[0]);
            put(headers, HeaderNames.RETRY_AFTER_MS, values[1]);
            put(headers, HeaderNames.X_MS_RETRY_AFTER_MS, values[2]);

            Optional<Duration> seconds = RetryAfter.parse(values[0], NOW);
            Optional<Duration> millis = RetryAfter.parseMillis(values[1]);
            Optional<Duration> xMillis = RetryAfter.parseMillis(values[2]);
            seconds.ifPresent(RetryAfterFuzzTest::assertWithinBounds);
            millis.ifPresent(RetryAfterFuzzTest::assertWithinBounds);
            xMillis.ifPresent(RetryAfterFuzzTest::assertWithinBounds);

            Optional<Duration> chosen = RetryAfter.fromHeaders(headers::get, NOW);
            assertThat(chosen).isEqualTo(millis.or(() -> xMillis).or(() -> seconds));

            boolean beyond = RetryAfter.asksBeyondMaxDelay(headers::get, NOW);
            if (beyond) {
                // A value that asks for too long a wait is not also a delay to wait.
                Map<String, String> alone = Map.of(HeaderNames.RETRY_AFTER, String.valueOf(values[0]));
                if (RetryAfter.asksBeyondMaxDelay(alone::get, NOW)) {
                    assertThat(seconds).isEmpty();
                }
            }

            seconds.ifPresent(d -> {
                // What a server announces for the delay it read, a client reads back, rounded up.
                String header = RetryAfter.toHeaderValue(d);
                long up = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
                assertThat(RetryAfter.parse(header, NOW)).contains(Duration.ofSeconds(up));
                assertThat(RetryAfter.parse(RetryAfter.toHttpDate(NOW.plusSeconds(up)), NOW))
                        .contains(Duration.ofSeconds(up));
            });
        }
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    private static void assertWithinBounds(Duration d) {
        assertThat(d).isGreaterThanOrEqualTo(Duration.ZERO).isLessThanOrEqualTo(RetryAfter.MAX_DELAY);
    }
}
