package dev.restfault.testkit.load;

/**
 * Hears a load run's progress, for a progress line. Called on the thread that called
 * {@link LoadRunner#run(LoadListener)}, every progress interval and once at the end; an exception
 * thrown here is ignored rather than stopping the run.
 */
@FunctionalInterface
public interface LoadListener {

    /** No-op listener. */
    LoadListener NONE = progress -> {
    };

    /** The counts so far; {@link LoadProgress#isFinished()} on the last call. */
    void progress(LoadProgress progress);
}
