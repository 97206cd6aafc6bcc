package dev.restfault.core.implementation;

import dev.restfault.core.i18n.SupportedLocales;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts restfault ships, one UTF-8 properties file per locale under
 * {@code dev/restfault/core/implementation/texts/}.
 *
 * <p>Loaded by hand rather than through {@link java.util.ResourceBundle}: in a named module,
 * {@code ResourceBundle.Control} is unavailable, and the default lookup would fall back to the
 * JVM's default locale, which must never decide what language a client gets. The chain here is
 * fixed: language_COUNTRY, then language, then en-US.
 *
 * <p>Not part of the API.
 */
public final class BuiltInTexts {

    private static final Map<String, Properties> CACHE = new ConcurrentHashMap<>();
    private static final Properties NONE = Utf8Properties.NONE;

    private BuiltInTexts() {
    }

    /**
     * The text for {@code key} in {@code locale}, falling back along the chain
     * language_COUNTRY, language (the file restfault ships for that language), en-US.
     */
    public static Optional<String> get(String key, Locale locale) {
        Locale l = locale == null ? Locale.US : locale;
        String value = load(l.getLanguage() + "_" + l.getCountry()).getProperty(key);
        if (value == null) {
            value = load(languageFile(l)).getProperty(key);
        }
        if (value == null) {
            value = load("en_US").getProperty(key);
        }
        return Optional.ofNullable(value);
    }

    /**
     * The text for {@code key} in exactly {@code locale}; a locale with a language alone finds
     * the file restfault ships for that language.
     */
    public static Optional<String> getExact(String key, Locale locale) {
        String suffix = locale.getCountry().isEmpty() ? languageFile(locale) : locale.getLanguage() + "_" + locale.getCountry();
        return Optional.ofNullable(load(suffix).getProperty(key));
    }

    /**
     * The shipped locale that serves {@code l}'s language: fr-CA finds fr-FR, en-GB en-US. Chinese
     * is served only for Traditional locales (Hant, TW, HK, MO): a Simplified Chinese reader is
     * better served by English than by a script they may not read.
     */
    public static Optional<Locale> shippedLocaleFor(Locale l) {
        if (l.getLanguage().equals("zh") && !("Hant".equals(l.getScript()) || "TW".equals(l.getCountry())
                || "HK".equals(l.getCountry()) || "MO".equals(l.getCountry()))) {
            return Optional.empty();
        }
        for (Locale shipped : SupportedLocales.ALL) {
            if (shipped.getLanguage().equals(l.getLanguage())) {
                return Optional.of(shipped);
            }
        }
        return Optional.empty();
    }

    /** The file of {@link #shippedLocaleFor}; a language restfault does not ship has none. */
    private static String languageFile(Locale l) {
        return shippedLocaleFor(l).map(s -> s.getLanguage() + "_" + s.getCountry()).orElse(l.getLanguage());
    }

    private static Properties load(String suffix) {
        return CACHE.computeIfAbsent(suffix, BuiltInTexts::read);
    }

    private static Properties read(String suffix) {
        if (!suffix.matches("[a-z]{2,3}(_[A-Z]{2})?")) {
            return NONE;
        }
        String name = "texts/messages_" + suffix + ".properties";
        return Utf8Properties.read(BuiltInTexts.class.getResourceAsStream(name), name);
    }
}
