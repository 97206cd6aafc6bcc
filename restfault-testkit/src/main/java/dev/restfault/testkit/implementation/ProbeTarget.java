package dev.restfault.testkit.implementation;

import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.HeaderValues;
import dev.restfault.core.http.RequestIds;
import dev.restfault.testkit.load.LoadCase;
import dev.restfault.testkit.probe.Probe;
import dev.restfault.testkit.probe.ProbeCase;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The API a probe or a load run talks to (base URL, resource, bearer token, the language the
 * {@code locale} case asks for) and the one place that turns a case into the request sent: the
 * probe and the load runner send exactly the same request for a case, and validate their base
 * URL, resource and token with the same rules.
 *
 * <p>Not API: this package is not exported. Immutable and thread-safe; every request gets fresh
 * ids.
 */
public final class ProbeTarget {

    /** The smallest body of a load case: the JSON object around the padding. */
    public static final int MIN_BODY_BYTES = 64;

    /** The largest body of a load case. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private static final String USER_AGENT = "restfault-probe";
    private static final String JSON = "application/json";
    /** A media type no server consumes, for the unsupported-media-type case. */
    private static final String UNSUPPORTED_TYPE = "application/x-restfault-probe";

    private final URI baseUrl;
    private final URI resource;
    private final String token;
    private final Locale locale;
    private final byte[] jsonBody;
    private final byte[] truncatedJsonBody;

