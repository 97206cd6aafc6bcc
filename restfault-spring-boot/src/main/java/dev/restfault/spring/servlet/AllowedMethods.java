package dev.restfault.spring.servlet;

import dev.restfault.spring.web.HttpMethods;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.ListableBeanFactory;
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
 * and adds what Spring MVC serves implicitly ({@link HttpMethods#withImplicit}). On the
 * container's error dispatch, the path asked about is the one that failed
 * ({@link RequestDispatcher#ERROR_REQUEST_URI}), not the error page's. Empty when nothing maps the
 * path or it cannot be told.
 */
public final class AllowedMethods implements Function<HttpServletRequest, Collection<String>> {

    private final ListableBeanFactory beans;

    /** @param beans where the {@link RequestMappingInfoHandlerMapping}s are found */
    public AllowedMethods(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public Collection<String> apply(HttpServletRequest original) {
        Set<String> methods = new LinkedHashSet<>();
        boolean parsedHere = false;
        Object errorUri = original.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpServletRequest request = errorUri instanceof String ? failedRequest(original, (String) errorUri) : original;
        // On an error dispatch the cached path is the error page's: parse the failed one instead,
        // and put back what was cached.
        Object previous = request != original ? original.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE) : null;
        try {
            if (request != original || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
                ServletRequestPathUtils.parseAndCache(request);
                parsedHere = true;
            }
            for (RequestMappingInfoHandlerMapping mapping : beans.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
                for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                    if (matchesPath(info, request)) {
                        HttpMethods.addMapped(info.getMethodsCondition().getMethods(), methods);
                    }
                }
            }
        } catch (RuntimeException cannotTell) {
            return List.of();
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
                if (previous != null) {
                    original.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previous);
                }
            }
        }
        return methods.isEmpty() ? List.of() : HttpMethods.withImplicit(methods);
    }

    /** The error dispatch seen as the request that failed: its URI is the failed request's. */
    private static HttpServletRequest failedRequest(HttpServletRequest errorDispatch, String uri) {
        return new HttpServletRequestWrapper(errorDispatch) {
            @Override
            public String getRequestURI() {
                return uri;
            }

            @Override
            public String getServletPath() {
                String context = getContextPath();
                return context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
            }

            @Override
            public String getPathInfo() {
                return null;
            }
        };
    }

    private static boolean matchesPath(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition pathPatterns = info.getPathPatternsCondition();
        if (pathPatterns != null) {
            return pathPatterns.getMatchingCondition(request) != null;
        }
        PatternsRequestCondition patterns = info.getPatternsCondition();
        return patterns != null && patterns.getMatchingCondition(request) != null;
    }
}
