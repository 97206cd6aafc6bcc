package dev.restfault.testkit.check;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One response to check: status, headers and body bytes, plus what the checker needs to know
 * about the request that provoked it (its method, the correlation ids, language and
 * {@code Accept} it sent).
 *
 * <p>The request facts are optional; without them the rules that depend on them (echoed ids,
 * {@code Content-Language} for a requested language, no body for {@code HEAD}, problem details
 * only when {@code Accept} preferred them, a 406 that lists more than the refused type) check
 * what they can from the response alone, or nothing. The body is copied on the way in and out. Immutable.
 */
public final class ObservedResponse {

    private final int status;
    private final ResponseHeaders headers;
    private final byte[] body;
    private final String requestMethod;
    private final String sentCorrelationId;
    private final String sentRequestId;
    private final Locale requestedLocale;
    private final String requestAccept;

    private ObservedResponse(Builder b) {
        this.status = b.status;
        this.headers = b.headers;
        this.body = b.body;
        this.requestMethod = b.requestMethod;
        this.sentCorrelationId = b.sentCorrelationId;
        this.sentRequestId = b.sentRequestId;
        this.requestedLocale = b.requestedLocale;
        this.requestAccept = b.requestAccept;
    }

    /**
     * A response without request facts.
     *
     * @param status the HTTP status, 100..599
     * @param headers the response headers; null means none
     * @param body the body; null means empty
     * @throws IllegalArgumentException if {@code status} is outside 100..599
     */
    public static ObservedResponse of(int status, ResponseHeaders headers, byte[] body) {
        return builder(status).headers(headers).body(body).build();
    }

    /**
     * A {@code java.net.http} response, with the method and the {@code MS-CorrelationId},
     * {@code MS-RequestId}, {@code X-Locale} and {@code Accept-Language} of the request it answers
     * (the first language range of {@code X-Locale}, else of {@code Accept-Language}: a malformed
     * or {@code *} range counts as none, and leaves the choice to the other header), and
     * its {@code Accept} (several fields joined with commas; a request without one counts as
     * {@code Accept: *}{@code /*}, as RFC 9110 §12.5.1 says).
     *
     * @throws NullPointerException if {@code response} is null
     */
    public static ObservedResponse of(HttpResponse<byte[]> response) {
        Objects.requireNonNull(response, "response");
        Builder b = builder(response.statusCode())
                .headers(ResponseHeaders.of(response.headers()))
                .body(response.body());
        HttpRequest request = response.request();
        if (request != null) {
            b.requestMethod(request.method());
            request.headers().firstValue("MS-CorrelationId").ifPresent(b::sentCorrelationId);
            request.headers().firstValue("MS-RequestId").ifPresent(b::sentRequestId);
            // As a server negotiates: an X-Locale that names no language leaves the choice to
            // Accept-Language.
            request.headers().firstValue("X-Locale").flatMap(ObservedResponse::firstLanguage)
                    .or(() -> request.headers().firstValue("Accept-Language").flatMap(ObservedResponse::firstLanguage))
                    .ifPresent(b::requestedLocale);
            List<String> accept = request.headers().allValues("Accept");
            b.requestAccept(accept.isEmpty() ? "" : String.join(", ", accept));
        }
        return b.build();
    }

    /**
     * @throws IllegalArgumentException if {@code status} is outside 100..599
     */
    public static Builder builder(int status) {
        return new Builder(status);
    }

    public int status() {
        return status;
    }

    public ResponseHeaders headers() {
        return headers;
    }

    /** A copy of the body; empty, never null. */
    public byte[] body() {
        return body.clone();
    }

    /** The body length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    byte[] bodyUnsafe() {
        return body;
    }

    /** The method of the request, upper case, if known. */
    public Optional<String> requestMethod() {
        return Optional.ofNullable(requestMethod);
    }

    /** The {@code MS-CorrelationId} the request carried, if known. */
    public Optional<String> sentCorrelationId() {
        return Optional.ofNullable(sentCorrelationId);
    }

