package dev.restfault.testkit.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.ErrorWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checker against hand-made responses: conforming ones pass; for every {@link Rule} at least
 * one violating response makes exactly that rule fail (checked at the end: a rule no case
 * breaks is a defect).
 */
class ContractCheckerTest {

    private static final String CID = "11111111-2222-3333-4444-555555555555";
    private static final String RID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    private static final ContractChecker CHECKER =
            ContractChecker.withClock(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));

    /** Headers of a conforming error; overrides replace (a null value removes). */
    static ResponseHeaders headers(String... overrides) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json; charset=utf-8");
        h.put("Cache-Control", "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("MS-CorrelationId", CID);
        h.put("MS-RequestId", RID);
        h.put("Content-Language", "en-US");
        for (int i = 0; i < overrides.length; i += 2) {
            String name = overrides[i];
            h.keySet().removeIf(k -> k.equalsIgnoreCase(name));
            if (overrides[i + 1] != null) {
                h.put(name, overrides[i + 1]);
            }
        }
        ResponseHeaders.Builder b = ResponseHeaders.builder();
        h.forEach(b::add);
        return b.build();
    }

    static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static final String PC_404 = "{\"code\":\"notFound\",\"description\":\"The requested resource does not exist.\","
            + "\"source\":\"orders-api\"}";

    static ObservedResponse response(int status, ResponseHeaders headers, String body) {
        return ObservedResponse.of(status, headers, json(body));
    }

    // ---- conforming -------------------------------------------------------------------------

    static Stream<Arguments> conforming() {
        return Stream.of(
                Arguments.of("Partner Center 404", response(404, headers(), PC_404)),
                Arguments.of("Partner Center 400 with data", response(400, headers(),
                        "{\"code\":\"badRequest\",\"description\":\"The request has 1 invalid element(s).\",\"source\":\"orders-api\","
                                + "\"data\":[{\"code\":\"required\",\"description\":\"name is required\",\"source\":\"name\"}]}")),
                Arguments.of("401 with the quoted contract challenge", response(401,
                        headers("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:contoso\""),
                        "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")),
                Arguments.of("405 with Allow", response(405, headers("Allow", "GET, HEAD, OPTIONS"),
                        "{\"code\":\"methodNotAllowed\",\"description\":\"Allowed: GET, HEAD, OPTIONS.\",\"source\":\"orders-api\"}")),
                Arguments.of("406 listing media types", response(406, headers(),
                        "{\"code\":\"notAcceptable\",\"description\":\"Available: application/json.\",\"source\":\"orders-api\","
                                + "\"data\":[{\"code\":\"availableMediaType\",\"description\":\"application/json\",\"source\":\"Accept\"}]}")),
                Arguments.of("412 with ETag", response(412, headers("ETag", "W/\"v7\""),
                        "{\"code\":\"preconditionFailed\",\"description\":\"If-Match does not hold.\",\"source\":\"orders-api\"}")),
                Arguments.of("429 with Retry-After seconds", response(429, headers("Retry-After", "30"),
                        "{\"code\":\"tooManyRequests\",\"description\":\"Wait.\",\"source\":\"orders-api\"}")),
                Arguments.of("503 with an HTTP-date Retry-After", response(503, headers("Retry-After", "Mon, 23 Nov 2026 12:05:00 GMT"),
                        "{\"code\":\"serviceUnavailable\",\"description\":\"Later.\",\"source\":\"orders-api\"}")),
                Arguments.of("Partner API 409, no Content-Language", response(409, headers("Content-Language", null),
                        "{\"error\":{\"code\":\"conflict\",\"message\":\"Exists.\",\"target\":\"order\","
                                + "\"innerError\":{\"code\":\"duplicateOrder\",\"innerError\":{\"message\":\"same id\"}},"
                                + "\"details\":[{\"code\":\"dup\",\"message\":\"id\"}]}}")),
                Arguments.of("problem details 404", response(404, headers("Content-Type", "application/problem+json"),
                        "{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,\"detail\":\"No such order.\","
                                + "\"code\":\"notFound\",\"source\":\"orders-api\"}")),
                Arguments.of("fr-FR with Content-Language", ObservedResponse.builder(404)
                        .headers(headers("Content-Language", "fr-FR"))
                        .body(json("{\"code\":\"notFound\",\"description\":\"La ressource demandée n'existe pas.\",\"source\":\"orders-api\"}"))
                        .requestedLocale(Locale.FRANCE).build()),
                Arguments.of("ja-JP with Content-Language", response(404, headers("Content-Language", "ja-JP"),
                        "{\"code\":\"notFound\",\"description\":\"要求されたリソースは存在しません。\",\"source\":\"orders-api\"}")),
                Arguments.of("zh-TW with Content-Language", response(404, headers("Content-Language", "zh-TW"),
                        "{\"code\":\"notFound\",\"description\":\"找不到要求的資源。\",\"source\":\"orders-api\"}")),
                Arguments.of("echoed ids", ObservedResponse.builder(404).headers(headers()).body(json(PC_404))
                        .sentCorrelationId(CID.toUpperCase(Locale.ROOT)).sentRequestId(RID).build()),
                Arguments.of("HEAD 404 without a body", ObservedResponse.builder(404).headers(headers())
                        .requestMethod("head").build()),
                Arguments.of("200 with ids only", response(200, ResponseHeaders.of("MS-CorrelationId", CID, "MS-RequestId", RID), "[1,2]")),
                Arguments.of("an exactly 1024-unit description", response(400, headers(),
                        "{\"code\":\"badRequest\",\"description\":\"" + "d".repeat(1024) + "\",\"source\":\"orders-api\"}")),
                Arguments.of("ordinary English that resembles SQL and paths", response(400, headers(),
                        "{\"code\":\"badRequest\",\"description\":\"Select a plan from the list at /v1/plans.\",\"source\":\"orders-api\"}")),
                // problem details only when Accept prefers them (RFC 9110 §12.5.1 qualities)
                Arguments.of("problem details asked for", problem404("application/problem+json")),
                Arguments.of("problem details preferred by quality", problem404("application/json;q=0.9, application/problem+json")),
                Arguments.of("problem details preferred by specificity", problem404("application/json;q=0.5, */*")),
                Arguments.of("a 406 listing other types than the refused one", ObservedResponse.builder(406).headers(headers())
                        .body(json("{\"code\":\"notAcceptable\",\"description\":\"Available: application/json, application/problem+json.\","
                                + "\"source\":\"orders-api\"}"))
                        .requestAccept("application/x-restfault-probe").build()),
                // strict UTF-8: a raw four-byte character and an escaped surrogate pair are fine
                Arguments.of("an emoji raw and as an escaped pair", response(400, headers(),
                        "{\"code\":\"c\",\"description\":\"bad \uD83D\uDE00 and \\ud83d\\ude00\",\"source\":\"s\"}")),
                // conservative script checks: names, codes and field names in another script pass
                Arguments.of("a short Cyrillic name in English", response(404, headers(),
                        "{\"code\":\"notFound\",\"description\":\"Customer Иван was not found.\",\"source\":\"orders-api\"}")),
                Arguments.of("a Japanese name in an English data entry", response(400, headers(),
                        "{\"code\":\"badRequest\",\"description\":\"The request has 1 invalid element(s).\",\"source\":\"orders-api\","
                                + "\"data\":[{\"code\":\"invalid\",\"description\":\"name 山田 is already taken by another customer\",\"source\":\"name\"}]}")),
                Arguments.of("Latin field names in Japanese data entries", response(400, headers("Content-Language", "ja-JP"),
                        "{\"code\":\"badRequest\",\"description\":\"要求に無効な要素があります。\",\"source\":\"orders-api\","
                                + "\"data\":[{\"code\":\"required\",\"description\":\"email is required\",\"source\":\"email\"}]}")),
                Arguments.of("an English Partner API message labelled ja-JP (not localized)", response(404, headers("Content-Language", "ja-JP"),
                        "{\"error\":{\"code\":\"notFound\",\"message\":\"The requested resource does not exist.\"}}")),
                Arguments.of("Korean labelled ko-KR", response(404, headers("Content-Language", "ko-KR"),
                        "{\"code\":\"notFound\",\"description\":\"요청한 리소스가 없습니다.\",\"source\":\"orders-api\"}")),
                // challenges: a GUID cid, and the same parameter name in two different challenges
                Arguments.of("a GUID cid next to another challenge with a realm", response(401,
                        headers("WWW-Authenticate", "Bearer realm=\"api\", error=\"invalid_token\", OAuth realm=\"urn:cpsvc:cpid:" + CID + "\""),
                        "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")),
                // a 406 listing the one type the client refused with q=0: it did not ask for it
                Arguments.of("a 406 listing a type the request refused with q=0", ObservedResponse.builder(406).headers(headers())
                        .body(json("{\"code\":\"notAcceptable\",\"description\":\"Available: application/json.\","
                                + "\"source\":\"s\"}"))
                        .requestAccept("application/xml, application/json;q=0").build()));
    }

    static ObservedResponse problem404(String accept) {
        return ObservedResponse.builder(404).headers(headers("Content-Type", "application/problem+json"))
                .body(json("{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,\"detail\":\"No such order.\","
                        + "\"code\":\"notFound\",\"source\":\"orders-api\"}"))
                .requestAccept(accept).build();
    }

    static ObservedResponse pcBytes(byte[] descriptionBytes) {
        return ObservedResponse.of(400, headers(), concat(json("{\"code\":\"c\",\"description\":\""), descriptionBytes,
                json("\",\"source\":\"s\"}")));
    }

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    /** A body built to make a backtracking stack-frame pattern try every position: it stays quick and quiet. */
    @Test
    @org.junit.jupiter.api.Timeout(10) // a hang guard, not a measurement: it takes well under a second
    void aBodyOfDollarRunsIsNotAStackFrameAndDoesNotStallTheChecker() {
        String run = ("a$".repeat(50) + ".").repeat(10_000);
        ObservedResponse r = response(500, headers(), "{\"code\":\"c\",\"description\":\"An internal error occurred.\","
                + "\"source\":\"s\",\"x\":\"" + run + "\"}");
        assertThat(CHECKER.check(r)).extracting(Violation::rule).doesNotContain(Rule.LEAK_STACK_TRACE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conforming")
    void conformingResponsesHaveNoViolations(String name, ObservedResponse response) {
        assertThat(CHECKER.check(response)).isEmpty();
    }

    @Test
    void whatTheStrictWriterEmitsConforms() {
        PartnerCenterError error = PartnerCenterError.of("notFound", "The requested resource does not exist.", "orders-api");
        for (ErrorFormat format : ErrorFormat.values()) {
            byte[] body = ErrorWriter.standard().write(format, error, 404, "Not found");
            List<Violation> v = CHECKER.check(404, headers("Content-Type", format.contentType()), body);
            assertThat(v).as(format + ": " + new String(body, StandardCharsets.UTF_8)).isEmpty();
        }
    }

    // ---- violating: one case (or more) per rule -------------------------------------------

    static Stream<Arguments> violating() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(Rule.CONTENT_TYPE, "text/html", response(404, headers("Content-Type", "text/html"), PC_404)));
        cases.add(Arguments.of(Rule.CONTENT_TYPE, "missing", response(404, headers("Content-Type", null), PC_404)));
        cases.add(Arguments.of(Rule.CONTENT_TYPE, "latin-1", response(404, headers("Content-Type", "application/json; charset=ISO-8859-1"), PC_404)));
        cases.add(Arguments.of(Rule.CONTENT_TYPE_FORMAT, "problem as json", response(404, headers(),
                "{\"title\":\"Not found\",\"status\":404,\"detail\":\"gone\",\"code\":\"notFound\"}")));
        cases.add(Arguments.of(Rule.CONTENT_TYPE_FORMAT, "partner center as problem", response(404,
                headers("Content-Type", "application/problem+json"), PC_404)));
        cases.add(Arguments.of(Rule.CACHE_CONTROL, "missing", response(404, headers("Cache-Control", null), PC_404)));
        cases.add(Arguments.of(Rule.CACHE_CONTROL, "cacheable", response(404, headers("Cache-Control", "max-age=3600, public"), PC_404)));
        cases.add(Arguments.of(Rule.NOSNIFF, "missing", response(404, headers("X-Content-Type-Options", null), PC_404)));
        cases.add(Arguments.of(Rule.NOSNIFF, "wrong", response(404, headers("X-Content-Type-Options", "sniff-away"), PC_404)));
        cases.add(Arguments.of(Rule.CORRELATION_ID, "missing", response(404, headers("MS-CorrelationId", null), PC_404)));
        cases.add(Arguments.of(Rule.CORRELATION_ID, "not a GUID", response(404, headers("MS-CorrelationId", "abc\u0001"), PC_404)));
        cases.add(Arguments.of(Rule.CORRELATION_ID, "not echoed", ObservedResponse.builder(404).headers(headers()).body(json(PC_404))
                .sentCorrelationId("99999999-2222-3333-4444-555555555555").build()));
        cases.add(Arguments.of(Rule.REQUEST_ID, "missing on a 200", response(200, ResponseHeaders.of("MS-CorrelationId", CID), "{}")));
        cases.add(Arguments.of(Rule.REQUEST_ID, "not echoed", ObservedResponse.builder(500).headers(headers()).body(json(
                "{\"code\":\"internalServerError\",\"description\":\"An internal error occurred.\",\"source\":\"orders-api\"}"))
                .sentRequestId("99999999-2222-3333-4444-555555555555").build()));
        cases.add(Arguments.of(Rule.REQUIRED_HEADER, "401 without WWW-Authenticate", response(401, headers(),
                "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.REQUIRED_HEADER, "405 without Allow", response(405, headers(),
                "{\"code\":\"methodNotAllowed\",\"description\":\"No.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.CHALLENGE, "unquoted realm", response(401, headers("WWW-Authenticate", "OAuth realm=urn:cpsvc:cpid:contoso"),
                "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.CHALLENGE, "Bearer only", response(401, headers("WWW-Authenticate", "Bearer"),
                "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.CHALLENGE, "malformed", response(401, headers("WWW-Authenticate", "OAuth realm=\"unterminated"),
                "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.ALLOW, "empty Allow", response(405, headers("Allow", " , "),
                "{\"code\":\"methodNotAllowed\",\"description\":\"No.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.ALLOW, "not methods", response(405, headers("Allow", "GET, <script>"),
                "{\"code\":\"methodNotAllowed\",\"description\":\"No.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.RETRY_AFTER, "words", response(429, headers("Retry-After", "soon"),
                "{\"code\":\"tooManyRequests\",\"description\":\"Wait.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.RETRY_AFTER, "a year", response(503, headers("Retry-After", "31536000"),
                "{\"code\":\"serviceUnavailable\",\"description\":\"Later.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.ETAG, "unquoted", response(412, headers("ETag", "v7"),
                "{\"code\":\"preconditionFailed\",\"description\":\"No.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "requested but missing", ObservedResponse.builder(404)
                .headers(headers("Content-Language", null)).body(json(PC_404)).requestedLocale(Locale.FRANCE).build()));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "localized text without it", response(404, headers("Content-Language", null),
                "{\"code\":\"notFound\",\"description\":\"La ressource demandée n'existe pas.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Japanese labelled English", response(404, headers("Content-Language", "en-US"),
                "{\"code\":\"notFound\",\"description\":\"要求されたリソースは存在しません。\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "English labelled Chinese", response(404, headers("Content-Language", "zh-TW"), PC_404)));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "not a tag", response(404, headers("Content-Language", "en US!"), PC_404)));
        cases.add(Arguments.of(Rule.BODY_EMPTY, "empty", response(404, headers(), "")));
        cases.add(Arguments.of(Rule.BODY_NOT_JSON, "HTML", response(404, headers(),
                "<!DOCTYPE html><html><body><h1>Whitelabel Error Page</h1></body></html>")));
        cases.add(Arguments.of(Rule.BODY_NOT_JSON, "binary", ObservedResponse.of(500, headers(), new byte[] {0, 1, 2, 3, (byte) 0xFF, (byte) 0xFE, 7})));
        cases.add(Arguments.of(Rule.BODY_MALFORMED, "truncated", response(404, headers(), "{\"code\":\"notFound\",\"descr")));
        cases.add(Arguments.of(Rule.BODY_MALFORMED, "duplicate member", response(404, headers(),
                "{\"code\":\"notFound\",\"code\":\"other\",\"description\":\"x\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.BODY_MALFORMED, "trailing content", response(404, headers(), PC_404 + " {}")));
        cases.add(Arguments.of(Rule.BODY_MALFORMED, "invalid UTF-8", ObservedResponse.of(404, headers(), concat(
                json("{\"code\":\"notFound\",\"description\":\""), new byte[] {(byte) 0xC3, (byte) 0x28}, json("\",\"source\":\"s\"}")))));
        cases.add(Arguments.of(Rule.BODY_LIMITS, "deep nesting", response(400, headers(), "[".repeat(100) + "]".repeat(100))));
        cases.add(Arguments.of(Rule.BODY_LIMITS, "oversized", ObservedResponse.of(400, headers(), new byte[ContractChecker.MAX_BODY_BYTES + 1])));
        cases.add(Arguments.of(Rule.BODY_SHAPE, "Spring's default error", response(404, headers(),
                "{\"timestamp\":\"2026-11-23T12:00:00Z\",\"status\":404,\"error\":\"Not Found\",\"path\":\"/x\"}")));
        cases.add(Arguments.of(Rule.BODY_SHAPE, "throttling body", response(429, headers("Retry-After", "1"),
                "{\"statusCode\":429,\"message\":\"Rate limit is exceeded.\"}")));
        cases.add(Arguments.of(Rule.BODY_SHAPE, "an array", response(400, headers(), "[\"bad\"]")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "no description", response(404, headers(), "{\"code\":\"notFound\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "no source", response(404, headers(), "{\"code\":\"notFound\",\"description\":\"x\"}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "source of no-break spaces",
                response(404, headers(), "{\"code\":\"notFound\",\"description\":\"x\",\"source\":\"\\u00a0\\ufeff\"}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "code of no-break spaces",
                response(404, headers(), "{\"code\":\"\\u00a0\",\"description\":\"x\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "null code", response(404, headers(), "{\"code\":null,\"description\":\"x\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "empty description", response(404, headers(), "{\"code\":\"c\",\"description\":\"\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "data entry without code", response(400, headers(),
                "{\"code\":\"c\",\"description\":\"x\",\"source\":\"s\",\"data\":[{\"description\":\"y\"}]}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "Partner API without message", response(404, headers(), "{\"error\":{\"code\":\"c\"}}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "problem without code", response(404, headers("Content-Type", "application/problem+json"),
                "{\"title\":\"Not found\",\"status\":404,\"detail\":\"gone\"}")));
        cases.add(Arguments.of(Rule.MEMBER_TYPE, "numeric code", response(403, headers(), "{\"code\":1002,\"description\":\"x\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.MEMBER_TYPE, "data not an array", response(400, headers(),
                "{\"code\":\"c\",\"description\":\"x\",\"source\":\"s\",\"data\":{\"a\":1}}")));
        cases.add(Arguments.of(Rule.DESCRIPTION_LENGTH, "1311 units", response(400, headers(),
                "{\"code\":\"c\",\"description\":\"" + "x".repeat(1311) + "\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.DESCRIPTION_LENGTH, "surrogates count twice", response(400, headers("Content-Language", null),
                "{\"error\":{\"code\":\"c\",\"message\":\"" + "\uD83D\uDE00".repeat(513) + "\"}}")));
        cases.add(Arguments.of(Rule.DATA_EMPTY, "empty data", response(400, headers(), "{\"code\":\"c\",\"description\":\"x\",\"source\":\"s\",\"data\":[]}")));
        cases.add(Arguments.of(Rule.INNER_ERROR_SPELLING, "innererror", response(409, headers(),
                "{\"error\":{\"code\":\"c\",\"message\":\"m\",\"innererror\":{\"code\":\"d\"}}}")));
        cases.add(Arguments.of(Rule.PROBLEM_STATUS, "status disagrees", response(404, headers("Content-Type", "application/problem+json"),
                "{\"title\":\"Not found\",\"status\":400,\"detail\":\"gone\",\"code\":\"notFound\"}")));
        cases.add(Arguments.of(Rule.NOT_ACCEPTABLE_TYPES, "406 without types", response(406, headers(),
                "{\"code\":\"notAcceptable\",\"description\":\"Cannot produce that.\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.SOURCE_CLASS_NAME, "qualified class", response(404, headers(),
                "{\"code\":\"c\",\"description\":\"x\",\"source\":\"com.contoso.orders.OrderController\"}")));
        cases.add(Arguments.of(Rule.SOURCE_CLASS_NAME, "simple class", response(404, headers(),
                "{\"code\":\"c\",\"description\":\"x\",\"source\":\"OrderServiceImpl\"}")));
        cases.add(Arguments.of(Rule.LEAK_STACK_TRACE, "stack trace in description", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"boom\\n\\tat com.contoso.Orders.find(Orders.java:42)\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_STACK_TRACE, "stack trace in an HTML page", response(500, headers("Content-Type", "text/html"),
                "<html><body><pre>java.lang.IllegalStateException: x\n\tat com.contoso.Orders.find(Orders.java:42)\n</pre></body></html>")));
        cases.add(Arguments.of(Rule.LEAK_EXCEPTION, "qualified exception", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"java.lang.NullPointerException\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_EXCEPTION, "simple exception in a member name", response(400, headers(),
                "{\"code\":\"c\",\"description\":\"x\",\"source\":\"s\",\"IllegalArgumentException\":true}")));
        cases.add(Arguments.of(Rule.LEAK_EXCEPTION, "exception in a header", response(500, headers("X-Error", "java.lang.IllegalStateException"),
                "{\"code\":\"c\",\"description\":\"x\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_SQL, "query", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"failed: SELECT * FROM orders WHERE id = 7\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_SQL, "database error", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"ERROR: syntax error at or near \\\"FORM\\\"\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_FILE_PATH, "unix path", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"cannot open /var/lib/orders/db.lock\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_FILE_PATH, "windows path", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"cannot open C:\\\\inetpub\\\\orders\\\\web.config\",\"source\":\"s\"}")));
        // ---- gaps a black-box QA run found -----------------------------------------------
        // 1. problem details to a request that did not prefer them
        cases.add(Arguments.of(Rule.PROBLEM_NOT_PREFERRED, "Accept: application/json", problem404("application/json")));
        cases.add(Arguments.of(Rule.PROBLEM_NOT_PREFERRED, "a tie keeps plain JSON", problem404("application/json, application/problem+json")));
        cases.add(Arguments.of(Rule.PROBLEM_NOT_PREFERRED, "no Accept at all", problem404("")));
        cases.add(Arguments.of(Rule.PROBLEM_NOT_PREFERRED, "the most specific range decides",
                problem404("application/*;q=0.9, application/problem+json;q=0.5")));
        cases.add(Arguments.of(Rule.PROBLEM_NOT_PREFERRED, "neither acceptable", problem404("application/x-restfault-probe")));
        // 2. strict UTF-8
        cases.add(Arguments.of(Rule.BODY_MALFORMED, "overlong C0 AF", pcBytes(bytes(0xC0, 0xAF))));
        cases.add(Arguments.of(Rule.BODY_MALFORMED, "overlong E0 80 AF", pcBytes(bytes(0xE0, 0x80, 0xAF))));
        cases.add(Arguments.of(Rule.BODY_MALFORMED, "overlong F0 80 80 AF", pcBytes(bytes(0xF0, 0x80, 0x80, 0xAF))));
        cases.add(Arguments.of(Rule.BODY_MALFORMED, "above U+10FFFF", pcBytes(bytes(0xF4, 0x90, 0x80, 0x80))));
        cases.add(Arguments.of(Rule.BODY_MALFORMED, "lead byte F5", pcBytes(bytes(0xF5, 0x80, 0x80, 0x80))));
        cases.add(Arguments.of(Rule.BODY_MALFORMED, "encoded surrogate ED A0 80", pcBytes(bytes(0xED, 0xA0, 0x80))));
        cases.add(Arguments.of(Rule.BODY_MALFORMED, "UTF-16LE with BOM", ObservedResponse.of(404, headers(),
                concat(bytes(0xFF, 0xFE), PC_404.getBytes(StandardCharsets.UTF_16LE)))));
        cases.add(Arguments.of(Rule.BODY_MALFORMED, "UTF-16BE with BOM", ObservedResponse.of(404, headers(),
                concat(bytes(0xFE, 0xFF), PC_404.getBytes(StandardCharsets.UTF_16BE)))));
        cases.add(Arguments.of(Rule.BODY_MALFORMED, "UTF-16LE without BOM", ObservedResponse.of(404, headers(),
                PC_404.getBytes(StandardCharsets.UTF_16LE))));
        cases.add(Arguments.of(Rule.BODY_MALFORMED, "UTF-8 BOM", ObservedResponse.of(404, headers(), concat(bytes(0xEF, 0xBB, 0xBF), json(PC_404)))));
        cases.add(Arguments.of(Rule.BODY_MALFORMED, "escaped lone high surrogate", response(404, headers(),
                "{\"code\":\"notFound\",\"description\":\"x \\ud800 y\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.BODY_MALFORMED, "escaped lone low surrogate in a data entry", response(400, headers(),
                "{\"code\":\"c\",\"description\":\"x\",\"source\":\"s\",\"data\":[{\"code\":\"d\",\"description\":\"\\udc00\"}]}")));
        // 3. every human text, every plainly foreign script
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Japanese Partner API message labelled en-US", response(404, headers(),
                "{\"error\":{\"code\":\"notFound\",\"message\":\"要求されたリソースは存在しません。\"}}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Japanese data description labelled en-US", response(400, headers(),
                "{\"code\":\"badRequest\",\"description\":\"The request is invalid.\",\"source\":\"s\","
                        + "\"data\":[{\"code\":\"required\",\"description\":\"名前は必須です。\",\"source\":\"name\"}]}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Japanese innerError message labelled en-US", response(409, headers(),
                "{\"error\":{\"code\":\"conflict\",\"message\":\"Exists.\",\"innerError\":{\"code\":\"dup\",\"message\":\"同じ注文がすでに存在します\"}}}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Korean labelled en-US", response(404, headers(),
                "{\"code\":\"notFound\",\"description\":\"요청한 리소스가 없습니다.\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Cyrillic labelled en-US", response(404, headers(),
                "{\"code\":\"notFound\",\"description\":\"Запрошенный ресурс не существует.\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Arabic labelled ja-JP", response(404, headers("Content-Language", "ja-JP"),
                "{\"code\":\"notFound\",\"description\":\"المورد المطلوب غير موجود.\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Hebrew labelled fr-FR", response(404, headers("Content-Language", "fr-FR"),
                "{\"code\":\"notFound\",\"description\":\"המשאב המבוקש אינו קיים.\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Thai in a problem detail labelled en-US", ObservedResponse.builder(404)
                .headers(headers("Content-Type", "application/problem+json"))
                .body(json("{\"title\":\"Not found\",\"status\":404,\"detail\":\"ไม่พบทรัพยากรที่ร้องขอ\",\"code\":\"notFound\"}")).build()));
        // 4. challenge parameters and cid
        cases.add(Arguments.of(Rule.CHALLENGE, "duplicate realm", response(401,
                headers("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:abc\", realm=\"urn:cpsvc:cpid:def\""),
                "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.CHALLENGE, "duplicate parameter, names differ in case", response(401,
                headers("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:abc\", Scope=\"a\", scope=\"b\""),
                "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.CHALLENGE, "cid with a space", response(401,
                headers("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:abc def\""),
                "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.CHALLENGE, "cid with markup", response(401,
                headers("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:<script>\""),
                "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")));
        // 5. leaks
        cases.add(Arguments.of(Rule.LEAK_EXCEPTION, "StackOverflowError", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"StackOverflowError\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_EXCEPTION, "OutOfMemoryError", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"OutOfMemoryError: Java heap space\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_STACK_TRACE, "a Java frame in a trace member", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"An internal error occurred.\",\"source\":\"s\",\"trace\":\"com.acme.Foo.bar(Foo.java:42)\"}")));
        cases.add(Arguments.of(Rule.LEAK_STACK_TRACE, "a Node.js frame", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"boom at Object.<anonymous> (/app/index.js:1:1)\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_STACK_TRACE, "a bare Node.js frame", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"x\",\"source\":\"s\",\"stack\":\"Error: x\\n    at /srv/app/server.mjs:10:5\"}")));
        cases.add(Arguments.of(Rule.NOT_ACCEPTABLE_TYPES, "406 naming only the refused type", ObservedResponse.builder(406).headers(headers())
                .body(json("{\"code\":\"notAcceptable\",\"description\":\"The requested type application/x-restfault-probe is not available.\","
                        + "\"source\":\"s\"}"))
                .requestAccept("application/x-restfault-probe").build()));
        return cases.stream();
    }

    @Test
    void theNewRulesExplainWhatWasFound() {
        assertThat(CHECKER.check(problem404("application/json"))).extracting(Violation::toString).containsExactly(
                "problem-not-preferred: problem details served to a request whose Accept does not prefer them "
                        + "(application/problem+json q=0.0, application/json q=1.0) (Accept: application/json)");
        assertThat(CHECKER.check(pcBytes(bytes(0xC0, 0xAF)))).extracting(Violation::explanation)
                .containsExactly("invalid UTF-8 at byte 27 (C0): an ill-formed, overlong or out-of-range sequence");
        assertThat(CHECKER.check(ObservedResponse.of(404, headers(), concat(bytes(0xEF, 0xBB, 0xBF), json(PC_404)))))
                .extracting(Violation::explanation)
                .containsExactly("a UTF-8 byte order mark, which RFC 8259 §8.1 says must not be added");
        assertThat(CHECKER.check(response(404, headers(), "{\"code\":\"notFound\",\"description\":\"x \\ud800\",\"source\":\"s\"}")))
                .extracting(Violation::toString).containsExactly(
                        "body-malformed: a string holds a lone surrogate \\uD800 (a JSON escape no UTF-8 text can carry) (/description)");
        assertThat(CHECKER.check(response(404, headers(), "{\"error\":{\"code\":\"notFound\",\"message\":\"Not found.\","
                + "\"details\":[{\"code\":\"x\",\"message\":\"요청한 리소스가 없습니다\"}]}}")))
                .extracting(Violation::explanation)
                .containsExactly("Content-Language en-US but the text at /error/details/0/message is in Hangul script");
        assertThat(CHECKER.check(response(401, headers("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:abc\", realm=\"urn:cpsvc:cpid:def\""),
                "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")))
                .extracting(Violation::explanation)
                .containsExactly("parameter realm occurs twice in one challenge (RFC 9110 §11.2: at most once)");
        // Without the request's Accept, nothing about it is judged (callers that never set it).
        assertThat(CHECKER.check(ObservedResponse.of(404, headers("Content-Type", "application/problem+json"),
                problem404("application/json").body()))).isEmpty();
    }

    @Test
    void theRequestAcceptIsKeptAndComparedAsAFact() {
        ObservedResponse a = problem404("application/json");
        assertThat(a.requestAccept()).contains("application/json");
        assertThat(ObservedResponse.of(404, headers(), null).requestAccept()).isEmpty();
        assertThat(a).isNotEqualTo(problem404("application/problem+json")).isEqualTo(problem404("application/json"));
        assertThat(ObservedResponse.builder(404).requestAccept("a".repeat(10_000)).build().requestAccept()).hasValueSatisfying(
                v -> assertThat(v).hasSize(8192));
        // Malformed ranges count as absent, never an exception: here nothing is left, a tie.
        assertThat(CHECKER.check(problem404("application/problem+json;q=2, ;;, /, */json"))).extracting(Violation::rule)
                .containsExactly(Rule.PROBLEM_NOT_PREFERRED);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("violating")
    void eachRuleCanFail(Rule rule, String name, ObservedResponse response) {
        List<Violation> violations = CHECKER.check(response);
        assertThat(violations).extracting(Violation::rule).contains(rule);
        Violation v = violations.stream().filter(x -> x.rule() == rule).findFirst().orElseThrow();
        assertThat(v.toString()).startsWith(rule.id() + ": ").doesNotContain("\n", "\r");
    }

    @Test
    void everyRuleHasAViolatingCase() {
        // A rule that no case breaks could be dead code that never fires.
        Set<Rule> broken = EnumSet.noneOf(Rule.class);
        violating().forEach(a -> {
            Rule rule = (Rule) a.get()[0];
            if (CHECKER.check((ObservedResponse) a.get()[2]).stream().anyMatch(v -> v.rule() == rule)) {
                broken.add(rule);
            }
        });
        assertThat(EnumSet.complementOf(EnumSet.copyOf(broken))).as("rules without a violating case")
                .allMatch(Rule::isProbeRule); // those are broken in ProbeTest
    }

    // ---- precise outcomes --------------------------------------------------------------------

    @Test
    void theIssueExamplesReadAsDocumented() {
        List<Violation> v = CHECKER.check(response(401, headers("Content-Type", "text/html"),
                "{\"code\":\"c\",\"description\":\"" + "x".repeat(1311) + "\\n\\tat a.B.c(B.java:1)\",\"source\":\"s\"}"));
        assertThat(v).extracting(Violation::toString).contains(
                "required-header: 401 without WWW-Authenticate",
                "description-length: 1331 UTF-16 units, max 1024 (/description)",
                "content-type: text/html, not application/json or application/problem+json (Content-Type: text/html)");
        assertThat(v).extracting(Violation::rule).contains(Rule.LEAK_STACK_TRACE);
    }

    @Test
    void aConformingBodyYieldsOnlyTheMissingHeaders() {
        List<Violation> v = CHECKER.check(404, ResponseHeaders.empty(), json(PC_404));
        assertThat(v).extracting(Violation::rule).containsExactly(Rule.CORRELATION_ID, Rule.REQUEST_ID,
                Rule.CONTENT_TYPE, Rule.CACHE_CONTROL, Rule.NOSNIFF);
    }

    @Test
    void evidenceIsOneBoundedPrintableLine() {
        String hostile = "{\"code\":\"c\",\"description\":\"java.lang.RuntimeException\\r\\nSet-Cookie: x\\u0000" + "y".repeat(5000)
                + "\",\"source\":\"s\"}";
        for (Violation v : CHECKER.check(response(500, headers(), hostile))) {
            assertThat(v.evidence()).hasSizeLessThanOrEqualTo(Violation.MAX_EVIDENCE + 1).doesNotContain("\r", "\n", "\u0000");
        }
    }

    @Test
    void bodyOnlyCheckSkipsHeaderRules() {
        assertThat(CHECKER.checkBody(json(PC_404))).isEmpty();
        assertThat(CHECKER.checkBody(null)).extracting(Violation::rule).containsExactly(Rule.BODY_EMPTY);
        assertThat(CHECKER.checkBody(json("<html>"))).extracting(Violation::rule).containsExactly(Rule.BODY_NOT_JSON);
    }

    @Test
    void hostileBodiesAreViolationsNeverExceptions() {
        byte[] garbage = new byte[10 * 1024 * 1024];
        new java.util.Random(7).nextBytes(garbage);
        assertThat(CHECKER.checkBody(garbage)).extracting(Violation::rule).contains(Rule.BODY_LIMITS);
        byte[] deepObjects = json("{\"a\":".repeat(5000) + "1" + "}".repeat(5000));
        assertThat(CHECKER.checkBody(deepObjects)).extracting(Violation::rule).containsExactly(Rule.BODY_LIMITS);
        assertThat(CHECKER.checkBody(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD})).isNotEmpty();
    }

    @Test
    void badArgumentsAreRejectedPrecisely() {
        assertThatThrownBy(() -> CHECKER.check(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObservedResponse.builder(99)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100..599");
        assertThatThrownBy(() -> ResponseHeaders.of("odd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResponseHeaders.builder().addLine("no colon")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ResponseHeaders.of("content-TYPE", "a").first("Content-Type")).contains("a");
        assertThatThrownBy(() -> ResponseHeaders.of((Map<String, List<String>>) null)).isInstanceOf(IllegalArgumentException.class);
        Map<String, List<String>> withStatusLine = new java.util.HashMap<>();
        withStatusLine.put(null, List.of("HTTP/1.1 404"));
        withStatusLine.put("Allow", java.util.Arrays.asList("GET", null));
        assertThat(ResponseHeaders.of(withStatusLine).asMap()).containsOnlyKeys("Allow");
        assertThat(ResponseHeaders.of(withStatusLine).all("allow")).containsExactly("GET");
        assertThatThrownBy(() -> ResponseHeaders.builder().add("", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Violation.of(null, "x", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Violation.of(Rule.LEAK_SQL, " ", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContractChecker.withClock(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void detectFormatNamesTheShapeOrNothing() {
        assertThat(CHECKER.detectFormat(json(PC_404), false)).contains(ErrorFormat.PARTNER_CENTER);
        assertThat(CHECKER.detectFormat(json("{\"error\":{\"code\":\"c\",\"message\":\"m\"}}"), false)).contains(ErrorFormat.PARTNER_API);
        assertThat(CHECKER.detectFormat(json("{\"code\":\"c\"}"), true)).contains(ErrorFormat.PROBLEM_DETAILS);
        assertThat(CHECKER.detectFormat(json("{\"title\":\"t\"}"), false)).contains(ErrorFormat.PROBLEM_DETAILS);
        assertThat(CHECKER.detectFormat(null, false)).isEmpty();
        assertThat(CHECKER.detectFormat(json("<html>"), false)).isEmpty();
        assertThat(CHECKER.detectFormat(json("{\"statusCode\":429,\"message\":\"m\"}"), false)).isEmpty();
        assertThat(CHECKER.detectFormat(new byte[ContractChecker.MAX_BODY_BYTES + 1], false)).isEmpty();
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Ten nested 4000-character member names over an array of 500 000 zeros: under 1 MiB. */
    static byte[] deepNamesOverAHugeArray() {
        StringBuilder sb = new StringBuilder(1_048_576);
        for (int level = 0; level < 10; level++) {
            sb.append("{\"").append(String.valueOf((char) ('a' + level)).repeat(4000)).append("\":");
        }
        sb.append('[');
        for (int i = 0; i < 500_000; i++) {
            sb.append(i == 0 ? "0" : ",0");
        }
        sb.append(']').append("}".repeat(10));
        byte[] body = json(sb.toString());
        assertThat(body.length).isLessThan(ContractChecker.MAX_BODY_BYTES);
        return body;
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void longPathsOverManyValuesAreBoundedNotExhaustingMemory() {
        List<Violation> v = CHECKER.check(ObservedResponse.of(400, headers(), deepNamesOverAHugeArray()));
        assertThat(v).extracting(Violation::rule).contains(Rule.BODY_LIMITS);
        assertThat(v).filteredOn(x -> x.rule() == Rule.BODY_LIMITS).first()
                .satisfies(x -> assertThat(x.explanation()).contains(JsonTree.MAX_VALUES + " values"));
    }

    @Test
    void aPointerBuiltForEvidenceElidesLongNames() throws Exception {
        String name = "n".repeat(4000);
        String body = "{\"code\":\"x\",\"description\":\"d\",\"source\":\"s\",\"data\":[{\"" + name
                + "\":{\"k\":\"at java.lang.Thread.run(Thread.java:840)\"}}]}";
        JsonTree.Node root = JsonTree.parse(json(body));
        JsonTree.Node leaf = root.member("data").items.get(0).member(name).member("k");
        assertThat(leaf.pointer()).isEqualTo("/data/0/" + "n".repeat(JsonTree.MAX_TOKEN_IN_POINTER) + "\u2026/k");
        assertThat(root.pointer()).isEqualTo("/");
        List<String> where = new ArrayList<>();
        JsonTree.strings(root, (pointer, text) -> {
            if (text.startsWith("at java")) {
                where.add(pointer.get());
            }
        });
        assertThat(where).containsExactly(leaf.pointer());
    }
}
