package dev.restfault.springdoc.implementation;

import dev.restfault.core.model.ErrorFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The error format of a path, as the Spring Boot starter chooses it from
 * {@code restfault.format} and {@code restfault.formats[prefix]}: the longest prefix that matches
 * whole path segments wins. (The starter keeps the same rule for requests; this copy serves path
 * templates, which have no request. Both follow restfault-spring-boot's documented rule.) Immutable.
 */
public final class PathFormats {

    private final ErrorFormat defaultFormat;
    private final List<Map.Entry<String, ErrorFormat>> prefixes;

    /**
     * @param defaultFormat the format of paths no prefix matches
     * @param prefixes formats by path prefix, each beginning with {@code /}, without a trailing {@code /}
     */
    public PathFormats(ErrorFormat defaultFormat, Map<String, ErrorFormat> prefixes) {
        this.defaultFormat = Objects.requireNonNull(defaultFormat, "defaultFormat");
        List<Map.Entry<String, ErrorFormat>> sorted = new ArrayList<>(prefixes.entrySet());
        sorted.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
        this.prefixes = List.copyOf(sorted);
    }

    /** The format of errors answered on {@code path}. */
    public ErrorFormat formatFor(String path) {
        for (Map.Entry<String, ErrorFormat> e : prefixes) {
            String prefix = e.getKey();
            if (prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/")) {
                return e.getValue();
            }
        }
        return defaultFormat;
    }
}
