package dev.restfault.json;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.restfault.core.model.InnerError;
import dev.restfault.core.model.PartnerApiError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.core.model.ProblemDetail;
import dev.restfault.json.implementation.ErrorEncoding;
import dev.restfault.json.implementation.SafeText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Model objects built from a fuzzer's data through the public builders, with hostile strings:
 * lone surrogates, U+2028/U+2029, C0 and C1 controls, DEL, byte order marks, every kind of
 * white space, combining and emoji sequences, JSON and HTML syntax, any UTF-16 code unit, and
 * runs long enough to cross every 1024-unit bound. The builders may refuse a value with an
 * {@link IllegalArgumentException}, their documented answer; callers let that pass.
 *
 * <p>Also the model as a reader sees it after the writer's one repair (a lone surrogate becomes
 * U+FFFD): {@code repaired(x)}.
 */
final class HostileModels {

    private static final String[] PIECES = {
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u0000", "\u001f", "\u007f", "\u0085", "\u009f",
        "\u2028", "\u2029", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD83D\uDE00", "\uD83D\uDC69\u200D\uD83D\uDCBB",
        "\uD83C\uDDEB\uD83C\uDDF7", "e\u0301", "\u0301", "\u200D", "\uFE0F", "\uFEFF", "\uFFFD", "\uFFFF", "\u00A0",
        "\u2007", "\u202F", "\u3000", "\u000B", "\u000C", "\u001C", "\u1680", "</script>", "{\"a\":[1]}", "\u65E5\u672C",
        "java.lang.NullPointerException", "about:blank", "code", "type", "data", "error"
    };

    private HostileModels() {
    }

    /** Up to {@code maxParts} parts: a piece, any code unit, or a piece repeated up to 1100 times. */
    static String text(FuzzedDataProvider data, int maxParts) {
        int parts = data.consumeInt(0, maxParts);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts && data.remainingBytes() > 0; i++) {
            int kind = data.consumeInt(0, 7);
            if (kind == 0) {
                sb.append(data.consumeChar());
            } else if (kind == 1) {
                sb.append(PIECES[data.consumeInt(0, PIECES.length - 1)].repeat(data.consumeInt(1, 1100)));
            } else {
                sb.append(PIECES[data.consumeInt(0, PIECES.length - 1)]);
            }
        }
        return sb.toString();
    }

    /** Null now and then, else {@link #text}. */
    static String optionalText(FuzzedDataProvider data, int maxParts) {
        return data.consumeInt(0, 5) == 0 ? null : text(data, maxParts);
    }

    static PartnerCenterError partnerCenter(FuzzedDataProvider data, int depth) {
        PartnerCenterError.Builder b = PartnerCenterError.builder()
                .code(text(data, 4))
                .description(text(data, 6))
                .source(optionalText(data, 3));
        int entries = depth >= 9 ? 0 : data.consumeInt(0, 3);
        if (entries == 3 && data.consumeBoolean()) {
            // Now and then a list at or just over the model's bound.
            entries = data.consumeInt(255, 257);
        }
        for (int i = 0; i < entries && data.remainingBytes() > 0; i++) {
            b.addData(partnerCenter(data, depth + 1));
        }
        return b.build();
    }

    static InnerError innerError(FuzzedDataProvider data, int depth) {
        InnerError next = depth < 17 && data.consumeBoolean() ? innerError(data, depth + 1) : null;
        return InnerError.of(optionalText(data, 3), optionalText(data, 4), next);
    }

    static PartnerApiError partnerApi(FuzzedDataProvider data, int depth) {
        PartnerApiError.Builder b = PartnerApiError.builder()
                .code(text(data, 4))
                .message(text(data, 6))
                .target(optionalText(data, 3));
        if (data.consumeBoolean()) {
            b.innerError(innerError(data, 1));
        }
        int details = depth >= 9 ? 0 : data.consumeInt(0, 3);
        for (int i = 0; i < details && data.remainingBytes() > 0; i++) {
            b.addDetail(partnerApi(data, depth + 1));
        }
        return b.build();
    }

    static ProblemDetail problem(FuzzedDataProvider data) {
        ProblemDetail.Builder b = ProblemDetail.builder()
                .type(optionalText(data, 3))
                .title(optionalText(data, 4))
                .status(data.consumeBoolean() ? data.consumeInt(99, 600) : null)
                .detail(optionalText(data, 6))
                .instance(optionalText(data, 3))
                .code(optionalText(data, 3))
                .source(optionalText(data, 3));
        int entries = data.consumeInt(0, 2);
        List<PartnerCenterError> list = new ArrayList<>();
        for (int i = 0; i < entries && data.remainingBytes() > 0; i++) {
            list.add(partnerCenter(data, 2));
        }
        b.data(list);
        int extensions = data.consumeInt(0, 4);
        for (int i = 0; i < extensions && data.remainingBytes() > 0; i++) {
            b.extension(text(data, 2), text(data, 3));
        }
        return b.build();
    }

    // ------------------------------------------------------------------ the writer's repair

    static String repaired(String s) {
        return SafeText.wellFormed(s);
    }

    static PartnerCenterError repaired(PartnerCenterError e) {
        List<PartnerCenterError> data = new ArrayList<>(e.data().size());
        for (PartnerCenterError entry : e.data()) {
            data.add(repaired(entry));
        }
        return PartnerCenterError.builder().code(repaired(e.code())).description(repaired(e.description()))
                .source(repaired(e.source())).data(data).build();
    }

    static InnerError repaired(InnerError e) {
        return e == null ? null : InnerError.of(e.code().map(HostileModels::repaired).orElse(null),
                e.message().map(HostileModels::repaired).orElse(null), repaired(e.innerError().orElse(null)));
    }

    static PartnerApiError repaired(PartnerApiError e) {
        List<PartnerApiError> details = new ArrayList<>(e.details().size());
        for (PartnerApiError d : e.details()) {
            details.add(repaired(d));
        }
        return PartnerApiError.builder().code(repaired(e.code())).message(repaired(e.message()))
                .target(e.target().map(HostileModels::repaired).orElse(null))
                .innerError(repaired(e.innerError().orElse(null))).details(details).build();
    }

    /** As written: strings repaired, extensions named like a reserved member or a taken name left out. */
    static ProblemDetail repaired(ProblemDetail p) {
        List<PartnerCenterError> data = new ArrayList<>(p.data().size());
        for (PartnerCenterError entry : p.data()) {
            data.add(repaired(entry));
        }
        ProblemDetail.Builder b = ProblemDetail.builder()
                .type(repaired(p.type()))
                .title(p.title().map(HostileModels::repaired).orElse(null))
                .status(p.status().orElse(null))
                .detail(p.detail().map(HostileModels::repaired).orElse(null))
                .instance(p.instance().map(HostileModels::repaired).orElse(null))
                .code(p.code().map(HostileModels::repaired).orElse(null))
                .source(p.source().map(HostileModels::repaired).orElse(null))
                .data(data);
        // A name that is another's once repaired is written once, the first time it is met.
        Set<String> taken = new HashSet<>(p.extensions().keySet());
        for (Map.Entry<String, String> ext : p.extensions().entrySet()) {
            String name = repaired(ext.getKey());
            if (!ErrorEncoding.PROBLEM_RESERVED.contains(ext.getKey()) && (name.equals(ext.getKey()) || taken.add(name))) {
                b.extension(name, repaired(ext.getValue()));
            }
        }
        return b.build();
    }
}
