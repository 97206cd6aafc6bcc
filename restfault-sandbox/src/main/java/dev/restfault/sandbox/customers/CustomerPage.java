package dev.restfault.sandbox.customers;

import java.util.List;
import java.util.Map;

/**
 * One page of customers in Partner Center's collection shape: the total, the items, and a
 * {@code next} link when more follow.
 */
record CustomerPage(int totalCount, List<CustomerView> items, Map<String, Link> links, Map<String, String> attributes) {

    record Link(String uri, String method) {
    }
}
