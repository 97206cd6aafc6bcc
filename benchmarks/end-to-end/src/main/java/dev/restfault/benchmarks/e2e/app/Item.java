package dev.restfault.benchmarks.e2e.app;

/** What the benchmark's controller answers on success: a small JSON object, as a typical API returns. */
public record Item(String id, String name, int quantity) {
}
