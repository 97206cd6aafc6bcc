package dev.restfault.testkit.check;

/**
 * The rules of docs/contract.md that {@link ContractChecker} enforces, each with a stable id.
 *
 * <p>Ids never change meaning once released: reports, CI filters and suppressions may rely on
 * them. The one-line summary says what the rule requires; a {@link Violation} says how a
 * particular response broke it.
 */
public enum Rule {
    /** Every error is {@code application/json; charset=utf-8} or {@code application/problem+json}. */
    CONTENT_TYPE("content-type", "an error is application/json; charset=utf-8 or application/problem+json"),
    /** The media type matches the body's format: problem details as problem+json, the others as JSON. */
    CONTENT_TYPE_FORMAT("content-type-format", "the media type matches the body's format"),
    /**
     * Problem details ({@code application/problem+json}) are served only when the request's
     * {@code Accept} prefers them to {@code application/json} (docs/contract.md, section Wire
     * formats; qualities as RFC 9110 §12.5.1 computes them, a tie keeps plain JSON). Judged only
     * when the request's {@code Accept} is known ({@code ObservedResponse.Builder#requestAccept}).
     */
    PROBLEM_NOT_PREFERRED("problem-not-preferred", "problem details only when the request's Accept prefers them"),
    /** Every error carries {@code Cache-Control: no-store}. */
    CACHE_CONTROL("cache-control", "an error is never cached: Cache-Control: no-store"),
    /** Every error carries {@code X-Content-Type-Options: nosniff}. */
    NOSNIFF("nosniff", "an error is never sniffed: X-Content-Type-Options: nosniff"),
    /** Every response carries an {@code MS-CorrelationId} GUID, the request's when it sent a valid one. */
    CORRELATION_ID("correlation-id", "every response carries a GUID MS-CorrelationId, echoing a valid one"),
    /** Every response carries an {@code MS-RequestId} GUID, the request's when it sent a valid one. */
    REQUEST_ID("request-id", "every response carries a GUID MS-RequestId, echoing a valid one"),
    /**
     * A header the catalog ({@code StatusEntry.headers()}) always requires for the status is
     * present: 401's {@code WWW-Authenticate}, 405's {@code Allow}.
     */
    REQUIRED_HEADER("required-header", "a header the status always calls for is present"),
    /**
     * 401's challenge is the contract's {@code OAuth realm="urn:cpsvc:cpid:{cid}"}, realm quoted,
     * the cid made of the characters a URN can hold, no parameter twice in one challenge.
     */
    CHALLENGE("401-challenge", "401's WWW-Authenticate is OAuth realm=\"urn:cpsvc:cpid:{cid}\", realm quoted"),
    /** 405's {@code Allow} lists methods (tokens). */
    ALLOW("405-allow", "405's Allow lists the supported methods"),
    /** {@code Retry-After}, when sent, is delay-seconds or an HTTP-date within a day. */
    RETRY_AFTER("retry-after", "Retry-After is delay-seconds or an HTTP-date"),
    /** {@code ETag}, when sent, is a quoted entity tag. */
    ETAG("etag", "ETag is a quoted entity tag"),
    /**
     * A localized text comes with a {@code Content-Language} naming its language, and no human
     * text of the body (description, message, detail, data/details entries) is plainly in a
     * script that language is not written in.
     */
    CONTENT_LANGUAGE("content-language", "a localized description comes with Content-Language naming its language"),
    /** An error has a body (except for a HEAD request). */
    BODY_EMPTY("body-empty", "an error has a body"),
    /** The body is JSON, not HTML or text from a gateway or framework. */
    BODY_NOT_JSON("body-not-json", "the body is JSON"),
    /**
     * The body is well-formed, complete UTF-8 JSON without duplicate members: strictly decoded
     * UTF-8 (no overlong form, encoded surrogate or code point above U+10FFFF), no byte order
     * mark (RFC 8259 §8.1), no UTF-16/32, and no string escaping a lone surrogate.
     */
    BODY_MALFORMED("body-malformed", "the body is well-formed UTF-8 JSON"),
    /** The body stays within the checker's size and nesting limits. */
    BODY_LIMITS("body-limits", "the body is of a reasonable size and depth"),
    /** The body is one of the three formats: Partner Center, Partner API, problem details. */
    BODY_SHAPE("body-shape", "the body is a Partner Center, Partner API or problem details error"),
    /** The format's required members are present. */
    REQUIRED_MEMBER("required-member", "the format's required members are present and non-empty"),
    /** Members have their JSON types: {@code code} a string, {@code data} an array of objects... */
    MEMBER_TYPE("member-type", "members have the format's JSON types (code is a string)"),
    /** A description or message is at most 1024 UTF-16 code units, as sent. */
    DESCRIPTION_LENGTH("description-length", "a description is at most 1024 UTF-16 code units"),
    /** {@code data} is omitted rather than sent empty. */
    DATA_EMPTY("data-empty", "an empty data list is omitted"),
    /** The Partner API's {@code innerError} is spelled as the seed spells it. */
    INNER_ERROR_SPELLING("inner-error-spelling", "innerError is spelled innerError"),
    /** A problem's {@code status} member equals the HTTP status. */
    PROBLEM_STATUS("problem-status", "a problem's status member equals the HTTP status"),
    /**
     * 406 lists the media types that are available: at least one, and (when the request's
     * {@code Accept} is known) at least one other than the types the request asked for.
     */
    NOT_ACCEPTABLE_TYPES("406-available", "406 lists the available media types"),
    /** {@code source} names a component, never a Java class. */
    SOURCE_CLASS_NAME("source-class-name", "source is never a Java class name"),
    /** No Java stack trace reaches the client. */
    LEAK_STACK_TRACE("leak-stack-trace", "no Java stack trace reaches the client"),
    /** No exception class name reaches the client. */
    LEAK_EXCEPTION("leak-exception", "no exception class name reaches the client"),
    /** No SQL statement or database error reaches the client. */
    LEAK_SQL("leak-sql", "no SQL or database error reaches the client"),
    /** No server file path reaches the client. */
    LEAK_FILE_PATH("leak-file-path", "no server file path reaches the client"),
    /**
     * Reported by the probe, not the checker: a request that is the client's mistake (unknown
     * path, wrong method, bad token...) is answered with a 4xx, never a 5xx.
     */
    CLIENT_ERROR_AS_5XX("client-error-as-5xx", "a client's mistake is answered with a 4xx, not a 5xx"),
    /**
     * Reported by the probe, not the checker: a provoking request gets an HTTP answer, not a
     * reset connection or a timeout.
     */
    NO_RESPONSE("no-response", "a provoking request gets an HTTP answer"),
    /**
     * Reported by the probe when told which format the API promises: an error body is in that
     * format (a problem details answer to a request that preferred it excepted).
     */
    EXPECTED_FORMAT("expected-format", "errors come in the format the API promises"),
    /**
     * Reported by the probe for a whole run: it sent no request (every case skipped) or not one
     * answer was an error (4xx/5xx), so nothing was checked and the run proves nothing.
     */
    NO_ERROR_PROVOKED("no-error-provoked", "a probe run provokes at least one error response to check");

    private final String id;
    private final String summary;

    Rule(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    /** The stable id, such as {@code "401-challenge"}. */
    public String id() {
        return id;
    }

    /** What the rule requires, in one line. */
    public String summary() {
        return summary;
    }

    /** Whether the probe, rather than the checker, reports this rule (it needs the request's intent). */
    public boolean isProbeRule() {
        return this == CLIENT_ERROR_AS_5XX || this == NO_RESPONSE || this == EXPECTED_FORMAT || this == NO_ERROR_PROVOKED;
    }

    /** The rule with {@code id}, if any. */
    public static java.util.Optional<Rule> byId(String id) {
        for (Rule r : values()) {
            if (r.id.equals(id)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
