package dev.restfault.spring.implementation;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.condition.PatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The methods a request's path really supports, for an accurate {@code Allow} on a 405 that did
 * not come with one (a {@code sendError(405)}, a {@code ResponseStatusException(METHOD_NOT_ALLOWED)}).
 *
 * <p>Asks every {@link RequestMappingInfoHandlerMapping} which of its mappings match the path,
 * and adds what Spring MVC serves implicitly: HEAD where GET is mapped, and OPTIONS.
 */
public final class AllowedMethods implements Function<HttpServletRequest, Collection<String>> {

    private final ListableBeanFactory beans;

    public AllowedMethods(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public Collection<String> apply(HttpServletRequest request) {
        Set<String> methods = new LinkedHashSet<>();
        boolean parsedHere = false;
        try {
            if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
                ServletRequestPathUtils.parseAndCache(request);
                parsedHere = true;
            }
            for (RequestMappingInfoHandlerMapping mapping : beans.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
                for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                    if (matchesPath(info, request)) {
                        Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
                        if (declared.isEmpty()) {
                            for (RequestMethod m : RequestMethod.values()) {
                                if (m != RequestMethod.TRACE) {
                                    methods.add(m.name());
                                }
                            }
                        }
                        declared.forEach(m -> methods.add(m.name()));
                    }
                }
            }
        } catch (RuntimeException cannotTell) {
            return List.of();
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
        return methods.isEmpty() ? List.of() : withImplicit(methods);
    }

    private static boolean matchesPath(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition pathPatterns = info.getPathPatternsCondition();
        if (pathPatterns != null) {
            return pathPatterns.getMatchingCondition(request) != null;
        }
        PatternsRequestCondition patterns = info.getPatternsCondition();
        return patterns != null && patterns.getMatchingCondition(request) != null;
    }

    /** {@code methods} upper-cased, plus HEAD where GET is there, plus OPTIONS, as Spring MVC serves them. */
    public static List<String> withImplicit(Collection<String> methods) {
        Set<String> out = new LinkedHashSet<>();
        for (String m : methods) {
            out.add(m.trim().toUpperCase(Locale.ROOT));
        }
        out.remove("");
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
