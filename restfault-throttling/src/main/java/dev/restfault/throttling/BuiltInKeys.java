package dev.restfault.throttling;

import java.util.Locale;
import java.util.Optional;

/** The built-in {@link CallerKeyResolver}s; their keys carry a prefix naming where they came from. */
final class BuiltInKeys {

    static final CallerKeyResolver SUBJECT = new CallerKeyResolver() {
        @Override
        public Optional<String> resolve(ThrottledRequest request) {
            return nonBlank(request.subject()).map(s -> "subject:" + s);
        }

        @Override
        public String toString() {
            return "subject";
        }
    };

    static final CallerKeyResolver CLIENT_ADDRESS = new CallerKeyResolver() {
        @Override
        public Optional<String> resolve(ThrottledRequest request) {
            return nonBlank(request.clientAddress()).map(a -> "address:" + a);
        }

        @Override
        public String toString() {
            return "client address";
        }
    };

    private static final Optional<String> SHARED_KEY = Optional.of("shared");

    static final CallerKeyResolver SHARED = new CallerKeyResolver() {
        @Override
        public Optional<String> resolve(ThrottledRequest request) {
            return SHARED_KEY;
        }

        @Override
        public String toString() {
            return "shared";
        }
    };

    private BuiltInKeys() {
    }

    static final class Header implements CallerKeyResolver {
        private final String name;
        private final String prefix;

        Header(String name) {
            this.name = name;
            this.prefix = "header:" + name.toLowerCase(Locale.ROOT) + ":";
        }

        @Override
        public Optional<String> resolve(ThrottledRequest request) {
            return nonBlank(request.header(name)).map(v -> prefix + v);
        }

        @Override
        public String toString() {
            return "header " + name;
        }
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        String trimmed = value.get().strip();
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }
}
