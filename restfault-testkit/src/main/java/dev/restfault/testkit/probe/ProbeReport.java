package dev.restfault.testkit.probe;

import dev.restfault.testkit.check.Violation;
import java.net.URI;
import java.util.List;

/**
 * Everything a probe found: one {@link ProbeResult} per request sent, in order. Immutable.
 */
public final class ProbeReport {

    private final URI baseUrl;
    private final List<ProbeResult> results;

    ProbeReport(URI baseUrl, List<ProbeResult> results) {
        this.baseUrl = baseUrl;
        this.results = List.copyOf(results);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public List<ProbeResult> results() {
        return results;
    }

    /** Every violation of every result, in order. */
    public List<Violation> violations() {
        return results.stream().flatMap(r -> r.violations().stream()).collect(java.util.stream.Collectors.toList());
    }

    /** Whether every request got an answer and no answer broke the contract. */
    public boolean isConformant() {
        return results.stream().allMatch(r -> r.violations().isEmpty());
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
