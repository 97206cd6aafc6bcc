package dev.restfault.sandbox;

import static dev.restfault.sandbox.RunningSandbox.CONTOSO;
import static dev.restfault.sandbox.RunningSandbox.RO;
import static dev.restfault.sandbox.RunningSandbox.RW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.sandbox.guard.ConcurrencyLimiter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox, started for real on a random port, provoking each error status for its real
 * reason over HTTP, in both formats (and problem details) and all four languages, checked
 * against docs/contract.md. The rate limit is raised here so the many requests of this class are
 * not throttled; {@link ThrottlingEndToEndTest} provokes 429 with the default limit.
 */
class SandboxEndToEndTest {

    static final int UPSTREAM_TIMEOUT_MS = 600;
    static final int MAX_IN_FLIGHT = 3;

    private static RunningSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = RunningSandbox.start(
                "--sandbox.rate-limit.requests=1000000",
                "--sandbox.concurrency.max-requests=" + MAX_IN_FLIGHT,
                "--sandbox.upstream.timeout=" + UPSTREAM_TIMEOUT_MS + "ms",
                // The 500, 502 and 504 cases log their causes on purpose; keep the build output readable.
                "--logging.level.dev.restfault.spring=OFF", "--logging.level.dev.restfault.server=OFF");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static Stream<Arguments> partnerFormats() {
        return Cases.matrix(List.of(ErrorFormat.PARTNER_CENTER, ErrorFormat.PARTNER_API)).stream().map(Arguments::of);
    }

