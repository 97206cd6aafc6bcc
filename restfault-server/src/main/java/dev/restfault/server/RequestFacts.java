package dev.restfault.server;

import dev.restfault.core.model.ErrorFormat;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the renderer knows of a request that ends in an error: its method and path, its headers
 * (read one by one, on demand, through a {@link HeaderLookup}), the format the application chose
 * for it if any, its {@link CorrelationIds}, and, where the adapter can tell, the methods its path
 * really serves and the headers already set on the response the error replaces.
 *
 * <p>Adapters build one per error from their framework's request, cheaply: the lookups are
 * functions over the framework's own request, and the allowed methods are looked up only when a
 * 405 needs them.
 *
 * <pre>{@code
 * RequestFacts facts = RequestFacts.builder(request.getMethod(), path)
 *         .headers(HeaderLookup.of(request::getHeader, name -> Collections.list(request.getHeaders(name))))
 *         .ids(idsAssignedEarlier)
 *         .build();
 * }</pre>
 *
 * <p>Bad input: a null method means unknown; a null or empty path means unknown and reads as
 * {@code /}; neither is validated (they only choose a path format and appear, sanitized and
 * capped, in log lines). A lookup or supplier that throws counts as having nothing to say: a
 * server may render an error for a request it could only partly parse. Immutable once built
 * (what the lookups read belongs to the adapter); thread-safe if the lookups are.
 */
public final class RequestFacts {

    private final String method;
    private final String path;
    private final HeaderLookup headers;
    private final ErrorFormat chosenFormat;
    private final CorrelationIds ids;
    private final Supplier<? extends Collection<String>> allowedMethods;
    private final HeaderLookup responseHeaders;

    private RequestFacts(Builder b) {
        this.method = b.method;
        this.path = b.path == null || b.path.isEmpty() ? "/" : b.path;
        this.headers = b.headers;
        this.chosenFormat = b.chosenFormat;
        this.allowedMethods = b.allowedMethods;
        this.responseHeaders = b.responseHeaders;
        this.ids = b.ids != null ? b.ids : CorrelationIds.of(b.headers);
    }

    /**
     * A builder for a request with {@code method} and {@code path}.
     *
     * @param method the request's method; null when unknown
     * @param path the request's path within the application (without a context path or query);
     *     null or empty when unknown
     */
    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    /** The request's method; null when unknown. */
    public String method() {
        return method;
    }

    /** The request's path within the application, {@code /} when unknown. */
    public String path() {
        return path;
    }

    /** The first value of the request header {@code name}; null when absent or unreadable. */
    public String header(String name) {
        return safeFirst(headers, name);
    }

    /** Every line of the request header {@code name}; empty when absent or unreadable. */
    public List<String> headerLines(String name) {
        return safeAll(headers, name);
    }

    /**
     * The error format the application chose for this request (a {@code ?format=} parameter, say),
     * which wins over {@code Accept} and the configured path formats; empty when it chose none.
     */
    public Optional<ErrorFormat> chosenFormat() {
        return Optional.ofNullable(chosenFormat);
    }

    /** The request's ids: those the adapter assigned, else derived from its headers when built. */
    public CorrelationIds ids() {
        return ids;
    }

    /**
     * The methods the request's path really serves, as the adapter's framework tells (HEAD and
     * OPTIONS included where it serves them); looked up on each call. Empty when nothing serves
     * the path or the adapter cannot tell.
     */
    public Collection<String> allowedMethods() {
        if (allowedMethods == null) {
            return List.of();
        }
        try {
            Collection<String> methods = allowedMethods.get();
            return methods == null ? List.of() : methods;
        } catch (RuntimeException cannotTell) {
            return List.of();
        }
    }

    /**
     * Every line of the header {@code name} already set on the response the error replaces (an
     * {@code Allow} set before {@code sendError(405)}, a challenge of another authentication
     * scheme); empty when absent, unreadable or unknown.
     */
    public List<String> responseHeaderLines(String name) {
        return safeAll(responseHeaders, name);
    }

    static String safeFirst(HeaderLookup lookup, String name) {
        Objects.requireNonNull(lookup, "headers");
        try {
            return lookup.first(name);
        } catch (RuntimeException unparsed) {
            return null;
        }
    }

    private static List<String> safeAll(HeaderLookup lookup, String name) {
        try {
            List<String> lines = lookup.all(name);
            return lines == null ? List.of() : lines;
        } catch (RuntimeException unparsed) {
            return List.of();
        }
    }

    /**
     * The request as it appears in a log line, {@code "GET /path"}: control characters replaced by
     * {@code ?}, the method capped at 16 characters and the path at 200, an unknown method shown as
     * {@code ?}. Safe to log whatever the client sent.
     */
    public String logLine() {
        String m = method == null ? "?" : method;
        StringBuilder sb = new StringBuilder(Math.min(m.length(), 16) + Math.min(path.length(), 200) + 1);
        appendSanitized(sb, m, 16);
        sb.append(' ');
        appendSanitized(sb, path, 200);
        return sb.toString();
    }

    private static void appendSanitized(StringBuilder sb, String s, int max) {
        for (int i = 0; i < s.length() && i < max; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
    }

    @Override
    public String toString() {
        return "RequestFacts[" + logLine() + "]";
    }

    /** Builds {@link RequestFacts}; not thread-safe. */
    public static final class Builder {
        private final String method;
        private final String path;
        private HeaderLookup headers = HeaderLookup.NONE;
        private ErrorFormat chosenFormat;
        private CorrelationIds ids;
        private Supplier<? extends Collection<String>> allowedMethods;
        private HeaderLookup responseHeaders = HeaderLookup.NONE;

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** How to read the request's headers; by default it has none. */
        public Builder headers(HeaderLookup headers) {
            this.headers = Objects.requireNonNull(headers, "headers");
            return this;
        }

        /** The format the application chose for this request; null means none. */
        public Builder chosenFormat(ErrorFormat format) {
            this.chosenFormat = format;
            return this;
        }

        /**
         * The ids the adapter already assigned to the request (and sent, or will send, on its
         * response); null means derive them from the request's headers when built.
         */
        public Builder ids(CorrelationIds ids) {
            this.ids = ids;
            return this;
        }

        /**
         * Looks up the methods the request's path serves, only when needed; null means the adapter
         * cannot tell.
         */
        public Builder allowedMethods(Supplier<? extends Collection<String>> allowedMethods) {
            this.allowedMethods = allowedMethods;
            return this;
        }

        /** How to read the headers already set on the response the error replaces; by default none. */
        public Builder responseHeaders(HeaderLookup responseHeaders) {
            this.responseHeaders = Objects.requireNonNull(responseHeaders, "responseHeaders");
            return this;
        }

        /** The facts; the ids are derived from the headers now if none were given. */
        public RequestFacts build() {
            return new RequestFacts(this);
        }
    }
}
