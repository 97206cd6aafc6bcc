package dev.restfault.testkit.check;

import static dev.restfault.testkit.check.CheckerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The body rules ({@link BodyRules}): a body, within limits, strict UTF-8, well-formed JSON, an object in one of the
 * contract's formats as json's {@code BodyShape} decides.
 * Every rule of the group has a case that breaks it ({@link RuleGroupTest}).
 */
class BodyRulesTest extends RuleGroupTest {

    /** The rules this group enforces. */
    static final EnumSet<Rule> RULES = EnumSet.of(Rule.BODY_EMPTY, Rule.BODY_NOT_JSON, Rule.BODY_MALFORMED, Rule.BODY_LIMITS, Rule.BODY_SHAPE);

    BodyRulesTest() {
        super(RULES);
    }

    static Stream<Arguments> violating() {
        List<Arguments> cases = new ArrayList<>();
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
        cases.add(Arguments.of(Rule.BODY_LIMITS, "deep nesting", response(400, headers(), "[".repeat(100) + "]".repeat(100))));
        cases.add(Arguments.of(Rule.BODY_LIMITS, "oversized", ObservedResponse.of(400, headers(), new byte[ContractChecker.MAX_BODY_BYTES + 1])));
        cases.add(Arguments.of(Rule.BODY_SHAPE, "Spring's default error", response(404, headers(),
                "{\"timestamp\":\"2026-11-23T12:00:00Z\",\"status\":404,\"error\":\"Not Found\",\"path\":\"/x\"}")));
        cases.add(Arguments.of(Rule.BODY_SHAPE, "throttling body", response(429, headers("Retry-After", "1"),
                "{\"statusCode\":429,\"message\":\"Rate limit is exceeded.\"}")));
        cases.add(Arguments.of(Rule.BODY_SHAPE, "an array", response(400, headers(), "[\"bad\"]")));
        // ---- more cases: the shapes json's BodyShape decides are not formats --------------------
        cases.add(Arguments.of(Rule.BODY_SHAPE, "a Partner API error without its wrapper (decided)", response(404, headers(),
                "{\"code\":\"notFound\",\"message\":\"Not found.\"}")));
        cases.add(Arguments.of(Rule.BODY_SHAPE, "an OAuth error", response(400, headers(),
                "{\"error\":\"invalid_grant\",\"error_description\":\"expired\"}")));
        cases.add(Arguments.of(Rule.BODY_SHAPE, "the throttling body with a code (decided)", response(429, headers("Retry-After", "1"),
                "{\"statusCode\":429,\"code\":\"throttled\",\"message\":\"Slow down.\"}")));
        cases.add(Arguments.of(Rule.BODY_SHAPE, "a string", response(400, headers(), "\"bad request\"")));
        cases.add(Arguments.of(Rule.BODY_SHAPE, "an object of no format", response(400, headers(), "{\"ok\":false}")));
        cases.add(Arguments.of(Rule.BODY_NOT_JSON, "plain text", response(502, headers(), "Bad Gateway")));
        return cases.stream();
    }

    @Override
    Stream<Arguments> cases() {
        return violating();
    }

    /** What the checker says a body of each shape is that is not a format: named, with its members. */
    @Test
    void eachShapeThatIsNoFormatIsNamed() {
        assertThat(explain(404, "{\"timestamp\":\"t\",\"status\":404,\"error\":\"Not Found\",\"path\":\"/x\"}")).containsExactly(
                "body-shape: a framework's default error body (an HTTP status and no member of the contract's formats), not one "
                        + "of the contract's formats (members [timestamp, status, error, path])");
        assertThat(explain(429, "{\"statusCode\":429,\"message\":\"m\"}")).containsExactly("body-shape: the throttling body "
                + "{statusCode, message} is read by clients but is not one of the contract's formats (members [statusCode, message])");
        assertThat(explain(404, "{\"code\":\"c\",\"message\":\"m\"}")).containsExactly("body-shape: a Partner API error object "
                + "without its {\"error\": ...} wrapper, which the contract's format requires (members [code, message])");
        assertThat(explain(400, "{\"error\":\"invalid_grant\"}")).containsExactly("body-shape: an OAuth error {error, "
                + "error_description} is read by clients but is not one of the contract's formats (members [error])");
        assertThat(explain(400, "{\"a\":1}")).containsExactly("body-shape: a JSON object that is none of the three formats (members [a])");
        assertThat(explain(400, "[1]")).containsExactly("body-shape: the body is an array, not an error object");
    }

