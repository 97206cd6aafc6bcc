package dev.restfault.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.restfault.core.http.RequestIds;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.spring.testapp.TestApplication;
import dev.restfault.testkit.load.LoadMix;
import dev.restfault.testkit.load.LoadReport;
import dev.restfault.testkit.load.LoadReports;
import dev.restfault.testkit.load.LoadRunner;
import dev.restfault.testkit.probe.Probe;
import dev.restfault.testkit.probe.ProbeCase;
import dev.restfault.testkit.probe.ProbeReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract test matrix, described once for every web stack: each case is a request and what
 * the contract says of its answer, over real HTTP against a test application on a real server.
 * Each subclass starts its stack's application once (port 0, loopback): {@link TestApplication}
 * (Spring MVC) on Tomcat or Jetty, {@code reactiveapp.ReactiveTestApplication} (WebFlux) on
 * Reactor Netty; both expose the same endpoints. A case only one stack has is marked
 * {@link WebStack.ServletOnly} or {@link WebStack.ReactiveOnly}, with the reason; what differs
 * between servers is asked of the subclass ({@link #closesConnectionAfter}, {@link #refusesTraceItself}...).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractContractErrorsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CID = "test-cid-123";
    static final String SOURCE = "restfault-test";
    static final String TOMCAT_AUTOCONFIG = "org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration";
    static final String JETTY_AUTOCONFIG = "org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration";
    static final ContractMessages TEXTS = ContractMessages.defaults();

    private ConfigurableApplicationContext context;
    private ListAppender<ILoggingEvent> logs;
    private Locale systemLocale;
    int port;
    HttpClient client;

    /** The stack the test application runs on. */
    abstract WebStack stack();

    /**
     * The test application on this stack's server, with the properties only this stack needs;
     * {@link #start()} adds the ones every stack shares.
     */
    abstract SpringApplicationBuilder application();

    /** The Spring MVC test application on one servlet server, the other one's auto-configuration excluded. */
    static SpringApplicationBuilder servletApplication(String otherServerAutoConfiguration) {
        return new SpringApplicationBuilder(TestApplication.class).properties(
                "spring.autoconfigure.exclude=" + otherServerAutoConfiguration,
                "spring.servlet.multipart.max-file-size=1KB",
                "spring.servlet.multipart.max-request-size=2KB");
    }

    /**
     * {@code application} alone on Tomcat, on a free loopback port: for the tests of one
     * application's particular setup, outside the shared matrix.
     */
    static ConfigurableApplicationContext startOnTomcat(Class<?> application) {
        return new SpringApplicationBuilder(application)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        "spring.autoconfigure.exclude=" + JETTY_AUTOCONFIG)
                .run();
    }

    /** The port {@code context}'s web server listens on. */
    static int portOf(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * Whether the server refuses a bare LF in a header block (RFC 9112 section 2.2 lets it either
     * refuse it or take it for a line terminator): Netty refuses it, Tomcat and Jetty take it.
     */
    boolean refusesBareLf() {
        return stack() == WebStack.REACTIVE;
    }

    /** The exception that wraps a body the JSON parser failed on: each stack has its own. */
    String unreadableBodyException() {
        return stack() == WebStack.SERVLET ? "HttpMessageNotReadableException" : "ServerWebInputException";
    }

    /** Whether the server closes a keep-alive connection after an error response with {@code status}. */
    abstract boolean closesConnectionAfter(int status);

    /**
     * Whether the server settles an unread body itself when it dispatches to its error page (Jetty
     * consumes what has arrived, else says Connection: close), before restfault sees the error.
     */
    abstract boolean settlesUnreadBodyBeforeItsErrorPage();

    /**
     * Whether the connection lingers after an error that closes it while a body still arrives: the
     * rest is read and discarded before the socket is closed, so that the close does not reset the
     * error away from a client still writing. restfault does this on Jetty and Reactor Netty.
     * Tomcat closes the request's input once a response that says Connection: close is committed,
     * and then the connection, itself.
     */
    abstract boolean lingersBeforeClosing();

    /**
     * Whether the server answers a request whose body it failed to read itself (Tomcat: 408 after a
     * read timeout, else 400), instead of the error the application was writing.
     */
    abstract boolean answersAFailedBodyReadItself();

    /** Whether the server answers Expect: 100-continue itself, before the application asks for the body. */
    abstract boolean sends100ContinueItself();

    /** Properties of this server only (its timeouts, say), added to the test application's. */
    List<String> serverProperties() {
        return List.of();
    }

    /**
     * Whether the server refuses TRACE itself, before the application (and restfault's filter)
     * sees it: then it can only be a 405, whether or not the path exists.
     */
    abstract boolean refusesTraceItself();

    @BeforeAll
    void start() {
        // The JVM runs in German, and the application ships a messages_de.properties: Spring's
        // fallback to the system locale must not leak German into English (or Japanese) errors.
        systemLocale = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        java.util.ResourceBundle.clearCache(getClass().getClassLoader());
        context = application()
                .properties(
                        "server.port=0",
                        "server.address=127.0.0.1",
                        "spring.main.banner-mode=off",
                        "spring.application.name=" + SOURCE,
                        "restfault.challenge.cid=" + CID,
                        "restfault.formats[/legacy]=partner-api",
                        "server.max-http-request-header-size=32KB",
                        "restfault.unread-body.drain-limit=" + DRAIN_LIMIT / 1024 + "KB",
                        // Generous, so that a loaded machine never turns a drain into a timeout.
                        "restfault.unread-body.drain-timeout=5s")
                .properties(serverProperties().toArray(String[]::new))
                .run();
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
    }

    @AfterAll
    void stop() {
        if (logs != null) {
            root().detachAppender(logs);
        }
        client = null; // Java 17's HttpClient has no close(); its selector thread ends once unreachable
        if (context != null) {
            context.close();
        }
        if (systemLocale != null) {
            Locale.setDefault(systemLocale);
            java.util.ResourceBundle.clearCache(getClass().getClassLoader());
        }
    }

    private static ch.qos.logback.classic.Logger root() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    // ---------------------------------------------------------------- helpers

    record Reply(int status, java.net.http.HttpHeaders headers, byte[] body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, String... headers) {
        HttpRequest.Builder b = request(path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    Reply method(String method, String path, String... headers) {
        HttpRequest.Builder b = request(path).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    Reply post(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The headers every error must carry, and a Partner Center body; returns the body. */
    static JsonNode assertContractError(Reply r, int status) {
        assertThat(r.status()).as("status of %s", r.text()).isEqualTo(status);
        assertThat(normalized(r.header("Content-Type"))).isEqualTo("application/json;charset=utf-8");
        JsonNode body = assertErrorHeaders(r);
        assertThat(fieldNames(body)).isSubsetOf("code", "description", "data", "source").contains("code", "description", "source");
        assertThat(body.get("code").isString()).isTrue();
        assertThat(body.get("code").asString()).isNotBlank();
        assertThat(body.get("description").asString()).isNotEmpty().hasSizeLessThanOrEqualTo(1024);
        if (body.has("data")) {
            assertThat(body.get("data").isArray()).isTrue();
            assertThat(body.get("data").size()).isPositive();
        }
        return body;
    }

    /**
     * The headers every error carries (docs/contract.md, section Headers), and no trace of Java in
     * the body.
     */
    static JsonNode assertErrorHeaders(Reply r) {
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Content-Language")).isNotBlank();
        assertIds(r);
        assertThat(r.text()).doesNotContain("Exception", "java.", "springframework", "secret", "hunter2", "internal detail",
                "\tat ");
        return r.json();
    }

    static void assertIds(Reply r) {
        assertThat(RequestIds.isValid(r.header("MS-CorrelationId"))).as("MS-CorrelationId %s", r.header("MS-CorrelationId")).isTrue();
        assertThat(RequestIds.isValid(r.header("MS-RequestId"))).as("MS-RequestId %s", r.header("MS-RequestId")).isTrue();
    }

    static String normalized(String contentType) {
        return contentType == null ? null : contentType.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        Iterator<String> it = node.propertyNames().iterator();
        it.forEachRemaining(names::add);
        return names;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    static String text(String key, Locale locale, Object... args) {
        return TEXTS.get(key, locale, args);
    }

    void assertStillServing() {
        Reply ok = get("/items/1");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("id").asString()).isEqualTo("1");
    }

    /**
     * The events logged so far, copied under the appender's lock: logback adds to its list from
     * whichever thread logs (a server thread finishing a request the test already has the answer
     * of), and a stream over the list itself would then fail with ConcurrentModificationException.
     */
    List<ILoggingEvent> events() {
        synchronized (logs) {
            return new ArrayList<>(logs.list);
        }
    }

    /**
     * Every log event, from any logger (Spring, the server, restfault), that carries an exception
     * whose message or cause's message has {@code marker}, a value unique to one request.
     */
    List<ILoggingEvent> loggedWith(String marker) {
        return events().stream().filter(e -> mentions(e.getThrowableProxy(), marker)).toList();
    }

    /** Every log event whose formatted message contains {@code text} (a request id, say). */
    List<ILoggingEvent> loggedLines(String text) {
        return events().stream().filter(e -> e.getFormattedMessage().contains(text)).toList();
    }

    private static boolean mentions(ch.qos.logback.classic.spi.IThrowableProxy t, String marker) {
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(marker)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- request ids

    @Test
    void successResponsesCarryFreshIds() {
        Reply r = get("/items/1");
        assertThat(r.status()).isEqualTo(200);
        assertIds(r);
        assertThat(r.header("MS-CorrelationId")).isNotEqualTo(r.header("MS-RequestId"));
    }

    @Test
    void validIdsAreEchoedAndInTheMdc() {
        String correlation = UUID.randomUUID().toString();
        String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        Reply r = get("/mdc", "MS-CorrelationId", correlation, "MS-RequestId", requestId);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("MS-CorrelationId")).isEqualTo(correlation);
        assertThat(r.header("MS-RequestId")).isEqualTo(requestId);
        JsonNode body = r.json();
        assertThat(body.get("mdcCorrelationId").asString()).isEqualTo(correlation);
        assertThat(body.get("mdcRequestId").asString()).isEqualTo(requestId);

        Reply error = get("/items/missing", "MS-CorrelationId", correlation);
        assertContractError(error, 404);
        assertThat(error.header("MS-CorrelationId")).isEqualTo(correlation);
    }

    @Test
    void badInputInvalidCorrelationIdIsReplacedNeverEchoed() {
        for (String hostile : List.of("not-a-guid", "<script>alert(1)</script>", "%0d%0aSet-Cookie:%20x=1",
                "{" + UUID.randomUUID() + "}", "x".repeat(5000))) {
            Reply r = get("/items/missing", "MS-CorrelationId", hostile, "MS-RequestId", hostile);
            assertContractError(r, 404);
            assertThat(r.header("MS-CorrelationId")).isNotEqualTo(hostile);
            assertThat(r.header("MS-RequestId")).isNotEqualTo(hostile);
            assertThat(r.text()).doesNotContain(hostile);
        }
        assertStillServing();
    }

    // ---------------------------------------------------------------- contract exceptions

    @Test
    void contractExceptionFromController() {
        JsonNode body = assertContractError(get("/items/missing"), 404);
        assertThat(body.get("code").asString()).isEqualTo("notFound");
        assertThat(body.get("description").asString()).isEqualTo("Item missing does not exist.");
        assertThat(body.get("source").asString()).isEqualTo(SOURCE);
        assertThat(body.has("data")).isFalse();
    }

    @Test
    void applicationCodesAreLocalizedThroughTheMessageSource() {
        Reply fr = get("/domains/contoso.com", "X-Locale", "fr-FR", "Accept-Language", "ja-JP");
        JsonNode body = assertContractError(fr, 409);
        assertThat(body.get("code").asString()).isEqualTo("domainTaken");
        assertThat(body.get("description").asString()).isEqualTo("Le domaine contoso.com est déjà pris.");
        assertThat(fr.header("Content-Language")).isEqualTo("fr-FR");

        Reply en = get("/domains/contoso.com");
        assertThat(assertContractError(en, 409).get("description").asString()).isEqualTo("The domain contoso.com is already taken.");
        assertThat(en.header("Content-Language")).isEqualTo("en-US");

        // No Japanese text for this code: the body falls back to English and says so.
        Reply ja = get("/domains/contoso.com", "X-Locale", "ja-JP");
        assertThat(assertContractError(ja, 409).get("description").asString()).isEqualTo("The domain contoso.com is already taken.");
        assertThat(ja.header("Content-Language")).isEqualTo("en-US");
    }

    @Test
    void catalogTextsFollowXLocaleThenAcceptLanguage() {
        Reply ja = get("/no/such/route", "Accept-Language", "ja-JP,fr;q=0.5");
        assertThat(assertContractError(ja, 404).get("description").asString())
                .isEqualTo(text(ContractMessages.NO_SUCH_RESOURCE, SupportedLocales.JA_JP));
        assertThat(ja.header("Content-Language")).isEqualTo("ja-JP");

        Reply zh = get("/no/such/route", "X-Locale", "zh-TW", "Accept-Language", "ja-JP");
        assertThat(assertContractError(zh, 404).get("description").asString())
                .isEqualTo(text(ContractMessages.NO_SUCH_RESOURCE, SupportedLocales.ZH_TW));
        assertThat(zh.header("Content-Language")).isEqualTo("zh-TW");
    }

    @Test
    void contractExceptionFromServiceKeepsRetryAfter() {
        Reply r = get("/throw/service");
        JsonNode body = assertContractError(r, 429);
        assertThat(body.get("code").asString()).isEqualTo("tooManyRequests");
        assertThat(r.header("Retry-After")).isEqualTo("30");
    }

    @Test
    void contractExceptionFromInterceptorKeepsETag() {
        Reply r = get("/throw/interceptor");
        assertContractError(r, 412);
        assertThat(r.header("ETag")).isEqualTo("\"v7\"");
    }

    @Test
    void contractExceptionFromServletFilter() {
        Reply r = get("/filter/contract");
        assertThat(assertContractError(r, 503).get("code").asString()).isEqualTo("serviceUnavailable");
        assertThat(r.header("Retry-After")).isEqualTo("120");
    }

    /**
     * {@code @CrossOrigin} refusing another origin: Spring MVC's processor writes a text 403
     * ("Invalid CORS request") straight to the response, restfault's answers the contract's 403;
     * WebFlux's sets the status only, which the bare-status rule answers. The allowed origin is
     * answered as Spring answers it.
     */
    @Test
    void aCrossOriginRequestFromAnOriginNotAllowedIsTheContracts403() {
        Reply r = get("/cors/items", "Origin", "https://elsewhere.example");
        assertContractError(r, 403);
        assertThat(r.text()).doesNotContain("Invalid CORS request");
        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
        Reply preflight = method("OPTIONS", "/cors/items", "Origin", "https://elsewhere.example",
                "Access-Control-Request-Method", "GET");
        assertContractError(preflight, 403);
        Reply allowed = get("/cors/items", "Origin", "https://app.example");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
    }

    @Test
    void unauthorizedCarriesTheConfiguredChallenge() {
        Reply r = get("/throw/unauthorized");
        assertContractError(r, 401);
        assertThat(r.headers().allValues("WWW-Authenticate")).containsExactly("OAuth realm=\"urn:cpsvc:cpid:" + CID + "\"");
    }

    @Test
    void applicationTranslatorBeanMapsItsOwnExceptions() {
        JsonNode body = assertContractError(get("/locked/9"), 423);
        assertThat(body.get("code").asString()).isEqualTo("itemLocked");
        assertThat(body.get("description").asString()).isEqualTo("Item 9 is locked.");
        assertThat(body.toString()).doesNotContain("batch job");
    }

    // ---------------------------------------------------------------- unexpected failures

    @Test
    void unexpectedExceptionIsA500WithTheRequestIdAndLoggedOnce() {
        String correlation = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        Reply r = get("/throw/unexpected?marker=" + marker, "MS-CorrelationId", correlation, "X-Locale", "fr-FR");
        JsonNode body = assertContractError(r, 500);
        assertThat(body.get("code").asString()).isEqualTo("internalServerError");
        assertThat(body.get("description").asString())
                .isEqualTo(text(ContractMessages.INTERNAL_ERROR, SupportedLocales.FR_FR, r.header("MS-RequestId")));
        assertThat(r.text()).doesNotContain(marker);
        List<ILoggingEvent> logged = loggedWith(marker);
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getMDCPropertyMap()).containsEntry(RestfaultRequest.MDC_CORRELATION_ID, correlation);
        assertThat(logged.get(0).getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
        assertThat(logged.get(0).getFormattedMessage()).contains(correlation).contains(r.header("MS-RequestId"));
    }

    @Test
    @WebStack.ServletOnly("Jetty's and Tomcat's own exception types, wrapped by an application")
    void aServerExceptionFromAnUpstreamCallIsThisServicesFailure() {
        for (String server : List.of("jetty", "tomcat")) {
            Reply r = get("/throw/upstream/" + server);
            JsonNode body = assertContractError(r, 500);
            assertThat(body.get("code").asString()).as(server).isEqualTo("internalServerError");
        }
    }

    @Test
    void unexpectedExceptionInAServletFilter() {
        String correlation = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        Reply r = get("/filter/runtime?marker=" + marker, "MS-CorrelationId", correlation);
        JsonNode body = assertContractError(r, 500);
        assertThat(body.get("description").asString())
                .isEqualTo(text(ContractMessages.INTERNAL_ERROR, SupportedLocales.EN_US, r.header("MS-RequestId")));
        List<ILoggingEvent> logged = loggedWith(marker);
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getMDCPropertyMap()).containsEntry(RestfaultRequest.MDC_CORRELATION_ID, correlation);
    }

    /**
     * The server logs an exception that reaches it (Tomcat at ERROR, Jetty at WARN); restfault then
     * renders the error page dispatch and adds one line with the ids, not the stack trace again.
     */
    @Test
    void exceptionBeforeRestfaultsFilterReachesTheContainerErrorPage() {
        String marker = UUID.randomUUID().toString();
        Reply r = get("/early/boom?marker=" + marker);
        assertThat(assertContractError(r, 500).get("code").asString()).isEqualTo("internalServerError");
        assertThat(loggedWith(marker)).hasSize(1);
        assertThat(events().stream().filter(e -> e.getFormattedMessage().contains(r.header("MS-RequestId")))).hasSize(1);
        assertStillServing();
    }

    // ---------------------------------------------------------------- Spring MVC's own failures

    @Test
    void unknownRouteAndMissingStaticResourceAre404() {
        for (String path : List.of("/no/such/route", "/static/missing.css", "/favicon-nope.ico")) {
            JsonNode body = assertContractError(get(path), 404);
            assertThat(body.get("code").asString()).isEqualTo("notFound");
            assertThat(body.get("description").asString()).isEqualTo(text(ContractMessages.NO_SUCH_RESOURCE, SupportedLocales.EN_US));
        }
    }

    @Test
    void errorPathItselfIsNotAResource() {
        assertContractError(get("/error"), 404);
        // Spring's resource handler would answer POST with 405: restfault's controller owns the path.
        assertContractError(method("POST", "/error"), 404);
    }

    @Test
    void wrongMethodIs405WithAnAccurateAllow() {
        Reply r = method("DELETE", "/methods");
        JsonNode body = assertContractError(r, 405);
        assertThat(body.get("code").asString()).isEqualTo("methodNotAllowed");
        Set<String> allow = Set.of(r.header("Allow").split("\\s*,\\s*"));
        assertThat(allow).containsExactlyInAnyOrder("GET", "POST", "HEAD", "OPTIONS");
        for (String m : allow) {
            Reply served = method(m, "/methods");
            assertThat(served.status()).as(m).isEqualTo(200);
        }
    }

    @Test
    void unacceptableAcceptIs406ListingTheAvailableTypes() {
        Reply r = get("/report", "Accept", "image/png");
        JsonNode body = assertContractError(r, 406);
        assertThat(texts(body.get("data"), "description")).containsExactlyInAnyOrder("text/csv", "application/json");
        assertThat(texts(body.get("data"), "source")).containsOnly("Accept");
        assertThat(body.get("description").asString()).contains("text/csv").contains("application/json");
    }

    @Test
    void unsupportedContentTypeIs415() {
        Reply r = post("/items", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        JsonNode body = assertContractError(r, 415);
        assertThat(body.get("description").asString()).contains("application/json");
    }

    @Test
    void malformedJsonIs400() {
        Reply r = post("/items", "application/json", "{\"name\": ".getBytes(StandardCharsets.UTF_8));
        JsonNode body = assertContractError(r, 400);
        assertThat(body.get("description").asString()).isEqualTo(text(ContractMessages.MALFORMED_BODY, SupportedLocales.EN_US));
    }

    @Test
    void typeMismatchMissingParameterAndMissingHeaderAre400NamingTheElement() {
        JsonNode mismatch = assertContractError(get("/search?q=x&page=abc"), 400);
        assertThat(texts(mismatch.get("data"), "source")).containsExactly("page");
        assertThat(mismatch.toString()).doesNotContain("abc");

        JsonNode missing = assertContractError(get("/search"), 400);
        assertThat(texts(missing.get("data"), "source")).containsExactly("q");

        JsonNode header = assertContractError(get("/tenant"), 400);
        assertThat(texts(header.get("data"), "source")).containsExactly("X-Tenant");
    }

    @Test
    void beanValidationOfABodyListsEachViolation() {
        byte[] invalid = "{\"name\":\"\",\"quantity\":0,\"sku\":\"too-long\"}".getBytes(StandardCharsets.UTF_8);
        JsonNode body = assertContractError(post("/items", "application/json", invalid), 400);
        assertThat(body.get("description").asString()).isEqualTo(text(ContractMessages.VALIDATION_FAILED, SupportedLocales.EN_US, 3));
        assertThat(texts(body.get("data"), "source")).containsExactlyInAnyOrder("name", "quantity", "sku");
        assertThat(texts(body.get("data"), "code")).containsExactlyInAnyOrder("notBlank", "min", "size");

        JsonNode fr = assertContractError(post("/items", "application/json", invalid, "X-Locale", "fr-FR"), 400);
        JsonNode en = body;
        assertThat(fr.get("description").asString()).isEqualTo(text(ContractMessages.VALIDATION_FAILED, SupportedLocales.FR_FR, 3));
        assertThat(texts(fr.get("data"), "description")).doesNotContainAnyElementsOf(texts(en.get("data"), "description"));
    }

    @Test
    void methodValidationOfParametersNamesTheParameter() {
        JsonNode mvc = assertContractError(get("/page?size=0"), 400);
        assertThat(texts(mvc.get("data"), "source")).containsExactly("size");
        JsonNode service = assertContractError(get("/reserve?quantity=0"), 400);
        assertThat(texts(service.get("data"), "source")).containsExactly("quantity");
        assertThat(texts(service.get("data"), "code")).containsExactly("min");
    }

    @Test
    @WebStack.ServletOnly("servlet multipart limits; WebFlux's codec limit is bodyOverTheCodecLimitIs413")
    void uploadTooLargeIs413() {
        String boundary = "restfault-boundary";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(4096) + "\r\n--" + boundary + "--\r\n";
        Reply r = post("/upload", "multipart/form-data; boundary=" + boundary, part.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(assertContractError(r, 413).get("code").asString()).isEqualTo("contentTooLarge");
        assertStillServing();
    }

    @Test
    void asyncTimeoutIs503() {
        assertThat(assertContractError(get("/async-timeout"), 503).get("code").asString()).isEqualTo("serviceUnavailable");
    }

    @Test
    void responseStatusAndErrorResponseExceptionsKeepStatusHeadersAndText() {
        JsonNode rse = assertContractError(get("/rse"), 409);
        assertThat(rse.get("description").asString()).isEqualTo("Order 42 is already shipped.");
        Reply ere = get("/ere");
        assertThat(assertContractError(ere, 429).get("description").asString()).isEqualTo("Slow down, please.");
        assertThat(ere.header("Retry-After")).isEqualTo("17");
    }

    // ---------------------------------------------------------------- failures that bypass Spring MVC

    @Test
    void sendErrorFromAControllerIsRenderedDirectly() {
        JsonNode conflict = assertContractError(get("/send-error/409"), 409);
        assertThat(conflict.get("code").asString()).isEqualTo("conflict");

        Reply notAllowed = get("/send-error/405");
        assertContractError(notAllowed, 405);
        assertThat(Set.of(notAllowed.header("Allow").split("\\s*,\\s*"))).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");

        Reply unauthorized = get("/send-error/401");
        assertContractError(unauthorized, 401);
        assertThat(unauthorized.header("WWW-Authenticate")).isEqualTo("OAuth realm=\"urn:cpsvc:cpid:" + CID + "\"");

        assertContractError(get("/send-error/501"), 501);
    }

    @Test
    @WebStack.ServletOnly("a servlet container's error page dispatch")
    void sendErrorBeforeRestfaultsFilterGoesThroughTheErrorPage() {
        assertThat(assertContractError(get("/early/send-error"), 409).get("code").asString()).isEqualTo("conflict");
    }

    @Test
    @WebStack.ServletOnly("a plain servlet beside Spring MVC's")
    void failuresOfAServletOutsideSpringMvc() {
        JsonNode conflict = assertContractError(get("/plain/conflict"), 409);
        assertThat(conflict.get("code").asString()).isEqualTo("plainConflict");
        assertThat(assertContractError(get("/plain/boom"), 500).get("code").asString()).isEqualTo("internalServerError");
        assertThat(assertContractError(get("/plain/other"), 404).get("code").asString()).isEqualTo("notFound");
    }

    @Test
    void sendErrorFromAFilter() {
        assertThat(assertContractError(get("/filter/send-error"), 403).get("code").asString()).isEqualTo("forbidden");
    }

    @Test
    void bareErrorStatusGetsAContractBody() {
        assertThat(assertContractError(get("/bare-status"), 409).get("code").asString()).isEqualTo("conflict");
    }

    // ---------------------------------------------------------------- Spring Security

    @Test
    void unauthenticatedIs401WithTheChallenge() {
        Reply r = get("/secure/data");
        JsonNode body = assertContractError(r, 401);
        assertThat(body.get("description").asString()).isEqualTo(text(ContractMessages.AUTHENTICATION_REQUIRED, SupportedLocales.EN_US));
        assertThat(r.headers().allValues("WWW-Authenticate")).containsExactly("OAuth realm=\"urn:cpsvc:cpid:" + CID + "\"");
    }

    @Test
    void badCredentialsAre401AndKeepTheBasicChallengeBesideTheContractOne() {
        Reply r = get("/secure/data", "Authorization", basic("user", "wrong"));
        assertContractError(r, 401);
        assertThat(r.headers().allValues("WWW-Authenticate")).contains("OAuth realm=\"urn:cpsvc:cpid:" + CID + "\"");
        assertThat(get("/secure/data", "Authorization", basic("user", "secret")).status()).isEqualTo(200);
    }

    @Test
    void accessDeniedByTheFilterChainIs403() {
        assertThat(assertContractError(get("/secure/admin", "Authorization", basic("user", "secret")), 403)
                .get("code").asString()).isEqualTo("forbidden");
    }

    @Test
    void methodSecurityIs401ForAnonymousAnd403ForAuthenticated() {
        Reply anonymous = get("/method-secured");
        assertContractError(anonymous, 401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("OAuth realm=\"urn:cpsvc:cpid:" + CID + "\"");
        assertContractError(get("/method-secured", "Authorization", basic("user", "secret")), 403);
    }

    // ---------------------------------------------------------------- formats

    @Test
    void pathPrefixSelectsThePartnerApiFormatNotLocalized() {
        Reply r = get("/legacy/items/7", "X-Locale", "fr-FR");
        assertThat(r.status()).isEqualTo(404);
        assertThat(normalized(r.header("Content-Type"))).isEqualTo("application/json;charset=utf-8");
        JsonNode body = assertErrorHeaders(r);
        assertThat(fieldNames(body)).containsExactly("error");
        assertThat(body.get("error").get("code").asString()).isEqualTo("notFound");
        assertThat(body.get("error").get("message").asString()).isEqualTo("Legacy item 7 does not exist.");
        assertThat(r.header("Content-Language")).isEqualTo("en-US");
        // The prefix matches whole segments only.
        assertContractError(get("/legacyish"), 404);
    }

    @Test
    void aContractExceptionWrappedByTheJsonParserKeepsItsStatus() {
        Reply r = post("/coupons", "application/json", "{\"code\":\"EXPIRED\"}".getBytes(StandardCharsets.UTF_8));
        JsonNode body = assertContractError(r, 422);
        assertThat(body.get("code").asString()).isEqualTo("couponExpired");
        assertThat(body.get("description").asString()).isEqualTo("The coupon has expired.");
        // An ordinary malformed body is still a 400.
        assertContractError(post("/coupons", "application/json", "{".getBytes(StandardCharsets.UTF_8)), 400);
    }

    @Test
    void aBlankSourceFromTheThrowerBecomesTheServicesName() {
        JsonNode body = assertContractError(get("/blank-source"), 409);
        assertThat(body.get("source").asString()).isEqualTo(SOURCE);
    }

    @Test
    void theApplicationCanChooseTheFormatOfOneRequest() {
        Reply r = get("/chosen-format");
        assertThat(r.status()).isEqualTo(404);
        JsonNode body = assertErrorHeaders(r);
        assertThat(body.get("error").get("message").asString()).isEqualTo("Chosen format.");
    }

    @Test
    void traceIsRefusedWithA405InsteadOfEchoingTheRequest() throws IOException {
        RawHttp.Response r;
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("TRACE /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Probe-Secret: s3cr3t-value\r\n\r\n");
            r = raw.read();
        }
        assertThat(r.status()).isEqualTo(405);
        assertThat(normalized(r.headers().get("content-type"))).isEqualTo("application/json;charset=utf-8");
        assertThat(r.headers().get("allow")).contains("GET").doesNotContain("TRACE");
        assertThat(r.body()).doesNotContain("s3cr3t-value").doesNotContain("X-Probe-Secret");
        assertThat(JSON.readTree(r.body()).get("code").asString()).isEqualTo("methodNotAllowed");
        // Where nothing is served, TRACE finds nothing, as OPTIONS or GET would; unless the
        // server refused it before anything could look (Tomcat: a 405 with its own Allow).
        RawHttp.Response nowhere;
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("TRACE /no-such-path HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Probe-Secret: s3cr3t-value\r\n\r\n");
            nowhere = raw.read();
        }
        assertThat(nowhere.body()).doesNotContain("s3cr3t-value");
        if (refusesTraceItself()) {
            assertThat(nowhere.status()).isEqualTo(405);
            assertThat(JSON.readTree(nowhere.body()).get("code").asString()).isEqualTo("methodNotAllowed");
        } else {
            assertThat(nowhere.status()).isEqualTo(404);
            assertThat(nowhere.headers()).doesNotContainKey("allow");
            assertThat(JSON.readTree(nowhere.body()).get("code").asString()).isEqualTo("notFound");
        }
        assertStillServing();
    }

    @Test
    void problemDetailsWhenAcceptPrefersIt() {
        Reply r = get("/items/missing", "Accept", "application/problem+json, application/json;q=0.5");
        assertThat(r.status()).isEqualTo(404);
        assertThat(normalized(r.header("Content-Type"))).startsWith("application/problem+json");
        JsonNode body = assertErrorHeaders(r);
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("title").asString()).isEqualTo("Not found");
        assertThat(body.get("detail").asString()).isEqualTo("Item missing does not exist.");
        assertThat(body.get("code").asString()).isEqualTo("notFound");

        Reply tie = get("/items/missing", "Accept", "application/json, application/problem+json");
        assertContractError(tie, 404);
    }

    // ---------------------------------------------------------------- keep-alive

    @Test
    void keepAliveAfterErrorResponsesIsWhatTheServerDocuments() throws IOException {
        Map<Integer, String> paths = Map.of(400, "/search", 404, "/items/missing", 500, "/throw/unexpected",
                501, "/send-error/501", 503, "/filter/contract");
        for (Map.Entry<Integer, String> e : paths.entrySet()) {
            try (RawHttp raw = new RawHttp(port)) {
                raw.send("GET " + e.getValue() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                RawHttp.Response r = raw.read();
                assertThat(r).isNotNull();
                assertThat(r.status()).isEqualTo(e.getKey());
                boolean expectClose = closesConnectionAfter(e.getKey());
                assertThat("close".equalsIgnoreCase(r.headers().get("connection"))).as("Connection: close after %s", e.getKey())
                        .isEqualTo(expectClose);
                if (expectClose) {
                    assertThat(raw.closedByServer()).as("closed after %s", e.getKey()).isTrue();
                } else {
                    raw.send("GET /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                    RawHttp.Response next = raw.read();
                    assertThat(next).as("connection reused after %s", e.getKey()).isNotNull();
                    assertThat(next.status()).isEqualTo(200);
                }
            }
        }
    }

    // ---------------------------------------------------------------- keep-alive after an unread body

    /**
     * The bound on an unread body in this application (restfault.unread-body.drain-limit=256KB):
     * twice what Jetty reads of an unread body without waiting (16 reads of its 8 KiB buffer), so
     * that the tests do not depend on what has arrived when the exchange completes.
     */
    static final int DRAIN_LIMIT = 256 * 1024;

    /** How a test request frames its body. */
    enum Framing { CONTENT_LENGTH, CHUNKED }

    /** What must become of the connection after the error. */
    enum Reuse {
        /** The connection carries the next request. */
        KEPT,
        /** The error says Connection: close, and the server closes the connection. */
        CLOSED,
        /** Either of the two, the server's choice; never a silent close. */
        EITHER
    }

    /**
     * One way to get an error before the application reads the request's body.
     *
     * @param serverFirst whether the server's own handling meets the body before restfault's (the
     *     server's own error handler; on Jetty, the error page for a sendError ahead of restfault's
     *     filter): then the server decides whether to drain, and the test holds it to the rule only
     */
    record UnreadBodyCase(String what, String path, String headers, int status, boolean serverFirst) {
        @Override
        public String toString() {
            return what;
        }
    }

    List<UnreadBodyCase> unreadBodyCases() {
        return List.of(
                new UnreadBodyCase("Spring MVC: wrong method", "/items/1", "", 405, false),
                new UnreadBodyCase("Spring MVC: unsupported Content-Type", "/items", "Content-Type: text/plain\r\n", 415, false),
                new UnreadBodyCase("ContractException from a controller", "/unread/conflict", "", 409, false),
                new UnreadBodyCase("ContractException from an interceptor", "/unread/interceptor", "", 412, false),
                new UnreadBodyCase("unexpected exception from a controller", "/unread/unexpected", "", 500, false),
                new UnreadBodyCase("sendError from a controller", "/unread/send-error", "", 429, false),
                new UnreadBodyCase("sendError from a filter after restfault's", "/filter/send-error", "", 403, false),
                new UnreadBodyCase("ContractException from a filter after restfault's", "/filter/contract", "", 503, false),
                new UnreadBodyCase("Spring Security's entry point", "/secure/data", "", 401, false),
                new UnreadBodyCase("Spring Security's access-denied handler", "/secure/admin",
                        "Authorization: " + basic("user", "secret") + "\r\n", 403, false),
                new UnreadBodyCase("method security, anonymous", "/unread/method-secured", "", 401, false),
                new UnreadBodyCase("sendError from a filter before restfault's (the server's error page)", "/early/send-error", "",
                        409, settlesUnreadBodyBeforeItsErrorPage()),
                new UnreadBodyCase("the server's own error handler (encoded slash)", "/a%2Fb", "", 400, true))
                .stream()
                // WebFlux has no error page: a bare status set before restfault's filter is not its to render.
                .filter(c -> stack() == WebStack.SERVLET || !c.path().equals("/early/send-error"))
                .toList();
    }

    /** Every case, in both framings, with the 5,000 bytes of the issue and with exactly the bound. */
    Stream<Arguments> unreadBodiesWithinTheBound() {
        return unreadBodyCases().stream().flatMap(c -> Stream.of(Framing.values())
                .flatMap(f -> Stream.of(5_000, DRAIN_LIMIT)
                        .map(size -> Arguments.of(c, f, size))));
    }

    /** Every case, in both framings, one byte over the bound. */
    Stream<Arguments> unreadBodiesOverTheBound() {
        return unreadBodyCases().stream().flatMap(c -> Stream.of(Framing.values())
                .map(f -> Arguments.of(c, f, DRAIN_LIMIT + 1)));
    }

    /**
     * An error answered before the body is read, the body within the bound: the connection
     * carries the next request, unless the server closes after that status anyway, and then the
     * error says so.
     */
    @ParameterizedTest(name = "{0}, {2} bytes, {1}")
    @MethodSource("unreadBodiesWithinTheBound")
    void anUnreadBodyWithinTheBoundKeepsTheConnection(UnreadBodyCase c, Framing framing, int size) throws Exception {
        Reuse expected = c.serverFirst() ? Reuse.EITHER : closesConnectionAfter(c.status()) ? Reuse.CLOSED : Reuse.KEPT;
        assertConnectionAfterUnreadBody(c, framing, size, expected);
    }

    /** An error answered before the body is read, the body over the bound: the error says Connection: close, and the connection closes. */
    @ParameterizedTest(name = "{0}, {2} bytes, {1}")
    @MethodSource("unreadBodiesOverTheBound")
    void anUnreadBodyOverTheBoundClosesTheConnectionSayingSo(UnreadBodyCase c, Framing framing, int size) throws Exception {
        assertConnectionAfterUnreadBody(c, framing, size, c.serverFirst() ? Reuse.EITHER : Reuse.CLOSED);
    }

    /**
     * Sends {@code POST c.path} with a body of {@code size} bytes that the application does not
     * read, reads the error, then asks for {@code /items/1} on the same connection: either that is
     * answered, or the error said Connection: close and the server closed the connection. A
     * connection closed after an error that promised keep-alive fails.
     */
    void assertConnectionAfterUnreadBody(UnreadBodyCase c, Framing framing, int size, Reuse expected) throws Exception {
        String what = c.what() + ", " + size + " bytes " + framing;
        byte[] content = RawHttp.jsonBody(size);
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("POST " + c.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + c.headers()
                    + (c.headers().contains("Content-Type") ? "" : "Content-Type: application/json\r\n")
                    + (framing == Framing.CONTENT_LENGTH ? "Content-Length: " + size : "Transfer-Encoding: chunked") + "\r\n\r\n");
            CompletableFuture<Void> sending = raw.sendInBackground(
                    framing == Framing.CONTENT_LENGTH ? content : RawHttp.chunked(content));
            RawHttp.Response r = raw.read();
            assertThat(r).as("%s: a response", what).isNotNull();
            assertThat(r.status()).as("%s: status of %s", what, r.body()).isEqualTo(c.status());
            assertThat(JSON.readTree(r.body()).get("code").asString()).as(what).isNotBlank();
            assertNextRequestOrClose(raw, r, sending, what, expected);
        }
    }

    /**
     * After the error {@code r}: when it said Connection: close, the server closes the connection;
     * otherwise, once the body is sent, the connection answers the next request.
     */
    static void assertNextRequestOrClose(RawHttp raw, RawHttp.Response r, CompletableFuture<Void> sending,
            String what, Reuse expected) throws Exception {
        boolean close = "close".equalsIgnoreCase(r.headers().get("connection"));
        if (expected != Reuse.EITHER) {
            assertThat(close).as("%s: Connection: close on %s", what, r.headers()).isEqualTo(expected == Reuse.CLOSED);
        }
        if (close) {
            assertThat(raw.closedByServer(10_000)).as("%s: closed after Connection: close", what).isTrue();
            return;
        }
        try {
            sending.get(20, TimeUnit.SECONDS); // a connection kept open takes the whole body
        } catch (ExecutionException closed) {
            throw new AssertionError(what + ": the connection closed while the body was sent, after an error that did not"
                    + " say Connection: close", closed.getCause());
        }
        raw.send("GET /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        RawHttp.Response next = raw.read();
        assertThat(next).as("%s: the next request on a connection the error kept open (closed silently?)", what).isNotNull();
        assertThat(next.status()).as(what).isEqualTo(200);
    }

    /**
     * A client that writes all of a body far over the bound before it reads anything, as
     * {@code java.net.http} may: the error says Connection: close, and the server lets the client
     * finish sending before it closes, so that no reset throws away the error the client has not
     * read yet. 32 MiB is more than loopback's socket buffers hold.
     */
    @Test
    void aBodyFarOverTheBoundSentInFullBeforeReadingStillGetsItsError() throws Exception {
        assumeTrue(lingersBeforeClosing(),
                "this server closes the connection itself after an error that says Connection: close");
        byte[] body = RawHttp.jsonBody(32 * 1024 * 1024);
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("POST /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n");
            CompletableFuture<Void> sending = raw.sendInBackground(body);
            try {
                sending.get(20, TimeUnit.SECONDS);
            } catch (ExecutionException reset) {
                throw new AssertionError("the server closed the connection while the body was still sent", reset.getCause());
            }
            RawHttp.Response r = raw.read();
            assertThat(r).as("the error, read after the whole body was sent").isNotNull();
            assertThat(r.status()).isEqualTo(405);
            assertThat(r.headers().get("connection")).isEqualToIgnoringCase("close");
            assertThat(JSON.readTree(r.body()).get("code").asString()).isEqualTo("methodNotAllowed");
            assertThat(raw.closedByServer(10_000)).as("closed after Connection: close").isTrue();
        }
        assertStillServing();
    }

    /**
     * A chunked body whose framing breaks after the error is answered: it cannot be drained, so
     * the error says Connection: close.
     */
    @Test
    void anUnreadMalformedChunkedBodyClosesTheConnectionSayingSo() throws Exception {
        assertUndrainableBodyClosesTheConnection(BrokenBody.MALFORMED_CHUNKS, "Transfer-Encoding: chunked\r\n\r\n"
                + "5\r\n\"abc\"\r\nzz\r\nxyz\r\n0\r\n\r\n", false);
    }

    /**
     * A client that stops sending its body: the drain gives up after its time bound (on Tomcat, a
     * single read waits as long as the server's connection timeout) and the error says
     * Connection: close; the connection is not left waiting for the rest.
     */
    @Test
    void aStalledUnreadBodyClosesTheConnectionSayingSo() throws Exception {
        assertUndrainableBodyClosesTheConnection(BrokenBody.STALLED, "Content-Length: 5000\r\n\r\n\"" + "x".repeat(99), false);
    }

    /** A client that half-closes the connection before its body is complete: the body ends early. */
    @Test
    void aBodyCutShortByTheClientClosesTheConnectionSayingSo() throws Exception {
        assertUndrainableBodyClosesTheConnection(BrokenBody.CUT_SHORT, "Content-Length: 5000\r\n\r\n\"" + "x".repeat(99), true);
    }

    /** Why a request body cannot be drained. */
    enum BrokenBody {
        /** Its chunked framing breaks. */
        MALFORMED_CHUNKS(400),
        /** The client stops sending it. */
        STALLED(408),
        /** The client half-closes the connection before it is complete. */
        CUT_SHORT(400);

        /** What Tomcat answers itself when it fails to read such a body. */
        final int tomcatStatus;

        BrokenBody(int tomcatStatus) {
            this.tomcatStatus = tomcatStatus;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ') + " body";
        }
    }

    /**
     * What the client gets for POST /items/1 (a 405) whose body is {@code body}: restfault's 405, or
     * the status the server answers such a body with itself (Tomcat), or 0 for no answer at all,
     * the connection closed.
     */
    int statusForABrokenBody(BrokenBody body) {
        return answersAFailedBodyReadItself() ? body.tomcatStatus : 405;
    }

    /**
     * POST /items/1 (a 405) with {@code rest} after the Content-Type header: the body cannot be
     * drained, so the error says Connection: close and the connection closes. Tomcat answers a
     * body it fails to read itself ({@link BrokenBody#tomcatStatus}).
     */
    void assertUndrainableBodyClosesTheConnection(BrokenBody body, String rest, boolean halfClose) throws Exception {
        String what = body.toString();
        int status = statusForABrokenBody(body);
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("POST /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + rest);
            if (halfClose) {
                raw.shutdownOutput();
            }
            RawHttp.Response r = raw.read();
            if (status == 0) {
                assertThat(r).as("%s: no answer", what).isNull();
                assertThat(raw.closedByServer()).as("%s: closed", what).isTrue();
                assertStillServing();
                return;
            }
            assertThat(r).as(what).isNotNull();
            assertThat(r.status()).as("%s: %s", what, r.body()).isEqualTo(status);
            assertThat(JSON.readTree(r.body()).get("code").asString()).as(what).isNotBlank();
            assertNextRequestOrClose(raw, r, CompletableFuture.completedFuture(null), what, Reuse.CLOSED);
        }
        assertStillServing();
    }

    /**
     * A client that waits for 100 Continue before sending its body: the error is its final answer
     * and says Connection: close, since the client may or may not send the body now. restfault
     * never asks for the body itself; Tomcat sends 100 Continue on its own as soon as it has read
     * the headers (its default continueResponseTiming), Jetty only when the body is asked for.
     */
    @Test
    void anErrorForAClientExpecting100ContinueClosesTheConnection() throws Exception {
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("POST /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Expect: 100-continue\r\nContent-Length: 5000\r\n\r\n");
            RawHttp.Response r = raw.read();
            assertThat(r).isNotNull();
            if (sends100ContinueItself()) {
                assertThat(r.status()).isEqualTo(100);
                r = raw.read();
                assertThat(r).isNotNull();
            }
            assertThat(r.status()).as("the final answer, not 100 Continue: %s", r.body()).isEqualTo(405);
            assertNextRequestOrClose(raw, r, CompletableFuture.completedFuture(null), "Expect: 100-continue", Reuse.CLOSED);
        }
    }

    /** Requests without a body, HEAD among them, and an empty body: the error keeps the connection. */
    @Test
    void bodilessRequestsKeepTheConnectionAfterAnError() throws Exception {
        for (String request : List.of("GET /items/missing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                "HEAD /items/missing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                "POST /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n",
                "DELETE /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")) {
            String what = request.substring(0, request.indexOf('\r'));
            try (RawHttp raw = new RawHttp(port)) {
                raw.send(request);
                RawHttp.Response r = request.startsWith("HEAD") ? raw.readHeadOnly() : raw.read();
                assertThat(r).as(what).isNotNull();
                assertThat(r.status()).as(what).isIn(404, 405);
                assertNextRequestOrClose(raw, r, CompletableFuture.completedFuture(null), what, Reuse.KEPT);
            }
        }
    }

    // ---------------------------------------------------------------- under load

    /** The requests of the bounded load test: 8 keep-alive connections of 200 requests each. */
    static final int LOAD_CONNECTIONS = 8;
    static final int LOAD_REQUESTS = LOAD_CONNECTIONS * 200;

    /**
     * Keep-alive connections under concurrency: plain GETs of a read-only resource mixed with
     * requests whose bodies it refuses (5,000-byte JSON by POST and PUT, truncated JSON, an
     * unsupported media type) and the probe's cases. After every error the connection is either
     * still usable or the answer said {@code Connection: close}: not one request is lost to a
     * connection closed silently, and every answer keeps the contract. Bounded by a request count,
     * never by time.
     */
    @Test
    void underLoadNoConnectionIsClosedSilentlyAndEveryAnswerKeepsTheContract() {
        LoadReport report = LoadRunner.builder(URI.create("http://127.0.0.1:" + port + "/"))
                .resource("items/1")
                .expectedFormat(ErrorFormat.PARTNER_CENTER)
                .mix(LoadMix.parse("get=4,post-json=2,put-json=1,malformed-json=1,unsupported-media-type=1,probe=1"))
                .connections(LOAD_CONNECTIONS)
                .requests(LOAD_REQUESTS)
                .timeout(Duration.ofSeconds(20))
                .build()
                .run();
        String shown = LoadReports.text(report);
        assertThat(report.brokenConnections()).as(shown).isZero();
        assertThat(report.failed()).as(shown).isZero();
        assertThat(report.violations()).as(shown).isEmpty();
        assertThat(report.answered()).isEqualTo(LOAD_REQUESTS);
        // The read-only resource refused every body: errors with bodies did happen.
        assertThat(report.answersByStatus()).as(shown).containsKeys(200, 404, 405, 406);
        assertThat(report.isConformant()).isTrue();
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badInputTenMegabyteBody() {
        byte[] big = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        big[0] = '{';
        Reply r = post("/items", "application/json", big);
        // Spring MVC parses it and fails (400); WebFlux's codec stops at its in-memory limit (256 KB).
        assertContractError(r, stack() == WebStack.SERVLET ? 400 : 413);
        assertStillServing();
    }

    @Test
    void badInputJsonNested100000Deep() {
        byte[] deep = "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        assertContractError(post("/items", "application/json", deep), 400);
        assertStillServing();
    }

    @Test
    void badInputInvalidUtf8() {
        byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
        assertContractError(post("/items", "application/json", body), 400);
        assertStillServing();
    }

    /**
     * A bare CR or a NUL in a header value: both servers reject the request with a 400 before the
     * application sees it, and restfault's container-level handler renders it in the contract. An
     * obs-fold (CRLF then a space) is rejected by Jetty (400) and unfolded into a space by Tomcat,
     * as RFC 9112 section 5.2 allows either; unfolded, the value is no language tag and is ignored.
     * A bare LF is a line terminator (RFC 9112 section 2.2 allows that), so what follows it is a
     * header of its own; it never reaches a response. Netty refuses it instead (the same section
     * allows that too): a contract 400.
     */
    @Test
    void badInputHeaderValuesWithCrOrLf() throws IOException {
        for (String header : List.of("X-Locale: fr\rX-Injected: 1", "X-Locale: fr\u0000x",
                "MS-CorrelationId: " + UUID.randomUUID() + "\rSet-Cookie: a=b")) {
            String shown = header.replace("\r", "<CR>").replace("\n", "<LF>").replace("\u0000", "<NUL>");
            RawHttp.Response r = rawGet("/items/1", header);
            assertThat(r).as(shown).isNotNull();
            assertRawContractError(r, 400, shown);
            assertThat(r.headers()).doesNotContainKeys("x-injected", "set-cookie");
            // The server cannot trust the rest of the stream: it closes the connection.
            assertThat(r.headers().get("connection")).as(shown).isEqualToIgnoringCase("close");
        }
        RawHttp.Response folded = rawGet("/items/missing", "X-Locale: fr\r\n folded");
        if (folded.status() == 400) {
            assertRawContractError(folded, 400, "obs-fold");
        } else {
            assertThat(folded.status()).isEqualTo(404);
            assertThat(folded.headers().get("content-language")).isEqualTo("en-US");
        }
        RawHttp.Response lf = rawGet("/items/missing", "X-Locale: fr\nX-Injected: 1");
        if (refusesBareLf()) {
            assertRawContractError(lf, 400, "bare LF");
        } else {
            assertThat(lf.status()).isEqualTo(404);
        }
        assertThat(lf.headers()).doesNotContainKey("x-injected");
        assertStillServing();
    }

    /** Paths the servers refuse on their own (an encoded slash, dot segments): contract 400s. */
    @Test
    void containerRejectedPathsAreContractErrors() throws IOException {
        for (String path : List.of("/a%2Fb", "/%2e%2e/etc/passwd")) {
            assertRawContractError(rawGet(path, "X-Locale: fr-FR"), 400, path);
        }
        assertStillServing();
    }

    /** Headers over the server's limit (32 KB here): the server refuses them itself, in the contract. */
    @Test
    void badInputHeadersOverTheServersLimit() throws IOException {
        RawHttp.Response r = rawGet("/items/1", "X-Locale: " + "a".repeat(40 * 1024));
        assertThat(r).isNotNull();
        assertThat(r.status()).isIn(400, 431);
        assertThat(normalized(r.headers().get("content-type"))).isEqualTo("application/json;charset=utf-8");
        assertThat(RequestIds.isValid(r.headers().get("ms-requestid"))).isTrue();
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("code").asString()).isEqualTo(r.status() == 431 ? "requestHeaderFieldsTooLarge" : "badRequest");
        assertStillServing();
    }

    /**
     * The same over-limit headers on a connection that has already served a request, 20 times:
     * each is answered in the contract (Reactor Netty alone leaves some unanswered, the client
     * waiting until its own timeout), and the server closes the connection after it when it says so.
     */
    @Test
    void badInputHeadersOverTheServersLimitOnAKeptConnection() throws IOException {
        for (int i = 0; i < 20; i++) {
            try (RawHttp raw = new RawHttp(port)) {
                raw.send("GET /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                RawHttp.Response first = raw.read();
                assertThat(first).isNotNull();
                assertThat(first.status()).isEqualTo(200);
                raw.send("GET /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Locale: " + "a".repeat(40 * 1024) + "\r\n\r\n");
                RawHttp.Response r = raw.read();
                assertThat(r).as("answer %s", i).isNotNull();
                assertThat(r.status()).isIn(400, 431);
                assertThat(JSON.readTree(r.body()).get("code").asString())
                        .isEqualTo(r.status() == 431 ? "requestHeaderFieldsTooLarge" : "badRequest");
                if ("close".equalsIgnoreCase(r.headers().get("connection"))) {
                    assertThat(raw.closedByServer()).isTrue();
                }
            }
        }
        assertStillServing();
    }

    RawHttp.Response rawGet(String path, String header) throws IOException {
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + "\r\n\r\n");
            return raw.read();
        }
    }

    static void assertRawContractError(RawHttp.Response r, int status, String what) {
        assertThat(r.status()).as(what).isEqualTo(status);
        assertThat(normalized(r.headers().get("content-type"))).as(what).isEqualTo("application/json;charset=utf-8");
        assertThat(r.headers().get("cache-control")).as(what).isEqualTo("no-store");
        assertThat(r.headers().get("x-content-type-options")).as(what).isEqualTo("nosniff");
        assertThat(RequestIds.isValid(r.headers().get("ms-correlationid"))).as(what).isTrue();
        assertThat(RequestIds.isValid(r.headers().get("ms-requestid"))).as(what).isTrue();
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("code").asString()).as(what).isEqualTo("badRequest");
        assertThat(body.get("description").asString()).as(what).isNotBlank();
        assertThat(body.get("source").asString()).as(what).isEqualTo(SOURCE);
    }

    @Test
    void badInputTenKilobyteXLocaleIsIgnored() {
        String huge = "fr-" + "a".repeat(10 * 1024);
        Reply ok = get("/items/1", "X-Locale", huge);
        assertThat(ok.status()).isEqualTo(200);
        Reply error = get("/items/missing", "X-Locale", huge, "Accept-Language", "ja-JP");
        assertContractError(error, 404);
        assertThat(error.header("Content-Language")).isEqualTo("ja-JP");
        assertStillServing();
    }

    @Test
    @WebStack.ServletOnly("WebFlux refuses every request with such an Accept: badInputAcceptWithAThousandEntriesIsRefused")
    void badInputAcceptWithAThousandEntries() {
        StringBuilder accept = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            accept.append(i == 0 ? "" : ", ").append("application/x-type-").append(i).append(";q=0.").append(i % 9 + 1);
        }
        Reply error = get("/items/missing", "Accept", accept.toString());
        assertContractError(error, 404);
        Reply ok = get("/items/1", "Accept", accept.toString());
        // Spring MVC refuses to sort more than 50 media types, so even an acceptable JSON at the end
        // of the list is a 406: HTTP allows either that or disregarding the header.
        assertContractError(get("/items/1", "Accept", accept + ", application/json;q=0.1"), 406);
        // Spring MVC answers 406, listing what it can produce.
        JsonNode notAcceptable = assertContractError(ok, 406);
        assertThat(texts(notAcceptable.get("data"), "description")).contains("application/json");
        Reply withProblem = get("/items/missing", "Accept", accept + ", application/problem+json");
        assertThat(withProblem.status()).isEqualTo(404);
        assertErrorHeaders(withProblem);
        assertStillServing();
    }

    // ---------------------------------------------------------------- review fixes

    @Test
    void responseStatusAnnotatedExceptionsGetTheirStatusAndReason() {
        Reply missing = get("/annotated/missing");
        JsonNode body = assertContractError(missing, 404);
        assertThat(body.get("code").asString()).isEqualTo("notFound");
        assertThat(body.get("description").asString()).isEqualTo(TEXTS.statusDescription(404, SupportedLocales.EN_US));
        assertThat(missing.text()).doesNotContain("order table", "internal");

        Reply reason = get("/annotated/reason", "X-Locale", "fr-FR");
        JsonNode locked = assertContractError(reason, 409);
        assertThat(locked.get("code").asString()).isEqualTo("conflict");
        assertThat(locked.get("description").asString()).isEqualTo("The order is locked.");
        assertThat(reason.text()).doesNotContain("batch job");
    }

    @Test
    void badInputModelAttributeTypeMismatchNeverEchoesTheValueOrJavaTypes() {
        Reply r = get("/listing?page=%3Cscript%3Ealert(1)%3C/script%3E");
        JsonNode body = assertContractError(r, 400);
        assertThat(texts(body.get("data"), "source")).containsExactly("page");
        assertThat(texts(body.get("data"), "description"))
                .containsExactly(text("error.invalidParameter", SupportedLocales.EN_US, "page"));
        assertThat(r.text()).doesNotContain("java.", "<script>", "alert", "Failed to convert", "String");
        JsonNode fr = assertContractError(get("/listing?page=x", "X-Locale", "fr-FR"), 400);
        assertThat(texts(fr.get("data"), "description"))
                .containsExactly(text("error.invalidParameter", SupportedLocales.FR_FR, "page"));
    }

    /** The JVM runs in German (see start()); the application has a German bundle Spring falls back to. */
    @Test
    void theSystemLocalesBundleNeverAnswersAnotherLanguage() {
        assertThat(Locale.getDefault()).isEqualTo(Locale.GERMANY);
        Reply en = get("/domains/contoso.com", "Accept-Language", "en-US");
        assertThat(assertContractError(en, 409).get("description").asString()).isEqualTo("The domain contoso.com is already taken.");
        assertThat(en.header("Content-Language")).isEqualTo("en-US");
        Reply ja = get("/domains/contoso.com", "X-Locale", "ja-JP");
        assertThat(assertContractError(ja, 409).get("description").asString()).isEqualTo("The domain contoso.com is already taken.");
        assertThat(ja.header("Content-Language")).isEqualTo("en-US");
        Reply fr = get("/domains/contoso.com", "X-Locale", "fr-FR");
        assertThat(assertContractError(fr, 409).get("description").asString()).isEqualTo("Le domaine contoso.com est déjà pris.");
        assertThat(fr.header("Content-Language")).isEqualTo("fr-FR");

        // messages_de.properties has a NotBlank text: it is German, so neither English nor French
        // violations get it; they get Bean Validation's own text in their language.
        byte[] invalid = "{\"name\":\"\",\"quantity\":1}".getBytes(StandardCharsets.UTF_8);
        JsonNode enBody = assertContractError(post("/items", "application/json", invalid), 400);
        assertThat(texts(enBody.get("data"), "description")).containsExactly("must not be blank");
        JsonNode frBody = assertContractError(post("/items", "application/json", invalid, "X-Locale", "fr-FR"), 400);
        assertThat(texts(frBody.get("data"), "description")).doesNotContain("Darf nicht leer sein (Anwendung).", "must not be blank")
                .hasSize(1);
    }

    @Test
    void partnerApiDetailsAreInEnglishLikeTheMessage() {
        Reply en = get("/legacy/page?size=0");
        Reply fr = get("/legacy/page?size=0", "X-Locale", "fr-FR");
        assertThat(fr.status()).isEqualTo(400);
        JsonNode error = assertErrorHeaders(fr).get("error");
        assertThat(fr.header("Content-Language")).isEqualTo("en-US");
        assertThat(error.get("message").asString()).isEqualTo(text(ContractMessages.VALIDATION_FAILED, SupportedLocales.EN_US, 1));
        assertThat(texts(error.get("details"), "message")).containsExactly("must be greater than or equal to 1")
                .isEqualTo(texts(en.json().get("error").get("details"), "message"));
    }

    @Test
    void aParameterTypeWithoutConverterIsAServerBug() {
        Reply r = get("/unconvertible?value=x");
        assertThat(assertContractError(r, 500).get("code").asString()).isEqualTo("internalServerError");
        List<ILoggingEvent> logged = loggedLines(r.header("MS-RequestId"));
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
        assertThat(logged.get(0).getThrowableProxy().getClassName()).endsWith("ConversionNotSupportedException");
    }

    @Test
    void anInvalidReturnValueIsAServerBugNotAClientError() {
        Reply r = get("/broken-return");
        assertThat(assertContractError(r, 500).get("code").asString()).isEqualTo("internalServerError");
        assertThat(r.text()).doesNotContain("return value", "null");
        List<ILoggingEvent> logged = loggedLines(r.header("MS-RequestId"));
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
        assertThat(logged.get(0).getThrowableProxy().getClassName()).isEqualTo("jakarta.validation.ConstraintViolationException");
    }

    @Test
    void containerElementViolationsNameTheElementNotTheSyntheticNode() {
        JsonNode body = assertContractError(get("/tags?name=ok&name=%20"), 400);
        assertThat(texts(body.get("data"), "source")).containsExactly("names[1]");
        assertThat(texts(body.get("data"), "code")).containsExactly("notBlank");
    }

    @Test
    void aServerErrorResponseWithACauseIsLoggedAtWarn() {
        String marker = UUID.randomUUID().toString();
        Reply r = get("/upstream?marker=" + marker);
        JsonNode body = assertContractError(r, 502);
        assertThat(body.get("description").asString()).isEqualTo("The upstream failed.");
        assertThat(r.text()).doesNotContain(marker);
        List<ILoggingEvent> logged = loggedLines(marker);
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
        assertThat(logged.get(0).getFormattedMessage()).contains(r.header("MS-RequestId")).doesNotContain("\n");
    }

    @Test
    void anApplicationChallengeIsKeptBesideTheContractOne() {
        Reply r = get("/bearer");
        assertContractError(r, 401);
        String challenges = String.join(", ", r.headers().allValues("WWW-Authenticate"));
        assertThat(challenges).contains("Bearer realm=\"app\"").contains("OAuth realm=\"urn:cpsvc:cpid:" + CID + "\"");
    }

    @Test
    @WebStack.ServletOnly("a servlet response's writer, whose charset is fixed once taken")
    void anErrorAfterTheApplicationTookTheWriterKeepsItsText() {
        Reply r = get("/writer-then-fail");
        assertThat(r.status()).isEqualTo(409);
        assertThat(normalized(r.header("Content-Type"))).startsWith("application/json");
        assertThat(r.text()).doesNotContain("?").matches("\\p{ASCII}*");
        if (r.header("Content-Length") != null) {
            assertThat(Integer.parseInt(r.header("Content-Length"))).isEqualTo(r.body().length);
        }
        JsonNode body = assertErrorHeaders(r);
        assertThat(body.get("code").asString()).isEqualTo("outOfStock");
        assertThat(body.get("description").asString()).isEqualTo("在庫がありません。");
    }

    @Test
    void successEntityHeadersAreRemovedFromTheErrorButCookiesKept() {
        Reply r = get("/entity-headers");
        assertThat(assertContractError(r, 409).get("code").asString()).isEqualTo("reportBusy");
        assertThat(r.headers().map().keySet().stream().map(h -> h.toLowerCase(Locale.ROOT)))
                .doesNotContain("content-disposition", "content-encoding", "location", "etag", "last-modified");
        assertThat(r.header("Set-Cookie")).startsWith("session=abc");
    }

    @Test
    void theApplicationsTranslatorsComeBeforeAContractExceptionInTheCauseChain() {
        JsonNode body = assertContractError(get("/wrapped"), 503);
        assertThat(body.get("code").asString()).isEqualTo("wrappedByTheApplication");
    }

    @Test
    void aFrameworkWrapperOfAContractExceptionIsLoggedOnOneLine() {
        Reply r = post("/coupons", "application/json", "{\"code\":\"EXPIRED\"}".getBytes(StandardCharsets.UTF_8));
        assertContractError(r, 422);
        List<ILoggingEvent> logged = loggedLines(r.header("MS-RequestId"));
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
        assertThat(logged.get(0).getFormattedMessage()).contains(unreadableBodyException()).contains("422");
        assertThat(logged.get(0).getThrowableProxy()).isNull();
    }

    @Test
    @WebStack.ServletOnly("a servlet container's error page dispatch")
    void methodNotAllowedOnTheErrorDispatchListsTheFailedPathsMethods() {
        Reply r = method("DELETE", "/early/readonly");
        assertContractError(r, 405);
        assertThat(Set.of(r.header("Allow").split("\\s*,\\s*"))).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");
    }

    @Test
    void aClientThatWentAwayIsNotAnUnexpectedFailure() {
        String marker = UUID.randomUUID().toString();
        get("/filter/disconnect?marker=" + marker);
        assertThat(loggedWith(marker)).isEmpty();
        assertThat(events().stream().filter(e -> e.getFormattedMessage().contains(marker))).isEmpty();
        assertStillServing();
    }

    @Test
    void aBrokenPipeOfTheApplicationsOwnIsAContractErrorNotAnEmptyResponse() {
        String marker = UUID.randomUUID().toString();
        Reply r = get("/filter/upstream-broken-pipe?marker=" + marker);
        JsonNode body = assertContractError(r, 500);
        assertThat(r.text()).doesNotContain("Broken pipe").doesNotContain(marker);
        assertThat(body.get("code").asString()).isEqualTo("internalServerError");
    }

    @Test
    void anApplicationTranslatorNeverReplacesAContractExceptionThrownAsItIs() {
        // The greedy translator claims what it is shown: an application exception...
        assertThat(assertContractError(get("/throw/unexpected", "X-Greedy-Translator", "on"), 418)
                .get("code").asString()).isEqualTo("greedy");
        // ...but a ContractException thrown as it is keeps its own status and code.
        JsonNode body = assertContractError(get("/domains/contoso.com", "X-Greedy-Translator", "on"), 409);
        assertThat(body.get("code").asString()).isEqualTo("domainTaken");
    }

    // ---------------------------------------------------------------- protocol-level bad input

    /** WARN and ERROR lines about one request (its correlation id is in the MDC or the message). */
    List<ILoggingEvent> warningsAbout(String correlation) {
        return events().stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                .filter(e -> correlation.equals(e.getMDCPropertyMap().get(RestfaultRequest.MDC_CORRELATION_ID))
                        || e.getFormattedMessage().contains(correlation))
                .toList();
    }

    /**
     * A query string whose percent-encoding is invalid: Jetty throws its own 400 exception (an
     * {@code org.eclipse.jetty.http.HttpException}) when the parameters are parsed, Tomcat its
     * {@code InvalidParameterException}; both are the client's fault: a contract 400, not an
     * unexpected 500 logged with a stack trace.
     */
    @Test
    void badInputInvalidPercentEncodingInTheQueryIs400() throws IOException {
        List<String> queries = new ArrayList<>(List.of("q=a&x=%zz", "q=a&a=%", "q=a&a=%e2%82", "q=a&%zz=1", "q=%zz"));
        if (stack() == WebStack.REACTIVE) {
            // A cut UTF-8 sequence is a valid URI: WebFlux decodes it leniently (U+FFFD) and the
            // request reaches the application, as a request whose parameter has that value.
            queries.remove("q=a&a=%e2%82");
            assertThat(rawGet("/search?q=a&a=%e2%82", "X-Locale: fr-FR").status()).isEqualTo(200);
        }
        for (String query : queries) {
            String correlation = UUID.randomUUID().toString();
            RawHttp.Response r = rawGet("/search?" + query, "MS-CorrelationId: " + correlation + "\r\nX-Locale: fr-FR");
            assertThat(r).as(query).isNotNull();
            assertRawContractError(r, 400, query);
            assertThat(r.headers().get("ms-correlationid")).as(query).isEqualTo(correlation);
            assertThat(warningsAbout(correlation)).as("WARN/ERROR lines for %s", query).isEmpty();
        }
        assertStillServing();
    }

    /**
     * Errors the server raises before the application, for methods other than GET, POST and HEAD
     * (Jetty's own error handler renders a page only for those three): the same contract error.
     */
    @Test
    void protocolErrorsAreContractErrorsForEveryMethod() throws IOException {
        for (String method : List.of("PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND", "TRACE")) {
            for (String header : List.of("X-Bad: a\u0001b", "X-Bad: a\rb")) {
                String what = method + " with " + header.replace("\r", "<CR>").replace("\u0001", "<SOH>");
                RawHttp.Response r = raw(method + " /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + "\r\n\r\n");
                assertThat(r).as(what).isNotNull();
                assertRawContractError(r, 400, what);
            }
            RawHttp.Response path = raw(method + " /a%2Fb HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(path).as(method + " /a%2Fb").isNotNull();
            if (stack() == WebStack.REACTIVE && method.equals("TRACE")) {
                // On WebFlux the path is refused by Spring Security's firewall, a filter after
                // restfault's, which refuses TRACE first: nothing serves the path, a 404.
                assertThat(path.status()).isEqualTo(404);
                assertThat(JSON.readTree(path.body()).get("code").asString()).isEqualTo("notFound");
            } else {
                assertRawContractError(path, 400, method + " /a%2Fb");
            }

            RawHttp.Response big = raw(method + " /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(40 * 1024)
                    + "\r\n\r\n");
            assertThat(big).as(method + " with a 40 KB header").isNotNull();
            assertThat(big.status()).as(method + " with a 40 KB header").isIn(400, 431);
            assertThat(normalized(big.headers().get("content-type"))).as(method).isEqualTo("application/json;charset=utf-8");
            assertThat(big.headers().get("x-content-type-options")).as(method).isEqualTo("nosniff");
            assertThat(RequestIds.isValid(big.headers().get("ms-requestid"))).as(method).isTrue();
            assertThat(JSON.readTree(big.body()).get("code").asString()).as(method)
                    .isEqualTo(big.status() == 431 ? "requestHeaderFieldsTooLarge" : "badRequest");
        }
        assertStillServing();
    }

    /** A HEAD the server refuses: the error's headers (its Content-Length too), never its body. */
    @Test
    void protocolErrorsAnsweringHeadHaveNoBody() throws IOException {
        for (String request : List.of("HEAD /a%2Fb HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                "HEAD /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Bad: a\u0000b\r\n\r\n",
                "HEAD /search?q=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")) {
            String what = request.substring(0, request.indexOf('\r'));
            try (RawHttp raw = new RawHttp(port)) {
                raw.send(request);
                RawHttp.Response r = raw.readHeadOnly();
                assertThat(r).as(what).isNotNull();
                assertThat(r.status()).as(what).isEqualTo(400);
                assertThat(normalized(r.headers().get("content-type"))).as(what).isEqualTo("application/json;charset=utf-8");
                assertThat(r.headers().get("cache-control")).as(what).isEqualTo("no-store");
                assertThat(r.headers().get("x-content-type-options")).as(what).isEqualTo("nosniff");
                assertThat(RequestIds.isValid(r.headers().get("ms-correlationid"))).as(what).isTrue();
                assertThat(RequestIds.isValid(r.headers().get("ms-requestid"))).as(what).isTrue();
                // The length a GET would have had (RFC 9110 §9.3.2 allows it, and it says there is an error body).
                assertThat(r.headers().get("content-length")).as(what).isNotNull().isNotEqualTo("0");
                assertThat(raw.remainingBytes()).as("body sent after the head of %s", what).isEmpty();
            }
        }
        assertStillServing();
    }

    /**
     * A chunked body whose chunk size is not hexadecimal: a 400 (or no answer at all, as the
     * server may drop a connection whose framing it cannot trust), never an unexpected 500.
     */
    @Test
    void badInputMalformedChunkedBodyIsNeverA500() throws IOException {
        // /items lets Spring's message converter read the body; /raw-body reads it itself.
        for (String path : List.of("/items", "/raw-body")) {
            for (String chunks : List.of("zz\r\n{}\r\n0\r\n\r\n", "2\r\n{}\r\nzz\r\n")) {
                String correlation = UUID.randomUUID().toString();
                RawHttp.Response r = raw("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\nMS-CorrelationId: " + correlation + "\r\n\r\n" + chunks);
                String what = path + " " + chunks.replace("\r\n", "<CRLF>");
                if (r != null) {
                    assertRawContractError(r, 400, what);
                }
                assertThat(warningsAbout(correlation)).as("WARN/ERROR lines for %s", what)
                        .noneMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR);
            }
        }
        assertStillServing();
    }

    RawHttp.Response raw(String request) throws IOException {
        try (RawHttp raw = new RawHttp(port)) {
            raw.send(request);
            return raw.read();
        }
    }

    // ---------------------------------------------------------------- the conformance probe

    /**
     * restfault's conformance probe (restfault-testkit) against this stack's application: every
     * error its battery provokes (unknown path, wrong method, 406, malformed body, no or a bad
     * credential, a huge header, ids that are not GUIDs, problem details), in every language,
     * breaks no rule of the contract.
     */
    @ParameterizedTest
    @MethodSource("supportedLocales")
    void theConformanceProbeFindsNoViolation(Locale locale) {
        ProbeReport report = Probe.builder(URI.create("http://127.0.0.1:" + port + "/"))
                .resource("secure/data")
                .locale(locale)
                .timeout(Duration.ofSeconds(10))
                .build()
                .run();
        assertThat(report.isUnreachable()).isFalse();
        assertThat(report.results()).hasSize(ProbeCase.values().length);
        assertThat(report.violations()).as("%s", report).isEmpty();
        assertThat(report.isConformant()).isTrue();
    }

    /** The probe above can fail: the same probe expecting the other format reports every error. */
    @Test
    void theConformanceProbeNoticesAFormatThatIsNotTheOnePromised() {
        ProbeReport report = Probe.builder(URI.create("http://127.0.0.1:" + port + "/"))
                .resource("secure/data")
                .expectedFormat(dev.restfault.core.model.ErrorFormat.PARTNER_API)
                .timeout(Duration.ofSeconds(10))
                .build()
                .run();
        assertThat(report.isConformant()).isFalse();
        assertThat(report.violations()).extracting(v -> v.rule().id()).contains("expected-format");
    }

    static Stream<Locale> supportedLocales() {
        return SupportedLocales.ALL.stream();
    }

    // ---------------------------------------------------------------- functional endpoints

    @Test
    void functionalEndpointsFailInTheContract() {
        JsonNode missing = assertContractError(get("/fn/items/missing"), 404);
        assertThat(missing.get("description").asString()).isEqualTo("Functional item missing.");
        String marker = UUID.randomUUID().toString();
        Reply boom = get("/fn/boom?marker=" + marker);
        assertThat(assertContractError(boom, 500).get("code").asString()).isEqualTo("internalServerError");
        assertThat(loggedWith(marker)).hasSize(1);
        assertThat(assertContractError(get("/fn/bare"), 409).get("code").asString()).isEqualTo("conflict");
        JsonNode malformed = assertContractError(post("/fn/items", "application/json", "{\"name\": ".getBytes(StandardCharsets.UTF_8)), 400);
        assertThat(malformed.get("description").asString()).isEqualTo(text(ContractMessages.MALFORMED_BODY, SupportedLocales.EN_US));
        assertThat(get("/fn/items/7").status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- WebFlux only

    @Test
    @WebStack.ReactiveOnly("a WebFlux filter sees failures as signals; a servlet filter sees what it catches")
    void aFilterBeforeRestfaultsStillSeesFailuresGoBy() {
        // restfault's filter answers a failure itself only when nothing comes before it (see
        // ContractWebFilter); here a filter does, and it must still see the failure go by.
        dev.restfault.spring.reactiveapp.ReactiveTestApplication.EARLY_FILTER_SAW.clear();
        assertContractError(get("/items/missing"), 404);
        assertThat(dev.restfault.spring.reactiveapp.ReactiveTestApplication.EARLY_FILTER_SAW)
                .singleElement().isInstanceOf(dev.restfault.core.exception.ContractException.class);
    }

    @Test
    @WebStack.ReactiveOnly("Spring MVC reads the Accept of a mapping that produces something only: badInputAcceptWithAThousandEntries")
    void badInputAcceptWithAThousandEntriesIsRefused() {
        StringBuilder accept = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            accept.append(i == 0 ? "" : ", ").append("application/x-type-").append(i).append(";q=0.").append(i % 9 + 1);
        }
        // WebFlux sorts the Accept of every request while it looks for a handler, and refuses to
        // sort more than 50 types: every such request is a 406, listing what an error is written in.
        for (String path : List.of("/items/missing", "/items/1", "/no/such/route")) {
            JsonNode body = assertContractError(get(path, "Accept", accept.toString()), 406);
            assertThat(texts(body.get("data"), "description")).containsExactly("application/json");
        }
        assertStillServing();
    }

    @Test
    @WebStack.ReactiveOnly("Spring MVC reads bodies without an in-memory limit: uploadTooLargeIs413")
    void bodyOverTheCodecLimitIs413() throws Exception {
        // The codec's limit is spring.codec.max-in-memory-size, 256 KB by default.
        String name = "n".repeat(300 * 1024);
        byte[] json = ("{\"name\":\"" + name + "\",\"quantity\":1}").getBytes(StandardCharsets.US_ASCII);
        // The codec gave up on the body midway: the error closes the connection, saying so, and the
        // client still reads it while the rest of its body goes out.
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("POST /items HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + json.length + "\r\n\r\n");
            CompletableFuture<Void> sending = raw.sendInBackground(json);
            RawHttp.Response r = raw.read();
            assertThat(r).isNotNull();
            assertThat(r.status()).isEqualTo(413);
            assertNextRequestOrClose(raw, r, sending, "a body over the codec's limit", Reuse.CLOSED);
        }
        assertThat(assertContractError(post("/items", "application/json", json), 413).get("code").asString())
                .isEqualTo("contentTooLarge");
        assertContractError(post("/text", "text/plain", name.getBytes(StandardCharsets.US_ASCII)), 413);
        assertContractError(post("/fn/items", "application/json", json), 413);
        assertThat(post("/items", "application/json", "{\"name\":\"ok\",\"quantity\":1}".getBytes(StandardCharsets.US_ASCII))
                .status()).isEqualTo(200);
        assertStillServing();
    }

    @Test
    @WebStack.ReactiveOnly("a Spring MVC handler's failures are thrown, not signalled later")
    void errorsSignalledAfterTheHandlerReturned() {
        JsonNode late = assertContractError(get("/late/contract"), 409);
        assertThat(late.get("code").asString()).isEqualTo("lateConflict");

        String correlation = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        Reply r = get("/late/unexpected?marker=" + marker, "MS-CorrelationId", correlation);
        assertThat(assertContractError(r, 500).get("code").asString()).isEqualTo("internalServerError");
        assertThat(r.text()).doesNotContain(marker);
        List<ILoggingEvent> logged = loggedWith(marker);
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
        assertThat(logged.get(0).getMDCPropertyMap()).containsEntry(RestfaultRequest.MDC_CORRELATION_ID, correlation);
    }

    /**
     * A stream that fails once its first items went out: the status and those items are sent, so
     * no error can replace them. The failure is logged once with the ids, and the response is
     * aborted, not ended: the chunked body never gets its last chunk, so a client cannot take the
     * truncated stream for a complete one.
     */
    @Test
    @WebStack.ReactiveOnly("a Spring MVC stream that fails is the servlet container's to abort")
    void aStreamThatFailsAfterItStartedIsAbortedNotEnded() throws IOException {
        String marker = UUID.randomUUID().toString();
        String correlation = UUID.randomUUID().toString();
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("GET /stream-then-fail?marker=" + marker + " HTTP/1.1\r\nHost: 127.0.0.1\r\nMS-CorrelationId: " + correlation
                    + "\r\n\r\n");
            RawHttp.Response r = raw.readHeadOnly();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers().get("transfer-encoding")).isEqualToIgnoringCase("chunked");
            String rest = raw.remainingBytes();
            assertThat(rest).contains("{\"n\":1}").doesNotContain(marker).doesNotEndWith("0\r\n\r\n");
        }
        List<ILoggingEvent> logged = loggedWith(marker);
        assertThat(logged).isNotEmpty();
        assertThat(logged).filteredOn(e -> e.getLoggerName().equals(dev.restfault.server.ErrorRenderer.LOGGER_NAME)).hasSize(1)
                .allMatch(e -> correlation.equals(e.getMDCPropertyMap().get(RestfaultRequest.MDC_CORRELATION_ID)));
        assertStillServing();
    }

    @Test
    @WebStack.ReactiveOnly("a Spring MVC request runs on one thread, whose MDC validIdsAreEchoedAndInTheMdc checks")
    void loggingOnAnotherSchedulerSeesTheRequestIds() {
        String correlation = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        Reply r = get("/scheduler-hop?marker=" + marker, "MS-CorrelationId", correlation);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("thread").asString()).startsWith("boundedElastic");
        assertThat(r.json().get("mdcCorrelationId").asString()).isEqualTo(correlation);
        List<ILoggingEvent> logged = loggedLines(marker);
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getThreadName()).startsWith("boundedElastic");
        assertThat(logged.get(0).getMDCPropertyMap()).containsEntry(RestfaultRequest.MDC_CORRELATION_ID, correlation)
                .containsEntry(RestfaultRequest.MDC_REQUEST_ID, r.header("MS-RequestId"));
        // The thread goes back to its pool without the ids: the next task it runs is not this request's.
        Reply other = get("/scheduler-hop?marker=" + UUID.randomUUID());
        assertThat(other.json().get("mdcCorrelationId").asString()).isEqualTo(other.header("MS-CorrelationId"));
    }

    /**
     * A client that closes its connection while its request is being handled: nothing is answered
     * (nobody is left to read it), nothing is logged above DEBUG, and the DEBUG line names the
     * request by its ids. The handler waits far longer than the test; the server gives up on it
     * when the connection closes.
     */
    @Test
    @WebStack.ReactiveOnly("a servlet request keeps its thread until the handler returns: aClientThatWentAwayIsNotAnUnexpectedFailure")
    void aClientThatGoesAwayIsLoggedAtDebugAndNotAnswered() throws Exception {
        ch.qos.logback.classic.Logger filterLog = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(
                dev.restfault.spring.reactive.ContractWebFilter.class);
        filterLog.setLevel(ch.qos.logback.classic.Level.DEBUG);
        String correlation = UUID.randomUUID().toString();
        try {
            try (RawHttp raw = new RawHttp(port)) {
                raw.send("GET /slow?marker=" + correlation + " HTTP/1.1\r\nHost: 127.0.0.1\r\nMS-CorrelationId: " + correlation
                        + "\r\n\r\n");
                awaitLogged(correlation, 1); // the handler is running
            }
            List<ILoggingEvent> logged = awaitLogged(correlation, 2);
            assertThat(logged).hasSize(2);
            assertThat(logged.get(1).getLevel()).isEqualTo(ch.qos.logback.classic.Level.DEBUG);
            assertThat(logged.get(1).getLoggerName()).isEqualTo(dev.restfault.spring.reactive.ContractWebFilter.class.getName());
            assertThat(logged.get(1).getFormattedMessage()).contains("went away").contains("GET /slow");
        } finally {
            filterLog.setLevel(null);
        }
        assertThat(events().stream().filter(e -> e.getFormattedMessage().contains(correlation)
                || mentions(e.getThrowableProxy(), correlation))
                .filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.INFO))
                .filter(e -> !e.getLoggerName().equals(dev.restfault.spring.reactiveapp.ReactiveTestController.class.getName())))
                .isEmpty();
        assertStillServing();
    }

    /** The log events whose message holds {@code text}, once there are {@code count} of them (10 s at most). */
    List<ILoggingEvent> awaitLogged(String text, int count) throws InterruptedException {
        for (int i = 0; i < 200 && loggedLines(text).size() < count; i++) {
            Thread.sleep(50);
        }
        return loggedLines(text);
    }

    /**
     * What Reactor Netty refuses before the application, in the contract: a request line over its
     * limit (414; the catalog has no text of its own for it, so the generic client-error one), a
     * request line it cannot parse (400); both close the connection, as Reactor Netty does.
     */
    @Test
    @WebStack.ReactiveOnly("the servlet servers' own refusals are containerRejectedPathsAreContractErrors and the header tests")
    void requestsNettyRefusesAreContractErrors() throws IOException {
        RawHttp.Response longLine = raw("GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(longLine.status()).isEqualTo(414);
        assertThat(normalized(longLine.headers().get("content-type"))).isEqualTo("application/json;charset=utf-8");
        assertThat(JSON.readTree(longLine.body()).get("code").asString()).isEqualTo("clientError");
        assertThat(longLine.headers().get("connection")).isEqualToIgnoringCase("close");
        assertThat(RequestIds.isValid(longLine.headers().get("ms-requestid"))).isTrue();

        RawHttp.Response garbage = raw("GARBAGE\r\n\r\n");
        assertRawContractError(garbage, 400, "a request line that is not one");
        assertThat(garbage.headers().get("connection")).isEqualToIgnoringCase("close");
        assertStillServing();
    }
}
