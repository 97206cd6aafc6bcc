package dev.restfault.sandbox.upstream;

import dev.restfault.core.annotation.ContractError;
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
@ContractError(status = 429, codes = "tooManyRequests", when = "The token sent more than its budget of requests in the window.")
@ContractError(status = 503, codes = {"maintenance", "overloaded"},
        when = "Maintenance is on, or the sandbox is handling its maximum of requests at once.")
class CreditController {

    private final CustomerStore store;
    private final CreditClient client;

    CreditController(CustomerStore store, CreditClient client) {
        this.store = store;
        this.client = client;
    }

    @ContractError(status = 502, when = "The credit upstream answered garbage or a non-2xx status, or refused or dropped the connection.")
    @ContractError(status = 504, when = "The credit upstream did not answer in time.")
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
