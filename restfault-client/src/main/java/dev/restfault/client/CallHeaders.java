package dev.restfault.client;

import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.HeaderValues;
import dev.restfault.core.http.RequestIds;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The headers restfault adds to each logical call, whatever sends it ({@link RestfaultClient},
 * the Spring and OpenFeign integrations), and the {@link RequestContext} they make:
 * <ul>
 *   <li>{@code MS-RequestId}: the caller's if the request has one (it must be a GUID), else a
 *       new GUID unless {@link Builder#generateRequestIds(boolean) turned off}. Send the same
 *       value on every attempt of the call. Only a caller's id makes a non-idempotent request
 *       retryable ({@link RequestContext#requestIdSuppliedByCaller()});</li>
 *   <li>{@code MS-CorrelationId}: the caller's if set (a GUID), else a new GUID;</li>
 *   <li>{@code X-Locale} and {@code MS-Contract-Version}, when configured and the request does
 *       not set its own.</li>
 * </ul>
 *
 * <p>New ids are random (version 4) GUIDs from a strong generator that does no I/O once
 * seeded, so a call started on an event loop does not block it. Immutable and thread-safe;
 * share one per client.
 */
public final class CallHeaders {

    private static final CallHeaders DEFAULTS = builder().build();

    static {
        // Seed the id generator when the configuration is built, not on a first call's thread.
        RequestIds.generate();
    }

    private final Locale locale;
    private final String localeTag;
    private final String contractVersion;
    private final boolean generateRequestIds;

    private CallHeaders(Builder b) {
        this.locale = b.locale;
        this.localeTag = b.locale == null ? null : b.locale.toLanguageTag();
        this.contractVersion = b.contractVersion;
        this.generateRequestIds = b.generateRequestIds;
    }

    /** Ids generated, no {@code X-Locale}, no {@code MS-Contract-Version}. */
    public static CallHeaders defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The language sent as {@code X-Locale}, if any. */
    public Optional<Locale> locale() {
        return Optional.ofNullable(locale);
    }

    /** The value sent as {@code MS-Contract-Version}, if any. */
    public Optional<String> contractVersion() {
        return Optional.ofNullable(contractVersion);
    }

    /** Whether a call without an {@code MS-RequestId} gets a new one. */
    public boolean generatesRequestIds() {
        return generateRequestIds;
    }

    /**
     * Prepares a logical call: reads the ids the request already carries, validates them,
     * generates the missing ones and sets every header this object adds.
     *
     * @param method the request method
     * @param uri the request URI
     * @param header reads the first value of a request header, null when absent
     * @param setHeader sets (replaces) a request header
     * @return the context of the call's first attempt, with its ids
     * @throws IllegalArgumentException if the request carries an {@code MS-RequestId} or
     *     {@code MS-CorrelationId} that is not a GUID (the value is not echoed; nothing is set),
     *     or the method is not an HTTP token
     * @throws NullPointerException if an argument is null
     */
    public RequestContext apply(String method, URI uri, Function<String, String> header, BiConsumer<String, String> setHeader) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(setHeader, "setHeader");
        RequestContext base = RequestContext.of(method, uri);
        String requestId = header.apply(HeaderNames.MS_REQUEST_ID);
        if (requestId != null && !RequestIds.isValid(requestId)) {
            throw new IllegalArgumentException("MS-RequestId must be a GUID in 8-4-4-4-12 form");
        }
        boolean suppliedByCaller = requestId != null;
        if (requestId == null && generateRequestIds) {
            requestId = RequestIds.generate();
        }
        String correlationId = header.apply(HeaderNames.MS_CORRELATION_ID);
        if (correlationId != null && !RequestIds.isValid(correlationId)) {
            throw new IllegalArgumentException("MS-CorrelationId must be a GUID in 8-4-4-4-12 form");
        }
        if (correlationId == null) {
            correlationId = RequestIds.generate();
        }
        if (requestId != null) {
            setHeader.accept(HeaderNames.MS_REQUEST_ID, requestId);
        }
        setHeader.accept(HeaderNames.MS_CORRELATION_ID, correlationId);
        if (localeTag != null && header.apply(HeaderNames.X_LOCALE) == null) {
            setHeader.accept(HeaderNames.X_LOCALE, localeTag);
        }
        if (contractVersion != null && header.apply(HeaderNames.MS_CONTRACT_VERSION) == null) {
            setHeader.accept(HeaderNames.MS_CONTRACT_VERSION, contractVersion);
        }
        return (suppliedByCaller ? base.withRequestId(requestId) : base.withGeneratedRequestId(requestId))
                .withCorrelationId(correlationId);
    }

    @Override
    public String toString() {
        return "CallHeaders{" + (generateRequestIds ? "ids generated" : "no ids generated")
                + (localeTag == null ? "" : ", X-Locale " + localeTag)
                + (contractVersion == null ? "" : ", MS-Contract-Version " + contractVersion) + "}";
    }

    /** Builds {@link CallHeaders}; setters validate at once. Not thread-safe. */
    public static final class Builder {
        private Locale locale;
        private String contractVersion;
        private boolean generateRequestIds = true;

        private Builder() {
        }

        /**
         * Sends {@code X-Locale} with this language tag (Partner Center's locale header, which
         * wins over {@code Accept-Language}) unless a request sets its own; null (default) sends
         * none.
         *
         * @throws IllegalArgumentException if the locale has no language
         */
        public Builder locale(Locale locale) {
            if (locale != null && locale.getLanguage().isEmpty()) {
                throw new IllegalArgumentException("locale must have a language");
            }
            this.locale = locale;
            return this;
        }

        /**
         * Sends {@code MS-Contract-Version} with this value unless a request sets its own; null
         * (default) sends none.
         *
         * @throws IllegalArgumentException if it is empty, longer than 64 characters, has leading
         *     or trailing spaces, or holds CR, LF or another control character
         */
        public Builder contractVersion(String version) {
            if (version != null) {
                if (version.isEmpty() || version.length() > 64 || !HeaderValues.isSafe(version) || version.isBlank()
                        || !version.strip().equals(version)) {
                    throw new IllegalArgumentException("contractVersion must be 1..64 visible characters");
                }
            }
            this.contractVersion = version;
            return this;
        }

        /**
         * Whether to add a new {@code MS-RequestId} to calls that carry none; default true. A
         * generated id is for tracing: it never makes a POST or PATCH retryable.
         */
        public Builder generateRequestIds(boolean generate) {
            this.generateRequestIds = generate;
            return this;
        }

        public CallHeaders build() {
            return new CallHeaders(this);
        }
    }
}
