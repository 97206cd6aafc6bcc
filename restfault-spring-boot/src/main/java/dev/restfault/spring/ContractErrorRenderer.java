package dev.restfault.spring;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.RequestIds;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.LocaleResolver;
import dev.restfault.core.i18n.LocalizedText;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.Descriptions;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.ErrorWriter;
import dev.restfault.spring.implementation.AcceptPreference;
import dev.restfault.spring.implementation.RequestBodyDrain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Writes the contract error that answers a failure: the one place where restfault's Spring
 * adapter produces a response. Every path (Spring MVC's exception resolution, the servlet filter,
 * {@code sendError}, the {@code /error} dispatch, Spring Security's entry point and access-denied
 * handler) ends here, so every error gets the same status, headers and body.
 *
 * <p>What it decides, it takes from restfault-core: the status, code, description and headers
 * come from the {@link ContractException} (via the {@link ExceptionTranslator}s) and the
 * catalog; texts from {@link ContractMessages} in the language {@link LocaleResolver} picks from
 * {@code X-Locale} then {@code Accept-Language}. It adds what the contract requires of every error:
 * {@code Content-Type}, {@code Cache-Control: no-store}, {@code X-Content-Type-Options: nosniff},
 * {@code Content-Language}, {@code MS-CorrelationId} and {@code MS-RequestId}, the configured
 * challenge on a 401 and an accurate {@code Allow} on a 405.
 *
 * <p>Guarantees: a failure that no translator knows becomes a 500 whose description is the
 * localized generic text with the request id; the exception is logged once, at ERROR, with the
 * correlation and request ids, and nothing of it (class, message, stack) reaches the client. A
 * response that is already committed is left alone (logged at DEBUG). The body is written
 * directly, never through {@code sendError} or a forward. Entity headers the application set for
 * the success it meant to send ({@code Content-Encoding}, {@code Content-Disposition},
 * {@code Content-Range}, {@code Content-Location}, {@code Location}, {@code ETag},
 * {@code Last-Modified}) are removed, except those the error itself sets; {@code Set-Cookie} is
 * kept, as the application may have meant it whatever the outcome (a session, a logout).
 * Thread-safe.
 */
public final class ContractErrorRenderer {

    /**
     * A request attribute through which application code chooses the error format of one request
     * (an {@link ErrorFormat}), over {@code Accept} and the configured path formats: for a
     * resource that lets its caller pick, such as a {@code ?format=} parameter.
     */
    public static final String FORMAT_ATTRIBUTE = ContractErrorRenderer.class.getName() + ".format";


    private static final Logger LOG = LoggerFactory.getLogger(ContractErrorRenderer.class);
    private static final int MAX_UNWRAP = 16;
    /** Headers that describe the success response the application meant to send, not an error. */
    private static final List<String> ENTITY_HEADERS = List.of("Content-Encoding", "Content-Disposition",
            "Content-Range", "Content-Location", "Location", "ETag", "Last-Modified");
    /** Re-encodes a body as ASCII-only JSON, for a writer whose charset can no longer be set. */
    private static final JsonFactory ASCII_JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final RestfaultProperties properties;
    private final String source;
    private final ContractMessages messages;
    private final LocaleResolver localeResolver;
    private final ErrorWriter writer;
    private final List<ExceptionTranslator> translators;
    private final List<ExceptionTranslator> builtInTranslators;
    private final Function<HttpServletRequest, Collection<String>> allowedMethods;
    private final List<Map.Entry<String, ErrorFormat>> prefixFormats;
    private final RequestBodyDrain unreadBody;

    /**
     * A renderer whose translators are all the application's: asked in order, before a
     * {@link ContractException} is looked for in the failure's cause chain.
     *
     * @param properties the configuration
     * @param source the {@code source} of every error body (the service's name)
     * @param messages where texts come from
     * @param writer encodes the error
     * @param translators asked in order; the first that knows a failure answers it
     * @param allowedMethods the methods a request's path supports, for a 405 that does not say
     * @throws NullPointerException if an argument is null
     */
    public ContractErrorRenderer(RestfaultProperties properties, String source, ContractMessages messages,
            ErrorWriter writer, List<ExceptionTranslator> translators,
            Function<HttpServletRequest, Collection<String>> allowedMethods) {
        this(properties, source, messages, writer, translators, List.of(), allowedMethods);
    }

