package dev.restfault.benchmarks.e2e;

import java.util.Objects;

/**
 * The rule for the ids of setups and scenarios: they appear in options ({@code SETUP:SCENARIO},
 * comma-separated lists) and in cell names ({@code suite/setup/server/scenario}), so they hold
 * none of those separators.
 */
final class Ids {

    private Ids() {
    }

    /** {@code id}, if it is a valid id of a {@code what}; else a precise {@link IllegalArgumentException}. */
    static String require(String what, String id) {
        Objects.requireNonNull(id, what + " id");
        if (id.isBlank() || id.contains(",") || id.contains(":") || id.contains("/")) {
            throw new IllegalArgumentException(what + " id must be non-blank without ',', ':' or '/': '" + id + "'");
        }
        return id;
    }
}
