package dev.restfault.spring.servlet;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * Whether an application's {@code @ExceptionHandler} method could take an exception: one of the
 * controller that failed, or of any {@code @ControllerAdvice}.
 *
 * <p>Deliberately broader than Spring's own choice, never narrower: an advice counts whatever
 * controllers it is restricted to, and a method whatever media types it {@code produces}, so that
 * "no" is certain (Spring's {@link ExceptionHandlerExceptionResolver} would find nothing) and
 * "yes" only means "ask Spring". Matching follows Spring's: the exception's type, then the types of
 * its causes. The advice methods are Spring's, read from the resolver's cache; a controller's own
 * are looked up once per controller type, as Spring does.
 */
final class ApplicationExceptionHandlers {

    private final Map<ControllerAdviceBean, ExceptionHandlerMethodResolver> advice;
    private final Map<Class<?>, ExceptionHandlerMethodResolver> controllers = new ConcurrentHashMap<>();

    /** @param resolver Spring's resolver of {@code @ExceptionHandler} methods, initialized */
    ApplicationExceptionHandlers(ExceptionHandlerExceptionResolver resolver) {
        // A live, read-only view of the advice Spring found when the resolver was initialized.
        this.advice = Objects.requireNonNull(resolver, "resolver").getExceptionHandlerAdviceCache();
    }

    /** Whether an {@code @ExceptionHandler} method could handle {@code failure} raised by {@code handler} (null: none known). */
    boolean couldHandle(Object handler, Exception failure) {
        if (handler instanceof HandlerMethod method) {
            ExceptionHandlerMethodResolver own = controllers.computeIfAbsent(method.getBeanType(), ExceptionHandlerMethodResolver::new);
            if (own.hasExceptionMappings() && own.resolveMethodByThrowable(failure) != null) {
                return true;
            }
        }
        for (ExceptionHandlerMethodResolver methods : advice.values()) {
            if (methods.resolveMethodByThrowable(failure) != null) {
                return true;
            }
        }
        return false;
    }
}
