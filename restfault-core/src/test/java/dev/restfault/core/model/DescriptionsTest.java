package dev.restfault.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.core.testing.PropertyChecks;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DescriptionsTest {

    @Test
    void shortTextIsKeptAsIs() {
        assertThat(Descriptions.fit("Not found.")).isEqualTo("Not found.");
        String exactly = "a".repeat(1024);
        assertThat(Descriptions.fit(exactly)).isSameAs(exactly);
    }

    @Test
    void blankMeansNoVisibleCharacterInJavasSenseOrJsonSchemas() {
        for (String blank : new String[] {"", " ", "\t\r\n", "\u000B\f", "\u00A0", "\u2007", "\u202F", "\uFEFF",
            "\u3000", "\u2028\u2029", "\u1680", "\u001C"}) {
            assertThat(Descriptions.isBlank(blank)).as("%s", blank.codePoints().mapToObj(Integer::toHexString).toList()).isTrue();
        }
        for (String visible : new String[] {"a", " a ", "\u00A0x", "\u200B", "\u0000", "\uD83D\uDE00"}) {
            assertThat(Descriptions.isBlank(visible)).as("%s", visible.codePoints().mapToObj(Integer::toHexString).toList()).isFalse();
        }
        assertThatThrownBy(() -> Descriptions.isBlank(null)).isInstanceOf(NullPointerException.class);
        // A code that shows nothing is refused like a blank one.
        assertThatThrownBy(() -> PartnerCenterError.of("\u00A0", "d", "s")).hasMessage("code must not be blank");
    }

    @Test
    void nullAndEmptyAreRejectedWithAPreciseMessage() {
        assertThatThrownBy(() -> Descriptions.fit(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("description must not be null");
        assertThatThrownBy(() -> Descriptions.fit(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("description must not be empty");
    }

    @Test
    void asciiOverTheLimitIsCutTo1024WithTheMark() {
        String cut = Descriptions.fit("x".repeat(5000));
        assertThat(cut).hasSize(1024).endsWith(Descriptions.CUT_MARK);
        assertThat(cut.substring(0, 1023)).isEqualTo("x".repeat(1023));
    }

    @Test
    void japaneseAndChineseCountUtf16UnitsNotBytes() {
        // 1024 BMP ideographs are 3072 UTF-8 bytes but exactly 1024 UTF-16 units: kept.
        String japanese = "要".repeat(1024);
        assertThat(Descriptions.fit(japanese)).isEqualTo(japanese);
        String chinese = "閘道超時".repeat(300); // 1200 units
        String cut = Descriptions.fit(chinese);
        assertThat(cut).hasSize(1024).endsWith("…");
        assertThat(chinese).startsWith(cut.substring(0, 1023));
    }

    @Test
    void emojiSurrogatePairIsNeverSplit() {
        // 1022 ASCII then emoji pairs: position 1023 falls inside a pair.
        String text = "a".repeat(1022) + "😀😀😀";
        String cut = Descriptions.fit(text);
        assertThat(cut.length()).isLessThanOrEqualTo(1024);
        assertWellFormed(cut);
        assertThat(cut).isEqualTo("a".repeat(1022) + "…");
    }

    @Test
    void combiningMarkStaysWithItsBase() {
        // "e" + COMBINING ACUTE ACCENT straddling the cut point.
        String text = "a".repeat(1022) + "e\u0301" + "b".repeat(10);
        String cut = Descriptions.fit(text);
        assertThat(cut).isEqualTo("a".repeat(1022) + "…");
    }

    @Test
    void emojiZwjSequenceIsNotSplit() {
        String family = "👩\u200D👩\u200D👧\u200D👦"; // 11 units
        String text = "a".repeat(1015) + family + "tail";
        String cut = Descriptions.fit(text);
        assertWellFormed(cut);
        assertThat(cut).isEqualTo("a".repeat(1015) + "…");
    }

    @Test
    void skinToneModifierAndVariationSelectorStayAttached() {
        String thumbs = "👍🏽"; // base + modifier, 4 units
        String text = "a".repeat(1021) + thumbs + "zz";
        assertThat(Descriptions.fit(text)).isEqualTo("a".repeat(1021) + "…");
        String heart = "❤\uFE0F"; // base + VS16
        String text2 = "a".repeat(1022) + heart + "zz";
        assertThat(Descriptions.fit(text2)).isEqualTo("a".repeat(1022) + "…");
    }

    @Test
    void flagPairsAreNotHalved() {
        String fr = "🇫🇷"; // two regional indicators, 4 units
        String text = "a".repeat(1019) + fr + fr + "zz";
        String cut = Descriptions.fit(text);
        // 1019 + 4 = 1023 fits one flag whole; the second would overflow.
        assertThat(cut).isEqualTo("a".repeat(1019) + fr + "…");
    }

    @Test
    void pathologicalCombiningRunFallsBackToACodePointBoundary() {
        String zalgo = "a" + "\u0301".repeat(3000);
        String cut = Descriptions.fit(zalgo);
        assertThat(cut).hasSize(1024).endsWith("…");
        assertWellFormed(cut);
    }

    @Test
    void cutIsBoundedWellFormedAndAPrefix() {
        PropertyChecks.forAll(500, DescriptionsTest::text, text -> {
            String fitted = Descriptions.fit(text);
            assertThat(fitted.length()).isLessThanOrEqualTo(Descriptions.MAX_LENGTH);
            assertWellFormed(fitted);
            if (text.length() <= Descriptions.MAX_LENGTH) {
                assertThat(fitted).isEqualTo(text);
            } else {
                assertThat(fitted).endsWith(Descriptions.CUT_MARK);
                String kept = fitted.substring(0, fitted.length() - 1);
                assertThat(text).startsWith(kept);
                assertThat(kept).isNotEmpty();
                // The cut never separates a mark, joiner or modifier from what precedes it. (The
                // generator cannot build a cluster longer than MAX_CLUSTER_BACKTRACK in practice,
                // so the code-point fallback is not expected here; it has its own test.)
                int next = text.codePointAt(kept.length());
                boolean splitsCluster = Character.getType(next) == Character.NON_SPACING_MARK || next == 0x200D
                        || (next >= 0x1F3FB && next <= 0x1F3FF) || (next >= 0xFE00 && next <= 0xFE0F)
                        || kept.codePointBefore(kept.length()) == 0x200D;
                assertThat(splitsCluster).as("cut at %d splits a cluster", kept.length()).isFalse();
            }
        });
    }

    private static final String[] PIECES = {
        "a", "要", "閘", "😀", "e\u0301", "👩\u200D👧", "🇫🇷", "👍🏽", "❤\uFE0F", " ", "\u0301", "\u200D"
    };

    /** Texts of 1 to ~3000 units mixing every kind of cluster, around the 1024 limit. */
    static String text(SplittableRandom r) {
        int pieces = 1 + r.nextInt(1500);
        StringBuilder sb = new StringBuilder("x".repeat(r.nextInt(4)));
        for (int i = 0; i < pieces; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    static void assertWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                        .as("high surrogate at %d is paired", i).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
            }
        }
    }
}
