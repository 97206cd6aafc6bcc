package dev.restfault.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.json.ErrorWriter;
import dev.restfault.spring.implementation.AcceptPreference;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.util.unit.DataSize;

/** The public types' handling of null, empty, malformed and hostile input, without a server. */
class PublicApiTest {

    private static RestfaultProperties properties(String cid, ErrorFormat format, Map<String, ErrorFormat> formats,
            List<Locale> locales) {
        return new RestfaultProperties(true, null, new RestfaultProperties.Challenge(cid), format, formats, true, locales,
                true, RestfaultProperties.DEFAULT_FILTER_ORDER);
    }

    @Test
    void propertiesRejectWhatWouldBreakAResponseAtStartup() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RestfaultProperties.Challenge("cid\r\nSet-Cookie: x"))
                .withMessageContaining("restfault.challenge.cid").withMessageNotContaining("Set-Cookie");
        assertThatIllegalArgumentException().isThrownBy(() -> new RestfaultProperties.Challenge("a\"b"));
        assertThatIllegalArgumentException().isThrownBy(() -> new RestfaultProperties.Challenge("x".repeat(257)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(null, ErrorFormat.PROBLEM_DETAILS, Map.of(), null))
                .withMessageContaining("restfault.format");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(null, null, Map.of("legacy", ErrorFormat.PARTNER_API), null))
                .withMessageContaining("restfault.formats");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(null, null, Map.of(), List.of(Locale.ROOT)))
                .withMessageContaining("restfault.supported-locales");
    }

    @Test
    void propertiesDefaultWhatIsMissing() {
        RestfaultProperties p = properties("", null, null, null);
        assertThat(p.challenge().cid()).isNull();
        assertThat(p.challenge().toChallenge().toHeaderValue()).isEqualTo("OAuth");
        assertThat(p.format()).isEqualTo(ErrorFormat.PARTNER_CENTER);
        assertThat(p.formats()).isEmpty();
        assertThat(p.supportedLocales()).isEqualTo(SupportedLocales.ALL);
        assertThat(properties(null, null, Map.of("/v1/legacy/", ErrorFormat.PARTNER_API), null).formats())
                .containsOnlyKeys("/v1/legacy");
        assertThat(new RestfaultProperties.Challenge("abc").toChallenge().toHeaderValue())
                .isEqualTo("OAuth realm=\"urn:cpsvc:cpid:abc\"");
        assertThat(RestfaultProperties.defaults().enabled()).isTrue();
    }

    /** Tomcat's maxSwallowSize and one second, unless configured; a bound that makes no sense fails the startup. */
    @Test
    void unreadBodyBoundsDefaultToTwoMebibytesAndOneSecond() {
        RestfaultProperties.UnreadBody defaults = RestfaultProperties.defaults().unreadBody();
        assertThat(defaults.drainLimit()).isEqualTo(DataSize.ofBytes(2 * 1024 * 1024));
        assertThat(defaults.drainTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties(null, null, null, null).unreadBody()).isEqualTo(defaults);
        assertThat(new RestfaultProperties.UnreadBody(null, null)).isEqualTo(defaults);
        assertThat(new RestfaultProperties.UnreadBody(DataSize.ofBytes(0), Duration.ofMillis(1)).drainLimit().toBytes()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> new RestfaultProperties.UnreadBody(DataSize.ofBytes(-1), null))
                .withMessageContaining("restfault.unread-body.drain-limit");
        assertThatIllegalArgumentException().isThrownBy(() -> new RestfaultProperties.UnreadBody(null, Duration.ZERO))
                .withMessageContaining("restfault.unread-body.drain-timeout");
        assertThatIllegalArgumentException().isThrownBy(() -> new RestfaultProperties.UnreadBody(null, Duration.ofSeconds(-1)))
                .withMessageContaining("restfault.unread-body.drain-timeout");
    }

    @Test
    void requestCorrelationAcceptsOnlyGuids() {
        String id = UUID.randomUUID().toString();
        assertThat(new RequestCorrelation(id, id).correlationId()).isEqualTo(id);
        assertThatIllegalArgumentException().isThrownBy(() -> new RequestCorrelation("x", id));
        assertThatIllegalArgumentException().isThrownBy(() -> new RequestCorrelation(id, null));
        assertThatNullPointerException().isThrownBy(() -> RequestCorrelation.of(null));
    }

    @Test
    void messageSourceProviderNeverThrows() {
        StaticMessageSource source = new StaticMessageSource();
        source.addMessage("code.taken", Locale.FRENCH, "Le domaine {0} est pris.");
        MessageSourceMessageProvider provider = new MessageSourceMessageProvider(source);
        assertThat(provider.find("code.taken", Locale.FRENCH)).contains("Le domaine {0} est pris.");
        assertThat(provider.find("code.unknown", Locale.FRENCH)).isEmpty();
        assertThat(provider.find(null, Locale.FRENCH)).isEmpty();
        assertThat(provider.find("", null)).isEmpty();
        // Spring's fallback to the default bundle is not a Japanese text: restfault's own Japanese wins.
        org.springframework.context.support.ResourceBundleMessageSource bundles =
                new org.springframework.context.support.ResourceBundleMessageSource();
        bundles.setBasename("messages");
        bundles.setDefaultEncoding("UTF-8");
        MessageSourceMessageProvider fromBundles = new MessageSourceMessageProvider(bundles);
        assertThat(fromBundles.find("code.domainTaken", Locale.forLanguageTag("fr-FR"))).contains("Le domaine {0} est déjà pris.");
        assertThat(fromBundles.find("code.domainTaken", Locale.forLanguageTag("en-US"))).contains("The domain {0} is already taken.");
        assertThat(fromBundles.find("code.domainTaken", Locale.forLanguageTag("ja-JP"))).isEmpty();
        assertThat(ContractMessages.builder().add(fromBundles).build()
                .describeCode("domainTaken", Locale.forLanguageTag("ja-JP"), "x.com")).contains("The domain x.com is already taken.");

        StaticMessageSource broken = new StaticMessageSource() {
            @Override
            protected String resolveCodeWithoutArguments(String code, Locale locale) {
                throw new IllegalStateException("broken");
            }
        };
        assertThat(new MessageSourceMessageProvider(broken).find("code.x", Locale.US)).isEmpty();
        assertThatNullPointerException().isThrownBy(() -> new MessageSourceMessageProvider(null));
    }

    @Test
    void acceptPreferenceIsBoundedAndTolerant() {
        assertThat(prefers("application/problem+json")).isTrue();
        assertThat(prefers("application/problem+json, application/json;q=0.9")).isTrue();
        assertThat(prefers("application/json, application/problem+json")).isFalse();
        assertThat(prefers("application/problem+json;q=0.5, */*")).isFalse();
        assertThat(prefers("application/problem+json;q=0.5, text/html")).isTrue();
        assertThat(prefers("application/problem+json;q=0")).isFalse();
        // JSON refused, anything else accepted: problem details is the acceptable one.
        assertThat(prefers("application/json;q=0, */*;q=0.1")).isTrue();
        assertThat(prefers("application/json;q=0.5, application/*")).isTrue();
        assertThat(prefers("application/json, text/plain, */*")).isFalse();
        assertThat(prefers("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isFalse();
        assertThat(prefers("application/json;q=0")).isFalse();
        assertThat(prefers("application/problem+json;q=banana")).isFalse();
        assertThat(prefers("")).isFalse();
        assertThat(prefers(",,,;;;q=,")).isFalse();
        assertThat(AcceptPreference.prefersProblemDetails(null)).isFalse();
        // Entries past the first 64 are not read.
        String padding = "text/x-a, ".repeat(100);
        assertThat(prefers(padding + "application/problem+json")).isFalse();
        assertThat(prefers("x".repeat(1_000_000))).isFalse();
    }

    private static boolean prefers(String accept) {
        return AcceptPreference.prefersProblemDetails(Collections.enumeration(List.of(accept)));
    }

    @Test
    void containerErrorsAreRenderedFromHostileHeadersWithoutEchoingThem() {
        ContractErrorRenderer renderer = new ContractErrorRenderer(
                properties("cid-1", null, Map.of("/legacy", ErrorFormat.PARTNER_API), null), "svc",
                ContractMessages.defaults(), ErrorWriter.standard(), List.of(), request -> List.of());
        Map<String, String> hostile = Map.of("X-Locale", "fr-FR" + "x".repeat(10_000), "Accept-Language", "ja-JP",
                "MS-CorrelationId", "<script>", "Accept", "application/problem+json");
        ContractErrorRenderer.ContainerError e = renderer.renderContainerError(401, "/x", hostile::get);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.headers()).containsEntry("Content-Type", "application/problem+json")
                .containsEntry("Content-Language", "ja-JP")
                .containsEntry("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:cid-1\"")
                .containsEntry("Cache-Control", "no-store");
        assertThat(e.headers().get("MS-CorrelationId")).isNotEqualTo("<script>");
        assertThat(new String(e.body(), StandardCharsets.UTF_8)).doesNotContain("<script>");

        ContractErrorRenderer.ContainerError legacy = renderer.renderContainerError(400, "/legacy/a", name -> {
            throw new IllegalStateException("headers unparsed");
        });
        assertThat(new String(legacy.body(), StandardCharsets.UTF_8)).startsWith("{\"error\"");
        assertThat(legacy.headers()).containsEntry("Content-Language", "en-US");
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.renderContainerError(302, null, name -> null));

        ContractErrorRenderer partnerApi = new ContractErrorRenderer(properties(null, ErrorFormat.PARTNER_API, null, null),
                "svc", ContractMessages.defaults(), ErrorWriter.standard(), List.of(), request -> List.of());
        ContractErrorRenderer.ContainerError api = partnerApi.renderContainerError(404, "/any", Map.of("X-Locale", "ja-JP")::get);
        assertThat(new String(api.body(), StandardCharsets.UTF_8)).startsWith("{\"error\"");
        assertThat(api.headers()).containsEntry("Content-Language", "en-US");
    }

    @Test
    void aRendererWithABlankSourceIsRefusedAtConstruction() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ContractErrorRenderer(
                        properties(null, null, null, null), " ", ContractMessages.defaults(), ErrorWriter.standard(),
                        List.of(), request -> List.of()))
                .withMessageContaining("source must name the service");
    }

    @Test
    void aContainerErrorCannotBeChangedThroughItsParts() {
        byte[] body = "{\"code\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Content-Type", "application/json"));
        ContractErrorRenderer.ContainerError e = new ContractErrorRenderer.ContainerError(400, headers, body);
        body[0] = 'X';
        headers.put("Set-Cookie", "a=b");
        e.body()[1] = 'Y';
        assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo("{\"code\":\"x\"}");
        assertThat(e.headers()).containsOnlyKeys("Content-Type");
        assertThatThrownBy(() -> e.headers().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(e).isEqualTo(new ContractErrorRenderer.ContainerError(400, Map.of("Content-Type", "application/json"),
                "{\"code\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
