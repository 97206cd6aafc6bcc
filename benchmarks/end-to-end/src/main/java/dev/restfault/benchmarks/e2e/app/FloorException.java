package dev.restfault.benchmarks.e2e.app;

/**
 * The floor setup's failure: a status and nothing else. Like restfault's {@code ContractException}
 * it captures no stack trace, so that the floor pays no more for raising a failure than any setup
 * must.
 */
final class FloorException extends RuntimeException {

    private final int status;

    FloorException(int status) {
        super(null, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
