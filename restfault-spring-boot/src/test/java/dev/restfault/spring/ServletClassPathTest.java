package dev.restfault.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.ClassUtils;

/**
 * The Spring MVC tests run where a Spring MVC application runs: without WebFlux or Reactor Netty.
 * Were either on this class path, the tests that start the application would no longer show that
 * restfault needs neither.
 */
class ServletClassPathTest {

    @Test
    void noReactiveWebTypeIsOnTheClassPath() {
        for (String type : new String[] {"org.springframework.web.reactive.DispatcherHandler",
                "org.springframework.boot.webflux.error.ErrorWebExceptionHandler", "reactor.netty.http.server.HttpServer"}) {
            assertThat(ClassUtils.isPresent(type, null)).as(type).isFalse();
        }
        assertThat(ClassUtils.isPresent("org.springframework.web.servlet.DispatcherServlet", null)).isTrue();
    }
}
