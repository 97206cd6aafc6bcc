package dev.restfault.json.implementation;

import dev.restfault.core.model.Descriptions;
import dev.restfault.core.model.InnerError;
import dev.restfault.core.model.ModelLimits;
import dev.restfault.core.model.PartnerApiError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.core.model.ProblemDetail;
import dev.restfault.json.BodyShape;
import dev.restfault.json.ErrorBodyException.Reason;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.sym.BinaryNameMatcher;
import tools.jackson.core.sym.PropertyNameMatcher;

/**
 * The tolerant decoder: reads one JSON object from a streaming parser, token by token, and
 * recognizes which error shape it is. Shared by {@code ErrorReader}, the databind module and
 * {@link BodyShape#of(byte[], boolean)}, so that reading and recognizing are the same code: the
 * decision table of {@link BodyShape} is {@code shapeOf} below. Not part of the API.
 *
 * <p>Tolerances, all deliberate:
 * <ul>
 *   <li>{@code code} may be a string or a number (its text is kept as written: {@code 1002});
 *       any other type, or a blank string, counts as absent;</li>
 *   <li>{@code innerError} and {@code innererror} are the same member;</li>
 *   <li>{@code data} and {@code details} are both accepted in every shape; an entry that is a
 *       plain string becomes an entry with that description; an entry with neither a code nor a
 *       text is dropped; an entry without code takes its parent's (or {@value #UNKNOWN_CODE}),
 *       an entry without text takes its code as text;</li>
 *   <li>members of an unexpected type are skipped, unknown members are skipped (at the root they
 *       are kept as problem-details extension members);</li>
 *   <li>duplicate member names: the last one wins, as in Jackson databind and JavaScript;</li>
 *   <li>lone surrogates in strings become U+FFFD; {@code code}, {@code source}, {@code target},
 *       {@code type} and {@code instance} longer than {@link ModelLimits#MAX_TOKEN_LENGTH} are
 *       cut to it; texts longer than 1024 UTF-16 code units are cut as the model cuts them.</li>
 * </ul>
 * Bounds that make a body fail ({@link Reason#LIMIT_EXCEEDED}): more than {@code maxEntries}
 * elements in one {@code data}/{@code details} array, entries nested deeper than
 * {@link ModelLimits#MAX_DEPTH}, an inner-error chain longer than
 * {@link ModelLimits#MAX_INNER_ERROR_DEPTH}. The recursion of this class is bounded by those two
 * model bounds, whatever the reader's JSON depth limit is.
 */
public final class BodyDecoder {

    /** The code given to a {@code data}/{@code details} entry that has none and whose parent has none. */
    public static final String UNKNOWN_CODE = "unknown";

    /**
     * Copies structured extension values. Its nesting depth is unbounded on purpose: the reader's
     * own limit bounded the input already, and the copy must not fail where reading succeeded.
     */
    private static final JsonFactory COPY_FACTORY = JsonFactory.builder()
            .recyclerPool(StripedRecyclerPool.INSTANCE)
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
            .build();

    /**
     * Parses for {@link #recognize(byte[], boolean)}: Jackson's defaults (500 levels of nesting,
     * no document limit; the caller bounds the body) and the caller's bytes left alone.
     */
    private static final JsonFactory RECOGNIZE_FACTORY = JsonFactory.builder()
            .recyclerPool(StripedRecyclerPool.INSTANCE)
            .streamReadConstraints(StreamReadConstraints.defaults())
            .build();

    /** Recognizing reads no data/details entries, so their bound does not matter here. */
    private static final BodyDecoder RECOGNIZER = new BodyDecoder(ModelLimits.MAX_ENTRIES);

