package dev.restfault.spring;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The web stack a contract test application runs on. The matrix of {@link AbstractContractErrorsTest}
 * describes each case once; a case that only one stack has (a servlet's {@code sendError} before
 * the filter, Reactor Netty's codec limit) says so with {@link ServletOnly} or {@link ReactiveOnly}.
 * The build leaves the other stack's cases out of each stack's test run by their JUnit tag; the
 * condition does the same wherever else the tests run (an IDE).
 */
enum WebStack {
    /** Spring MVC on Tomcat or Jetty. */
    SERVLET,
    /** Spring WebFlux on Reactor Netty. */
    REACTIVE;

    /** A case of the matrix that only the servlet stack has. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Tag("servlet-only")
    @ExtendWith(OnlyCondition.class)
    @interface ServletOnly {
        /** Why the reactive stack has no such case. */
        String value();
    }

    /** A case of the matrix that only the reactive stack has. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Tag("reactive-only")
    @ExtendWith(OnlyCondition.class)
    @interface ReactiveOnly {
        /** Why the servlet stack has no such case. */
        String value();
    }

    /** Runs a case on the stack it belongs to alone. */
    static final class OnlyCondition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<Method> method = context.getTestMethod();
            Optional<Object> instance = context.getTestInstance();
            if (method.isEmpty() || instance.isEmpty() || !(instance.get() instanceof AbstractContractErrorsTest)) {
                return ConditionEvaluationResult.enabled("not a case of the matrix");
            }
            WebStack stack = ((AbstractContractErrorsTest) instance.get()).stack();
            WebStack only = method.get().isAnnotationPresent(ServletOnly.class) ? SERVLET
                    : method.get().isAnnotationPresent(ReactiveOnly.class) ? REACTIVE : stack;
            return only == stack ? ConditionEvaluationResult.enabled("a case of " + stack)
                    : ConditionEvaluationResult.disabled("not a case of " + stack);
        }
    }
}
