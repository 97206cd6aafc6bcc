package dev.restfault.springdoc.implementation;

import dev.restfault.springdoc.SecurityInspector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring WebFlux's annotated operations, read from the handler mappings that route its requests:
 * every reactive {@link RequestMappingInfo} and its handler method, as an {@link OperationIndex}.
 * A mapping without a method condition serves every method but TRACE, which restfault's WebFlux
 * adapter refuses with 405 before any handler, as on Spring MVC: a 405 can happen on every path.
 * Loaded only in a WebFlux application.
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
            m.getHandlerMethods().forEach((info, handler) -> all.add(OperationIndex.Mapping.of(info.getMethodsCondition().getMethods(),
                    info.getPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString).toList(),
                    info.getConsumesCondition().getConsumableMediaTypes(), info.getProducesCondition().getProducibleMediaTypes(),
                    handler)));
        }
        return new OperationIndex(all, security);
    }
}
