package dev.restfault.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.restfault.core.testing.FuzzText;
import java.util.Locale;
import java.util.UUID;

/**
 * {@link RequestIds} on any value: only a canonical 8-4-4-4-12 GUID is valid (so only such a
 * value is ever echoed into a header), and {@code validOrNew} always gives a valid id.
 *
 * <p>Regression inputs: {@code RequestIdsFuzzTestInputs/validate/}, one id per file.
 */
class RequestIdsFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void validate(byte[] input) {
        for (String value : FuzzText.views(input)) {
            check(value);
            check(value.trim());
        }
    }

    private static void check(String value) {
        boolean valid = RequestIds.isValid(value);
        if (valid) {
            assertThat(value).hasSize(36);
            assertThat(HeaderValues.isSafe(value)).isTrue();
            // The JDK's own reading of a GUID gives back the same digits.
            assertThat(UUID.fromString(value).toString()).isEqualTo(value.toLowerCase(Locale.ROOT));
        }
        String id = RequestIds.validOrNew(value);
        assertThat(RequestIds.isValid(id)).isTrue();
        assertThat(id.equals(value)).isEqualTo(valid);
    }
}