    /** The {@code MS-RequestId} the request carried, if known. */
    public Optional<String> sentRequestId() {
        return Optional.ofNullable(sentRequestId);
    }

    /** The language the request asked for ({@code X-Locale} or {@code Accept-Language}), if any. */
    public Optional<Locale> requestedLocale() {
        return Optional.ofNullable(requestedLocale);
    }

    /**
     * The {@code Accept} the request sent, if known: the empty string when it sent none (which
     * RFC 9110 reads as any type), empty when unknown (then the rules that need it check nothing).
     */
    public Optional<String> requestAccept() {
        return Optional.ofNullable(requestAccept);
    }

    @Override
    public String toString() {
        return "ObservedResponse{status=" + status + ", headers=" + headers.names() + ", body=" + body.length + " bytes}";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ObservedResponse)) {
            return false;
        }
        ObservedResponse r = (ObservedResponse) o;
        return status == r.status && headers.equals(r.headers) && Arrays.equals(body, r.body)
                && Objects.equals(requestMethod, r.requestMethod)
                && Objects.equals(sentCorrelationId, r.sentCorrelationId)
                && Objects.equals(sentRequestId, r.sentRequestId)
                && Objects.equals(requestedLocale, r.requestedLocale)
                && Objects.equals(requestAccept, r.requestAccept);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body), requestMethod, sentCorrelationId, sentRequestId,
                requestedLocale, requestAccept);
    }

    /** The first language range of an {@code X-Locale} or {@code Accept-Language} value, if well formed. */
    static Optional<Locale> firstLanguage(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String first = header.split(",", 2)[0].split(";", 2)[0].trim().replace('_', '-');
        if (first.isEmpty() || first.equals("*") || first.length() > 64
                || !first.matches("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
            return Optional.empty();
        }
        return Optional.of(Locale.forLanguageTag(first));
    }

    /** Builds an {@link ObservedResponse}; not thread-safe. */
    public static final class Builder {
        private final int status;
        private ResponseHeaders headers = ResponseHeaders.empty();
        private byte[] body = new byte[0];
        private String requestMethod;
        private String sentCorrelationId;
        private String sentRequestId;
        private Locale requestedLocale;
        private String requestAccept;

        private Builder(int status) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be within 100..599, was " + status);
            }
            this.status = status;
        }

        /** The response headers; null means none. */
        public Builder headers(ResponseHeaders headers) {
            this.headers = headers == null ? ResponseHeaders.empty() : headers;
            return this;
        }

        /** The body bytes, copied; null means empty. */
        public Builder body(byte[] body) {
            this.body = body == null ? new byte[0] : body.clone();
            return this;
        }

        /** The request method; null means unknown. */
        public Builder requestMethod(String method) {
            this.requestMethod = method == null ? null : method.toUpperCase(Locale.ROOT);
            return this;
        }

        /** The {@code MS-CorrelationId} the request sent, valid or not; null means none. */
        public Builder sentCorrelationId(String id) {
            this.sentCorrelationId = id;
            return this;
        }

        /** The {@code MS-RequestId} the request sent, valid or not; null means none. */
        public Builder sentRequestId(String id) {
            this.sentRequestId = id;
            return this;
        }

        /** The language the request asked for; null means none. */
        public Builder requestedLocale(Locale locale) {
            this.requestedLocale = locale;
            return this;
        }

        /**
         * The {@code Accept} the request sent, as sent (several fields joined with commas). Null
         * (the default) means unknown: the checker then judges neither whether problem details
         * were wanted nor whether a 406 lists more than the refused types. The empty string means
         * the request sent no {@code Accept}, which RFC 9110 §12.5.1 reads as any type (so plain
         * JSON, not problem details, is expected). A malformed value is never an error: ranges
         * the checker cannot read count as absent. Values over 8192 characters are cut there.
         */
        public Builder requestAccept(String accept) {
            this.requestAccept = accept == null ? null : accept.length() > 8192 ? accept.substring(0, 8192) : accept;
            return this;
        }

        public ObservedResponse build() {
            return new ObservedResponse(this);
        }
    }
}
