package dev.restfault.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.core.catalog.ErrorCategory;
import dev.restfault.core.catalog.RetryRule;
import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.json.ErrorBodyException.Reason;
import dev.restfault.json.ErrorReader;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The decoder on its own, without a network: bad input at its entry points, header parsing, and
 * what the exception's message shows and hides.
 */
class ErrorDecoderTest {

    private static final RequestContext GET = RequestContext.of("get", URI.create("https://api.example.com/v1/customers/42?access_token=SECRET"))
            .withRequestId("0f8fad5b-d9cb-469f-a165-70867728950e")
            .withCorrelationId("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    private static HttpHeaders headers(String... nameValues) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.computeIfAbsent(nameValues[i], k -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
        }
        return HttpHeaders.of(m, (n, v) -> true);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void nullHeadersAndBodyMeanNone() {
        ContractErrorException e = ErrorDecoder.standard().decode(500, null, null, GET);
        assertThat(e.bodyFailure()).contains(Reason.EMPTY);
        assertThat(e.body().isEmpty()).isTrue();
        assertThat(e.body().truncated()).isFalse();
        assertThat(e.headers().map()).isEmpty();
        assertThat(e.code()).isEqualTo("internalServerError");
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.challenge()).isEmpty();
        assertThat(e.contentLanguage()).isEmpty();
    }

    @Test
    void statusOutsideTheErrorRangeAndNullRequestAreRejected() {
        assertThatThrownBy(() -> ErrorDecoder.standard().decode(200, null, null, GET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErrorDecoder.standard().decode(600, null, null, GET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErrorDecoder.standard().decode(399, null, null, GET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErrorDecoder.standard().decode(404, null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ErrorDecoder.standard().decode(null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ErrorDecoder.create(null, 10)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ErrorDecoder.create(ErrorReader.standard(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErrorDecoder.create(ErrorReader.standard(), 64 * 1024 * 1024 + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bodyIsCappedAndCopied() {
        ErrorDecoder decoder = ErrorDecoder.create(ErrorReader.standard(), 10);
        byte[] body = utf8("{\"code\":\"abc\",\"description\":\"long enough\"}");
        ContractErrorException e = decoder.decode(400, headers("Content-Type", "application/json"), body, GET);
        assertThat(e.body().size()).isEqualTo(10);
        assertThat(e.body().truncated()).isTrue();
        assertThat(e.body().text()).isEqualTo("{\"code\":\"a");
        body[0] = 'X';
        assertThat(e.body().bytes()[0]).isEqualTo((byte) '{'); // the caller's array is not kept
        byte[] copy = e.body().bytes();
        copy[1] = 'Y';
        assertThat(e.body().bytes()[1]).isEqualTo((byte) '"'); // nor is the one handed out

        ContractErrorException marked = ErrorDecoder.standard().decode(400, null,
                utf8("{\"code\":\"abc\",\"description\":\"d\"}"), true, GET);
        assertThat(marked.body().truncated()).isTrue();
        assertThat(marked.code()).isEqualTo("abc");
    }

    @Test
    void everyCatalogStatusKeepsItsRuleAndCategoryWhateverTheBody() {
        for (StatusEntry entry : StatusCatalog.entries()) {
            ContractErrorException e = ErrorDecoder.standard().decode(entry.status(),
                    headers("Content-Type", "text/html"), utf8("<h1>oops</h1>"), GET);
            assertThat(e.retryRule()).isEqualTo(entry.retryRule());
            assertThat(e.category()).isEqualTo(entry.category());
            assertThat(e.code()).isEqualTo(entry.defaultCode());
            assertThat(e.bodyFailure()).contains(Reason.NOT_JSON);
        }
        assertThat(ErrorDecoder.standard().decode(418, null, null, GET).category()).isEqualTo(ErrorCategory.BAD_INPUT);
        assertThat(ErrorDecoder.standard().decode(599, null, null, GET).retryRule()).isEqualTo(RetryRule.IF_IDEMPOTENT);
    }

    @Test
    void retryAfterForms() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        ErrorDecoder decoder = ErrorDecoder.create(ErrorReader.standard(), 1024, Clock.fixed(now, ZoneOffset.UTC));
        assertThat(decoder.decode(429, headers("Retry-After", "30"), null, GET).retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(decoder.decode(429, headers("Retry-After", "Mon, 23 Nov 2026 12:01:00 GMT"), null, GET).retryAfter())
                .contains(Duration.ofMinutes(1));
        assertThat(decoder.decode(429, headers("retry-after-ms", "1500", "Retry-After", "9"), null, GET).retryAfter())
                .contains(Duration.ofMillis(1500));
        assertThat(decoder.decode(503, headers("x-ms-retry-after-ms", "250"), null, GET).retryAfter())
                .contains(Duration.ofMillis(250));
        // Untrusted values are ignored, not obeyed: garbage, negative, a year.
        assertThat(decoder.decode(429, headers("Retry-After", "soon"), null, GET).retryAfter()).isEmpty();
        assertThat(decoder.decode(429, headers("Retry-After", "-5"), null, GET).retryAfter()).isEmpty();
        assertThat(decoder.decode(429, headers("Retry-After", "31536000"), null, GET).retryAfter()).isEmpty();
    }

    @Test
    void anHttpDateIsRelativeToWhenTheResponseWasDecodedAndTheClockIsReadOnlyForOne() {
        // A clock that moves on each read and counts them.
        AtomicInteger reads = new AtomicInteger();
        Clock moving = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.parse("2026-11-23T12:00:00Z").plusSeconds(10L * reads.getAndIncrement());
            }
        };
        ErrorDecoder decoder = ErrorDecoder.create(ErrorReader.standard(), 1024, moving);
        ContractErrorException noRetryAfter = decoder.decode(400, headers("Content-Type", "application/json"), null, GET);
        assertThat(noRetryAfter.retryAfter()).isEmpty();
        assertThat(decoder.decode(503, headers("x-ms-retry-after-ms", "250"), null, GET).retryAfter()).contains(Duration.ofMillis(250));
        assertThat(reads).hasValue(0);

        ContractErrorException dated = decoder.decode(429, headers("Retry-After", "Mon, 23 Nov 2026 12:01:00 GMT"), null, GET);
        assertThat(reads).hasValue(1);
        moving.instant(); // time passes before the caller asks
        assertThat(dated.retryAfter()).contains(Duration.ofMinutes(1));
        assertThat(dated.retryAfterBeyondMax()).isFalse();
        assertThat(reads).hasValue(2);
    }

    @Test
    void idsFromTheResponseWinOnlyWhenValid() {
        String echoed = "16fd2706-8baf-433b-82eb-8c7fada847da";
        ContractErrorException e = ErrorDecoder.standard().decode(500, headers("MS-RequestId", echoed), null, GET);
        assertThat(e.requestId()).contains(echoed);
        assertThat(e.request().requestId()).contains("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(e.correlationId()).contains("7c9e6679-7425-40de-944b-e07fc1f90ae7");

        ContractErrorException hostile = ErrorDecoder.standard().decode(500,
                headers("MS-RequestId", "x\r\nSet-Cookie: a=b", "MS-CorrelationId", "{not-a-guid}"), null, GET);
        assertThat(hostile.requestId()).contains("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(hostile.correlationId()).contains("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        assertThat(hostile.getMessage()).doesNotContain("Set-Cookie");
    }

    @Test
    void contentLanguage() {
        assertThat(ErrorDecoder.standard().decode(400, headers("Content-Language", "ja-JP, en"), null, GET).contentLanguage())
                .contains(Locale.JAPAN);
        assertThat(ErrorDecoder.standard().decode(400, headers("Content-Language", "zh-TW"), null, GET).contentLanguage())
                .contains(Locale.TAIWAN);
        assertThat(ErrorDecoder.standard().decode(400, headers("Content-Language", "!!!"), null, GET).contentLanguage())
                .isEmpty();
        assertThat(ErrorDecoder.standard().decode(400, headers("Content-Language", "x".repeat(300)), null, GET)
                .contentLanguage()).isEmpty();
    }

    @Test
    void messageIsOneActionableLineWithoutBodyQueryOrInjectedLines() {
        String body = "{\"code\":\"domainTaken\",\"description\":\"The domain is taken.\\r\\nFAKE LOG LINE\\u0000\","
                + "\"source\":\"Domains\",\"data\":[{\"code\":\"x\",\"description\":\"SECRET DATA\",\"source\":\"domain\"}]}";
        ContractErrorException e = ErrorDecoder.standard().decode(409,
                headers("Content-Type", "application/json", "Retry-After", "5"), utf8(body), GET);
        String m = e.getMessage();
        assertThat(m).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u0000")
                .startsWith("HTTP 409 Conflict, code domainTaken: The domain is taken. FAKE LOG LINE")
                .contains("retry after 5s")
                .contains("[GET https://api.example.com/v1/customers/42?…")
                .contains("MS-RequestId 0f8fad5b-d9cb-469f-a165-70867728950e")
                .contains("MS-CorrelationId 7c9e6679-7425-40de-944b-e07fc1f90ae7")
                .doesNotContain("SECRET").doesNotContain("access_token").doesNotContain("\"source\"");
        assertThat(e.toString()).isEqualTo(ContractErrorException.class.getName() + ": " + m);
        assertThat(e.description()).hasValueSatisfying(d -> assertThat(d).contains("\r\n")); // the getter keeps it as sent

        ContractErrorException longText = ErrorDecoder.standard().decode(400, null,
                utf8("{\"code\":\"c\",\"description\":\"" + "word ".repeat(300) + "\"}"), GET);
        assertThat(longText.getMessage().length()).isLessThan(600);
        assertThat(longText.getMessage()).contains("\u2026");
    }

    @Test
    void exceptionsHaveNoStackTraceButKeepTheirCause() {
        ContractErrorException e = ErrorDecoder.standard().decode(500, null, null, GET);
        assertThat(e.getStackTrace()).isEmpty();
        assertThat(e.retryStop()).isEmpty();
        assertThat(e.retryPermitted()).isTrue(); // GET, 500
        ContractErrorException post = ErrorDecoder.standard().decode(500, null, null,
                RequestContext.of("POST", URI.create("http://h/x")));
        assertThat(post.retryPermitted()).isFalse();
    }

    @Test
    void requestContextValidation() {
        assertThatThrownBy(() -> RequestContext.of(null, URI.create("http://h/"))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RequestContext.of("GET", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RequestContext.of("GE T", URI.create("http://h/"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestContext.of("", URI.create("http://h/"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GET.withRequestId("abc\r\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("abc");
        assertThatThrownBy(() -> GET.withAttempt(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(GET.method()).isEqualTo("GET");
        assertThat(GET.withRequestId(null).requestId()).isEmpty();
        assertThat(GET.toString()).doesNotContain("SECRET");
    }

    @Test
    void headersOfInterestAreFoundInAnyLetterCaseAndLookAlikesAreNot() {
        String requestId = "4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c";
        String correlationId = "0b6f6a1e-2f0a-4a0e-9a53-0c1d2b3a4f5e";
        RequestContext noIds = RequestContext.of("GET", URI.create("https://api.example.com/v1/customers"));
        byte[] body = utf8("{\"code\":\"x\",\"description\":\"d\",\"source\":\"s\"}");

        ContractErrorException e = ErrorDecoder.standard().decode(401, headers(
                "CONTENT-TYPE", "application/json; charset=utf-8",
                "ms-requestid", requestId,
                "Ms-CorrelationID", correlationId,
                "content-LANGUAGE", "fr-FR",
                "www-authenticate", "OAuth realm=\"urn:cpsvc:cpid:abc\"",
                "RETRY-AFTER", "7"), body, noIds);
        assertThat(e.body().mediaType()).contains("application/json");
        assertThat(e.requestId()).contains(requestId);
        assertThat(e.correlationId()).contains(correlationId);
        assertThat(e.contentLanguage()).contains(Locale.FRANCE);
        assertThat(e.challenge()).isPresent();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(ErrorDecoder.standard().decode(503, headers("RETRY-AFTER-MS", "300"), body, noIds).retryAfter())
                .contains(Duration.ofMillis(300));
        assertThat(ErrorDecoder.standard().decode(503, headers("X-MS-Retry-After-MS", "250"), body, noIds).retryAfter())
                .contains(Duration.ofMillis(250));

        // Each name below has the length of a header of interest (the decoder buckets by length)
        // and differs from it in one letter: none may be taken for it.
        ContractErrorException lookAlikes = ErrorDecoder.standard().decode(401, headers(
                "Content-Typo", "application/json",
                "MS-RequestIx", requestId,
                "MS-CorrelationIx", correlationId,
                "Content-Lenguage", "fr-FR",
                "WWW-Authenticato", "OAuth realm=\"urn:cpsvc:cpid:abc\"",
                "Retry-Aftex", "7",
                "retry-after-mx", "300",
                "x-ms-retry-after-mx", "250"), body, noIds);
        assertThat(lookAlikes.body().mediaType()).isEmpty();
        assertThat(lookAlikes.requestId()).isEmpty();
        assertThat(lookAlikes.correlationId()).isEmpty();
        assertThat(lookAlikes.contentLanguage()).isEmpty();
        assertThat(lookAlikes.challenge()).isEmpty();
        assertThat(lookAlikes.retryAfter()).isEmpty();
    }

    @Test
    void hostileInputNeverMakesTheDecoderThrow() {
        java.util.Random random = new java.util.Random(20261123);
        byte[] valid = utf8("{\"error\":{\"code\":\"x\",\"message\":\"m\",\"innerError\":{\"code\":\"i\"},"
                + "\"details\":[{\"code\":\"d\",\"message\":\"dm\"}]},\"code\":1002,\"data\":[{}]}");
        String[] headerValues = {"", " ", "\u0000", "OAuth", "OAuth realm=", "OAuth realm=\"", "Bearer ,,,", "999999999999",
                "Thu, 01 Jan 1970 00:00:00 GMT", "text/html; charset=", "application/json; charset=\"utf-16\"",
                "application/json; charset=UTF-32BE", "x".repeat(10_000), "\u00ff\u00fe", "-1", "1e3"};
        String[] headerNames = {"Content-Type", "Retry-After", "retry-after-ms", "x-ms-retry-after-ms", "WWW-Authenticate",
                "Content-Language", "MS-RequestId", "MS-CorrelationId"};
        ErrorDecoder small = ErrorDecoder.create(ErrorReader.standard(), 64);
        for (int i = 0; i < 3000; i++) {
            byte[] body;
            switch (i % 3) {
                case 0:
                    body = new byte[random.nextInt(200)];
                    random.nextBytes(body);
                    break;
                case 1:
                    body = valid.clone();
                    for (int k = 0; k < 1 + random.nextInt(4); k++) {
                        body[random.nextInt(body.length)] = (byte) random.nextInt(256);
                    }
                    break;
                default:
                    body = java.util.Arrays.copyOf(valid, random.nextInt(valid.length + 1));
                    break;
            }
            HttpHeaders h = headers(headerNames[random.nextInt(headerNames.length)], headerValues[random.nextInt(headerValues.length)],
                    headerNames[random.nextInt(headerNames.length)], headerValues[random.nextInt(headerValues.length)]);
            int status = 400 + random.nextInt(200);
            ContractErrorException e = (i % 2 == 0 ? ErrorDecoder.standard() : small).decode(status, h, body, GET);
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isNotBlank();
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u0000");
            assertThat(e.body().text()).isNotNull();
            assertThat(e.toPartnerCenter(Locale.US)).isNotNull();
        }
    }

    @Test
    void oversizedMembersDoNotBreakTheNormalizedView() {
        String longCode = "c".repeat(5000);
        String longSource = "s".repeat(5000);
        ContractErrorException e = ErrorDecoder.standard().decode(400, null,
                utf8("{\"code\":\"" + longCode + "\",\"description\":\"d\",\"source\":\"" + longSource + "\"}"), GET);
        assertThat(e.getMessage().length()).isLessThan(800);
        assertThat(e.toPartnerCenter(Locale.US).code().length()).isLessThanOrEqualTo(1024);
    }
}
