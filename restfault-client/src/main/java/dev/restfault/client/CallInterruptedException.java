package dev.restfault.client;

import dev.restfault.core.catalog.RetryRule;

/**
 * The thread waiting in {@link RestfaultClient#send} (or in {@link RetryingCall#awaitDelay}, between
 * the attempts of a blocking integration) was interrupted. The call was cancelled
 * (the exchange in flight aborted, no further attempt made) and the thread's interrupt flag is
 * set again, so code above still sees the interruption.
 */
public final class CallInterruptedException extends RestfaultException {

    private static final long serialVersionUID = 1L;

    CallInterruptedException(InterruptedException cause, RequestContext request) {
        super("interrupted while waiting for the response", cause, request);
    }

    /** {@link RetryRule#NEVER}: the caller asked to stop. */
    @Override
    public RetryRule retryRule() {
        return RetryRule.NEVER;
    }
}
