package dev.restfault.springdoc.implementation;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.server.CorrelationIds;
import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.ErrorRequest;
import dev.restfault.server.RenderedError;
import dev.restfault.server.RequestFacts;
import dev.restfault.server.StatusErrors;
import dev.restfault.springdoc.ErrorComponents;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Decides which error responses an operation documents, from its {@link OperationFacts}, and
 * builds each from what the service's {@link ErrorRenderer} renders for a request to the
 * operation's path: one with {@code Accept: application/json} and one with
 * {@code Accept: application/problem+json} (or, for an operation that picks its format per request,
 * one per format it can pick). Each media type, body schema, example body, {@code Content-Language}
 * and header is what those renderings hold, so the document follows the renderer's configuration
 * (path formats, problem details, source, challenge, locales) with no rule of its own. A failure
 * the web stack raises by itself (a 405, 406, 415, an unreadable body, a bad parameter) is built
 * as that stack raises it ({@link StackFailures}) and documented as the renderer translates it.
 *
 * <p>Which statuses, each where restfault's adapters answer it:
 * <ul>
 *   <li>400 where the operation reads a body or binds a parameter that can be missing, malformed
 *       or invalid;</li>
 *   <li>401 and 403 where the security in front of it refuses;</li>
 *   <li>404 where the path has variables;</li>
 *   <li>405 where the path does not serve every method;</li>
 *   <li>406 where the operation answers with a body;</li>
 *   <li>415 where it reads a body;</li>
 *   <li>the common statuses (by default 429 and 503, with {@code Retry-After}) and 500 everywhere;</li>
 *   <li>what the application declares with {@code @ContractError}, with its codes.</li>
 * </ul>
 * A status the renderer does not answer as such (a failure no translator knows is a 500) is left
 * out. A range the application declares ({@code 4XX}, {@code 5XX}) stands for statuses it
 * answers itself, maybe without restfault's rendering: it documents the bodies' schemas and the
 * request ids, which every response carries, and no example. Immutable and thread-safe; used while
 * the document is built, never per request.
 */
public final class ErrorResponses {

    /** The request id of every example (the 500's description quotes it). */
    static final String EXAMPLE_REQUEST_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final CorrelationIds EXAMPLE_IDS = new CorrelationIds("7c9e6679-7425-40de-944b-e07fc1f90ae7", EXAMPLE_REQUEST_ID);
    private static final Duration EXAMPLE_RETRY_AFTER = Duration.ofSeconds(30);
    /** What a client sends to get each body a path answers with. */
    private static final List<String> ACCEPTS = List.of("application/json", "application/problem+json");
    /** What every response carries, whoever answers it: documented on a range too. */
    private static final List<String> REQUEST_IDS = List.of(HeaderNames.MS_CORRELATION_ID, HeaderNames.MS_REQUEST_ID);
    /** The language of the documents' prose. */
    private static final Locale PROSE = SupportedLocales.EN_US;

    /**
     * One example error of a response: its name when its code is not enough, and how the service
     * answers it to a negotiated request (empty: it does not).
     */
    private record Sample(String label, Function<ErrorRequest, Optional<ContractException>> error) {
    }

    /** One error response to document: key ({@code 404}, {@code 4XX}), status (4 or 5 for a range), why, samples. */
    private record Planned(String key, int status, String why, List<Sample> samples) {
        boolean range() {
            return status < 10;
        }
    }

    /** What the renderer rendered for one sample and request. */
    private record Rendering(ErrorFormat format, String label, ContractException error, RenderedError rendered) {
    }

    private final ErrorRenderer renderer;
    private final StackFailures stack;
    private final Set<Integer> commonStatuses;
    private final boolean examples;

