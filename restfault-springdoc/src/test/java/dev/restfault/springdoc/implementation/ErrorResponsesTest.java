package dev.restfault.springdoc.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.http.AuthChallenge;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.server.ErrorRenderer;
import dev.restfault.springdoc.OperationSecurity;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which error responses an operation gets, and what they hold, from its facts. */
class ErrorResponsesTest {

    private static final ErrorResponses RESPONSES = new ErrorResponses(
            MvcRenderers.of(MvcRenderers.properties("orders", Map.of("/partner", ErrorFormat.PARTNER_API), true)),
            new WebMvcFailures(), Set.of(429, 503), true);

    private static OperationFacts facts(String path, String method, boolean body, boolean params, List<String> produces,
            OperationSecurity security, List<OperationFacts.DeclaredError> declared) {
        return new OperationFacts(path, method, path.contains("{"), body, body ? List.of("application/json") : List.of(),
                params, produces, List.of("GET", "HEAD", "OPTIONS"), security, declared, false, false);
    }

    @Test
    void aPlainReadGetsOnlyWhatCanHappenToIt() {
        Map<String, ApiResponse> r = RESPONSES.responses(facts("/orders", "GET", false, false, List.of(),
                OperationSecurity.NONE, List.of()));
        assertThat(r.keySet()).containsExactly("405", "429", "500", "503");
    }

    @Test
    void eachFactBringsItsStatus() {
        Map<String, ApiResponse> r = RESPONSES.responses(facts("/orders/{id}", "PUT", true, false, List.of("application/json"),
                new OperationSecurity(true, true), List.of(new OperationFacts.DeclaredError(409, List.of("orderLocked", "orderShipped"), "Locked."),
                        new OperationFacts.DeclaredError(5, List.of(), ""))));
        assertThat(r.keySet()).containsExactly("400", "401", "403", "404", "405", "406", "409", "415", "429", "500", "503", "5XX");
        assertThat(r.get("409").getDescription()).isEqualTo("Conflict. Locked. Codes: orderLocked, orderShipped.");
        assertThat(r.get("409").getContent().get("application/json").getExamples()).containsOnlyKeys("orderLocked", "orderShipped");
        assertThat(r.get("401").getHeaders()).containsOnlyKeys("MS-CorrelationId", "MS-RequestId", "WWW-Authenticate",
                "Cache-Control", "X-Content-Type-Options", "Content-Language");
        assertThat(r.get("405").getHeaders()).containsKey("Allow");
        assertThat(r.get("429").getHeaders()).containsKey("Retry-After");
        assertThat(r.get("5XX").getContent().get("application/json").getExamples()).isNull();
    }

    @Test
    void aParameterThatCanBeBadIsA400WithoutA415() {
        Map<String, ApiResponse> r = RESPONSES.responses(facts("/orders", "GET", false, true, List.of("application/json"),
                OperationSecurity.NONE, List.of()));
        assertThat(r.keySet()).contains("400", "406").doesNotContain("415", "404");
    }

    /** The examples are the bytes restfault writes, in the path's format and as problem details. */
    @Test
    void examplesAreWhatTheWriterWrites() throws Exception {
        Map<String, ApiResponse> r = RESPONSES.responses(facts("/partner/orders/{id}", "GET", false, false,
                List.of("application/json"), OperationSecurity.NONE, List.of()));
        MediaType json = r.get("404").getContent().get("application/json");
        assertThat(json.getSchema().get$ref()).isEqualTo("#/components/schemas/PartnerApiError");
        assertThat(Json31.mapper().writeValueAsString(json.getExamples().get("notFound").getValue()))
                .isEqualTo("{\"error\":{\"code\":\"notFound\",\"message\":\"The requested resource does not exist.\",\"target\":\"orders\"}}");
        MediaType problem = r.get("405").getContent().get("application/problem+json");
        assertThat(Json31.mapper().writeValueAsString(problem.getExamples().get("methodNotAllowed").getValue()))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Method not allowed\",\"status\":405,"
                        + "\"detail\":\"The resource does not support this method. Allowed: GET, HEAD, OPTIONS.\","
                        + "\"code\":\"methodNotAllowed\",\"source\":\"orders\"}");
        String internal = Json31.mapper().writeValueAsString(r.get("500").getContent().get("application/json")
                .getExamples().get("internalServerError").getValue());
        assertThat(internal).contains(ErrorResponses.EXAMPLE_REQUEST_ID).doesNotContain("Exception");
        assertThat(Json31.mapper().writeValueAsString(r.get("406").getContent().get("application/json")
                .getExamples().get("notAcceptable").getValue())).contains("\"code\":\"availableMediaType\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOperationThatPicksItsFormatDocumentsEveryFormat() {
        OperationFacts f = new OperationFacts("/simulate/{s}", "GET", true, false, List.of(), true, List.of(),
                List.of("GET"), OperationSecurity.NONE, List.of(), false, true);
        MediaType json = RESPONSES.responses(f).get("500").getContent().get("application/json");
        List<String> refs = ((List<io.swagger.v3.oas.models.media.Schema<?>>) (List<?>) json.getSchema().getOneOf()).stream()
                .map(io.swagger.v3.oas.models.media.Schema::get$ref).toList();
        assertThat(refs)
                .containsExactly("#/components/schemas/PartnerCenterError", "#/components/schemas/PartnerApiError");
        assertThat(json.getExamples()).containsOnlyKeys("internalServerError (Partner Center)", "internalServerError (Partner API)");
        assertThat(RESPONSES.family(f)).isEqualTo("AnyFormat");
    }

