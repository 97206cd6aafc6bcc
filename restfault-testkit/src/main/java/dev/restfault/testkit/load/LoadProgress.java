package dev.restfault.testkit.load;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** A snapshot of a running load run's counts, for a progress line. Immutable. */
public final class LoadProgress {

    private final Duration elapsed;
    private final Duration plannedDuration;
    private final long plannedRequests;
    private final long sent;
    private final long answered;
    private final long errors;
    private final long brokenConnections;
    private final long otherFailures;
    private final long offContractAnswers;
    private final boolean finished;

    LoadProgress(Duration elapsed, Duration plannedDuration, long plannedRequests, long sent, long answered, long errors,
            long brokenConnections, long otherFailures, long offContractAnswers, boolean finished) {
        this.elapsed = elapsed;
        this.plannedDuration = plannedDuration;
        this.plannedRequests = plannedRequests;
        this.sent = sent;
        this.answered = answered;
        this.errors = errors;
        this.brokenConnections = brokenConnections;
        this.otherFailures = otherFailures;
        this.offContractAnswers = offContractAnswers;
        this.finished = finished;
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** The duration bound, if the run has one. */
    public Optional<Duration> plannedDuration() {
        return Optional.ofNullable(plannedDuration);
    }

    /** The request bound, if the run has one. */
    public OptionalLong plannedRequests() {
        return plannedRequests > 0 ? OptionalLong.of(plannedRequests) : OptionalLong.empty();
    }

    /** Requests started so far (sent, or being sent). */
    public long sent() {
        return sent;
    }

    /** Complete answers so far. */
    public long answered() {
        return answered;
    }

    /** Answers with a 4xx or 5xx status so far. */
    public long errors() {
        return errors;
    }

    /** {@link TransportFailure#BROKEN_CONNECTION}s so far. */
    public long brokenConnections() {
        return brokenConnections;
    }

    /** Other {@link TransportFailure}s so far. */
    public long otherFailures() {
        return otherFailures;
    }

    /** Answers with at least one contract violation so far. */
    public long offContractAnswers() {
        return offContractAnswers;
    }

    /** Whether this is the last snapshot: every worker has stopped. */
    public boolean isFinished() {
        return finished;
    }

    /** Requests per second so far. */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : sent / seconds;
    }

    @Override
    public String toString() {
        return "LoadProgress{" + elapsed + ", " + sent + " sent, " + answered + " answered, " + brokenConnections
                + " broken, " + otherFailures + " other failures, " + offContractAnswers + " off-contract}";
    }
}
