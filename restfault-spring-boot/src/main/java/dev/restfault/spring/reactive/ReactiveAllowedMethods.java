package dev.restfault.spring.reactive;

import dev.restfault.spring.web.HttpMethods;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * The methods an exchange's path really supports, for an accurate {@code Allow} on a 405 that did
 * not come with one (a {@code ResponseStatusException(METHOD_NOT_ALLOWED)}, a bare 405 status).
 *
 * <p>Asks every WebFlux {@link RequestMappingInfoHandlerMapping} which of its mappings match the
 * path, and adds what WebFlux serves implicitly ({@link HttpMethods#withImplicit}). Functional
 * routes are not asked: a router function that matches no method does not match at all. Empty when
 * nothing maps the path or it cannot be told. Looked up only when a 405 needs it.
 */
public final class ReactiveAllowedMethods implements Function<ServerWebExchange, Collection<String>> {

    private final ListableBeanFactory beans;

    /** @param beans where the {@link RequestMappingInfoHandlerMapping}s are found */
    public ReactiveAllowedMethods(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public Collection<String> apply(ServerWebExchange exchange) {
        Set<String> methods = new LinkedHashSet<>();
        try {
            for (RequestMappingInfoHandlerMapping mapping : beans.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
                for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                    if (info.getPatternsCondition().getMatchingCondition(exchange) != null) {
                        HttpMethods.addMapped(info.getMethodsCondition().getMethods(), methods);
                    }
                }
            }
        } catch (RuntimeException cannotTell) {
            return List.of();
        }
        return methods.isEmpty() ? List.of() : HttpMethods.withImplicit(methods);
    }
}