    /**
     * A target whose parts were validated by {@link #baseUrl(URI)}, {@link #resource(URI, String)}
     * and {@link #token(String)}.
     *
     * @param bodyBytes the size of the load cases' bodies, {@value #MIN_BODY_BYTES}..{@value #MAX_BODY_BYTES};
     *     0 when no load case is sent (the probe)
     * @throws IllegalArgumentException if {@code bodyBytes} is neither 0 nor within that range
     */
    public ProbeTarget(URI baseUrl, URI resource, String token, Locale locale, int bodyBytes) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.token = token;
        this.locale = Objects.requireNonNull(locale, "locale");
        if (bodyBytes == 0) {
            this.jsonBody = null;
            this.truncatedJsonBody = null;
        } else {
            checkBodyBytes(bodyBytes);
            this.jsonBody = paddedJson(bodyBytes);
            // The closing quote and brace padded over: an unterminated string no parser accepts,
            // of the same size.
            this.truncatedJsonBody = Arrays.copyOf(jsonBody, bodyBytes);
            truncatedJsonBody[bodyBytes - 2] = 'a';
            truncatedJsonBody[bodyBytes - 1] = 'a';
        }
    }

    /**
     * Checks the size of a load case's body.
     *
     * @throws IllegalArgumentException unless within {@value #MIN_BODY_BYTES}..{@value #MAX_BODY_BYTES}
     */
    public static int checkBodyBytes(int bodyBytes) {
        if (bodyBytes < MIN_BODY_BYTES || bodyBytes > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("body size must be within " + MIN_BODY_BYTES + ".." + MAX_BODY_BYTES + " bytes");
        }
        return bodyBytes;
    }

    /** A JSON object of exactly {@code size} bytes that no API knows: one member, then padding. */
    private static byte[] paddedJson(int size) {
        String head = "{\"restfault-probe\":\"load\",\"padding\":\"";
        String tail = "\"}";
        return (head + "a".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.US_ASCII);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public URI resource() {
        return resource;
    }

    /** The request the probe sends for {@code c}, with fresh ids. */
    public ProbeRequest request(ProbeCase c) {
        Draft d = new Draft(c.id(), resource);
        URI unknown = baseUrl.resolve("restfault-probe-" + RequestIds.generate());
        switch (c) {
            case UNKNOWN_PATH:
                d.target = unknown;
                break;
            case WRONG_METHOD:
                d.method = "PATCH";
                d.header("Content-Type", "application/merge-patch+json");
                // A precondition no entity can meet: a server that would act on the request
                // must answer 412 before changing anything (RFC 9110 §13.1.1).
                d.header("If-Match", Probe.NEVER_MATCHING_ETAG);
                d.body = "{}".getBytes(StandardCharsets.US_ASCII);
                break;
            case NOT_ACCEPTABLE:
                d.accept = "application/x-restfault-probe";
                break;
            case MALFORMED_BODY:
                d.method = "POST";
                d.header("Content-Type", JSON);
                d.header("If-Match", Probe.NEVER_MATCHING_ETAG);
                d.body = "{\"restfault-probe\": [1, 2,".getBytes(StandardCharsets.US_ASCII);
                break;
            case NO_CREDENTIALS:
                d.credentials = false;
                break;
            case BAD_TOKEN:
                d.credentials = false;
                d.header("Authorization", "Bearer restfault-probe.invalid.token");
                break;
            case HUGE_HEADER:
                d.header("X-Restfault-Probe", "a".repeat(Probe.HUGE_HEADER_BYTES));
                // A server that refuses an oversized header block may never have read the ids
                // in it: it must still send GUIDs, but cannot be held to echoing them.
                d.idsChecked = false;
                break;
            case LOCALE:
                d.target = unknown;
                d.requestedLocale = locale;
                d.header(HeaderNames.X_LOCALE, locale.toLanguageTag());
                break;
            case INVALID_IDS:
                d.target = unknown;
                d.correlationId = "not-a-guid";
                d.requestId = "0000-restfault-probe";
                break;
            case PROBLEM_ACCEPT:
                d.target = unknown;
                d.accept = "application/problem+json";
                d.formatJudged = false;
                break;
            default:
                throw new AssertionError(c);
        }
        return d.build();
    }

    /**
     * The request the load runner sends for {@code c}, with fresh ids. Every body is sent with
     * {@code If-Match: "restfault-probe-never-matches"}, so a server that would act on it must
     * answer 412 first.
     *
     * @throws IllegalStateException if this target was made without a body size
     */
    public ProbeRequest request(LoadCase c) {
        Draft d = new Draft(c.id(), resource);
        switch (c) {
            case GET:
                // Reading the resource is not a mistake: a 5xx to it is judged by the checker only.
                d.clientMistake = false;
                break;
            case POST_JSON:
                d.bodyRequest("POST", JSON, body(jsonBody));
                break;
            case PUT_JSON:
                d.bodyRequest("PUT", JSON, body(jsonBody));
                break;
            case MALFORMED_JSON:
                d.bodyRequest("POST", JSON, body(truncatedJsonBody));
                break;
            case UNSUPPORTED_MEDIA_TYPE:
                d.bodyRequest("POST", UNSUPPORTED_TYPE, body(jsonBody));
                break;
            default:
                throw new AssertionError(c);
        }
        return d.build();
    }

    private static byte[] body(byte[] b) {
        if (b == null) {
            throw new IllegalStateException("this target has no body size: it sends no load case");
        }
        return b;
    }

    /** A request being put together; headers in the order they are sent. */
    private final class Draft {
        final String caseId;
        String method = "GET";
        URI target;
        String accept = JSON;
        boolean credentials = token != null;
        Locale requestedLocale;
        String correlationId = RequestIds.generate();
        String requestId = RequestIds.generate();
        boolean idsChecked = true;
        boolean clientMistake = true;
        boolean formatJudged = true;
        byte[] body;
        final List<Map.Entry<String, String>> headers = new ArrayList<>();

        Draft(String caseId, URI target) {
            this.caseId = caseId;
            this.target = target;
            header("User-Agent", USER_AGENT);
        }

        void header(String name, String value) {
            headers.add(Map.entry(name, value));
        }

        void bodyRequest(String m, String contentType, byte[] b) {
            method = m;
            header("Content-Type", contentType);
            header("If-Match", Probe.NEVER_MATCHING_ETAG);
            body = b;
        }

        ProbeRequest build() {
            header(HeaderNames.ACCEPT, accept);
            if (credentials) {
                header("Authorization", "Bearer " + token);
            }
            header(HeaderNames.MS_CORRELATION_ID, correlationId);
            header(HeaderNames.MS_REQUEST_ID, requestId);
            return new ProbeRequest(caseId, method, target, headers, body, accept,
                    idsChecked ? correlationId : null, idsChecked ? requestId : null, requestedLocale,
                    clientMistake, formatJudged);
        }
    }

    // ------------------------------------------------------------------ validation

    /**
     * The base URL, normalized to end with {@code /}.
     *
     * @throws IllegalArgumentException unless an absolute {@code http} or {@code https} URL with a
     *     host, without user info, query or fragment
     */
    public static URI baseUrl(URI url) {
        if (url == null) {
            throw new IllegalArgumentException("base URL must not be null");
        }
        String scheme = url.getScheme();
        if (!url.isAbsolute() || scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("base URL must be an absolute http or https URL");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("base URL must name a host");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("base URL must not carry user info; use a token");
        }
        if (url.getRawFragment() != null || url.getRawQuery() != null) {
            throw new IllegalArgumentException("base URL must not carry a query or fragment");
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        try {
            // From the raw parts as a string: the multi-argument constructors would quote
            // the '%' of an already-encoded path again (/api%20v1/ -> /api%2520v1/).
            return new URI(scheme.toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority() + path).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("base URL is not valid: " + e.getReason());
        }
    }

    /**
     * The resource at {@code relativePath} under {@code baseUrl} (normalized by
     * {@link #baseUrl(URI)}); {@code baseUrl} itself when the path is null or empty.
     *
     * @throws IllegalArgumentException if the path is absolute, has a scheme or authority, a
     *     query or fragment, or leaves the base URL
     */
    public static URI resource(URI baseUrl, String relativePath) {
        if (relativePath == null || relativePath.isEmpty()) {
            return baseUrl;
        }
        URI rel;
        try {
            // As written in a URL (already percent-encoded, like the base URL): parsed raw, so
            // "my%20orders" stays one escape. Only a path with characters a URL cannot hold
            // and no escape of its own ("my orders") is encoded for the caller.
            rel = new URI(relativePath);
        } catch (URISyntaxException raw) {
            if (relativePath.indexOf('%') >= 0) {
                throw new IllegalArgumentException("resource must be a relative path, percent-encoded throughout");
            }
            try {
                rel = new URI(null, null, relativePath, null);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("resource must be a relative path");
            }
        }
        if (rel.getRawQuery() != null || rel.getRawFragment() != null) {
            throw new IllegalArgumentException("resource must be a path, without query or fragment");
        }
        if (relativePath.startsWith("/") || relativePath.contains("://") || relativePath.startsWith("//")) {
            throw new IllegalArgumentException("resource must be a path relative to the base URL");
        }
        if (rel.isOpaque() || rel.getScheme() != null || rel.getRawAuthority() != null) {
            // "a:b" parses as scheme "a": not a path below the base URL.
            throw new IllegalArgumentException("resource must be a path relative to the base URL (a colon in its "
                    + "first segment reads as a scheme; write ./" + "name)");
        }
        URI resolved = baseUrl.resolve(rel).normalize();
        if (resolved.isOpaque() || resolved.getRawPath() == null || !Objects.equals(resolved.getScheme(), baseUrl.getScheme())) {
            throw new IllegalArgumentException("resource must be a path relative to the base URL");
        }
        // Servers decode %2e, %2f and %5c before they normalize: "%2e%2e/" climbs like "../".
        String lower = relativePath.toLowerCase(Locale.ROOT);
        boolean encodedTraversal = lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c")
                || relativePath.indexOf('\\') >= 0;
        if (!resolved.getRawPath().startsWith(baseUrl.getRawPath()) || !Objects.equals(resolved.getRawAuthority(), baseUrl.getRawAuthority())
                || relativePath.contains("..") || encodedTraversal) {
            throw new IllegalArgumentException("resource must stay within the base URL");
        }
        return resolved;
    }

    /**
     * The bearer token; null for null or empty.
     *
     * @throws IllegalArgumentException if it holds characters a header cannot carry
     */
    public static String token(String token) {
        if (token != null && !HeaderValues.isSafe(token)) {
            throw new IllegalArgumentException("token holds characters a header cannot carry");
        }
        return token == null || token.isEmpty() ? null : token;
    }

    /**
     * The timeout of each request.
     *
     * @throws IllegalArgumentException unless within 1 ms..5 minutes
     */
    public static Duration timeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("timeout must be within 1 ms and 5 minutes");
        }
        return timeout;
    }

    /**
     * The language the {@code locale} case asks for.
     *
     * @throws IllegalArgumentException if null or without a language
     */
    public static Locale locale(Locale locale) {
        if (locale == null || locale.getLanguage().isEmpty()) {
            throw new IllegalArgumentException("locale must have a language");
        }
        return locale;
    }
}
