package dev.restfault.testkit.probe;

/**
 * Hears the probe's progress, for a progress line. Called on the probing thread; an exception
 * thrown here is ignored rather than aborting the probe.
 */
public interface ProbeListener {

    /** No-op listener. */
    ProbeListener NONE = new ProbeListener() {
    };

    /** A request is about to be sent; {@code index} counts from 1 to {@code total}. */
    default void sending(ProbeCase probeCase, int index, int total) {
    }

    /** A request was answered (or failed) and checked. */
    default void checked(ProbeResult result) {
    }
}