    private static List<String> explain(int status, String body) {
        return CHECKER.checkBody(json(body)).stream().map(Violation::toString).toList();
    }

    /**
     * The example, decided: a body with both {@code type} and {@code description} is
     * problem details, for the checker as for the reader, and is judged by problem details' rules.
     */
    @Test
    void typeAndDescriptionIsProblemDetailsForTheCheckerAsForTheReader() {
        String body = "{\"type\":\"about:blank\",\"description\":\"d\",\"code\":\"c\",\"source\":\"s\"}";
        assertThat(CHECKER.check(response(404, headers("Content-Type", "application/problem+json"), body)))
                .extracting(Violation::toString).containsExactly("required-member: no detail (/)");
        assertThat(rules(response(404, headers(), body))).containsExactly(Rule.REQUIRED_MEMBER, Rule.CONTENT_TYPE_FORMAT);
        assertThat(dev.restfault.json.ErrorReader.standard().read(json(body)).bodyShape())
                .isEqualTo(dev.restfault.json.BodyShape.PROBLEM_DETAILS);
        // status with a description stays Partner Center: conforming.
        assertThat(CHECKER.check(response(404, headers(),
                "{\"code\":\"notFound\",\"description\":\"gone\",\"source\":\"s\",\"status\":404}"))).isEmpty();
    }

    /** The checker and the reader cannot disagree: both go by json's BodyShape. */
    @Test
    void theCheckerAndTheReaderSeeTheSameFormat() {
        String[] bodies = {PC_404, "{\"error\":{\"code\":\"c\",\"message\":\"m\"}}", "{\"title\":\"t\",\"detail\":\"d\"}",
                "{\"type\":\"x\",\"description\":\"d\"}", "{\"status\":400,\"description\":\"d\"}", "{\"code\":\"c\",\"message\":\"m\"}",
                "{\"statusCode\":429,\"code\":\"c\"}", "{\"timestamp\":\"t\",\"status\":404,\"error\":\"e\"}", "{\"error\":\"x\"}",
                "{\"code\":1002}", "{\"innerError\":{\"code\":\"x\"}}"};
        for (String body : bodies) {
            java.util.Optional<dev.restfault.core.model.ErrorFormat> read;
            try {
                read = dev.restfault.json.ErrorReader.standard().read(json(body)).bodyShape().format();
            } catch (dev.restfault.json.ErrorBodyException notAnError) {
                read = java.util.Optional.empty();
            }
            assertThat(CHECKER.detectFormat(json(body), false)).as(body).isEqualTo(read);
            boolean shapeViolation = rules(response(400, headers(), body)).contains(Rule.BODY_SHAPE);
            assertThat(shapeViolation).as(body).isEqualTo(read.isEmpty());
        }
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

    @Test
    void oneBrokenBodyIsOneBodyMalformed() {
        // Invalid UTF-8 that also breaks the JSON: the encoding is the first thing wrong, said once.
        assertThat(rules(ObservedResponse.of(404, headers(), concat(json("{\"code\":\"c\",\"descr"), bytes(0xC3, 0x28)))))
                .containsExactly(Rule.BODY_MALFORMED);
        assertThat(CHECKER.checkBody(json("<html><body>x</body></html>"))).extracting(Violation::explanation)
                .containsExactly("the body is an HTML page");
        assertThat(CHECKER.checkBody(json("<?xml version=\"1.0\"?><error/>"))).extracting(Violation::explanation)
                .containsExactly("the body is markup, not JSON");
    }
}
