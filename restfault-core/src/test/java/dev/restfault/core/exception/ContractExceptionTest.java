package dev.restfault.core.exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.core.http.AuthChallenge;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.PartnerCenterError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractExceptionTest {

    private final ContractMessages messages = ContractMessages.builder()
            .addBundle("com.example.errors", getClass().getClassLoader()).build();

    @Test
    void createdWithoutAStackTraceOrSuppression() {
        ContractException e = ContractException.notFound("No customer 42.");
        assertThat(e.getStackTrace()).isEmpty();
        e.addSuppressed(new RuntimeException());
        assertThat(e.getSuppressed()).isEmpty();
        assertThat(e.fillInStackTrace().getStackTrace()).isEmpty();
    }

    @Test
    void factoriesCarryStatusCodeAndHeaders() {
        assertThat(ContractException.notFound("x").status()).isEqualTo(404);
        assertThat(ContractException.notFound("x").code()).isEqualTo("notFound");
        assertThat(ContractException.badRequest("x").status()).isEqualTo(400);
        assertThat(ContractException.forbidden("x").status()).isEqualTo(403);
        assertThat(ContractException.notImplemented("x").status()).isEqualTo(501);
        assertThat(ContractException.badGateway("x").status()).isEqualTo(502);
        assertThat(ContractException.gatewayTimeout("x").status()).isEqualTo(504);
        assertThat(ContractException.internalServerError().status()).isEqualTo(500);

        ContractException conflict = ContractException.conflict("domainTaken", "Taken.");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("domainTaken");

        assertThat(ContractException.tooManyRequests(Duration.ofSeconds(30)).headers())
                .containsExactly(Map.entry("Retry-After", "30"));
        assertThat(ContractException.tooManyRequests(null).headers()).isEmpty();
        assertThat(ContractException.serviceUnavailable(Duration.ofMillis(1500)).headers())
                .containsEntry("Retry-After", "2");
        assertThat(ContractException.unauthorized("abc").headers())
                .containsEntry("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:abc\"");
        assertThat(ContractException.unauthorized().challenge()).isEmpty();
        assertThat(ContractException.methodNotAllowed(List.of("get", "HEAD", "OPTIONS")).headers())
                .containsEntry("Allow", "GET, HEAD, OPTIONS");
        assertThat(ContractException.preconditionFailed("\"v7\"").headers()).containsEntry("ETag", "\"v7\"");
        assertThat(ContractException.preconditionFailed(null).headers()).isEmpty();
    }

    @Test
    void notAcceptableListsTheAvailableTypes() {
        ContractException e = ContractException.notAcceptable(List.of("application/json", "application/problem+json"));
        assertThat(e.data()).extracting(PartnerCenterError::description)
                .containsExactly("application/json", "application/problem+json");
        assertThat(e.toError(messages, SupportedLocales.EN_US, "svc").description())
                .isEqualTo("None of the media types in the Accept header can be produced. "
                        + "Available: application/json, application/problem+json.");
        assertThat(e.toError(messages, SupportedLocales.FR_FR, "svc").description()).startsWith("Aucun des types");
        assertThatThrownBy(() -> ContractException.notAcceptable(List.of())).hasMessage("availableMediaTypes must not be empty");
    }

    @Test
    void descriptionResolution() {
        // Explicit text wins, in every language.
        assertThat(ContractException.notFound("No customer 42.").toError(messages, SupportedLocales.JA_JP, "svc").description())
                .isEqualTo("No customer 42.");
        // Otherwise the application's text for the code, localized, with arguments.
        ContractException taken = ContractException.builder(409).code("domainTaken").arguments("contoso.com").build();
        assertThat(taken.toError(messages, SupportedLocales.FR_FR, "svc").description())
                .isEqualTo("Le domaine contoso.com est déjà utilisé.");
        // Otherwise the status default.
        PartnerCenterError e = ContractException.builder(404).build().toError(messages, SupportedLocales.ZH_TW, "svc");
        assertThat(e.description()).isEqualTo("要求的資源不存在。");
        assertThat(e.source()).isEqualTo("svc");
        assertThat(e.code()).isEqualTo("notFound");
        assertThat(ContractException.builder(404).source("customers").build()
                .toError(messages, SupportedLocales.EN_US, "svc").source()).isEqualTo("customers");
        assertThat(ContractException.builder(404).source(" ").build()
                .toError(messages, SupportedLocales.EN_US, "svc").source()).isEqualTo("svc");
        // No-break and zero-width spaces name nothing either (String.isBlank() lets them through).
        assertThat(ContractException.builder(404).source("\u00A0\uFEFF").build()
                .toError(messages, SupportedLocales.EN_US, "svc").source()).isEqualTo("svc");
    }

    @Test
    void describeReportsTheLanguageOfTheText() {
        ContractException taken = ContractException.builder(409).code("domainTaken").arguments("c.com").build();
        assertThat(taken.describe(messages, SupportedLocales.JA_JP).locale()).isEqualTo(SupportedLocales.EN_US);
        assertThat(taken.describe(messages, SupportedLocales.FR_FR).locale()).isEqualTo(SupportedLocales.FR_FR);
        assertThat(ContractException.notFound("Explicit.").describe(messages, SupportedLocales.ZH_TW).locale())
                .isEqualTo(SupportedLocales.ZH_TW);
        assertThat(ContractException.builder(404).build().describe(messages, SupportedLocales.ZH_TW).text())
                .isEqualTo("要求的資源不存在。");
    }

    @Test
    void headerInjectionIsRejectedAtConstruction() {
        assertThatThrownBy(() -> ContractException.builder(400).header("X-Test", "a\r\nSet-Cookie: x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
        assertThatThrownBy(() -> ContractException.builder(400).header("Bad Name", "v"))
                .hasMessage("header name must be a token");
        assertThatThrownBy(() -> ContractException.preconditionFailed("\"v\"\r\nX: y"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContractException.methodNotAllowed(List.of("GET\r\n")))
                .hasMessage("allowed method must be a token");
        assertThatThrownBy(() -> ContractException.unauthorized("a\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidConstructionFailsPrecisely() {
        assertThatThrownBy(() -> ContractException.builder(200)).hasMessage("status 200 is not an error status (400..599)");
        assertThatThrownBy(() -> ContractException.builder(405).build())
                .hasMessage("405 needs the allowed methods for the Allow header");
        assertThatThrownBy(() -> ContractException.builder(400).code(" ")).hasMessage("code must not be null or blank");
        assertThatThrownBy(() -> ContractException.builder(400).description("")).hasMessage("description must not be null or empty");
        assertThatThrownBy(() -> ContractException.tooManyRequests(Duration.ofSeconds(-1)))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> ContractException.builder(400).arguments("a", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theMessageIsForLogsAndTheCauseIsKept() {
        IllegalStateException cause = new IllegalStateException("db down");
        ContractException e = ContractException.builder(503).code("maintenance").description("Back soon.").cause(cause).build();
        assertThat(e.getMessage()).isEqualTo("503 maintenance: Back soon.");
        assertThat(e.getCause()).isSameAs(cause);
        assertThat(ContractException.builder(404).build().getMessage()).isEqualTo("404 notFound");
    }

    @Test
    void extraHeadersAndChallengeObjects() {
        ContractException e = ContractException.builder(401)
                .challenge(AuthChallenge.oauth("cid-1")).header("X-Extra", "1").build();
        assertThat(e.headers()).containsExactly(
                Map.entry("X-Extra", "1"), Map.entry("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:cid-1\""));
        assertThat(e.challenge()).get().extracting(c -> c.cid().orElseThrow()).isEqualTo("cid-1");
    }

    @Test
    void aServerCanGiveTheResolvedTextAndKeepEverythingElse() {
        ContractException e = ContractException.builder(400).code("tooBig").source("uploads")
                .addData(PartnerCenterError.of("max", "At most 10 MB.", "file")).build();
        PartnerCenterError body = e.toError(dev.restfault.core.i18n.LocalizedText.of("Texte du serveur.", SupportedLocales.FR_FR), "svc");
        assertThat(body.description()).isEqualTo("Texte du serveur.");
        assertThat(body.code()).isEqualTo("tooBig");
        assertThat(body.source()).isEqualTo("uploads");
        assertThat(body.data()).extracting(PartnerCenterError::source).containsExactly("file");
        // The two-step form gives what the one-step form gives.
        assertThat(e.toError(e.describe(messages, SupportedLocales.JA_JP), "svc"))
                .isEqualTo(e.toError(messages, SupportedLocales.JA_JP, "svc"));
        assertThatThrownBy(() -> e.toError((dev.restfault.core.i18n.LocalizedText) null, "svc"))
                .isInstanceOf(NullPointerException.class);
    }
}

