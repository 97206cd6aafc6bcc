package dev.restfault.client;

import dev.restfault.client.testing.StubServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restfault.client.testing.StubServer.Reply;
import dev.restfault.client.retry.RetryPolicy;
import dev.restfault.core.catalog.ErrorCategory;
import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.core.model.ProblemDetail;
import dev.restfault.json.DecodedError;
import dev.restfault.json.ErrorBodyException.Reason;
import dev.restfault.json.ErrorReader;
import dev.restfault.json.ErrorWriter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every body shape of docs/contract.md (section Wire formats) and every status of the catalog,
 * served by a real {@code HttpServer} on loopback and decoded by a {@link RestfaultClient} into a
 * {@link ContractErrorException}.
 */
class DecodingTest {

    private static final String JSON = "application/json; charset=utf-8";
    private static final ErrorWriter WRITER = ErrorWriter.standard();

    /** The reply for the next request, keyed by path. */
    private static final ConcurrentHashMap<String, Reply> REPLIES = new ConcurrentHashMap<>();
    private static StubServer server;
    private static RestfaultClient client;

    @BeforeAll
    static void start() throws IOException {
        server = StubServer.start(r -> REPLIES.getOrDefault(r.uri().getPath(), Reply.of(500)));
        client = RestfaultClient.builder().retryPolicy(RetryPolicy.never())
                .requestTimeout(Duration.ofSeconds(5)).bodyTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static ContractErrorException call(String path, Reply reply) {
        return call(client, path, reply);
    }

    private static ContractErrorException call(RestfaultClient c, String path, Reply reply) {
        REPLIES.put(path, reply);
        return catchThrowableOfType(ContractErrorException.class,
                () -> c.send(HttpRequest.newBuilder(server.uri(path + "?token=secret")).GET().build()));
    }

    // ---- every status of the catalog ----

    static Stream<StatusEntry> catalog() {
        List<StatusEntry> all = new ArrayList<>(StatusCatalog.entries());
        all.add(StatusCatalog.entry(418)); // unknown 4xx: built from the class
        all.add(StatusCatalog.entry(599)); // unknown 5xx
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void everyCatalogStatusDecodes(StatusEntry entry) {
        String description = entry.description(Locale.US);
        PartnerCenterError body = PartnerCenterError.of(entry.defaultCode(), description, "restfault-test");
        Reply reply = Reply.of(entry.status(), JSON, WRITER.writePartnerCenter(body));
        if (entry.status() == 405) {
            reply = reply.with("Allow", "GET, HEAD");
        }

        ContractErrorException e = call("/status/" + entry.status(), reply);

        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(entry.status());
        assertThat(e.entry().status()).isEqualTo(entry.status());
        assertThat(e.category()).isEqualTo(entry.category());
        assertThat(e.retryRule()).isEqualTo(entry.retryRule());
        assertThat(e.code()).isEqualTo(entry.defaultCode());
        assertThat(e.codeFromBody()).isTrue();
        assertThat(e.description()).contains(description);
        assertThat(e.source()).contains("restfault-test");
        assertThat(e.bodyFailure()).isEmpty();
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.uri().getPath()).isEqualTo("/status/" + entry.status());
        assertThat(e.getMessage()).startsWith("HTTP " + entry.status() + " " + entry.reasonPhrase())
                .doesNotContain("token=secret");
    }

    // ---- the three contract formats ----

    @Test
    void partnerCenterWithDataAndNumericCode() {
        PartnerCenterError error = PartnerCenterError.builder().code("invalidCustomer")
                .description("The customer is invalid.").source("Customers")
                .addData(PartnerCenterError.of("required", "companyName is required.", "companyName"))
                .addData(PartnerCenterError.of("tooLong", "email is too long.", "email"))
                .build();
        ContractErrorException e = call("/pc", Reply.of(400, JSON, WRITER.writePartnerCenter(error)));
        assertThat(e.code()).isEqualTo("invalidCustomer");
        assertThat(e.description()).contains("The customer is invalid.");
        assertThat(e.source()).contains("Customers");
        assertThat(e.data()).extracting(PartnerCenterError::source).containsExactly("companyName", "email");
        assertThat(e.error()).map(DecodedError::shape).contains(DecodedError.Shape.PARTNER_CENTER);
        assertThat(e.toPartnerCenter(Locale.US)).isEqualTo(error);

        // Real Partner Center responses send the code as a number.
        ContractErrorException n = call("/pc-number", Reply.text(400, JSON,
                "{\"code\": 1002, \"description\": \"Domain already exists.\", \"source\": \"PartnerCenter\"}"));
        assertThat(n.code()).isEqualTo("1002");
        assertThat(n.description()).contains("Domain already exists.");
    }

    @Test
    void partnerApiWithDeepestInnerErrorAndDetails() {
        String body = "{\"error\":{\"code\":\"BadArgument\",\"message\":\"The request is invalid.\",\"target\":\"order\","
                + "\"innerError\":{\"code\":\"outer\",\"message\":\"m1\",\"innerError\":{\"code\":\"deepest\",\"message\":\"m2\"}},"
                + "\"details\":[{\"code\":\"required\",\"message\":\"quantity is required\",\"target\":\"quantity\"}]}}";
        ContractErrorException e = call("/api", Reply.text(400, JSON, body));
        assertThat(e.code()).isEqualTo("BadArgument");
        assertThat(e.description()).contains("The request is invalid.");
        assertThat(e.source()).contains("order");
        assertThat(e.innerError()).hasValueSatisfying(inner -> {
            assertThat(inner.code()).contains("deepest");
            assertThat(inner.message()).contains("m2");
        });
        assertThat(e.data()).extracting(PartnerCenterError::source).containsExactly("quantity");
        assertThat(e.getMessage()).contains("inner error deepest");

        // The lower-case spelling some services use.
        ContractErrorException lower = call("/api-lower", Reply.text(409, JSON,
                "{\"error\":{\"code\":\"Conflict\",\"message\":\"busy\",\"innererror\":{\"code\":\"locked\"}}}"));
        assertThat(lower.innerError()).hasValueSatisfying(i -> assertThat(i.code()).contains("locked"));
    }

    @Test
    void problemDetails() {
        ProblemDetail problem = ProblemDetail.builder().title("Not found").status(404)
                .detail("Customer 42 does not exist.").code("customerNotFound").source("Customers").build();
        ContractErrorException e = call("/problem", Reply.of(404, "application/problem+json", WRITER.writeProblem(problem)));
        assertThat(e.code()).isEqualTo("customerNotFound");
        assertThat(e.description()).contains("Customer 42 does not exist.");
        assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND);
        assertThat(e.error()).flatMap(DecodedError::problem).isPresent();

        byte[] viaFormat = WRITER.write(ErrorFormat.PROBLEM_DETAILS,
                PartnerCenterError.of("quotaExceeded", "Quota exceeded.", "Billing"), 403, "Forbidden");
        ContractErrorException f = call("/problem2", Reply.of(403, "application/problem+json", viaFormat));
        assertThat(f.code()).isEqualTo("quotaExceeded");
        assertThat(f.source()).contains("Billing");
    }

