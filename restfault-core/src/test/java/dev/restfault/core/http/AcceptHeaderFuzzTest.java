package dev.restfault.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.restfault.core.testing.FuzzText;
import java.util.regex.Pattern;

/**
 * {@link AcceptHeader} on any value: it never throws, qualities stay within 0..1, and what it
 * reads is bounded by {@link AcceptHeader#MAX_RANGES}, whatever the length of the value.
 *
 * <p>Regression inputs: {@code AcceptHeaderFuzzTestInputs/parse/}, one {@code Accept} value per
 * file. Fuzz for longer as the README's "Fuzzing" section says.
 */
class AcceptHeaderFuzzTest {

    private static final Pattern EXACT_TYPE = Pattern.compile("[!#$%&'*+.^_`|~0-9a-z-]+/[!#$%&'*+.^_`|~0-9a-z-]+");
    private static final String[] ASKED = {"application/json", "application/problem+json", "text/html", "*/*",
        "application", "", "APPLICATION/JSON"};

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] input) {
        for (String value : FuzzText.views(input)) {
            AcceptHeader accept = AcceptHeader.parse(value);
            for (String type : ASKED) {
                assertThat(accept.quality(type)).isBetween(0.0, 1.0);
            }
            assertThat(accept.prefersProblemDetails())
                    .isEqualTo(accept.quality("application/problem+json") > accept.quality("application/json"));
            assertThat(accept.exactTypes()).hasSizeLessThanOrEqualTo(AcceptHeader.MAX_RANGES)
                    .allSatisfy(t -> assertThat(t).matches(EXACT_TYPE).isNotEqualTo("*/*"));
        }
    }
}
