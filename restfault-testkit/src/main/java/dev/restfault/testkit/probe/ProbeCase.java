package dev.restfault.testkit.probe;

/**
 * The requests of the probe's battery, each designed to make a server answer with an error.
 *
 * <p>None is destructive: the methods are {@code GET}, a {@code PATCH} whose body is the empty
 * JSON merge patch {@code {}} (RFC 7396: it changes nothing), and a {@code POST} whose body is
 * truncated JSON that no server can act on; both also carry
 * {@code If-Match: "restfault-probe-never-matches"} ({@link Probe#NEVER_MATCHING_ETAG}), so a server
 * that would act on them must answer 412 Precondition Failed first. No {@code PUT} or
 * {@code DELETE} is ever sent.
 */
public enum ProbeCase {
    /** {@code GET} a path under the base URL that cannot exist. */
    UNKNOWN_PATH("unknown-path", "GET a path that does not exist"),
    /** {@code PATCH} the resource with an empty merge patch: a method it most likely does not support. */
    WRONG_METHOD("wrong-method", "PATCH the resource with an empty merge patch"),
    /** {@code GET} the resource with an {@code Accept} no server produces. */
    NOT_ACCEPTABLE("not-acceptable", "GET with Accept: application/x-restfault-probe"),
    /** {@code POST} truncated JSON to the resource. */
    MALFORMED_BODY("malformed-body", "POST a truncated JSON body"),
    /** {@code GET} the resource without credentials. */
    NO_CREDENTIALS("no-credentials", "GET without Authorization"),
    /** {@code GET} the resource with a bearer token that is not valid. */
    BAD_TOKEN("bad-token", "GET with an invalid bearer token"),
    /**
     * {@code GET} the resource with a 32 KiB header. The answer (often 431 or 400 from the HTTP
     * server itself) must keep the contract, but need not echo the request's ids: a server that
     * refuses the header block may never have read them.
     */
    HUGE_HEADER("huge-header", "GET with a 32 KiB header"),
    /**
     * {@code GET} an unknown path asking for a language with {@code X-Locale} (ja-JP unless
     * {@link Probe.Builder#locale} says otherwise): expects {@code Content-Language}, and a text
     * whose script matches it (an API without Japanese answers {@code en-US} in English, which
     * passes; English labelled {@code ja-JP} does not).
     */
    LOCALE("locale", "GET an unknown path with X-Locale (ja-JP by default)"),
    /** {@code GET} an unknown path with ids that are not GUIDs: they must be replaced, never echoed. */
    INVALID_IDS("invalid-ids", "GET an unknown path with MS-CorrelationId and MS-RequestId that are not GUIDs"),
    /** {@code GET} an unknown path preferring {@code application/problem+json}. */
    PROBLEM_ACCEPT("problem-accept", "GET an unknown path with Accept: application/problem+json");

    private final String id;
    private final String description;

    ProbeCase(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** A stable id, such as {@code "unknown-path"}. */
    public String id() {
        return id;
    }

    /** What the request does, in one line. */
    public String description() {
        return description;
    }

    /** The case with {@code id}, if any. */
    public static java.util.Optional<ProbeCase> byId(String id) {
        for (ProbeCase c : values()) {
            if (c.id.equals(id)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
