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

    /** Spring's methods, in the order an {@code Allow} lists them. */
    private static final RequestMethod[] STANDARD = RequestMethod.values();
    /** The answers of {@link #withImplicit} for Spring's own names, by the set's bits. */
    @SuppressWarnings("unchecked")
    private static final List<String>[] BY_BITS = new List[1 << STANDARD.length];

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
        // What frameworks report is Spring's own method names, upper case: a bit each, and the
        // answer for that set of bits computed once. Anything else takes the general way below.
        int bits = 0;
        for (String m : methods) {
            int bit = bit(m);
            if (bit == 0) {
                return withImplicitGeneral(methods);
            }
            bits |= bit;
        }
        if (bits == 0) {
            return List.of();
        }
        if ((bits & (1 << RequestMethod.GET.ordinal())) != 0) {
            bits |= 1 << RequestMethod.HEAD.ordinal();
        }
        bits |= 1 << RequestMethod.OPTIONS.ordinal();
        List<String> known = BY_BITS[bits];
        if (known == null) {
            List<String> names = new ArrayList<>(STANDARD.length);
            for (RequestMethod m : STANDARD) {
                if ((bits & (1 << m.ordinal())) != 0) {
                    names.add(m.name());
                }
            }
            known = List.copyOf(names);
            // Racy on purpose: the list is immutable, and a thread that misses it computes it again.
            BY_BITS[bits] = known;
        }
        return known;
    }

    /** The bit of one of Spring's method names spelled as Spring spells it; 0 for any other string. */
    private static int bit(String method) {
        RequestMethod m = method == null ? null : RequestMethod.resolve(method);
        return m == null ? 0 : 1 << m.ordinal();
    }

    private static List<String> withImplicitGeneral(Collection<String> methods) {
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
