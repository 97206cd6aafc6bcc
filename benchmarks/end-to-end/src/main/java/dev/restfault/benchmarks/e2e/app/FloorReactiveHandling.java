package dev.restfault.benchmarks.e2e.app;

import org.springframework.beans.factory.annotation.Value;
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
 * error handler among them, and restfault's in the contract floor, whose filter then leaves errors
 * to the handlers in their order) writes {@link FloorAnswers} for whatever the controller or
 * WebFlux raised.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty(name = BenchmarkApplication.FAILURES_PROPERTY, havingValue = "floor")
class FloorReactiveHandling {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebExceptionHandler floorExceptionHandler(@Value("${" + BenchmarkApplication.FLOOR_CONTRACT_PROPERTY + ":false}") boolean contract) {
        return (exchange, failure) -> {
            ServerHttpResponse response = exchange.getResponse();
            if (response.isCommitted()) {
                return Mono.error(failure);
            }
            int status = FloorAnswers.status(failure, failure instanceof MethodNotAllowedException);
            HttpHeaders headers = response.getHeaders();
            byte[] body = FloorAnswers.body(status, contract, contract && status == 500 ? headers.getFirst("MS-RequestId") : null);
            response.setStatusCode(HttpStatusCode.valueOf(status));
            FloorAnswers.headers(status, contract, headers::set);
            headers.setContentLength(body.length);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        };
    }
}
