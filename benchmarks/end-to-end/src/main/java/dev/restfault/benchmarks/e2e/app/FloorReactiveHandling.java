package dev.restfault.benchmarks.e2e.app;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The floor on Spring WebFlux: one {@link WebExceptionHandler} ahead of every other (Boot's
 * error handler among them) writes {@link FloorAnswers} for whatever the controller or WebFlux
 * raised.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty(name = BenchmarkApplication.FAILURES_PROPERTY, havingValue = "floor")
class FloorReactiveHandling {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebExceptionHandler floorExceptionHandler() {
        return (exchange, failure) -> {
            ServerHttpResponse response = exchange.getResponse();
            if (response.isCommitted()) {
                return Mono.error(failure);
            }
            int status = FloorAnswers.status(failure, failure instanceof MethodNotAllowedException);
            byte[] body = FloorAnswers.body(status);
            response.setStatusCode(HttpStatusCode.valueOf(status));
            HttpHeaders headers = response.getHeaders();
            FloorAnswers.headers(status, headers::set);
            headers.setContentLength(body.length);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        };
    }
}
