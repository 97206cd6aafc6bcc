package dev.restfault.throttling;

import java.util.ArrayList;
import java.util.List;

/**
 * The paths a {@link RateLimit} applies to, in the syntax of Spring's path patterns restricted to
 * whole segments: literal segments, {@code *} or {@code {name}} for exactly one segment, and
 * {@code **} as the last segment for any number of segments (none included).
 *
 * <pre>{@code
 * RoutePattern.of("/v1/customers/**")      // /v1/customers, /v1/customers/7, /v1/customers/7/orders
 * RoutePattern.of("/v1/customers/{id}")    // /v1/customers/7, not /v1/customers nor /v1/customers/7/orders
 * RoutePattern.of("/v1/order-*")          // rejected: a wildcard that is not a whole segment
 * }</pre>
 *
 * <p>Request paths are normalized before they are matched ({@code ;parameters} cut,
 * percent-escapes decoded, empty and dot segments resolved), so {@code /v1//customers/./7;x=1}
 * is limited like {@code /v1/customers/7}. Matching is case-sensitive, as Spring MVC's is.
 * Matching allocates nothing and compiles nothing. Immutable and thread-safe.
 */
public final class RoutePattern {

    /** The longest pattern accepted, in characters. */
    public static final int MAX_LENGTH = 1024;

    private final String pattern;
    /** Literal segments as they are; null where any one segment matches ({@code *}, {@code {name}}). */
    private final String[] segments;
    private final boolean trailingAny;

    private RoutePattern(String pattern, String[] segments, boolean trailingAny) {
        this.pattern = pattern;
        this.segments = segments;
        this.trailingAny = trailingAny;
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException if the pattern is null, empty, does not start with
     *     {@code /}, is longer than {@link #MAX_LENGTH}, has an empty, {@code .} or {@code ..}
     *     segment, a control character, {@code %}, {@code ;}, {@code ?} or {@code #}, a wildcard
     *     or variable that is not a whole segment, or {@code **} anywhere but last
     */
    public static RoutePattern of(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new IllegalArgumentException("route pattern must not be null or empty");
        }
        if (pattern.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("route pattern is " + pattern.length() + " characters long, max " + MAX_LENGTH);
        }
        if (pattern.charAt(0) != '/') {
            throw new IllegalArgumentException("route pattern must start with '/'");
        }
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '%' || c == ';' || c == '?' || c == '#') {
                throw new IllegalArgumentException("route pattern contains "
                        + (c < 0x20 || c == 0x7F ? "a control character" : "'" + c + "'") + " at index " + i
                        + "; write segments decoded, without parameters, query or fragment");
            }
        }
        String body = pattern.length() > 1 && pattern.endsWith("/") ? pattern.substring(1, pattern.length() - 1) : pattern.substring(1);
        List<String> parsed = new ArrayList<>();
        boolean trailingAny = false;
        if (!body.isEmpty()) {
            String[] raw = body.split("/", -1);
            for (int i = 0; i < raw.length; i++) {
                String s = raw[i];
                if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                    throw new IllegalArgumentException("route pattern has an empty, '.' or '..' segment at position " + (i + 1));
                }
                if (s.equals("**")) {
                    if (i != raw.length - 1) {
                        throw new IllegalArgumentException("'**' must be the last segment of a route pattern");
                    }
                    trailingAny = true;
                } else if (s.equals("*") || isVariable(s)) {
                    parsed.add(null);
                } else if (s.indexOf('*') >= 0 || s.indexOf('{') >= 0 || s.indexOf('}') >= 0) {
                    throw new IllegalArgumentException("route pattern segment " + (i + 1)
                            + " mixes a wildcard or variable with text; only whole-segment '*', '**' and '{name}' are supported");
                } else {
                    parsed.add(s);
                }
            }
        }
        return new RoutePattern(pattern, parsed.toArray(new String[0]), trailingAny);
    }

    private static boolean isVariable(String s) {
        if (s.length() < 3 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
            return false;
        }
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a request path matches.
     *
     * @param path the path as received, without the query; null is the root
     */
    public boolean matches(String path) {
        return matchesPath(RequestPath.parse(path));
    }

    boolean matchesPath(RequestPath path) {
        int n = segments.length;
        if (path.size() < n || (!trailingAny && path.size() != n)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            String s = segments[i];
            if (s != null && !s.equals(path.segment(i))) {
                return false;
            }
        }
        return true;
    }

    /** The pattern as written. */
    public String pattern() {
        return pattern;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoutePattern other && pattern.equals(other.pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
