package dev.restfault.spring.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The methods Spring serves on a path beyond those its mappings declare: HEAD where GET is
 * mapped, and OPTIONS, as both Spring MVC and WebFlux answer them implicitly. An accurate
 * {@code Allow} lists them too.
 */
public final class HttpMethods {

    private HttpMethods() {
    }

    /**
     * {@code methods} upper-cased, each once, plus HEAD where GET is there, plus OPTIONS; empty when
     * {@code methods} names none (nothing serves the path).
     *
     * @param methods the declared methods; null elements and blanks are skipped
     */
    public static List<String> withImplicit(Collection<String> methods) {
        Set<String> out = new LinkedHashSet<>();
        for (String m : methods) {
            if (m != null && !m.isBlank()) {
                out.add(m.trim().toUpperCase(Locale.ROOT));
            }
        }
        if (out.isEmpty()) {
            return List.of();
        }
        if (out.contains("GET")) {
            out.add("HEAD");
        }
        out.add("OPTIONS");
        return new ArrayList<>(out);
    }
}
