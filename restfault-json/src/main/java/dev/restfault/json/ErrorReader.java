package dev.restfault.json;

import dev.restfault.json.ErrorBodyException.Reason;
import dev.restfault.json.implementation.BodyDecoder;
import dev.restfault.json.implementation.BoundedInputStream;
import dev.restfault.json.implementation.DecodeFailure;
import dev.restfault.json.implementation.Decoded;
import dev.restfault.json.implementation.SafeText;
import dev.restfault.json.implementation.StripedRecyclerPool;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

/**
 * The tolerant reader of error bodies in any of the known shapes, on Jackson 3 streaming.
 *
 * <p>It recognizes the shape from the members present (no {@code Content-Type} needed) by the
 * table of {@link BodyShape}, the same one the conformance checker judges bodies by: Partner
 * API {@code {"error":{...}}} or its error object sent without the wrapper; RFC 9457 problem
 * details (and, read as problem details to keep their status, frameworks' default bodies such as
 * Spring Boot's {@code {"timestamp","status","error","path"}}); Partner Center (and OAuth's
 * {@code {"error","error_description"}}, read as a code and a description); the gateway's
 * throttling body {@code {"statusCode":429,"message":"..."}}. {@link DecodedError#bodyShape()}
 * says which exactly.
 *
 * <p>Within an object it tolerates: {@code code} as a string or a number ({@code "code":1002} is
 * read as {@code "1002"}); {@code innerError} or {@code innererror}; {@code data} or
 * {@code details}, with plain strings as entries; unknown members (skipped; at the root kept as
 * problem extension members); members of an unexpected type (ignored); duplicate member names
 * (the last one wins, as in Jackson databind and JavaScript); a UTF-8 byte order mark (and
 * UTF-16/32 bodies, which Jackson detects); content after the root object (not read).
 *
 * <p>What it does not understand fails with {@link ErrorBodyException}, the only exception it
 * throws for any body (see {@link ErrorBodyException.Reason}): null, zero bytes or whitespace
 * ({@code EMPTY}); HTML, plain text, binary ({@code NOT_JSON}); broken JSON or invalid UTF-8
 * after a valid start ({@code MALFORMED}); JSON cut short ({@code TRUNCATED}); valid JSON that is
 * an array, a scalar, or an object without any error member ({@code NOT_AN_ERROR}); a
 * {@link ReaderLimits} bound exceeded, a number longer than {@value #MAX_NUMBER_LENGTH} digits,
 * or a bound of the error model exceeded ({@code LIMIT_EXCEEDED}); a failing stream
 * ({@code IO}). Every bound is enforced by the parser while it reads, so a hostile body costs
 * at most {@link ReaderLimits#maxDocumentBytes()} bytes of reading.
 *
 * <p>Immutable and thread-safe; {@link #standard()} is shared.
 */
public final class ErrorReader {

    /** Longest number, in characters, the reader accepts anywhere in a body. */
    public static final int MAX_NUMBER_LENGTH = 100;

    private static final ErrorReader STANDARD = new ErrorReader(ReaderLimits.defaults());

    private final ReaderLimits limits;
    private final JsonFactory factory;
    private final BodyDecoder decoder;

    private ErrorReader(ReaderLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .recyclerPool(StripedRecyclerPool.INSTANCE)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxDocumentLength(limits.maxDocumentBytes())
                        .maxStringLength(limits.maxStringLength())
                        .maxNameLength(limits.maxStringLength())
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                // The caller owns the stream it passes.
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
        this.decoder = new BodyDecoder(limits.maxEntries());
    }

    /** The shared reader with {@link ReaderLimits#defaults()}. */
    public static ErrorReader standard() {
        return STANDARD;
    }

    /**
     * A reader with other limits; create it once and share it.
     *
     * @throws NullPointerException if {@code limits} is null
     */
    public static ErrorReader create(ReaderLimits limits) {
        Objects.requireNonNull(limits, "limits");
        return limits.equals(ReaderLimits.defaults()) ? STANDARD : new ErrorReader(limits);
    }

    /** The limits this reader enforces. */
    public ReaderLimits limits() {
        return limits;
    }

