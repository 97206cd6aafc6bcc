package dev.restfault.client;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of an error response as it arrived, capped: the bytes, the media type and charset
 * from {@code Content-Type}, and the text decoded with that charset.
 *
 * <p>Guarantees: never holds more than the decoder's cap; {@link #truncated()} says whether the
 * body was longer (or stopped arriving, see {@link #timedOut()}); {@link #text()} never throws,
 * malformed bytes become U+FFFD. Immutable: {@link #bytes()} returns a copy.
 */
public final class RawBody {

    static final RawBody EMPTY = new RawBody(new byte[0], false, false, null, StandardCharsets.UTF_8, false);

    private final byte[] bytes;
    private final boolean truncated;
    private final boolean timedOut;
    private final String mediaType;
    private final Charset charset;
    private final boolean charsetDeclared;

    RawBody(byte[] bytes, boolean truncated, boolean timedOut, String mediaType, Charset charset, boolean charsetDeclared) {
        this.bytes = bytes;
        this.truncated = truncated || timedOut;
        this.timedOut = timedOut;
        this.mediaType = mediaType;
        this.charset = Objects.requireNonNull(charset, "charset");
        this.charsetDeclared = charsetDeclared;
    }

    /** A copy of the bytes kept (at most the cap). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** How many bytes were kept. */
    public int size() {
        return bytes.length;
    }

    /** Whether nothing was received (or kept). */
    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** Whether the body was longer than what is kept, or stopped arriving before its end. */
    public boolean truncated() {
        return truncated;
    }

    /** Whether the body stopped arriving and the client's body timeout cut it (implies truncated). */
    public boolean timedOut() {
        return timedOut;
    }

    /** The media type of {@code Content-Type}, lower case, without parameters; empty when absent. */
    public Optional<String> mediaType() {
        return Optional.ofNullable(mediaType);
    }

    /**
     * The charset of {@code Content-Type}, or UTF-8 when none (or an unknown one) was declared:
     * the contract's JSON is UTF-8, and gateways' HTML nowadays nearly always is.
     */
    public Charset charset() {
        return charset;
    }

    /** Whether {@code Content-Type} declared a charset this JVM knows. */
    public boolean charsetDeclared() {
        return charsetDeclared;
    }

    /**
     * The kept bytes as text in {@link #charset()}; malformed or unmappable input becomes
     * U+FFFD. A multi-byte character cut by the cap at the end also becomes U+FFFD. May hold
     * control characters and markup: escape it before showing it anywhere.
     */
    public String text() {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException impossible) {
            // REPLACE never reports; fall back anyway rather than throw from a getter.
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The bytes for the JSON reader: transcoded to UTF-8 when another charset was declared. */
    byte[] jsonBytes() {
        if (!charsetDeclared || charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)) {
            return bytes;
        }
        return text().getBytes(StandardCharsets.UTF_8);
    }

    byte[] unsafeBytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RawBody)) {
            return false;
        }
        RawBody r = (RawBody) o;
        return Arrays.equals(bytes, r.bytes) && truncated == r.truncated && timedOut == r.timedOut
                && Objects.equals(mediaType, r.mediaType) && charset.equals(r.charset);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(bytes), truncated, timedOut, mediaType, charset);
    }

    /**
     * Size, media type and flags; never the content. The media type is the peer's: shown on one
     * line without control characters (Latin-1 header values may carry C1 controls and tabs).
     */
    @Override
    public String toString() {
        return "RawBody{" + bytes.length + " bytes" + (mediaType == null ? "" : ", " + Safe.oneLine(mediaType, 100))
                + (charsetDeclared ? ", " + charset.name() : "")
                + (timedOut ? ", timed out" : truncated ? ", truncated" : "") + "}";
    }
}
