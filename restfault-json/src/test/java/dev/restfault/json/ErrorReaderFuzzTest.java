package dev.restfault.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.model.Descriptions;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.ModelLimits;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.implementation.SafeText;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * The tolerant reader on any body: the only exception is {@link ErrorBodyException}; the byte
 * array, the range and the stream readings agree; what it returns keeps every guarantee of
 * {@link DecodedError} and stays within the reader's {@link ReaderLimits} (so the cost of a body
 * is bounded by the limits, whatever it holds); and every typed view it returns, written again,
 * validates against the shipped schema and reads back the same. Checked with the standard
 * limits and with tight ones, which the fuzzer reaches far more often.
 *
 * <p>Regression inputs: {@code ErrorReaderFuzzTestInputs/read/}, one body per file, in every
 * shape the reader knows and many it does not.
 */
class ErrorReaderFuzzTest {

    private static final ReaderLimits TIGHT = ReaderLimits.builder()
            .maxDepth(6).maxDocumentBytes(2048).maxStringLength(300).maxEntries(4).maxRawExcerpt(40).build();
    private static final ErrorReader STANDARD = ErrorReader.standard();
    private static final ErrorReader TIGHT_READER = ErrorReader.create(TIGHT);
    private final ErrorWriter writer = ErrorWriter.standard();

    @FuzzTest(maxDuration = "5m")
    void read(byte[] body) {
        DecodedError decoded = check(STANDARD, body);
        if (decoded != null) {
            rewrite(decoded);
        }
        check(TIGHT_READER, body);
    }

    /** The decoded body, or null when the reader refused it with its one exception. */
    private static DecodedError check(ErrorReader reader, byte[] body) {
        ReaderLimits limits = reader.limits();
        Object fromBytes = outcome(reader, body);
        byte[] padded = new byte[body.length + 3];
        System.arraycopy(body, 0, padded, 2, body.length);
        Arrays.fill(padded, 0, 2, (byte) '{');
        padded[padded.length - 1] = '"';
        assertThat(outcomeOfRange(reader, padded, body.length)).isEqualTo(fromBytes);
        assertThat(outcomeOfStream(reader, body)).isEqualTo(fromBytes);
        if (fromBytes instanceof ErrorBodyException.Reason) {
            if (body.length > limits.maxDocumentBytes()) {
                assertThat(fromBytes).isEqualTo(ErrorBodyException.Reason.LIMIT_EXCEEDED);
            }
            return null;
        }
        DecodedError d = (DecodedError) fromBytes;
        assertThat(body.length).isLessThanOrEqualTo(limits.maxDocumentBytes());
        d.code().ifPresent(c -> assertToken(c, limits));
        d.source().ifPresent(s -> assertToken(s, limits));
        d.description().ifPresent(t -> {
            assertText(t);
            assertThat(t.length()).isLessThanOrEqualTo(Math.min(Descriptions.MAX_LENGTH, limits.maxStringLength()));
        });
        assertThat(d.data()).hasSizeLessThanOrEqualTo(limits.maxEntries());
        for (PartnerCenterError entry : d.data()) {
            assertEntry(entry, 2, limits);
        }
        d.innerError().ifPresent(inner -> assertThat(inner.depth()).isLessThanOrEqualTo(ModelLimits.MAX_INNER_ERROR_DEPTH));
        d.statusCode().ifPresent(s -> assertThat(s).isBetween(100, 599));
        assertExcerpt(d.rawExcerpt(), limits);
        return d;
    }

    /** Each typed view, written again, is valid and reads back the same; the normalized view too. */
    private void rewrite(DecodedError d) {
        d.partnerCenter().ifPresent(pc -> {
            if (!Descriptions.isBlank(pc.source())) {
                byte[] json = writer.writePartnerCenter(pc);
                SchemaCheck.assertValid(ErrorFormat.PARTNER_CENTER, json);
                assertThat(STANDARD.read(json).partnerCenter()).contains(pc);
            }
        });
        d.partnerApi().ifPresent(pa -> {
            byte[] json = writer.writePartnerApi(pa);
            SchemaCheck.assertValid(ErrorFormat.PARTNER_API, json);
            assertThat(STANDARD.read(json).partnerApi()).contains(pa);
        });
        d.problem().ifPresent(p -> {
            byte[] json = writer.writeProblem(p);
            SchemaCheck.assertValid(ErrorFormat.PROBLEM_DETAILS, json);
            assertThat(STANDARD.read(json).problem()).contains(p);
        });
        int status = d.statusCode().filter(StatusCatalog::isError).orElse(500);
        PartnerCenterError normalized = d.toPartnerCenter(StatusCatalog.entry(status), Locale.JAPAN, "fuzz");
        for (ErrorFormat format : ErrorFormat.values()) {
            SchemaCheck.assertValid(format, writer.write(format, normalized, status, "Title"));
        }
    }

    private static Object outcome(ErrorReader reader, byte[] body) {
        try {
            return reader.read(body);
        } catch (ErrorBodyException e) {
            assertFailure(e, reader.limits());
            return e.reason();
        }
    }

    private static Object outcomeOfRange(ErrorReader reader, byte[] padded, int length) {
        try {
            return reader.read(padded, 2, length);
        } catch (ErrorBodyException e) {
            assertFailure(e, reader.limits());
            return e.reason();
        }
    }

    private static Object outcomeOfStream(ErrorReader reader, byte[] body) {
        try {
            return reader.read(new ByteArrayInputStream(body));
        } catch (ErrorBodyException e) {
            assertFailure(e, reader.limits());
            return e.reason();
        }
    }

    private static void assertFailure(ErrorBodyException e, ReaderLimits limits) {
        assertThat(e.reason()).isNotNull();
        assertThat(e.getMessage()).isNotBlank().doesNotContain("\n", "\r");
        assertExcerpt(e.rawExcerpt(), limits);
    }

    private static void assertEntry(PartnerCenterError e, int level, ReaderLimits limits) {
        assertThat(level).isLessThanOrEqualTo(ModelLimits.MAX_DEPTH);
        assertToken(e.code(), limits);
        assertText(e.description());
        assertThat(e.source()).hasSizeLessThanOrEqualTo(ModelLimits.MAX_TOKEN_LENGTH);
        assertThat(SafeText.wellFormed(e.source())).isSameAs(e.source());
        assertThat(e.data()).hasSizeLessThanOrEqualTo(limits.maxEntries() + 1); // + the inner error's entry
        for (PartnerCenterError d : e.data()) {
            assertEntry(d, level + 1, limits);
        }
    }

    private static void assertToken(String s, ReaderLimits limits) {
        assertThat(s).isNotEmpty().hasSizeLessThanOrEqualTo(Math.min(ModelLimits.MAX_TOKEN_LENGTH, limits.maxStringLength()));
        assertThat(SafeText.wellFormed(s)).isSameAs(s);
    }

    private static void assertText(String s) {
        assertThat(s).isNotEmpty().hasSizeLessThanOrEqualTo(Descriptions.MAX_LENGTH);
        assertThat(SafeText.wellFormed(s)).isSameAs(s);
    }

    private static void assertExcerpt(String excerpt, ReaderLimits limits) {
        assertThat(excerpt.length()).isLessThanOrEqualTo(limits.maxRawExcerpt());
        assertThat(SafeText.loggable(excerpt)).isEqualTo(excerpt);
    }
}
