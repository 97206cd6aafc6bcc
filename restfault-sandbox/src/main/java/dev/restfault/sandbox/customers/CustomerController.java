package dev.restfault.sandbox.customers;

import dev.restfault.core.annotation.ContractError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/customers} (and {@code /partner/v1/customers}): list, create, read, update.
 *
 * <p>Every failure here is raised for a real reason and left to Spring MVC, Bean Validation or
 * the store, and rendered by the starter: {@code size} outside 1..500 (400 naming the
 * parameter), an invalid body (400, one {@code data} entry per violation), malformed JSON
 * (400), a taken domain (409), an unknown id (404), a stale {@code If-Match} (412), a
 * {@code DELETE} (405: there is no delete mapping, customers cannot be deleted, and Spring
 * lists what is allowed), {@code Accept: application/xml} (406: only JSON is produced),
 * {@code Content-Type: text/plain} (415: only JSON is consumed).
 */
@RestController
@ContractError(status = 429, codes = "tooManyRequests", when = "The token sent more than its budget of requests in the window.")
@ContractError(status = 503, codes = {"maintenance", "overloaded"},
        when = "Maintenance is on, or the sandbox is handling its maximum of requests at once.")
@RequestMapping(path = {"/v1/customers", "/partner/v1/customers"}, produces = MediaType.APPLICATION_JSON_VALUE)
class CustomerController {

    /** The largest page. */
    static final int MAX_PAGE_SIZE = 500;

    private final CustomerStore store;

    CustomerController(CustomerStore store) {
        this.store = store;
    }

    @GetMapping
    CustomerPage list(@RequestParam(defaultValue = "100") @Min(1) @Max(MAX_PAGE_SIZE) int size,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Integer.MAX_VALUE - MAX_PAGE_SIZE) int offset,
            HttpServletRequest request) {
        List<CustomerView> items = new ArrayList<>();
        for (Customer c : store.page(offset, size)) {
            items.add(CustomerView.of(c));
        }
        int total = store.count();
        Map<String, CustomerPage.Link> links = new LinkedHashMap<>();
        String base = request.getRequestURI();
        links.put("self", new CustomerPage.Link(base + "?size=" + size + "&offset=" + offset, "GET"));
        if (offset + items.size() < total) {
            links.put("next", new CustomerPage.Link(base + "?size=" + size + "&offset=" + (offset + items.size()), "GET"));
        }
        return new CustomerPage(total, items, links, Map.of("objectType", "Collection"));
    }

    @ContractError(status = 409, codes = "domainTaken", when = "Another customer has the domain.")
    @ContractError(status = 413, when = "The body is over 64 KiB.")
    @ContractError(status = 507, codes = "customerLimitReached", when = "The store holds its maximum of customers.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity says, for the OpenAPI document
    ResponseEntity<CustomerView> create(@Valid @RequestBody CustomerRequest body, HttpServletRequest request) {
        Customer c = store.create(body);
        return ResponseEntity.created(URI.create(request.getRequestURI() + "/" + c.id()))
                .eTag(c.entityTag())
                .body(CustomerView.of(c));
    }

    @ContractError(status = 412, when = "If-Match names an older version; ETag carries the current one.")
    @GetMapping("/{id}")
    ResponseEntity<CustomerView> get(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Customer c = store.get(id);
        // Evaluated here, not left to Spring's conditional-request support, which would answer
        // a failed If-Match with a bare 412 outside the contract.
        if (ifMatch != null && !CustomerStore.matches(ifMatch, c.entityTag())) {
            throw CustomerStore.changed(c);
        }
        return ResponseEntity.ok().eTag(c.entityTag()).body(CustomerView.of(c));
    }

    @ContractError(status = 409, codes = "domainTaken", when = "Another customer has the domain.")
    @ContractError(status = 412, when = "If-Match names an older version; ETag carries the current one.")
    @ContractError(status = 413, when = "The body is over 64 KiB.")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CustomerView> update(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody CustomerRequest body) {
        Customer c = store.update(id, ifMatch, body);
        return ResponseEntity.ok().eTag(c.entityTag()).body(CustomerView.of(c));
    }
}
