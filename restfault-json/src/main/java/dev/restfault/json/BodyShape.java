package dev.restfault.json;

import dev.restfault.core.model.ErrorFormat;
import dev.restfault.json.implementation.BodyDecoder;
import java.util.Optional;

/**
 * What an error body is, judged from the members of its root object: the one place restfault
 * decides it. The {@link ErrorReader} reads a body according to its shape, the conformance
 * checker judges a body by the rules of its shape, and the probe and the command line report
 * it; none of them decides on its own.
 *
 * <p>The decision, first matching row wins. A member counts only with the JSON type given
 * (a {@code "type": 5} is not a {@code type}); "text" means a non-empty string.
 * <table>
 *   <caption>Body shapes</caption>
 *   <tr><th>#</th><th>the root object has</th><th>shape</th><th>{@link DecodedError#shape()}</th></tr>
 *   <tr><td>1</td><td>{@code error} (an object)</td><td>{@link #PARTNER_API}</td><td>Partner API</td></tr>
 *   <tr><td>2</td><td>{@code type} (a string)</td><td>{@link #PROBLEM_DETAILS}</td><td>problem details</td></tr>
 *   <tr><td>3</td><td>{@code description} (text)</td><td>{@link #PARTNER_CENTER}</td><td>Partner Center</td></tr>
 *   <tr><td>4</td><td>{@code title}, {@code detail} or {@code instance} (strings), or the response
 *       said {@code application/problem+json}</td><td>{@link #PROBLEM_DETAILS}</td><td>problem details</td></tr>
 *   <tr><td>5</td><td>{@code status} (an integer)</td><td>{@link #FRAMEWORK_DEFAULT}</td><td>problem details</td></tr>
 *   <tr><td>6</td><td>{@code statusCode} (a number or a string)</td><td>{@link #THROTTLING}</td><td>throttling</td></tr>
 *   <tr><td>7</td><td>{@code message} (text), {@code innerError} or {@code innererror} (an object
 *       with a code or a message at some level), {@code details} (an array) or {@code target}
 *       (a string)</td><td>{@link #PARTNER_API_UNWRAPPED}</td><td>Partner API</td></tr>
 *   <tr><td>8</td><td>{@code code} (a non-blank string or a number), {@code data} (an array) or
 *       {@code source} (a string)</td><td>{@link #PARTNER_CENTER}</td><td>Partner Center</td></tr>
 *   <tr><td>9</td><td>{@code error} (a non-blank string)</td><td>{@link #OAUTH_ERROR}</td><td>Partner Center</td></tr>
 *   <tr><td>10</td><td>none of these, or the body is not a JSON object</td><td>{@link #NOT_AN_ERROR}</td><td>(not read)</td></tr>
 * </table>
 *
 * <p>The ambiguous combinations, decided:
 * <ul>
 *   <li>{@code type} with {@code description}: problem details, {@code description} being an
 *       extension member. {@code type} is RFC 9457's own identifier, which no other shape has,
 *       while any member name can be a problem's extension.</li>
 *   <li>{@code status} with {@code description}: Partner Center. {@code status} is not proof of
 *       problem details: Spring Boot's default body and many others carry it too.</li>
 *   <li>{@code title}, {@code detail} or {@code instance} with {@code description}: Partner
 *       Center, even when served as {@code application/problem+json} (the media type is then the
 *       server's mistake, which the checker reports as {@code content-type-format}).</li>
 *   <li>The {@code application/problem+json} media type with none of rows 1 to 3: problem
 *       details, however incomplete; the media type is the server's word for what it meant.</li>
 *   <li>{@code status} with neither {@code type}, {@code title}, {@code detail},
 *       {@code instance} nor {@code description} (Spring Boot's
 *       {@code {"timestamp","status","error","path"}}): a framework's default body, not a
 *       contract format; the reader still reads it as problem details, to keep its status.</li>
 *   <li>{@code statusCode} with {@code code} or {@code message}: the throttling body.</li>
 *   <li>{@code message} with {@code code} and no {@code description}: a Partner API error object
 *       sent without its {@code {"error": ...}} wrapper, not a Partner Center error without its
 *       description.</li>
 *   <li>{@code error} holding an object wins over everything; {@code error} holding a string
 *       (OAuth's {@code {"error","error_description"}}) loses to every other row.</li>
 * </ul>
 *
 * <p>Only {@link #PARTNER_CENTER}, {@link #PARTNER_API} and {@link #PROBLEM_DETAILS} are formats
 * of the contract ({@link #format()}); the other shapes are what readers tolerate from gateways,
 * frameworks and identity providers.
 */
