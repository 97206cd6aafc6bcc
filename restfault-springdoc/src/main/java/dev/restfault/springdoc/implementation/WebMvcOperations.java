package dev.restfault.springdoc.implementation;

import dev.restfault.springdoc.SecurityInspector;

import dev.restfault.springdoc.OperationSecurity;

import dev.restfault.core.annotation.AnyErrorFormat;
import dev.restfault.core.annotation.ContractError;
import dev.restfault.core.annotation.ContractErrors;
import dev.restfault.core.annotation.UndocumentedErrors;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.MatrixVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The facts of Spring MVC operations, read from the handler mappings that route requests at run
 * time (so the document follows the routing, not a second description of it): for a path template
 * and a method, the matching {@link RequestMappingInfo}s and their handler methods.
 *
 * <p>Built once from the mappings' current state; the index is immutable. Paths are compared as
 * springdoc writes them: a variable's pattern ({@code {id:[0-9]+}}) is dropped, leaving
 * {@code {id}}.
 */
public final class WebMvcOperations {

    /** Methods a mapping without a method condition serves (Spring MVC refuses TRACE). */
    private static final List<String> EVERY_METHOD = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern VARIABLE_PATTERN = Pattern.compile("\\{([^}:]+):[^}]*}");
    private static final String VALID = "jakarta.validation.Valid";
    private static final String VALIDATED = "org.springframework.validation.annotation.Validated";
    private static final String CONSTRAINT = "jakarta.validation.Constraint";

    private record Mapping(Set<String> methods, RequestMappingInfo info, HandlerMethod handler) {
    }

    private final Map<String, List<Mapping>> byPath = new LinkedHashMap<>();
    private final SecurityInspector security;

