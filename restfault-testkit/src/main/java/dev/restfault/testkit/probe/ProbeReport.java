package dev.restfault.testkit.probe;

import dev.restfault.testkit.check.Rule;
import dev.restfault.testkit.check.Violation;
import java.net.URI;
import java.util.List;

/**
 * Everything a probe found: one {@link ProbeResult} per request sent, in order. Immutable.
 */
public final class ProbeReport {

    private final URI baseUrl;
    private final List<ProbeResult> results;
    private final List<Violation> runViolations;

    ProbeReport(URI baseUrl, List<ProbeResult> results) {
        this.baseUrl = baseUrl;
        this.results = List.copyOf(results);
        // A run that checked nothing must not read as a pass: "0 violations" would be vacuous.
        if (this.results.isEmpty()) {
            this.runViolations = List.of(Violation.of(Rule.NO_ERROR_PROVOKED,
                    "no request was sent (every case was skipped): nothing was checked", null));
        } else if (this.results.stream().noneMatch(ProbeResult::provokedError)) {
            this.runViolations = List.of(Violation.of(Rule.NO_ERROR_PROVOKED,
                    "not one request was answered with an error (4xx/5xx): no error response was checked", null));
        } else {
            this.runViolations = List.of();
        }
    }

    /**
     * Violations of the run as a whole, not of one answer: {@code no-error-provoked} when no
     * request was sent or none was answered with an error. Empty otherwise.
     */
    public List<Violation> runViolations() {
        return runViolations;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public List<ProbeResult> results() {
        return results;
    }

    /** Every violation of every result, in order, then the {@link #runViolations()}. */
    public List<Violation> violations() {
        List<Violation> all = results.stream().flatMap(r -> r.violations().stream())
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        all.addAll(runViolations);
        return java.util.Collections.unmodifiableList(all);
    }

    /**
     * Whether at least one request was answered with an error, every request got an answer, and
     * no answer broke the contract. A run that sent nothing, or provoked no error, is not
     * conformant ({@code no-error-provoked}): it proves nothing.
     */
    public boolean isConformant() {
        return runViolations.isEmpty() && results.stream().allMatch(r -> r.violations().isEmpty());
    }

    /** Whether not a single request got an HTTP answer: the base URL is unreachable. */
    public boolean isUnreachable() {
        return !results.isEmpty() && results.stream().allMatch(r -> r.status().isEmpty());
    }

    @Override
    public String toString() {
        return "ProbeReport{" + baseUrl + ", " + results.size() + " requests, " + violations().size() + " violations}";
    }
}
