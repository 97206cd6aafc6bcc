package dev.restfault.sandbox.simulate;

import java.util.Locale;
import java.util.Optional;

/** The ways a simulated error can arrive broken, as real networks and gateways break them. */
enum Fault {
    /** The status with an HTML page, as a gateway or load balancer sends, instead of JSON. */
    HTML,
    /** The contract response with its body cut in the middle (valid HTTP, malformed JSON). */
    TRUNCATED,
    /** The status and the headers of the real contract response (as the starter renders them), with an empty body. */
    EMPTY,
    /** No response at all: the connection is reset (TCP RST) before anything is sent. */
    RESET;

    /** The fault a query value names (any case); empty for null. */
    static Optional<Fault> parse(String value) {
        return value == null ? Optional.empty() : Optional.of(valueOf(value.toUpperCase(Locale.ROOT)));
    }
}
