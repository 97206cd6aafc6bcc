package dev.restfault.testkit.check;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 validation of a body, as RFC 8259 §8.1 requires of JSON exchanged between systems:
 * UTF-8, without a byte order mark.
 *
 * <p>Why not leave it to the JSON parser: Jackson detects UTF-16 and UTF-32 from a BOM or NUL
 * bytes and decodes them, skips a UTF-8 BOM, and decodes overlong forms and code points above
 * U+10FFFF without complaint. The JDK's UTF-8 decoder with {@link CodingErrorAction#REPORT}
 * rejects every ill-formed sequence of the Unicode standard (table 3-7): overlong forms
 * ({@code C0 AF}, {@code E0 80 AF}, {@code F0 80 80 AF}), encoded surrogates ({@code ED A0 80}),
 * code points above U+10FFFF ({@code F4 90 80 80}, lead bytes {@code F5..FF}) and truncated
 * sequences.
 */
final class Utf8 {

    private Utf8() {
    }

    /** Whether {@code bytes} starts with a UTF-8, UTF-16 or UTF-32 byte order mark. */
    static boolean hasByteOrderMark(byte[] bytes) {
        return bom(bytes) != null;
    }

    private static String bom(byte[] b) {
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return "a UTF-32 (big-endian) body, with its byte order mark: JSON is UTF-8 (RFC 8259 §8.1)";
        }
        if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return "a UTF-32 (little-endian) body, with its byte order mark: JSON is UTF-8 (RFC 8259 §8.1)";
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return "a UTF-16 (big-endian) body, with its byte order mark: JSON is UTF-8 (RFC 8259 §8.1)";
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return "a UTF-16 (little-endian) body, with its byte order mark: JSON is UTF-8 (RFC 8259 §8.1)";
        }
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return "a UTF-8 byte order mark, which RFC 8259 §8.1 says must not be added";
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * What is wrong with {@code bytes} as the encoding of a JSON text, or null when they are
     * well-formed UTF-8 without a byte order mark or NUL byte (a NUL can appear in JSON only
     * escaped, so raw NUL bytes mean UTF-16 or UTF-32 without a BOM, or binary data).
     */
    static String problem(byte[] bytes) {
        String bom = bom(bytes);
        if (bom != null) {
            return bom;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                return "invalid UTF-8 at byte " + in.position() + " (" + hex(bytes, in.position(), r.length())
                        + "): an ill-formed, overlong or out-of-range sequence";
            }
            if (r.isUnderflow()) {
                r = decoder.flush(out);
                if (r.isError()) {
                    return "invalid UTF-8: the body ends inside a multi-byte sequence";
                }
                break;
            }
            out.clear(); // overflow: the text itself is not needed, only whether it decodes
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return "a NUL byte at byte " + i + ": the body is not UTF-8 JSON (UTF-16 or UTF-32 without a byte order mark?)";
            }
        }
        return null;
    }

    private static String hex(byte[] b, int from, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < Math.min(b.length, from + Math.max(1, Math.min(length, 4))); i++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format(java.util.Locale.ROOT, "%02X", b[i] & 0xFF));
        }
        return sb.toString();
    }

    /** The index of the first unpaired surrogate of {@code s}, or -1. */
    static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
