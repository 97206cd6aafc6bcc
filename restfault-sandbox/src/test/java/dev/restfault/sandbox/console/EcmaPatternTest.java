package dev.restfault.sandbox.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.core.model.ErrorFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@link EcmaPattern}: the published pattern, searched in a value as OpenAPI does, accepts exactly
 * the values the Java pattern matches whole, as Bean Validation does; it uses no construct
 * ECMA-262 lacks; and what it cannot translate it refuses.
 */
class EcmaPatternTest {

    /** The sandbox's patterns (the simulation's format and fault, the upstream mode, a domain, a country). */
    @ParameterizedTest
    @ValueSource(strings = {ErrorFormat.TOKEN_PATTERN, "(?i)html|truncated|empty|reset", "(?i)ok|garbage|error|slow|refuse",
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+", "[A-Z]{2}"})
    void thePublishedPatternAcceptsExactlyWhatBeanValidationAccepts(String java) {
        String ecma = EcmaPattern.of(java);
        assertThat(ecma).startsWith("^(?:").endsWith(")$").doesNotContain("(?i").doesNotContain("(?-");
        assertThat(EcmaPattern.isPublished(ecma)).isTrue();
        Pattern whole = Pattern.compile(java);
        // Java's find() is the search JSON Schema does, and the constructs left are read alike by
        // ECMA-262, but for the closing $: ECMA-262's is the very end, Java's also before a final
        // line break, so the oracle reads it as Java's \z.
        Pattern searched = Pattern.compile(ecma.substring(0, ecma.length() - 1) + "\\z");
        for (String value : samples(java)) {
            assertThat(searched.matcher(value).find()).as("%s on '%s'", ecma, value).isEqualTo(whole.matcher(value).matches());
        }
    }

    @Test
    void lettersAreWrittenOutInBothCasesOnlyUnderIgnoreCase() {
        assertThat(EcmaPattern.of("(?i)ok|x")).isEqualTo("^(?:[oO][kK]|[xX])$");
        assertThat(EcmaPattern.of("(?i)[a-c0-9-]")).isEqualTo("^(?:[a-c0-9\\-A-C])$");
        assertThat(EcmaPattern.of("(?i)[^Q]\\.\\x41")).isEqualTo("^(?:[^Qq]\\.\\x41)$");
        assertThat(EcmaPattern.of("[A-Z]{2}")).isEqualTo("^(?:[A-Z]{2})$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a(?i)b", "(?s).", "\\p{L}+", "\\Qa.b\\E", "[a-z&&[^q]]", "(?i)[0-z]", "(a)\\1", "abc\\",
            "[abc", "(?<name>a)", "\\x4"})
    void whatCannotBeTranslatedIsRefused(String java) {
        assertThatThrownBy(() -> EcmaPattern.of(java)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ECMA-262");
    }

    /** Values around the pattern's own words: each in mixed case, embedded, cut, padded; and random text. */
    private static List<String> samples(String java) {
        List<String> words = new ArrayList<>(List.of("", "a", "A", "-", ".", "US", "us", "USA", "U1", "example.com",
                "Example.COM", "-bad.com", "bad-.com", "a.b", "a..b", "x.y.z", "example", "com.", ".com"));
        for (String alternative : java.replace("(?i)", "").split("\\|")) {
            if (alternative.chars().allMatch(c -> Character.isLetter(c) || c == '-')) {
                words.add(alternative);
            }
        }
        Random random = new Random(20261205L);
        List<String> samples = new ArrayList<>();
        for (String w : words) {
            samples.add(w);
            samples.add(w.toUpperCase());
            samples.add(mixedCase(w, random));
            samples.add("x" + w);
            samples.add(w + "x");
            samples.add(" " + w);
            samples.add(w + "\n");
            samples.add(w + w);
            if (w.length() > 1) {
                samples.add(w.substring(1));
            }
        }
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._ ";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(16);
            for (int j = 0; j < length; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            samples.add(sb.toString());
        }
        return samples;
    }

    private static String mixedCase(String w, Random random) {
        StringBuilder sb = new StringBuilder();
        for (char c : w.toCharArray()) {
            sb.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return sb.toString();
    }
}
