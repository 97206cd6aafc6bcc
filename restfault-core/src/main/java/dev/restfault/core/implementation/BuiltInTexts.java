package dev.restfault.core.implementation;

import dev.restfault.core.i18n.SupportedLocales;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

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

    /**
     * The four shipped files, read once, in the order of {@link SupportedLocales#ALL}. Nothing
     * else is ever read: a locale restfault does not ship has no file, so no caller's locale (an
     * application may pass any) can grow what this class holds.
     */
    private static final Properties[] SHIPPED = SupportedLocales.ALL.stream()
            .map(l -> "texts/messages_" + l.getLanguage() + "_" + l.getCountry() + ".properties")
            .map(name -> Utf8Properties.read(BuiltInTexts.class.getResourceAsStream(name), name))
            .toArray(Properties[]::new);
    private static final Properties NONE = Utf8Properties.NONE;
    /** The last step of every chain. */
    private static final Properties EN_US = file("en", "US");

    private BuiltInTexts() {
    }

    /**
     * The text for {@code key} in {@code locale}, falling back along the chain
     * language_COUNTRY, language (the file restfault ships for that language), en-US.
     */
    public static Optional<String> get(String key, Locale locale) {
        Locale l = locale == null ? Locale.US : locale;
        String value = file(l.getLanguage(), l.getCountry()).getProperty(key);
        if (value == null) {
            value = languageFile(l).getProperty(key);
        }
        if (value == null) {
            value = EN_US.getProperty(key);
        }
        return Optional.ofNullable(value);
    }

    /**
     * The text for {@code key} in exactly {@code locale} (its language and country; script and
     * variant play no part); a locale with a language alone finds the file restfault ships for
     * that language.
     */
    public static Optional<String> getExact(String key, Locale locale) {
        Properties texts = locale.getCountry().isEmpty() ? languageFile(locale) : file(locale.getLanguage(), locale.getCountry());
        return Optional.ofNullable(texts.getProperty(key));
    }

    /**
     * The shipped locale that serves {@code l}'s language: fr-CA finds fr-FR, en-GB en-US. Chinese
     * is served only for Traditional locales (Hant, TW, HK, MO): a Simplified Chinese reader is
     * better served by English than by a script they may not read.
     */
    public static Optional<Locale> shippedLocaleFor(Locale l) {
        int i = shippedIndexFor(l);
        return i < 0 ? Optional.empty() : Optional.of(SupportedLocales.ALL.get(i));
    }

    private static int shippedIndexFor(Locale l) {
        if (l.getLanguage().equals("zh") && !("Hant".equals(l.getScript()) || "TW".equals(l.getCountry())
                || "HK".equals(l.getCountry()) || "MO".equals(l.getCountry()))) {
            return -1;
        }
        for (int i = 0; i < SHIPPED.length; i++) {
            if (SupportedLocales.ALL.get(i).getLanguage().equals(l.getLanguage())) {
                return i;
            }
        }
        return -1;
    }

    /** The file of {@link #shippedLocaleFor}; a language restfault does not ship has none. */
    private static Properties languageFile(Locale l) {
        int i = shippedIndexFor(l);
        return i < 0 ? NONE : SHIPPED[i];
    }

    /** The file shipped for exactly {@code language} and {@code country}, or none. */
    private static Properties file(String language, String country) {
        for (int i = 0; i < SHIPPED.length; i++) {
            Locale shipped = SupportedLocales.ALL.get(i);
            if (shipped.getLanguage().equals(language) && shipped.getCountry().equals(country)) {
                return SHIPPED[i];
            }
        }
        return NONE;
    }
}
