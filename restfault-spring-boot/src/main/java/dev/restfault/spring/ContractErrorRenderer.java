package dev.restfault.spring;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.RequestIds;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.LocaleResolver;
import dev.restfault.core.i18n.LocalizedText;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.ErrorWriter;
import dev.restfault.spring.implementation.AcceptPreference;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
 * directly, never through {@code sendError} or a forward. Thread-safe.
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

    private final RestfaultProperties properties;
    private final String source;
    private final ContractMessages messages;
    private final LocaleResolver localeResolver;
    private final ErrorWriter writer;
    private final List<ExceptionTranslator> translators;
    private final Function<HttpServletRequest, Collection<String>> allowedMethods;
    private final List<Map.Entry<String, ErrorFormat>> prefixFormats;

    /**
     * @param properties the configuration
     * @param source the {@code source} of every error body (the service's name)
     * @param messages where texts come from
     * @param writer encodes the error
     * @param translators asked in order; the first that knows a failure answers it
     * @param allowedMethods the methods a request's path supports, for a 405 that does not say
     */
    public ContractErrorRenderer(RestfaultProperties properties, String source, ContractMessages messages,
            ErrorWriter writer, List<ExceptionTranslator> translators,
            Function<HttpServletRequest, Collection<String>> allowedMethods) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.source = Objects.requireNonNull(source, "source");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.localeResolver = LocaleResolver.of(properties.supportedLocales());
        this.writer = Objects.requireNonNull(writer, "writer");
        this.translators = List.copyOf(translators);
        this.allowedMethods = Objects.requireNonNull(allowedMethods, "allowedMethods");
        List<Map.Entry<String, ErrorFormat>> prefixes = new ArrayList<>(properties.formats().entrySet());
        prefixes.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
        this.prefixFormats = List.copyOf(prefixes);
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
        // A ContractException wrapped by a framework (thrown from a JSON deserializer, a message
        // converter, a proxy) is still the application's chosen answer: it wins over a
        // translation of the wrapper, which would only say "malformed body".
        Optional<ContractException> translated = contractInChain(cause).or(() -> translate(cause, request));
        ContractException error;
        if (translated.isPresent()) {
            error = translated.get();
            if (error.status() >= 500 && error.getCause() != null) {
                // A deliberate 5xx (an upstream failed, say) is routine: one line at WARN, the
                // cause's stack trace at DEBUG. Unexpected failures below get ERROR and the stack.
                LOG.warn("{} answered with {} {} (correlation id {}, request id {}): {}", describe(request), error.status(),
                        error.code(), ids.correlationId(), ids.requestId(), error.getCause().toString());
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

    /** Writes {@code error} as the response. */
    public void render(HttpServletRequest request, HttpServletResponse response, ContractException error) throws IOException {
        write(request, response, Objects.requireNonNull(error, "error"));
    }

    /**
     * The contract error for {@code failure}, from the first translator that knows it; empty
     * when it is unexpected. A translator that throws counts as not knowing it.
     */
    public Optional<ContractException> translate(Throwable failure, HttpServletRequest request) {
        for (ExceptionTranslator t : translators) {
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

    /** The language of the error for {@code request}, from X-Locale then Accept-Language. */
    public Locale localeFor(HttpServletRequest request) {
        return localeResolver.resolve(request.getHeader(HeaderNames.X_LOCALE), request.getHeader(HeaderNames.ACCEPT_LANGUAGE));
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
        if (response.isCommitted()) {
            LOG.debug("Cannot answer {} with {}: the response is already committed", describe(request), error.status());
            return;
        }
        response.resetBuffer();
        ContainerError rendered = prepare(error, formatFor(request), request::getHeader, ids);

        List<String> earlierChallenges = new ArrayList<>(response.getHeaders(HeaderNames.WWW_AUTHENTICATE));
        response.setStatus(rendered.status());
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
        response.setContentLength(bytes.length);
        try {
            OutputStream out = response.getOutputStream();
            out.write(bytes);
        } catch (IllegalStateException writerInUse) {
            // The application already asked for the writer; the body is UTF-8 text either way.
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            PrintWriter w = response.getWriter();
            w.write(new String(bytes, StandardCharsets.UTF_8));
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
            b.allow(List.of("OPTIONS"));
        }
        String accept = header.apply(HeaderNames.ACCEPT);
        ErrorFormat format = properties.problemDetails() && accept != null
                && AcceptPreference.prefersProblemDetails(Collections.enumeration(List.of(accept)))
                ? ErrorFormat.PROBLEM_DETAILS : formatForPath(path == null ? "/" : path);
        return prepare(b.build(), format, header, ids);
    }

    /**
     * A rendered error: status, the response headers to set (in order) and the body.
     *
     * @param status the HTTP status
     * @param headers header names and values, all validated
     * @param body the encoded error
     */
    public record ContainerError(int status, Map<String, String> headers, byte[] body) {
    }

    private ContainerError prepare(ContractException error, ErrorFormat format, Function<String, String> header,
            RequestCorrelation ids) {
        // The Partner API variant's messages are not localized (its documentation says so).
        Locale locale = format == ErrorFormat.PARTNER_API ? SupportedLocales.EN_US
                : localeResolver.resolve(header.apply(HeaderNames.X_LOCALE), header.apply(HeaderNames.ACCEPT_LANGUAGE));
        int status = error.status();
        // Content-Language names the language the text is really in: an application code without
        // a translation falls back to English, and then the whole body and header say en-US.
        LocalizedText description = describe(error, locale, ids);
        Locale language = description.locale();
        PartnerCenterError body = PartnerCenterError.builder()
                .code(error.code())
                .description(description.text())
                .data(error.data())
                .source(error.source().orElse(source))
                .build();
        byte[] bytes = writer.write(format, body, status, messages.reasonPhrase(status, language));
        Map<String, String> headers = new LinkedHashMap<>(error.headers());
        if (StatusCatalog.entry(status).header(HeaderNames.WWW_AUTHENTICATE).isPresent() && error.challenge().isEmpty()) {
            headers.put(HeaderNames.WWW_AUTHENTICATE, properties.challenge().toChallenge().toHeaderValue());
        }
        headers.put(HeaderNames.CONTENT_TYPE, format.contentType());
        headers.put(HeaderNames.CACHE_CONTROL, HeaderNames.NO_STORE);
        headers.put(HeaderNames.X_CONTENT_TYPE_OPTIONS, HeaderNames.NOSNIFF);
        headers.put(HeaderNames.CONTENT_LANGUAGE, language.toLanguageTag());
        headers.put(HeaderNames.MS_CORRELATION_ID, ids.correlationId());
        headers.put(HeaderNames.MS_REQUEST_ID, ids.requestId());
        return new ContainerError(status, Collections.unmodifiableMap(headers), bytes);
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
