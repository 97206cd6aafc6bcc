package dev.restfault.client.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.client.ContractErrorException;
import dev.restfault.client.testing.StubServer.Reply;
import dev.restfault.core.catalog.ErrorCategory;
import dev.restfault.json.ErrorBodyException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The scenario matrix every client integration runs: each body shape an error response comes
 * in (the three contract formats, the gateway's throttling body, HTML, text, empty, truncated or
 * malformed JSON, JSON that is not an error, a wrong or missing {@code Content-Type}, a declared
 * charset) with the {@link ErrorFacts} its {@link ContractErrorException} must carry, whatever
 * the transport. restfault-client runs it through {@code RestfaultClient}; the Spring and
 * OpenFeign integrations run the same list, so "the same exception" is checked, not assumed.
 */
public final class ErrorShapes {

    /** One scenario: what the server answers, and what the exception must say. */
    public record Shape(String name, Reply reply, ErrorFacts expected, String echoedRequestId) {
        @Override
        public String toString() {
            return name;
        }

        /** Asserts everything the shape promises, including the echoed id when there is one. */
        public void assertDecoded(ContractErrorException e) {
            assertThat(e).as(name).isNotNull();
            assertThat(ErrorFacts.of(e)).as(name).isEqualTo(expected);
            if (echoedRequestId != null) {
                assertThat(e.requestId()).as(name + ": echoed MS-RequestId").contains(echoedRequestId);
            } else {
                assertThat(e.requestId()).as(name + ": the MS-RequestId sent").isEqualTo(e.request().requestId());
            }
            // One line, nothing of the body beyond the decoded description.
            assertThat(e.getMessage()).as(name).startsWith("HTTP " + expected.status()).doesNotContain("\n")
                    .doesNotContain("<html>");
        }
    }

    public static final String JSON = "application/json; charset=utf-8";
    public static final String ECHOED_REQUEST_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String ECHOED_CORRELATION_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    private ErrorShapes() {
    }