    /**
     * @param mappings the application's request-mapping handler mappings
     * @param security what the security in front of the operations answers
     */
    public WebMvcOperations(Collection<? extends RequestMappingInfoHandlerMapping> mappings, SecurityInspector security) {
        this.security = security;
        for (RequestMappingInfoHandlerMapping m : mappings) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : m.getHandlerMethods().entrySet()) {
                Set<String> methods = new LinkedHashSet<>();
                for (RequestMethod rm : e.getKey().getMethodsCondition().getMethods()) {
                    methods.add(rm.name());
                }
                for (String pattern : e.getKey().getPatternValues()) {
                    byPath.computeIfAbsent(normalize(pattern), p -> new ArrayList<>())
                            .add(new Mapping(methods, e.getKey(), e.getValue()));
                }
            }
        }
    }

    /** {@code pattern} as springdoc writes it in the document. */
    static String normalize(String pattern) {
        Matcher m = VARIABLE_PATTERN.matcher(pattern);
        return m.replaceAll("{$1}");
    }

    /**
     * The facts of {@code method path}: empty when no mapping serves it (a path springdoc found
     * elsewhere, such as a functional route).
     *
     * @param path the path template as in the document
     * @param method the HTTP method
     */
    public Optional<OperationFacts> find(String path, String method) {
        List<Mapping> all = byPath.get(path);
        if (all == null) {
            return Optional.empty();
        }
        String verb = method.toUpperCase(Locale.ROOT);
        Set<String> served = new LinkedHashSet<>();
        List<Mapping> matching = new ArrayList<>();
        for (Mapping m : all) {
            served.addAll(m.methods().isEmpty() ? EVERY_METHOD : m.methods());
            if (m.methods().isEmpty() || m.methods().contains(verb) || (verb.equals("HEAD") && m.methods().contains("GET"))) {
                matching.add(m);
            }
        }
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        boolean readsBody = false;
        boolean bindsParameters = false;
        boolean undocumented = false;
        boolean anyFormat = false;
        Set<String> consumes = new LinkedHashSet<>();
        Set<String> produces = new LinkedHashSet<>();
        List<OperationFacts.DeclaredError> declared = new ArrayList<>();
        OperationSecurity secured = OperationSecurity.NONE;
        String concrete = concrete(path);
        for (Mapping m : matching) {
            HandlerMethod h = m.handler();
            boolean body = false;
            for (MethodParameter p : h.getMethodParameters()) {
                body |= readsBody(p);
                bindsParameters |= bindsParameter(p);
            }
            readsBody |= body;
            if (body) {
                m.info().getConsumesCondition().getConsumableMediaTypes().forEach(t -> consumes.add(t.toString()));
            }
            Set<MediaType> producible = m.info().getProducesCondition().getProducibleMediaTypes();
            if (!producible.isEmpty()) {
                producible.forEach(t -> produces.add(t.toString()));
            } else if (writesBody(h)) {
                produces.add(MediaType.APPLICATION_JSON_VALUE);
            }
            declared.addAll(declared(h.getBeanType()));
            declared.addAll(declared(h.getMethod()));
            undocumented |= AnnotatedElementUtils.hasAnnotation(h.getMethod(), UndocumentedErrors.class)
                    || AnnotatedElementUtils.hasAnnotation(h.getBeanType(), UndocumentedErrors.class);
            anyFormat |= AnnotatedElementUtils.hasAnnotation(h.getMethod(), AnyErrorFormat.class)
                    || AnnotatedElementUtils.hasAnnotation(h.getBeanType(), AnyErrorFormat.class);
            OperationSecurity s = security.inspect(verb, concrete, h);
            secured = secured.or(s);
        }
        // Even a path mapped for every method refuses TRACE (the starter answers it with 405), so
        // a 405 with this Allow is always possible.
        List<String> allowed = withImplicit(served);
        return Optional.of(new OperationFacts(path, verb, path.contains("{"), readsBody, List.copyOf(consumes),
                bindsParameters, List.copyOf(produces), allowed, secured, declared, undocumented, anyFormat));
    }

    /** HEAD where GET is served, and OPTIONS, as Spring MVC serves them without a mapping. */
    private static List<String> withImplicit(Set<String> served) {
        Set<String> all = new LinkedHashSet<>(served);
        if (all.contains("GET")) {
            all.add("HEAD");
        }
        all.add("OPTIONS");
        // In the usual order, whatever order the mappings were registered in.
        List<String> out = new ArrayList<>();
        for (String m : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE")) {
            if (all.remove(m)) {
                out.add(m);
            }
        }
        out.addAll(all);
        return List.copyOf(out);
    }

    /** A path the template matches: each variable replaced by a plain value, each wildcard by one segment. */
    static String concrete(String template) {
        return template.replaceAll("\\{[^}]*}", "x").replace("**", "x").replace("*", "x");
    }

    private static boolean readsBody(MethodParameter p) {
        return p.hasParameterAnnotation(RequestBody.class) || p.hasParameterAnnotation(RequestPart.class)
                || HttpEntity.class.isAssignableFrom(p.getParameterType());
    }

    /**
     * Whether binding {@code p} can fail with a 400: it is bound from the request and is required,
     * converted to something other than text, or validated.
     */
    private static boolean bindsParameter(MethodParameter p) {
        boolean validated = false;
        for (Annotation a : p.getParameterAnnotations()) {
            String name = a.annotationType().getName();
            validated |= name.equals(VALID) || name.equals(VALIDATED) || isConstraint(a);
        }
        if (p.hasParameterAnnotation(ModelAttribute.class) || p.hasParameterAnnotation(MatrixVariable.class)) {
            return true;
        }
        boolean required;
        if (p.hasParameterAnnotation(RequestParam.class)) {
            RequestParam a = p.getParameterAnnotation(RequestParam.class);
            required = a.required() && a.defaultValue().equals(ValueConstants.DEFAULT_NONE);
        } else if (p.hasParameterAnnotation(RequestHeader.class)) {
            RequestHeader a = p.getParameterAnnotation(RequestHeader.class);
            required = a.required() && a.defaultValue().equals(ValueConstants.DEFAULT_NONE);
        } else if (p.hasParameterAnnotation(CookieValue.class)) {
            CookieValue a = p.getParameterAnnotation(CookieValue.class);
            required = a.required() && a.defaultValue().equals(ValueConstants.DEFAULT_NONE);
        } else if (p.hasParameterAnnotation(PathVariable.class)) {
            required = false; // the path matched, so the variable is there
        } else {
            return false; // not bound from the request (the servlet request, a principal...)
        }
        Class<?> type = p.nestedIfOptional().getNestedParameterType();
        return required || validated || !(type == String.class || type == Object.class);
    }

    private static boolean isConstraint(Annotation a) {
        for (Annotation meta : a.annotationType().getAnnotations()) {
            if (meta.annotationType().getName().equals(CONSTRAINT)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the handler answers with a body: not void, not {@code ResponseEntity<Void>}. */
    private static boolean writesBody(HandlerMethod h) {
        MethodParameter ret = h.getReturnType();
        Class<?> type = ret.getParameterType();
        if (type == void.class || type == Void.class) {
            return false;
        }
        if (ResponseEntity.class.isAssignableFrom(type)) {
            Class<?> nested = ret.nested().getNestedParameterType();
            return nested != Void.class;
        }
        return true;
    }

    private static List<OperationFacts.DeclaredError> declared(java.lang.reflect.AnnotatedElement element) {
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

    private static String describe(java.lang.reflect.AnnotatedElement element) {
        return element instanceof Method m ? m.getDeclaringClass().getName() + "." + m.getName()
                : element instanceof Class<?> c ? c.getName() : String.valueOf(element);
    }
}
