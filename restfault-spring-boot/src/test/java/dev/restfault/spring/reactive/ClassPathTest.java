package dev.restfault.spring.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.ClassUtils;

/**
 * The WebFlux tests run where a WebFlux application runs: without the servlet API, a servlet
 * container or Spring MVC. Were any of them on this class path, the tests that start the
 * application would no longer show that restfault needs none of them.
 */
class ClassPathTest {

    @Test
    void noServletTypeIsOnTheClassPath() {
        for (String type : new String[] {"jakarta.servlet.Servlet", "org.apache.catalina.Valve",
                "org.eclipse.jetty.server.Server", "org.springframework.web.servlet.DispatcherServlet",
                "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration"}) {
            assertThat(ClassUtils.isPresent(type, null)).as(type).isFalse();
        }
        assertThat(ClassUtils.isPresent("org.springframework.web.reactive.DispatcherHandler", null)).isTrue();
        assertThat(ClassUtils.isPresent("reactor.netty.http.server.HttpServer", null)).isTrue();
    }
}
