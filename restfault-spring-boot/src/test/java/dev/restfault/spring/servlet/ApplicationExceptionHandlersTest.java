package dev.restfault.spring.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.core.exception.ContractException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * "No handler could take it" is certain, "one could" only means asking Spring: the controller's
 * own methods, any advice's (whatever controllers it is restricted to), the exception's causes.
 */
class ApplicationExceptionHandlersTest {

    static final class Advised extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    static final class Local extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    static final class Other extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Restricted to another package's controllers: still counted. */
    @ControllerAdvice(basePackages = "com.example.elsewhere")
    static class RestrictedAdvice {
        @ExceptionHandler(Advised.class)
        void onAdvised(Advised failure) {
        }
    }

    static class WithHandler {
        String get() {
            return "";
        }

        @ExceptionHandler(Local.class)
        void onLocal(Local failure) {
        }
    }

    static class WithoutHandler {
        String get() {
            return "";
        }
    }

    private static ApplicationExceptionHandlers handlers(Class<?>... beans) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        if (beans.length > 0) {
            context.register(beans);
        }
        context.refresh();
        ExceptionHandlerExceptionResolver resolver = new ExceptionHandlerExceptionResolver();
        resolver.setApplicationContext(context);
        resolver.afterPropertiesSet();
        return new ApplicationExceptionHandlers(resolver);
    }

    private static HandlerMethod handler(Object bean) throws Exception {
        Method method = bean.getClass().getDeclaredMethod("get");
        return new HandlerMethod(bean, method);
    }

    @Test
    void adviceCountsForItsExceptionsAndTheirWrappersWhateverItsRestriction() throws Exception {
        ApplicationExceptionHandlers handlers = handlers(RestrictedAdvice.class);
        assertThat(handlers.couldHandle(handler(new WithoutHandler()), new Advised())).isTrue();
        assertThat(handlers.couldHandle(null, new Advised())).isTrue();
        assertThat(handlers.couldHandle(null, new IllegalStateException("wrapped", new Advised()))).isTrue();
        assertThat(handlers.couldHandle(null, ContractException.notFound("Item 7 does not exist."))).isFalse();
        assertThat(handlers.couldHandle(null, new Other())).isFalse();
    }

    @Test
    void aControllersOwnHandlersCountForItsFailuresOnly() throws Exception {
        ApplicationExceptionHandlers handlers = handlers();
        assertThat(handlers.couldHandle(handler(new WithHandler()), new Local())).isTrue();
        assertThat(handlers.couldHandle(handler(new WithHandler()), new Other())).isFalse();
        assertThat(handlers.couldHandle(handler(new WithoutHandler()), new Local())).isFalse();
        // A handler that is no handler method (a plain HttpRequestHandler, none at all): advice only.
        assertThat(handlers.couldHandle("not a handler method", new Local())).isFalse();
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThatThrownBy(() -> new ApplicationExceptionHandlers(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ContractHandlerExceptionResolver.aheadOf(null, null, t -> false))
                .isInstanceOf(NullPointerException.class);
    }
}
