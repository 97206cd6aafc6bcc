package dev.restfault.testkit.probe;

import dev.restfault.testkit.check.Violation;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of one provoking request: what was sent, the status that came back (none when the
 * exchange failed), and the violations found. Immutable.
 */
public final class ProbeResult {

    private final ProbeCase probeCase;
    private final String method;
    private final URI uri;
    private final Integer status;
    private final List<Violation> violations;
    private final String failure;

    ProbeResult(ProbeCase probeCase, String method, URI uri, Integer status, List<Violation> violations, String failure) {
        this.probeCase = Objects.requireNonNull(probeCase);
        this.method = method;
        this.uri = uri;
        this.status = status;
        this.violations = List.copyOf(violations);
        this.failure = failure;
    }

    public ProbeCase probeCase() {
        return probeCase;
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    /** The response status; empty when no response came. */
    public OptionalInt status() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** Whether the answer was an error (4xx, 5xx), i.e. the request provoked what it meant to. */
    public boolean provokedError() {
        return status != null && status >= 400;
    }

    /** The violations found; empty when the answer conforms. */
    public List<Violation> violations() {
        return violations;
    }

    /** Why no response came (timeout, refused, reset), without a stack trace. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String toString() {
        return probeCase.id() + " " + method + " " + uri + " -> " + (status == null ? failure : status)
                + " " + violations.size() + " violation(s)";
    }
}
