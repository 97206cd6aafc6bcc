package dev.restfault.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.spring.handlerapp.HandlerApplication;
import dev.restfault.spring.servlet.ContractHandlerExceptionResolver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.handler.HandlerExceptionResolverComposite;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * The application's {@code @ExceptionHandler} methods take what they map, before restfault, over
 * real HTTP on Tomcat: a controller's own, an advice's (for the exception or for a cause of it);
 * restfault answers everything else in the contract, including what a handler could have taken
 * and declined (it produces a media type the request does not accept), and a controller's handler
 * met by another controller's failure.
 */
class ExceptionHandlerPrecedenceTest {

    private static ConfigurableApplicationContext context;
    private static int port;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        context = AbstractContractErrorsTest.startOnTomcat(HandlerApplication.class);
        port = AbstractContractErrorsTest.portOf(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void restfaultResolvesAheadOfTheApplicationsHandlersAndAfterThem() {
        HandlerExceptionResolverComposite composite = context.getBean("handlerExceptionResolver", HandlerExceptionResolverComposite.class);
        List<HandlerExceptionResolver> resolvers = composite.getExceptionResolvers();
        assertThat(resolvers).hasSizeGreaterThanOrEqualTo(3);
        assertThat(resolvers.get(0)).isInstanceOf(ContractHandlerExceptionResolver.class);
        assertThat(resolvers.get(1)).isInstanceOf(ExceptionHandlerExceptionResolver.class);
        assertThat(resolvers.get(2)).isInstanceOf(ContractHandlerExceptionResolver.class);
    }

    @Test
    void theControllersOwnHandlerTakesItsException() throws Exception {
        HttpResponse<String> r = get("/local", "application/json");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).isEqualTo("{\"handledBy\":\"controller\"}");
        // restfault's filter still gave the response its ids.
        assertThat(r.headers().firstValue("MS-CorrelationId")).isPresent();
    }

    @Test
    void adviceTakesItsExceptionAndAnExceptionCausedByIt() throws Exception {
        HttpResponse<String> r = get("/advised", "application/json");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).isEqualTo("{\"handledBy\":\"advice\"}");
        HttpResponse<String> caused = get("/advised-cause", "application/json");
        assertThat(caused.statusCode()).isEqualTo(422);
        assertThat(caused.body()).isEqualTo("{\"handledBy\":\"advice\"}");
    }

    @Test
    void aHandlerThatProducesWhatTheRequestAcceptsTakesIt() throws Exception {
        HttpResponse<String> r = get("/text-only", "text/plain");
        assertThat(r.statusCode()).isEqualTo(410);
        assertThat(r.body()).isEqualTo("handled by advice as text");
    }

    @Test
    void whatAHandlerCouldHaveTakenButDeclinedIsAContractError() throws Exception {
        // The advice's method produces text/plain only; a JSON client gets restfault's 500.
        HttpResponse<String> r = get("/text-only", "application/json");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("\"code\":\"internalServerError\"").doesNotContain("TextOnlyFailure");
        // Another controller's own handler does not apply to this one's failure.
        HttpResponse<String> other = get("/other-local", "application/json");
        assertThat(other.statusCode()).isEqualTo(500);
        assertThat(other.body()).contains("\"code\":\"internalServerError\"").doesNotContain("LocalFailure");
    }

    @Test
    void whatNoHandlerMapsIsAContractError() throws Exception {
        HttpResponse<String> contract = get("/contract", "application/json");
        assertThat(contract.statusCode()).isEqualTo(404);
        assertThat(contract.body()).contains("\"code\":\"notFound\"", "Item 7 does not exist.");
        HttpResponse<String> unexpected = get("/unexpected", "application/json");
        assertThat(unexpected.statusCode()).isEqualTo(500);
        assertThat(unexpected.body()).contains("\"code\":\"internalServerError\"").doesNotContain("internal detail");
        HttpResponse<String> wrongMethod = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/contract"))
                .timeout(Duration.ofSeconds(20)).header("Accept", "application/json").DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("\"code\":\"methodNotAllowed\"");
    }
}
