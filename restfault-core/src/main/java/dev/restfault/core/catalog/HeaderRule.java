package dev.restfault.core.catalog;

import java.util.Objects;

/**
 * A response header that a status calls for.
 *
 * <p>{@link Requirement#ALWAYS} headers must be on every response with the status (401's
 * {@code WWW-Authenticate}, 405's {@code Allow}); {@link Requirement#WHEN_KNOWN} headers must be
 * there whenever the server knows the value (412's {@code ETag}, 429's and 503's
 * {@code Retry-After}).
 */
public final class HeaderRule {

    /** How strongly a status calls for a header. */
    public enum Requirement {
        ALWAYS,
        WHEN_KNOWN
    }

    private final String name;
    private final Requirement requirement;

    private HeaderRule(String name, Requirement requirement) {
        this.name = name;
        this.requirement = requirement;
    }

    static HeaderRule always(String name) {
        return new HeaderRule(name, Requirement.ALWAYS);
    }

    static HeaderRule whenKnown(String name) {
        return new HeaderRule(name, Requirement.WHEN_KNOWN);
    }

    /** The header name, in its canonical spelling. */
    public String name() {
        return name;
    }

    public Requirement requirement() {
        return requirement;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeaderRule && ((HeaderRule) o).name.equals(name)
                && ((HeaderRule) o).requirement == requirement;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, requirement);
    }

    @Override
    public String toString() {
        return name + " (" + requirement.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
    }
}