    @Test
    void throttlingBodyWithRetryAfter() {
        ContractErrorException e = call("/throttle", Reply.text(429, JSON,
                "{\"statusCode\": 429, \"message\": \"Rate limit is exceeded. Try again in 7 seconds.\"}")
                .with("Retry-After", "7"));
        assertThat(e.code()).isEqualTo("tooManyRequests");
        assertThat(e.codeFromBody()).isFalse();
        assertThat(e.description()).contains("Rate limit is exceeded. Try again in 7 seconds.");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.category()).isEqualTo(ErrorCategory.TOO_MANY_REQUESTS);
        assertThat(e.getMessage()).contains("retry after 7s");
    }

    // ---- bodies that are not contract errors ----

    @Test
    void emptyBody() {
        ContractErrorException e = call("/empty", Reply.of(503));
        assertThat(e.bodyFailure()).contains(Reason.EMPTY);
        assertThat(e.body().isEmpty()).isTrue();
        assertThat(e.code()).isEqualTo("serviceUnavailable");
        assertThat(e.codeFromBody()).isFalse();
        assertThat(e.description()).isEmpty();
        assertThat(e.getMessage()).contains("HTTP 503 Service unavailable").contains("no body");
        assertThat(e.toPartnerCenter(Locale.US).description()).isEqualTo(StatusCatalog.entry(503).description(Locale.US));
    }

    @Test
    void htmlFromAGateway() {
        String html = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>\n"
                + "<p>secret internal host name</p></body></html>";
        ContractErrorException e = call("/html", Reply.text(502, "text/html", html));
        assertThat(e.bodyFailure()).contains(Reason.NOT_JSON);
        assertThat(e.category()).isEqualTo(ErrorCategory.BAD_GATEWAY);
        assertThat(e.body().text()).isEqualTo(html);
        assertThat(e.body().mediaType()).contains("text/html");
        assertThat(e.getMessage()).contains("body not understood (NOT_JSON")
                .doesNotContain("<html>").doesNotContain("secret internal");
        assertThat(e.toString()).doesNotContain("<html>");
    }

    @Test
    void plainText() {
        ContractErrorException e = call("/text", Reply.text(500, "text/plain", "Something broke"));
        assertThat(e.bodyFailure()).contains(Reason.NOT_JSON);
        assertThat(e.body().text()).isEqualTo("Something broke");
        assertThat(e.code()).isEqualTo("internalServerError");
    }

    @Test
    void truncatedAndMalformedJson() {
        ContractErrorException t = call("/truncated", Reply.text(500, JSON, "{\"code\":\"boom\",\"descr"));
        assertThat(t.bodyFailure()).contains(Reason.TRUNCATED);
        assertThat(t.code()).isEqualTo("internalServerError");

        ContractErrorException m = call("/malformed", Reply.text(400, JSON, "{\"code\": boom}"));
        assertThat(m.bodyFailure()).contains(Reason.MALFORMED);
        assertThat(m.body().text()).isEqualTo("{\"code\": boom}");

        ContractErrorException notError = call("/array", Reply.text(400, JSON, "[1, 2, 3]"));
        assertThat(notError.bodyFailure()).contains(Reason.NOT_AN_ERROR);
    }

    @Test
    void wrongOrMissingContentType() {
        byte[] body = WRITER.writePartnerCenter(PartnerCenterError.of("wrongType", "Served as text.", "svc"));
        ContractErrorException wrong = call("/wrong-type", Reply.of(409, "text/plain", body));
        assertThat(wrong.code()).isEqualTo("wrongType");
        assertThat(wrong.body().mediaType()).contains("text/plain");

        ContractErrorException missing = call("/no-type", Reply.of(409, null, body));
        assertThat(missing.code()).isEqualTo("wrongType");
        assertThat(missing.body().mediaType()).isEmpty();
        assertThat(missing.body().charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void declaredCharsetIsHonoured() {
        byte[] latin1 = "{\"code\":\"accent\",\"description\":\"Caf\u00e9 ferm\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        ContractErrorException e = call("/latin1", Reply.of(400, "application/json; charset=ISO-8859-1", latin1));
        assertThat(e.description()).contains("Caf\u00e9 ferm\u00e9");
        assertThat(e.body().charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(e.body().charsetDeclared()).isTrue();
        assertThat(e.body().text()).contains("Caf\u00e9");

        ContractErrorException unknown = call("/bogus-charset", Reply.of(400, "application/json; charset=x-bogus-1",
                "{\"code\":\"c\",\"description\":\"d\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(unknown.code()).isEqualTo("c");
        assertThat(unknown.body().charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(unknown.body().charsetDeclared()).isFalse();
    }

    @Test
    void bodyLargerThanTheCapIsCutAndStillDecodes() {
        try (RestfaultClient small = RestfaultClient.builder().retryPolicy(RetryPolicy.never())
                .errorDecoder(ErrorDecoder.create(ErrorReader.standard(), 1024)).build()) {
            String big = "{\"code\":\"big\",\"description\":\"" + "x".repeat(5000) + "\"}";
            ContractErrorException e = call(small, "/big", Reply.text(500, JSON, big));
            assertThat(e.body().size()).isEqualTo(1024);
            assertThat(e.body().truncated()).isTrue();
            assertThat(e.body().timedOut()).isFalse();
            assertThat(e.bodyFailure()).contains(Reason.TRUNCATED);
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.getMessage()).contains("1024 bytes").contains("truncated").doesNotContain("xxxxxxxx");
        }
    }

    // ---- headers ----

    @Test
    void challengeIdsAndContentLanguage() {
        String rid = "0f8fad5b-d9cb-469f-a165-70867728950e";
        String cid = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
        ContractErrorException e = call("/401", Reply.text(401, JSON,
                "{\"code\":\"unauthorized\",\"description\":\"Le jeton a expir\u00e9.\",\"source\":\"auth\"}")
                .with("WWW-Authenticate", "Bearer error=\"invalid_token\", OAuth realm=\"urn:cpsvc:cpid:1234-abcd\"")
                .with("MS-RequestId", rid)
                .with("MS-CorrelationId", cid)
                .with("Content-Language", "fr-FR"));
        assertThat(e.challenge()).hasValueSatisfying(c -> {
            assertThat(c.scheme()).isEqualTo("OAuth");
            assertThat(c.realm()).contains("urn:cpsvc:cpid:1234-abcd");
            assertThat(c.cid()).contains("1234-abcd");
        });
        assertThat(e.challenges()).hasSize(2);
        assertThat(e.requestId()).contains(rid);
        assertThat(e.correlationId()).contains(cid);
        assertThat(e.contentLanguage()).contains(Locale.FRANCE);
        assertThat(e.getMessage()).contains("challenge OAuth cid 1234-abcd").contains(rid);

        // The seed's unquoted realm is accepted too; an invalid echoed id is ignored.
        ContractErrorException unquoted = call("/401b", Reply.of(401)
                .with("WWW-Authenticate", "OAuth realm=urn:cpsvc:cpid:seed-cid")
                .with("MS-RequestId", "not-a-guid\u0007"));
        assertThat(unquoted.challenge()).flatMap(c -> c.cid()).contains("seed-cid");
        assertThat(unquoted.requestId()).isEqualTo(unquoted.request().requestId());
        assertThat(unquoted.requestId().orElseThrow()).doesNotContain("not-a-guid");

        ContractErrorException malformed = call("/401c", Reply.of(401).with("WWW-Authenticate", "OAuth realm=\"unterminated"));
        assertThat(malformed.challenge()).isEmpty();
        assertThat(malformed.status()).isEqualTo(401);
    }

    @Test
    void decoderWorksOnResponsesFromPlainHttpClient() throws Exception {
        REPLIES.put("/plain", Reply.text(404, JSON, "{\"code\":\"missing\",\"description\":\"Gone fishing.\"}"));
        HttpClient http = HttpClient.newHttpClient();
        String rid = "16fd2706-8baf-433b-82eb-8c7fada847da";
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(server.uri("/plain"))
                .header("MS-RequestId", rid).header("MS-CorrelationId", "bogus").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        ContractErrorException e = ErrorDecoder.standard().decode(response);
        assertThat(e.code()).isEqualTo("missing");
        assertThat(e.request().requestId()).contains(rid);
        assertThat(e.request().correlationId()).isEmpty();
        assertThat(e.retryStop()).isEmpty();
    }

    @Test
    void asyncPathDecodesTheSame() throws Exception {
        REPLIES.put("/async", Reply.text(412, JSON, "{\"code\":\"etagMismatch\",\"description\":\"Stale.\"}")
                .with("ETag", "\"v7\""));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        client.sendAsync(HttpRequest.newBuilder(server.uri("/async")).PUT(HttpRequest.BodyPublishers.ofString("{}")).build())
                .handle((r, t) -> {
                    failure.set(t);
                    return null;
                }).get();
        assertThat(failure.get()).isInstanceOf(ContractErrorException.class);
        ContractErrorException e = (ContractErrorException) failure.get();
        assertThat(e.code()).isEqualTo("etagMismatch");
        assertThat(e.category()).isEqualTo(ErrorCategory.PRECONDITION_FAILED);
        assertThat(e.headers().firstValue("ETag")).contains("\"v7\"");
        assertThat(e.method()).isEqualTo("PUT");
    }
}
