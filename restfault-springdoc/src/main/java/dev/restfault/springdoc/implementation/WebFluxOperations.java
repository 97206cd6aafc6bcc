package dev.restfault.springdoc.implementation;

import dev.restfault.springdoc.SecurityInspector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring WebFlux's annotated operations, read from the handler mappings that route its requests:
 * every reactive {@link RequestMappingInfo} and its handler method, as an {@link OperationIndex}.
 * A mapping without a method condition serves every method (WebFlux routes TRACE to it too;
 * OPTIONS it answers itself): no 405 can happen on its path. Loaded only in a WebFlux application.
 */
public final class WebFluxOperations {

    private WebFluxOperations() {
    }

    /**
     * The operations of {@code mappings}.
     *
     * @param mappings the application's reactive request-mapping handler mappings
     * @param security what the security in front of the operations answers
     * @throws IllegalArgumentException if a handler's {@code @ContractError} is not valid
     */
    public static OperationIndex index(Collection<? extends RequestMappingInfoHandlerMapping> mappings, SecurityInspector security) {
        List<OperationIndex.Mapping> all = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping m : mappings) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : m.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = e.getKey();
                Set<String> methods = new LinkedHashSet<>();
                for (RequestMethod rm : info.getMethodsCondition().getMethods()) {
                    methods.add(rm.name());
                }
                List<String> patterns = info.getPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString).toList();
                all.add(new OperationIndex.Mapping(methods, patterns, names(info.getConsumesCondition().getConsumableMediaTypes()),
                        names(info.getProducesCondition().getProducibleMediaTypes()), e.getValue()));
            }
        }
        return new OperationIndex(all, OperationIndex.METHODS, security);
    }

    private static List<String> names(Collection<MediaType> types) {
        return types.stream().map(MediaType::toString).toList();
    }
}
