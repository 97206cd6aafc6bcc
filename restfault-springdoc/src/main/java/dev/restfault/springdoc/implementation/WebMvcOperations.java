package dev.restfault.springdoc.implementation;

import dev.restfault.springdoc.SecurityInspector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Spring MVC's operations, read from the handler mappings that route requests at run time (so the
 * document follows the routing, not a second description of it): every {@link RequestMappingInfo}
 * and its handler method, as an {@link OperationIndex}. A mapping without a method condition serves
 * every method but TRACE, which restfault's starter refuses with 405 before any handler: a 405 can
 * happen on every path.
 */
public final class WebMvcOperations {

    private WebMvcOperations() {
    }

    /**
     * The operations of {@code mappings}.
     *
     * @param mappings the application's request-mapping handler mappings
     * @param security what the security in front of the operations answers
     * @throws IllegalArgumentException if a handler's {@code @ContractError} is not valid
     */
    public static OperationIndex index(Collection<? extends RequestMappingInfoHandlerMapping> mappings, SecurityInspector security) {
        List<OperationIndex.Mapping> all = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping m : mappings) {
            m.getHandlerMethods().forEach((info, handler) -> all.add(OperationIndex.Mapping.of(info.getMethodsCondition().getMethods(),
                    info.getPatternValues(), info.getConsumesCondition().getConsumableMediaTypes(),
                    info.getProducesCondition().getProducibleMediaTypes(), handler)));
        }
        return new OperationIndex(all, security);
    }
}
