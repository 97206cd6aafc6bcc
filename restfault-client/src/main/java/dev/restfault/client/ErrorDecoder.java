package dev.restfault.client;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.RequestIds;
import dev.restfault.json.DecodedError;
import dev.restfault.json.ErrorBodyException;
import dev.restfault.json.ErrorReader;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns an error response (status, headers, body bytes) and the request it answered into a
 * {@link ContractErrorException}. No network involved: the client uses it after reading a
 * body, and it can be called directly on a response obtained some other way (or in a benchmark).
 *
 * <p>Guarantees, whatever the peer sent: {@code decode} returns an exception and never throws
 * one for the response's sake; every body shape decodes (the three contract formats, the
 * throttling body, HTML, text, empty, truncated or malformed JSON, any or no
 * {@code Content-Type}, a charset other than UTF-8); the kept body never exceeds
 * {@link #maxBodyBytes()}; malformed {@code Retry-After}, {@code WWW-Authenticate},
 * {@code Content-Language} or id headers are ignored, never trusted. Thread-safe and immutable.
 */
public final class ErrorDecoder {

    /** Default cap on the raw body kept (and parsed): 64 KiB, far above any real error body. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    private static final System.Logger LOG = System.getLogger(ErrorDecoder.class.getName());
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (n, v) -> true);
    private static final ErrorDecoder STANDARD = new ErrorDecoder(ErrorReader.standard(), DEFAULT_MAX_BODY_BYTES, Clock.systemUTC());

    private final ErrorReader reader;
    private final int maxBodyBytes;
    private final Clock clock;

    private ErrorDecoder(ErrorReader reader, int maxBodyBytes, Clock clock) {
        this.reader = reader;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    /** The standard reader with {@link #DEFAULT_MAX_BODY_BYTES}. */
    public static ErrorDecoder standard() {
        return STANDARD;
    }

    /**
     * A decoder with its own reader (limits) and body cap.
     *
     * @param reader the tolerant reader to use
     * @param maxBodyBytes the most body bytes kept and parsed, 1..64 MiB
     * @throws NullPointerException if {@code reader} is null
     * @throws IllegalArgumentException if {@code maxBodyBytes} is out of range
     */
    public static ErrorDecoder create(ErrorReader reader, int maxBodyBytes) {
        return create(reader, maxBodyBytes, Clock.systemUTC());
    }

    /** As {@link #create(ErrorReader, int)} with the clock HTTP-date {@code Retry-After} values are relative to. */
    public static ErrorDecoder create(ErrorReader reader, int maxBodyBytes, Clock clock) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(clock, "clock");
        if (maxBodyBytes < 1 || maxBodyBytes > 64 * 1024 * 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be within 1..67108864, was " + maxBodyBytes);
        }
        return new ErrorDecoder(reader, maxBodyBytes, clock);
    }

    /** The most body bytes kept and parsed. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Decodes a complete error response.
     *
     * @param status the HTTP status, 400..599
     * @param headers the response headers; null means none
     * @param body the body as received; null means empty. Only the first {@link #maxBodyBytes()}
     *     are kept (the exception's body is then marked truncated); the array is copied, not kept
     * @param request the request it answered; not null
     * @throws IllegalArgumentException if {@code status} is not 400..599
     * @throws NullPointerException if {@code request} is null
     */
    public ContractErrorException decode(int status, HttpHeaders headers, byte[] body, RequestContext request) {
        return decode(status, headers, body, false, request);
    }

    /**
     * As {@link #decode(int, HttpHeaders, byte[], RequestContext)}, for a body the caller already
     * cut: {@code truncated} marks it so.
     */
    public ContractErrorException decode(int status, HttpHeaders headers, byte[] body, boolean truncated,
            RequestContext request) {
        byte[] b = body == null ? new byte[0] : body;
        int len = Math.min(b.length, maxBodyBytes);
        return decodeOwned(status, headers, Arrays.copyOf(b, len), truncated || b.length > len, false, request);
    }

    /**
     * Decodes a response obtained with {@code java.net.http} directly. The request context comes
     * from {@code response.request()}: method, URI, and its {@code MS-RequestId} and
     * {@code MS-CorrelationId} when they are GUIDs (others are left out).
     *
     * @throws NullPointerException if {@code response} is null
     * @throws IllegalArgumentException if its status is not 400..599
     */
    public ContractErrorException decode(HttpResponse<byte[]> response) {
        Objects.requireNonNull(response, "response");
        HttpRequest req = response.request();
        RequestContext ctx = RequestContext.of(req.method(), req.uri())
                .withRequestId(req.headers().firstValue(HeaderNames.MS_REQUEST_ID).filter(RequestIds::isValid).orElse(null))
                .withCorrelationId(req.headers().firstValue(HeaderNames.MS_CORRELATION_ID).filter(RequestIds::isValid).orElse(null));
        return decode(response.statusCode(), response.headers(), response.body(), ctx);
    }

    /**
     * Decodes an error response that any HTTP library received: the transport-neutral entry point
     * (the Spring and OpenFeign integrations use it). The outcome is the same
     * {@link ContractErrorException} as the {@code java.net.http} client's for the same status,
     * headers and bytes.
     *
     * @param status the HTTP status, 400..599
     * @param headers the response headers as the library holds them ({@code java.net.http}'s
     *     {@code HttpHeaders.map()}, Spring's {@code HttpHeaders.asMultiValueMap()}, Feign's
     *     {@code Response.headers()}); walked once and copied, names matched without regard to
     *     case; null means none, null names and values are skipped
     * @param body the bytes received; null means empty. Only the first {@link #maxBodyBytes()}
     *     are kept (copied, not the array itself)
     * @param truncated whether the caller stopped reading before the body's end (a cap of its
     *     own, a connection that broke)
     * @param timedOut whether the body stopped arriving and the caller's body timeout cut it
     *     (implies truncated)
     * @param request the request it answered; not null
     * @throws IllegalArgumentException if {@code status} is not 400..599
     * @throws NullPointerException if {@code request} is null
     */
    public ContractErrorException decode(int status, Map<String, ? extends Collection<String>> headers, byte[] body,
            boolean truncated, boolean timedOut, RequestContext request) {
        byte[] b = body == null ? new byte[0] : body;
        int len = Math.min(b.length, maxBodyBytes);
        return decode(status, null, headers, Arrays.copyOf(b, len), truncated || b.length > len, timedOut, request);
    }

    /**
     * Reads an error body from a blocking stream and decodes the response, as
     * {@link #decode(int, Map, byte[], boolean, boolean, RequestContext)}: for transports that
     * hand the body over as an {@code InputStream} (Spring's {@code ClientHttpResponse},
     * Feign's {@code Response.Body}).
     *
     * <p>At most {@link #maxBodyBytes()} are read. Reading stops early, and the stream is then
     * closed so that the connection is dropped rather than drained, when the body is longer
     * (kept bytes marked truncated), when it breaks off (an {@code IOException}: the bytes so far
     * are kept, marked truncated) or when it is still arriving after {@code timeout} (the stream
     * is closed from a timer, which ends a blocked read; marked timed out), or ends before the
     * length its {@code Content-Length} announced (marked truncated). A 10 MB page or a
     * body that never ends costs at most the cap and the timeout. A stream read to its end is
     * left for the caller to close with its response.
     *
     * <p>{@code Content-Length} counts the bytes on the wire: when the headers carry a
     * {@code Content-Encoding} other than {@code identity} it is ignored and the stream read to
     * its end, since a transport that inflates the body may keep the compressed length (Feign's
     * default client does; Spring's {@code JdkClientHttpRequestFactory} drops both headers). The
     * timer runs for every stream but a {@code ByteArrayInputStream}, whatever its
     * {@code available()} says (a {@code GZIPInputStream}, which both of those hand over for a
     * compressed body, says 1 while its connection stalls).
     *
     * @param body the body; null means empty
     * @param timeout the longest time to read the body; positive (one too long to count in
     *     nanoseconds, such as {@code Duration.ofMillis(Long.MAX_VALUE)}, never expires)
     * @throws IllegalArgumentException if {@code status} is not 400..599 or {@code timeout} is not positive
     * @throws NullPointerException if {@code timeout} or {@code request} is null
     */
    public ContractErrorException decode(int status, Map<String, ? extends Collection<String>> headers, InputStream body,
            Duration timeout, RequestContext request) {
        StatusCatalog.entry(status);
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        // A HEAD response announces the length of a body it does not carry; an encoded one,
        // the length of bytes the stream may not be handing over (see above).
        long announced = request.method().equals("HEAD") ? -1 : announcedLength(headers);
        StreamPrefix read = body == null ? StreamPrefix.EMPTY : StreamPrefix.read(body, maxBodyBytes, timeout, announced);
        // Some streams (HttpURLConnection's) end quietly where the connection did, short of the
        // announced length: the body is cut all the same.
        boolean cut = read.truncated || announced > read.bytes.length;
        return decode(status, null, headers, read.bytes, cut, read.timedOut, request);
    }

    /**
     * A valid {@code Content-Length}, or -1: also when a {@code Content-Encoding} other than
     * {@code identity} is present, as the length then counts encoded bytes, not the stream's.
     */
    private static long announcedLength(Map<String, ? extends Collection<String>> headers) {
        if (headers == null) {
            return -1;
        }
        long length = -1;
        for (Map.Entry<String, ? extends Collection<String>> e : headers.entrySet()) {
            String name = e.getKey();
            Collection<String> values = e.getValue();
            if (name == null || values == null || values.isEmpty()) {
                continue;
            }
            if (name.equalsIgnoreCase("Content-Encoding")) {
                if (encoded(values)) {
                    return -1;
                }
            } else if (length < 0 && name.equalsIgnoreCase("Content-Length")) {
                length = parseLength(values.iterator().next());
            }
        }
        return length;
    }

    /** Whether any coding is listed other than {@code identity} (blank values list none). */
    private static boolean encoded(Collection<String> values) {
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String coding : value.split(",")) {
                String c = coding.strip();
                if (!c.isEmpty() && !c.equalsIgnoreCase("identity")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long parseLength(String value) {
        if (value == null || value.isEmpty() || value.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The client's path: {@code bytes} is owned (already capped), not copied. */
    ContractErrorException decodeOwned(int status, HttpHeaders headers, byte[] bytes, boolean truncated,
            boolean timedOut, RequestContext request) {
        return decode(status, headers == null ? NO_HEADERS : headers, null, bytes, truncated, timedOut, request);
    }

    /**
     * @param jdkHeaders immutable headers kept as they are, or null
     * @param otherHeaders any other transport's headers, copied while walked (used when
     *     {@code jdkHeaders} is null; null means none)
     * @param bytes owned, already capped
     */
    private ContractErrorException decode(int status, HttpHeaders jdkHeaders, Map<String, ? extends Collection<String>> otherHeaders,
            byte[] bytes, boolean truncated, boolean timedOut, RequestContext request) {
        StatusEntry entry = StatusCatalog.entry(status);
        Objects.requireNonNull(request, "request");
        Map<String, List<String>> snapshot = null;
        HeaderFacts facts;
        if (jdkHeaders != null) {
            facts = new HeaderFacts(jdkHeaders.map(), clock, null);
        } else {
            snapshot = HeaderFacts.newSnapshot();
            facts = new HeaderFacts(otherHeaders == null ? Map.of() : otherHeaders, clock, snapshot);
        }
        ContentType type = ContentType.parse(facts.contentType());
        RawBody raw = bytes.length == 0 && !truncated && !timedOut && type.mediaType == null
                ? RawBody.EMPTY : new RawBody(bytes, truncated, timedOut, type.mediaType, type.charset, type.charsetDeclared);

        DecodedError decoded = null;
        ErrorBodyException.Reason failure = null;
        try {
            byte[] json = raw.jsonBytes();
            decoded = reader.read(json, 0, json.length);
        } catch (ErrorBodyException e) {
            failure = e.reason();
        } catch (RuntimeException readerBug) {
            // The reader promises to throw only ErrorBodyException; decoding promises never to
            // throw for the peer's sake. Keep that promise and leave a trace for the bug report.
            LOG.log(System.Logger.Level.WARNING, "error body reader failed unexpectedly; body treated as malformed", readerBug);
            failure = ErrorBodyException.Reason.MALFORMED;
        }

        return new ContractErrorException(entry, jdkHeaders, snapshot, raw, decoded, failure, facts, request);
    }
}
