package dev.restfault.spring.servlet;

import dev.restfault.spring.web.ClientAborts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * Resolves every exception Spring MVC meets (in a handler, an interceptor, argument resolution,
 * content negotiation, handler lookup) by writing the contract error directly. It runs after the
 * application's own {@code @ExceptionHandler}s and before Spring's default resolvers.
 *
 * <p>Two instances do it: one {@linkplain #aheadOf ahead of} Spring's
 * {@code ExceptionHandlerExceptionResolver}, for the exceptions no {@code @ExceptionHandler} of the
 * application could take (most of them, {@code ContractException}s first), which saves every such
 * error Spring's search for a handler method (content negotiation of the request's
 * {@code Accept} included); and one after it, for what an {@code @ExceptionHandler} could have
 * taken and did not (a method whose {@code produces} the request does not accept, an advice
 * restricted to other controllers).
 *
 * <p>Spring Security's exceptions are passed on, so that its {@code ExceptionTranslationFilter}
 * can tell an anonymous caller (401) from an authenticated one (403). A failure that says the client
 * went away is passed on too, to restfault's filter, which logs it at DEBUG.
 */
public final class ContractHandlerExceptionResolver implements HandlerExceptionResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ContractHandlerExceptionResolver.class);

    private final ServletErrorResponder renderer;
    private final Predicate<Throwable> passOn;
    private final ApplicationExceptionHandlers applicationHandlers;

    /**
     * The resolver that runs after the application's {@code @ExceptionHandler}s.
     *
     * @param renderer writes the contract error
     * @param passOn the exceptions to leave to others (Spring Security's)
     * @throws NullPointerException if either is null
     */
    public ContractHandlerExceptionResolver(ServletErrorResponder renderer, Predicate<Throwable> passOn) {
        this(renderer, passOn, null);
    }

    private ContractHandlerExceptionResolver(ServletErrorResponder renderer, Predicate<Throwable> passOn,
            ApplicationExceptionHandlers applicationHandlers) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.passOn = Objects.requireNonNull(passOn, "passOn");
        this.applicationHandlers = applicationHandlers;
    }

    /**
     * The resolver to put right before {@code exceptionHandlers}: it leaves an exception to it (and
     * to the resolver after it) when an {@code @ExceptionHandler} of the application could take
     * it, and answers every other one itself.
     *
     * @param exceptionHandlers Spring's resolver of {@code @ExceptionHandler} methods, initialized
     * @throws NullPointerException if any argument is null
     */
    public static ContractHandlerExceptionResolver aheadOf(ExceptionHandlerExceptionResolver exceptionHandlers,
            ServletErrorResponder renderer, Predicate<Throwable> passOn) {
        return new ContractHandlerExceptionResolver(renderer, passOn, new ApplicationExceptionHandlers(exceptionHandlers));
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (passOn.test(ex) || response.isCommitted() || ClientAborts.isClientAbort(ex)) {
            return null;
        }
        if (applicationHandlers != null && applicationHandlers.couldHandle(handler, ex)) {
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
