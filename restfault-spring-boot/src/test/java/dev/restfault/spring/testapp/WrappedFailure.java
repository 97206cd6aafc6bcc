package dev.restfault.spring.testapp;

/**
 * An application wrapper around a ContractException, which the application's own translator maps:
 * the translator must win over the ContractException in the cause chain.
 */
public class WrappedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WrappedFailure(Throwable cause) {
        super("wrapped", cause);
    }
}
