package dev.restfault.springdoc.implementation;

import dev.restfault.spring.web.HttpMethods;
import dev.restfault.springdoc.OperationSecurity;
import dev.restfault.springdoc.SecurityInspector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * The operations of a Spring web application, indexed by path template as springdoc writes them,
 * and the {@link OperationFacts} of each: what its request mappings declare (methods, media
 * types), what its handler methods tell ({@link HandlerFacts}) and what its security refuses.
 * Spring MVC ({@link WebMvcOperations}) and WebFlux ({@link WebFluxOperations}) read their own
 * mapping types into {@link Mapping}s; everything else is the same for both, and which methods a
 * mapping serves is the starter's rule ({@link HttpMethods#addMapped}), the one its 405s follow.
 *
 * <p>Built once from the mappings' current state; what it finds is kept. Thread-safe. Paths are compared as springdoc writes
 * them: a variable's pattern ({@code {id:[0-9]+}}) is dropped, leaving {@code {id}}.
 */
public final class OperationIndex {

    /** Every method a path can be asked with, in the order an {@code Allow} lists them (Spring's). */
    static final List<String> METHODS = Arrays.stream(RequestMethod.values()).map(RequestMethod::name).toList();
    private static final Pattern VARIABLE_PATTERN = Pattern.compile("\\{([^}:]+):[^}]*}");

    /**
     * One request mapping, read from the stack's own type.
     *
     * @param methods the methods it serves: those of its method condition, or, when it has none,
     *     every method the stack routes to it
     * @param patterns its path patterns
     * @param consumes the media types of its consumes condition
     * @param produces the media types of its produces condition
     * @param handler the handler method it routes to
     */
    public record Mapping(Set<String> methods, Collection<String> patterns, Collection<String> consumes,
            Collection<String> produces, HandlerMethod handler) {
        /**
         * A mapping from what both stacks' {@code RequestMappingInfo}s hold.
         *
         * @throws NullPointerException if an argument is null
         */
        public static Mapping of(Collection<RequestMethod> methods, Collection<String> patterns, Collection<MediaType> consumes,
                Collection<MediaType> produces, HandlerMethod handler) {
            Set<String> served = new LinkedHashSet<>();
            HttpMethods.addMapped(Set.copyOf(methods), served);
            return new Mapping(served, patterns,
                    consumes.stream().map(MediaType::toString).toList(), produces.stream().map(MediaType::toString).toList(), handler);
        }

        /**
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if {@code methods} is empty
         */
        public Mapping {
            methods = Set.copyOf(methods);
            if (methods.isEmpty()) {
                throw new IllegalArgumentException("methods must name at least one method a mapping serves");
            }
            patterns = List.copyOf(patterns);
            consumes = List.copyOf(consumes);
            produces = List.copyOf(produces);
            Objects.requireNonNull(handler, "handler");
        }
    }

    private record Indexed(Mapping mapping, HandlerFacts facts) {
    }

    private final Map<String, List<Indexed>> byPath = new LinkedHashMap<>();
    /** What {@link #find} answered, by method and path: asked once each. */
    private final Map<String, Optional<OperationFacts>> found = new ConcurrentHashMap<>();
    private final SecurityInspector security;

    /**
     * @param mappings the application's request mappings
     * @param security what the security in front of the operations answers
     * @throws IllegalArgumentException if a handler's {@code @ContractError} is not valid
     */
    public OperationIndex(Collection<Mapping> mappings, SecurityInspector security) {
        this.security = Objects.requireNonNull(security, "security");
        Map<HandlerMethod, HandlerFacts> analysed = new LinkedHashMap<>();
        for (Mapping m : mappings) {
            HandlerFacts facts = analysed.computeIfAbsent(m.handler(), HandlerFacts::of);
            for (String pattern : m.patterns()) {
                byPath.computeIfAbsent(normalize(pattern), p -> new ArrayList<>()).add(new Indexed(m, facts));
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
        String verb = method.toUpperCase(Locale.ROOT);
        return found.computeIfAbsent(verb + " " + path, key -> facts(path, verb));
    }

    /**
     * Finds every operation the mappings serve now, so that later finds answer at once: the
     * security in front of them may take time to answer, which a document built on an event loop
     * must not wait for. Call it where blocking is allowed (the application's startup).
     */
    public void prepare() {
        for (Map.Entry<String, List<Indexed>> path : byPath.entrySet()) {
            Set<String> methods = new LinkedHashSet<>();
            path.getValue().forEach(i -> methods.addAll(i.mapping().methods()));
            methods.forEach(m -> find(path.getKey(), m));
        }
    }

    private Optional<OperationFacts> facts(String path, String verb) {
        List<Indexed> all = byPath.get(path);
        if (all == null) {
            return Optional.empty();
        }
        Set<String> served = new LinkedHashSet<>();
        List<Indexed> matching = new ArrayList<>();
        for (Indexed i : all) {
            Set<String> methods = i.mapping().methods();
            served.addAll(methods);
            if (methods.contains(verb) || (verb.equals("HEAD") && methods.contains("GET"))) {
                matching.add(i);
            }
        }
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        boolean readsBody = false;
        boolean undocumented = false;
        boolean anyFormat = false;
        Set<String> consumes = new LinkedHashSet<>();
        Set<String> produces = new LinkedHashSet<>();
        List<BoundParameter> parameters = new ArrayList<>();
        List<OperationFacts.DeclaredError> declared = new ArrayList<>();
        OperationSecurity secured = OperationSecurity.NONE;
        String concrete = OperationFacts.concrete(path);
        for (Indexed i : matching) {
            HandlerFacts h = i.facts();
            readsBody |= h.readsBody();
            if (h.readsBody()) {
                consumes.addAll(i.mapping().consumes());
            }
            if (!i.mapping().produces().isEmpty()) {
                produces.addAll(i.mapping().produces());
            } else if (h.writesBody()) {
                produces.add("application/json");
            }
            parameters.addAll(h.parameters());
            declared.addAll(h.declared());
            undocumented |= h.undocumented();
            anyFormat |= h.anyFormat();
            secured = secured.or(security.inspect(verb, concrete, i.mapping().handler()));
        }
        return Optional.of(new OperationFacts(path, verb, path.contains("{"), readsBody, List.copyOf(consumes),
                !parameters.isEmpty(), List.copyOf(produces), allowed(served), secured, declared, undocumented, anyFormat,
                parameters));
    }

    /**
     * The methods the path's mappings serve, in the usual order. No mapping serves TRACE, so a 405
     * can happen on every path. What the stack serves beyond them (HEAD, OPTIONS) is its adapter's
     * to add, as it does on a real 405.
     */
    private static List<String> allowed(Set<String> served) {
        List<String> out = new ArrayList<>();
        Set<String> rest = new LinkedHashSet<>(served);
        for (String m : METHODS) {
            if (rest.remove(m)) {
                out.add(m);
            }
        }
        out.addAll(rest);
        return List.copyOf(out);
    }
}
