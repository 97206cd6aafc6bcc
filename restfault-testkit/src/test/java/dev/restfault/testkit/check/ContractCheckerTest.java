package dev.restfault.testkit.check;

import static dev.restfault.testkit.check.CheckerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.ErrorWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
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
 * The checker's façade against hand-made responses: conforming ones pass, whole responses are
 * explained as documented, bad arguments are refused. The rules themselves are tested by group
 * ({@link HeaderRulesTest}, {@link ChallengeRulesTest}, {@link NegotiationRulesTest},
 * {@link LanguageRulesTest}, {@link BodyRulesTest}, {@link MemberRulesTest},
 * {@link LeakRulesTest}); here, every {@link Rule} is checked to have a violating case in one of
 * them (a rule no case breaks is a defect).
 */
class ContractCheckerTest {

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

    /** Every group's violating cases. */
    static Stream<Arguments> violating() {
        return Stream.of(HeaderRulesTest.violating(), ChallengeRulesTest.violating(), NegotiationRulesTest.violating(),
                LanguageRulesTest.violating(), BodyRulesTest.violating(), MemberRulesTest.violating(),
                LeakRulesTest.violating()).flatMap(s -> s);
    }

    @Test
    void everyRuleHasAViolatingCase() {
        // A rule that no case breaks could be dead code that never fires.
        Set<Rule> broken = rulesBroken(violating());
        assertThat(EnumSet.complementOf(EnumSet.copyOf(broken))).as("rules without a violating case")
                .allMatch(Rule::isProbeRule); // those are broken in ProbeTest
    }

    @Test
    void everyRuleBelongsToExactlyOneGroup() {
        List<EnumSet<Rule>> groups = List.of(HeaderRulesTest.RULES, ChallengeRulesTest.RULES, NegotiationRulesTest.RULES,
                LanguageRulesTest.RULES, BodyRulesTest.RULES, MemberRulesTest.RULES, LeakRulesTest.RULES);
        for (Rule r : Rule.values()) {
            assertThat(groups.stream().filter(g -> g.contains(r)).count()).as(r.id()).isEqualTo(r.isProbeRule() ? 0 : 1);
        }
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

    /** The body's format as json's BodyShape decides it, the ambiguous combinations included. */
    @Test
    void detectFormatFollowsTheDecidedShapes() {
        assertThat(CHECKER.detectFormat(json("{\"type\":\"x\",\"description\":\"d\",\"code\":\"c\"}"), false))
                .contains(ErrorFormat.PROBLEM_DETAILS);
        assertThat(CHECKER.detectFormat(json("{\"status\":404,\"description\":\"d\",\"code\":\"c\"}"), false))
                .contains(ErrorFormat.PARTNER_CENTER);
        assertThat(CHECKER.detectFormat(json("{\"code\":\"c\",\"description\":\"d\"}"), true)).contains(ErrorFormat.PARTNER_CENTER);
        assertThat(CHECKER.detectFormat(json("{\"code\":\"c\",\"message\":\"m\"}"), false)).isEmpty();
        assertThat(CHECKER.detectFormat(json("{\"statusCode\":429,\"code\":\"c\"}"), false)).isEmpty();
        assertThat(CHECKER.detectFormat(json("{\"timestamp\":\"t\",\"status\":404,\"error\":\"Not Found\"}"), false)).isEmpty();
        assertThat(CHECKER.detectFormat(new byte[0], true)).isEmpty();
    }

    @Test
    void headersComeFirstThenTheBodyThenWhatJudgesBoth() {
        List<Violation> v = CHECKER.check(ObservedResponse.builder(401).headers(headers("Cache-Control", null,
                "Content-Type", "application/problem+json", "Content-Language", null))
                .body(json(PC_404)).requestedLocale(Locale.FRANCE).requestAccept("application/json").build());
        assertThat(v).extracting(Violation::rule).containsExactly(Rule.CACHE_CONTROL, Rule.REQUIRED_HEADER,
                Rule.CONTENT_TYPE_FORMAT, Rule.PROBLEM_NOT_PREFERRED, Rule.CONTENT_LANGUAGE);
    }
}
