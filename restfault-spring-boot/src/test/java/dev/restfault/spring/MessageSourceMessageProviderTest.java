package dev.restfault.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Spring's fallback to the JVM's locale, with the test bundles ({@code messages.properties} in
 * English, {@code messages_fr} and {@code messages_de}) and Spring Boot's message source settings
 * (UTF-8, fallback to the system locale on). The HTTP tests run on a German JVM; these add the
 * French JVM, where the system fallback and the asked language are the same.
 */
class MessageSourceMessageProviderTest {

    private static final String KEY = "code.domainTaken";
    private Locale system;

    @BeforeEach
    void remember() {
        system = Locale.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(system);
        ResourceBundle.clearCache(getClass().getClassLoader());
    }

    private static MessageSourceMessageProvider provider(Locale jvm) {
        Locale.setDefault(jvm);
        ResourceBundle.clearCache(MessageSourceMessageProviderTest.class.getClassLoader());
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(true);
        return new MessageSourceMessageProvider(source);
    }

    @Test
    void onAFrenchJvmTheApplicationsFrenchTextIsKept() {
        MessageSourceMessageProvider p = provider(Locale.FRANCE);
        assertThat(p.find(KEY, Locale.FRANCE)).contains("Le domaine {0} est déjà pris.");
        assertThat(p.find(KEY, Locale.CANADA_FRENCH)).contains("Le domaine {0} est déjà pris.");
        assertThat(p.find(KEY, Locale.US)).contains("The domain {0} is already taken.");
        assertThat(p.find(KEY, Locale.JAPAN)).isEmpty();
    }

    @Test
    void onAGermanJvmEnglishIsTheDefaultBundleAndOtherLanguagesGetNothingGerman() {
        MessageSourceMessageProvider p = provider(Locale.GERMANY);
        assertThat(p.find(KEY, Locale.US)).contains("The domain {0} is already taken.");
        assertThat(p.find(KEY, Locale.ROOT)).contains("The domain {0} is already taken.");
        assertThat(p.find(KEY, null)).contains("The domain {0} is already taken.");
        assertThat(p.find(KEY, Locale.FRANCE)).contains("Le domaine {0} est déjà pris.");
        assertThat(p.find(KEY, Locale.JAPAN)).isEmpty();
        assertThat(p.find(KEY, Locale.GERMANY)).contains("Die Domain {0} ist bereits vergeben.");
        // A key only the German bundle has is not English.
        assertThat(p.find("NotBlank", Locale.US)).isEmpty();
        assertThat(p.find("NotBlank", Locale.FRANCE)).isEmpty();
    }

    @Test
    void badInputKeysAndUnknownCodes() {
        MessageSourceMessageProvider p = provider(Locale.US);
        assertThat(p.find(null, Locale.US)).isEmpty();
        assertThat(p.find("", Locale.US)).isEmpty();
        assertThat(p.find("code.<script>", Locale.US)).isEmpty();
        // A locale without a language (private use only) is the default bundle's, like ROOT.
        assertThat(p.find(KEY, Locale.forLanguageTag("x-" + "a".repeat(8)))).contains("The domain {0} is already taken.");
        assertThat(p.find(KEY, Locale.forLanguageTag("zxx"))).isEmpty();
    }
}
