package dev.restfault.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocaleResolverTest {

    private final LocaleResolver resolver = LocaleResolver.defaults();

    @Test
    void xLocaleBeatsAcceptLanguage() {
        assertThat(resolver.resolve("ja-JP", "fr")).isEqualTo(SupportedLocales.JA_JP);
    }

    @Test
    void anUnsupportedXLocaleLetsAcceptLanguageDecide() {
        assertThat(resolver.resolve("de-DE", "fr")).isEqualTo(SupportedLocales.FR_FR);
        assertThat(resolver.resolve("not a tag!", "ja")).isEqualTo(SupportedLocales.JA_JP);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "zh-Hant-TW | zh-TW",
        "zh-Hant | zh-TW",
        "zh-HK | zh-TW",
        "zh-TW | zh-TW",
        "fr-CA | fr-FR",
        "fr | fr-FR",
        "FR-fr | fr-FR",
        "ja | ja-JP",
        "en-GB | en-US",
        "de-DE | en-US",
        "zh-CN | en-US",
        "zh-Hans-CN | en-US",
        "'de;q=0.9, ja;q=0.8' | ja-JP",
        "'fr;q=0.5, ja;q=0.8' | ja-JP",
        "'fr, ja' | fr-FR",
        "'ja;q=0, fr;q=0.1' | fr-FR",
        "'zh-CN, zh-TW;q=0.5' | zh-TW",
        "'*' | en-US",
        "'de, *;q=0.1' | en-US",
        "'fr;q=0' | en-US",
        "'fr;q=2' | en-US",
        "'fr;q=abc, ja' | ja-JP",
        "'' | en-US",
        "';;;,,,' | en-US",
    })
    void acceptLanguageIsMatchedByRfc4647Lookup(String header, String expected) {
        assertThat(resolver.resolve(null, header)).isEqualTo(Locale.forLanguageTag(expected));
    }

    @Test
    void unknownOrAbsentFallsBackToEnUs() {
        assertThat(resolver.resolve(null, null)).isEqualTo(SupportedLocales.EN_US);
        assertThat(resolver.resolve("", "")).isEqualTo(SupportedLocales.EN_US);
        assertThat(resolver.resolve("xx-YY", "qq")).isEqualTo(SupportedLocales.EN_US);
    }

    @Test
    void xLocaleWithUnderscoreIsAccepted() {
        assertThat(resolver.resolve("fr_FR", null)).isEqualTo(SupportedLocales.FR_FR);
    }

    @Test
    void hostileHeadersAreBoundedNotErrors() {
        String huge = "ja-" + "a".repeat(10 * 1024);
        assertThat(resolver.resolve(huge, "fr")).isEqualTo(SupportedLocales.FR_FR);
        String thousand = String.join(", ", Collections.nCopies(1000, "de;q=0.9")) + ", ja";
        // Only the first 64 ranges are read: "ja" at the end is not seen.
        assertThat(resolver.resolve(null, thousand)).isEqualTo(SupportedLocales.EN_US);
        assertThat(resolver.resolve("ja\r\nX: y", "\u0000\u0001")).isEqualTo(SupportedLocales.EN_US);
        assertThat(resolver.resolve(null, "ja;q=0.5" + ",".repeat(100_000))).isEqualTo(SupportedLocales.JA_JP);
    }

    @Test
    void customSupportedLocales() {
        LocaleResolver r = LocaleResolver.of(List.of(Locale.forLanguageTag("ja-JP"), Locale.forLanguageTag("en-US")));
        assertThat(r.fallback()).isEqualTo(SupportedLocales.JA_JP);
        assertThat(r.resolve(null, "fr")).isEqualTo(SupportedLocales.JA_JP);
        assertThat(r.resolve(null, "en")).isEqualTo(SupportedLocales.EN_US);
        assertThatThrownBy(() -> LocaleResolver.of(List.of())).hasMessage("supported locales must not be empty");
        assertThatThrownBy(() -> LocaleResolver.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
