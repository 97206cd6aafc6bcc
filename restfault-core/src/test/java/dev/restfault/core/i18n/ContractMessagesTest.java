package dev.restfault.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContractMessagesTest {

    private final ContractMessages messages = ContractMessages.builder()
            .addBundle("com.example.errors", getClass().getClassLoader())
            .build();

    @Test
    void builtInTextsInEveryLanguage() {
        assertThat(messages.reasonPhrase(404, SupportedLocales.FR_FR)).isEqualTo("Introuvable");
        assertThat(messages.reasonPhrase(404, SupportedLocales.ZH_TW)).isEqualTo("找不到");
        assertThat(messages.get(ContractMessages.INTERNAL_ERROR, SupportedLocales.JA_JP, "abc"))
                .isEqualTo("内部エラーが発生しました。報告の際は要求 ID abc をお知らせください。");
        assertThat(messages.statusDescription(418, SupportedLocales.EN_US)).isEqualTo("The request cannot be processed.");
        assertThat(messages.reasonPhrase(599, SupportedLocales.FR_FR)).isEqualTo("Erreur du serveur");
    }

    @Test
    void applicationTextsForItsOwnCodesComeFromUtf8Bundles() {
        assertThat(messages.describeCode("domainTaken", SupportedLocales.FR_FR, "contoso.com"))
                .contains("Le domaine contoso.com est déjà utilisé.");
        assertThat(messages.describeCode("domainTaken", Locale.CANADA_FRENCH, "x.com"))
                .contains("Le domaine x.com est déjà utilisé.");
        assertThat(messages.describeCode("domainTaken", SupportedLocales.JA_JP, "contoso.com"))
                .contains("The domain contoso.com is already taken.");
        assertThat(messages.describeCode("unknownCode", SupportedLocales.EN_US)).isEmpty();
        assertThat(messages.describeCode(null, SupportedLocales.EN_US)).isEmpty();
    }

    @Test
    void aProviderOverridesBuiltInsInItsLanguageOnly() {
        ContractMessages m = ContractMessages.builder()
                .add((key, locale) -> key.equals("status.404.reason") && locale.getLanguage().equals("fr")
                        ? Optional.of("Pas trouvé") : Optional.empty())
                .build();
        assertThat(m.reasonPhrase(404, SupportedLocales.FR_FR)).isEqualTo("Pas trouvé");
        assertThat(m.reasonPhrase(404, SupportedLocales.JA_JP)).isEqualTo("見つかりません");
    }

    @Test
    void aBuiltInTextInTheRequestedLanguageBeatsAnApplicationTextInEnglish() {
        ContractMessages m = ContractMessages.builder()
                .add((key, locale) -> locale.equals(SupportedLocales.EN_US) ? Optional.of("Overridden") : Optional.empty())
                .build();
        assertThat(m.reasonPhrase(404, SupportedLocales.JA_JP)).isEqualTo("見つかりません");
        assertThat(m.reasonPhrase(404, SupportedLocales.EN_US)).isEqualTo("Overridden");
    }

    @Test
    void aFaultyProviderIsSkippedNotFatal() {
        ContractMessages m = ContractMessages.builder()
                .add((key, locale) -> {
                    throw new IllegalStateException("boom");
                })
                .add((key, locale) -> null)
                .build();
        assertThat(m.reasonPhrase(404, SupportedLocales.EN_US)).isEqualTo("Not found");
    }

    @Test
    void aTextKnowsTheLanguageItWasFoundIn() {
        // The application has French and a base (English) file, no Japanese.
        assertThat(messages.describeCodeLocalized("domainTaken", SupportedLocales.FR_FR, "x"))
                .contains(LocalizedText.of("Le domaine x est déjà utilisé.", SupportedLocales.FR_FR));
        assertThat(messages.describeCodeLocalized("domainTaken", Locale.CANADA_FRENCH, "x").orElseThrow().locale())
                .isEqualTo(SupportedLocales.FR_FR);
        assertThat(messages.describeCodeLocalized("domainTaken", SupportedLocales.JA_JP, "x"))
                .contains(LocalizedText.of("The domain x is already taken.", SupportedLocales.EN_US));
        // Built-in texts exist in every supported language.
        assertThat(messages.findLocalized(ContractMessages.INTERNAL_ERROR, SupportedLocales.ZH_TW, "id").orElseThrow().locale())
                .isEqualTo(SupportedLocales.ZH_TW);
        assertThat(messages.statusDescriptionLocalized(404, Locale.GERMANY))
                .isEqualTo(LocalizedText.of("The requested resource does not exist.", SupportedLocales.EN_US));
        assertThat(messages.statusDescriptionLocalized(404, Locale.forLanguageTag("zh-CN")).locale())
                .isEqualTo(SupportedLocales.EN_US);
    }

    @Test
    void anyNumberOfCallerLocalesKeepsTheLookupBoundedAndRight() {
        // An application may pass any locale; past the limit chains are built, not kept, and a
        // locale that is not kept finds the same texts as one that is.
        for (int i = 0; i < 3 * ContractMessages.CHAIN_CACHE_LIMIT; i++) {
            Locale l = new Locale.Builder().setLanguage(i % 2 == 0 ? "fr" : "xq").setRegion(region(i)).build();
            String phrase = messages.reasonPhrase(404, l);
            assertThat(phrase).as("%s", l)
                    .isEqualTo(i % 2 == 0 ? "Introuvable" : messages.reasonPhrase(404, SupportedLocales.EN_US));
            assertThat(messages.findLocalized(ContractMessages.NO_SUCH_RESOURCE, l).orElseThrow().locale())
                    .isEqualTo(i % 2 == 0 ? l : SupportedLocales.EN_US);
        }
        assertThat(ContractMessages.cachedChains()).isLessThanOrEqualTo(ContractMessages.CHAIN_CACHE_LIMIT);
        assertThat(messages.reasonPhrase(404, Locale.forLanguageTag("fr-BE"))).isEqualTo("Introuvable");
        assertThat(messages.reasonPhrase(404, Locale.forLanguageTag("ja-JP"))).isEqualTo(messages.reasonPhrase(404, SupportedLocales.JA_JP));
    }

    /** A two-letter region per {@code i}: AA, AB, ... */
    private static String region(int i) {
        return "" + (char) ('A' + i / 26 % 26) + (char) ('A' + i % 26);
    }

    @Test
    void placeholdersNeedNoApostropheEscaping() {
        assertThat(ContractMessages.format("L'élément {0} n'est pas {1}", "a", "b")).isEqualTo("L'élément a n'est pas b");
        assertThat(ContractMessages.format("{0} {5} {x} {", "a")).isEqualTo("a {5} {x} {");
        assertThat(ContractMessages.format("no args {0}")).isEqualTo("no args {0}");
        assertThat(ContractMessages.format("{{0}} {10}{1}{}{0", "a", "b")).isEqualTo("{a} {10}b{}{0");
        assertThat(ContractMessages.format("{01} {\u0661} {1a} {-1} {\uD835\uDFCF}", "a", "b"))
                .isEqualTo("b b {1a} {-1} {\uD835\uDFCF}"); // any decimal digit, as Integer.parseInt reads it
        assertThat(ContractMessages.format("{0}{0}{0}", (Object) null)).isEqualTo("nullnullnull");
    }

    @Test
    void missingKeysAndBadBundleNames() {
        assertThatThrownBy(() -> messages.get("nope", SupportedLocales.EN_US)).hasMessage("no text for key nope");
        assertThatThrownBy(() -> ContractMessages.builder().addBundle("../etc/passwd", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContractMessages.builder().add(null)).isInstanceOf(NullPointerException.class);
        assertThat(messages.find("status.404.reason", null)).contains("Not found");
    }
}
