package dev.restfault.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.spring.reactiveapp.ReactiveTestApplication;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The contract over Spring WebFlux on Reactor Netty, run on a class path without the servlet API,
 * Tomcat, Jetty or Spring MVC (see the build): the same matrix as on Tomcat and Jetty, against
 * {@link ReactiveTestApplication}, which exposes the same endpoints the WebFlux way.
 */
class ReactorNettyContractErrorsTest extends AbstractContractErrorsTest {

    @Override
    WebStack stack() {
        return WebStack.REACTIVE;
    }

    @Override
    SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ReactiveTestApplication.class);
    }

    /** Reactor Netty keeps the connection after every error status. */
    @Override
    boolean closesConnectionAfter(int status) {
        return false;
    }

    /** Reactor Netty sends 100 Continue only when the application subscribes to the body. */
    @Override
    boolean sends100ContinueItself() {
        return false;
    }

    /** WebFlux has no error page; the one case that needs it is the servlet stack's alone. */
    @Override
    boolean settlesUnreadBodyBeforeItsErrorPage() {
        return false;
    }

    /** Reactor Netty lets the application answer after a failed read: restfault's error goes out. */
    @Override
    boolean answersAFailedBodyReadItself() {
        return false;
    }

    /**
     * A malformed chunk is refused by Netty's decoder as it arrives, before restfault's 405 is
     * written: Reactor Netty's own 400, in the contract, with Connection: close. A client that
     * half-closes the connection is gone for Reactor Netty (Netty's channels do not allow half
     * closure by default): it closes the connection without an answer.
     */
    @Override
    int statusForABrokenBody(BrokenBody body) {
        return switch (body) {
            case MALFORMED_CHUNKS -> 400;
            case CUT_SHORT -> 0;
            case STALLED -> 405;
        };
    }

    /** Reactor Netty passes TRACE on to WebFlux, which has no TRACE mapping. */
    @Override
    boolean refusesTraceItself() {
        return false;
    }

    /** restfault's LingeringClose discards the rest of the body before the connection closes. */
    @Override
    boolean lingersBeforeClosing() {
        return true;
    }

    /**
     * A request whose head decodes but whose {@code Host} has a port that is not a number: Reactor
     * Netty cannot make a request of it and answers an empty 400 itself, before the application.
     * restfault's answer is the contract 400 with the request's ids and language (its headers were
     * decoded), and the connection closes as Reactor Netty says; on a fresh connection and on one
     * that already served a request.
     */
    @Test
    void aHostWithABadPortIsAContractErrorWithTheRequestsIds() throws IOException {
        for (String host : List.of("127.0.0.1:abc", "127.0.0.1:")) {
            for (boolean kept : List.of(false, true)) {
                String what = "Host: " + host + (kept ? " on a kept connection" : "");
                String correlation = UUID.randomUUID().toString();
                try (RawHttp raw = new RawHttp(port)) {
                    if (kept) {
                        raw.send("GET /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                        RawHttp.Response first = raw.read();
                        assertThat(first).as(what).isNotNull();
                        assertThat(first.status()).as(what).isEqualTo(200);
                    }
                    raw.send("GET /items/1 HTTP/1.1\r\nHost: " + host + "\r\nMS-CorrelationId: " + correlation
                            + "\r\nX-Locale: fr-FR\r\n\r\n");
                    RawHttp.Response r = raw.read();
                    assertThat(r).as(what).isNotNull();
                    assertRawContractError(r, 400, what);
                    assertThat(r.headers().get("ms-correlationid")).as(what).isEqualTo(correlation);
                    assertThat(r.headers().get("content-language")).as(what).isEqualTo("fr-FR");
                    assertThat(r.headers().get("connection")).as(what).isEqualToIgnoringCase("close");
                    assertThat(raw.closedByServer()).as(what).isTrue();
                }
            }
        }
        assertStillServing();
    }

    /**
     * A malformed chunk in a body whose headers were decoded: Reactor Netty's 400, in the contract,
     * in the request's language and with its valid correlation id, as every error that can read
     * the request's headers (badInputMalformedChunkedBodyIsNeverA500 is the matrix's case).
     */
    @Test
    void aMalformedChunkedBodyIsRefusedWithTheRequestsIdsAndLanguage() throws IOException {
        for (String path : List.of("/items", "/raw-body")) {
            for (String chunks : List.of("zz\r\n{}\r\n0\r\n\r\n", "2\r\n{}\r\nzz\r\n")) {
                String correlation = UUID.randomUUID().toString();
                String what = path + " " + chunks.replace("\r\n", "<CRLF>");
                RawHttp.Response r = raw("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\nMS-CorrelationId: " + correlation + "\r\nX-Locale: fr-FR\r\n\r\n"
                        + chunks);
                assertThat(r).as(what).isNotNull();
                assertRawContractError(r, 400, what);
                assertThat(r.headers().get("ms-correlationid")).as(what).isEqualTo(correlation);
                assertThat(r.headers().get("content-language")).as(what).isEqualTo("fr-FR");
            }
        }
        assertStillServing();
    }
}
