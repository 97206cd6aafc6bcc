package dev.restfault.json;

import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.model.Descriptions;
import dev.restfault.core.model.InnerError;
import dev.restfault.core.model.ModelLimits;
import dev.restfault.core.model.PartnerApiError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.core.model.ProblemDetail;
import dev.restfault.json.implementation.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a tolerant {@link ErrorReader} understood of an error body, whatever its shape.
 *
 * <p>The flat accessors ({@link #code()}, {@link #description()}, {@link #source()},
 * {@link #data()}, ...) merge the members of every shape; the typed views
 * ({@link #partnerCenter()}, {@link #partnerApi()}, {@link #problem()}) are present only when the
 * body was a complete error of that shape. {@link #toPartnerCenter(StatusEntry, Locale, String)}
 * always gives one normalized Partner Center error, filling what the body lacked from the
 * catalog.
 *
 * <p>Guarantees: no accessor returns null; strings are never empty and never contain a lone
 * surrogate (the reader replaced those with U+FFFD); {@code data} holds at most
 * {@link ModelLimits#MAX_ENTRIES} entries. Immutable and thread-safe.
 */
public final class DecodedError {

    /**
     * The shape the reader read a body as: the {@link BodyShape} the body is, folded into the
     * four forms the reader knows (see {@link #bodyShape()} for the exact one).
     */
    public enum Shape {
        /** {@code {"code","description","data","source"}}, {@code code} possibly a number. */
        PARTNER_CENTER,
        /** {@code {"error":{"code","message","target","innerError","details"}}}, or that object unwrapped. */
        PARTNER_API,
        /** RFC 9457 problem details. */
        PROBLEM_DETAILS,
        /** The gateway's throttling body {@code {"statusCode":429,"message":"..."}}. */
        THROTTLING;

        /** The form the reader reads a body of {@code shape} in. */
        static Shape of(BodyShape shape) {
            switch (shape) {
                case PARTNER_API:
                case PARTNER_API_UNWRAPPED:
                    return PARTNER_API;
                case PROBLEM_DETAILS:
                case FRAMEWORK_DEFAULT:
                    return PROBLEM_DETAILS;
                case THROTTLING:
                    return THROTTLING;
                case PARTNER_CENTER:
                case OAUTH_ERROR:
                    return PARTNER_CENTER;
                default:
                    throw new IllegalArgumentException("no error is read from a body of shape " + shape);
            }
        }
    }

    private final BodyShape bodyShape;
    private final Shape shape;
    private final String code;
    private final String description;
    private final String source;
    private final List<PartnerCenterError> data;
    private final InnerError innerError;
    private final Integer statusCode;
    private final PartnerCenterError partnerCenter;
    private final PartnerApiError partnerApi;
    private final ProblemDetail problem;
    private final byte[] head;
    private final int maxRawExcerpt;
    /** Computed on first use: most callers never look at it. Racy but idempotent. */
    private String rawExcerpt;

    DecodedError(BodyShape bodyShape, String code, String description, String source, List<PartnerCenterError> data,
            InnerError innerError, Integer statusCode, PartnerCenterError partnerCenter,
            PartnerApiError partnerApi, ProblemDetail problem, byte[] head, int maxRawExcerpt) {
        this.bodyShape = Objects.requireNonNull(bodyShape, "bodyShape");
        this.shape = Shape.of(bodyShape);
        this.code = emptyToNull(code);
        this.description = emptyToNull(description);
        this.source = emptyToNull(source);
        this.data = data == null ? List.of() : List.copyOf(data);
        this.innerError = innerError;
        this.statusCode = statusCode;
        this.partnerCenter = partnerCenter;
        this.partnerApi = partnerApi;
        this.problem = problem;
        this.head = head == null ? new byte[0] : head;
        this.maxRawExcerpt = maxRawExcerpt;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The form the body was read in; see {@link BodyShape} for the rules. */
    public Shape shape() {
        return shape;
    }

    /**
     * Exactly what the body is, by {@link BodyShape}'s table: unlike {@link #shape()}, it tells a
     * Partner API error without its wrapper, a framework's default body and an OAuth error from
     * the contract's formats. Never {@link BodyShape#NOT_AN_ERROR}.
     */
    public BodyShape bodyShape() {
        return bodyShape;
    }

    /**
     * The error code: {@code code} as a string, or a number's text as written ({@code "1002"});
     * for problem details the extension member {@code code}. Empty when absent or blank.
     */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /**
     * The text: {@code description}, else {@code message}; for problem details {@code detail},
     * else {@code title}; for the throttling body its {@code message}. Empty when absent or empty.
     */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** {@code source}, else {@code target}. Empty when absent or empty. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /**
     * {@code data} (Partner Center, problem details) or {@code details} (Partner API), normalized
     * to Partner Center entries; empty, never null.
     */
    public List<PartnerCenterError> data() {
        return data;
    }

    /** The {@code innerError} (or {@code innererror}) chain of a Partner API body. */
    public Optional<InnerError> innerError() {
        return Optional.ofNullable(innerError);
    }

    /** The throttling body's {@code statusCode} or the problem's {@code status}, when in 100..599. */
    public Optional<Integer> statusCode() {
        return Optional.ofNullable(statusCode);
    }

    /** The body as a Partner Center error, when it was one with a code and a description. */
    public Optional<PartnerCenterError> partnerCenter() {
        return Optional.ofNullable(partnerCenter);
    }

    /** The body as a Partner API error, when it was one with a code and a message. */
    public Optional<PartnerApiError> partnerApi() {
        return Optional.ofNullable(partnerApi);
    }

    /** The body as problem details, when it was problem details. */
    public Optional<ProblemDetail> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * The start of the body as safe text, as {@link ErrorBodyException#rawExcerpt()} describes;
     * for logging next to the decoded values.
     */
    public String rawExcerpt() {
        String excerpt = rawExcerpt;
        if (excerpt == null) {
            excerpt = SafeText.excerpt(head, maxRawExcerpt);
            rawExcerpt = excerpt;
        }
        return excerpt;
    }

    /**
     * One normalized Partner Center error: a missing code becomes {@code entry.defaultCode()}, a
     * missing description becomes {@code entry.description(locale)}, a missing source becomes
     * {@code fallbackSource}. {@code data} is {@link #data()}; for a Partner API body with an
     * inner error, the deepest inner error is appended as one more entry with source
     * {@code "innerError"} (as {@link PartnerApiError#toPartnerCenter(String)} does) when there
     * is room.
     *
     * @param entry the catalog entry of the response's status; not null
     * @param locale the language for a default description; null means en-US
     * @param fallbackSource the source when the body names none or a blank one; null means empty
     * @throws NullPointerException if {@code entry} is null
     */
    public PartnerCenterError toPartnerCenter(StatusEntry entry, Locale locale, String fallbackSource) {
        Objects.requireNonNull(entry, "entry");
        Locale effective = locale == null ? Locale.US : locale;
        List<PartnerCenterError> entries = data;
        if (innerError != null && data.size() < ModelLimits.MAX_ENTRIES) {
            InnerError deepest = innerError.deepest();
            String c = code != null ? code : entry.defaultCode();
            String d = description != null ? description : entry.description(effective);
            entries = new ArrayList<>(data);
            entries.add(PartnerCenterError.builder()
                    .code(deepest.code().orElse(c))
                    .description(deepest.message().orElse(d))
                    .source("innerError")
                    .build());
        }
        return PartnerCenterError.builder()
                .code(code != null ? code : entry.defaultCode())
                .description(description != null ? description : entry.description(effective))
                .source(source != null && !Descriptions.isBlank(source) ? source : fallbackSource)
                .data(entries)
                .build();
    }

    /** Equal when every decoded value is equal; the raw excerpt, a diagnostic, is not compared. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DecodedError)) {
            return false;
        }
        DecodedError d = (DecodedError) o;
        return bodyShape == d.bodyShape && Objects.equals(code, d.code) && Objects.equals(description, d.description)
                && Objects.equals(source, d.source) && data.equals(d.data) && Objects.equals(innerError, d.innerError)
                && Objects.equals(statusCode, d.statusCode) && Objects.equals(partnerCenter, d.partnerCenter)
                && Objects.equals(partnerApi, d.partnerApi) && Objects.equals(problem, d.problem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bodyShape, code, description, source, data, innerError, statusCode, partnerCenter,
                partnerApi, problem);
    }

    /** Shape, code, status and the first 80 characters of the description; never the whole body. */
    @Override
    public String toString() {
        String d = description == null ? null
                : description.length() <= 80 ? description : SafeText.prefix(description, 80) + "\u2026";
        return "DecodedError{shape=" + bodyShape + ", code=" + code + ", statusCode=" + statusCode
                + ", source=" + source + ", description=" + d
                + (data.isEmpty() ? "" : ", data=" + data.size() + " entries") + "}";
    }
}
