package dev.restfault.throttling;

import dev.restfault.core.http.HeaderValues;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Throttle} needs to know about a request, whatever the framework: a server adapter
 * (a servlet filter, a WebFlux {@code WebFilter}) implements it as a thin view over its own
 * request object, reading lazily; nothing is copied.
 *
 * <p>Every value here may be hostile. restfault never echoes one into a response or a log: keys
 * become bucket names only (see {@link CallerKeyResolver}).
 */
public interface ThrottledRequest {

    /** The request method as received, such as {@code GET}. */
    String method();

    /**
     * The path within the application, as received (not decoded), without the query; null or
     * empty is the root. The throttle normalizes it before it matches route patterns.
     */
    String path();

    /** The first value of a request header, if the request has it; the name is case-insensitive. */
    Optional<String> header(String name);

    /** The address of the peer that sent the request (or the client a trusted proxy names), if known. */
    Optional<String> clientAddress();

    /**
     * The authenticated caller: the subject of its token, the principal's name. Empty when the
     * request is not authenticated, or authentication has not happened yet where the throttle runs.
     */
    Optional<String> subject();

    /**
     * A request built from values, for callers outside a web framework and for tests.
     *
     * @param method the request method; a token
     * @param path the path as received, without the query
     * @throws IllegalArgumentException if the method is not a token
     */
    static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    /** Builds an immutable {@link ThrottledRequest}; not thread-safe. */
    final class Builder {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String clientAddress;
        private String subject;

        private Builder(String method, String path) {
            if (!HeaderValues.isToken(method)) {
                throw new IllegalArgumentException("method must be a token");
            }
            this.method = method;
            this.path = path;
        }

        /** A header; its name is case-insensitive, its value kept as given (null removes it). */
        public Builder header(String name, String value) {
            String key = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
            if (value == null) {
                headers.remove(key);
            } else {
                headers.put(key, value);
            }
            return this;
        }

        /** The peer's address; null for unknown. */
        public Builder clientAddress(String address) {
            this.clientAddress = address;
            return this;
        }

        /** The authenticated caller; null for none. */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public ThrottledRequest build() {
            Map<String, String> h = Map.copyOf(headers);
            String m = method;
            String p = path;
            Optional<String> address = Optional.ofNullable(clientAddress);
            Optional<String> sub = Optional.ofNullable(subject);
            return new ThrottledRequest() {
                @Override
                public String method() {
                    return m;
                }

                @Override
                public String path() {
                    return p;
                }

                @Override
                public Optional<String> header(String name) {
                    return name == null ? Optional.empty() : Optional.ofNullable(h.get(name.toLowerCase(Locale.ROOT)));
                }

                @Override
                public Optional<String> clientAddress() {
                    return address;
                }

                @Override
                public Optional<String> subject() {
                    return sub;
                }

                @Override
                public String toString() {
                    // The method only: paths, headers and callers may be hostile or personal.
                    return "ThrottledRequest[" + m + "]";
                }
            };
        }
    }
}
