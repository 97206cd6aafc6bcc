package dev.restfault.cli;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** Reads a {@code --locale} value strictly. */
final class Locales {

    private Locales() {
    }

    /**
     * The locale of a well-formed BCP 47 language tag with a language ({@code ja-JP}, {@code zh-TW}).
     *
     * <p>Why not {@link Locale#forLanguageTag}: it keeps the well-formed prefix of anything and drops
     * the rest, so {@code xx-!!} became {@code xx} and a value with a line break and a second header
     * became {@code ja}: the command would silently send something other than what was asked.
     *
     * @throws IllegalArgumentException with a one-line message naming {@code option}, for null,
     *     empty, ill-formed tags (underscores, spaces, control characters, stray symbols) or a tag
     *     without a language
     */
    static Locale languageTag(String value, String option) {
        Locale l;
        try {
            l = value == null ? Locale.ROOT : new Locale.Builder().setLanguageTag(value).build();
        } catch (IllformedLocaleException e) {
            l = Locale.ROOT;
        }
        if (l.getLanguage().isEmpty()) {
            throw new IllegalArgumentException(option + " must be a well-formed language tag such as zh-TW, not '"
                    + Terminal.safe(value) + "'");
        }
        return l;
    }
}
