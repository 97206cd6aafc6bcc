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

    /** Reactor Netty passes TRACE on to WebFlux, which has no TRACE mapping. */
    @Override
    boolean refusesTraceItself() {
        return false;
    }
}
