package dev.restfault.server;

import dev.restfault.core.model.ErrorFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A request being answered with a contract error: its {@link RequestFacts} and what the renderer
 * negotiated for it, once: the error {@link #format()} and the {@link #locale()} its texts are
 * written in. This is what {@link ExceptionTranslator}s see, so that a translator writing nested
 * texts ({@code data} entries) writes them in the language of the whole body.
 *
 * <p>Guarantee: the locale of a format that is not localized (the Partner API variant) is en-US,
 * however the request was made. Immutable.
 */
public final class ErrorRequest {

    private final RequestFacts facts;
    private final ErrorFormat format;
    private final Locale locale;

    private ErrorRequest(RequestFacts facts, ErrorFormat format, Locale locale) {
        this.facts = facts;
        this.format = format;
        this.locale = locale;
    }

    /**
     * The request answered in {@code format} and {@code locale}, as {@link ErrorRenderer#negotiate}
     * decides them; for tests of translators and for adapters that negotiated elsewhere.
     *
     * @param locale the request's language; replaced by en-US for a format that is not localized
     * @throws NullPointerException if an argument is null
     */
    public static ErrorRequest of(RequestFacts facts, ErrorFormat format, Locale locale) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(locale, "locale");
        return new ErrorRequest(facts, format, format.textLocale(locale));
    }

    /** The request's facts. */
    public RequestFacts facts() {
        return facts;
    }

    /** The format the error is written in. */
    public ErrorFormat format() {
        return format;
    }

    /** The language the error's texts are written in (en-US for the Partner API format). */
    public Locale locale() {
        return locale;
    }

    /** Shorthand for {@code facts().header(name)}: the first value of a request header, or null. */
    public String header(String name) {
        return facts.header(name);
    }

    @Override
    public String toString() {
        return "ErrorRequest[" + facts.logLine() + ", " + format + ", " + locale.toLanguageTag() + "]";
    }
}