public enum BodyShape {
    /** {@code {"code","description","data","source"}}, possibly incomplete (rows 3 and 8). */
    PARTNER_CENTER("partner-center", ErrorFormat.PARTNER_CENTER),
    /** {@code {"error":{"code","message","target","innerError","details"}}} (row 1). */
    PARTNER_API("partner-api", ErrorFormat.PARTNER_API),
    /** RFC 9457 problem details (rows 2 and 4). */
    PROBLEM_DETAILS("problem-details", ErrorFormat.PROBLEM_DETAILS),
    /** A Partner API error object without its {@code {"error": ...}} wrapper (row 7). */
    PARTNER_API_UNWRAPPED("partner-api-unwrapped", null),
    /** The gateway's throttling body {@code {"statusCode":429,"message":"..."}} (row 6). */
    THROTTLING("throttling", null),
    /**
     * An HTTP {@code status} and no member of the contract's formats, as frameworks write by
     * default: Spring Boot's {@code {"timestamp","status","error","path"}} (row 5).
     */
    FRAMEWORK_DEFAULT("framework-default", null),
    /** OAuth's {@code {"error":"invalid_grant","error_description":"..."}} (row 9). */
    OAUTH_ERROR("oauth-error", null),
    /** Not a JSON object, or one with none of the members of an error (row 10). */
    NOT_AN_ERROR("not-an-error", null);

    private final String token;
    private final ErrorFormat format;

    BodyShape(String token, ErrorFormat format) {
        this.token = token;
        this.format = format;
    }

    /**
     * The contract format this shape is; empty for the shapes that are not one
     * ({@link #PARTNER_API_UNWRAPPED}, {@link #THROTTLING}, {@link #FRAMEWORK_DEFAULT},
     * {@link #OAUTH_ERROR}, {@link #NOT_AN_ERROR}).
     */
    public Optional<ErrorFormat> format() {
        return Optional.ofNullable(format);
    }

    /**
     * The shape's name in reports: {@link ErrorFormat#token()} for the three formats
     * ({@code partner-center}...), else {@code partner-api-unwrapped}, {@code throttling},
     * {@code framework-default}, {@code oauth-error}, {@code not-an-error}.
     */
    public String token() {
        return token;
    }

    /**
     * The shape of {@code body} by the table above, in one streaming pass over the root object
     * (nested values are skipped, not built; the cost is linear in the body's length, which the
     * caller bounds).
     *
     * @param body the raw body, UTF-8 (or UTF-16/32, which the parser detects); null or empty
     *     is {@link #NOT_AN_ERROR}
     * @param problemMediaType whether the response's {@code Content-Type} was
     *     {@code application/problem+json} (row 4); false when unknown
     * @return never null; a body that is not JSON, not an object, malformed before the end of
     *     its root object or nested deeper than 500 levels is {@link #NOT_AN_ERROR}. Content after
     *     the root object is not read, as {@link ErrorReader} does not read it. Never throws.
     */
    public static BodyShape of(byte[] body, boolean problemMediaType) {
        if (body == null || body.length == 0) {
            return NOT_AN_ERROR;
        }
        return BodyDecoder.recognize(body, problemMediaType);
    }
}
