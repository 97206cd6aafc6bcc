package dev.restfault.core.exception;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.http.AuthChallenge;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.HeaderValues;
import dev.restfault.core.http.RetryAfter;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.LocalizedText;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.Descriptions;
import dev.restfault.core.model.PartnerCenterError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The exception a server throws to answer with a contract error: it carries its status, its
 * error body and the headers the status calls for, like Spring's {@code ErrorResponse}.
 *
 * <pre>{@code
 * throw ContractException.notFound("Customer " + id + " does not exist.");
 * throw ContractException.conflict("domainTaken", "The domain is already taken.");
 * throw ContractException.tooManyRequests(Duration.ofSeconds(30));
 * throw ContractException.builder(409).code("domainTaken").arguments(domain).build(); // localized
 * }</pre>
 *
 * <p>The description is resolved when the error is rendered, in the request's language:
 * an explicit {@link Builder#description(String) description} is used as given; otherwise the
 * application's text for the {@link Builder#code(String) code} (see
 * {@link ContractMessages#describeCode}), formatted with the {@link Builder#arguments arguments};
 * otherwise the status's default description.
 *
 * <p>Created without a stack trace and without suppression: it is control flow, not a bug, and
 * creating one costs no more than an ordinary object. Its message is for logs only; restfault
 * never sends it to a client. Immutable.
 */
public final class ContractException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient StatusEntry entry;
    private final String code;
    private final String description;
    private final String messageKey;
    private final transient List<Object> arguments;
    private final transient List<PartnerCenterError> data;
    private final String source;
    private final transient Map<String, String> headers;
    private final transient Duration retryAfter;
    private final transient AuthChallenge challenge;
    private final transient Set<String> allow;
    private final String entityTag;

    private ContractException(Builder b) {
        // No message here: getMessage() builds it on demand, so creating an exception that is
        // rendered and never logged costs no string concatenation.
        super(null, b.cause, false, false);
        this.entry = b.entry;
        this.code = b.code != null ? b.code : b.entry.defaultCode();
        this.description = b.description;
        this.messageKey = b.messageKey;
        this.arguments = b.arguments == null ? List.of() : List.copyOf(b.arguments);
        this.data = b.data == null ? List.of() : List.copyOf(b.data);
        this.source = b.source;
        this.retryAfter = b.retryAfter;
        this.challenge = b.challenge;
        this.allow = b.allow == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(b.allow));
        this.entityTag = b.entityTag;
        if (b.headers == null && retryAfter == null && challenge == null && allow.isEmpty() && entityTag == null) {
            this.headers = Map.of();
            return;
        }
        Map<String, String> h = b.headers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(b.headers);
        if (retryAfter != null) {
            h.put(HeaderNames.RETRY_AFTER, RetryAfter.toHeaderValue(retryAfter));
        }
        if (challenge != null) {
            h.put(HeaderNames.WWW_AUTHENTICATE, challenge.toHeaderValue());
        }
        if (!allow.isEmpty()) {
            h.put(HeaderNames.ALLOW, String.join(", ", allow));
        }
        if (entityTag != null) {
            h.put(HeaderNames.ETAG, entityTag);
        }
        this.headers = Collections.unmodifiableMap(h);
    }

    /** {@code "404 notFound: description"}, for logs; built on demand. */
    @Override
    public String getMessage() {
        return entry.status() + " " + code + (description != null ? ": " + description : "");
    }

    /**
     * A builder for an error with {@code status}.
     *
     * @throws IllegalArgumentException if {@code status} is not within 400..599
     */
    public static Builder builder(int status) {
        return new Builder(StatusCatalog.entry(status));
    }

    /** 400 with a description. */
    public static ContractException badRequest(String description) {
        return builder(400).description(description).build();
    }

    /**
     * 400 with one {@code data} entry per violation, each naming the offending request element
     * in its {@code source}.
     */
    public static ContractException badRequest(String description, List<PartnerCenterError> violations) {
        return builder(400).description(description).data(violations).build();
    }

    /** 401 with the contract's challenge {@code OAuth realm="urn:cpsvc:cpid:{cid}"}. */
    public static ContractException unauthorized(String cid) {
        return builder(401).challenge(AuthChallenge.oauth(cid)).build();
    }

    /**
     * 401 without a challenge of its own: the server adds the one it is configured with, so
     * application code need not know the cid.
     */
    public static ContractException unauthorized() {
        return builder(401).build();
    }

    /** 403 with a description. */
    public static ContractException forbidden(String description) {
        return builder(403).description(description).build();
    }

    /** 404 with a description. */
    public static ContractException notFound(String description) {
        return builder(404).description(description).build();
    }

    /** 405 with the methods the resource supports, sent in {@code Allow}. */
    public static ContractException methodNotAllowed(Collection<String> allowedMethods) {
        return builder(405).allow(allowedMethods).build();
    }

    /**
     * 406 listing the media types that are available, one {@code data} entry each
     * ({@code code "availableMediaType"}, {@code source "Accept"}); the description is the
     * localized 406 text naming them.
     */
    public static ContractException notAcceptable(Collection<String> availableMediaTypes) {
        Builder b = builder(406);
        List<String> types = new ArrayList<>(availableMediaTypes);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("availableMediaTypes must not be empty");
        }
        for (String type : types) {
            b.addData(PartnerCenterError.of("availableMediaType", HeaderValues.requireSafe("media type", type), HeaderNames.ACCEPT));
        }
        return b.code("notAcceptable").messageKey(ContractMessages.NOT_ACCEPTABLE, String.join(", ", types)).build();
    }

    /** 409 with the code that tells which conflict happened, and a description. */
    public static ContractException conflict(String code, String description) {
        return builder(409).code(code).description(description).build();
    }

    /**
     * 412 with the resource's current entity tag in {@code ETag}.
     *
     * @param currentEntityTag such as {@code "\"v7\""}; null when the server does not know it
     */
    public static ContractException preconditionFailed(String currentEntityTag) {
        return builder(412).entityTag(currentEntityTag).build();
    }

    /**
     * 429 with {@code Retry-After}.
     *
     * @param retryAfter when to come back; null when the server does not know
     */
    public static ContractException tooManyRequests(Duration retryAfter) {
        return builder(429).retryAfter(retryAfter).build();
    }

    /**
     * 500 with the generic description. Wrap nothing here: the cause, if any, is for the log,
     * see {@link Builder#cause(Throwable)}.
     */
    public static ContractException internalServerError() {
        return builder(500).build();
    }

    /** 501 with a description. */
    public static ContractException notImplemented(String description) {
        return builder(501).description(description).build();
    }

    /** 502 with a description (never the upstream's body). */
    public static ContractException badGateway(String description) {
        return builder(502).description(description).build();
    }

    /**
     * 503 with {@code Retry-After}.
     *
     * @param retryAfter when to come back; null when the server does not know
     */
    public static ContractException serviceUnavailable(Duration retryAfter) {
        return builder(503).retryAfter(retryAfter).build();
    }

    /** 504 with a description. */
    public static ContractException gatewayTimeout(String description) {
        return builder(504).description(description).build();
    }

    /** The HTTP status. */
    public int status() {
        return entry.status();
    }

    /** The catalog entry of the status. */
    public StatusEntry entry() {
        return entry;
    }

    /** The error code: the one given, or the status's default. */
    public String code() {
        return code;
    }

    /** The explicit description, if one was given; otherwise it is resolved when rendered. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** Arguments for the localized text of the code. */
    public List<Object> arguments() {
        return arguments;
    }

    public List<PartnerCenterError> data() {
        return data;
    }

    /** The source, if the thrower named one; otherwise the server's configured name is used. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /**
     * Every header this error adds to the response, values validated: the extra headers, then
     * {@code Retry-After}, {@code WWW-Authenticate}, {@code Allow} and {@code ETag} when set.
     */
    public Map<String, String> headers() {
        return headers;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Optional<AuthChallenge> challenge() {
        return Optional.ofNullable(challenge);
    }

    /** The methods for {@code Allow}, for 405. */
    public Set<String> allow() {
        return allow;
    }

    public Optional<String> entityTag() {
        return Optional.ofNullable(entityTag);
    }

    /**
     * The error body, with the description resolved in {@code locale} as the class comment says.
     *
     * @param messages where localized texts come from
     * @param locale the response's language
     * @param defaultSource the server's name, used when the thrower named no source (or a blank one)
     */
    public PartnerCenterError toError(ContractMessages messages, Locale locale, String defaultSource) {
        return toError(describe(messages, locale), defaultSource);
    }

    /**
     * The error body with {@code description} as its description: what
     * {@link #toError(ContractMessages, Locale, String)} builds once the text is resolved, for a
     * server that also needs the text's language ({@code Content-Language}) or answers with a text
     * of its own (the generic 500 text quoting the request id).
     *
     * @param description the description, from {@link #describe} or the server's own
     * @param defaultSource the server's name, used when the thrower named no source (or a blank one)
     * @throws NullPointerException if {@code description} is null
     */
    public PartnerCenterError toError(LocalizedText description, String defaultSource) {
        Objects.requireNonNull(description, "description");
        return PartnerCenterError.builder()
                .code(code)
                .description(description.text())
                .data(data)
                .source(source != null && !Descriptions.isBlank(source) ? source : defaultSource)
                .build();
    }

    /** The description in {@code locale}: explicit, else the code's text, else the status default. */
    public String resolveDescription(ContractMessages messages, Locale locale) {
        return describe(messages, locale).text();
    }

    /**
     * The description in {@code locale}, with the language it is really in, for
     * {@code Content-Language}: an explicit description counts as written in {@code locale}
     * (restfault cannot know better); a text that fell back to English says en-US.
     *
     * @param locale null means en-US
     */
    public LocalizedText describe(ContractMessages messages, Locale locale) {
        Objects.requireNonNull(messages, "messages");
        Locale l = locale == null ? SupportedLocales.DEFAULT : locale;
        if (description != null) {
            return LocalizedText.of(description, l);
        }
        Object[] args = arguments.toArray();
        if (messageKey != null) {
            Optional<LocalizedText> keyed = messages.findLocalized(messageKey, l, args);
            if (keyed.isPresent()) {
                return keyed.get();
            }
        }
        return messages.describeCodeLocalized(code, l, args)
                .orElseGet(() -> messages.statusDescriptionLocalized(entry.status(), l));
    }

    /** Builds a {@link ContractException}; not thread-safe. */
    public static final class Builder {
        // Collections are allocated on first use: most exceptions need none of them.
        private final StatusEntry entry;
        private String code;
        private String description;
        private String messageKey;
        private List<Object> arguments;
        private List<PartnerCenterError> data;
        private String source;
        private Map<String, String> headers;
        private Duration retryAfter;
        private AuthChallenge challenge;
        private Set<String> allow;
        private String entityTag;
        private Throwable cause;

        private Builder(StatusEntry entry) {
            this.entry = entry;
        }

        /** The error code; non-blank. Defaults to the status's default code. */
        public Builder code(String code) {
            if (code == null || Descriptions.isBlank(code)) {
                throw new IllegalArgumentException("code must not be null or blank");
            }
            this.code = code;
            return this;
        }

        /** An explicit description, used as given in every language; non-empty. */
        public Builder description(String description) {
            if (description == null || description.isEmpty()) {
                throw new IllegalArgumentException("description must not be null or empty");
            }
            this.description = description;
            return this;
        }

        /**
         * A restfault or application text key (see {@link ContractMessages}) to describe the error
         * with, in the request's language, before the code's text and the status default.
         */
        public Builder messageKey(String key, Object... args) {
            this.messageKey = Objects.requireNonNull(key, "key");
            return arguments(args);
        }

        /** Arguments for the localized text ({@code {0}}, {@code {1}}...). */
        public Builder arguments(Object... args) {
            List<Object> list = new ArrayList<>(args.length);
            for (Object a : args) {
                list.add(Objects.requireNonNull(a, "arguments must not be null"));
            }
            this.arguments = list;
            return this;
        }

        /** The nested errors, replacing any added before; null means none. */
        public Builder data(List<PartnerCenterError> entries) {
            this.data = null;
            if (entries != null) {
                entries.forEach(this::addData);
            }
            return this;
        }

        public Builder addData(PartnerCenterError entry) {
            if (data == null) {
                data = new ArrayList<>();
            }
            data.add(Objects.requireNonNull(entry, "data entry"));
            return this;
        }

        /**
         * The component that produced the error; by default (and when null or blank) the server's
         * configured name.
         */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /**
         * An extra response header.
         *
         * @throws IllegalArgumentException if the name is not a token or the value holds CR, LF or
         *     another control character
         */
        public Builder header(String name, String value) {
            if (!HeaderValues.isToken(name)) {
                throw new IllegalArgumentException("header name must be a token");
            }
            if (headers == null) {
                headers = new LinkedHashMap<>();
            }
            headers.put(name, HeaderValues.requireSafe(name, value));
            return this;
        }

        /**
         * {@code Retry-After}; null means unknown.
         *
         * @throws IllegalArgumentException if negative or over {@link RetryAfter#MAX_DELAY}
         */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter == null ? null : RetryAfter.requireValid(retryAfter);
            return this;
        }

        /** The {@code WWW-Authenticate} challenge (401). */
        public Builder challenge(AuthChallenge challenge) {
            this.challenge = challenge;
            return this;
        }

        /**
         * The methods for {@code Allow} (405): tokens, kept in order, upper-cased.
         *
         * @throws IllegalArgumentException if one is not a token
         */
        public Builder allow(Collection<String> methods) {
            Set<String> set = new LinkedHashSet<>();
            for (String m : methods) {
                if (!HeaderValues.isToken(m)) {
                    throw new IllegalArgumentException("allowed method must be a token");
                }
                set.add(m.toUpperCase(Locale.ROOT));
            }
            this.allow = set;
            return this;
        }

        /**
         * The current entity tag for {@code ETag} (412); null means unknown.
         *
         * @throws IllegalArgumentException if it is not a quoted entity tag
         */
        public Builder entityTag(String tag) {
            this.entityTag = tag == null ? null : HeaderValues.requireEntityTag(tag);
            return this;
        }

        /** What caused the error, for the server's log; never sent to a client. */
        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        /**
         * @throws IllegalArgumentException if a 405 has no allowed methods
         */
        public ContractException build() {
            if (entry.status() == 405 && (allow == null || allow.isEmpty())) {
                throw new IllegalArgumentException("405 needs the allowed methods for the Allow header");
            }
            return new ContractException(this);
        }
    }
}
