package dev.restfault.json;

import dev.restfault.core.model.Descriptions;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.PartnerApiError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.core.model.ProblemDetail;
import dev.restfault.json.implementation.ErrorEncoding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.ByteArrayBuilder;

/**
 * The strict writer of the three wire formats, on Jackson 3 streaming.
 *
 * <p>Guarantees, for any model object (the model has already enforced its own rules):
 * <ul>
 *   <li>the output is compact UTF-8 JSON that validates against the schema
 *       {@link ErrorSchemas} ships for its format;</li>
 *   <li>members come in a fixed order and the output is a function of the input alone, so it is
 *       byte-for-byte reproducible;</li>
 *   <li>no raw control character is written: C0 controls, DEL, C1 controls, U+2028 and U+2029 are
 *       written as escapes;</li>
 *   <li>no invalid UTF-8 is written: a lone surrogate in any string is replaced by U+FFFD;</li>
 *   <li>problem details: an extension member named like a standard or contract member
 *       ({@code type}, {@code title}, {@code status}, {@code detail}, {@code instance},
 *       {@code code}, {@code source}, {@code data}) is skipped, and so is one whose name, its lone
 *       surrogates replaced, is already the name of another extension, so no name appears
 *       twice.</li>
 * </ul>
 * A null argument where an error is expected is a {@link NullPointerException}. Immutable and
 * thread-safe; {@link #standard()} is shared.
 */
public final class ErrorWriter {

    private static final ErrorWriter STANDARD = new ErrorWriter();

    private ErrorWriter() {
    }

    /** The shared writer. */
    public static ErrorWriter standard() {
        return STANDARD;
    }

    /**
     * {@code {"code","description","data","source"}}, {@code data} omitted when empty.
     *
     * @throws NullPointerException if {@code e} is null
     * @throws IllegalArgumentException if the top-level source is {@link Descriptions#isBlank blank}:
     *     it must name the component that produced the error
     */
    public byte[] writePartnerCenter(PartnerCenterError e) {
        requireNamedSource(e);
        return toBytes(g -> ErrorEncoding.writePartnerCenter(g, e));
    }

    /**
     * {@code {"error":{"code","message","target"?,"innerError"?,"details"?}}}; absent members are
     * omitted, as are empty {@code details}.
     *
     * @throws NullPointerException if {@code e} is null
     */
    public byte[] writePartnerApi(PartnerApiError e) {
        Objects.requireNonNull(e, "error");
        return toBytes(g -> ErrorEncoding.writePartnerApi(g, e));
    }

    /**
     * RFC 9457 problem details with the contract's extension members {@code code},
     * {@code source} and {@code data}; other extension members are written as strings.
     *
     * @throws NullPointerException if {@code p} is null
     */
    public byte[] writeProblem(ProblemDetail p) {
        Objects.requireNonNull(p, "problem");
        return toBytes(g -> ErrorEncoding.writeProblem(g, p));
    }

    /**
     * {@code e} in {@code format}: as is for {@link ErrorFormat#PARTNER_CENTER},
     * {@link PartnerCenterError#toPartnerApi()} for {@link ErrorFormat#PARTNER_API},
     * {@link ProblemDetail#from(PartnerCenterError, int, String)} for
     * {@link ErrorFormat#PROBLEM_DETAILS}. {@code status} and {@code title} are used by problem
     * details only.
     *
     * @param title the problem's title (the status's reason phrase); null means none
     * @throws NullPointerException if {@code format} or {@code e} is null
     * @throws IllegalArgumentException for problem details, if {@code status} is not within 100..599
     *     or {@code title} is empty; for Partner Center, if the top-level source is blank
     */
    public byte[] write(ErrorFormat format, PartnerCenterError e, int status, String title) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(e, "error");
        switch (format) {
            case PARTNER_API:
                return writePartnerApi(e.toPartnerApi());
            case PROBLEM_DETAILS:
                return writeProblem(ProblemDetail.from(e, status, title));
            case PARTNER_CENTER:
            default:
                return writePartnerCenter(e);
        }
    }

    /**
     * Like {@link #write(ErrorFormat, PartnerCenterError, int, String)}, streaming to {@code out},
     * which is flushed and left open.
     *
     * @throws IOException if {@code out} fails; nothing else is wrapped or hidden
     * @throws NullPointerException if {@code format}, {@code e} or {@code out} is null
     * @throws IllegalArgumentException for problem details, if {@code status} is not within 100..599
     *     or {@code title} is empty; for Partner Center, if the top-level source is blank
     */
    public void write(ErrorFormat format, PartnerCenterError e, int status, String title, OutputStream out)
            throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(e, "error");
        Objects.requireNonNull(out, "out");
        // Convert before the first byte goes out, so a conversion failure leaves out untouched.
        Body body;
        switch (format) {
            case PARTNER_API: {
                PartnerApiError api = e.toPartnerApi();
                body = g -> ErrorEncoding.writePartnerApi(g, api);
                break;
            }
            case PROBLEM_DETAILS: {
                ProblemDetail p = ProblemDetail.from(e, status, title);
                body = g -> ErrorEncoding.writeProblem(g, p);
                break;
            }
            case PARTNER_CENTER:
            default:
                requireNamedSource(e);
                body = g -> ErrorEncoding.writePartnerCenter(g, e);
        }
        try (JsonGenerator g = ErrorEncoding.WRITE_FACTORY.createGenerator(ObjectWriteContext.empty(), out,
                JsonEncoding.UTF8)) {
            body.writeTo(g);
            g.flush();
        } catch (JacksonIOException ex) {
            throw ex.getCause() != null ? ex.getCause() : new IOException("write failed", ex);
        }
    }

    /**
     * docs/contract.md, section Wire formats: a Partner Center error's {@code source} is always
     * the component that produced it. The model allows an empty source (a {@code data} entry may
     * name no request element), so the top level is checked here, before anything is written.
     *
     * @throws IllegalArgumentException if the top-level source is {@link Descriptions#isBlank blank}
     *     (the schema's {@code \S} pattern would refuse it)
     */
    static void requireNamedSource(PartnerCenterError e) {
        Objects.requireNonNull(e, "error");
        if (Descriptions.isBlank(e.source())) {
            throw new IllegalArgumentException(
                    "a Partner Center error's source must name the component that produced it; it is blank");
        }
    }

    private static byte[] toBytes(Body body) {
        // As databind's writeValueAsBytes does: the output buffer and the generator share one
        // pooled BufferRecycler, so a small body costs no fresh buffer and no segment copying.
        BufferRecycler recycler = ErrorEncoding.WRITE_FACTORY._getBufferRecycler();
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator g = ErrorEncoding.WRITE_FACTORY.createGenerator(ObjectWriteContext.empty(), bytes,
                    JsonEncoding.UTF8)) {
                body.writeTo(g);
            }
            return bytes.getClearAndRelease();
        } catch (JacksonIOException ex) {
            throw new UncheckedIOException(ex.getCause());
        } catch (JacksonException ex) {
            // Only a bug in restfault could lead here: the model is valid by construction.
            throw new IllegalStateException("restfault could not write a valid error model", ex);
        } finally {
            recycler.releaseToPool();
        }
    }

    @FunctionalInterface
    private interface Body {
        void writeTo(JsonGenerator g);
    }
}
