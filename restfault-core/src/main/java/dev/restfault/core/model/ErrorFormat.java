package dev.restfault.core.model;

import dev.restfault.core.i18n.SupportedLocales;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The three wire encodings of one error model.
 *
 * <p>The media type of each is the exact {@code Content-Type} a server sends; readers accept
 * the same types with any parameters.
 *
 * <p>Whether a format's texts follow the request's language is a property of the format
 * ({@link #isLocalized()}): the Partner API variant's messages are always en-US. Every module that
 * picks the language of an error (the server core, the command line's {@code convert}) asks here.
 *
 * <p>Each format has one name a person types or reads, its {@link #token()}
 * ({@code partner-center}, {@code partner-api}, {@code problem-details}): command-line options,
 * query parameters, configuration values, report texts and file names all spell it so, and
 * {@link #fromToken(String)} is the one place that reads it back. {@code problem}, which the
 * command line and the sandbox accepted before the names were unified, stays an alias of
 * {@code problem-details}.
 */
public enum ErrorFormat {
    /** {@code {"code","description","data","source"}}: the contract's default shape. */
    PARTNER_CENTER("partner-center", "application/json; charset=utf-8"),
    /**
     * {@code {"error":{"code","message","target","innerError","details"}}}: the Partner API variant.
     * Not localized: its messages are always en-US, as its documentation says.
     */
    PARTNER_API("partner-api", "application/json; charset=utf-8"),
    /** RFC 9457 problem details, served when a client's {@code Accept} prefers it. */
    PROBLEM_DETAILS("problem-details", "application/problem+json", "problem");

    /**
     * A regular expression that matches exactly what {@link #fromToken(String)} accepts (any
     * case, no surrounding space), for validation annotations such as Bean Validation's
     * {@code @Pattern}, which need a constant.
     */
    public static final String TOKEN_PATTERN = "(?i)partner-center|partner-api|problem-details|problem";

    private final String token;
    private final String contentType;
    private final List<String> aliases;

    ErrorFormat(String token, String contentType, String... aliases) {
        this.token = token;
        this.contentType = contentType;
        this.aliases = List.of(aliases);
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

    /** The format's name as people type and read it: {@code partner-center}, {@code partner-api}, {@code problem-details}. */
    public String token() {
        return token;
    }

    /** Other spellings {@link #fromToken(String)} accepts for this format; empty for most. */
    public List<String> aliases() {
        return aliases;
    }

    /**
     * The format named {@code token}: a {@link #token()} or one of its {@link #aliases()}, in
     * any case ({@code Partner-API} works). Nothing else matches: no surrounding space, no enum
     * constant names ({@code PARTNER_API}).
     *
     * @param token null, empty or unknown gives empty, never an exception
     */
    public static Optional<ErrorFormat> fromToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 32) {
            return Optional.empty();
        }
        String lower = token.toLowerCase(Locale.ROOT);
        for (ErrorFormat f : values()) {
            if (f.token.equals(lower) || f.aliases.contains(lower)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** {@code "partner-center, partner-api or problem-details"}: the tokens, for help texts and messages. */
    public static String tokens() {
        return PARTNER_CENTER.token + ", " + PARTNER_API.token + " or " + PROBLEM_DETAILS.token;
    }
}