    static Stream<Arguments> problemDetails() {
        return Cases.matrix(List.of(ErrorFormat.PROBLEM_DETAILS)).stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @MethodSource("partnerFormats")
    void eachStatusForItsRealReason(Cases.Case c, ErrorFormat format, Locale locale) {
        Reply reply = c.provoke().apply(new Cases.Request(sandbox, format, locale));
        c.expect().accept(ErrorCheck.of(reply, c.status(), format, locale), reply);
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @MethodSource("problemDetails")
    void eachStatusAsProblemDetailsWhenAcceptPrefersIt(Cases.Case c, ErrorFormat format, Locale locale) {
        Reply reply = c.provoke().apply(new Cases.Request(sandbox, format, locale));
        c.expect().accept(ErrorCheck.of(reply, c.status(), format, locale), reply);
    }

    @ParameterizedTest
    @EnumSource(names = {"PARTNER_CENTER", "PARTNER_API"})
    void sizeAboveTheMaximumNamesTheParameter(ErrorFormat format) {
        Reply r = sandbox.get(prefix(format) + "/customers?size=501").token(RW).send();
        ErrorCheck.of(r, 400, format, SupportedLocales.EN_US).code("badRequest").data("max@size");
    }

    @Test
    void sizeThatIsNotANumberIsABadRequest() {
        Reply r = sandbox.get("/v1/customers?size=lots").token(RW).send();
        ErrorCheck.of(r, 400, ErrorFormat.PARTNER_CENTER, SupportedLocales.EN_US).code("badRequest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "fr-FR", "ja-JP", "zh-TW"})
    void anInvalidBodyGetsOneDataEntryPerProblemInTheRequestLanguage(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        Reply r = sandbox.call("POST", "/v1/customers").token(RW).header("X-Locale", tag)
                .json("{\"email\":\"not-an-address\",\"domain\":\"no domain\",\"country\":\"france\"}").send();
        ErrorCheck c = ErrorCheck.of(r, 400, ErrorFormat.PARTNER_CENTER, locale)
                .code("badRequest")
                .data("notBlank@companyName", "email@email", "pattern@domain", "pattern@country")
                .description(l -> ExpectedTexts.text(ContractMessages.VALIDATION_FAILED, l, 4));
        // The sandbox's own texts for its patterns, not the regular expression.
        assertThat(c.dataDescription("domain")).isEqualTo(ExpectedTexts.text("Pattern.customerRequest.domain", locale));
        assertThat(c.dataDescription("country")).isEqualTo(ExpectedTexts.text("Pattern.customerRequest.country", locale));
    }

    /**
     * The closed lists of the simulation ({@code format}, {@code fault}) and of the admin
     * endpoint ({@code mode}): texts naming the allowed values in the request's language, never
     * Hibernate Validator's default {@code must match "(?i)..."}, which shows the regex.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en-US", "fr-FR", "ja-JP", "zh-TW"})
    void closedListsAreDescribedByTheirValuesNotTheirRegex(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        Reply format = sandbox.get("/v1/simulate/404?format=bogus").header("X-Locale", tag).send();
        ErrorCheck f = ErrorCheck.of(format, 400, ErrorFormat.PARTNER_CENTER, locale).data("pattern@format");
        assertThat(f.dataDescription("format")).isEqualTo(ExpectedTexts.text("sandbox.validation.format", locale));
        Reply fault = sandbox.get("/v1/simulate/404?fault=fire").header("X-Locale", tag).send();
        ErrorCheck t = ErrorCheck.of(fault, 400, ErrorFormat.PARTNER_CENTER, locale).data("pattern@fault");
        assertThat(t.dataDescription("fault")).isEqualTo(ExpectedTexts.text("sandbox.validation.fault", locale));
        Reply mode = sandbox.call("PUT", "/v1/admin/upstream").token(RW).header("X-Locale", tag)
                .json("{\"mode\":\"on fire\"}").send();
        ErrorCheck m = ErrorCheck.of(mode, 400, ErrorFormat.PARTNER_CENTER, locale).data("pattern@mode");
        assertThat(m.dataDescription("mode")).isEqualTo(ExpectedTexts.text("sandbox.validation.upstreamMode", locale));
        for (Reply r : List.of(format, fault, mode)) {
            assertThat(r.body()).doesNotContain("(?i)").doesNotContain("must match").doesNotContain("sandbox.validation");
        }
    }

    @Test
    void malformedJsonIsABadRequestThatRepeatsNothing() {
        Reply r = sandbox.call("POST", "/v1/customers").token(RW).json("{\"companyName\": \"<script>").send();
        ErrorCheck.of(r, 400, ErrorFormat.PARTNER_CENTER, SupportedLocales.EN_US).code("badRequest")
                .description(l -> ExpectedTexts.text(ContractMessages.MALFORMED_BODY, l));
        assertThat(r.body()).doesNotContain("<script>");
    }

    @Test
    void oversizedBodiesAreRefusedWith413WhetherDeclaredOrChunked() {
        String big = "{\"companyName\":\"" + "x".repeat(70_000) + "\"}";
        Reply declared = sandbox.call("POST", "/v1/customers").token(RW).json(big).send();
        ErrorCheck.of(declared, 413, ErrorFormat.PARTNER_CENTER, SupportedLocales.EN_US).code("contentTooLarge")
                .description(l -> ExpectedTexts.status(413, l));
        Reply chunked = sandbox.call("POST", "/partner/v1/customers").token(RW).chunkedJson(big).send();
        ErrorCheck.of(chunked, 413, ErrorFormat.PARTNER_API, SupportedLocales.EN_US).code("contentTooLarge");
        // A body within the bound, chunked, still works.
        Reply small = sandbox.call("POST", "/v1/customers").token(RW)
                .chunkedJson("{\"companyName\":\"Litware\",\"email\":\"a@litware.example\",\"domain\":\"litware.example\"}").send();
        assertThat(small.status()).as("%s", small).isEqualTo(201);
    }

    /**
     * A chunked body over the bound whose sender stops before the final chunk (here it half-closes
     * the connection; an idle timeout fails the same read): the drain stops, and the 413 is still
     * sent, with Connection: close, never a 500.
     */
    @Test
    void anOversizedChunkedBodyThatNeverEndsIsStillA413() throws IOException {
        StringBuilder request = new StringBuilder("POST /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .append("Authorization: Bearer ").append(RW).append("\r\nContent-Type: application/json\r\n")
                .append("Transfer-Encoding: chunked\r\n\r\n");
        String chunk = "x".repeat(4096);
        for (int i = 0; i < 24; i++) { // 96 KiB of chunks, and no final 0 chunk
            request.append("1000\r\n").append(chunk).append("\r\n");
        }
        RunningSandbox.RawReply r = sandbox.raw(request.toString(), true);
        assertThat(r).isNotNull();
        assertThat(r.status()).as("%s", r).isEqualTo(413);
        assertThat(r.headers().get("connection")).isEqualToIgnoringCase("close");
        assertThat(r.headers().get("content-type")).startsWith("application/json");
        assertThat(dev.restfault.core.http.RequestIds.isValid(r.headers().get("ms-requestid"))).isTrue();
        assertThat(r.body()).contains("\"code\":\"contentTooLarge\"");
    }

    /** A chunk size that is not hexadecimal: a contract 400 (the starter's), never a 500. */
    @Test
    void aMalformedChunkSizeIsABadRequest() throws IOException {
        RunningSandbox.RawReply r = sandbox.raw("POST /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + RW
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", false);
        if (r != null) { // or no answer at all: the server may drop a connection it cannot frame
            assertThat(r.status()).as("%s", r).isEqualTo(400);
            assertThat(r.headers().get("content-type")).startsWith("application/json");
            assertThat(r.body()).contains("\"code\":\"badRequest\"");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"PARTNER_CENTER", "PARTNER_API"})
    void textPlainIsAnUnsupportedMediaType(ErrorFormat format) {
        Reply r = sandbox.call("POST", prefix(format) + "/customers").token(RW).body("text/plain", "Northwind").send();
        ErrorCheck.of(r, 415, format, SupportedLocales.EN_US).code("unsupportedMediaType")
                .description(l -> ExpectedTexts.text(ContractMessages.UNSUPPORTED_MEDIA_TYPE, l, "application/json"));
    }

    @Test
    void anUnknownTokenIsUnauthorizedAndNeverEchoed() {
        Reply r = sandbox.get("/v1/customers").header("Authorization", "Bearer guess-<b>1234</b>").send();
        ErrorCheck.of(r, 401, ErrorFormat.PARTNER_CENTER, SupportedLocales.EN_US).code("unauthorized")
                .description(l -> ExpectedTexts.text(Texts.INVALID_TOKEN, l));
        assertThat(r.body()).doesNotContain("guess");
        assertThat(r.header("WWW-Authenticate")).isPresent();
    }

    @Test
    void aReadOnlyTokenReadsButCannotUseTheAdminEndpoints() {
        assertThat(sandbox.get("/v1/customers").token(RO).send().status()).isEqualTo(200);
        Reply r = sandbox.get("/v1/admin/status").token(RO).send();
        ErrorCheck.of(r, 403, ErrorFormat.PARTNER_CENTER, SupportedLocales.EN_US).code("forbidden")
                .description(l -> ExpectedTexts.text(Texts.ADMIN_ONLY, l));
    }

    @Test
    void adminInputIsValidated() {
        Reply zero = sandbox.call("PUT", "/v1/admin/maintenance").token(RW).json("{\"enabled\":true,\"retryAfterSeconds\":0}").send();
        ErrorCheck.of(zero, 400, ErrorFormat.PARTNER_CENTER, SupportedLocales.EN_US).data("min@retryAfterSeconds");
        Reply missing = sandbox.call("PUT", "/v1/admin/maintenance").token(RW).json("{}").send();
        ErrorCheck.of(missing, 400, ErrorFormat.PARTNER_CENTER, SupportedLocales.EN_US).data("notNull@enabled");
        Reply mode = sandbox.call("PUT", "/v1/admin/upstream").token(RW).json("{\"mode\":\"<b>on fire</b>\"}").send();
        ErrorCheck.of(mode, 400, ErrorFormat.PARTNER_CENTER, SupportedLocales.EN_US).data("pattern@mode");
        assertThat(mode.body()).doesNotContain("<b>");
        // Nothing changed.
        JsonNode status = sandbox.get("/v1/admin/status").token(RW).send().json();
        assertThat(status.path("maintenance").path("enabled").asBoolean()).isFalse();
        assertThat(status.path("upstreamMode").asString()).isEqualTo("ok");
    }

    /**
     * {@code retryAfterSeconds} is a whole number of seconds: a fraction is refused, not cut to
     * the second below it (1.9 s silently becoming 1 s is input lost without a word).
     */
    @Test
    void aFractionalRetryAfterIsRefusedNotTruncated() {
        try {
            Reply fraction = sandbox.call("PUT", "/v1/admin/maintenance").token(RW)
                    .json("{\"enabled\":true,\"retryAfterSeconds\":1.9}").send();
            ErrorCheck.of(fraction, 400, ErrorFormat.PARTNER_CENTER, SupportedLocales.EN_US).code("badRequest");
            JsonNode status = sandbox.get("/v1/admin/status").token(RW).send().json();
            assertThat(status.path("maintenance").path("enabled").asBoolean()).as("nothing changed").isFalse();
        } finally {
            sandbox.call("PUT", "/v1/admin/maintenance").token(RW).json("{\"enabled\":false}").send();
        }
    }

    @Test
    void otherUpstreamFailuresAreBadGateways() {
        Cases.Request q = new Cases.Request(sandbox, ErrorFormat.PARTNER_CENTER, SupportedLocales.FR_FR);
        Reply refused = Cases.withUpstream(q, "refuse", () -> q.call("GET", "/customers/" + CONTOSO + "/credit").token(RW).send());
        ErrorCheck.of(refused, 502, ErrorFormat.PARTNER_CENTER, SupportedLocales.FR_FR).code("badGateway")
                .description(l -> ExpectedTexts.text(Texts.UPSTREAM_UNREACHABLE, l));
        Reply failed = Cases.withUpstream(q, "error", () -> q.call("GET", "/customers/" + CONTOSO + "/credit").token(RW).send());
        ErrorCheck.of(failed, 502, ErrorFormat.PARTNER_CENTER, SupportedLocales.FR_FR).code("badGateway")
                .description(l -> ExpectedTexts.text(Texts.UPSTREAM_FAILED, l, 500));
        assertThat(failed.body()).doesNotContain("upstream failure");
    }

    @Test
    void theCreditResourceWorksWhenTheUpstreamDoes() {
        Reply r = sandbox.get("/v1/customers/" + CONTOSO + "/credit").token(RW).send();
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        JsonNode credit = r.json();
        assertThat(credit.path("customerId").asString()).isEqualTo(CONTOSO);
        assertThat(credit.path("creditLimit").path("amount").isNumber()).isTrue();
        assertThat(credit.path("creditLimit").path("currency").asString()).isEqualTo("USD");
    }

    @ParameterizedTest
    @EnumSource(names = {"PARTNER_CENTER", "PARTNER_API"})
    void theConcurrencyBoundAnswers503WithRetryAfter(ErrorFormat format) throws Exception {
        ConcurrencyLimiter limiter = sandbox.bean(ConcurrencyLimiter.class);
        List<RunningSandbox.HeldRequest> holders = new ArrayList<>();
        try {
            // Hold every slot with creates whose bodies have not all arrived: each waits inside
            // the sandbox, past the guards, until the test sends the rest.
            for (int i = 0; i < MAX_IN_FLIGHT; i++) {
                holders.add(sandbox.hold("POST", "/v1/customers",
                        Map.of("Authorization", "Bearer " + RW, "Content-Type", "application/json"), "{}"));
            }
            awaitInFlight(limiter, MAX_IN_FLIGHT);
            Reply r = sandbox.get(prefix(format) + "/customers").token(RW).header("X-Locale", "ja-JP").send();
            ErrorCheck.of(r, 503, format, SupportedLocales.JA_JP).code("overloaded").header("Retry-After", "2")
                    .description(l -> ExpectedTexts.text(Texts.OVERLOADED, l, MAX_IN_FLIGHT));
            // The admin endpoints stay reachable under load, and so do the simulations, which
            // are outside this bound (delayed ones included: they have their own).
            assertThat(sandbox.get("/v1/admin/status").token(RW).send().status()).isEqualTo(200);
            assertThat(sandbox.get("/v1/simulate/418?delay=1").send().status()).isEqualTo(418);
            for (RunningSandbox.HeldRequest h : holders) {
                assertThat(h.finish()).isEqualTo(400); // "{}" lacks the required fields
            }
            // The server gives a slot back just after the response is sent, so wait for it.
            awaitInFlight(limiter, 0);
        } finally {
            for (RunningSandbox.HeldRequest h : holders) {
                h.close();
            }
        }
    }

    /** Waits, at most 10 s, until {@code expected} requests are in flight. */
    private static void awaitInFlight(ConcurrencyLimiter limiter, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (limiter.inFlight() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(limiter.inFlight()).isEqualTo(expected);
    }

    @Test
    void successPathsCarryEntityTagsAndLinks() {
        Reply created = sandbox.call("POST", "/v1/customers").token(RW)
                .json("{\"companyName\":\"Tailspin Toys\",\"email\":\"hi@tailspin.example\",\"domain\":\"tailspin.example\"}").send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String location = created.header("Location").orElseThrow();
        assertThat(location).matches("/v1/customers/[0-9a-f-]{36}");
        assertThat(created.header("ETag")).contains("\"v1\"");

        Reply read = sandbox.get(location).token(RO).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).contains("\"v1\"");
        assertThat(read.json().path("attributes").path("etag").asString()).isEqualTo("\"v1\"");

        Reply updated = sandbox.call("PUT", location).token(RW).header("If-Match", "\"v1\"")
                .json("{\"companyName\":\"Tailspin Toys Ltd.\",\"email\":\"hi@tailspin.example\",\"domain\":\"tailspin.example\"}").send();
        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        assertThat(updated.header("ETag")).contains("\"v2\"");

        Reply stale = sandbox.call("PUT", location).token(RW).header("If-Match", "\"v1\"")
                .json("{\"companyName\":\"Again\",\"email\":\"hi@tailspin.example\",\"domain\":\"tailspin.example\"}").send();
        ErrorCheck.of(stale, 412, ErrorFormat.PARTNER_CENTER, SupportedLocales.EN_US).header("ETag", "\"v2\"");
        Reply staleRead = sandbox.get(location).token(RO).header("If-Match", "\"v1\"").send();
        ErrorCheck.of(staleRead, 412, ErrorFormat.PARTNER_CENTER, SupportedLocales.EN_US).header("ETag", "\"v2\"");

        Reply page = sandbox.get("/v1/customers?size=2").token(RO).send();
        assertThat(page.status()).isEqualTo(200);
        JsonNode body = page.json();
        assertThat(body.path("items").size()).isEqualTo(2);
        assertThat(body.path("totalCount").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(body.path("links").path("next").path("uri").asString()).isEqualTo("/v1/customers?size=2&offset=2");
        assertThat(page.header("MS-RequestId")).isPresent();
    }

    @Test
    void validRequestIdsAreEchoedAndOthersReplaced() {
        String correlation = "0f8fad5b-d9cb-469f-a165-70867728950e";
        Reply echoed = sandbox.get("/v1/customers/" + RunningSandbox.UNKNOWN).token(RW)
                .header("MS-CorrelationId", correlation).send();
        assertThat(echoed.header("MS-CorrelationId")).contains(correlation);
        Reply replaced = sandbox.get("/v1/customers/" + RunningSandbox.UNKNOWN).token(RW)
                .header("MS-CorrelationId", "not-a-guid<script>").send();
        ErrorCheck.of(replaced, 404, ErrorFormat.PARTNER_CENTER, SupportedLocales.EN_US);
        assertThat(replaced.header("MS-CorrelationId")).isPresent().get().isNotEqualTo("not-a-guid<script>");
    }

    @Test
    void anIdThatIsNotAGuidIsNotFoundAndNotRepeated() {
        Reply r = sandbox.get("/v1/customers/%3Cimg%20src%3Dx%3E").token(RW).send();
        ErrorCheck.of(r, 404, ErrorFormat.PARTNER_CENTER, SupportedLocales.EN_US).code("notFound")
                .description(l -> ExpectedTexts.status(404, l));
        assertThat(r.body()).doesNotContain("img");
    }

    @Test
    void theIndexListsTheEndpoints() {
        Reply r = sandbox.get("/").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("/v1/customers", "/v1/simulate/{status}", "/v1/admin/maintenance");
    }

    /**
     * A charset whose name is not even legal, on a body the size guard buffers (chunked): the
     * media type is refused (415, a contract error), never a 500, and the value is not repeated.
     * (The guard's own fallback for such a name is {@code BodyLimitFilterTest}'s.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"\"bad charset!\"", "bad charset!", "x-no-such-charset", "\"\""})
    void aHostileCharsetOnAChunkedBodyIsAnUnsupportedMediaTypeNotAServerError(String charset) {
        Reply r = sandbox.call("POST", "/v1/customers").token(RW).chunkedJson(Cases.VALID_CUSTOMER)
                .header("Content-Type", "application/json; charset=" + charset).send();
        ErrorCheck.of(r, 415, ErrorFormat.PARTNER_CENTER, SupportedLocales.EN_US).code("unsupportedMediaType");
        assertThat(r.body()).doesNotContain("charset");
    }

    @Test
    void theResetFaultResetsTheConnection() {
        IOException failure = sandbox.get("/v1/simulate/503?fault=reset").sendExpectingFailure();
        assertThat(failure).isNotNull();
        // The sandbox keeps serving.
        assertThat(sandbox.get("/v1/simulate/503").send().status()).isEqualTo(503);
    }

    /** {@code /v1/simulate/{status}}: every status on demand, with its headers and body, and broken on demand. */
    @Nested
    class Simulation {

        static Stream<Arguments> seedStatusesInEveryFormat() {
            List<Arguments> out = new ArrayList<>();
            for (StatusEntry e : StatusCatalog.seedEntries()) {
                out.add(Arguments.of(e.status(), "/v1", null, ErrorFormat.PARTNER_CENTER));
                out.add(Arguments.of(e.status(), "/partner/v1", null, ErrorFormat.PARTNER_API));
                out.add(Arguments.of(e.status(), "/v1", "partner-api", ErrorFormat.PARTNER_API));
                out.add(Arguments.of(e.status(), "/partner/v1", "partner-center", ErrorFormat.PARTNER_CENTER));
                out.add(Arguments.of(e.status(), "/v1", "problem", ErrorFormat.PROBLEM_DETAILS)); // the old spelling, an alias
                out.add(Arguments.of(e.status(), "/partner/v1", "Problem-Details", ErrorFormat.PROBLEM_DETAILS));
            }
            return out.stream();
        }

        @ParameterizedTest(name = "{0} at {1} format={2}")
        @MethodSource("seedStatusesInEveryFormat")
        void answersEveryStatusWithTheHeadersItRequires(int status, String prefix, String formatParam, ErrorFormat format) {
            Reply r = sandbox.get(prefix + "/simulate/" + status + (formatParam == null ? "" : "?format=" + formatParam))
                    .header("X-Locale", "zh-TW").send();
            ErrorCheck c = ErrorCheck.of(r, status, format, SupportedLocales.ZH_TW)
                    .code(StatusCatalog.entry(status).defaultCode());
            switch (status) {
                case 401 -> c.header("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:" + RunningSandbox.CID + "\"");
                case 405 -> c.header("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
                case 406 -> c.data("availableMediaType@Accept", "availableMediaType@Accept");
                case 412 -> c.header("ETag", "\"v1\"");
                case 429, 503 -> c.header("Retry-After", "5");
                case 500 -> c.description(l -> ExpectedTexts.text(ContractMessages.INTERNAL_ERROR, l, r.header("MS-RequestId").orElseThrow()));
                default -> c.noHeader("Retry-After").description(l -> ExpectedTexts.status(status, l));
            }
        }

        /**
         * The simulated 405's {@code Allow} is true of the simulation itself: every method it
         * lists is served, and any other is refused by the starter with the same list.
         */
        @Test
        void theSimulated405AllowsExactlyTheMethodsTheSimulationServes() {
            Reply simulated = sandbox.get("/v1/simulate/405").send();
            List<String> allow = methods(simulated);
            assertThat(allow).contains("GET", "POST", "DELETE");
            for (String method : allow) {
                Reply r = sandbox.call(method, "/v1/simulate/404").send();
                assertThat(r.status()).as("%s %s", method, r).isEqualTo(404);
            }
            for (String method : List.of("PROPFIND", "PURGE")) {
                Reply refused = sandbox.call(method, "/v1/simulate/404").send();
                ErrorCheck.of(refused, 405, ErrorFormat.PARTNER_CENTER, SupportedLocales.EN_US).code("methodNotAllowed");
                assertThat(methods(refused)).as(method).containsExactlyInAnyOrderElementsOf(allow);
            }
        }

        private static List<String> methods(Reply r) {
            return Stream.of(r.header("Allow").orElseThrow(() -> new AssertionError("no Allow: " + r)).split(","))
                    .map(String::trim).toList();
        }

        @Test
        void retryAfterIsSentOnRequest() {
            Reply r = sandbox.get("/v1/simulate/504?retryAfter=30").send();
            ErrorCheck.of(r, 504, ErrorFormat.PARTNER_CENTER, SupportedLocales.EN_US).header("Retry-After", "30");
        }

        @ParameterizedTest
        @ValueSource(strings = {"399?x=1:status", "600?x=1:status", "503?delay=10001:delay", "503?delay=-1:delay",
                "503?retryAfter=86401:retryAfter", "503?format=xml:format", "503?fault=fire:fault"})
        void badParametersAreNamed(String caseText) {
            String[] parts = caseText.split(":");
            Reply r = sandbox.get("/v1/simulate/" + parts[0]).send();
            ErrorCheck c = ErrorCheck.of(r, 400, ErrorFormat.PARTNER_CENTER, SupportedLocales.EN_US).code("badRequest");
            assertThat(r.json().path("data").get(0).path("source").asString()).isEqualTo(parts[1]);
            assertThat(c.description()).isEqualTo(ExpectedTexts.text(ContractMessages.VALIDATION_FAILED, SupportedLocales.EN_US, 1));
        }

        @Test
        void htmlFaultSendsAGatewayPage() {
            Reply r = sandbox.get("/v1/simulate/502?fault=html").send();
            assertThat(r.status()).isEqualTo(502);
            assertThat(r.header("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(r.body()).startsWith("<html>").contains("<title>502 Bad gateway</title>");
        }

        @Test
        void truncatedFaultSendsTheFirstHalfOfTheRealBody() {
            Reply whole = sandbox.get("/partner/v1/simulate/503").send();
            Reply cut = sandbox.get("/partner/v1/simulate/503?fault=truncated").send();
            assertThat(cut.status()).isEqualTo(503);
            assertThat(cut.header("Retry-After")).contains("5");
            assertThat(cut.header("Content-Type")).isEqualTo(whole.header("Content-Type"));
            assertThat(cut.header("Content-Length")).contains(String.valueOf(cut.bytes().length));
            assertThat(cut.bytes().length).isEqualTo(whole.bytes().length / 2);
            assertThat(whole.body()).startsWith(cut.body());
            assertThatThrownBy(cut::json).isInstanceOf(tools.jackson.core.JacksonException.class);
        }

        @Test
        void emptyFaultSendsTheHeadersWithoutABody() {
            Reply r = sandbox.get("/v1/simulate/429?fault=empty&retryAfter=9").send();
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.bytes()).isEmpty();
            assertThat(r.header("Retry-After")).contains("9");
            Reply challenge = sandbox.get("/v1/simulate/401?fault=empty").send();
            assertThat(challenge.status()).isEqualTo(401);
            assertThat(challenge.bytes()).isEmpty();
            assertThat(challenge.header("WWW-Authenticate")).contains("OAuth realm=\"urn:cpsvc:cpid:" + RunningSandbox.CID + "\"");
            // The headers are the starter's, as on the whole response: nothing rebuilt here.
            for (int status : List.of(401, 405, 503)) {
                Reply whole = sandbox.get("/v1/simulate/" + status).send();
                Reply empty = sandbox.get("/v1/simulate/" + status + "?fault=empty").send();
                assertThat(empty.status()).isEqualTo(status);
                assertThat(empty.bytes()).isEmpty();
                assertThat(empty.header("Content-Length")).contains("0");
                for (String h : List.of("WWW-Authenticate", "Allow", "Retry-After", "Content-Type", "Cache-Control",
                        "X-Content-Type-Options", "Content-Language")) {
                    assertThat(empty.all(h)).as("%s of %d", h, status).isEqualTo(whole.all(h));
                }
            }
        }

        @Test
        void needsNoTokenAndHonoursAcceptLanguage() {
            Reply r = sandbox.get("/v1/simulate/404").header("Accept-Language", "fr-CA, en;q=0.5").send();
            ErrorCheck.of(r, 404, ErrorFormat.PARTNER_CENTER, SupportedLocales.FR_FR)
                    .description(l -> ExpectedTexts.status(404, l));
        }
    }

    private static String prefix(ErrorFormat format) {
        return format == ErrorFormat.PARTNER_API ? ApiPaths.PARTNER_API : ApiPaths.PARTNER_CENTER;
    }
}
