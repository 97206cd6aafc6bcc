package dev.restfault.spring;

import dev.restfault.core.http.AuthChallenge;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.server.PathFormat;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code restfault.*} configuration of the Spring Boot starter. Every property has a default
 * that suits the common case; none is required.
 *
 * <p>Values are checked when the application starts (an invalid challenge cid, an empty locale
 * list or a path prefix that does not start with {@code /} fails the start with a message naming
 * the property), so a misconfiguration never surfaces as a broken error response. Immutable.
 *
 * @param enabled Whether restfault renders errors at all; false leaves Spring Boot's own error
 *     handling in place
 * @param source The source member of every error body, the service's name; defaults to
 *     spring.application.name, or "service" when that is not set either
 * @param challenge The WWW-Authenticate challenge sent with every 401
 * @param format The error format served by default: partner-center or partner-api
 * @param formats Formats per path prefix, overriding the default format, such as
 *     restfault.formats[/v1/legacy]=partner-api; the longest matching prefix wins and a prefix
 *     matches whole path segments only
 * @param problemDetails Whether to answer with RFC 9457 application/problem+json when the request's
 *     Accept header prefers it over application/json
 * @param supportedLocales The languages errors are described in, the fallback first
 * @param validationDetails Whether a validation failure lists one data entry per violation (the
 *     description always says how many there are)
 * @param filterOrder The order of the servlet filter that assigns request ids and catches failures
 *     outside Spring MVC; it must run before Spring Security's filter chain (order -100)
 * @param unreadBody What happens to a request body still unread when an error is answered
 */
@ConfigurationProperties("restfault")
public record RestfaultProperties(
        @DefaultValue("true") boolean enabled,
        String source,
        @DefaultValue Challenge challenge,
        @DefaultValue("partner-center") ErrorFormat format,
        Map<String, ErrorFormat> formats,
        @DefaultValue("true") boolean problemDetails,
        @DefaultValue({"en-US", "fr-FR", "ja-JP", "zh-TW"}) List<Locale> supportedLocales,
        @DefaultValue("true") boolean validationDetails,
        @DefaultValue("-2147483638") int filterOrder,
        @DefaultValue UnreadBody unreadBody) {

    /** The order of the filter by default: just after Spring's character-encoding filter. */
    public static final int DEFAULT_FILTER_ORDER = Integer.MIN_VALUE + 10;

    /**
     * Checks and normalizes the values.
     *
     * @throws IllegalArgumentException naming the property whose value is not valid
     */
    public RestfaultProperties {
        challenge = challenge == null ? new Challenge(null) : challenge;
        unreadBody = unreadBody == null ? UnreadBody.DEFAULTS : unreadBody;
        try {
            // Problem details is negotiated per request; as a default it would hide the contract.
            format = PathFormat.requireServable(format == null ? ErrorFormat.PARTNER_CENTER : format);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("restfault.format must be partner-center or partner-api", invalid);
        }
        Map<String, ErrorFormat> copy = new LinkedHashMap<>();
        if (formats != null) {
            for (Map.Entry<String, ErrorFormat> e : formats.entrySet()) {
                PathFormat checked;
                try {
                    // The core's rule for a path format (a '/'-led prefix, a servable format), with
                    // the property named in the message.
                    checked = new PathFormat(e.getKey(), e.getValue());
                } catch (IllegalArgumentException invalid) {
                    throw new IllegalArgumentException("restfault.formats[" + e.getKey() + "]: " + invalid.getMessage(), invalid);
                }
                copy.put(checked.prefix(), checked.format());
            }
        }
        formats = Collections.unmodifiableMap(copy);
        supportedLocales = supportedLocales == null || supportedLocales.isEmpty() ? SupportedLocales.ALL : List.copyOf(supportedLocales);
        for (Locale l : supportedLocales) {
            if (l.getLanguage().isEmpty()) {
                throw new IllegalArgumentException("restfault.supported-locales must name languages, such as fr-FR");
            }
        }
    }

    /** The defaults: what an application without any {@code restfault.*} property gets. */
    public static RestfaultProperties defaults() {
        return new RestfaultProperties(true, null, null, ErrorFormat.PARTNER_CENTER, Map.of(), true,
                SupportedLocales.ALL, true, DEFAULT_FILTER_ORDER, UnreadBody.DEFAULTS);
    }

    /**
     * What happens to a request body still unread when an error is answered (a POST refused before
     * its body was parsed: wrong method, unsupported type, no token, rate limit). On HTTP/1.1 the
     * rest of the body is read and discarded, within both bounds, so the connection can carry the
     * client's next request; when the body is larger, slower, or cannot be read, the error says
     * {@code Connection: close} and the server closes the connection after it.
     *
     * @param drainLimit The most bytes of an unread request body read and discarded before an error
     *     is answered; a larger body (declared, or counted while reading) closes the connection. 0
     *     closes it after every error that leaves a body unread. Defaults to 2MB, Tomcat's
     *     maxSwallowSize: a body that size takes milliseconds on a network where connection reuse
     *     matters, and reading more would spend the server's bandwidth on a request already refused
     * @param drainTimeout The longest time spent reading an unread request body before an error is
     *     answered; a body that has not ended by then closes the connection. Defaults to 1s, which
     *     bounds the thread a slow or stalled client holds, and costs a client slower than 2MB a
     *     second only a new connection, never the answer
     */
    public record UnreadBody(@DefaultValue("2MB") DataSize drainLimit, @DefaultValue("1s") Duration drainTimeout) {

        /** 2 MiB and 1 second. */
        public static final UnreadBody DEFAULTS = new UnreadBody(DataSize.ofMegabytes(2), Duration.ofSeconds(1));

        /**
         * @throws IllegalArgumentException if the limit is negative or the timeout is not positive
         */
        public UnreadBody {
            drainLimit = drainLimit == null ? DataSize.ofMegabytes(2) : drainLimit;
            drainTimeout = drainTimeout == null ? Duration.ofSeconds(1) : drainTimeout;
            if (drainLimit.isNegative()) {
                throw new IllegalArgumentException("restfault.unread-body.drain-limit must be 0 or more bytes");
            }
            if (drainTimeout.isNegative() || drainTimeout.isZero()) {
                throw new IllegalArgumentException("restfault.unread-body.drain-timeout must be positive");
            }
        }
    }

    /**
     * The 401 challenge.
     *
     * @param cid The cid in the 401 challenge OAuth realm="urn:cpsvc:cpid:{cid}"; without it a 401
     *     carries the bare OAuth scheme
     */
    public record Challenge(String cid) {

        /** @throws IllegalArgumentException if {@code cid} is not a valid cid (CR, LF, quotes...) */
        public Challenge {
            if (cid != null && !cid.isEmpty()) {
                try {
                    AuthChallenge.oauth(cid);
                } catch (IllegalArgumentException invalid) {
                    throw new IllegalArgumentException("restfault.challenge.cid is not valid: " + invalid.getMessage(), invalid);
                }
            } else {
                cid = null;
            }
        }

        /** The challenge to send: {@code OAuth realm="urn:cpsvc:cpid:{cid}"}, or {@code OAuth}. */
        public AuthChallenge toChallenge() {
            return cid != null ? AuthChallenge.oauth(cid) : AuthChallenge.of("OAuth", Map.of());
        }
    }
}
