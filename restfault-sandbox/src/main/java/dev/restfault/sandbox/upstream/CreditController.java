package dev.restfault.sandbox.upstream;

import dev.restfault.sandbox.customers.Customer;
import dev.restfault.sandbox.customers.CustomerStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/customers/{id}/credit}: the customer's credit limit, served by calling the
 * credit upstream. An unknown customer is a 404 before any call; the upstream's failures are
 * 502 or 504 (see {@link CreditClient}).
 */
@RestController
class CreditController {

    private final CustomerStore store;
    private final CreditClient client;

    CreditController(CustomerStore store, CreditClient client) {
        this.store = store;
        this.client = client;
    }

    @GetMapping(path = {"/v1/customers/{id}/credit", "/partner/v1/customers/{id}/credit"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> credit(@PathVariable String id) {
        Customer customer = store.get(id);
        CreditClient.Credit credit = client.credit(customer.id());
        Map<String, Object> limit = new LinkedHashMap<>();
        limit.put("amount", credit.amount());
        limit.put("currency", credit.currency());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", credit.customerId());
        body.put("creditLimit", limit);
        body.put("attributes", Map.of("objectType", "CreditLimit"));
        return body;
    }
}
