package dev.restfault.core.i18n;

import java.util.List;
import java.util.Locale;

/** The locales restfault ships texts for: the four languages of the seed documents. */
public final class SupportedLocales {

    public static final Locale EN_US = Locale.forLanguageTag("en-US");
    public static final Locale FR_FR = Locale.forLanguageTag("fr-FR");
    public static final Locale JA_JP = Locale.forLanguageTag("ja-JP");
    public static final Locale ZH_TW = Locale.forLanguageTag("zh-TW");

    /** The fallback when nothing the client asked for is supported. */
    public static final Locale DEFAULT = EN_US;

    /** All four, the default first. */
    public static final List<Locale> ALL = List.of(EN_US, FR_FR, JA_JP, ZH_TW);

    private SupportedLocales() {
    }
}
