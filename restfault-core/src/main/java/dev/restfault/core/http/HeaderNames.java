package dev.restfault.core.http;

/** The header names the contract uses, in their canonical spelling. Header names are case-insensitive. */
public final class HeaderNames {

    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String ALLOW = "Allow";
    public static final String ETAG = "ETag";
    public static final String RETRY_AFTER = "Retry-After";
    /** Milliseconds variant of Retry-After some Microsoft services send. */
    public static final String RETRY_AFTER_MS = "retry-after-ms";
    /** Microsoft's prefixed milliseconds variant of Retry-After. */
    public static final String X_MS_RETRY_AFTER_MS = "x-ms-retry-after-ms";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTENT_LANGUAGE = "Content-Language";
    public static final String CACHE_CONTROL = "Cache-Control";
    public static final String X_CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    public static final String ACCEPT = "Accept";
    public static final String ACCEPT_LANGUAGE = "Accept-Language";
    /** Partner Center's locale header; wins over {@code Accept-Language}. */
    public static final String X_LOCALE = "X-Locale";
    /** A GUID identifying one logical operation across services; new per call unless the caller sets one. */
    public static final String MS_CORRELATION_ID = "MS-CorrelationId";
    /** A GUID identifying one request, kept the same across its retries so the server can deduplicate. */
    public static final String MS_REQUEST_ID = "MS-RequestId";
    /** The contract version a client asks for. */
    public static final String MS_CONTRACT_VERSION = "MS-Contract-Version";

    /** {@code Cache-Control} value of every error response: errors are never cached. */
    public static final String NO_STORE = "no-store";
    /** {@code X-Content-Type-Options} value of every error response: never sniffed. */
    public static final String NOSNIFF = "nosniff";

    private HeaderNames() {
    }
}
