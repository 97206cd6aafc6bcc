package dev.restfault.core.model;

import dev.restfault.core.i18n.SupportedLocales;
import java.util.Locale;

/**
 * The three wire encodings of one error model.
 *
 * <p>The media type of each is the exact {@code Content-Type} a server sends; readers accept
 * the same types with any parameters.
 *
 * <p>Whether a format's texts follow the request's language is a property of the format
 * ({@link #isLocalized()}): the Partner API variant's messages are always en-US. Every module that
 * picks the language of an error (the server core, the command line's {@code convert}) asks here.
 */
public enum ErrorFormat {
    /** {@code {"code","description","data","source"}}: the contract's default shape. */
    PARTNER_CENTER("application/json; charset=utf-8"),
    /**
     * {@code {"error":{"code","message","target","innerError","details"}}}: the Partner API variant.
     * Not localized: its messages are always en-US, as its documentation says.
     */
    PARTNER_API("application/json; charset=utf-8"),
    /** RFC 9457 problem details, served when a client's {@code Accept} prefers it. */
    PROBLEM_DETAILS("application/problem+json");

    private final String contentType;

    ErrorFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The {@code Content-Type} header value a server sends for this format. */
    public String contentType() {
        return contentType;
    }

    /**
     * Whether this format's texts are written in the request's language: false for
     * {@link #PARTNER_API}, whose messages (and {@code details}) are always en-US.
     */
    public boolean isLocalized() {
        return this != PARTNER_API;
    }

    /**
     * The language this format's texts are written in for a request that asked for
     * {@code requested}: {@code requested} itself, or en-US for a format that is not
     * {@linkplain #isLocalized() localized}.
     *
     * @param requested the language negotiated for the request; null means en-US
     */
    public Locale textLocale(Locale requested) {
        return !isLocalized() || requested == null ? SupportedLocales.EN_US : requested;
    }
}
