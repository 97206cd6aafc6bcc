package dev.restfault.springdoc.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.annotation.AnyErrorFormat;
import dev.restfault.core.annotation.ContractError;
import dev.restfault.core.annotation.UndocumentedErrors;
import dev.restfault.core.exception.ContractException;
import dev.restfault.springdoc.OperationSecurity;
import dev.restfault.springdoc.SecurityInspector;
import dev.restfault.springdoc.implementation.OperationFacts;
import dev.restfault.springdoc.implementation.OperationIndex;
import dev.restfault.springdoc.implementation.WebFluxOperations;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import reactor.core.publisher.Mono;

/** The README's examples, compiled and run; {@link ReadmeSpringdocSyncTest} keeps the README showing them verbatim. */
class ReadmeSpringdocExamplesTest {

    record Order(String id, String item) {
    }

    // README-BEGIN declare
    @RestController
    class OrderController {

        @ContractError(status = 409, codes = {"orderShipped", "orderCancelled"}, when = "The order can no longer change.")
        @ContractError(status = 412, when = "If-Match names an older version of the order.")
        @PutMapping(path = "/orders/{id}", consumes = "application/json", produces = "application/json")
        Order update(@PathVariable String id, @RequestBody Order order) {
            throw ContractException.builder(409).code("orderShipped").build();
        }

        @UndocumentedErrors // documents its errors by hand, with springdoc's @ApiResponse
        @GetMapping("/orders/{id}/legacy")
        Map<String, String> legacy(@PathVariable String id) {
            return Map.of();
        }

        @AnyErrorFormat // sets RestfaultRequest.FORMAT_ATTRIBUTE from ?format=
        @GetMapping("/orders/{id}/export")
        Map<String, String> export(@PathVariable String id) {
            return Map.of();
        }
    }
    // README-END declare

    // README-BEGIN reactive
    @RestController
    class ReactiveOrderController {

        @ContractError(status = 409, codes = "orderShipped", when = "The order can no longer change.")
        @PutMapping(path = "/orders/{id}", consumes = "application/json", produces = "application/json")
        Mono<Order> update(@PathVariable String id, @RequestBody Mono<Order> order) {
            return order.flatMap(o -> Mono.error(ContractException.builder(409).code("orderShipped").build()));
        }

        @DeleteMapping("/orders/{id}") // Mono<Void>: no body, so no 406 is documented
        Mono<Void> cancel(@PathVariable String id) {
            return Mono.empty();
        }
    }
    // README-END reactive

    static class SecurityConfiguration {
        // README-BEGIN inspector
        /** The gateway checks tokens on /api/**; writes need the "orders:write" scope. */
        @Bean
        SecurityInspector gatewaySecurity() {
            Set<String> writes = Set.of("POST", "PUT", "PATCH", "DELETE");
            return (method, path, handler) -> path.startsWith("/api/")
                    ? new OperationSecurity(true, writes.contains(method))   // 401, and 403 on writes
                    : OperationSecurity.NONE;
        }
        // README-END inspector
    }

    @Test
    void theDeclarationsAreWhatTheDocumentReads() throws Exception {
        List<ContractError> declared = List.copyOf(AnnotatedElementUtils.findMergedRepeatableAnnotations(
                OrderController.class.getDeclaredMethod("update", String.class, Order.class), ContractError.class));
        assertThat(declared).extracting(ContractError::status).containsExactly(409, 412);
        assertThat(declared.get(0).codes()).containsExactly("orderShipped", "orderCancelled");
        assertThat(OrderController.class.getDeclaredMethod("legacy", String.class).isAnnotationPresent(UndocumentedErrors.class)).isTrue();
    }

    /** What WebFlux's own handler mapping holds for the reactive controller is what the document reads. */
    @Test
    void theReactiveHandlersAreReadAsWhatTheyCarry() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean(ReactiveOrderController.class, () -> new ReactiveOrderController());
            context.refresh();
            RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
            mapping.setApplicationContext(context);
            mapping.afterPropertiesSet();
            OperationIndex operations = WebFluxOperations.index(List.of(mapping), SecurityInspector.NONE);

            OperationFacts update = operations.find("/orders/{id}", "PUT").orElseThrow();
            assertThat(update.readsBody()).isTrue();
            assertThat(update.consumes()).containsExactly("application/json");
            assertThat(update.produces()).containsExactly("application/json");
            assertThat(update.declared()).extracting(OperationFacts.DeclaredError::status).containsExactly(409);
            assertThat(update.allowedMethods()).contains("PUT", "DELETE");
            OperationFacts cancel = operations.find("/orders/{id}", "DELETE").orElseThrow();
            assertThat(cancel.produces()).isEmpty();
            assertThat(cancel.readsBody()).isFalse();
        }
    }

    @Test
    void theInspectorAnswersFromTheGatewaysRules() {
        SecurityInspector inspector = new SecurityConfiguration().gatewaySecurity();
        assertThat(inspector.inspect("GET", "/api/orders/x", null)).isEqualTo(new OperationSecurity(true, false));
        assertThat(inspector.inspect("PUT", "/api/orders/x", null)).isEqualTo(new OperationSecurity(true, true));
        assertThat(inspector.inspect("GET", "/health", null)).isEqualTo(OperationSecurity.NONE);
    }
}
