package dev.restfault.core.model;

/**
 * The three wire encodings of one error model.
 *
 * <p>The media type of each is the exact {@code Content-Type} a server sends; readers accept
 * the same types with any parameters.
 */
public enum ErrorFormat {
    /** {@code {"code","description","data","source"}}: the contract's default shape. */
    PARTNER_CENTER("application/json; charset=utf-8"),
    /** {@code {"error":{"code","message","target","innerError","details"}}}: the Partner API variant. */
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
}
