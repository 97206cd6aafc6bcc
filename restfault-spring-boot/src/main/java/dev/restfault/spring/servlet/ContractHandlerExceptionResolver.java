package dev.restfault.spring.servlet;

import dev.restfault.spring.web.ClientAborts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Resolves every exception Spring MVC meets (in a handler, an interceptor, argument resolution,
 * content negotiation, handler lookup) by writing the contract error directly. It runs after the
 * application's own {@code @ExceptionHandler}s and before Spring's default resolvers.
 *
 * <p>Spring Security's exceptions are passed on, so that its {@code ExceptionTranslationFilter}
 * can tell an anonymous caller (401) from an authenticated one (403). A failure that says the client
 * went away is passed on too, to restfault's filter, which logs it at DEBUG.
 */
public final class ContractHandlerExceptionResolver implements HandlerExceptionResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ContractHandlerExceptionResolver.class);

    private final ServletErrorResponder renderer;
    private final Predicate<Throwable> passOn;

    /**
     * @param renderer writes the contract error
     * @param passOn the exceptions to leave to others (Spring Security's)
     */
    public ContractHandlerExceptionResolver(ServletErrorResponder renderer, Predicate<Throwable> passOn) {
        this.renderer = renderer;
        this.passOn = passOn;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (passOn.test(ex) || response.isCommitted() || ClientAborts.isClientAbort(ex)) {
            return null;
        }
        try {
            renderer.render(request, response, ex);
        } catch (IOException clientGone) {
            LOG.debug("Could not write the error response: {}", clientGone.toString());
        }
        return new ModelAndView();
    }
}
