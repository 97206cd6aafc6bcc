package dev.restfault.client.retry;

/** Why a call stopped retrying and surfaced its last failure. */
public enum StopReason {
    /** The contract does not allow repeating this request (status rule, method, no request id). */
    NOT_RETRYABLE("the request may not be repeated safely"),
    /** The attempt limit was reached. */
    ATTEMPTS_EXHAUSTED("attempt limit reached"),
    /** Waiting and trying again would end after the call's overall deadline. */
    DEADLINE_EXCEEDED("the call's deadline would pass before the next attempt"),
    /** The client's retry budget is spent: the service is failing for many calls at once. */
    BUDGET_EXHAUSTED("the client's retry budget is spent"),
    /**
     * The server's {@code Retry-After} is longer than the policy is willing to wait, or longer
     * than a day (a value not trusted as a delay at all): fail fast.
     */
    RETRY_AFTER_TOO_LONG("Retry-After is longer than the policy waits"),
    /** The client was closed while a retry waited for its delay: the retry was not made. */
    CLIENT_CLOSED("the client was closed before the retry");

    private final String explanation;

    StopReason(String explanation) {
        this.explanation = explanation;
    }

    /** A short English explanation, for messages and logs. */
    public String explanation() {
        return explanation;
    }
}
