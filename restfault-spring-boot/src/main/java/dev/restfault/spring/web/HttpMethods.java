package dev.restfault.spring.web;

import dev.restfault.core.exception.ContractException;
import dev.restfault.server.ErrorRequest;
import dev.restfault.server.StatusErrors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpMethod;
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
     * The 405 for a framework's "wrong method": {@code Allow} lists the methods it says the path
     * supports, else those the adapter reports for the path, with HEAD and OPTIONS where served.
     *
     * @param supported the methods the framework named; null or empty when it named none
     */
    public static ContractException methodNotAllowed(Collection<HttpMethod> supported, ErrorRequest request) {
        List<String> names = new ArrayList<>();
        if (supported != null) {
            supported.forEach(m -> names.add(m.name()));
        }
        return StatusErrors.methodNotAllowed(withImplicit(names.isEmpty() ? List.copyOf(request.facts().allowedMethods()) : names));
    }

    /**
     * Adds the methods one request mapping serves to {@code into}: those it declares, or, when it
     * declares none, every method but TRACE (which an API never serves), as Spring MVC and WebFlux
     * match a mapping without a method condition.
     */
    public static void addMapped(Set<RequestMethod> declared, Collection<String> into) {
        if (declared.isEmpty()) {
            for (RequestMethod m : RequestMethod.values()) {
                if (m != RequestMethod.TRACE) {
                    into.add(m.name());
                }
            }
        }
        for (RequestMethod m : declared) {
            into.add(m.name());
        }
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
