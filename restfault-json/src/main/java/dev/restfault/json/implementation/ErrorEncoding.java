package dev.restfault.json.implementation;

import dev.restfault.core.model.InnerError;
import dev.restfault.core.model.PartnerApiError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.core.model.ProblemDetail;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the model to a {@link JsonGenerator} in each wire format; shared by
 * {@code ErrorWriter} and the databind module so both emit the same bytes. Not part of the API.
 *
 * <p>Every string goes through {@link SafeText#wellFormed(String)} first: a lone surrogate
 * becomes U+FFFD instead of invalid UTF-8 (or a generator failure).
 */
public final class ErrorEncoding {

    /** Member names of RFC 9457 and of the contract, which an extension member may not reuse. */
    public static final Set<String> PROBLEM_RESERVED =
            Set.of("type", "title", "status", "detail", "instance", "code", "source", "data");

    /** The factory of the strict writers: strict escapes, never closes the caller's stream. */
    public static final JsonFactory WRITE_FACTORY = JsonFactory.builder()
            .recyclerPool(StripedRecyclerPool.INSTANCE)
            .characterEscapes(StrictEscapes.INSTANCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    // Member names pre-encoded once: the generator copies their bytes instead of encoding them.
    private static final SerializedString CODE = new SerializedString("code");
    private static final SerializedString DESCRIPTION = new SerializedString("description");
    private static final SerializedString DATA = new SerializedString("data");
    private static final SerializedString SOURCE = new SerializedString("source");
    private static final SerializedString ERROR = new SerializedString("error");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString TARGET = new SerializedString("target");
    private static final SerializedString INNER_ERROR = new SerializedString("innerError");
    private static final SerializedString DETAILS = new SerializedString("details");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString TITLE = new SerializedString("title");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString DETAIL = new SerializedString("detail");
    private static final SerializedString INSTANCE = new SerializedString("instance");

    private ErrorEncoding() {
    }

    private static void string(JsonGenerator g, SerializedString name, String value) {
        g.writeName(name);
        g.writeString(value);
    }

    private static void number(JsonGenerator g, SerializedString name, int value) {
        g.writeName(name);
        g.writeNumber(value);
    }

    /** {@code {"code","description","data"?,"source"}}; {@code data} omitted when empty. */
    public static void writePartnerCenter(JsonGenerator g, PartnerCenterError e) {
        g.writeStartObject();
        string(g, CODE, SafeText.wellFormed(e.code()));
        string(g, DESCRIPTION, SafeText.wellFormed(e.description()));
        if (!e.data().isEmpty()) {
            g.writeName(DATA);
            g.writeStartArray();
            for (PartnerCenterError entry : e.data()) {
                writePartnerCenter(g, entry);
            }
            g.writeEndArray();
        }
        string(g, SOURCE, SafeText.wellFormed(e.source()));
        g.writeEndObject();
    }

    /** {@code {"error":{...}}}: the wrapped form the Partner API sends. */
    public static void writePartnerApi(JsonGenerator g, PartnerApiError e) {
        g.writeStartObject();
        g.writeName(ERROR);
        writePartnerApiObject(g, e);
        g.writeEndObject();
    }

    /** The error object itself: {@code {"code","message","target"?,"innerError"?,"details"?}}. */
    public static void writePartnerApiObject(JsonGenerator g, PartnerApiError e) {
        g.writeStartObject();
        string(g, CODE, SafeText.wellFormed(e.code()));
        string(g, MESSAGE, SafeText.wellFormed(e.message()));
        if (e.target().isPresent()) {
            string(g, TARGET, SafeText.wellFormed(e.target().get()));
        }
        if (e.innerError().isPresent()) {
            g.writeName(INNER_ERROR);
            writeInnerError(g, e.innerError().get());
        }
        if (!e.details().isEmpty()) {
            g.writeName(DETAILS);
            g.writeStartArray();
            for (PartnerApiError d : e.details()) {
                writePartnerApiObject(g, d);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** {@code {"code"?,"message"?,"innerError"?}}, spelled as the seed spells it. */
    public static void writeInnerError(JsonGenerator g, InnerError inner) {
        // Iterative on the way in; the chain is bounded by the model (16), so the closing is too.
        int open = 0;
        for (InnerError e = inner; e != null; e = e.innerError().orElse(null)) {
            if (open > 0) {
                g.writeName(INNER_ERROR);
            }
            g.writeStartObject();
            open++;
            if (e.code().isPresent()) {
                string(g, CODE, SafeText.wellFormed(e.code().get()));
            }
            if (e.message().isPresent()) {
                string(g, MESSAGE, SafeText.wellFormed(e.message().get()));
            }
        }
        for (int i = 0; i < open; i++) {
            g.writeEndObject();
        }
    }

    /**
     * RFC 9457 members ({@code type}, {@code title}, {@code status}, {@code detail},
     * {@code instance}), then the contract's extension members ({@code code}, {@code source},
     * {@code data}), then other extension members as strings. An extension whose name is one of
     * {@link #PROBLEM_RESERVED} is skipped: it would duplicate a member; so is one whose name, its
     * lone surrogates repaired, is the name of another extension.
     */
    public static void writeProblem(JsonGenerator g, ProblemDetail p) {
        g.writeStartObject();
        string(g, TYPE, SafeText.wellFormed(p.type()));
        if (p.title().isPresent()) {
            string(g, TITLE, SafeText.wellFormed(p.title().get()));
        }
        if (p.status().isPresent()) {
            number(g, STATUS, p.status().get());
        }
        if (p.detail().isPresent()) {
            string(g, DETAIL, SafeText.wellFormed(p.detail().get()));
        }
        if (p.instance().isPresent()) {
            string(g, INSTANCE, SafeText.wellFormed(p.instance().get()));
        }
        if (p.code().isPresent()) {
            string(g, CODE, SafeText.wellFormed(p.code().get()));
        }
        if (p.source().isPresent()) {
            string(g, SOURCE, SafeText.wellFormed(p.source().get()));
        }
        if (!p.data().isEmpty()) {
            g.writeName(DATA);
            g.writeStartArray();
            for (PartnerCenterError entry : p.data()) {
                writePartnerCenter(g, entry);
            }
            g.writeEndArray();
        }
        Set<String> repairedNames = null;
        for (Map.Entry<String, String> ext : p.extensions().entrySet()) {
            String name = ext.getKey();
            if (PROBLEM_RESERVED.contains(name)) {
                continue;
            }
            String wellFormed = SafeText.wellFormed(name);
            if (wellFormed != name) {
                // Names that differ only in lone surrogates are one name once repaired: a repaired
                // name already taken (by an extension as sent, or an earlier repaired one) is
                // skipped. Only maps holding such names pay for the set.
                if (repairedNames == null) {
                    repairedNames = new HashSet<>(p.extensions().keySet());
                }
                if (!repairedNames.add(wellFormed)) {
                    continue;
                }
            }
            g.writeStringProperty(wellFormed, SafeText.wellFormed(ext.getValue()));
        }
        g.writeEndObject();
    }
}
