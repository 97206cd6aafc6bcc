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
