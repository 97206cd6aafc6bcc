package dev.restfault.benchmarks.e2e.app;

/**
 * A dependency of the controller that always fails with a bug-like, unexpected exception: the
 * benchmark's 500. Kept out of the controller so that the failure is thrown one call deeper, as
 * it would be from a service or a client library.
 */
final class Pricing {

    int priceInCents(Item item) {
        throw new IllegalStateException("pricing backend returned no price for " + item.id());
    }
}