    @Test
    void anOperationThatOptedOutGetsNothing() {
        OperationFacts f = new OperationFacts("/legacy", "GET", false, true, List.of(), true, List.of("application/json"),
                List.of("GET"), new OperationSecurity(true, true), List.of(), true, false);
        assertThat(RESPONSES.responses(f)).isEmpty();
    }

    @Test
    void withoutProblemDetailsOrExamplesThereIsLess() {
        ErrorResponses plain = new ErrorResponses(MvcRenderers.of(MvcRenderers.properties("orders", Map.of(), false)),
                new WebMvcFailures(), Set.of(), false);
        Map<String, ApiResponse> r = plain.responses(facts("/orders", "GET", false, false, List.of(), OperationSecurity.NONE, List.of()));
        assertThat(r.keySet()).containsExactly("405", "500");
        assertThat(r.get("500").getContent()).containsOnlyKeys("application/json");
        assertThat(r.get("500").getContent().get("application/json").getExamples()).isNull();
    }

    /** A failure the renderer has no translation for would be a 500: its own status is not documented. */
    @Test
    void whatTheRendererDoesNotAnswerIsNotDocumented() {
        ErrorResponses bare = new ErrorResponses(ErrorRenderer.builder("orders").build(), new WebMvcFailures(), Set.of(), true);
        Map<String, ApiResponse> r = bare.responses(facts("/orders/{id}", "PUT", true, false, List.of("application/json"),
                new OperationSecurity(true, false), List.of()));
        assertThat(r.keySet()).containsExactly("401", "404", "500");
    }

    /** The language, the source and the challenge are the renderer's: its configuration is the document's. */
    @Test
    void theRenderersConfigurationIsTheDocuments() throws Exception {
        ErrorRenderer french = ErrorRenderer.builder("commandes").supportedLocales(List.of(SupportedLocales.FR_FR))
                .challenge(AuthChallenge.oauth("5a4db0c5-0000-4000-8000-000000000001")).build();
        ErrorResponses responses = new ErrorResponses(french, new WebMvcFailures(), Set.of(), true);
        ApiResponse unauthorized = responses.responses(facts("/orders", "GET", false, false, List.of(),
                new OperationSecurity(true, false), List.of())).get("401");
        assertThat(unauthorized.getHeaders().get("Content-Language").getExample()).isEqualTo("fr-FR");
        assertThat(Json31.mapper().writeValueAsString(unauthorized.getContent().get("application/json").getExamples()
                .get("unauthorized").getValue())).contains("\"source\":\"commandes\"").contains("Une authentification est requise.");
        assertThat(responses.challenge()).contains("OAuth realm=\"urn:cpsvc:cpid:5a4db0c5-0000-4000-8000-000000000001\"");
    }

    /** An operation that picks its format per request can pick problem details even where Accept cannot get them. */
    @Test
    void anOperationThatPicksItsFormatCanPickProblemDetailsEvenWhenTheyAreOff() {
        ErrorResponses off = new ErrorResponses(MvcRenderers.of(MvcRenderers.properties("orders", Map.of(), false)),
                new WebMvcFailures(), Set.of(), true);
        OperationFacts f = new OperationFacts("/simulate/{s}", "GET", true, false, List.of(), false, List.of(),
                List.of("GET"), OperationSecurity.NONE, List.of(), false, true);
        assertThat(off.responses(f).get("500").getContent()).containsOnlyKeys("application/json", "application/problem+json");
        assertThat(off.responses(facts("/orders", "GET", false, false, List.of(), OperationSecurity.NONE, List.of()))
                .get("500").getContent()).containsOnlyKeys("application/json");
    }
}
