package dev.restfault.testkit.load;

import dev.restfault.testkit.check.Rule;
import dev.restfault.testkit.check.Violation;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The counts of one worker of a load run, kept without sharing or locking and merged when the
 * run ends. Not thread-safe.
 */
final class Tally {

    long requests;
    final long[] statuses = new long[600];
    final long[] failures = new long[TransportFailure.values().length];
    final Map<TransportFailure, String> failureExamples = new EnumMap<>(TransportFailure.class);
    /** Broken connections by the answer the connection carried last: {@code "post-json -> 405"}. */
    final Map<String, Long> brokenAfter = new TreeMap<>();
    final long[] ruleAnswers = new long[Rule.values().length];
    final Map<Rule, Example> examples = new EnumMap<>(Rule.class);
    long offContractAnswers;
    long connectionsOpened;
    long announcedCloses;
    long earlyAnswers;
    final LatencyHistogram successes = new LatencyHistogram();
    final LatencyHistogram errors = new LatencyHistogram();

    void answer(String request, int status, long micros, List<Violation> violations) {
        statuses[status]++;
        (status >= 400 ? errors : successes).record(micros);
        if (violations.isEmpty()) {
            return;
        }
        offContractAnswers++;
        Set<Rule> seen = EnumSet.noneOf(Rule.class);
        for (Violation v : violations) {
            if (seen.add(v.rule())) {
                ruleAnswers[v.rule().ordinal()]++;
                examples.putIfAbsent(v.rule(), new Example(request, status, v));
            }
        }
    }

    void failure(TransportFailure kind, String message, String previousAnswer) {
        failures[kind.ordinal()]++;
        failureExamples.putIfAbsent(kind, message);
        if (kind == TransportFailure.BROKEN_CONNECTION) {
            brokenAfter.merge(previousAnswer == null ? "(unknown)" : previousAnswer, 1L, Long::sum);
        }
    }

    void add(Tally o) {
        requests += o.requests;
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] += o.statuses[i];
        }
        for (int i = 0; i < failures.length; i++) {
            failures[i] += o.failures[i];
        }
        o.failureExamples.forEach(failureExamples::putIfAbsent);
        o.brokenAfter.forEach((k, v) -> brokenAfter.merge(k, v, Long::sum));
        for (int i = 0; i < ruleAnswers.length; i++) {
            ruleAnswers[i] += o.ruleAnswers[i];
        }
        o.examples.forEach(examples::putIfAbsent);
        offContractAnswers += o.offContractAnswers;
        connectionsOpened += o.connectionsOpened;
        announcedCloses += o.announcedCloses;
        earlyAnswers += o.earlyAnswers;
        successes.add(o.successes);
        errors.add(o.errors);
    }

    /** The first answer found breaking a rule. */
    static final class Example {
        final String request;
        final int status;
        final Violation violation;

        Example(String request, int status, Violation violation) {
            this.request = request;
            this.status = status;
            this.violation = violation;
        }
    }
}
