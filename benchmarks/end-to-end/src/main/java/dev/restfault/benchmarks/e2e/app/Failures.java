package dev.restfault.benchmarks.e2e.app;

/**
 * The failures the benchmark's controller raises, as the user of each setup would write them.
 *
 * <p>The controller is one piece of code for every setup; only this bean differs. Each method
 * returns the exception for the controller to throw (so that the throw, and the stack trace the
 * exception may capture, happen in the controller, as they would in an application).
 */
public interface Failures {

    /** The item does not exist: a 404 with a description naming it. */
    RuntimeException notFound(String description);

    /** The request carries no credentials: a 401. */
    RuntimeException unauthorized();
}
