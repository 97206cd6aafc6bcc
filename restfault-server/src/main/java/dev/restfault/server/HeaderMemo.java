package dev.restfault.server;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what a pure function of one header value gave, so that the values real clients send
 * over and over ({@code Accept-Language: fr-CA,fr;q=0.9,en;q=0.8}, a browser's {@code Accept}) are
 * read once, not on every error: reading them costs microseconds and kilobytes of garbage, a
 * lookup here a hash of the value. Bounded against clients that send a new value every time: values
 * longer than {@value #MAX_KEY_LENGTH} characters are never kept, and once {@value #MAX_ENTRIES}
 * values are kept the memo starts again empty. Thread-safe.
 *
 * @param <V> what the function gives; never null
 */
final class HeaderMemo<V> {

    static final int MAX_ENTRIES = 512;
    static final int MAX_KEY_LENGTH = 256;

    private final Function<String, V> function;
    private final ConcurrentHashMap<String, V> values = new ConcurrentHashMap<>();

    /** @param function pure: the same value always gives the same result, never null */
    HeaderMemo(Function<String, V> function) {
        this.function = Objects.requireNonNull(function, "function");
    }

    /** {@code function.apply(value)}, remembered; a null value is not remembered. */
    V get(String value) {
        if (value == null || value.length() > MAX_KEY_LENGTH) {
            return function.apply(value);
        }
        V known = values.get(value);
        if (known != null) {
            return known;
        }
        V computed = function.apply(value);
        if (values.size() >= MAX_ENTRIES) {
            values.clear();
        }
        values.put(value, computed);
        return computed;
    }

    /** How many values are kept, for tests. */
    int size() {
        return values.size();
    }
}
