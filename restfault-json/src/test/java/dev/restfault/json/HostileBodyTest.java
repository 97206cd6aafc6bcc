package dev.restfault.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.restfault.core.model.Descriptions;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.ErrorBodyException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hostile-body corpus: every body yields a {@link DecodedError} or an
 * {@link ErrorBodyException}, never another exception, never a hang. The timeout is a hang
 * guard only, generous on purpose; it measures nothing.
 */
class HostileBodyTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    /** Defaults, and a reader with every limit opened up: the decoder itself must still be safe. */
    private static final ErrorReader STRICT = ErrorReader.standard();
    private static final ErrorReader OPEN = ErrorReader.create(ReaderLimits.builder()
            .maxDepth(Integer.MAX_VALUE)
            .maxDocumentBytes(64 * 1024 * 1024)
            .maxStringLength(Integer.MAX_VALUE)
            .build());

    /** The outcome of reading {@code body} both ways with {@code reader}: a reason, or null for a decoded error. */
    private static Reason outcome(ErrorReader reader, byte[] body) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            Reason fromBytes = readBytes(reader, body);
            Reason fromStream = readStream(reader, body);
            assertThat(fromStream).as("stream and byte[] agree").isEqualTo(fromBytes);
            return fromBytes;
        });
    }

    private static Reason readBytes(ErrorReader reader, byte[] body) {
        try {
            DecodedError d = reader.read(body);
            d.rawExcerpt();
            return null;
        } catch (ErrorBodyException e) {
            assertThat(e.rawExcerpt()).isNotNull();
            assertThat(e.rawExcerpt().chars().noneMatch(c -> Character.isISOControl(c))).isTrue();
            return e.reason();
        }
        // Any other exception escapes and fails the test.
    }

    private static Reason readStream(ErrorReader reader, byte[] body) {
        try {
            reader.read(new ByteArrayInputStream(body));
            return null;
        } catch (ErrorBodyException e) {
            return e.reason();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    /** {@code prefix}, then {@code n} times 'x', then {@code suffix}, built without a 10 MB String. */
    private static byte[] filled(String prefix, int n, String suffix) {
        byte[] p = bytes(prefix);
        byte[] s = bytes(suffix);
        byte[] out = new byte[p.length + n + s.length];
        System.arraycopy(p, 0, out, 0, p.length);
        Arrays.fill(out, p.length, p.length + n, (byte) 'x');
        System.arraycopy(s, 0, out, p.length + n, s.length);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- deep nesting

    @Test
    void deepNesting100kArraysAndObjects() {
        int n = 100_000;
        byte[] arrays = bytes("[".repeat(n) + "]".repeat(n));
        byte[] objects = bytes("{\"a\":".repeat(n) + "1" + "}".repeat(n));
        byte[] inUnknownMember = bytes("{\"code\":\"c\",\"description\":\"d\",\"x\":" + "[".repeat(n) + "]".repeat(n) + "}");
        byte[] inData = bytes("{\"code\":\"c\",\"description\":\"d\",\"data\":" + "[".repeat(n) + "]".repeat(n) + "}");
        byte[] unclosed = bytes("{\"x\":" + "[".repeat(n));
        StringBuilder dataChain = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            dataChain.append("{\"code\":\"c\",\"description\":\"d\",\"data\":[");
        }
        byte[] dataNesting = bytes(dataChain.toString());
        StringBuilder innerChain = new StringBuilder("{\"error\":{\"code\":\"c\",\"message\":\"m\",\"innerError\":");
        for (int i = 0; i < 20_000; i++) {
            innerChain.append("{\"code\":\"c\",\"innererror\":");
        }
        byte[] innerNesting = bytes(innerChain.toString());

        // A root array is not an error: the reader stops at its first token.
        assertThat(outcome(STRICT, arrays)).isEqualTo(Reason.NOT_AN_ERROR);
        for (byte[] body : new byte[][] {objects, inUnknownMember, inData, unclosed, dataNesting, innerNesting}) {
            assertThat(outcome(STRICT, body)).isEqualTo(Reason.LIMIT_EXCEEDED);
        }
        assertThat(outcome(OPEN, arrays)).isEqualTo(Reason.NOT_AN_ERROR);
        assertThat(outcome(OPEN, objects)).isEqualTo(Reason.NOT_AN_ERROR);
        assertThat(outcome(OPEN, inUnknownMember)).isNull();
        assertThat(outcome(OPEN, inData)).isNull();
        assertThat(outcome(OPEN, unclosed)).isEqualTo(Reason.TRUNCATED);
        // Data and inner errors nest no deeper than the model allows, whatever the JSON depth limit.
        assertThat(outcome(OPEN, dataNesting)).isEqualTo(Reason.LIMIT_EXCEEDED);
        assertThat(outcome(OPEN, innerNesting)).isEqualTo(Reason.LIMIT_EXCEEDED);
    }

    // ---------------------------------------------------------------- huge strings

    @Test
    void tenMegabyteStrings() {
        int big = 10 * 1024 * 1024;
        byte[] inDescription = filled("{\"code\":\"c\",\"description\":\"", big, "\"}");
        byte[] inUnknown = filled("{\"code\":\"c\",\"description\":\"d\",\"blob\":\"", big, "\"}");
        byte[] asName = filled("{\"", big, "\":1,\"code\":\"c\",\"description\":\"d\"}");
        byte[] asCode = filled("{\"code\":\"", big, "\",\"description\":\"d\"}");
        byte[] unterminated = filled("{\"code\":\"c\",\"description\":\"", big, "");
        for (byte[] body : new byte[][] {inDescription, inUnknown, asName, asCode, unterminated}) {
            assertThat(outcome(STRICT, body)).isEqualTo(Reason.LIMIT_EXCEEDED);
        }
        // With limits opened up the reader stays tolerant, and the model bounds the result.
        DecodedError cut = OPEN.read(inDescription);
        assertThat(cut.description().orElseThrow().length()).isEqualTo(Descriptions.MAX_LENGTH);
        assertThat(cut.description().orElseThrow().endsWith(Descriptions.CUT_MARK)).isTrue();
        assertThat(cut.partnerCenter().orElseThrow().description()).isEqualTo(cut.description().orElseThrow());
        assertThat(OPEN.read(asCode).code().orElseThrow().length()).isEqualTo(1024);
        assertThat(outcome(OPEN, inUnknown)).isNull();
        assertThat(outcome(OPEN, asName)).isNull();
        assertThat(outcome(OPEN, unterminated)).isEqualTo(Reason.TRUNCATED);
    }

    // ---------------------------------------------------------------- invalid UTF-8

    @Test
    void invalidUtf8() {
        byte[][] invalid = {
            {(byte) 0xC3, 0x28},                                  // bad continuation
            {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD},              // never valid
            {(byte) 0xC0, (byte) 0xAF},                           // overlong '/'
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},              // UTF-8 encoded surrogate
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            {(byte) 0xE6, (byte) 0x97},                           // cut multi-byte sequence
            {(byte) 0x80},                                        // lone continuation byte
        };
        for (byte[] bad : invalid) {
            byte[] inDescription = concat(bytes("{\"code\":\"c\",\"description\":\"a"), bad, bytes("b\"}"));
            byte[] inUnknown = concat(bytes("{\"code\":\"c\",\"description\":\"d\",\"x\":\""), bad, bytes("\"}"));
            byte[] inName = concat(bytes("{\""), bad, bytes("\":1,\"code\":\"c\",\"description\":\"d\"}"));
            byte[] atStart = concat(bad, bytes("{\"code\":\"c\"}"));
            for (byte[] body : new byte[][] {inDescription, inUnknown, inName, atStart}) {
                Reason r = outcome(STRICT, body);
                // A broken multi-byte sequence may swallow a quote, so the body then ends early.
                assertThat(r).as("%s", Arrays.toString(body)).isIn(Reason.MALFORMED, Reason.NOT_JSON, Reason.TRUNCATED,
                        null);
            }
            // Inside a value, broken bytes fail the body, or (for the sequences Jackson decodes
            // leniently) leave well-formed text: never a lone surrogate.
            if (outcome(STRICT, inDescription) == null) {
                String d = STRICT.read(inDescription).description().orElseThrow();
                assertThat(d.chars().noneMatch(c -> Character.isSurrogate((char) c) && !isPaired(d, c)))
                        .as("well-formed: %s", d).isTrue();
            }
            assertThat(outcome(STRICT, atStart)).isEqualTo(Reason.NOT_JSON);
        }
    }

    private static boolean isPaired(String s, int unit) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == unit) {
                return Character.isHighSurrogate(s.charAt(i))
                        ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- numbers

    @Test
    void numbersWithTenThousandDigits() {
        String digits = "9".repeat(10_000);
        String[] bodies = {
            "{\"code\":" + digits + ",\"description\":\"d\"}",
            "{\"code\":\"c\",\"description\":\"d\",\"n\":" + digits + "}",
            "{\"code\":\"c\",\"description\":\"d\",\"n\":-" + digits + "." + digits + "}",
            "{\"code\":\"c\",\"description\":\"d\",\"n\":1e" + digits + "}",
            "{\"type\":\"about:blank\",\"status\":" + digits + "}",
            "{\"statusCode\":" + digits + ",\"message\":\"m\"}",
            digits,
        };
        for (String body : bodies) {
            assertThat(outcome(STRICT, bytes(body))).isEqualTo(Reason.LIMIT_EXCEEDED);
        }
        // Big but within limits: kept as text, or dropped where a status is expected.
        assertThat(STRICT.read(bytes("{\"code\":1e999999,\"description\":\"d\"}")).code()).contains("1e999999");
        assertThat(STRICT.read(bytes("{\"statusCode\":123456789012345678901234567890,\"message\":\"m\"}"))
                .statusCode()).isEmpty();
        assertThat(STRICT.read(bytes("{\"type\":\"about:blank\",\"status\":-404}")).statusCode()).isEmpty();
    }

    // ---------------------------------------------------------------- duplicate keys

    @Test
    void duplicateKeys() {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 50_000; i++) {
            many.append("\"code\":\"c").append(i).append("\",");
        }
        many.append("\"description\":\"d\"}");
        assertThat(STRICT.read(bytes(many.toString())).code()).contains("c49999");

        StringBuilder lists = new StringBuilder("{\"code\":\"c\",\"description\":\"d\"");
        for (int i = 0; i < 100; i++) {
            lists.append(",\"data\":[").append("\"e\",".repeat(255)).append("\"last").append(i).append("\"]");
        }
        lists.append('}');
        DecodedError d = STRICT.read(bytes(lists.toString()));
        assertThat(d.data()).hasSize(256);
        assertThat(d.data().get(255)).isEqualTo(PartnerCenterError.of("c", "last99", ""));

        StringBuilder ext = new StringBuilder("{\"type\":\"about:blank\"");
        for (int i = 0; i < 5_000; i++) {
            ext.append(",\"x").append(i).append("\":\"v\"");
        }
        ext.append('}');
        assertThat(STRICT.read(bytes(ext.toString())).problem().orElseThrow().extensions()).hasSize(256);
        assertThat(STRICT.read(bytes("{\"error\":{\"code\":\"a\",\"message\":\"m\"},\"error\":{\"code\":\"b\",\"message\":\"n\"}}"))
                .code()).contains("b");
    }

    // ---------------------------------------------------------------- byte order marks

    @Test
    void byteOrderMarks() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = bytes("{\"code\":\"c\",\"description\":\"d\"}");
        assertThat(outcome(STRICT, concat(bom, body))).isNull();
        assertThat(outcome(STRICT, concat(bom, bom, body))).isEqualTo(Reason.NOT_JSON);
        assertThat(outcome(STRICT, bom)).isEqualTo(Reason.EMPTY);
        assertThat(outcome(STRICT, concat(bom, bytes("  \n")))).isEqualTo(Reason.EMPTY);
        assertThat(outcome(STRICT, concat(bytes("{\"code\":\"c\","), bom, bytes("\"description\":\"d\"}"))))
                .isEqualTo(Reason.MALFORMED);
        assertThat(outcome(STRICT, concat(bytes("{\"code\":\"c\",\"description\":\""), bom, bytes("d\"}")))).isNull();
        assertThat(outcome(STRICT, "\uFEFF{\"code\":\"c\",\"description\":\"d\"}".getBytes(Charset.forName("UTF-16LE"))))
                .isNull();
        assertThat(outcome(STRICT, "\uFEFF{\"code\":\"c\",\"description\":\"d\"}".getBytes(Charset.forName("UTF-32BE"))))
                .isNull();
        assertThat(outcome(STRICT, new byte[] {(byte) 0xFE, (byte) 0xFF})).isIn(Reason.EMPTY, Reason.NOT_JSON);
        assertThat(outcome(STRICT, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0})).isIn(Reason.EMPTY, Reason.NOT_JSON,
                Reason.MALFORMED);
    }

    // ---------------------------------------------------------------- NUL bytes

    @Test
    void nulBytes() {
        assertThat(outcome(STRICT, new byte[] {0})).isIn(Reason.NOT_JSON, Reason.EMPTY);
        assertThat(outcome(STRICT, new byte[1024])).isIn(Reason.NOT_JSON, Reason.EMPTY, Reason.MALFORMED);
        assertThat(outcome(STRICT, concat(new byte[] {0}, bytes("{\"code\":\"c\"}")))).isIn(Reason.NOT_JSON,
                Reason.MALFORMED);
        assertThat(outcome(STRICT, bytes("{\"code\":\"c\u0000\",\"description\":\"d\"}"))).isEqualTo(Reason.MALFORMED);
        assertThat(outcome(STRICT, bytes("{\"code\":\"c\",\u0000\"description\":\"d\"}"))).isEqualTo(Reason.MALFORMED);
        assertThat(outcome(STRICT, bytes("{\"code\":\"c\",\"description\":\"d\"}\u0000\u0000"))).isNull();
        // An escaped NUL is valid JSON: kept in the value, escaped again when written.
        DecodedError d = STRICT.read(bytes("{\"code\":\"c\",\"description\":\"a\\u0000b\"}"));
        assertThat(d.description()).contains("a\u0000b");
        // (The body named no source; written back, the error must name one.)
        assertThat(new String(ErrorWriter.standard().writePartnerCenter(
                d.partnerCenter().orElseThrow().toBuilder().source("upstream").build()), UTF_8))
                .contains("a\\u0000b");
    }

    // ---------------------------------------------------------------- fuzz

    @Test
    void randomBytesAndMutatedBodiesNeverEscapeTheContract() {
        byte[][] seeds = {
            bytes("{\"code\":1002,\"description\":\"Primary domain is invalid.\",\"data\":[],\"source\":\"PartnerFD\"}"),
            bytes("{\"error\":{\"code\":\"c\",\"message\":\"m\",\"innererror\":{\"code\":\"x\"},\"details\":[{\"code\":\"d\"}]}}"),
            bytes("{\"type\":\"about:blank\",\"title\":\"t\",\"status\":404,\"data\":[{\"code\":\"a\",\"description\":\"b\"}]}"),
            bytes("{\"statusCode\":429,\"message\":\"Rate limit is exceeded.\"}"),
        };
        long seed = Long.getLong("restfault.seed", System.nanoTime());
        SplittableRandom r = new SplittableRandom(seed);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 1500; i++) {
                byte[] body;
                if (i % 4 == 0) {
                    body = new byte[r.nextInt(64)];
                    for (int j = 0; j < body.length; j++) {
                        body[j] = (byte) r.nextInt(256);
                    }
                } else {
                    body = seeds[r.nextInt(seeds.length)].clone();
                    int mutations = 1 + r.nextInt(4);
                    for (int m = 0; m < mutations; m++) {
                        switch (r.nextInt(3)) {
                            case 0:
                                body[r.nextInt(body.length)] = (byte) r.nextInt(256);
                                break;
                            case 1:
                                body = Arrays.copyOf(body, Math.max(1, r.nextInt(body.length + 1)));
                                break;
                            default:
                                int at = r.nextInt(body.length);
                                byte[] longer = new byte[body.length + 1];
                                System.arraycopy(body, 0, longer, 0, at);
                                byte[] syntax = "{}[]\",:\\0eE-+.".getBytes(UTF_8);
                                longer[at] = syntax[r.nextInt(syntax.length)];
                                System.arraycopy(body, at, longer, at + 1, body.length - at);
                                body = longer;
                        }
                    }
                }
                try {
                    readBytes(STRICT, body);
                    readStream(STRICT, body);
                } catch (RuntimeException | AssertionError e) {
                    throw new AssertionError("seed " + seed + ", body " + Arrays.toString(body), e);
                }
            }
        });
    }
}