    /**
     * @param renderer the service's renderer, which every response is rendered with
     * @param stack the failures the service's web stack raises by itself
     * @param commonStatuses statuses documented on every operation besides 500
     * @param examples whether responses carry example bodies
     * @throws NullPointerException if an argument is null
     */
    public ErrorResponses(ErrorRenderer renderer, StackFailures stack, Set<Integer> commonStatuses, boolean examples) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.stack = Objects.requireNonNull(stack, "stack");
        this.commonStatuses = new TreeSet<>(commonStatuses);
        this.examples = examples;
    }

    /**
     * A name for the responses of {@code facts} that tells their body apart from other operations'
     * with the same status: {@code PartnerCenter}, {@code PartnerApi} (the format the renderer
     * answers on the operation's path) or {@code AnyFormat}.
     */
    public String family(OperationFacts facts) {
        if (facts.anyFormat()) {
            return "AnyFormat";
        }
        ErrorFormat format = renderer.negotiate(request(facts, ACCEPTS.get(0), null)).format();
        return format == ErrorFormat.PARTNER_API ? "PartnerApi" : "PartnerCenter";
    }

    /**
     * The {@code WWW-Authenticate} value the renderer sends on a 401, for the header component's
     * example; empty when it sends none.
     */
    public Optional<String> challenge() {
        RequestFacts facts = RequestFacts.builder("GET", "/").ids(EXAMPLE_IDS).build();
        return renderer.render(renderer.statusError(401, facts), facts).header(HeaderNames.WWW_AUTHENTICATE);
    }

    /** The error responses of the operation, by key, in ascending order; empty when it opted out. */
    public Map<String, ApiResponse> responses(OperationFacts facts) {
        Map<String, ApiResponse> out = new LinkedHashMap<>();
        if (facts.undocumented()) {
            return out;
        }
        List<RequestFacts> requests = requests(facts);
        for (Planned p : plan(facts)) {
            ApiResponse r = response(p, requests);
            if (r != null) {
                out.put(p.key(), r);
            }
        }
        return out;
    }

    /** The requests each response is rendered for: one per body a client can get on the operation. */
    private List<RequestFacts> requests(OperationFacts f) {
        List<RequestFacts> out = new ArrayList<>();
        if (f.anyFormat()) {
            for (ErrorFormat format : ErrorFormat.values()) {
                out.add(request(f, null, format));
            }
        } else {
            for (String accept : ACCEPTS) {
                out.add(request(f, accept, null));
            }
        }
        return out;
    }

    private static RequestFacts request(OperationFacts f, String accept, ErrorFormat chosen) {
        return RequestFacts.builder(f.method(), OperationFacts.concrete(f.path()))
                .headers(name -> accept != null && name.equalsIgnoreCase(HeaderNames.ACCEPT) ? accept : null)
                .chosenFormat(chosen)
                .ids(EXAMPLE_IDS)
                .allowedMethods(f::allowedMethods)
                .build();
    }

    /** Which responses, in ascending order of their keys. */
    private List<Planned> plan(OperationFacts f) {
        Map<String, Planned> planned = new TreeMap<>();
        if (f.readsBody() || f.bindsParameters()) {
            List<Sample> samples = new ArrayList<>();
            if (f.readsBody()) {
                samples.add(failure("unreadable body", stack.malformedBody()));
            }
            if (!f.parameters().isEmpty()) {
                BoundParameter first = f.parameters().get(0);
                samples.add(failure((first.required() ? "missing " : "invalid ") + first.name(), stack.badParameter(first)));
            } else if (f.bindsParameters()) {
                samples.add(status("invalid parameter", 400));
            }
            add(planned, new Planned("400", 400, f.readsBody() && f.bindsParameters()
                    ? "The request body or a parameter is missing, malformed or invalid."
                    : f.readsBody() ? "The request body is missing, malformed or invalid."
                    : "A parameter is missing, malformed or invalid.", samples));
        }
        if (f.security().challenges()) {
            add(planned, 401, "No valid credentials were sent; WWW-Authenticate carries the challenge.", status("unauthorized", 401));
        }
        if (f.security().forbids()) {
            add(planned, 403, "The credentials do not allow this operation.", status("forbidden", 403));
        }
        if (f.pathVariables()) {
            add(planned, 404, "Nothing exists at this path: a path variable names no resource.",
                    thrown(ContractException.builder(404).build()));
        }
        if (!f.allowedMethods().isEmpty()) {
            add(planned, 405, "Answered to the methods this path does not serve; Allow lists those it does.",
                    failure("method not allowed", stack.methodNotAllowed(refused(f.allowedMethods()), f.allowedMethods())));
        }
        if (!f.produces().isEmpty()) {
            add(planned, 406, "The Accept header allows none of the media types the operation answers with ("
                    + String.join(", ", f.produces()) + ").", failure("not acceptable", stack.notAcceptable(f.produces())));
        }
        if (f.readsBody()) {
            List<String> types = f.consumes().isEmpty() ? List.of(ACCEPTS.get(0)) : f.consumes();
            add(planned, 415, "The request body's Content-Type is not one of: " + String.join(", ", types) + ".",
                    failure("unsupported media type", stack.unsupportedMediaType(types)));
        }
        for (int status : commonStatuses) {
            add(planned, status, common(status), thrown(withHeaders(ContractException.builder(status), status, f).build()));
        }
        add(planned, 500, "An unexpected failure. Nothing of it is sent: only the request id to quote.", status("internal", 500));
        for (OperationFacts.DeclaredError d : f.declared()) {
            if (d.status() < 10) {
                add(planned, new Planned(d.key(), d.status(), d.when().isEmpty()
                        ? "Any " + d.status() + "xx status, with a contract error." : d.when(), List.of()));
                continue;
            }
            List<Sample> codes = new ArrayList<>();
            for (String code : d.codes().isEmpty() ? List.of(StatusCatalog.entry(d.status()).defaultCode()) : d.codes()) {
                codes.add(thrown(withHeaders(ContractException.builder(d.status()).code(code), d.status(), f).build()));
            }
            add(planned, new Planned(d.key(), d.status(), d.when(), codes));
        }
        List<Planned> ordered = new ArrayList<>(planned.values());
        ordered.sort((a, b) -> order(a.key()).compareTo(order(b.key())));
        return ordered;
    }

    /** An example of a status that calls for Retry-After carries one; a 405's names the path's methods. */
    private static ContractException.Builder withHeaders(ContractException.Builder b, int status, OperationFacts f) {
        if (StatusCatalog.entry(status).header(HeaderNames.RETRY_AFTER).isPresent()) {
            b.retryAfter(EXAMPLE_RETRY_AFTER);
        }
        if (status == 405) {
            b.allow(StatusErrors.allow(f.allowedMethods()));
        }
        return b;
    }

    /** A method the path does not serve, to be refused. */
    private static String refused(List<String> allowed) {
        for (String m : OperationIndex.METHODS) {
            if (!allowed.contains(m) && !m.equals("HEAD") && !m.equals("OPTIONS")) {
                return m;
            }
        }
        return "TRACE";
    }

    /** An error the application throws as it is. */
    private static Sample thrown(ContractException error) {
        return new Sample(error.code(), request -> Optional.of(error));
    }

    /** A failure the stack raises, as the renderer translates it. */
    private Sample failure(String label, Throwable failure) {
        return new Sample(label, request -> renderer.translate(failure, request));
    }

    /** The error of a status alone (a security refusal, an unexpected failure), as the renderer builds it. */
    private Sample status(String label, int status) {
        return new Sample(label, request -> Optional.of(renderer.statusError(status, request.facts())));
    }

    /**
     * A response key's place among a document's responses, as a string that sorts in that order:
     * 2xx, ..., 499, 4XX, 500, ..., 5XX, then {@code default}.
     */
    static String order(String key) {
        if (key.equals("default")) {
            return "~";
        }
        return key.toUpperCase(Locale.ROOT).endsWith("XX") ? key.charAt(0) + "99~" : key;
    }

    private static void add(Map<String, Planned> planned, int status, String why, Sample sample) {
        add(planned, new Planned(Integer.toString(status), status, why, List.of(sample)));
    }

    private static void add(Map<String, Planned> planned, Planned p) {
        planned.merge(p.key(), p, ErrorResponses::merge);
    }

    /** Two reasons for one status: both explanations, every distinct sample once. */
    private static Planned merge(Planned a, Planned b) {
        String why = a.why().isEmpty() ? b.why() : b.why().isEmpty() || a.why().equals(b.why()) ? a.why() : a.why() + " " + b.why();
        Map<String, Sample> byLabel = new LinkedHashMap<>();
        for (Sample s : a.samples()) {
            byLabel.putIfAbsent(s.label(), s);
        }
        for (Sample s : b.samples()) {
            byLabel.putIfAbsent(s.label(), s);
        }
        return new Planned(a.key(), a.status(), why, List.copyOf(byLabel.values()));
    }

    private static String common(int status) {
        switch (status) {
            case 429:
                return "Too many requests; Retry-After says when to come back.";
            case 503:
                return "Unavailable for now; Retry-After says when to come back, when that is known.";
            default:
                return "";
        }
    }

    // ---------------------------------------------------------------- rendering

    /** The response of {@code p}, as rendered for {@code requests}; null when the service never answers it. */
    private ApiResponse response(Planned p, List<RequestFacts> requests) {
        List<Rendering> renderings = new ArrayList<>();
        Set<ErrorFormat> seen = EnumSet.noneOf(ErrorFormat.class);
        for (RequestFacts facts : requests) {
            ErrorRequest request = renderer.negotiate(facts);
            if (!seen.add(request.format())) {
                continue; // problem details off: the problem+json request gets the same body
            }
            if (p.range()) {
                // Rendered for its media type and schema only: a range has no one example.
                ContractException any = renderer.statusError(p.status() * 100, facts);
                renderings.add(new Rendering(request.format(), "", any, renderer.render(any, request)));
                continue;
            }
            for (Sample s : p.samples()) {
                Optional<ContractException> error = s.error().apply(request);
                if (error.isPresent() && error.get().status() == p.status()) {
                    renderings.add(new Rendering(request.format(), s.label(), error.get(), renderer.render(error.get(), request)));
                }
            }
        }
        if (renderings.isEmpty()) {
            return null;
        }
        ApiResponse r = new ApiResponse().description(description(p, renderings));
        r.setContent(content(p, renderings));
        headers(p, renderings).forEach(r::addHeaderObject);
        return r;
    }

    private static String description(Planned p, List<Rendering> renderings) {
        StringBuilder description = new StringBuilder();
        if (p.range()) {
            return description.append(p.why()).toString();
        }
        description.append(StatusCatalog.entry(p.status()).reasonPhrase(PROSE)).append(". ");
        description.append(p.why().isEmpty() ? StatusCatalog.entry(p.status()).description(PROSE) : p.why());
        Set<String> codes = new LinkedHashSet<>();
        renderings.forEach(x -> codes.add(x.error().code()));
        description.append(codes.size() == 1 ? " Code: " : " Codes: ").append(String.join(", ", codes)).append('.');
        return description.toString();
    }

    /** Each media type rendered, with the schema of each format rendered in it and an example per sample. */
    private Content content(Planned p, List<Rendering> renderings) {
        Map<String, Map<ErrorFormat, List<Rendering>>> byMediaType = new LinkedHashMap<>();
        for (Rendering x : renderings) {
            byMediaType.computeIfAbsent(mediaType(x.rendered()), t -> new LinkedHashMap<>())
                    .computeIfAbsent(x.format(), f -> new ArrayList<>()).add(x);
        }
        Content content = new Content();
        byMediaType.forEach((type, formats) -> {
            MediaType m = new MediaType();
            if (formats.size() == 1) {
                m.schema(new JsonSchema().$ref(ErrorComponents.schemaRef(formats.keySet().iterator().next())));
            } else {
                JsonSchema choice = new JsonSchema();
                formats.keySet().forEach(f -> choice.addOneOfItem(new JsonSchema().$ref(ErrorComponents.schemaRef(f))));
                m.schema(choice);
            }
            if (examples && !p.range()) {
                formats.forEach((format, list) -> {
                    Map<String, Long> perCode = new LinkedHashMap<>();
                    list.forEach(x -> perCode.merge(x.error().code(), 1L, Long::sum));
                    for (Rendering x : list) {
                        String name = x.error().code();
                        List<String> qualifiers = new ArrayList<>();
                        if (perCode.get(name) > 1) {
                            qualifiers.add(x.label());
                        }
                        if (formats.size() > 1) {
                            qualifiers.add(label(format));
                        }
                        if (!qualifiers.isEmpty()) {
                            name += " (" + String.join(", ", qualifiers) + ")";
                        }
                        m.addExamples(name, new Example().summary(name).value(json(x.rendered())));
                    }
                });
            }
            content.addMediaType(type, m);
        });
        return content;
    }

    /**
     * The headers rendered, {@code Content-Type} aside (the media type says it): a header with a
     * component refers to it; any other is written here with the values rendered as examples, and is
     * required when every rendering carries it. A range documents the request ids only.
     */
    private static Map<String, Header> headers(Planned p, List<Rendering> renderings) {
        Map<String, Header> out = new LinkedHashMap<>();
        if (p.range()) {
            REQUEST_IDS.forEach(name -> out.put(name, new Header().$ref(ErrorComponents.headerRef(name))));
            return out;
        }
        Map<String, Set<String>> values = new LinkedHashMap<>();
        Map<String, Integer> carried = new LinkedHashMap<>();
        for (Rendering x : renderings) {
            Set<String> names = new LinkedHashSet<>();
            for (Map.Entry<String, String> h : x.rendered().headers()) {
                String name = canonical(h.getKey());
                if (!name.equalsIgnoreCase(HeaderNames.CONTENT_TYPE)) {
                    values.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(h.getValue());
                    names.add(name);
                }
            }
            names.forEach(n -> carried.merge(n, 1, Integer::sum));
        }
        values.forEach((name, seen) -> {
            if (ErrorComponents.HEADERS.contains(name)) {
                out.put(name, new Header().$ref(ErrorComponents.headerRef(name)));
                return;
            }
            Header h = new Header().required(carried.get(name) == renderings.size()).schema(new JsonSchema().types(Set.of("string")));
            if (seen.size() == 1) {
                h.example(seen.iterator().next());
            } else {
                seen.forEach(v -> h.addExample(v, new Example().value(v)));
            }
            out.put(name, h);
        });
        return out;
    }

    /** A header component's own spelling of {@code name}, else {@code name} as rendered. */
    private static String canonical(String name) {
        for (String component : ErrorComponents.HEADERS) {
            if (component.equalsIgnoreCase(name)) {
                return component;
            }
        }
        return name;
    }

    /** The rendering's media type, without parameters. */
    private static String mediaType(RenderedError rendered) {
        String type = rendered.header(HeaderNames.CONTENT_TYPE).orElse(ACCEPTS.get(0));
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static String label(ErrorFormat format) {
        return format == ErrorFormat.PARTNER_API ? "Partner API" : format == ErrorFormat.PARTNER_CENTER ? "Partner Center"
                : "problem details";
    }

    /** The rendered body as a JSON value. */
    private static Object json(RenderedError rendered) {
        try {
            return Json31.mapper().readValue(rendered.body(), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("restfault's renderer wrote JSON that does not parse", e);
        }
    }
}
