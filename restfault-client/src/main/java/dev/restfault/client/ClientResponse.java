package dev.restfault.client;

import dev.restfault.core.http.HeaderNames;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Objects;

/**
 * A response that was not an error (status below 400), read fully into memory within the
 * client's byte cap and body timeout.
 *
 * <p>Immutable: {@link #body()} returns a copy.
 */
public final class ClientResponse {

    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;
    private final RequestContext request;

    ClientResponse(int status, HttpHeaders headers, byte[] body, RequestContext request) {
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = Objects.requireNonNull(body, "body");
        this.request = Objects.requireNonNull(request, "request");
    }

    /** The HTTP status, 100..399. */
    public int status() {
        return status;
    }

    /** The response headers, as received. */
    public HttpHeaders headers() {
        return headers;
    }

    /** A copy of the body bytes; empty, never null, when there was no body. */
    public byte[] body() {
        return body.clone();
    }

    /** The body length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /**
     * The body as text in the charset of {@code Content-Type}, UTF-8 when none or an unknown one
     * is declared; malformed bytes become U+FFFD.
     */
    public String bodyAsString() {
        return new String(body, ContentType.parse(headers.firstValue(HeaderNames.CONTENT_TYPE).orElse(null)).charset);
    }

    /** The request that got this response: its ids and which attempt succeeded. */
    public RequestContext request() {
        return request;
    }

    /** The request URI. */
    public URI uri() {
        return request.uri();
    }

    /** Status, length and request; never the body. */
    @Override
    public String toString() {
        return "ClientResponse{" + status + ", " + body.length + " bytes, " + request + "}";
    }
}
