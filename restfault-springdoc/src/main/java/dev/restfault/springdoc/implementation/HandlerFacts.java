package dev.restfault.springdoc.implementation;

import dev.restfault.core.annotation.AnyErrorFormat;
import dev.restfault.core.annotation.ContractError;
import dev.restfault.core.annotation.ContractErrors;
import dev.restfault.core.annotation.UndocumentedErrors;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.RequestEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.MatrixVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;

/**
 * What one handler method tells about the errors its operation can answer, read the same way for
 * Spring MVC and WebFlux: both route to {@link HandlerMethod}s and bind their
 * {@link MethodParameter}s with the same annotations. A reactive return or body type
 * ({@code Mono<T>}, {@code Flux<T>}, anything Spring's {@link ReactiveAdapterRegistry} adapts) is
 * read as the type it carries. Immutable.
 *
 * @param readsBody whether the handler takes a request body ({@code @RequestBody},
 *     {@code @RequestPart}, an {@code HttpEntity}): a malformed one is a 400, an unsupported media
 *     type a 415
 * @param parameters the parameters whose binding can fail with a 400, in declaration order
 * @param writesBody whether it answers with a body (not {@code void}, {@code Mono<Void>} or
 *     {@code ResponseEntity<Void>}): an unacceptable {@code Accept} is then a 406
 * @param declared the errors declared with {@code @ContractError} on the method and its class
 * @param undocumented whether it opted out ({@code @UndocumentedErrors})
 * @param anyFormat whether it picks its error format per request ({@code @AnyErrorFormat})
 */
