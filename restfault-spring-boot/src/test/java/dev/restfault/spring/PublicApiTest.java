package dev.restfault.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.json.ErrorWriter;
import dev.restfault.server.CorrelationIds;
import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.RenderedError;
import dev.restfault.server.RequestFacts;
import dev.restfault.spring.web.SpringRendering;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;

/**
 * The public types' handling of null, empty, malformed and hostile input, without a server; and the
 * exported surface itself, pinned: a type added to or removed from it is a decision made here.
 */
class PublicApiTest {

    @Test
    void theExportedSurfaceIsWhatApplicationsCall() throws IOException, ClassNotFoundException {
        ModuleDescriptor descriptor = ModuleDescriptor.read(Files.newInputStream(Path.of("target/classes/module-info.class")));
        assertThat(descriptor.exports()).filteredOn(e -> !e.isQualified()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("dev.restfault.spring", "dev.restfault.spring.autoconfigure");
        // The shared Spring rules (which methods a mapping serves, Allow's order) reach restfault-springdoc
        // alone, which documents what they answer; applications do not see them.
        assertThat(descriptor.exports()).filteredOn(ModuleDescriptor.Exports::isQualified)
                .extracting(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets)
                .containsExactly(Tuple.tuple("dev.restfault.spring.web", Set.of("dev.restfault.springdoc")));
        assertThat(publicTypes("dev.restfault.spring")).containsExactly("MessageSourceMessageProvider", "RestfaultExchange",
                "RestfaultProperties", "RestfaultProperties$Challenge", "RestfaultProperties$UnreadBody", "RestfaultRequest",
                "RestfaultThrottlingProperties", "RestfaultThrottlingProperties$Key", "RestfaultThrottlingProperties$Limit",
                "RestfaultThrottlingProperties$Memory", "RestfaultThrottlingProperties$Redis", "RestfaultThrottlingProperties$Store");
        assertThat(publicTypes("dev.restfault.spring.autoconfigure")).containsExactly("RestfaultAutoConfiguration",
                "RestfaultThrottlingAutoConfiguration", "RestfaultWebFluxAutoConfiguration");
    }

    private static Set<String> publicTypes(String packageName) throws IOException, ClassNotFoundException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("target/classes", packageName.replace('.', '/')))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.equals("package-info.class")) {
                    Class<?> type = Class.forName(packageName + "." + name.substring(0, name.length() - 6), false,
                            PublicApiTest.class.getClassLoader());
                    if (Modifier.isPublic(type.getModifiers())) {
                        names.add(name.substring(0, name.length() - 6));
                    }
                }
            }
        }
        return names;
    }

    /** The rendering core as the starter configures it from {@code properties}. */
    private static ErrorRenderer renderer(RestfaultProperties properties) {
        return SpringRendering.renderer(properties, new StandardEnvironment(), ContractMessages.defaults(), ErrorWriter.standard(),
                List.of(), List.of());
    }

    private static RestfaultProperties properties(String cid, ErrorFormat format, Map<String, ErrorFormat> formats,
            List<Locale> locales) {
        return new RestfaultProperties(true, null, new RestfaultProperties.Challenge(cid), format, formats, true, locales,
                true, RestfaultProperties.DEFAULT_FILTER_ORDER, null);
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
        assertThat(new CorrelationIds(id, id).correlationId()).isEqualTo(id);
        assertThatIllegalArgumentException().isThrownBy(() -> new CorrelationIds("x", id));
        assertThatIllegalArgumentException().isThrownBy(() -> new CorrelationIds(id, null));
        assertThatNullPointerException().isThrownBy(() -> RestfaultRequest.ids(null));
        assertThatNullPointerException().isThrownBy(() -> RestfaultRequest.facts(null));
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
        assertThat(DEFAULTS.negotiate(RequestFacts.builder("GET", "/").build()).format()).isEqualTo(ErrorFormat.PARTNER_CENTER);
        // Entries past the first 64 are not read.
        String padding = "text/x-a, ".repeat(100);
        assertThat(prefers(padding + "application/problem+json")).isFalse();
        assertThat(prefers("x".repeat(1_000_000))).isFalse();
    }

    private static final ErrorRenderer DEFAULTS = renderer(RestfaultProperties.defaults());

    /** Whether the starter's renderer answers a request with {@code accept} in problem details. */
    private static boolean prefers(String accept) {
        return DEFAULTS.negotiate(RequestFacts.builder("GET", "/").headers(name -> name.equals("Accept") ? accept : null).build())
                .format() == ErrorFormat.PROBLEM_DETAILS;
    }

    @Test
    void containerErrorsAreRenderedFromHostileHeadersWithoutEchoingThem() {
        ErrorRenderer renderer = renderer(properties("cid-1", null, Map.of("/legacy", ErrorFormat.PARTNER_API), null));
        Map<String, String> hostile = Map.of("X-Locale", "fr-FR" + "x".repeat(10_000), "Accept-Language", "ja-JP",
                "MS-CorrelationId", "<script>", "Accept", "application/problem+json");
        RenderedError e = renderer.renderStatus(401, RequestFacts.builder(null, "/x").headers(hostile::get).build());
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.header("Content-Type")).contains("application/problem+json");
        assertThat(e.header("Content-Language")).contains("ja-JP");
        assertThat(e.header("WWW-Authenticate")).contains("OAuth realm=\"urn:cpsvc:cpid:cid-1\"");
        assertThat(e.header("Cache-Control")).contains("no-store");
        assertThat(e.header("MS-CorrelationId")).isNotEqualTo(Optional.of("<script>"));
        assertThat(new String(e.body(), StandardCharsets.UTF_8)).doesNotContain("<script>");

        RenderedError legacy = renderer.renderStatus(400, RequestFacts.builder(null, "/legacy/a").headers(name -> {
            throw new IllegalStateException("headers unparsed");
        }).build());
        assertThat(new String(legacy.body(), StandardCharsets.UTF_8)).startsWith("{\"error\"");
        assertThat(legacy.header("Content-Language")).contains("en-US");
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.renderStatus(302, RequestFacts.builder(null, null).build()));

        ErrorRenderer partnerApi = renderer(properties(null, ErrorFormat.PARTNER_API, null, null));
        RenderedError api = partnerApi.renderStatus(404, RequestFacts.builder(null, "/any").headers(Map.of("X-Locale", "ja-JP")::get).build());
        assertThat(new String(api.body(), StandardCharsets.UTF_8)).startsWith("{\"error\"");
        assertThat(api.header("Content-Language")).contains("en-US");
    }

    @Test
    void aRendererWithABlankSourceIsRefusedAtConstruction() {
        assertThatIllegalArgumentException().isThrownBy(() -> ErrorRenderer.builder(" "))
                .withMessageContaining("source must name the service");
        // Through the properties, a blank source falls back to the application's name, then "service".
        RenderedError e = renderer(new RestfaultProperties(true, " ", null, null, null, true, null, true,
                RestfaultProperties.DEFAULT_FILTER_ORDER, null)).renderStatus(400, RequestFacts.builder("GET", "/").build());
        assertThat(new String(e.body(), StandardCharsets.UTF_8)).contains("\"source\":\"service\"");
    }
}