    // The members this decoder knows, matched on the parser's raw bytes (as databind's bean
    // deserializers do) rather than by building and hashing a String for every name. The
    // constants are indexes into MEMBER_NAMES.
    private static final int CODE = 0;
    private static final int DESCRIPTION = 1;
    private static final int MESSAGE = 2;
    private static final int DETAIL = 3;
    private static final int TITLE = 4;
    private static final int TYPE = 5;
    private static final int INSTANCE = 6;
    private static final int STATUS = 7;
    private static final int STATUS_CODE = 8;
    private static final int SOURCE = 9;
    private static final int TARGET = 10;
    private static final int DATA = 11;
    private static final int DETAILS = 12;
    private static final int INNER_ERROR = 13;
    private static final int INNER_ERROR_LOWER = 14;
    private static final int ERROR = 15;
    private static final int ERROR_DESCRIPTION = 16;
    private static final List<String> MEMBER_NAMES = List.of("code", "description", "message", "detail", "title",
            "type", "instance", "status", "statusCode", "source", "target", "data", "details", "innerError",
            "innererror", "error", "error_description");
    private static final PropertyNameMatcher MEMBERS = BinaryNameMatcher.construct(MEMBER_NAMES);
    /** By member index: whether problem details reserve the name (see ErrorEncoding.PROBLEM_RESERVED). */
    private static final boolean[] PROBLEM_RESERVED = new boolean[MEMBER_NAMES.size()];

    static {
        // An unknown member is taken as not reserved, so every reserved name must be a member.
        if (!MEMBER_NAMES.containsAll(ErrorEncoding.PROBLEM_RESERVED)) {
            throw new AssertionError("a reserved problem details member is not among the decoder's members");
        }
        for (int i = 0; i < MEMBER_NAMES.size(); i++) {
            PROBLEM_RESERVED[i] = ErrorEncoding.PROBLEM_RESERVED.contains(MEMBER_NAMES.get(i));
        }
    }

    private final int maxEntries;

    /**
     * @param maxEntries most elements per {@code data}/{@code details} array, at most
     *     {@link ModelLimits#MAX_ENTRIES}
     */
    public BodyDecoder(int maxEntries) {
        if (maxEntries <= 0 || maxEntries > ModelLimits.MAX_ENTRIES) {
            throw new IllegalArgumentException("maxEntries must be within 1.." + ModelLimits.MAX_ENTRIES);
        }
        this.maxEntries = maxEntries;
    }

    /**
     * Decodes the object whose {@code START_OBJECT} is the parser's current token, leaving the
     * parser on its {@code END_OBJECT}.
     *
     * @throws DecodeFailure if the object is not an error or breaks a bound
     */
    public Decoded decode(JsonParser p) {
        Fields root = readObject(p, 1, true, false);
        return classify(root);
    }

