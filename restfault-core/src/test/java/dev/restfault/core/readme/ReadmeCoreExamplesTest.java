package dev.restfault.core.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.catalog.ErrorCategory;
import dev.restfault.core.catalog.RetryRule;
import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.AuthChallenge;
import dev.restfault.core.http.RequestIds;
import dev.restfault.core.http.RetryAfter;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.LocaleResolver;
import dev.restfault.core.model.PartnerCenterError;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The README's core examples, verbatim between the BEGIN/END markers, so they keep compiling and
 * keep telling the truth.
 */
class ReadmeCoreExamplesTest {

    @Test
    void catalog() {
        // README-BEGIN catalog
        StatusEntry entry = StatusCatalog.entry(409);
        entry.reasonPhrase();                                   // "Conflict"
        entry.reasonPhrase(Locale.forLanguageTag("zh-TW"));     // "衝突"
        entry.category();                                       // ErrorCategory.CONFLICT
        entry.retryRule().permits("POST", false, false);        // false: never retried
        StatusCatalog.entry(418).reasonPhrase();                // "Client error": never null
        // README-END catalog
        assertThat(entry.reasonPhrase()).isEqualTo("Conflict");
        assertThat(entry.reasonPhrase(Locale.forLanguageTag("zh-TW"))).isEqualTo("衝突");
        assertThat(entry.category()).isEqualTo(ErrorCategory.CONFLICT);
        assertThat(entry.retryRule()).isEqualTo(RetryRule.NEVER);
        assertThat(StatusCatalog.entry(418).reasonPhrase()).isEqualTo("Client error");
    }

    @Test
    void model() {
        // README-BEGIN model
        PartnerCenterError error = PartnerCenterError.builder()
                .code("invalidCustomer")
                .description("Two fields of the request body are invalid.")
                .source("customers")
                .addData(PartnerCenterError.of("missingField", "companyName is required.", "companyName"))
                .addData(PartnerCenterError.of("malformedField", "email is not an e-mail address.", "email"))
                .build();
        // A 5000-character description is cut to 1024 UTF-16 units, ending in "…", never split
        // inside a surrogate pair, a combining sequence or an emoji ZWJ sequence.
        String cut = PartnerCenterError.of("c", "説明".repeat(2500), "svc").description();
        // README-END model
        assertThat(error.data()).hasSize(2);
        assertThat(cut).hasSize(1024).endsWith("…");
        assertThat(error.toPartnerApi().details()).hasSize(2);
    }

    @Test
    void exceptions() {
        String id = "42";
        String domain = "contoso.com";
        // README-BEGIN exceptions
        ContractException notFound = ContractException.notFound("Customer " + id + " does not exist.");
        ContractException throttled = ContractException.tooManyRequests(Duration.ofSeconds(30)); // Retry-After: 30
        ContractException stale = ContractException.preconditionFailed("\"v7\"");                // ETag: "v7"
        // Localized: the description is the application's text for code.domainTaken, in the
        // request's language, with {0} = domain.
        ContractException taken = ContractException.builder(409).code("domainTaken").arguments(domain).build();
        // README-END exceptions
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(throttled.headers()).containsEntry("Retry-After", "30");
        assertThat(stale.headers()).containsEntry("ETag", "\"v7\"");
        assertThat(taken.code()).isEqualTo("domainTaken");
    }

    @Test
    void headers() {
        Instant now = Instant.now();
        // README-BEGIN headers
        String challenge = AuthChallenge.oauth("4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c").toHeaderValue();
        // OAuth realm="urn:cpsvc:cpid:4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c"
        Optional<String> cid = AuthChallenge.find("OAuth realm=urn:cpsvc:cpid:contoso", "OAuth")
                .flatMap(AuthChallenge::cid);                  // "contoso": the seed's unquoted form
        Optional<Duration> wait = RetryAfter.parse("Mon, 23 Nov 2026 12:01:30 GMT", now); // or "90"
        Optional<Duration> absurd = RetryAfter.parse("99999999", now);                      // empty: rejected
        String requestId = RequestIds.validOrNew("not-a-guid\r\n");                         // a fresh GUID
        // README-END headers
        assertThat(challenge).isEqualTo("OAuth realm=\"urn:cpsvc:cpid:4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c\"");
        assertThat(cid).contains("contoso");
        assertThat(wait).isNotNull();
        assertThat(absurd).isEmpty();
        assertThat(RequestIds.isValid(requestId)).isTrue();
    }

    @Test
    void localization() {
        // README-BEGIN localization
        Locale locale = LocaleResolver.defaults().resolve("ja-JP", "fr;q=0.9, en;q=0.5"); // ja-JP: X-Locale wins
        ContractMessages messages = ContractMessages.builder()
                .addBundle("com.example.errors", getClass().getClassLoader()) // errors_fr_FR.properties, UTF-8
                .build();
        String text = messages.describeCode("domainTaken", Locale.forLanguageTag("fr-FR"), "contoso.com")
                .orElseThrow();                                               // "Le domaine contoso.com est déjà utilisé."
        // README-END localization
        assertThat(locale).isEqualTo(Locale.forLanguageTag("ja-JP"));
        assertThat(text).isEqualTo("Le domaine contoso.com est déjà utilisé.");
    }
}
