package dev.restfault.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AcceptHeaderTest {

    @Test
    void theMostSpecificMatchingRangeGivesTheQuality() {
        AcceptHeader a = AcceptHeader.parse("text/*;q=0.3, text/plain;q=0.7, text/plain;format=flowed, */*;q=0.5");
        assertThat(a.quality("text/plain")).isEqualTo(0.7);
        assertThat(a.quality("text/html")).isEqualTo(0.3);
        assertThat(a.quality("image/png")).isEqualTo(0.5);
        assertThat(AcceptHeader.parse("text/html").quality("application/json")).isZero();
        assertThat(AcceptHeader.parse("TEXT/HTML;Q=0.4").quality("text/html")).isEqualTo(0.4);
        // A range with parameters speaks for the bare type only when nothing else names it.
        assertThat(AcceptHeader.parse("application/json;charset=utf-8, */*;q=0.1").quality("application/json")).isEqualTo(1);
    }

    @Test
    void noAcceptAcceptsEverything() {
        for (String none : new String[] {null, "", "  "}) {
            AcceptHeader a = AcceptHeader.parse(none);
            assertThat(a.quality("application/json")).isEqualTo(1);
            assertThat(a.quality("application/problem+json")).isEqualTo(1);
            assertThat(a.prefersProblemDetails()).isFalse();
            assertThat(a.exactTypes()).isEmpty();
        }
    }

    @Test
    void problemDetailsArePreferredOnlyWithAStrictlyHigherQualityThanJson() {
        assertThat(AcceptHeader.parse("application/problem+json").prefersProblemDetails()).isTrue();
        assertThat(AcceptHeader.parse("application/problem+json, application/json;q=0.9").prefersProblemDetails()).isTrue();
        assertThat(AcceptHeader.parse("application/json;q=0, */*;q=0.1").prefersProblemDetails()).isTrue();
        assertThat(AcceptHeader.parse("application/json, application/problem+json").prefersProblemDetails()).isFalse();
        assertThat(AcceptHeader.parse("application/problem+json;q=0.5, */*").prefersProblemDetails()).isFalse();
        assertThat(AcceptHeader.parse("*/*").prefersProblemDetails()).isFalse();
        assertThat(AcceptHeader.parse("application/*").prefersProblemDetails()).isFalse();
        assertThat(AcceptHeader.parse("application/problem+json;q=0").prefersProblemDetails()).isFalse();
    }

    @Test
    void malformedRangesCountAsAbsentAndLongValuesAreBounded() {
        assertThat(AcceptHeader.parse("application/problem+json;q=banana").prefersProblemDetails()).isFalse();
        assertThat(AcceptHeader.parse("application/problem+json;q=1.5").quality("application/problem+json")).isZero();
        assertThat(AcceptHeader.parse(",,,;;;q=,").quality("application/json")).isZero();
        assertThat(AcceptHeader.parse("*/json").quality("application/json")).isZero();
        assertThat(AcceptHeader.parse("x".repeat(1_000_000)).quality("application/json")).isZero();
        // Past the first 64 ranges, nothing is read.
        String padding = "text/x-a, ".repeat(100);
        assertThat(AcceptHeader.parse(padding + "application/problem+json").quality("application/problem+json")).isZero();
        // Past the first 4096 characters, nothing is read.
        String longRange = "text/x-" + "a".repeat(AcceptHeader.MAX_CHARS) + ", application/problem+json";
        assertThat(AcceptHeader.parse(longRange).quality("application/problem+json")).isZero();
    }

    @Test
    void exactTypesAreTheNamedOnes() {
        assertThat(AcceptHeader.parse("Application/XML;q=0.5, text/*, */*, application/json;charset=utf-8").exactTypes())
                .containsExactly("application/xml", "application/json");
        assertThat(AcceptHeader.parse("application/xml, application/json;q=0").exactTypes()).containsExactly("application/xml");
        assertThatThrownBy(() -> AcceptHeader.parse("*/*").quality(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theStaticShortcutAgreesWithAFullParseOnEveryValue() {
        String[] pieces = {"application/json", "application/problem+json", "APPLICATION/PROBLEM+JSON", "application/*", "*/*",
                "text/html", "application/json;charset=utf-8", ";q=0", ";q=0.5", ";Q=1", ";q = 0.2", ";level=1", ", ", ",",
                " ", "problem", "x/y", ";"};
        dev.restfault.core.testing.PropertyChecks.forAll(5_000, random -> {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(8);
            for (int i = 0; i < n; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            return sb.toString();
        }, accept -> assertThat(AcceptHeader.prefersProblemDetails(accept))
                .as(accept).isEqualTo(AcceptHeader.parse(accept).prefersProblemDetails()));
        assertThat(AcceptHeader.prefersProblemDetails(null)).isFalse();
        assertThat(AcceptHeader.prefersProblemDetails("application/problem+json")).isTrue();
        assertThat(AcceptHeader.prefersProblemDetails("application/json;q=0, */*;q=0.1")).isTrue();
        assertThat(AcceptHeader.prefersProblemDetails("application/json, */*")).isFalse();
        // A lone ";" (or one per range) is no range at all, never an exception.
        for (String semicolons : new String[] {";", ";;", ", ;", "application/problem+json, ;"}) {
            assertThat(AcceptHeader.parse(semicolons).exactTypes()).as(semicolons).doesNotContain("");
        }
        assertThat(AcceptHeader.prefersProblemDetails("application/problem+json, ;")).isTrue();
        // Hostile: a megabyte without "problem" or a parameter is refused without a parse.
        assertThat(AcceptHeader.prefersProblemDetails("x".repeat(1_000_000))).isFalse();
    }
}
