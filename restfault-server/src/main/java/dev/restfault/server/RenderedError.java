package dev.restfault.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A contract error ready to be sent: its status, its headers in order and its body, all decided by
 * the {@link ErrorRenderer}. An adapter only copies them to its framework's response:
 *
 * <ol>
 *   <li>remove the {@link #SUCCESS_ENTITY_HEADERS} the response may carry;</li>
 *   <li>set the {@link #status()};</li>
 *   <li>copy the header lines in order ({@link #copyHeaders}): a line that
 *       {@linkplain #continuesHeader(int) continues} the previous one's header is <em>added</em>, any
 *       other <em>replaces</em> what the response has under its name (a name appears more than once
 *       only for {@code WWW-Authenticate}, whose challenges another component set);</li>
 *   <li>set {@code Content-Length} to {@link #bodyLength()} and write the body ({@code HEAD}:
 *       headers only).</li>
 * </ol>
 *
 * <p>Every header value is validated (no CR, LF or other controls). Immutable: the body is never
 * handed out to be changed ({@link #body()} copies, {@link #bodyBuffer()} is read-only).
 */
public final class RenderedError {

    /**
     * Headers that describe the success response the application meant to send, not an error: an
     * adapter removes them from a response it turns into an error ({@code Set-Cookie} is kept, as
     * the application may have meant it whatever the outcome). A header the error sets itself
     * (the {@code ETag} of a 412) is set again after the removal.
     */
    public static final List<String> SUCCESS_ENTITY_HEADERS = List.of("Content-Encoding", "Content-Disposition",
            "Content-Range", "Content-Location", "Location", "ETag", "Last-Modified");

    private final int status;
    private final String[] names;
    private final String[] values;
    private final byte[] body;

    /**
     * Takes ownership of the header arrays, which nobody else holds. The body may be shared with
     * other errors the renderer gave (its memo of bodies): nothing ever writes into it.
     */
    RenderedError(int status, String[] names, String[] values, byte[] body) {
        this.status = status;
        this.names = names;
        this.values = values;
        this.body = body;
    }

    /** The HTTP status, 400..599. */
    public int status() {
        return status;
    }

    /** How many header lines there are. */
    public int headerCount() {
        return names.length;
    }

    /**
     * The name of header line {@code index}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < headerCount()}
     */
    public String headerName(int index) {
        return names[index];
    }

    /**
     * The value of header line {@code index}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < headerCount()}
     */
    public String headerValue(int index) {
        return values[index];
    }

    /**
     * Whether header line {@code index} continues the previous line's header (same name): an
     * adapter <em>adds</em> it to the response, where it <em>sets</em> (replaces) a line that does
     * not. Lines of one name are always adjacent.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < headerCount()}
     */
    public boolean continuesHeader(int index) {
        String name = names[index];
        return index > 0 && names[index - 1].equalsIgnoreCase(name);
    }

    /**
     * Copies the header lines to a framework's response, in order: {@code set} for a line that
     * replaces what the response has under its name, {@code add} for one that
     * {@linkplain #continuesHeader(int) continues} the previous line's header.
     *
     * <pre>{@code
     * error.copyHeaders(servletResponse::setHeader, servletResponse::addHeader);
     * }</pre>
     *
     * @throws NullPointerException if either is null
     */
    public void copyHeaders(BiConsumer<String, String> set, BiConsumer<String, String> add) {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(add, "add");
        for (int i = 0; i < names.length; i++) {
            (continuesHeader(i) ? add : set).accept(names[i], values[i]);
        }
    }

    /** The header lines in order, as an unmodifiable list of entries. */
    public List<Map.Entry<String, String>> headers() {
        return new AbstractList<>() {
            @Override
            public Map.Entry<String, String> get(int index) {
                return Map.entry(names[index], values[index]);
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }

    /** The first value of header {@code name} (case-insensitive); empty when the error has none. */
    public Optional<String> header(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return Optional.of(values[i]);
            }
        }
        return Optional.empty();
    }

    /** Every value of header {@code name} (case-insensitive), in order. */
    public List<String> headerValues(String name) {
        List<String> out = new ArrayList<>(1);
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                out.add(values[i]);
            }
        }
        return List.copyOf(out);
    }

    /** The body's length in bytes, for {@code Content-Length}. */
    public int bodyLength() {
        return body.length;
    }

    /**
     * Writes the body to {@code out}, which is not flushed or closed. {@code out} is handed the
     * rendered bytes themselves, without a copy: {@link OutputStream#write(byte[])} does not change
     * them.
     *
     * @throws IOException if {@code out} fails
     */
    public void writeBody(OutputStream out) throws IOException {
        out.write(body);
    }

    /** A copy of the body (UTF-8 JSON). */
    public byte[] body() {
        return body.clone();
    }

    /** The body as a read-only buffer over the rendered bytes: no copy. */
    public ByteBuffer bodyBuffer() {
        return ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenderedError other && status == other.status && Arrays.equals(names, other.names)
                && Arrays.equals(values, other.values) && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, Arrays.hashCode(names), Arrays.hashCode(values), Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "RenderedError[status=" + status + ", headers=" + headers() + ", body=" + body.length + " bytes]";
    }
}
