package dev.restfault.springdoc.implementation;

import dev.restfault.core.catalog.HeaderRule;
import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.ErrorWriter;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides which error responses an operation documents, from its {@link OperationFacts}, and
 * builds them: status, description, the error body's schema in each media type it can be
 * answered in, one example per error code (the bytes restfault's {@link ErrorWriter} writes for
 * it, from the catalog and the application's texts), and the headers.
 *
 * <p>The rules, each what restfault-spring-boot answers:
 * <ul>
 *   <li>400 where the operation reads a body or binds a parameter that can be missing, malformed
 *       or invalid;</li>
 *   <li>401 (with {@code WWW-Authenticate}) and 403 where the security in front of it refuses;</li>
 *   <li>404 where the path has variables;</li>
 *   <li>405 (with {@code Allow}) for the methods the path does not serve;</li>
 *   <li>406 where the operation answers with a body of specific media types;</li>
 *   <li>415 where it reads a body;</li>
 *   <li>the common statuses (by default 429 and 503, with {@code Retry-After}) and 500 everywhere;</li>
 *   <li>what the application declares with {@code @ContractError}, with its codes.</li>
 * </ul>
 * Immutable and thread-safe; used while the document is built.
 */
public final class ErrorResponses {

    /** The media type of problem details. */
    public static final String PROBLEM_JSON = "application/problem+json";
    /** The media type of the two contract formats. */
    public static final String JSON = "application/json";

    /** The request id shown in the 500's example. */
    static final String EXAMPLE_REQUEST_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final Duration EXAMPLE_RETRY_AFTER = Duration.ofSeconds(30);
    private static final Locale LOCALE = SupportedLocales.EN_US;

    /**
     * Everything that does not depend on the operation.
     *
     * @param formats the error format of each path
     * @param problemDetails whether problem details are served to requests that prefer them
     * @param source the {@code source} of every error body
     * @param messages the texts of the catalog and of the application's codes
     * @param writer writes the example bodies
     * @param commonStatuses statuses documented on every operation besides 500
     * @param examples whether responses carry examples
     */
    public record Settings(PathFormats formats, boolean problemDetails, String source, ContractMessages messages,
            ErrorWriter writer, Set<Integer> commonStatuses, boolean examples) {
        /** @throws NullPointerException if a reference argument is null */
        public Settings {
            Objects.requireNonNull(formats, "formats");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(messages, "messages");
            Objects.requireNonNull(writer, "writer");
            commonStatuses = Set.copyOf(commonStatuses);
        }
    }

    /** One error response to document: key ({@code 404}, {@code 4XX}), why, and its example errors. */
    record Planned(String key, int status, String why, List<ContractException> examples) {
    }

    private final Settings settings;

    public ErrorResponses(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * A name for the responses of {@code facts} that tells their body apart from other operations'
     * with the same status: {@code PartnerCenter}, {@code PartnerApi} or {@code AnyFormat}.
     */
    public String family(OperationFacts facts) {
        return facts.anyFormat() ? "AnyFormat"
                : settings.formats().formatFor(facts.path()) == ErrorFormat.PARTNER_API ? "PartnerApi" : "PartnerCenter";
    }

    /** The error responses of the operation, by key, in ascending order; empty when it opted out. */
    public Map<String, ApiResponse> responses(OperationFacts facts) {
        Map<String, ApiResponse> out = new LinkedHashMap<>();
        if (facts.undocumented()) {
            return out;
        }
        // null: any format, the caller picks
        ErrorFormat format = facts.anyFormat() ? null : settings.formats().formatFor(facts.path());
        for (Planned p : plan(facts)) {
            out.put(p.key(), response(p, format));
        }
        return out;
    }

    /** Which responses, in ascending order of their keys. */
    List<Planned> plan(OperationFacts f) {
        Map<String, Planned> planned = new TreeMap<>();
        if (f.readsBody() || f.bindsParameters()) {
            add(planned, 400, f.readsBody() && f.bindsParameters() ? "The request body or a parameter is missing, malformed or invalid."
                    : f.readsBody() ? "The request body is missing, malformed or invalid."
                    : "A parameter is missing, malformed or invalid.", ContractException.builder(400).build());
        }
        if (f.security().challenges()) {
            add(planned, 401, "No valid credentials were sent; WWW-Authenticate carries the challenge.",
                    ContractException.builder(401).messageKey(ContractMessages.AUTHENTICATION_REQUIRED).build());
        }
        if (f.security().forbids()) {
            add(planned, 403, "The credentials do not allow this operation.", ContractException.builder(403).build());
        }
        if (f.pathVariables()) {
            add(planned, 404, "Nothing exists at this path: a path variable names no resource.",
                    ContractException.builder(404).build());
        }
        if (!f.allowedMethods().isEmpty()) {
            String allow = String.join(", ", f.allowedMethods());
            add(planned, 405, "Answered to the methods this path does not serve; Allow lists those it does (" + allow + ").",
                    ContractException.builder(405).allow(f.allowedMethods()).messageKey(ContractMessages.METHOD_NOT_ALLOWED, allow)
                            .build());
        }
        if (!f.produces().isEmpty()) {
            List<String> available = available(f.produces());
            add(planned, 406, "The Accept header allows none of: " + String.join(", ", available) + ".",
                    ContractException.notAcceptable(available));
        }
        if (f.readsBody()) {
            List<String> types = f.consumes().isEmpty() ? List.of(JSON) : f.consumes();
            add(planned, 415, "The request body's Content-Type is not one of: " + String.join(", ", types) + ".",
                    ContractException.builder(415).messageKey(ContractMessages.UNSUPPORTED_MEDIA_TYPE, String.join(", ", types))
                            .build());
        }
        for (int status : new java.util.TreeSet<>(settings.commonStatuses())) {
            add(planned, status, common(status), example(status));
        }
        add(planned, 500, "An unexpected failure. Nothing of it is sent: only the request id to quote.",
                ContractException.internalServerError());
        for (OperationFacts.DeclaredError d : f.declared()) {
            if (d.status() < 10) {
                planned.merge(d.key(), new Planned(d.key(), d.status(), d.when().isEmpty()
                        ? "Any " + d.status() + "xx status, with a contract error." : d.when(), List.of()), ErrorResponses::merge);
                continue;
            }
            List<ContractException> codes = new ArrayList<>();
            for (String code : d.codes().isEmpty() ? List.of(StatusCatalog.entry(d.status()).defaultCode()) : d.codes()) {
                ContractException.Builder b = ContractException.builder(d.status()).code(code);
                if (StatusCatalog.entry(d.status()).header(HeaderNames.RETRY_AFTER).isPresent()) {
                    b.retryAfter(EXAMPLE_RETRY_AFTER);
                }
                if (d.status() == 405) {
                    b.allow(f.allowedMethods().isEmpty() ? List.of("OPTIONS") : f.allowedMethods());
                }
                codes.add(b.build());
            }
            planned.merge(d.key(), new Planned(d.key(), d.status(), d.when(), codes), ErrorResponses::merge);
        }
        List<Planned> ordered = new ArrayList<>(planned.values());
        ordered.sort((a, b) -> order(a.key()).compareTo(order(b.key())));
        return ordered;
    }

    /** 4XX sorts after 499 and before 500; 5XX after 599. */
    private static String order(String key) {
        return key.endsWith("XX") ? key.charAt(0) + "99~" : key;
    }

    private static void add(Map<String, Planned> planned, int status, String why, ContractException example) {
        planned.merge(Integer.toString(status), new Planned(Integer.toString(status), status, why, List.of(example)),
                ErrorResponses::merge);
    }

    /** Two reasons for one status: both explanations, every distinct code once. */
    private static Planned merge(Planned a, Planned b) {
        String why = a.why().isEmpty() ? b.why() : b.why().isEmpty() || a.why().equals(b.why()) ? a.why() : a.why() + " " + b.why();
        Map<String, ContractException> byCode = new LinkedHashMap<>();
        for (ContractException e : a.examples()) {
            byCode.putIfAbsent(e.code(), e);
        }
        for (ContractException e : b.examples()) {
            byCode.putIfAbsent(e.code(), e);
        }
        return new Planned(a.key(), a.status(), why, List.copyOf(byCode.values()));
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

    private static ContractException example(int status) {
        ContractException.Builder b = ContractException.builder(status);
        if (StatusCatalog.entry(status).header(HeaderNames.RETRY_AFTER).isPresent()) {
            b.retryAfter(EXAMPLE_RETRY_AFTER);
        }
        return b.build();
    }

    /** Concrete types for the 406's list: a wildcard says nothing a client can send in Accept. */
    private static List<String> available(List<String> produces) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : produces) {
            out.add(t.contains("*") ? JSON : t);
        }
        return List.copyOf(out);
    }

    private ApiResponse response(Planned p, ErrorFormat format) {
        StringBuilder description = new StringBuilder();
        if (p.status() >= 400) {
            StatusEntry entry = StatusCatalog.entry(p.status());
            description.append(entry.reasonPhrase(LOCALE)).append(". ");
            description.append(p.why().isEmpty() ? settings.messages().statusDescription(p.status(), LOCALE) : p.why());
        } else {
            description.append(p.why());
        }
        if (!p.examples().isEmpty()) {
            List<String> codes = p.examples().stream().map(ContractException::code).toList();
            description.append(codes.size() == 1 ? " Code: " : " Codes: ").append(String.join(", ", codes)).append('.');
        }
        ApiResponse r = new ApiResponse().description(description.toString());
        Content content = new Content();
        content.addMediaType(JSON, format != null ? mediaType(p, format)
                : mediaType(p, ErrorFormat.PARTNER_CENTER, ErrorFormat.PARTNER_API));
        if (settings.problemDetails() || format == null) {
            content.addMediaType(PROBLEM_JSON, mediaType(p, ErrorFormat.PROBLEM_DETAILS));
        }
        r.setContent(content);
        for (String header : headers(p.status())) {
            r.addHeaderObject(header, new Header().$ref(ErrorComponents.headerRef(header)));
        }
        return r;
    }

    /** The request ids on every error, then the headers the catalog calls for with the status. */
    private static List<String> headers(int status) {
        List<String> names = new ArrayList<>(List.of(HeaderNames.MS_CORRELATION_ID, HeaderNames.MS_REQUEST_ID));
        if (status >= 400) {
            for (HeaderRule rule : StatusCatalog.entry(status).headers()) {
                if (ErrorComponents.HEADERS.contains(rule.name())) {
                    names.add(rule.name());
                }
            }
        }
        return names;
    }

    /** One format's body, or a choice of several (each a schema of {@code oneOf}, examples of each). */
    private MediaType mediaType(Planned p, ErrorFormat... formats) {
        MediaType m = new MediaType();
        if (formats.length == 1) {
            m.schema(new JsonSchema().$ref(ErrorComponents.schemaRef(formats[0])));
        } else {
            JsonSchema choice = new JsonSchema();
            for (ErrorFormat f : formats) {
                choice.addOneOfItem(new JsonSchema().$ref(ErrorComponents.schemaRef(f)));
            }
            m.schema(choice);
        }
        if (settings.examples()) {
            for (ErrorFormat f : formats) {
                for (ContractException e : p.examples()) {
                    String name = formats.length == 1 ? e.code() : e.code() + " (" + label(f) + ")";
                    m.addExamples(name, new Example().summary(name).value(body(e, f)));
                }
            }
        }
        return m;
    }

    private static String label(ErrorFormat format) {
        return format == ErrorFormat.PARTNER_API ? "Partner API" : format == ErrorFormat.PARTNER_CENTER ? "Partner Center"
                : "problem details";
    }

    /** What restfault writes for {@code error} in {@code format}, as a JSON value. */
    private Object body(ContractException error, ErrorFormat format) {
        ContractMessages messages = settings.messages();
        // The Partner API format is not localized; the others are shown in en-US too.
        PartnerCenterError e = error.status() == 500 && error.code().equals(StatusCatalog.entry(500).defaultCode())
                ? PartnerCenterError.of(error.code(), messages.get(ContractMessages.INTERNAL_ERROR, LOCALE, EXAMPLE_REQUEST_ID),
                        settings.source())
                : error.toError(messages, LOCALE, settings.source());
        byte[] bytes = settings.writer().write(format, e, error.status(), messages.reasonPhrase(error.status(), LOCALE));
        try {
            return Json31.mapper().readValue(bytes, Object.class);
        } catch (IOException e1) {
            throw new UncheckedIOException("restfault's writer wrote JSON that does not parse", e1);
        }
    }
}
