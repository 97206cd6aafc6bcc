package dev.restfault.server;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.AcceptHeader;
import dev.restfault.core.http.AuthChallenge;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.HeaderValues;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.LocaleResolver;
import dev.restfault.core.i18n.LocalizedText;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.Descriptions;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.ErrorWriter;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place where a server turns a failure into the contract error that answers it. Every
 * adapter (Spring MVC, WebFlux, Jakarta REST, a container's own error handler, a test server)
 * hands it the failure and the request's {@link RequestFacts}, and sends the {@link RenderedError}
 * it returns; the adapter decides no status, text or header of its own.
 *
 * <pre>{@code
 * ErrorRenderer renderer = ErrorRenderer.builder("orders-service")
 *         .challenge(AuthChallenge.oauth(cid))
 *         .translators(List.of(itemLocked))
 *         .build();
 * RenderedError error = renderer.render(failure, facts);   // or render(contractException, facts)
 * }</pre>
 *
 * <h2>What it decides, in one place each</h2>
 * <ul>
 *   <li><b>Negotiation</b>, once per request ({@link #negotiate}): the format is the one the
 *       application chose for the request, else problem details when enabled and the request's
 *       {@code Accept} prefers them, else the format of the longest matching {@link PathFormat},
 *       else the default format; the language is {@code X-Locale}, else {@code Accept-Language},
 *       among the supported locales, and always en-US for a format that is not localized (the
 *       Partner API's).</li>
 *   <li><b>Translation and logging</b> ({@link #resolve}): a {@link ContractException} thrown as
 *       it is wins over everything; then the application's translators in order; then a
 *       {@code ContractException} in the failure's cause chain (a framework wrapped it: one WARN
 *       line names the wrapper); then the built-in translators. A 5xx answer with a cause is one
 *       WARN line (the cause's stack trace at DEBUG); anything no one claims is a 500 logged once
 *       at ERROR with the ids, whose class, message and stack never reach the client.
 *       {@link #translate} answers the same without logging, for tools that describe a service's
 *       answers (an OpenAPI document).</li>
 *   <li><b>Errors that carry only a status</b> ({@link #statusError}), built by
 *       {@link StatusErrors}: a 405's {@code Allow} comes from the response the error replaces,
 *       else from the methods the path serves, else OPTIONS.</li>
 *   <li><b>Body and headers</b> ({@link #render(ContractException, ErrorRequest)}): the body is
 *       {@link ContractException#toError(LocalizedText, String)} in the negotiated format, the
 *       generic 500 text quoting the request id; then the error's own headers ({@code Retry-After},
 *       {@code Allow}, {@code ETag}...), the configured challenge on every 401 (beside an
 *       application's own challenge or one already on the response), {@code Content-Type},
 *       {@code Cache-Control: no-store}, {@code X-Content-Type-Options: nosniff},
 *       {@code Content-Language} (the language the description is really in) and the ids.</li>
 * </ul>
 *
 * <p>Cost: what depends on the configuration alone (the challenge's header value, the sorted path
 * formats, the locale resolver) is computed when it is built; a request costs its negotiation,
 * its body and one {@link RenderedError}. A body is encoded once for as long as the same error
 * keeps coming (the same text, status and format): the last bodies rendered, up to 2 KiB each,
 * are remembered in a bounded memo of 64 and reused, byte for byte what encoding them again would
 * give. Thread-safe; the renderer's configuration is immutable.
 */
public final class ErrorRenderer {

    /** The name of the logger used when none is given. */
    public static final String LOGGER_NAME = "dev.restfault.server.ErrorRenderer";

    private static final int MAX_UNWRAP = 16;
    /** Header lines a response may already carry that the renderer looks at, at most. */
    private static final int MAX_PRIOR_LINES = 16;
    /** Headers the contract sets on every error: an error's own header of the same name is dropped. */
    private static final List<String> CONTRACT_HEADERS = List.of(HeaderNames.CONTENT_TYPE, HeaderNames.CACHE_CONTROL,
            HeaderNames.X_CONTENT_TYPE_OPTIONS, HeaderNames.CONTENT_LANGUAGE, HeaderNames.MS_CORRELATION_ID,
            HeaderNames.MS_REQUEST_ID, "Content-Length", "Transfer-Encoding");
    private static final String OAUTH = "OAuth";

    private final String source;
    private final ContractMessages messages;
    private final BodyMemo bodies;
    private final ErrorFormat defaultFormat;
    private final PathFormat[] pathFormats;
    private final boolean problemDetails;
    private final LocaleResolver localeResolver;
    private final String challenge;
    private final ExceptionTranslator[] translators;
    private final ExceptionTranslator[] builtInTranslators;
    private final System.Logger log;
    // Negotiation reads the same few header values again and again: each read is remembered.
    private final HeaderMemo<Boolean> prefersProblem = new HeaderMemo<>(AcceptHeader::prefersProblemDetails);
    private final HeaderMemo<Optional<Locale>> fromXLocale;
    private final HeaderMemo<Optional<Locale>> fromAcceptLanguage;

    private ErrorRenderer(Builder b) {
        this.source = b.source;
        this.messages = b.messages;
        this.bodies = new BodyMemo(b.writer);
        this.defaultFormat = b.defaultFormat;
        List<PathFormat> sorted = new ArrayList<>(b.pathFormats.values());
        sorted.sort(Comparator.comparingInt((PathFormat f) -> f.prefix().length()).reversed());
        this.pathFormats = sorted.toArray(new PathFormat[0]);
        this.problemDetails = b.problemDetails;
        this.localeResolver = LocaleResolver.of(b.supportedLocales);
        this.fromXLocale = new HeaderMemo<>(localeResolver::fromXLocale);
        this.fromAcceptLanguage = new HeaderMemo<>(localeResolver::fromAcceptLanguage);
        this.challenge = b.challenge.toHeaderValue();
        this.translators = b.translators.toArray(new ExceptionTranslator[0]);
        this.builtInTranslators = b.builtInTranslators.toArray(new ExceptionTranslator[0]);
        this.log = b.log;
    }

    /**
     * A builder for a renderer whose errors name {@code source}, the service, when the thrower
     * named none.
     *
     * @throws IllegalArgumentException if {@code source} is null or {@linkplain Descriptions#isBlank blank}
     */
    public static Builder builder(String source) {
        return new Builder(source);
    }

    // ---------------------------------------------------------------- negotiation

    /**
     * Negotiates the format and language of the error for {@code request}, once; every other step
     * takes the {@link ErrorRequest} this returns.
     *
     * @throws NullPointerException if {@code request} is null
     */
    public ErrorRequest negotiate(RequestFacts request) {
        Objects.requireNonNull(request, "request");
        ErrorFormat format = request.chosenFormat().orElse(null);
        if (format == null) {
            format = problemDetails && prefersProblem.get(accept(request)) ? ErrorFormat.PROBLEM_DETAILS
                    : formatForPath(request.path());
        }
        return ErrorRequest.of(request, format, format.isLocalized() ? locale(request) : format.textLocale(null));
    }

    /** {@link LocaleResolver#resolve}, each header read once per distinct value. */
    private Locale locale(RequestFacts request) {
        Optional<Locale> chosen = fromXLocale.get(request.header(HeaderNames.X_LOCALE));
        if (chosen.isEmpty()) {
            chosen = fromAcceptLanguage.get(request.header(HeaderNames.ACCEPT_LANGUAGE));
        }
        return chosen.orElse(localeResolver.fallback());
    }

    /** The request's {@code Accept} lines as one value, bounded as {@link AcceptHeader} reads it. */
    private static String accept(RequestFacts request) {
        List<String> lines = request.headerLines(HeaderNames.ACCEPT);
        if (lines.size() <= 1) {
            return lines.isEmpty() ? null : lines.get(0);
        }
        StringBuilder joined = new StringBuilder();
        for (String line : lines) {
            if (joined.length() >= AcceptHeader.MAX_CHARS) {
                break;
            }
            if (line != null) {
                if (joined.length() > 0) {
                    joined.append(',');
                }
                joined.append(line, 0, Math.min(line.length(), AcceptHeader.MAX_CHARS - joined.length()));
            }
        }
        return joined.toString();
    }

    private ErrorFormat formatForPath(String path) {
        for (PathFormat f : pathFormats) {
            if (f.matches(path)) {
                return f.format();
            }
        }
        return defaultFormat;
    }

    // ---------------------------------------------------------------- translation

    /**
     * The contract error that answers {@code failure}: the failure itself when it is a
     * {@link ContractException}; else the first application translator's answer; else a
     * {@code ContractException} in its cause chain; else the first built-in translator's answer;
     * else the generic 500. Logs as the class comment says.
     *
     * @param failure not null; the adapter has unwrapped its own framework's wrappers
     * @throws NullPointerException if an argument is null
     */
    public ContractException resolve(Throwable failure, ErrorRequest request) {
        return resolve(failure, request, true);
    }

    /**
     * Like {@link #resolve}, for a failure the server has already logged with its stack trace (a
     * servlet container's error dispatch): an unexpected one is logged as one line that ties it to
     * the request's ids, without the stack trace again.
     */
    public ContractException resolveAlreadyLogged(Throwable failure, ErrorRequest request) {
        return resolve(failure, request, false);
    }

    /**
     * What {@link #resolve} answers to {@code failure}, in the same order, without logging
     * anything: the failure itself when it is a {@link ContractException}, else the first
     * application translator's answer, else a {@code ContractException} in its cause chain, else
     * the first built-in translator's answer; empty when none of them claims it (then
     * {@code resolve} answers the generic 500). A translator that throws counts as not knowing the
     * failure.
     *
     * <p>For tools that describe what a service answers rather than answer a request (an OpenAPI
     * document asks what a framework's 415 becomes): no log line is written for a request that
     * never happened.
     *
     * @param failure not null; the adapter has unwrapped its own framework's wrappers
     * @throws NullPointerException if an argument is null
     */
    public Optional<ContractException> translate(Throwable failure, ErrorRequest request) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(request, "request");
        return Optional.ofNullable(claim(failure, request, false));
    }

    private ContractException claim(Throwable failure, ErrorRequest request, boolean log) {
        // A ContractException thrown as it is comes first of all: no translator may replace an
        // answer the application chose. Then the application's translators; then a ContractException
        // a framework wrapped (thrown from a JSON creator, a converter, a proxy), which is still the
        // application's answer and beats restfault's translation of the wrapper ("malformed body");
        // then restfault's own translations.
        ContractException error = failure instanceof ContractException ? (ContractException) failure : null;
        if (error == null) {
            error = translate(translators, failure, request, log);
        }
        if (error == null) {
            error = wrappedContract(failure, request, log);
        }
        if (error == null) {
            error = translate(builtInTranslators, failure, request, log);
        }
        return error;
    }

    private ContractException resolve(Throwable failure, ErrorRequest request, boolean logStack) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(request, "request");
        ContractException error = claim(failure, request, true);
        RequestFacts facts = request.facts();
        if (error != null) {
            if (error.status() >= 500 && error.getCause() != null) {
                // A deliberate 5xx (an upstream failed, say) is routine: one line at WARN, the
                // cause's stack trace at DEBUG. Unexpected failures get ERROR and the stack.
                if (log.isLoggable(Level.WARNING)) {
                    log.log(Level.WARNING, facts.logLine() + " answered with " + error.status() + " " + error.code()
                            + idsOf(facts) + ": " + chain(error.getCause()));
                }
                if (log.isLoggable(Level.DEBUG)) {
                    log.log(Level.DEBUG, "Cause of the " + error.status() + " answered to " + facts.logLine(), error.getCause());
                }
            } else if (log.isLoggable(Level.DEBUG)) {
                log.log(Level.DEBUG, facts.logLine() + " answered with " + error.status() + " " + error.code());
            }
            return error;
        }
        if (logStack) {
            log.log(Level.ERROR, "Unexpected failure in " + facts.logLine() + idsOf(facts), failure);
        } else {
            log.log(Level.ERROR, "Unexpected failure in " + facts.logLine() + idsOf(facts) + ": "
                    + failure.getClass().getName() + ", logged by the server above");
        }
        return StatusErrors.of(500);
    }

    private ContractException wrappedContract(Throwable failure, ErrorRequest request, boolean logWrapper) {
        Throwable t = failure.getCause();
        for (int i = 1; i < MAX_UNWRAP && t != null && t != failure; i++, t = t.getCause()) {
            if (t instanceof ContractException) {
                ContractException found = (ContractException) t;
                // The wrapper is a framework's doing; one line says where the answer came from.
                if (logWrapper && log.isLoggable(Level.WARNING)) {
                    RequestFacts facts = request.facts();
                    log.log(Level.WARNING, facts.logLine() + ": a " + failure.getClass().getName()
                            + " wraps the ContractException " + found.status() + " " + found.code() + "; answered with it"
                            + idsOf(facts));
                }
                return found;
            }
        }
        return null;
    }

    private ContractException translate(ExceptionTranslator[] list, Throwable failure, ErrorRequest request, boolean logBroken) {
        for (ExceptionTranslator t : list) {
            try {
                Optional<ContractException> e = t.translate(failure, request);
                if (e != null && e.isPresent()) {
                    return e.get();
                }
            } catch (RuntimeException broken) {
                if (logBroken) {
                    log.log(Level.WARNING, "Exception translator " + t.getClass().getName() + " failed on "
                            + failure.getClass().getName(), broken);
                }
            }
        }
        return null;
    }

    private static String idsOf(RequestFacts facts) {
        CorrelationIds ids = facts.ids();
        return " (correlation id " + ids.correlationId() + ", request id " + ids.requestId() + ")";
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

    // ---------------------------------------------------------------- errors of a status alone

    /**
     * The error for {@code status} alone ({@code sendError(status)}, a status set without a body,
     * a container's refusal), from {@link StatusErrors}; a 405 allows the methods the response
     * already named in {@code Allow}, else those the path serves, else OPTIONS.
     *
     * @throws IllegalArgumentException if {@code status} is not within 400..599
     * @throws NullPointerException if {@code request} is null
     */
    public ContractException statusError(int status, RequestFacts request) {
        Objects.requireNonNull(request, "request");
        if (status != 405) {
            return StatusErrors.of(status);
        }
        List<String> allow = new ArrayList<>();
        for (String line : request.responseHeaderLines(HeaderNames.ALLOW)) {
            if (line != null) {
                for (String m : line.split(",")) {
                    if (!m.isBlank()) {
                        allow.add(m.trim());
                    }
                }
            }
        }
        return StatusErrors.methodNotAllowed(allow.isEmpty() ? request.allowedMethods() : allow);
    }

    // ---------------------------------------------------------------- rendering

    /** {@code render(resolve(failure, negotiate(request)), ...)}: the answer to a failure. */
    public RenderedError render(Throwable failure, RequestFacts request) {
        ErrorRequest negotiated = negotiate(request);
        return render(resolve(failure, negotiated), negotiated);
    }

    /** {@code render(error, negotiate(request))}. */
    public RenderedError render(ContractException error, RequestFacts request) {
        return render(error, negotiate(request));
    }

    /** {@code render(statusError(status, request), negotiate(request))}. */
    public RenderedError renderStatus(int status, RequestFacts request) {
        return render(statusError(status, request), negotiate(request));
    }

    /**
     * The response for {@code error}: status, headers and body, in the request's format and
     * language.
     *
     * @throws NullPointerException if an argument is null
     */
    public RenderedError render(ContractException error, ErrorRequest request) {
        Objects.requireNonNull(error, "error");
        RequestFacts facts = request.facts();
        ErrorFormat format = request.format();
        int status = error.status();
        // Content-Language names the language the text is really in: an application code without
        // a translation falls back to English, and then the whole body and header say en-US.
        LocalizedText description = describe(error, request.locale(), facts.ids());
        Locale language = description.locale();
        PartnerCenterError body = error.toError(description, source);
        String title = format == ErrorFormat.PROBLEM_DETAILS ? messages.reasonPhrase(status, language) : null;
        byte[] bytes = bodies.write(format, body, status, title);

        Map<String, String> own = error.headers();
        Headers headers = new Headers(own.size() + 8);
        boolean addChallenge = error.challenge().isEmpty()
                && StatusCatalog.entry(status).header(HeaderNames.WWW_AUTHENTICATE).isPresent();
        for (Map.Entry<String, String> h : own.entrySet()) {
            String name = h.getKey();
            if (isContractHeader(name) || addChallenge && name.equalsIgnoreCase(HeaderNames.WWW_AUTHENTICATE)) {
                continue;
            }
            headers.add(name, h.getValue());
        }
        if (addChallenge) {
            addChallenge(headers, applicationChallenge(own), facts);
        }
        headers.add(HeaderNames.CONTENT_TYPE, format.contentType());
        headers.add(HeaderNames.CACHE_CONTROL, HeaderNames.NO_STORE);
        headers.add(HeaderNames.X_CONTENT_TYPE_OPTIONS, HeaderNames.NOSNIFF);
        headers.add(HeaderNames.CONTENT_LANGUAGE, language.toLanguageTag());
        headers.add(HeaderNames.MS_CORRELATION_ID, facts.ids().correlationId());
        headers.add(HeaderNames.MS_REQUEST_ID, facts.ids().requestId());
        return headers.toError(status, bytes);
    }

    private static boolean isContractHeader(String name) {
        for (String contract : CONTRACT_HEADERS) {
            if (contract.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The configured challenge on a 401 that brought none of its own. An application's own
     * challenge (a Bearer realm from an {@code ErrorResponse}, say) is kept and the contract's added
     * beside it, in the same field: challenges form a comma-separated list. Challenges another
     * component already set on the response (Basic, from a security filter) are kept as they are,
     * with the contract's added in a line of its own, unless one of them is already OAuth.
     */
    private void addChallenge(Headers headers, String own, RequestFacts facts) {
        String value = own == null ? challenge : hasOAuth(own) ? own : own + ", " + challenge;
        List<String> prior = facts.responseHeaderLines(HeaderNames.WWW_AUTHENTICATE);
        boolean priorOAuth = false;
        int kept = 0;
        for (String line : prior) {
            if (kept == MAX_PRIOR_LINES) {
                break;
            }
            if (line != null && !line.isBlank() && HeaderValues.isSafe(line)) {
                headers.add(HeaderNames.WWW_AUTHENTICATE, line);
                priorOAuth |= hasOAuth(line);
                kept++;
            }
        }
        if (!priorOAuth) {
            headers.add(HeaderNames.WWW_AUTHENTICATE, value);
        }
    }

    private static boolean hasOAuth(String challenges) {
        return challenges.regionMatches(true, 0, OAUTH, 0, OAUTH.length())
                || AuthChallenge.find(challenges, OAUTH).isPresent();
    }

    /** A WWW-Authenticate the error carries as a plain header (from an ErrorResponse), else null. */
    private static String applicationChallenge(Map<String, String> own) {
        if (own.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, String> h : own.entrySet()) {
            if (h.getKey().equalsIgnoreCase(HeaderNames.WWW_AUTHENTICATE) && !h.getValue().isBlank()) {
                return h.getValue();
            }
        }
        return null;
    }

    private LocalizedText describe(ContractException error, Locale locale, CorrelationIds ids) {
        if (error.status() == 500 && error.description().isEmpty()
                && error.code().equals(StatusCatalog.entry(500).defaultCode())) {
            return messages.findLocalized(ContractMessages.INTERNAL_ERROR, locale, ids.requestId())
                    .orElseThrow(() -> new IllegalStateException("restfault's built-in texts are missing"));
        }
        return error.describe(messages, locale);
    }

    @Override
    public String toString() {
        return "ErrorRenderer[source=" + source + ", format=" + defaultFormat + ", locales=" + localeResolver.supported() + "]";
    }

    /** The header lines of one error, in order; grows as needed. Not thread-safe. */
    private static final class Headers {
        private String[] names;
        private String[] values;
        private int size;

        Headers(int capacity) {
            names = new String[capacity];
            values = new String[capacity];
        }

        void add(String name, String value) {
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size] = value;
            size++;
        }

        RenderedError toError(int status, byte[] body) {
            return new RenderedError(status, size == names.length ? names : Arrays.copyOf(names, size),
                    size == values.length ? values : Arrays.copyOf(values, size), body);
        }
    }

    /** Builds an {@link ErrorRenderer}; not thread-safe. Every setting has a default. */
    public static final class Builder {
        private final String source;
        private ContractMessages messages = ContractMessages.defaults();
        private ErrorWriter writer = ErrorWriter.standard();
        private ErrorFormat defaultFormat = ErrorFormat.PARTNER_CENTER;
        private final Map<String, PathFormat> pathFormats = new LinkedHashMap<>();
        private boolean problemDetails = true;
        private List<Locale> supportedLocales = SupportedLocales.ALL;
        private AuthChallenge challenge = AuthChallenge.of(OAUTH, Map.of());
        private List<ExceptionTranslator> translators = List.of();
        private List<ExceptionTranslator> builtInTranslators = List.of();
        private System.Logger log;

        private Builder(String source) {
            if (source == null || Descriptions.isBlank(source)) {
                // Every Partner Center error names the component that produced it; the writer
                // refuses a blank one, so refuse it here, at startup, not on every error.
                throw new IllegalArgumentException("source must name the service; it is blank");
            }
            this.source = source;
        }

        /** Where texts come from; by default {@link ContractMessages#defaults()}. */
        public Builder messages(ContractMessages messages) {
            this.messages = Objects.requireNonNull(messages, "messages");
            return this;
        }

        /** Encodes the errors; by default {@link ErrorWriter#standard()}. */
        public Builder writer(ErrorWriter writer) {
            this.writer = Objects.requireNonNull(writer, "writer");
            return this;
        }

        /**
         * The format served when neither the application, {@code Accept} nor a path format decides;
         * partner-center by default.
         *
         * @throws IllegalArgumentException if null or problem details (see {@link PathFormat#requireServable})
         */
        public Builder defaultFormat(ErrorFormat format) {
            this.defaultFormat = PathFormat.requireServable(format);
            return this;
        }

        /**
         * Adds a format served under a path prefix, replacing one with the same prefix.
         *
         * @throws NullPointerException if {@code pathFormat} is null
         */
        public Builder pathFormat(PathFormat pathFormat) {
            Objects.requireNonNull(pathFormat, "pathFormat");
            pathFormats.put(pathFormat.prefix(), pathFormat);
            return this;
        }

        /** Whether to answer with problem details when {@code Accept} prefers them; true by default. */
        public Builder problemDetails(boolean enabled) {
            this.problemDetails = enabled;
            return this;
        }

        /**
         * The languages errors are written in, the fallback first; en-US, fr-FR, ja-JP and zh-TW
         * by default.
         *
         * @throws IllegalArgumentException if null, empty, or a locale without a language
         */
        public Builder supportedLocales(List<Locale> locales) {
            LocaleResolver.of(locales); // validates
            this.supportedLocales = List.copyOf(locales);
            return this;
        }

        /**
         * The challenge of every 401 that brings none of its own; the bare {@code OAuth} scheme by
         * default (configure {@link AuthChallenge#oauth(String)} with the partner's cid).
         */
        public Builder challenge(AuthChallenge challenge) {
            this.challenge = Objects.requireNonNull(challenge, "challenge");
            return this;
        }

        /** The application's translators, asked first, in order. */
        public Builder translators(List<? extends ExceptionTranslator> translators) {
            this.translators = List.copyOf(translators);
            return this;
        }

        /**
         * The adapters' translations of their frameworks' exceptions, asked last, in order (after a
         * {@code ContractException} in the cause chain).
         */
        public Builder builtInTranslators(List<? extends ExceptionTranslator> translators) {
            this.builtInTranslators = List.copyOf(translators);
            return this;
        }

        /**
         * Where the renderer logs; by default {@code System.getLogger(}{@value #LOGGER_NAME}{@code )}.
         * An adapter passes its framework's logging (SLF4J for Spring) wrapped as a
         * {@link System.Logger}.
         */
        public Builder logger(System.Logger logger) {
            this.log = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /** The renderer. */
        public ErrorRenderer build() {
            if (log == null) {
                log = System.getLogger(LOGGER_NAME);
            }
            return new ErrorRenderer(this);
        }
    }
}
