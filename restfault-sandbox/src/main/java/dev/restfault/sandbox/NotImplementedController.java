package dev.restfault.sandbox;

import dev.restfault.core.annotation.ContractError;
import dev.restfault.core.exception.ContractException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resources the Partner Center API documents and the sandbox does not implement: invoices and
 * a customer's subscriptions. Every method on them answers 501, which tells a client that
 * retrying is pointless (unlike a 404, the resource is known; unlike a 405, no method works).
 */
@RestController
@ContractError(status = 429, codes = "tooManyRequests", when = "The token sent more than its budget of requests in the window.")
@ContractError(status = 503, codes = {"maintenance", "overloaded"},
        when = "Maintenance is on, or the sandbox is handling its maximum of requests at once.")
@ContractError(status = 501, when = "A resource the Partner Center API documents and the sandbox does not implement.")
class NotImplementedController {

    @RequestMapping({"/v1/invoices", "/v1/invoices/**", "/partner/v1/invoices", "/partner/v1/invoices/**"})
    void invoices() {
        throw ContractException.builder(501).messageKey(Texts.INVOICES_NOT_IMPLEMENTED).build();
    }

    @RequestMapping({"/v1/customers/{id}/subscriptions", "/v1/customers/{id}/subscriptions/**",
            "/partner/v1/customers/{id}/subscriptions", "/partner/v1/customers/{id}/subscriptions/**"})
    void subscriptions(@PathVariable String id) { // unused: declared so that the OpenAPI document has the parameter
        throw ContractException.builder(501).messageKey(Texts.SUBSCRIPTIONS_NOT_IMPLEMENTED).build();
    }
}
