package dev.restfault.benchmarks.e2e.app;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The floor on Spring MVC: one {@link HandlerExceptionResolver} ahead of every other (restfault's
 * too, in the contract floor) writes {@link FloorAnswers} for whatever the controller or Spring MVC
 * raised.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = BenchmarkApplication.FAILURES_PROPERTY, havingValue = "floor")
class FloorServletHandling {

    @Bean
    HandlerExceptionResolver floorExceptionResolver(@Value("${" + BenchmarkApplication.FLOOR_CONTRACT_PROPERTY + ":false}") boolean contract) {
        return new FloorResolver(contract);
    }

    private static final class FloorResolver implements HandlerExceptionResolver, Ordered {

        private final boolean contract;

        FloorResolver(boolean contract) {
            this.contract = contract;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                Exception failure) {
            int status = FloorAnswers.status(failure, failure instanceof HttpRequestMethodNotSupportedException);
            byte[] body = FloorAnswers.body(status, contract, contract && status == 500 ? response.getHeader("MS-RequestId") : null);
            response.setStatus(status);
            FloorAnswers.headers(status, contract, response::setHeader);
            response.setContentLength(body.length);
            try {
                response.getOutputStream().write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ModelAndView(); // empty: handled, nothing to render
        }
    }
}