record HandlerFacts(boolean readsBody, List<BoundParameter> parameters, boolean writesBody,
        List<OperationFacts.DeclaredError> declared, boolean undocumented, boolean anyFormat) {

    private static final String VALID = "jakarta.validation.Valid";
    private static final String VALIDATED = "org.springframework.validation.annotation.Validated";
    private static final String CONSTRAINT = "jakarta.validation.Constraint";
    /** How deep a return type's wrappers are unwrapped ({@code Mono<ResponseEntity<Flux<T>>>}). */
    private static final int MAX_WRAPPERS = 4;
    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    HandlerFacts {
        parameters = List.copyOf(parameters);
        declared = List.copyOf(declared);
    }

    /**
     * The facts of {@code handler}.
     *
     * @throws IllegalArgumentException if a {@code @ContractError} on it is not valid, naming the
     *     method or class
     */
    static HandlerFacts of(HandlerMethod handler) {
        boolean body = false;
        List<BoundParameter> bound = new ArrayList<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            body |= readsBody(p);
            BoundParameter b = bound(p);
            if (b != null) {
                bound.add(b);
            }
        }
        List<OperationFacts.DeclaredError> declared = new ArrayList<>(declared(handler.getBeanType()));
        declared.addAll(declared(handler.getMethod()));
        return new HandlerFacts(body, bound, writes(ResolvableType.forMethodParameter(handler.getReturnType()), 0),
                declared, annotated(handler, UndocumentedErrors.class), annotated(handler, AnyErrorFormat.class));
    }

    private static boolean annotated(HandlerMethod h, Class<? extends Annotation> type) {
        return AnnotatedElementUtils.hasAnnotation(h.getMethod(), type) || AnnotatedElementUtils.hasAnnotation(h.getBeanType(), type);
    }

    private static boolean readsBody(MethodParameter p) {
        return p.hasParameterAnnotation(RequestBody.class) || p.hasParameterAnnotation(RequestPart.class)
                || HttpEntity.class.isAssignableFrom(p.getParameterType());
    }

    /**
     * {@code p} when binding it can fail with a 400: it is bound from the request and is required,
     * converted to something other than text, or validated; else null.
     */
    private static BoundParameter bound(MethodParameter p) {
        boolean validated = false;
        for (Annotation a : p.getParameterAnnotations()) {
            String name = a.annotationType().getName();
            validated |= name.equals(VALID) || name.equals(VALIDATED) || isConstraint(a);
        }
        BoundParameter.Source source;
        String name;
        boolean required;
        if (p.hasParameterAnnotation(RequestParam.class)) {
            RequestParam a = p.getParameterAnnotation(RequestParam.class);
            source = BoundParameter.Source.QUERY;
            name = either(a.name(), a.value());
            required = a.required() && a.defaultValue().equals(ValueConstants.DEFAULT_NONE);
        } else if (p.hasParameterAnnotation(RequestHeader.class)) {
            RequestHeader a = p.getParameterAnnotation(RequestHeader.class);
            source = BoundParameter.Source.HEADER;
            name = either(a.name(), a.value());
            required = a.required() && a.defaultValue().equals(ValueConstants.DEFAULT_NONE);
        } else if (p.hasParameterAnnotation(CookieValue.class)) {
            CookieValue a = p.getParameterAnnotation(CookieValue.class);
            source = BoundParameter.Source.COOKIE;
            name = either(a.name(), a.value());
            required = a.required() && a.defaultValue().equals(ValueConstants.DEFAULT_NONE);
        } else if (p.hasParameterAnnotation(PathVariable.class)) {
            source = BoundParameter.Source.PATH;
            PathVariable a = p.getParameterAnnotation(PathVariable.class);
            name = either(a.name(), a.value());
            required = false; // the path matched, so the variable is there
        } else if (p.hasParameterAnnotation(MatrixVariable.class)) {
            source = BoundParameter.Source.MATRIX;
            MatrixVariable a = p.getParameterAnnotation(MatrixVariable.class);
            name = either(a.name(), a.value());
            required = true;
        } else if (p.hasParameterAnnotation(ModelAttribute.class)) {
            source = BoundParameter.Source.MODEL;
            ModelAttribute a = p.getParameterAnnotation(ModelAttribute.class);
            name = either(a.name(), a.value());
            required = true;
        } else {
            return null; // not bound from the request (the request itself, a principal, an exchange...)
        }
        Class<?> type = p.nestedIfOptional().getNestedParameterType();
        if (!(required || validated || !(type == String.class || type == Object.class))) {
            return null;
        }
        return new BoundParameter(p, name.isEmpty() ? parameterName(p) : name, source, required);
    }

    /** An annotation's name, whichever of its two aliases was written (unsynthesized annotations keep them apart). */
    private static String either(String name, String value) {
        return name.isEmpty() ? value : name;
    }

    /** The parameter's own name, as the binding reads it; {@code argN} when it was not compiled in. */
    private static String parameterName(MethodParameter p) {
        MethodParameter named = p.clone();
        named.initParameterNameDiscovery(NAMES);
        String name = named.getParameterName();
        return name != null ? name : "arg" + p.getParameterIndex();
    }

    private static boolean isConstraint(Annotation a) {
        for (Annotation meta : a.annotationType().getAnnotations()) {
            if (meta.annotationType().getName().equals(CONSTRAINT)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a value of {@code type} is answered with a body: not {@code void}/{@code Void}, not an
     * {@code HttpEntity} of one, not a reactive type that emits no value or emits one of those.
     */
    private static boolean writes(ResolvableType type, int depth) {
        Class<?> raw = type.resolve(Object.class);
        if (raw == void.class || raw == Void.class) {
            return false;
        }
        if (depth == MAX_WRAPPERS) {
            return true;
        }
        ReactiveAdapter adapter = ReactiveAdapterRegistry.getSharedInstance().getAdapter(raw);
        if (adapter != null) {
            return !adapter.isNoValue() && writes(type.getGeneric(0), depth + 1);
        }
        if (HttpEntity.class.isAssignableFrom(raw) && !RequestEntity.class.isAssignableFrom(raw)) {
            return writes(type.as(HttpEntity.class).getGeneric(0), depth + 1);
        }
        return true;
    }

    private static List<OperationFacts.DeclaredError> declared(AnnotatedElement element) {
        List<OperationFacts.DeclaredError> out = new ArrayList<>();
        for (ContractError e : AnnotatedElementUtils.findMergedRepeatableAnnotations(element, ContractError.class,
                ContractErrors.class)) {
            try {
                out.add(new OperationFacts.DeclaredError(e.status(), List.of(e.codes()), e.when()));
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException("@ContractError on " + describe(element) + ": " + invalid.getMessage(), invalid);
            }
        }
        return out;
    }

    private static String describe(AnnotatedElement element) {
        return element instanceof Method m ? m.getDeclaringClass().getName() + "." + m.getName()
                : element instanceof Class<?> c ? c.getName() : String.valueOf(element);
    }
}
