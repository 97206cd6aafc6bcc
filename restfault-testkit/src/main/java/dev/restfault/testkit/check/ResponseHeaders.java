package dev.restfault.testkit.check;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The headers of a response under check: a case-insensitive multimap, as HTTP header names are.
 *
 * <p>Names keep the spelling they were first added with (for reports); lookups ignore case.
 * Values are kept exactly as received, repeated fields in order. {@link Builder#add} rejects a
 * null or empty name; {@link #of(Map)} skips a null name (HttpURLConnection's header map carries
 * the status line under it); null values are skipped. Immutable.
 */
public final class ResponseHeaders {

    private static final ResponseHeaders EMPTY = new ResponseHeaders(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final Map<String, List<String>> values;

    private ResponseHeaders(TreeMap<String, List<String>> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** No headers. */
    public static ResponseHeaders empty() {
        return EMPTY;
    }

    /**
     * A copy of {@code map}; names differing only in case are merged, values in order.
     *
     * @throws IllegalArgumentException if {@code map} is null or has a null or empty name
     */
    public static ResponseHeaders of(Map<String, ? extends List<String>> map) {
        if (map == null) {
            throw new IllegalArgumentException("headers must not be null");
        }
        Builder b = builder();
        map.forEach((name, list) -> {
            if (name == null) {
                // HttpURLConnection reports the status line under a null name: not a header.
                return;
            }
            if (list != null) {
                list.forEach(v -> b.add(name, v));
            }
        });
        return b.build();
    }

    /** The headers of a {@code java.net.http} response. */
    public static ResponseHeaders of(HttpHeaders headers) {
        Objects.requireNonNull(headers, "headers");
        return of(headers.map());
    }

    /** Headers from name/value pairs: {@code of("Content-Type", "text/html", "Allow", "GET")}. */
    public static ResponseHeaders of(String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("expected name/value pairs, got an odd number of strings");
        }
        Builder b = builder();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            b.add(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every value of {@code name}, in order; empty when absent. */
    public List<String> all(String name) {
        List<String> list = values.get(name);
        return list == null ? List.of() : list;
    }

    /** The first value of {@code name}. */
    public Optional<String> first(String name) {
        List<String> list = all(name);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** Whether {@code name} is present (even with an empty value). */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** The header names, sorted ignoring case, spelled as first added. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** Every header, names sorted ignoring case; an unmodifiable view. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseHeaders && ((ResponseHeaders) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Builds {@link ResponseHeaders}; not thread-safe. */
    public static final class Builder {
        private final TreeMap<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private Builder() {
        }

        /**
         * Adds one value.
         *
         * @throws IllegalArgumentException if {@code name} is null or empty
         */
        public Builder add(String name, String value) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("header name must not be null or empty");
            }
            if (value != null) {
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
            return this;
        }

        /**
         * Adds a raw {@code Name: value} line, as a user types it on a command line.
         *
         * @throws IllegalArgumentException if there is no colon or the name is empty
         */
        public Builder addLine(String line) {
            int colon = line == null ? -1 : line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a header must look like 'Name: value'");
            }
            return add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }

        public ResponseHeaders build() {
            TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new ResponseHeaders(copy);
        }
    }
}