    /**
     * The {@link BodyShape} of {@code body}: the root object's members are read as
     * {@link #decode} reads them, but without building entries, the wrapped error or extension
     * members, so no bound of the model can fail it. Never throws.
     */
    public static BodyShape recognize(byte[] body, boolean problemMediaType) {
        try (JsonParser p = RECOGNIZE_FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return BodyShape.NOT_AN_ERROR;
            }
            return shapeOf(RECOGNIZER.readObject(p, 1, true, true), problemMediaType);
        } catch (RuntimeException notReadable) {
            // Malformed, truncated, too deep, not JSON at all: whatever Jackson (or the model,
            // for a value the decoder lets through) says, it is not a body of any shape.
            return BodyShape.NOT_AN_ERROR;
        }
    }

    /** Decodes an inner error object whose {@code START_OBJECT} is the current token; null if it has no content. */
    public InnerError decodeInnerError(JsonParser p) {
        return readInner(p, 1);
    }

    // ------------------------------------------------------------------ reading

    /** The members of one object, as met; null means absent. */
    private static final class Fields {
        String code;
        String description;
        String message;
        String detail;
        String title;
        String source;
        String target;
        String type;
        String instance;
        String errorCode;
        String errorDescription;
        Fields error;
        List<Fields> data;
        List<Fields> details;
        InnerError innerError;
        Integer status;
        Integer statusCode;
        boolean statusCodeSeen;
        /** {@code status} as an integer, in range or not. */
        boolean statusSeen;
        /** {@code title}, {@code detail} or {@code instance} as a string. */
        boolean problemMember;
        /** Only when recognizing: an innerError chain longer than the model allows (not built). */
        boolean innerErrorBeyondModel;
        Map<String, String> extensions;
        /** For a {@code data} entry that was a plain string. */
        String text;
    }

    /**
     * @param shallow only recognizing: {@code data}, {@code details} and a wrapped {@code error}
     *     are noted and skipped, extension members are not kept
     */
    private Fields readObject(JsonParser p, int level, boolean root, boolean shallow) {
        Fields f = new Fields();
        for (int member = p.nextNameMatch(MEMBERS); member != PropertyNameMatcher.MATCH_END_OBJECT;
                member = p.nextNameMatch(MEMBERS)) {
            JsonToken t = p.nextToken();
            if (root && !shallow && t.isScalarValue() && (member < 0 || !PROBLEM_RESERVED[member])) {
                // Kept as text in case this turns out to be problem details; scalars only, the
                // structured members of the other shapes are decoded below instead.
                extension(f, p.currentName(), scalarText(p, t));
            }
            switch (member) {
                case CODE:
                    f.code = code(p, t);
                    break;
                case DESCRIPTION:
                    f.description = text(p, t);
                    break;
                case MESSAGE:
                    f.message = text(p, t);
                    break;
                case DETAIL:
                    f.detail = text(p, t);
                    f.problemMember |= t == JsonToken.VALUE_STRING;
                    break;
                case TITLE:
                    f.title = text(p, t);
                    f.problemMember |= t == JsonToken.VALUE_STRING;
                    break;
                case TYPE:
                    f.type = token(string(p, t));
                    break;
                case INSTANCE:
                    f.instance = token(string(p, t));
                    f.problemMember |= t == JsonToken.VALUE_STRING;
                    break;
                case STATUS:
                    f.status = status(p, t);
                    f.statusSeen |= t == JsonToken.VALUE_NUMBER_INT;
                    break;
                case STATUS_CODE:
                    f.statusCode = status(p, t);
                    f.statusCodeSeen = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING;
                    break;
                case SOURCE:
                    f.source = token(string(p, t));
                    break;
                case TARGET:
                    f.target = token(string(p, t));
                    break;
                case DATA:
                    f.data = shallow ? present(p, t) : entries(p, t, level);
                    break;
                case DETAILS:
                    f.details = shallow ? present(p, t) : entries(p, t, level);
                    break;
                case INNER_ERROR:
                case INNER_ERROR_LOWER:
                    // Last one wins, also over an earlier value of the other spelling.
                    f.innerError = null;
                    f.innerErrorBeyondModel = false;
                    if (t == JsonToken.START_OBJECT) {
                        if (shallow) {
                            readInnerToRecognize(p, f);
                        } else {
                            f.innerError = readInner(p, 1);
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                case ERROR:
                    f.error = null;
                    f.errorCode = null;
                    if (t == JsonToken.START_OBJECT && root && shallow) {
                        p.skipChildren();
                        f.error = new Fields();
                    } else if (t == JsonToken.START_OBJECT && root) {
                        f.error = readObject(p, level, false, false);
                    } else if (t == JsonToken.VALUE_STRING) {
                        // OAuth-style {"error":"invalid_grant","error_description":"..."}
                        f.errorCode = token(blankToNull(string(p, t)));
                    } else {
                        p.skipChildren();
                    }
                    break;
                case ERROR_DESCRIPTION:
                    f.errorDescription = text(p, t);
                    break;
                default:
                    if (root && !shallow && (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)) {
                        extension(f, p.currentName(), structureText(p));
                    } else {
                        p.skipChildren();
                    }
            }
        }
        return f;
    }

    private List<Fields> entries(JsonParser p, JsonToken t, int level) {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        List<Fields> list = new ArrayList<>();
        int count = 0;
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (++count > maxEntries) {
                throw new DecodeFailure(Reason.LIMIT_EXCEEDED,
                        "a data/details list has more than " + maxEntries + " entries");
            }
            if (e == JsonToken.START_OBJECT || e == JsonToken.VALUE_STRING) {
                if (level + 1 > ModelLimits.MAX_DEPTH) {
                    throw new DecodeFailure(Reason.LIMIT_EXCEEDED,
                            "data/details nest more than " + ModelLimits.MAX_DEPTH + " levels deep");
                }
                if (e == JsonToken.START_OBJECT) {
                    list.add(readObject(p, level + 1, false, false));
                } else {
                    Fields s = new Fields();
                    s.text = text(p, e);
                    list.add(s);
                }
            } else {
                p.skipChildren();
            }
        }
        return list;
    }

    /** An array noted as present (its entries skipped), or null for any other value. */
    private static List<Fields> present(JsonParser p, JsonToken t) {
        boolean array = t == JsonToken.START_ARRAY;
        p.skipChildren();
        return array ? List.of() : null;
    }

    /**
     * Reads an innerError chain as {@link #readInner} does, to know whether it has content; a
     * chain longer than the model allows (which {@link #decode} refuses) still counts as one,
     * and the parser is moved past its end.
     */
    private void readInnerToRecognize(JsonParser p, Fields f) {
        int depth = p.streamReadContext().getNestingDepth();
        try {
            f.innerError = readInner(p, 1);
        } catch (DecodeFailure tooLong) {
            f.innerErrorBeyondModel = true;
            // The parser stands on the START_OBJECT of the level that broke the bound.
            p.skipChildren();
            while (p.streamReadContext().getNestingDepth() >= depth) {
                if (p.nextToken().isStructStart()) {
                    p.skipChildren();
                }
            }
        }
    }

    private InnerError readInner(JsonParser p, int depth) {
        if (depth > ModelLimits.MAX_INNER_ERROR_DEPTH) {
            throw new DecodeFailure(Reason.LIMIT_EXCEEDED,
                    "the innerError chain is longer than " + ModelLimits.MAX_INNER_ERROR_DEPTH);
        }
        String code = null;
        String message = null;
        InnerError child = null;
        for (int member = p.nextNameMatch(MEMBERS); member != PropertyNameMatcher.MATCH_END_OBJECT;
                member = p.nextNameMatch(MEMBERS)) {
            JsonToken t = p.nextToken();
            switch (member) {
                case CODE:
                    code = code(p, t);
                    break;
                case MESSAGE:
                    message = text(p, t);
                    break;
                case INNER_ERROR:
                case INNER_ERROR_LOWER:
                    // Last one wins, as at the top: a later non-object value removes the chain.
                    child = null;
                    if (t == JsonToken.START_OBJECT) {
                        child = readInner(p, depth + 1);
                    } else {
                        p.skipChildren();
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
        if (code == null && message == null) {
            // An empty level carries nothing; keep what is below it.
            return child;
        }
        return InnerError.of(code, message, child);
    }

    /** A string or a number's text; null for other types and blank strings. */
    private static String code(JsonParser p, JsonToken t) {
        switch (t) {
            case VALUE_STRING:
                return token(blankToNull(SafeText.wellFormed(p.getString())));
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return token(p.getString());
            default:
                p.skipChildren();
                return null;
        }
    }

    /**
     * A non-empty string, repaired and cut to 1024 UTF-16 code units as the model cuts a
     * description; null for other types and the empty string.
     */
    private static String text(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getString();
            return s.isEmpty() ? null : Descriptions.fit(SafeText.wellFormed(s));
        }
        p.skipChildren();
        return null;
    }

    /** A string, repaired, empty kept (an empty source or target is a value); null for other types. */
    private static String string(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_STRING) {
            return SafeText.wellFormed(p.getString());
        }
        p.skipChildren();
        return null;
    }

    /** An HTTP status in 100..599 as a number or a numeric string; null otherwise. */
    private static Integer status(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.INT) {
                int v = p.getIntValue();
                return v >= 100 && v <= 599 ? v : null;
            }
            return null;
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getString().trim();
            if (s.length() == 3 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
                int v = Integer.parseInt(s);
                return v >= 100 && v <= 599 ? v : null;
            }
            return null;
        }
        p.skipChildren();
        return null;
    }

    private static String scalarText(JsonParser p, JsonToken t) {
        switch (t) {
            case VALUE_STRING:
                return SafeText.wellFormed(p.getString());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
            case VALUE_TRUE:
            case VALUE_FALSE:
                return p.getString();
            default:
                return null;
        }
    }

    /** A structured extension value as compact JSON text; the parser is left on its end token. */
    private static String structureText(JsonParser p) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = COPY_FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            g.copyCurrentStructure(p);
        }
        return SafeText.wellFormed(out.toString());
    }

    private static void extension(Fields f, String name, String value) {
        if (value == null) {
            return;
        }
        if (f.extensions == null) {
            f.extensions = new LinkedHashMap<>();
        }
        // Unknown members are tolerated, not collected without bound: past the model's bound the
        // rest are dropped (a later duplicate still replaces an earlier value).
        if (f.extensions.size() < ModelLimits.MAX_ENTRIES || f.extensions.containsKey(name)) {
            f.extensions.put(SafeText.wellFormed(name), value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || Descriptions.isBlank(s) ? null : s;
    }

    private static String token(String s) {
        return s == null ? null : SafeText.prefix(s, ModelLimits.MAX_TOKEN_LENGTH);
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ recognizing

    /**
     * The decision table of {@link BodyShape}, row by row; the reasons for its order are in that
     * class's documentation.
     */
    private static BodyShape shapeOf(Fields root, boolean problemMediaType) {
        if (root.error != null) {
            return BodyShape.PARTNER_API;
        }
        if (root.type != null) {
            return BodyShape.PROBLEM_DETAILS;
        }
        if (root.description != null) {
            return BodyShape.PARTNER_CENTER;
        }
        if (root.problemMember || problemMediaType) {
            return BodyShape.PROBLEM_DETAILS;
        }
        if (root.statusSeen) {
            return BodyShape.FRAMEWORK_DEFAULT;
        }
        if (root.statusCodeSeen) {
            return BodyShape.THROTTLING;
        }
        if (root.message != null || root.innerError != null || root.innerErrorBeyondModel || root.details != null
                || root.target != null) {
            return BodyShape.PARTNER_API_UNWRAPPED;
        }
        if (root.code != null || root.data != null || root.source != null) {
            return BodyShape.PARTNER_CENTER;
        }
        if (root.errorCode != null) {
            return BodyShape.OAUTH_ERROR;
        }
        return BodyShape.NOT_AN_ERROR;
    }

    private static Decoded classify(Fields root) {
        BodyShape shape = shapeOf(root, false);
        switch (shape) {
            case PARTNER_API:
                return partnerApi(root.error, shape);
            case PARTNER_API_UNWRAPPED:
                return partnerApi(root, shape);
            case PROBLEM_DETAILS:
            case FRAMEWORK_DEFAULT:
                // A framework's body is read as problem details to keep its status.
                return problem(root, shape);
            case PARTNER_CENTER:
            case OAUTH_ERROR:
                return partnerCenter(root, shape);
            case THROTTLING:
                return new Decoded(shape, root.code, firstOf(root.message, root.errorDescription),
                        firstOf(root.source, root.target), List.of(), null, root.statusCode, null, null, null);
            default:
                throw new DecodeFailure(Reason.NOT_AN_ERROR, "the JSON object has none of the members of an error");
        }
    }

    private static Decoded partnerCenter(Fields f, BodyShape shape) {
        String code = firstOf(f.code, f.errorCode);
        String description = firstOf(f.description, f.message, f.errorDescription);
        String source = firstOf(f.source, f.target);
        List<PartnerCenterError> data = pcEntries(f.data != null ? f.data : f.details, code, 2);
        PartnerCenterError complete = null;
        if (f.code != null && f.description != null) {
            complete = PartnerCenterError.builder()
                    .code(f.code)
                    .description(f.description)
                    .source(f.source)
                    .data(data)
                    .build();
        }
        // The complete error holds the same entries, already immutable: share them.
        return new Decoded(shape, code, description, source, complete != null ? complete.data() : data,
                f.innerError, null, complete, null, null);
    }

    private static Decoded partnerApi(Fields e, BodyShape shape) {
        String code = firstOf(e.code, e.errorCode);
        String message = firstOf(e.message, e.description, e.errorDescription);
        String target = firstOf(e.target, e.source);
        List<PartnerApiError> details = paEntries(e.details != null ? e.details : e.data, code);
        List<PartnerCenterError> data = new ArrayList<>(details.size());
        for (PartnerApiError d : details) {
            data.add(toPartnerCenter(d, 2));
        }
        PartnerApiError complete = null;
        if (code != null && message != null) {
            complete = PartnerApiError.builder()
                    .code(code)
                    .message(message)
                    .target(target)
                    .innerError(e.innerError)
                    .details(details)
                    .build();
        }
        return new Decoded(shape, code, message, target, data, e.innerError, null,
                null, complete, null);
    }

    private static Decoded problem(Fields f, BodyShape shape) {
        List<PartnerCenterError> data = pcEntries(f.data, f.code, 2);
        ProblemDetail.Builder b = ProblemDetail.builder()
                .type(f.type)
                .title(f.title)
                .status(f.status)
                .detail(f.detail)
                .instance(f.instance)
                .code(f.code)
                .source(f.source)
                .data(data);
        if (f.extensions != null) {
            f.extensions.forEach(b::extension);
        }
        return new Decoded(shape, f.code, firstOf(f.detail, f.title), f.source, data,
                null, f.status, null, null, b.build());
    }

    /**
     * The entries of one data list, {@code level} being theirs: the top-level error is level 1,
     * its entries level 2, down to {@link ModelLimits#MAX_DEPTH}, which the parser enforces.
     */
    private static List<PartnerCenterError> pcEntries(List<Fields> entries, String parentCode, int level) {
        if (entries == null || entries.isEmpty()) {
            return List.of();
        }
        List<PartnerCenterError> out = new ArrayList<>(entries.size());
        for (Fields f : entries) {
            PartnerCenterError e = pcEntry(f, parentCode, level);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    private static PartnerCenterError pcEntry(Fields f, String parentCode, int level) {
        if (f.text != null) {
            return PartnerCenterError.of(parentCode != null ? parentCode : UNKNOWN_CODE, f.text, "");
        }
        String code = firstOf(f.code, f.errorCode);
        String description = firstOf(f.description, f.message, f.detail, f.title, f.errorDescription);
        if (code == null && description == null) {
            return null;
        }
        code = firstOf(code, parentCode, UNKNOWN_CODE);
        List<PartnerCenterError> data = pcEntries(f.data != null ? f.data : f.details, code, level + 1);
        // The synthesized entry sits one level below this one: only where the model has room,
        // or an entry at the deepest level would make a readable body unreadable.
        if (f.innerError != null && data.size() < ModelLimits.MAX_ENTRIES && level < ModelLimits.MAX_DEPTH) {
            // As PartnerApiError.toPartnerCenter does: keep the most specific reason.
            InnerError deepest = f.innerError.deepest();
            data = new ArrayList<>(data);
            data.add(PartnerCenterError.of(deepest.code().orElse(code),
                    deepest.message().orElse(firstOf(description, code)), "innerError"));
        }
        return PartnerCenterError.builder()
                .code(code)
                .description(firstOf(description, code))
                .source(firstOf(f.source, f.target, ""))
                .data(data)
                .build();
    }

    /**
     * {@link PartnerApiError#toPartnerCenter(String)} with an empty default source, except that the
     * deepest inner error becomes an extra entry only where it stays within
     * {@link ModelLimits#MAX_DEPTH}: {@code level} is that of {@code e} in the data tree.
     */
    private static PartnerCenterError toPartnerCenter(PartnerApiError e, int level) {
        PartnerCenterError.Builder b = PartnerCenterError.builder()
                .code(e.code())
                .description(e.message())
                .source(e.target().orElse(""));
        for (PartnerApiError d : e.details()) {
            b.addData(toPartnerCenter(d, level + 1));
        }
        if (e.innerError().isPresent() && e.details().size() < ModelLimits.MAX_ENTRIES && level < ModelLimits.MAX_DEPTH) {
            InnerError deepest = e.innerError().get().deepest();
            b.addData(PartnerCenterError.builder()
                    .code(deepest.code().orElse(e.code()))
                    .description(deepest.message().orElse(e.message()))
                    .source("innerError")
                    .build());
        }
        return b.build();
    }

    private static List<PartnerApiError> paEntries(List<Fields> entries, String parentCode) {
        if (entries == null || entries.isEmpty()) {
            return List.of();
        }
        List<PartnerApiError> out = new ArrayList<>(entries.size());
        for (Fields f : entries) {
            PartnerApiError e = paEntry(f, parentCode);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    private static PartnerApiError paEntry(Fields f, String parentCode) {
        if (f.text != null) {
            return PartnerApiError.of(parentCode != null ? parentCode : UNKNOWN_CODE, f.text);
        }
        String code = firstOf(f.code, f.errorCode);
        String message = firstOf(f.message, f.description, f.detail, f.title, f.errorDescription);
        if (code == null && message == null) {
            return null;
        }
        code = firstOf(code, parentCode, UNKNOWN_CODE);
        return PartnerApiError.builder()
                .code(code)
                .message(firstOf(message, code))
                .target(firstOf(f.target, f.source))
                .innerError(f.innerError)
                .details(paEntries(f.details != null ? f.details : f.data, code))
                .build();
    }
}
