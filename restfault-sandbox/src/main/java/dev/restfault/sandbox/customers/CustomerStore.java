package dev.restfault.sandbox.customers;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.RequestIds;
import dev.restfault.sandbox.Texts;
import dev.restfault.sandbox.config.SandboxProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The in-memory customer store. Refuses with contract errors, the way a real service layer
 * would: an unknown id (404), a domain another customer uses (409, code {@code domainTaken}),
 * a stale {@code If-Match} (412 with the current {@code ETag}), a full store (507, code
 * {@code customerLimitReached}).
 *
 * <p>Every operation is atomic (one lock): the domain check and the write, or the tag check
 * and the update, cannot interleave with another request's. Holds at most
 * {@code sandbox.customers.max} customers. Thread-safe.
 */
@Service
public final class CustomerStore {

    private final Map<String, Customer> byId = new LinkedHashMap<>();
    private final Map<String, String> idByDomain = new HashMap<>();
    private final int max;
    private final Clock clock;

    @Autowired
    CustomerStore(SandboxProperties properties) {
        this(properties.customers().max(), Clock.systemUTC());
        seed("c0000000-0000-4000-8000-000000000001", "Contoso Ltd.", "admin@contoso.example", "contoso.example", "US");
        seed("c0000000-0000-4000-8000-000000000002", "Fabrikam, Inc.", "it@fabrikam.example", "fabrikam.example", "FR");
        seed("c0000000-0000-4000-8000-000000000003", "Wingtip Toys", "hello@wingtiptoys.example", "wingtiptoys.example", "JP");
    }

    /** An empty store, for tests. */
    CustomerStore(int max, Clock clock) {
        this.max = max;
        this.clock = clock;
    }

    private void seed(String id, String name, String email, String domain, String country) {
        Instant now = clock.instant();
        put(new Customer(id, name, email, domain, country, 1, now, now));
    }

    /** The customers in creation order, from {@code offset}, at most {@code size}. */
    public synchronized List<Customer> page(int offset, int size) {
        List<Customer> all = new ArrayList<>(byId.values());
        if (offset >= all.size()) {
            return List.of();
        }
        return List.copyOf(all.subList(offset, Math.min(all.size(), offset + size)));
    }

    public synchronized int count() {
        return byId.size();
    }

    /**
     * The customer with {@code id}.
     *
     * @throws ContractException 404 if there is none (an id that is not a GUID never exists and
     *     is not repeated in the description)
     */
    public synchronized Customer get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    public synchronized Optional<Customer> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id.toLowerCase(Locale.ROOT)));
    }

    /**
     * Creates a customer.
     *
     * @throws ContractException 409 {@code domainTaken}; 507 {@code customerLimitReached}
     */
    public synchronized Customer create(CustomerRequest request) {
        String domain = request.domain().toLowerCase(Locale.ROOT);
        requireDomainFree(domain, null);
        if (byId.size() >= max) {
            throw ContractException.builder(507).code("customerLimitReached").arguments(max).build();
        }
        Instant now = clock.instant();
        Customer c = new Customer(RequestIds.generate(), request.companyName().strip(), request.email().strip(),
                domain, request.country(), 1, now, now);
        put(c);
        return c;
    }

    /**
     * Replaces a customer's fields if {@code ifMatch} holds.
     *
     * @param ifMatch the {@code If-Match} value: null means unconditional, {@code *} matches
     *     any existing customer, otherwise a comma-separated list of entity tags compared
     *     strongly (a weak tag never matches, as RFC 9110 says for {@code If-Match})
     * @throws ContractException 404, 412 with the current {@code ETag}, 409 {@code domainTaken}
     */
    public synchronized Customer update(String id, String ifMatch, CustomerRequest request) {
        Customer current = get(id);
        if (ifMatch != null && !matches(ifMatch, current.entityTag())) {
            throw changed(current);
        }
        String domain = request.domain().toLowerCase(Locale.ROOT);
        requireDomainFree(domain, current.id());
        Customer next = new Customer(current.id(), request.companyName().strip(), request.email().strip(), domain,
                request.country(), current.version() + 1, current.createdAt(), clock.instant());
        idByDomain.remove(current.domain());
        put(next);
        return next;
    }

    static boolean matches(String ifMatch, String currentTag) {
        // Bounded: a header is at most a few KB, and the split is linear in it.
        for (String candidate : ifMatch.split(",", 101)) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(currentTag)) {
                return true;
            }
        }
        return false;
    }

    private void requireDomainFree(String domain, String exceptId) {
        String owner = idByDomain.get(domain);
        if (owner != null && !owner.equals(exceptId)) {
            throw ContractException.builder(409).code("domainTaken").arguments(domain).build();
        }
    }

    private void put(Customer c) {
        byId.put(c.id(), c);
        idByDomain.put(c.domain(), c.id());
    }

    /** 412 with the current entity tag, in {@code ETag} and in the description. */
    static ContractException changed(Customer current) {
        return ContractException.builder(412)
                .entityTag(current.entityTag())
                .messageKey(Texts.CUSTOMER_CHANGED, current.entityTag())
                .build();
    }

    static ContractException notFound(String id) {
        if (RequestIds.isValid(id)) {
            return ContractException.builder(404).messageKey(Texts.CUSTOMER_NOT_FOUND, id.toLowerCase(Locale.ROOT)).build();
        }
        // Not an id at all: say nothing about it rather than repeat arbitrary input.
        return ContractException.builder(404).build();
    }
}
