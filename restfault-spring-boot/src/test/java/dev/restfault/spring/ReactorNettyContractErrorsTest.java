package dev.restfault.spring;

import dev.restfault.spring.reactiveapp.ReactiveTestApplication;
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
}