    /**
     * A renderer that answers a failure with, in this order: the first of the application's
     * translators that knows it; a {@link ContractException} found in its cause chain (one thrown
     * from a JSON creator and wrapped by the message converter, say); the first built-in translator
     * that knows it; else an unexpected 500.
     *
     * @param properties the configuration
     * @param source the {@code source} of every error body (the service's name)
     * @param messages where texts come from
     * @param writer encodes the error
     * @param applicationTranslators the application's, asked first, in order
     * @param builtInTranslators restfault's translations of framework exceptions, asked last, in order
     * @param allowedMethods the methods a request's path supports, for a 405 that does not say
     * @throws NullPointerException if an argument is null
     */
    public ContractErrorRenderer(RestfaultProperties properties, String source, ContractMessages messages,
            ErrorWriter writer, List<ExceptionTranslator> applicationTranslators, List<ExceptionTranslator> builtInTranslators,
            Function<HttpServletRequest, Collection<String>> allowedMethods) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.source = Objects.requireNonNull(source, "source");
        if (Descriptions.isBlank(source)) {
            // Every Partner Center error names the component that produced it (DESIGN §1); the
            // writer refuses a blank one, so refuse it here, at startup, not on every error.
            throw new IllegalArgumentException("source must name the service; it is blank");
        }
        this.messages = Objects.requireNonNull(messages, "messages");
        this.localeResolver = LocaleResolver.of(properties.supportedLocales());
        this.writer = Objects.requireNonNull(writer, "writer");
        this.translators = List.copyOf(applicationTranslators);
        this.builtInTranslators = List.copyOf(builtInTranslators);
        this.allowedMethods = Objects.requireNonNull(allowedMethods, "allowedMethods");
        List<Map.Entry<String, ErrorFormat>> prefixes = new ArrayList<>(properties.formats().entrySet());
        prefixes.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
        this.prefixFormats = List.copyOf(prefixes);
        this.unreadBody = new RequestBodyDrain(properties.unreadBody().drainLimit().toBytes(),
                properties.unreadBody().drainTimeout());
    }

    /**
     * Answers {@code failure}: translated by the first translator that knows it, otherwise a 500.
     *
     * @throws IOException if the response cannot be written (the client went away)
     */
    public void render(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
        render(request, response, failure, true);
    }

    /**
     * Answers a failure the servlet container already caught and logged, and now dispatches to its
     * error page: like {@link #render(HttpServletRequest, HttpServletResponse, Throwable)}, but an
     * unexpected failure is logged as one line tying it to the request ids, without its stack
     * trace again (the server's log has it).
     */
    public void renderDispatched(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
        render(request, response, failure, false);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, Throwable failure, boolean logStack)
            throws IOException {
        Throwable cause = unwrap(Objects.requireNonNull(failure, "failure"));
        RequestCorrelation ids = RequestCorrelation.of(request);
        // The application's translators first; then a ContractException wrapped by a framework
        // (thrown from a JSON deserializer, a message converter, a proxy), which is still the
        // application's chosen answer and wins over restfault's translation of the wrapper (which
        // would only say "malformed body"); then restfault's own translations.
        // A ContractException thrown as it is comes first of all: no translator may replace an
        // answer the application chose.
        Optional<ContractException> translated = (cause instanceof ContractException
                        ? Optional.of((ContractException) cause) : Optional.<ContractException>empty())
                .or(() -> translate(translators, cause, request))
                .or(() -> wrappedContract(cause, request, ids))
                .or(() -> translate(builtInTranslators, cause, request));
        ContractException error;
        if (translated.isPresent()) {
            error = translated.get();
            if (error.status() >= 500 && error.getCause() != null) {
                // A deliberate 5xx (an upstream failed, say) is routine: one line at WARN, the
                // cause's stack trace at DEBUG. Unexpected failures below get ERROR and the stack.
                LOG.warn("{} answered with {} {} (correlation id {}, request id {}): {}", describe(request), error.status(),
                        error.code(), ids.correlationId(), ids.requestId(), chain(error.getCause()));
                LOG.debug("Cause of the {} answered to {}", error.status(), describe(request), error.getCause());
            } else {
                LOG.debug("{} answered with {} {}", describe(request), error.status(), error.code());
            }
        } else if (logStack) {
            LOG.error("Unexpected failure in {} (correlation id {}, request id {})", describe(request),
                    ids.correlationId(), ids.requestId(), cause);
            error = ContractException.internalServerError();
        } else {
            LOG.error("Unexpected failure in {} (correlation id {}, request id {}): {}, logged by the server above",
                    describe(request), ids.correlationId(), ids.requestId(), cause.getClass().getName());
            error = ContractException.internalServerError();
        }
        write(request, response, error);
    }

    /**
     * Answers with {@code status} and its default text, as when something called
     * {@code sendError(status)} or set an error status without a body. Headers already set on the
     * response that the status calls for ({@code Allow}, {@code Retry-After}, {@code ETag},
     * {@code WWW-Authenticate}) are kept.
     *
     * @throws IllegalArgumentException if {@code status} is not within 400..599
     */
    public void renderStatus(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        write(request, response, forStatus(request, response, status));
    }

    /**
     * The answer to a method the servlet layer must never serve for this API (TRACE, which it
     * would echo): 405 with the methods the path's mappings support, or 404 when no mapping
     * matches the path at all, as for any other method on a path that does not exist. A path
     * served only by something other than a request mapping (static resources, functional
     * routes) counts as not existing here.
     */
    public void renderRefusedMethod(HttpServletRequest request, HttpServletResponse response) throws IOException {
        renderStatus(request, response, allowedMethods.apply(request).isEmpty() ? 404 : 405);
    }

    /** Writes {@code error} as the response. */
    public void render(HttpServletRequest request, HttpServletResponse response, ContractException error) throws IOException {
        write(request, response, Objects.requireNonNull(error, "error"));
    }

    /**
     * The contract error for {@code failure}, as {@link #render(HttpServletRequest, HttpServletResponse, Throwable)}
     * finds it (application translators, a {@link ContractException} in the cause chain, built-in
     * translators); empty when it is unexpected. A translator that throws counts as not knowing it.
     *
     * @param failure not null
     * @param request the request, passed to the translators; may be null outside a request
     */
    public Optional<ContractException> translate(Throwable failure, HttpServletRequest request) {
        Objects.requireNonNull(failure, "failure");
        return translate(translators, failure, request).or(() -> contractInChain(failure))
                .or(() -> translate(builtInTranslators, failure, request));
    }

    private Optional<ContractException> wrappedContract(Throwable cause, HttpServletRequest request, RequestCorrelation ids) {
        Optional<ContractException> found = contractInChain(cause);
        if (found.isPresent() && found.get() != cause) {
            // The wrapper is a framework's doing; one line says where the answer came from.
            LOG.warn("{}: a {} wraps the ContractException {} {}; answered with it (correlation id {}, request id {})",
                    describe(request), cause.getClass().getName(), found.get().status(), found.get().code(),
                    ids.correlationId(), ids.requestId());
        }
        return found;
    }

    /** The exception and up to three causes, one line, for a WARN that carries no stack trace. */
    private static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder(t.toString());
        Throwable c = t.getCause();
        for (int i = 0; i < 3 && c != null && c != t; i++, c = c.getCause()) {
            sb.append(" <- caused by ").append(c);
        }
        return sb.toString().replace('\r', ' ').replace('\n', ' ');
    }

    private static Optional<ContractException> translate(List<ExceptionTranslator> list, Throwable failure,
            HttpServletRequest request) {
        for (ExceptionTranslator t : list) {
            try {
                Optional<ContractException> e = t.translate(failure, request);
                if (e != null && e.isPresent()) {
                    return e;
                }
            } catch (RuntimeException broken) {
                LOG.warn("Exception translator {} failed on {}", t.getClass().getName(), failure.getClass().getName(), broken);
            }
        }
        return Optional.empty();
    }

    private static Optional<ContractException> contractInChain(Throwable failure) {
        Throwable t = failure;
        for (int i = 0; i < MAX_UNWRAP && t != null; i++, t = t.getCause()) {
            if (t instanceof ContractException) {
                return Optional.of((ContractException) t);
            }
        }
        return Optional.empty();
    }

    /**
     * The error format for {@code request}: the {@link #FORMAT_ATTRIBUTE} request attribute when
     * the application set one, else problem details if its Accept prefers them, else by path.
     */
    public ErrorFormat formatFor(HttpServletRequest request) {
        Object chosen = request.getAttribute(FORMAT_ATTRIBUTE);
        if (chosen instanceof ErrorFormat) {
            return (ErrorFormat) chosen;
        }
        if (properties.problemDetails() && AcceptPreference.prefersProblemDetails(request.getHeaders(HeaderNames.ACCEPT))) {
            return ErrorFormat.PROBLEM_DETAILS;
        }
        return formatForPath(pathOf(request));
    }

    private ErrorFormat formatForPath(String path) {
        for (Map.Entry<String, ErrorFormat> e : prefixFormats) {
            String prefix = e.getKey();
            if (prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/")) {
                return e.getValue();
            }
        }
        return properties.format();
    }

    /**
     * The language of the error for {@code request}: en-US when it is answered in the Partner API
     * format (which is not localized), else from X-Locale then Accept-Language among the supported
     * locales. Translators describe nested errors ({@code data}) in this language, so one body
     * speaks one language.
     */
    public Locale localeFor(HttpServletRequest request) {
        return localeFor(formatFor(request), request::getHeader);
    }

    private Locale localeFor(ErrorFormat format, Function<String, String> header) {
        // The Partner API variant's messages are not localized (its documentation says so).
        return format == ErrorFormat.PARTNER_API ? SupportedLocales.EN_US
                : localeResolver.resolve(header.apply(HeaderNames.X_LOCALE), header.apply(HeaderNames.ACCEPT_LANGUAGE));
    }

    private ContractException forStatus(HttpServletRequest request, HttpServletResponse response, int status) {
        ContractException.Builder b = ContractException.builder(status);
        switch (status) {
            case 404:
                b.messageKey(ContractMessages.NO_SUCH_RESOURCE);
                break;
            case 405: {
                List<String> allow = new ArrayList<>();
                for (String value : response.getHeaders(HeaderNames.ALLOW)) {
                    for (String m : value.split(",")) {
                        if (!m.isBlank()) {
                            allow.add(m.trim());
                        }
                    }
                }
                if (allow.isEmpty()) {
                    allow.addAll(allowedMethods.apply(request));
                }
                if (allow.isEmpty()) {
                    allow.add("OPTIONS"); // nothing maps the path; OPTIONS is all that is left to ask
                }
                b.allow(allow).messageKey(ContractMessages.METHOD_NOT_ALLOWED, String.join(", ", allow));
                break;
            }
            case 401:
                b.messageKey(ContractMessages.AUTHENTICATION_REQUIRED);
                break;
            default:
                break;
        }
        return b.build();
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ContractException error) throws IOException {
        RequestCorrelation ids = RequestCorrelation.of(request);
        // A body left unread is drained, or the error says Connection: close (Jetty would
        // otherwise close the connection silently after it). Tomcat answers a body it fails to
        // read itself, which commits the response: hence before the check below.
        unreadBody.beforeError(request, response);
        if (response.isCommitted()) {
            LOG.debug("Cannot answer {} with {}: the response is already committed", describe(request), error.status());
            return;
        }
        response.resetBuffer();
        ContainerError rendered = prepare(error, formatFor(request), request::getHeader, ids);

        List<String> earlierChallenges = new ArrayList<>(response.getHeaders(HeaderNames.WWW_AUTHENTICATE));
        response.setStatus(rendered.status());
        for (String name : ENTITY_HEADERS) {
            if (response.containsHeader(name)) {
                response.setHeader(name, null); // Servlet 6: a null value removes the header
            }
        }
        for (Map.Entry<String, String> h : rendered.headers().entrySet()) {
            if (h.getKey().equals(HeaderNames.WWW_AUTHENTICATE) && error.challenge().isEmpty() && !earlierChallenges.isEmpty()) {
                // Keep challenges set earlier (Basic from Spring Security, say) and add the contract's.
                if (earlierChallenges.stream().noneMatch(c -> c.regionMatches(true, 0, "OAuth", 0, 5))) {
                    response.addHeader(h.getKey(), h.getValue());
                }
                continue;
            }
            response.setHeader(h.getKey(), h.getValue());
        }
        byte[] bytes = rendered.body();
        OutputStream out;
        try {
            out = response.getOutputStream();
        } catch (IllegalStateException writerInUse) {
            out = null;
        }
        if (out != null) {
            response.setContentLength(bytes.length);
            out.write(bytes);
        } else {
            // The application already asked for the writer, whose charset is fixed by now (a later
            // setCharacterEncoding is ignored): the JSON goes out with every non-ASCII character
            // escaped, which reads the same in any ASCII-compatible charset, and without a
            // Content-Length, which the writer's encoding decides.
            if (response.containsHeader("Content-Length")) {
                response.setContentLengthLong(-1); // the application's length, for another body
            }
            PrintWriter w = response.getWriter();
            w.write(asciiJson(bytes));
        }
        response.flushBuffer();
    }

    /**
     * The error a servlet container's own error handler should send for {@code status}, for
     * failures the container answers before any application code runs (a malformed request line,
     * a header with a bare CR, an ambiguous path). The request may be partly parsed: its headers
     * are read through {@code requestHeader}, which may return null, and only for the language,
     * the format and the ids.
     *
     * @param status 400..599
     * @param path the request's path, or null when unknown
     * @param requestHeader looks up one request header by name; may return null
     * @throws IllegalArgumentException if {@code status} is not within 400..599
     */
    public ContainerError renderContainerError(int status, String path, Function<String, String> requestHeader) {
        Function<String, String> header = name -> {
            try {
                return requestHeader.apply(name);
            } catch (RuntimeException unparsed) {
                return null;
            }
        };
        RequestCorrelation ids = new RequestCorrelation(
                RequestIds.validOrNew(header.apply(HeaderNames.MS_CORRELATION_ID)),
                RequestIds.validOrNew(header.apply(HeaderNames.MS_REQUEST_ID)));
        ContractException.Builder b = ContractException.builder(status);
        if (status == 405) {
            // The request never reached the application, so nothing says which methods its path
            // serves; OPTIONS is the one a client can always ask with.
            b.allow(List.of("OPTIONS"));
        }
        String accept = header.apply(HeaderNames.ACCEPT);
        ErrorFormat format = properties.problemDetails() && accept != null
                && AcceptPreference.prefersProblemDetails(Collections.enumeration(List.of(accept)))
                ? ErrorFormat.PROBLEM_DETAILS : formatForPath(path == null ? "/" : path);
        return prepare(b.build(), format, header, ids);
    }

    /** {@code utf8Json} re-encoded with every non-ASCII character escaped ({@code \\u65e5}). */
    static String asciiJson(byte[] utf8Json) {
        StringWriter out = new StringWriter(utf8Json.length + 16);
        try (JsonParser parser = ASCII_JSON.createParser(ObjectReadContext.empty(), utf8Json);
                JsonGenerator generator = ASCII_JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            parser.nextToken();
            generator.copyCurrentStructure(parser);
        }
        return out.toString();
    }

    /**
     * A rendered error: status, the response headers to set (in order) and the body. Immutable: the
     * headers are copied into an unmodifiable map and the body is copied in and on every access.
     *
     * @param status the HTTP status
     * @param headers header names and values, all validated
     * @param body the encoded error
     */
    public record ContainerError(int status, Map<String, String> headers, byte[] body) {

        /** @throws NullPointerException if {@code headers} or {@code body} is null */
        public ContainerError {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
            body = Objects.requireNonNull(body, "body").clone();
        }

        /** A copy of the encoded error. */
        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ContainerError other && status == other.status && headers.equals(other.headers)
                    && Arrays.equals(body, other.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, headers, Arrays.hashCode(body));
        }

        @Override
        public String toString() {
            return "ContainerError[status=" + status + ", headers=" + headers + ", body=" + body.length + " bytes]";
        }
    }

    private ContainerError prepare(ContractException error, ErrorFormat format, Function<String, String> header,
            RequestCorrelation ids) {
        Locale locale = localeFor(format, header);
        int status = error.status();
        // Content-Language names the language the text is really in: an application code without
        // a translation falls back to English, and then the whole body and header say en-US.
        LocalizedText description = describe(error, locale, ids);
        Locale language = description.locale();
        PartnerCenterError body = PartnerCenterError.builder()
                .code(error.code())
                .description(description.text())
                .data(error.data())
                .source(error.source().filter(named -> !Descriptions.isBlank(named)).orElse(source))
                .build();
        byte[] bytes = writer.write(format, body, status, messages.reasonPhrase(status, language));
        Map<String, String> headers = new LinkedHashMap<>(error.headers());
        if (StatusCatalog.entry(status).header(HeaderNames.WWW_AUTHENTICATE).isPresent() && error.challenge().isEmpty()) {
            String contract = properties.challenge().toChallenge().toHeaderValue();
            String own = applicationChallenge(error);
            headers.keySet().removeIf(HeaderNames.WWW_AUTHENTICATE::equalsIgnoreCase);
            // The application's own challenge (a Bearer realm, say) is kept; the contract's is
            // added beside it, in the same field: challenges form a comma-separated list.
            headers.put(HeaderNames.WWW_AUTHENTICATE, own == null ? contract
                    : own.regionMatches(true, 0, "OAuth", 0, 5) ? own : own + ", " + contract);
        }
        headers.put(HeaderNames.CONTENT_TYPE, format.contentType());
        headers.put(HeaderNames.CACHE_CONTROL, HeaderNames.NO_STORE);
        headers.put(HeaderNames.X_CONTENT_TYPE_OPTIONS, HeaderNames.NOSNIFF);
        headers.put(HeaderNames.CONTENT_LANGUAGE, language.toLanguageTag());
        headers.put(HeaderNames.MS_CORRELATION_ID, ids.correlationId());
        headers.put(HeaderNames.MS_REQUEST_ID, ids.requestId());
        return new ContainerError(status, Collections.unmodifiableMap(headers), bytes);
    }

    /** A WWW-Authenticate the error carries as a plain header (from an ErrorResponse), else null. */
    private static String applicationChallenge(ContractException error) {
        for (Map.Entry<String, String> h : error.headers().entrySet()) {
            if (h.getKey().equalsIgnoreCase(HeaderNames.WWW_AUTHENTICATE) && !h.getValue().isBlank()) {
                return h.getValue();
            }
        }
        return null;
    }

    private LocalizedText describe(ContractException error, Locale locale, RequestCorrelation ids) {
        if (error.status() == 500 && error.description().isEmpty()
                && error.code().equals(StatusCatalog.entry(500).defaultCode())) {
            return messages.findLocalized(ContractMessages.INTERNAL_ERROR, locale, ids.requestId())
                    .orElseThrow(() -> new IllegalStateException("restfault's built-in texts are missing"));
        }
        return error.describe(messages, locale);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        for (int i = 0; i < MAX_UNWRAP && t instanceof ServletException && t.getCause() != null; i++) {
            t = t.getCause();
        }
        return t;
    }

    private static String pathOf(HttpServletRequest request) {
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = errorUri instanceof String ? (String) errorUri : request.getRequestURI();
        if (uri == null) {
            return "/";
        }
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && uri.startsWith(context)) {
            uri = uri.substring(context.length());
        }
        return uri.isEmpty() ? "/" : uri;
    }

    /** The request for a log line: method and path, control characters replaced, capped. */
    static String describe(HttpServletRequest request) {
        String method = String.valueOf(request.getMethod());
        String path = pathOf(request);
        StringBuilder sb = new StringBuilder(method.length() + Math.min(path.length(), 200) + 1);
        sb.append(method.length() > 16 ? method.substring(0, 16) : method).append(' ');
        for (int i = 0; i < path.length() && i < 200; i++) {
            char c = path.charAt(i);
            sb.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return sb.toString();
    }
}