    /**
     * Reads a whole body.
     *
     * @param body the body; null or empty is {@code EMPTY}
     * @throws ErrorBodyException if the body is not an error this reader understands
     */
    public DecodedError read(byte[] body) {
        if (body == null) {
            throw new ErrorBodyException(Reason.EMPTY, "no body", "");
        }
        return read(body, 0, body.length);
    }

    /**
     * Reads {@code length} bytes of {@code body} from {@code offset}.
     *
     * @throws ErrorBodyException if the body is not an error this reader understands; null or a
     *     zero length is {@code EMPTY}
     * @throws IndexOutOfBoundsException if {@code offset} and {@code length} do not describe a
     *     range of a non-null {@code body}: a bug of the caller, not a property of the body
     */
    public DecodedError read(byte[] body, int offset, int length) {
        if (body == null) {
            throw new ErrorBodyException(Reason.EMPTY, "no body", "");
        }
        Objects.checkFromIndexSize(offset, length, body.length);
        byte[] head = Arrays.copyOfRange(body, offset, offset + Math.min(length, headBytes()));
        if (length == 0) {
            throw new ErrorBodyException(Reason.EMPTY, "the body is empty", "");
        }
        if (length > limits.maxDocumentBytes()) {
            throw new ErrorBodyException(Reason.LIMIT_EXCEEDED,
                    "the body is " + length + " bytes, more than " + limits.maxDocumentBytes(), excerpt(head));
        }
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), body, offset, length)) {
            return decode(p, head, null, length);
        } catch (ErrorBodyException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(e, head, false, length);
        }
    }

    /**
     * Reads a body from a stream, pulling at most {@link ReaderLimits#maxDocumentBytes()} (plus
     * one byte to see the excess) from it: a longer body fails with {@code LIMIT_EXCEEDED}
     * before it has been read to its end. The stream is read up to the end of the root value
     * (the parser buffers, so possibly further) and is not closed.
     *
     * @param body the stream; null is {@code EMPTY}
     * @throws ErrorBodyException if the body is not an error this reader understands, or
     *     {@code IO} if the stream fails
     */
    public DecodedError read(InputStream body) {
        if (body == null) {
            throw new ErrorBodyException(Reason.EMPTY, "no body", "");
        }
        BoundedInputStream in = new BoundedInputStream(body, limits.maxDocumentBytes(), headBytes());
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), in)) {
            return decode(p, null, in, -1);
        } catch (ErrorBodyException e) {
            throw e;
        } catch (RuntimeException e) {
            // Includes what a caller's stream may throw unchecked: still only ErrorBodyException out.
            throw failure(e, in.head(), in.failed(), in.count());
        }
    }

    /**
     * @param head the first bytes of a byte-array body, or null for a stream
     * @param length the length of a byte-array body, or -1 for a stream
     */
    private DecodedError decode(JsonParser p, byte[] head, BoundedInputStream in, long length) {
        JsonToken first;
        try {
            first = p.nextToken();
        } catch (StreamConstraintsException | JacksonIOException | UnexpectedEndOfInputException e) {
            throw e;
        } catch (JacksonException e) {
            byte[] start = head != null ? head : in.head();
            long total = head != null ? length : in.count();
            if (start.length == total && onlyBomAndWhitespace(start)) {
                // A lone byte order mark is too short for Jackson's encoding detection.
                throw new DecodeFailure(Reason.EMPTY, "the body holds only a byte order mark and whitespace");
            }
            // The very first token is not JSON: HTML, plain text, binary.
            throw new DecodeFailure(Reason.NOT_JSON, "the body is not JSON");
        }
        if (first == null) {
            throw new DecodeFailure(Reason.EMPTY, "the body holds only whitespace");
        }
        if (first != JsonToken.START_OBJECT) {
            if (first.isScalarValue() && !followedByJson(p)) {
                // "404 page not found", "null pointer exception": text that happens to start
                // like a JSON number or literal.
                throw new DecodeFailure(Reason.NOT_JSON, "the body is not JSON");
            }
            throw new DecodeFailure(Reason.NOT_AN_ERROR, "the body is JSON but not an object");
        }
        Decoded d = decoder.decode(p);
        byte[] excerptBytes = head != null ? head : in.head();
        return new DecodedError(d.shape(), d.code(), d.description(), d.source(), d.data(), d.innerError(),
                d.statusCode(), d.partnerCenter(), d.partnerApi(), d.problem(), excerptBytes, limits.maxRawExcerpt());
    }

    /** Whether what follows a root scalar is JSON too (more values, or the end of the body). */
    private static boolean followedByJson(JsonParser p) {
        try {
            p.nextToken();
            return true;
        } catch (StreamConstraintsException | JacksonIOException | UnexpectedEndOfInputException e) {
            throw e;
        } catch (JacksonException e) {
            return false;
        }
    }

    private static boolean onlyBomAndWhitespace(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        for (; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * @param streamFailed whether the caller's stream itself threw: only then is a failure {@code IO};
     *     Jackson also reports some malformed bodies (an unsupported UCS-4 byte order) as I/O errors
     * @param total the bytes of the body (byte array) or read so far (stream): a parse error at
     *     that offset means the body ended too early
     */
    private ErrorBodyException failure(RuntimeException e, byte[] head, boolean streamFailed, long total) {
        String excerpt = excerpt(head);
        if (e instanceof DecodeFailure) {
            DecodeFailure f = (DecodeFailure) e;
            return new ErrorBodyException(f.reason(), f.getMessage(), excerpt);
        }
        if (e instanceof StreamConstraintsException) {
            return new ErrorBodyException(Reason.LIMIT_EXCEEDED,
                    "the body exceeds a reader limit (" + limits + ")", excerpt);
        }
        if (e instanceof UnexpectedEndOfInputException) {
            return new ErrorBodyException(Reason.TRUNCATED, "the JSON body ends before it is complete", excerpt);
        }
        if (e instanceof JacksonIOException) {
            Throwable cause = e.getCause();
            if (cause instanceof BoundedInputStream.LimitExceeded) {
                return new ErrorBodyException(Reason.LIMIT_EXCEEDED,
                        "the body is longer than " + limits.maxDocumentBytes() + " bytes", excerpt);
            }
            if (cause instanceof CharConversionException || !streamFailed) {
                return new ErrorBodyException(Reason.MALFORMED, "the body is not valid UTF-8/16/32 JSON", excerpt);
            }
            return new ErrorBodyException(Reason.IO, "reading the body failed: "
                    + (cause instanceof IOException ? "I/O error" : "stream error"), excerpt);
        }
        if (e instanceof JacksonException) {
            tools.jackson.core.TokenStreamLocation where = ((JacksonException) e).getLocation();
            if (where != null && where.getByteOffset() >= total) {
                return new ErrorBodyException(Reason.TRUNCATED, "the JSON body ends before it is complete", excerpt);
            }
        }
        if (streamFailed && e instanceof java.io.UncheckedIOException) {
            return new ErrorBodyException(Reason.IO, "reading the body failed: I/O error", excerpt);
        }
        if (e instanceof IllegalArgumentException) {
            // The model refused a value the decoder let through; the body is still only "not
            // understood", and the reader's contract is to throw nothing else.
            return new ErrorBodyException(Reason.NOT_AN_ERROR, "the body breaks a rule of the error model", excerpt);
        }
        if (e instanceof JacksonException) {
            return new ErrorBodyException(Reason.MALFORMED, "the body is not well-formed JSON", excerpt);
        }
        // Not expected from a valid body or an invalid one; the reader's contract still holds.
        return new ErrorBodyException(Reason.MALFORMED, "the body could not be decoded", excerpt);
    }

    /** Enough bytes for maxRawExcerpt characters: a character takes at most 4 bytes in UTF-8. */
    private int headBytes() {
        return (int) Math.min((long) limits.maxRawExcerpt() * 4, limits.maxDocumentBytes() + 1L);
    }

    private String excerpt(byte[] head) {
        return SafeText.excerpt(head, limits.maxRawExcerpt());
    }
}
