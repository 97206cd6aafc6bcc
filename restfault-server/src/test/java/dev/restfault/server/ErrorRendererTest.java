package dev.restfault.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.AuthChallenge;
import dev.restfault.core.http.RequestIds;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.DecodedError;
import dev.restfault.json.ErrorReader;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of the rendering core, one by one, without a server (see JdkHttpServerAdapterTest for one). */
class ErrorRendererTest {

    private static final ContractMessages TEXTS = ContractMessages.defaults();
    private static final String CID = "4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c";

    private final RecordingLogger log = new RecordingLogger();

    private ErrorRenderer.Builder builder() {
        return ErrorRenderer.builder("orders").challenge(AuthChallenge.oauth(CID)).logger(log)
                .pathFormat(new PathFormat("/legacy/", ErrorFormat.PARTNER_API));
    }

    private final ErrorRenderer renderer = builder().build();

    private static RequestFacts.Builder facts(String method, String path, String... headers) {
        Map<String, String> h = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i].toLowerCase(Locale.ROOT), headers[i + 1]);
        }
        return RequestFacts.builder(method, path).headers(name -> h.get(name.toLowerCase(Locale.ROOT)));
    }

    private static String text(RenderedError e) {
        return new String(e.body(), StandardCharsets.UTF_8);
    }

    private static DecodedError read(RenderedError e) {
        return ErrorReader.standard().read(e.body());
    }

    // ---------------------------------------------------------------- negotiation

    @Test
    void theFormatIsTheChosenOneElseProblemDetailsIfPreferredElseByPathElseTheDefault() {
        String problem = "application/problem+json";
        assertThat(renderer.negotiate(facts("GET", "/legacy/x", "Accept", problem).chosenFormat(ErrorFormat.PARTNER_CENTER)
                .build()).format()).isEqualTo(ErrorFormat.PARTNER_CENTER);
        assertThat(renderer.negotiate(facts("GET", "/legacy/x", "Accept", problem).build()).format())
                .isEqualTo(ErrorFormat.PROBLEM_DETAILS);
        assertThat(renderer.negotiate(facts("GET", "/legacy/x", "Accept", "application/json, " + problem).build()).format())
                .as("a tie keeps the contract's JSON").isEqualTo(ErrorFormat.PARTNER_API);
        assertThat(renderer.negotiate(facts("GET", "/legacy").build()).format()).isEqualTo(ErrorFormat.PARTNER_API);
        assertThat(renderer.negotiate(facts("GET", "/legacyish").build()).format())
                .as("prefixes match whole segments").isEqualTo(ErrorFormat.PARTNER_CENTER);
        assertThat(builder().problemDetails(false).build().negotiate(facts("GET", "/x", "Accept", problem).build()).format())
                .isEqualTo(ErrorFormat.PARTNER_CENTER);
        assertThat(builder().defaultFormat(ErrorFormat.PARTNER_API).build().negotiate(facts("GET", "/x").build()).format())
                .isEqualTo(ErrorFormat.PARTNER_API);
    }

    @Test
    void theLongestMatchingPrefixWins() {
        ErrorRenderer r = builder().pathFormat(new PathFormat("/", ErrorFormat.PARTNER_API))
                .pathFormat(new PathFormat("/legacy/new", ErrorFormat.PARTNER_CENTER)).build();
        assertThat(r.negotiate(facts("GET", "/legacy/new/1").build()).format()).isEqualTo(ErrorFormat.PARTNER_CENTER);
        assertThat(r.negotiate(facts("GET", "/legacy/old").build()).format()).isEqualTo(ErrorFormat.PARTNER_API);
        assertThat(r.negotiate(facts("GET", "/other").build()).format()).isEqualTo(ErrorFormat.PARTNER_API);
    }

    @Test
    void acceptSentInSeveralLinesIsReadAsOneValue() {
        RequestFacts twoLines = RequestFacts.builder("GET", "/x").headers(HeaderLookup.of(name -> "application/json;q=0.5",
                name -> name.equalsIgnoreCase("Accept") ? List.of("application/json;q=0.5", "application/problem+json") : null))
                .build();
        assertThat(renderer.negotiate(twoLines).format()).isEqualTo(ErrorFormat.PROBLEM_DETAILS);
    }

    @Test
    void theLanguageIsXLocaleThenAcceptLanguageAndAlwaysEnglishForThePartnerApi() {
        assertThat(renderer.negotiate(facts("GET", "/x", "X-Locale", "ja-JP", "Accept-Language", "fr-FR").build()).locale())
                .isEqualTo(SupportedLocales.JA_JP);
        assertThat(renderer.negotiate(facts("GET", "/x", "Accept-Language", "fr-CA, en;q=0.5").build()).locale())
                .isEqualTo(SupportedLocales.FR_FR);
        assertThat(renderer.negotiate(facts("GET", "/x").build()).locale()).isEqualTo(SupportedLocales.EN_US);
        assertThat(renderer.negotiate(facts("GET", "/legacy/x", "X-Locale", "ja-JP").build()).locale())
                .isEqualTo(SupportedLocales.EN_US);
        assertThat(renderer.negotiate(facts("GET", "/x", "X-Locale", "ja-JP").chosenFormat(ErrorFormat.PARTNER_API).build())
                .locale()).isEqualTo(SupportedLocales.EN_US);
        // Supported locales are configurable; the first is the fallback.
        ErrorRenderer french = builder().supportedLocales(List.of(SupportedLocales.FR_FR, SupportedLocales.EN_US)).build();
        assertThat(french.negotiate(facts("GET", "/x", "X-Locale", "ja-JP").build()).locale()).isEqualTo(SupportedLocales.FR_FR);
    }

    @Test
    void hostileHeadersAreBoundedIgnoredAndNeverEchoed() {
        RequestFacts hostile = facts("GET", "/x", "X-Locale", "fr-FR" + "x".repeat(10_000), "Accept-Language", "ja-JP",
                "MS-CorrelationId", "<script>", "MS-RequestId", "a\r\nSet-Cookie: x", "Accept", "application/problem+json").build();
        RenderedError e = renderer.render(StatusErrors.of(401), hostile);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.header("Content-Type")).contains("application/problem+json");
        assertThat(e.header("Content-Language")).contains("ja-JP");
        assertThat(e.header("WWW-Authenticate")).contains("OAuth realm=\"urn:cpsvc:cpid:" + CID + "\"");
        assertThat(e.header("Cache-Control")).contains("no-store");
        assertThat(RequestIds.isValid(e.header("MS-CorrelationId").orElseThrow())).isTrue();
        assertThat(RequestIds.isValid(e.header("MS-RequestId").orElseThrow())).isTrue();
        assertThat(text(e)).doesNotContain("<script>").doesNotContain("Set-Cookie");
        String thousand = "text/x-a;q=0.1, ".repeat(1000) + "application/problem+json";
        assertThat(renderer.negotiate(facts("GET", "/x", "Accept", thousand).build()).format()).isEqualTo(ErrorFormat.PARTNER_CENTER);
        assertThat(renderer.negotiate(facts("GET", "/x", "Accept", ";").build()).format()).isEqualTo(ErrorFormat.PARTNER_CENTER);
    }

    @Test
    void aRequestTheServerCouldOnlyPartlyParseStillGetsItsError() {
        RequestFacts unparsed = RequestFacts.builder(null, null).headers(name -> {
            throw new IllegalStateException("headers unparsed");
        }).build();
        RenderedError e = renderer.renderStatus(400, unparsed);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.header("Content-Language")).contains("en-US");
        assertThat(read(e).code()).contains("badRequest");
        RenderedError legacy = renderer.renderStatus(400, RequestFacts.builder("GET", "/legacy/a").headers(name -> {
            throw new IllegalStateException("headers unparsed");
        }).build());
        assertThat(text(legacy)).startsWith("{\"error\"");
        assertThat(legacy.header("Content-Language")).contains("en-US");
    }

    // ---------------------------------------------------------------- body and headers

    @Test
    void everyErrorCarriesTheContractsHeadersAndTheRequestsIds() {
        CorrelationIds ids = CorrelationIds.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        RenderedError e = renderer.render(ContractException.notFound("Customer 7 does not exist."),
                facts("GET", "/customers/7", "X-Locale", "fr-FR").ids(ids).build());
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.headers()).extracting(Map.Entry::getKey).containsExactly("Content-Type", "Cache-Control",
                "X-Content-Type-Options", "Content-Language", "MS-CorrelationId", "MS-RequestId");
        assertThat(e.header("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(e.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(e.header("Content-Language")).as("an explicit description counts as the request's language").contains("fr-FR");
        assertThat(e.header("MS-CorrelationId")).contains(ids.correlationId());
        assertThat(e.header("MS-RequestId")).contains(ids.requestId());
        assertThat(text(e)).isEqualTo("{\"code\":\"notFound\",\"description\":\"Customer 7 does not exist.\",\"source\":\"orders\"}");
        assertThat(e.bodyLength()).isEqualTo(e.body().length);
    }

    @Test
    void theBodyIsWhatTheExceptionsOwnToErrorBuilds() {
        ContractException e = ContractException.builder(409).code("domainTaken").source("domains")
                .addData(PartnerCenterError.of("taken", "contoso.com is taken.", "domain")).build();
        ErrorRequest request = renderer.negotiate(facts("GET", "/x", "X-Locale", "ja-JP").build());
        PartnerCenterError expected = e.toError(TEXTS, request.locale(), "orders");
        assertThat(read(renderer.render(e, request)).partnerCenter()).contains(expected);
    }

    @Test
    void contentLanguageNamesTheLanguageTheTextIsReallyIn() {
        // No Japanese text for an application code: the description falls back to English and says so.
        ErrorRenderer withTexts = builder().messages(ContractMessages.builder()
                .add((key, locale) -> key.equals("code.outOfStock") && locale.equals(Locale.ROOT)
                        ? Optional.of("Out of stock.") : Optional.empty())
                .build()).build();
        RenderedError e = withTexts.render(ContractException.builder(409).code("outOfStock").build(),
                facts("GET", "/x", "X-Locale", "ja-JP").build());
        assertThat(read(e).description()).contains("Out of stock.");
        assertThat(e.header("Content-Language")).contains("en-US");
        RenderedError catalog = withTexts.render(StatusErrors.of(404), facts("GET", "/x", "X-Locale", "zh-TW").build());
        assertThat(read(catalog).description()).contains(TEXTS.get(ContractMessages.NO_SUCH_RESOURCE, SupportedLocales.ZH_TW));
        assertThat(catalog.header("Content-Language")).contains("zh-TW");
    }

    @Test
    void theThreeFormats() {
        RenderedError problem = renderer.render(StatusErrors.of(404), facts("GET", "/x", "Accept", "application/problem+json",
                "X-Locale", "fr-FR").build());
        DecodedError p = read(problem);
        assertThat(p.shape()).isEqualTo(DecodedError.Shape.PROBLEM_DETAILS);
        assertThat(p.problem().orElseThrow().title()).contains(TEXTS.reasonPhrase(404, SupportedLocales.FR_FR));
        assertThat(p.problem().orElseThrow().status()).contains(404);
        assertThat(problem.header("Content-Type")).contains("application/problem+json");

        RenderedError api = renderer.render(StatusErrors.of(404), facts("GET", "/legacy/1", "X-Locale", "fr-FR").build());
        assertThat(read(api).shape()).isEqualTo(DecodedError.Shape.PARTNER_API);
        assertThat(read(api).description()).contains(TEXTS.get(ContractMessages.NO_SUCH_RESOURCE, SupportedLocales.EN_US));
        assertThat(api.header("Content-Language")).contains("en-US");
        assertThat(api.header("Content-Type")).contains("application/json; charset=utf-8");
    }

    @Test
    void theErrorsOwnHeadersComeFirstAndCannotOverrideTheContracts() {
        ContractException e = ContractException.builder(429).retryAfter(Duration.ofSeconds(30)).header("X-RateLimit-Limit", "20")
                .header("content-type", "text/html").header("Content-Length", "999").header("ms-requestid", "x").build();
        RenderedError r = renderer.render(e, facts("GET", "/x").build());
        assertThat(r.headers()).extracting(Map.Entry::getKey).containsExactly("X-RateLimit-Limit", "Retry-After",
                "Content-Type", "Cache-Control", "X-Content-Type-Options", "Content-Language", "MS-CorrelationId", "MS-RequestId");
        assertThat(r.header("Retry-After")).contains("30");
        assertThat(r.headerValues("Content-Type")).containsExactly("application/json; charset=utf-8");
        assertThat(r.headerValues("MS-RequestId")).hasSize(1).allMatch(RequestIds::isValid);
        RenderedError stale = renderer.render(ContractException.preconditionFailed("\"v7\""), facts("PUT", "/x").build());
        assertThat(stale.header("ETag")).contains("\"v7\"");
    }

    // ---------------------------------------------------------------- challenge

    @Test
    void every401CarriesTheConfiguredChallengeUnlessItBroughtItsOwn() {
        String contract = "OAuth realm=\"urn:cpsvc:cpid:" + CID + "\"";
        assertThat(renderer.render(StatusErrors.of(401), facts("GET", "/x").build()).headerValues("WWW-Authenticate"))
                .containsExactly(contract);
        assertThat(renderer.render(ContractException.unauthorized("contoso"), facts("GET", "/x").build())
                .headerValues("WWW-Authenticate")).containsExactly("OAuth realm=\"urn:cpsvc:cpid:contoso\"");
        assertThat(ErrorRenderer.builder("svc").build().render(StatusErrors.of(401), facts("GET", "/x").build())
                .headerValues("WWW-Authenticate")).as("without a cid, the bare scheme").containsExactly("OAuth");
        assertThat(renderer.render(StatusErrors.of(403), facts("GET", "/x").build()).header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void anApplicationsOwnChallengeIsKeptBesideTheContractsInOneField() {
        String contract = "OAuth realm=\"urn:cpsvc:cpid:" + CID + "\"";
        ContractException bearer = ContractException.builder(401).header("WWW-Authenticate", "Bearer realm=\"app\"").build();
        assertThat(renderer.render(bearer, facts("GET", "/x").build()).headerValues("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"app\", " + contract);
        ContractException oauth = ContractException.builder(401).header("www-authenticate", "OAuth realm=\"mine\"").build();
        assertThat(renderer.render(oauth, facts("GET", "/x").build()).headerValues("WWW-Authenticate"))
                .containsExactly("OAuth realm=\"mine\"");
    }

    @Test
    void challengesAlreadyOnTheResponseAreKeptInTheirOwnLines() {
        String contract = "OAuth realm=\"urn:cpsvc:cpid:" + CID + "\"";
        HeaderLookup basic = HeaderLookup.of(name -> null,
                name -> name.equalsIgnoreCase("WWW-Authenticate") ? List.of("Basic realm=\"Realm\"") : null);
        RenderedError e = renderer.render(StatusErrors.of(401), facts("GET", "/x").responseHeaders(basic).build());
        assertThat(e.headerValues("WWW-Authenticate")).containsExactly("Basic realm=\"Realm\"", contract);
        int first = e.headers().indexOf(java.util.Map.entry("WWW-Authenticate", "Basic realm=\"Realm\""));
        assertThat(e.continuesHeader(first)).as("the first line replaces").isFalse();
        assertThat(e.continuesHeader(first + 1)).as("the next is added").isTrue();
        assertThat(e.continuesHeader(0)).isFalse();
        List<String> calls = new java.util.ArrayList<>();
        e.copyHeaders((name, value) -> calls.add("set " + name), (name, value) -> calls.add("add " + name));
        assertThat(calls).containsSubsequence("set WWW-Authenticate", "add WWW-Authenticate").hasSize(e.headerCount())
                .filteredOn(c -> c.startsWith("add")).containsExactly("add WWW-Authenticate");
        HeaderLookup oauthAlready = HeaderLookup.of(name -> null,
                name -> name.equalsIgnoreCase("WWW-Authenticate") ? List.of("Basic realm=\"x\", OAuth realm=\"y\"") : null);
        assertThat(renderer.render(StatusErrors.of(401), facts("GET", "/x").responseHeaders(oauthAlready).build())
                .headerValues("WWW-Authenticate")).containsExactly("Basic realm=\"x\", OAuth realm=\"y\"");
        HeaderLookup unsafe = HeaderLookup.of(name -> null, name -> List.of("Basic\r\nSet-Cookie: a=b"));
        assertThat(renderer.render(StatusErrors.of(401), facts("GET", "/x").responseHeaders(unsafe).build())
                .headerValues("WWW-Authenticate")).containsExactly(contract);
        // An explicit challenge replaces what the response had.
        assertThat(renderer.render(ContractException.unauthorized("contoso"), facts("GET", "/x").responseHeaders(basic).build())
                .headerValues("WWW-Authenticate")).containsExactly("OAuth realm=\"urn:cpsvc:cpid:contoso\"");
    }

    // ---------------------------------------------------------------- errors of a status alone

    @Test
    void aStatusAloneReadsTheSameWhereverItComesFrom() {
        RequestFacts plain = facts("GET", "/x").build();
        assertThat(read(renderer.renderStatus(404, plain)).description())
                .contains(TEXTS.get(ContractMessages.NO_SUCH_RESOURCE, SupportedLocales.EN_US));
        assertThat(read(renderer.renderStatus(401, plain)).description())
                .contains(TEXTS.get(ContractMessages.AUTHENTICATION_REQUIRED, SupportedLocales.EN_US));
        assertThat(read(renderer.renderStatus(409, plain)).code()).contains("conflict");
        assertThat(read(renderer.renderStatus(418, plain)).description()).contains(TEXTS.statusDescription(418, SupportedLocales.EN_US));
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.renderStatus(302, plain));
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.renderStatus(600, plain));
    }

    @Test
    void a405AllowsWhatTheResponseSaidElseWhatThePathServesElseOptions() {
        HeaderLookup allowSet = HeaderLookup.of(name -> null, name -> name.equals("Allow") ? List.of("GET, HEAD", "bad method, post") : null);
        RenderedError fromResponse = renderer.renderStatus(405, facts("DELETE", "/x").responseHeaders(allowSet)
                .allowedMethods(() -> List.of("PUT")).build());
        assertThat(fromResponse.header("Allow")).contains("GET, HEAD, POST");
        assertThat(read(fromResponse).description())
                .contains(TEXTS.get(ContractMessages.METHOD_NOT_ALLOWED, SupportedLocales.EN_US, "GET, HEAD, POST"));
        assertThat(renderer.renderStatus(405, facts("DELETE", "/x").allowedMethods(() -> List.of("GET", "HEAD", "OPTIONS")).build())
                .header("Allow")).contains("GET, HEAD, OPTIONS");
        assertThat(renderer.renderStatus(405, facts("DELETE", "/x").build()).header("Allow")).contains("OPTIONS");
        assertThat(renderer.renderStatus(405, facts("DELETE", "/x").allowedMethods(() -> {
            throw new IllegalStateException("cannot tell");
        }).build()).header("Allow")).contains("OPTIONS");
    }

    @Test
    void aRefusedMethodIs405WhereThePathIsServedAnd404WhereNothingIs() {
        assertThat(StatusErrors.refusedMethod(List.of("GET", "HEAD")).status()).isEqualTo(405);
        assertThat(StatusErrors.refusedMethod(List.of("GET", "HEAD")).allow()).containsExactly("GET", "HEAD");
        assertThat(StatusErrors.refusedMethod(List.of()).status()).isEqualTo(404);
        assertThat(StatusErrors.refusedMethod(null)).isSameAs(StatusErrors.of(404));
    }

    // ---------------------------------------------------------------- translation and logging

    @Test
    void anUnexpectedFailureIsA500QuotingTheRequestIdLoggedOnceAtErrorNeverLeaked() {
        CorrelationIds ids = CorrelationIds.generate();
        IllegalStateException secret = new IllegalStateException("jdbc:postgresql://db/prod password=hunter2");
        RenderedError e = renderer.render(secret, facts("POST", "/orders", "X-Locale", "fr-FR").ids(ids).build());
        assertThat(e.status()).isEqualTo(500);
        assertThat(read(e).code()).contains("internalServerError");
        assertThat(read(e).description()).contains(TEXTS.get(ContractMessages.INTERNAL_ERROR, SupportedLocales.FR_FR, ids.requestId()));
        assertThat(text(e)).doesNotContain("hunter2", "IllegalStateException", "java.");
        assertThat(log.at(Level.ERROR)).singleElement().satisfies(line -> {
            assertThat(line.thrown()).isSameAs(secret);
            assertThat(line.message()).contains("POST /orders").contains(ids.correlationId()).contains(ids.requestId());
        });
    }

    @Test
    void aFailureTheServerAlreadyLoggedIsOneLineWithoutTheStackAgain() {
        CorrelationIds ids = CorrelationIds.generate();
        ErrorRequest request = renderer.negotiate(facts("GET", "/x").ids(ids).build());
        ContractException e = renderer.resolveAlreadyLogged(new IllegalStateException("secret"), request);
        assertThat(e.status()).isEqualTo(500);
        assertThat(log.at(Level.ERROR)).singleElement().satisfies(line -> {
            assertThat(line.thrown()).isNull();
            assertThat(line.message()).contains(ids.requestId()).contains("java.lang.IllegalStateException")
                    .doesNotContain("secret");
        });
    }

    @Test
    void aContractExceptionThrownAsItIsWinsOverEveryTranslator() {
        ExceptionTranslator greedy = (failure, request) -> Optional.of(ContractException.builder(418).code("greedy").build());
        ErrorRenderer r = builder().translators(List.of(greedy)).build();
        ErrorRequest request = r.negotiate(facts("GET", "/x").build());
        assertThat(r.resolve(ContractException.conflict("domainTaken", "Taken."), request).code()).isEqualTo("domainTaken");
        assertThat(r.resolve(new IllegalStateException(), request).code()).isEqualTo("greedy");
    }

    @Test
    void applicationTranslatorsThenAWrappedContractExceptionThenBuiltInTranslators() {
        ContractException inner = ContractException.builder(422).code("couponExpired").build();
        RuntimeException wrapped = new RuntimeException("wrapper", new IllegalStateException("middle", inner));
        ExceptionTranslator application = (failure, request) -> failure.getMessage() != null && failure.getMessage().equals("mine")
                ? Optional.of(ContractException.builder(423).code("mine").build()) : Optional.empty();
        ExceptionTranslator builtIn = (failure, request) -> Optional.of(ContractException.builder(400).code("builtIn").build());
        ErrorRenderer r = builder().translators(List.of(application)).builtInTranslators(List.of(builtIn)).build();
        ErrorRequest request = r.negotiate(facts("POST", "/coupons").build());

        assertThat(r.resolve(new RuntimeException("mine", inner), request).code()).isEqualTo("mine");
        assertThat(r.resolve(wrapped, request)).isSameAs(inner);
        assertThat(log.at(Level.WARNING)).singleElement().satisfies(line -> assertThat(line.message())
                .contains("java.lang.RuntimeException wraps the ContractException 422 couponExpired")
                .contains(request.facts().ids().requestId()));
        assertThat(r.resolve(new IllegalStateException("other"), request).code()).isEqualTo("builtIn");
    }

    @Test
    void translatorsSeeTheNegotiatedLanguageAndFormat() {
        Locale[] seen = new Locale[1];
        ErrorFormat[] format = new ErrorFormat[1];
        ErrorRenderer r = builder().builtInTranslators(List.of((failure, request) -> {
            seen[0] = request.locale();
            format[0] = request.format();
            return Optional.empty();
        })).build();
        r.render(new IllegalStateException(), facts("GET", "/x", "X-Locale", "ja-JP").build());
        assertThat(seen[0]).isEqualTo(SupportedLocales.JA_JP);
        r.render(new IllegalStateException(), facts("GET", "/legacy/1", "X-Locale", "ja-JP").build());
        assertThat(seen[0]).isEqualTo(SupportedLocales.EN_US);
        assertThat(format[0]).isEqualTo(ErrorFormat.PARTNER_API);
    }

    @Test
    void aTranslatorThatThrowsOrReturnsNullKnowsNothing() {
        ExceptionTranslator broken = (failure, request) -> {
            throw new IllegalStateException("translator bug");
        };
        ExceptionTranslator returnsNull = (failure, request) -> null;
        ErrorRenderer r = builder().translators(List.of(broken, returnsNull)).build();
        RenderedError e = r.render(new UncheckedIOException(new java.io.IOException("x")), facts("GET", "/x").build());
        assertThat(e.status()).isEqualTo(500);
        assertThat(log.at(Level.WARNING)).singleElement()
                .satisfies(line -> assertThat(line.thrown()).hasMessage("translator bug"));
        assertThat(log.at(Level.ERROR)).hasSize(1);
    }

    @Test
    void aDeliberate5xxWithACauseIsOneWarnLineAndTheStackAtDebug() {
        CorrelationIds ids = CorrelationIds.generate();
        IllegalStateException cause = new IllegalStateException("upstream\r\nsaid no", new java.io.IOException("reset"));
        ContractException bad = ContractException.builder(502).description("The upstream failed.").cause(cause).build();
        renderer.render(bad, facts("GET", "/upstream").ids(ids).build());
        assertThat(log.lines).isEmpty(); // rendering a ContractException given as such logs nothing
        renderer.render((Throwable) bad, facts("GET", "/upstream").ids(ids).build());
        assertThat(log.at(Level.WARNING)).singleElement().satisfies(line -> assertThat(line.message())
                .contains("answered with 502 badGateway").contains(ids.requestId()).contains("upstream  said no")
                .contains("caused by java.io.IOException: reset").doesNotContain("\n"));
        assertThat(log.at(Level.DEBUG)).singleElement().satisfies(line -> assertThat(line.thrown()).isSameAs(cause));
        assertThat(log.at(Level.ERROR)).isEmpty();
    }

    @Test
    void logLinesNeverCarryControlCharactersFromThePath() {
        renderer.render(new IllegalStateException(), facts("GET\r\n", "/x\r\nforged: line" + "y".repeat(500)).build());
        assertThat(log.at(Level.ERROR)).singleElement().satisfies(line -> assertThat(line.message())
                .doesNotContain("\r").doesNotContain("\n").doesNotContain("y".repeat(201)));
    }

    // ---------------------------------------------------------------- construction

    @Test
    void aRendererRefusesAConfigurationThatWouldBreakEveryError() {
        assertThatIllegalArgumentException().isThrownBy(() -> ErrorRenderer.builder(" ")).withMessageContaining("source");
        assertThatIllegalArgumentException().isThrownBy(() -> ErrorRenderer.builder(null));
        assertThatIllegalArgumentException().isThrownBy(() -> builder().defaultFormat(ErrorFormat.PROBLEM_DETAILS));
        assertThatIllegalArgumentException().isThrownBy(() -> builder().supportedLocales(List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> builder().supportedLocales(List.of(Locale.ROOT)));
        assertThatNullPointerException().isThrownBy(() -> builder().challenge(null));
        assertThatNullPointerException().isThrownBy(() -> renderer.negotiate(null));
        assertThatNullPointerException().isThrownBy(() -> renderer.render((Throwable) null, facts("GET", "/").build()));
        assertThatNullPointerException().isThrownBy(() -> renderer.render((ContractException) null, facts("GET", "/").build()));
    }
}
