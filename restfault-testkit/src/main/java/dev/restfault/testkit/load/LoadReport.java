package dev.restfault.testkit.load;

import dev.restfault.testkit.check.Rule;
import dev.restfault.testkit.check.Violation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a load run found: how many requests, the answers by status, the requests that got no
 * complete answer by {@link TransportFailure} (broken connections first among them), the answers
 * that broke the contract grouped by rule with one example each, and latency percentiles for
 * errors and for successes. Every request is either answered or failed:
 * {@code requests() == answered() + failures().values().sum()}. Immutable.
 */
public final class LoadReport {

    private final URI baseUrl;
    private final URI resource;
    private final String mix;
    private final int connections;
    private final Duration plannedDuration;
    private final long plannedRequests;
    private final Duration elapsed;
    private final long requests;
    private final long answered;
    private final SortedMap<Integer, Long> answersByStatus;
    private final Map<TransportFailure, Long> failures;
    private final Map<TransportFailure, String> failureExamples;
    private final Map<String, Long> brokenConnectionsAfter;
    private final long offContractAnswers;
    private final List<ViolationGroup> violations;
    private final LatencySummary successLatency;
    private final LatencySummary errorLatency;
    private final long connectionsOpened;
    private final long announcedCloses;
    private final long earlyAnswers;
    private final List<Violation> runViolations;

