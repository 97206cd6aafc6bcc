package dev.restfault.server;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads a header of a request (or of the response being replaced) from an adapter's framework,
 * one name at a time, when the renderer needs it: nothing is copied up front. Header names are
 * case-insensitive; an implementation matches them as its framework does.
 *
 * <pre>{@code
 * HeaderLookup servlet = HeaderLookup.of(request::getHeader, name -> Collections.list(request.getHeaders(name)));
 * HeaderLookup jdk = HeaderLookup.of(exchange.getRequestHeaders()::getFirst, exchange.getRequestHeaders()::get);
 * }</pre>
 *
 * <p>The renderer never trusts what it reads: values are bounded and validated where they are
 * used, and a lookup that throws (a request the server could only partly parse) counts as a
 * header that is absent.
 */
@FunctionalInterface
public interface HeaderLookup {

    /** A request or response without any header. */
    HeaderLookup NONE = name -> null;

    /**
     * The first value of the header {@code name}.
     *
     * @return null when the header is absent
     */
    String first(String name);

    /**
     * Every value of the header {@code name}, one per header line, in order. By default the
     * {@link #first(String) first} one only; adapters whose framework keeps every line override it,
     * as list-valued headers ({@code Accept}, {@code WWW-Authenticate}, {@code Allow}) may come in
     * several lines.
     *
     * @return never null; empty when the header is absent
     */
    default List<String> all(String name) {
        String value = first(name);
        return value == null ? List.of() : List.of(value);
    }

    /**
     * A lookup from two functions of the adapter's framework.
     *
     * @param first the first value of a header, or null
     * @param all every value of a header; may return null for none; the list is read, never changed
     * @throws NullPointerException if either is null
     */
    static HeaderLookup of(Function<String, String> first, Function<String, ? extends List<String>> all) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(all, "all");
        return new HeaderLookup() {
            @Override
            public String first(String name) {
                return first.apply(name);
            }

            @Override
            public List<String> all(String name) {
                List<String> values = all.apply(name);
                return values == null ? List.of() : values; // read, never changed: no copy
            }
        };
    }
}
