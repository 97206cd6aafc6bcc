package dev.restfault.testkit.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The checker (through its public façade, {@link ContractChecker}) on any response, request facts
 * included: it never throws, it judges the same response the same way twice, and every
 * violation is a rule id with a one-line printable explanation and bounded evidence, whatever
 * control characters, lone surrogates or markup the response carried.
 *
 * <p>Regression inputs: {@code ContractCheckerFuzzTestInputs/check/} (fuzzer data).
 */
class ContractCheckerFuzzTest {

    private static final String[] NAMES = {"Content-Type", "Cache-Control", "X-Content-Type-Options",
        "WWW-Authenticate", "Allow", "Retry-After", "ETag", "Content-Language", "MS-CorrelationId", "MS-RequestId",
        "content-type", "X-Powered-By"};
    private static final String[] VALUES = {"application/json; charset=utf-8", "application/problem+json",
        "text/html", "no-store", "nosniff", "OAuth realm=\"urn:cpsvc:cpid:contoso\"", "OAuth realm=urn:cpsvc:cpid:c",
        "GET, HEAD, OPTIONS", "120", "Mon, 23 Nov 2026 12:01:30 GMT", "\"v7\"", "W/\"x\"", "fr-FR", "ja-JP",
        "0f8fad5b-d9cb-469f-a165-70867728950e", "java.lang.IllegalStateException: at com.example.Foo.bar(Foo.java:42)"};
    private static final String[] ACCEPTS = {"", "*/*", "application/problem+json", "application/json;q=0, */*;q=0.1",
        "text/html", ";"};
    private static final String[] METHODS = {"GET", "HEAD", "POST", "delete"};
    private static final ContractChecker CHECKER =
            ContractChecker.withClock(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));

    @FuzzTest(maxDuration = "5m")
    void check(FuzzedDataProvider data) {
        ObservedResponse.Builder response = ObservedResponse.builder(data.consumeInt(100, 599));
        ResponseHeaders.Builder headers = ResponseHeaders.builder();
        int n = data.consumeInt(0, 10);
        for (int i = 0; i < n; i++) {
            String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeAsciiString(20);
            if (!name.isEmpty()) {
                headers.add(name, text(data, VALUES));
            }
        }
        response.headers(headers.build());
        if (data.consumeBoolean()) {
            response.requestMethod(data.pickValue(METHODS));
        }
        if (data.consumeBoolean()) {
            response.sentCorrelationId(text(data, VALUES)).sentRequestId(text(data, VALUES));
        }
        if (data.consumeBoolean()) {
            response.requestedLocale(Locale.forLanguageTag(data.consumeAsciiString(12)));
        }
        if (data.consumeBoolean()) {
            response.requestAccept(text(data, ACCEPTS));
        }
        byte[] body = data.consumeRemainingAsBytes();
        ObservedResponse observed = response.body(body).build();

        List<Violation> violations = CHECKER.check(observed);
        assertThat(CHECKER.check(observed)).isEqualTo(violations);
        violations.forEach(ContractCheckerFuzzTest::assertPrintable);
        CHECKER.checkBody(body).forEach(ContractCheckerFuzzTest::assertPrintable);
        CHECKER.detectFormat(body, data.consumeBoolean());
    }

    private static String text(FuzzedDataProvider data, String[] picks) {
        switch (data.consumeInt(0, 2)) {
            case 0:
                return data.pickValue(picks);
            case 1:
                return data.consumeAsciiString(60);
            default:
                return data.consumeString(60);
        }
    }

    private static void assertPrintable(Violation v) {
        assertThat(v.rule()).isNotNull();
        assertThat(v.ruleId()).isNotBlank();
        assertThat(v.explanation()).isNotBlank();
        assertThat(v.evidence().length()).isLessThanOrEqualTo(Violation.MAX_EVIDENCE + 1); // + the cut mark
        for (String s : new String[] {v.explanation(), v.evidence()}) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                assertThat(Character.isISOControl(c) || c == '\u2028' || c == '\u2029')
                        .as("control character U+%04X in %s", (int) c, v).isFalse();
                if (Character.isHighSurrogate(c)) {
                    assertThat(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))).as("lone surrogate in %s", v).isTrue();
                    i++;
                } else {
                    assertThat(Character.isLowSurrogate(c)).as("lone surrogate in %s", v).isFalse();
                }
            }
        }
    }
}