    LoadReport(LoadRunner runner, Duration elapsed, Tally t) {
        this.baseUrl = runner.baseUrl();
        this.resource = runner.resource();
        this.mix = runner.mix().toString();
        this.connections = runner.connections();
        this.plannedDuration = runner.duration().orElse(null);
        this.plannedRequests = runner.requests().orElse(0);
        this.elapsed = elapsed;
        this.requests = t.requests;
        SortedMap<Integer, Long> statuses = new TreeMap<>();
        long answers = 0;
        long errors = 0;
        for (int s = 0; s < t.statuses.length; s++) {
            if (t.statuses[s] > 0) {
                statuses.put(s, t.statuses[s]);
                answers += t.statuses[s];
                errors += s >= 400 ? t.statuses[s] : 0;
            }
        }
        this.answered = answers;
        this.answersByStatus = Collections.unmodifiableSortedMap(statuses);
        Map<TransportFailure, Long> f = new EnumMap<>(TransportFailure.class);
        for (TransportFailure kind : TransportFailure.values()) {
            f.put(kind, t.failures[kind.ordinal()]);
        }
        this.failures = Collections.unmodifiableMap(f);
        this.failureExamples = Collections.unmodifiableMap(new EnumMap<>(t.failureExamples));
        // Most frequent first: the answer that most often preceded a silent close is the lead.
        List<Map.Entry<String, Long>> after = new ArrayList<>(t.brokenAfter.entrySet());
        after.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        Map<String, Long> ordered = new LinkedHashMap<>();
        after.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        this.brokenConnectionsAfter = Collections.unmodifiableMap(ordered);
        this.offContractAnswers = t.offContractAnswers;
        List<ViolationGroup> groups = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            Tally.Example e = t.examples.get(rule);
            if (e != null) {
                groups.add(new ViolationGroup(rule, t.ruleAnswers[rule.ordinal()], e.request, e.status, e.violation));
            }
        }
        groups.sort((a, b) -> Long.compare(b.answers(), a.answers()));
        this.violations = List.copyOf(groups);
        this.successLatency = new LatencySummary(t.successes);
        this.errorLatency = new LatencySummary(t.errors);
        this.connectionsOpened = t.connectionsOpened;
        this.announcedCloses = t.announcedCloses;
        this.earlyAnswers = t.earlyAnswers;
        // A run that provoked no error checked nothing of the error contract: not a pass.
        if (requests == 0) {
            this.runViolations = List.of(Violation.of(Rule.NO_ERROR_PROVOKED, "no request was sent: nothing was checked", null));
        } else if (errors == 0) {
            this.runViolations = List.of(Violation.of(Rule.NO_ERROR_PROVOKED,
                    "not one request was answered with an error (4xx/5xx): no error response was checked", null));
        } else {
            this.runViolations = List.of();
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The resource the resource-level cases targeted. */
    public URI resource() {
        return resource;
    }

    /** The mix sent, as {@link LoadMix#toString()} writes it. */
    public String mix() {
        return mix;
    }

    /** The number of connections (and workers) the run kept open at once. */
    public int connections() {
        return connections;
    }

    /** The duration bound, if the run had one. */
    public Optional<Duration> plannedDuration() {
        return Optional.ofNullable(plannedDuration);
    }

    /** The request bound, if the run had one. */
    public OptionalLong plannedRequests() {
        return plannedRequests > 0 ? OptionalLong.of(plannedRequests) : OptionalLong.empty();
    }

    /** From the start of the first worker to the end of the last. */
    public Duration elapsed() {
        return elapsed;
    }

    /** Every request the run made: each was either answered or failed. */
    public long requests() {
        return requests;
    }

    /** Requests that got a complete HTTP answer. */
    public long answered() {
        return answered;
    }

    /** Complete answers by status, in status order. */
    public SortedMap<Integer, Long> answersByStatus() {
        return answersByStatus;
    }

    /** Requests without a complete answer, for every kind of failure (zeros included). */
    public Map<TransportFailure, Long> failures() {
        return failures;
    }

    /** All failures together. */
    public long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The message of the first failure of each kind seen, such as {@code "connection refused"}. */
    public Map<TransportFailure, String> failureExamples() {
        return failureExamples;
    }

    /** {@link TransportFailure#BROKEN_CONNECTION}s: requests lost to a connection the server closed silently. */
    public long brokenConnections() {
        return failures.get(TransportFailure.BROKEN_CONNECTION);
    }

    /**
     * The broken connections by the answer the connection had carried just before
     * ({@code "post-json -> 405"}: the case and status), most frequent first.
     */
    public Map<String, Long> brokenConnectionsAfter() {
        return brokenConnectionsAfter;
    }

    /** Answers that broke at least one rule of the contract. */
    public long offContractAnswers() {
        return offContractAnswers;
    }

    /** The rules broken, with how many answers broke each and an example; most frequent first. */
    public List<ViolationGroup> violations() {
        return violations;
    }

    /** Latency of answers with a status below 400. */
    public LatencySummary successLatency() {
        return successLatency;
    }

    /** Latency of answers with a 4xx or 5xx status. */
    public LatencySummary errorLatency() {
        return errorLatency;
    }

    /** Connections opened: the first one of each worker, and one after each close. */
    public long connectionsOpened() {
        return connectionsOpened;
    }

    /** Answers that said {@code Connection: close} (the honest way to end a keep-alive connection). */
    public long announcedCloses() {
        return announcedCloses;
    }

    /**
     * Answers that began before the request's body was sent: the server answered without reading
     * the body, so it had to read the rest afterwards or say {@code Connection: close}.
     */
    public long earlyAnswers() {
        return earlyAnswers;
    }

    /**
     * Violations of the run as a whole: {@code no-error-provoked} when no request was made or
     * none was answered with a 4xx/5xx. Empty otherwise.
     */
    public List<Violation> runViolations() {
        return runViolations;
    }

    /**
     * Whether every request got a complete answer, every answer kept the contract, and at least
     * one was an error: no broken connection, no other failure, no off-contract answer, no
     * {@link #runViolations()}.
     */
    public boolean isConformant() {
        return runViolations.isEmpty() && offContractAnswers == 0 && failed() == 0;
    }

    /** Whether not one request got an answer: the API could not be reached. */
    public boolean isUnreachable() {
        return requests > 0 && answered == 0;
    }

    @Override
    public String toString() {
        return "LoadReport{" + baseUrl + ", " + requests + " requests, " + answered + " answered, " + brokenConnections()
                + " broken connections, " + (failed() - brokenConnections()) + " other failures, " + offContractAnswers
                + " off-contract answers}";
    }
}
