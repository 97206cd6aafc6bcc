package dev.restfault.benchmarks.e2e.app;

/** The floor setup's failures: {@link FloorException}s; their text is the answer's constant body. */
final class FloorFailures implements Failures {

    @Override
    public RuntimeException notFound(String description) {
        return new FloorException(404);
    }

    @Override
    public RuntimeException unauthorized() {
        return new FloorException(401);
    }
}
