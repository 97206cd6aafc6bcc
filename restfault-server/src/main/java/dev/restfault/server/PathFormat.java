package dev.restfault.server;

import dev.restfault.core.model.ErrorFormat;
import java.util.Objects;

/**
 * The error format a service serves under a path prefix, during a migration say:
 * {@code /v1/legacy} in the Partner API format while the rest is Partner Center. The prefix
 * matches whole path segments ({@code /v1/legacy} matches {@code /v1/legacy} and
 * {@code /v1/legacy/x}, not {@code /v1/legacyx}); {@code /} matches every path. Among several,
 * the longest matching prefix wins. Immutable.
 *
 * @param prefix the path prefix, starting with {@code /}; a trailing {@code /} is dropped
 * @param format partner-center or partner-api
 */
public record PathFormat(String prefix, ErrorFormat format) {

    /**
     * @throws IllegalArgumentException if {@code prefix} is null or does not start with {@code /},
     *     or {@code format} is not {@linkplain #requireServable(ErrorFormat) servable}
     */
    public PathFormat {
        if (prefix == null || !prefix.startsWith("/")) {
            throw new IllegalArgumentException("a path prefix must start with '/'");
        }
        prefix = prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        requireServable(format);
    }

    /**
     * {@code format}, if a service may be configured to serve it: partner-center or partner-api.
     * Problem details are negotiated per request (a client's {@code Accept} asks for them); as a
     * configured format they would hide the contract from every other client.
     *
     * @throws IllegalArgumentException if {@code format} is null or problem details
     */
    public static ErrorFormat requireServable(ErrorFormat format) {
        if (format == null || format == ErrorFormat.PROBLEM_DETAILS) {
            throw new IllegalArgumentException("a configured format must be partner-center or partner-api");
        }
        return format;
    }

    /**
     * Whether this prefix covers {@code path}.
     *
     * @throws NullPointerException if {@code path} is null
     */
    public boolean matches(String path) {
        Objects.requireNonNull(path, "path");
        return prefix.length() == 1 || path.startsWith(prefix)
                && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
