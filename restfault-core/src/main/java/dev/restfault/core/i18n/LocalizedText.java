package dev.restfault.core.i18n;

import java.util.Locale;
import java.util.Objects;

/**
 * A text and the language it is really written in, which is what {@code Content-Language} must
 * name: when an application has no translation of a code for the requested language, the text
 * falls back to English and the header must say so. Immutable.
 */
public final class LocalizedText {

    private final String text;
    private final Locale locale;

    private LocalizedText(String text, Locale locale) {
        this.text = text;
        this.locale = locale;
    }

    /**
     * @throws NullPointerException if either is null
     */
    public static LocalizedText of(String text, Locale locale) {
        return new LocalizedText(Objects.requireNonNull(text, "text"), Objects.requireNonNull(locale, "locale"));
    }

    public String text() {
        return text;
    }

    /** The language of {@link #text()}: a supported locale such as fr-FR, never the root locale. */
    public Locale locale() {
        return locale;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalizedText && ((LocalizedText) o).text.equals(text) && ((LocalizedText) o).locale.equals(locale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, locale);
    }

    @Override
    public String toString() {
        return locale.toLanguageTag() + ": " + text;
    }
}
