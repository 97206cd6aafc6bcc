package dev.restfault.spring.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The methods Spring serves on a path beyond those its mappings declare: HEAD where GET is
 * mapped, and OPTIONS, as both Spring MVC and WebFlux answer them implicitly. An accurate
 * {@code Allow} lists them too.
 */
public final class HttpMethods {

    private HttpMethods() {
    }

    /**
     * {@code methods} upper-cased, each once, plus HEAD where GET is there, plus OPTIONS, in Spring's
     * order of {@link RequestMethod} (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE), other
     * methods after them as given; empty when {@code methods} names none (nothing serves the path).
     * The order is fixed because the frameworks report a path's methods in the order of a hash map
     * keyed by their mappings (the same service would otherwise list them differently from one start
     * to the next), and so that a 405 can be documented as it is answered.
     *
     * @param methods the declared methods; null elements and blanks are skipped
     */
    public static List<String> withImplicit(Collection<String> methods) {
        Set<String> given = new LinkedHashSet<>();
        for (String m : methods) {
            if (m != null && !m.isBlank()) {
                given.add(m.trim().toUpperCase(Locale.ROOT));
            }
        }
        if (given.isEmpty()) {
            return List.of();
        }
        if (given.contains("GET")) {
            given.add("HEAD");
        }
        given.add("OPTIONS");
        List<String> out = new ArrayList<>(given.size());
        for (RequestMethod m : RequestMethod.values()) {
            if (given.remove(m.name())) {
                out.add(m.name());
            }
        }
        out.addAll(given);
        return out;
    }
}
