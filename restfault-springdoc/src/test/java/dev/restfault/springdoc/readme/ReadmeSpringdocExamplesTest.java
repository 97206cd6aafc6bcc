package dev.restfault.springdoc.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.annotation.AnyErrorFormat;
import dev.restfault.core.annotation.ContractError;
import dev.restfault.core.annotation.UndocumentedErrors;
import dev.restfault.core.exception.ContractException;
import dev.restfault.springdoc.OperationSecurity;
import dev.restfault.springdoc.SecurityInspector;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

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

    @Test
    void theInspectorAnswersFromTheGatewaysRules() {
        SecurityInspector inspector = new SecurityConfiguration().gatewaySecurity();
        assertThat(inspector.inspect("GET", "/api/orders/x", null)).isEqualTo(new OperationSecurity(true, false));
        assertThat(inspector.inspect("PUT", "/api/orders/x", null)).isEqualTo(new OperationSecurity(true, true));
        assertThat(inspector.inspect("GET", "/health", null)).isEqualTo(OperationSecurity.NONE);
    }
}