    /** Every shape; each has its own path under {@code /shape/}. */
    public static List<Shape> all() {
        String pc = "{\"code\":\"invalidCustomer\",\"description\":\"The customer is invalid.\",\"data\":["
                + "{\"code\":\"required\",\"description\":\"companyName is required.\",\"source\":\"companyName\"},"
                + "{\"code\":\"tooLong\",\"description\":\"email is too long.\",\"source\":\"email\"}],\"source\":\"Customers\"}";
        String numeric = "{\"code\": 1002, \"description\": \"Domain already exists.\", \"source\": \"PartnerCenter\"}";
        String api = "{\"error\":{\"code\":\"BadArgument\",\"message\":\"The request is invalid.\",\"target\":\"order\","
                + "\"innerError\":{\"code\":\"outer\",\"message\":\"m1\",\"innerError\":{\"code\":\"deepest\",\"message\":\"m2\"}},"
                + "\"details\":[{\"code\":\"required\",\"message\":\"quantity is required\",\"target\":\"quantity\"}]}}";
        String problem = "{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,"
                + "\"detail\":\"Customer 42 does not exist.\",\"code\":\"customerNotFound\",\"source\":\"Customers\"}";
        String throttle = "{\"statusCode\": 429, \"message\": \"Rate limit is exceeded. Try again in 7 seconds.\"}";
        String html = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>\n"
                + "<p>secret internal host name</p></body></html>";
        String truncated = "{\"code\":\"boom\",\"descr";
        String malformed = "{\"code\": boom}";
        String wrongType = "{\"code\":\"wrongType\",\"description\":\"Served as text.\",\"source\":\"svc\"}";
        String latin1 = "{\"code\":\"accent\",\"description\":\"Caf\u00e9 ferm\u00e9\"}";
        String challenge = "{\"code\":\"unauthorized\",\"description\":\"Le jeton a expir\u00e9.\",\"source\":\"auth\"}";
        return List.of(
                new Shape("partner-center", Reply.text(400, JSON, pc),
                        facts(400, ErrorCategory.BAD_INPUT, "invalidCustomer", true, "The customer is invalid.", "Customers",
                                List.of("required", "tooLong"), List.of("companyName", "email"), null, null, null, pc,
                                "application/json", null, null), null),
                new Shape("numeric-code", Reply.text(400, JSON, numeric),
                        facts(400, ErrorCategory.BAD_INPUT, "1002", true, "Domain already exists.", "PartnerCenter",
                                List.of(), List.of(), null, null, null, numeric, "application/json", null, null), null),
                new Shape("partner-api", Reply.text(400, JSON, api),
                        facts(400, ErrorCategory.BAD_INPUT, "BadArgument", true, "The request is invalid.", "order",
                                List.of("required"), List.of("quantity"), "deepest", null, null, api, "application/json",
                                null, null), null),
                new Shape("problem-details", Reply.text(404, "application/problem+json", problem),
                        facts(404, ErrorCategory.NOT_FOUND, "customerNotFound", true, "Customer 42 does not exist.",
                                "Customers", List.of(), List.of(), null, null, null, problem, "application/problem+json",
                                null, null), null),
                new Shape("throttling-body", Reply.text(429, JSON, throttle).with("Retry-After", "7"),
                        facts(429, ErrorCategory.TOO_MANY_REQUESTS, "tooManyRequests", false,
                                "Rate limit is exceeded. Try again in 7 seconds.", null, List.of(), List.of(), null, null,
                                Duration.ofSeconds(7), throttle, "application/json", null, null), null),
                new Shape("empty", Reply.of(503),
                        facts(503, ErrorCategory.SERVER_BUSY, "serviceUnavailable", false, null, null, List.of(),
                                List.of(), null, Reason.EMPTY, null, "", null, null, null), null),
                new Shape("html", Reply.text(502, "text/html", html),
                        facts(502, ErrorCategory.BAD_GATEWAY, "badGateway", false, null, null, List.of(), List.of(), null,
                                Reason.NOT_JSON, null, html, "text/html", null, null), null),
                new Shape("text", Reply.text(500, "text/plain", "Something broke"),
                        facts(500, ErrorCategory.SERVER_ERROR, "internalServerError", false, null, null, List.of(),
                                List.of(), null, Reason.NOT_JSON, null, "Something broke", "text/plain", null, null), null),
                new Shape("truncated-json", Reply.text(500, JSON, truncated),
                        facts(500, ErrorCategory.SERVER_ERROR, "internalServerError", false, null, null, List.of(),
                                List.of(), null, Reason.TRUNCATED, null, truncated, "application/json", null, null), null),
                new Shape("malformed-json", Reply.text(400, JSON, malformed),
                        facts(400, ErrorCategory.BAD_INPUT, "badRequest", false, null, null, List.of(), List.of(), null,
                                Reason.MALFORMED, null, malformed, "application/json", null, null), null),
                new Shape("not-an-error", Reply.text(400, JSON, "[1, 2, 3]"),
                        facts(400, ErrorCategory.BAD_INPUT, "badRequest", false, null, null, List.of(), List.of(), null,
                                Reason.NOT_AN_ERROR, null, "[1, 2, 3]", "application/json", null, null), null),
                new Shape("wrong-content-type", Reply.text(409, "text/plain", wrongType),
                        facts(409, ErrorCategory.CONFLICT, "wrongType", true, "Served as text.", "svc", List.of(), List.of(),
                                null, null, null, wrongType, "text/plain", null, null), null),
                new Shape("no-content-type", Reply.text(409, null, wrongType),
                        facts(409, ErrorCategory.CONFLICT, "wrongType", true, "Served as text.", "svc", List.of(), List.of(),
                                null, null, null, wrongType, null, null, null), null),
                new Shape("latin-1", Reply.of(400, "application/json; charset=ISO-8859-1", latin1.getBytes(StandardCharsets.ISO_8859_1)),
                        facts(400, ErrorCategory.BAD_INPUT, "accent", true, "Caf\u00e9 ferm\u00e9", null, List.of(), List.of(),
                                null, null, null, latin1, "application/json", null, null), null),
                new Shape("challenge-and-ids", Reply.text(401, JSON, challenge)
                        .with("WWW-Authenticate", "Bearer error=\"invalid_token\", OAuth realm=\"urn:cpsvc:cpid:1234-abcd\"")
                        .with("MS-RequestId", ECHOED_REQUEST_ID)
                        .with("MS-CorrelationId", ECHOED_CORRELATION_ID)
                        .with("Content-Language", "fr-FR"),
                        facts(401, ErrorCategory.UNAUTHORIZED, "unauthorized", true, "Le jeton a expir\u00e9.", "auth",
                                List.of(), List.of(), null, null, null, challenge, "application/json", "1234-abcd",
                                Locale.FRANCE), ECHOED_REQUEST_ID));
    }

    private static ErrorFacts facts(int status, ErrorCategory category, String code, boolean codeFromBody, String description,
            String source, List<String> dataCodes, List<String> dataSources, String inner, Reason failure, Duration retryAfter,
            String bodyText, String mediaType, String cid, Locale language) {
        return new ErrorFacts(status, category, code, codeFromBody, description, source, dataCodes, dataSources, inner,
                failure, retryAfter, bodyText, false, false, mediaType, cid, language);
    }
}
