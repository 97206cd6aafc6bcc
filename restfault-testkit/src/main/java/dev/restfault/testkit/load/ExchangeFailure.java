package dev.restfault.testkit.load;

/** An exchange that produced no complete response: its kind and a short message, never a stack trace. */
final class ExchangeFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final TransportFailure kind;

    ExchangeFailure(TransportFailure kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    TransportFailure kind() {
        return kind;
    }
}
