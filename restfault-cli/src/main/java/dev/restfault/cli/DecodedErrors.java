package dev.restfault.cli;

import dev.restfault.core.model.InnerError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.DecodedError;
import dev.restfault.testkit.check.Violation;
import dev.restfault.testkit.implementation.AsciiJson;
import java.io.StringWriter;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * Prints a decoded error and the checker's violations, as text or JSON; shared by decode and call.
 * The JSON is the testkit reports' ({@link AsciiJson}): printable ASCII only, every other
 * character a {@code \\uXXXX} escape, so no byte of it can drive a terminal or reorder what a
 * reader sees; each violation is embedded as {@link Violation#toJson()} writes it.
 */
final class DecodedErrors {

    private DecodedErrors() {
    }

    /** Aligned {@code name: value} lines; every value from the body made terminal-safe. */
    static String text(Integer status, DecodedError e, List<Violation> violations) {
        StringBuilder sb = new StringBuilder();
        if (status != null) {
            line(sb, "status", String.valueOf(status));
        }
        line(sb, "shape", e.bodyShape().token());
        line(sb, "code", e.code().orElse("(none)"));
        line(sb, "description", e.description().orElse("(none)"));
        line(sb, "source", e.source().orElse("(none)"));
        e.statusCode().ifPresent(s -> line(sb, "statusCode", String.valueOf(s)));
        for (PartnerCenterError d : e.data()) {
            line(sb, "data", d.code() + ": " + d.description() + (d.source().isEmpty() ? "" : " (" + d.source() + ")"));
        }
        int depth = 0;
        for (InnerError i = e.innerError().orElse(null); i != null && depth < 32; i = i.innerError().orElse(null), depth++) {
            line(sb, "innerError", i.code().orElse("") + (i.message().isPresent() ? ": " + i.message().get() : ""));
        }
        violationsText(sb, violations);
        return sb.toString();
    }

    static void violationsText(StringBuilder sb, List<Violation> violations) {
        if (violations.isEmpty()) {
            sb.append("no contract violations\n");
        } else {
            sb.append(violations.size()).append(" contract violation").append(violations.size() == 1 ? "" : "s").append(":\n");
            for (Violation v : violations) {
                sb.append("  ").append(Terminal.safe(v.toString())).append('\n');
            }
        }
    }

    private static void line(StringBuilder sb, String name, String value) {
        sb.append(String.format("%-12s ", name + ":")).append(Terminal.safe(value)).append('\n');
    }

    /**
     * {@code {"status","decoded":{shape,bodyShape,code,description,source,statusCode,data,innerError},"violations":[...]}};
     * {@code decoded} is null when the body could not be read, with {@code "failure"} saying why;
     * {@code shape} is the form the reader read the body in, {@code bodyShape} exactly what it is
     * (its {@code BodyShape} token), each violation as {@link Violation#toJson()} writes it.
     */
    static String json(Integer status, DecodedError e, String failure, List<Violation> violations) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = AsciiJson.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            if (status != null) {
                g.writeNumberProperty("status", status.intValue());
            }
            g.writeName("decoded");
            if (e == null) {
                g.writeNull();
                g.writeStringProperty("failure", failure);
            } else {
                g.writeStartObject();
                g.writeStringProperty("shape", e.shape().name());
                g.writeStringProperty("bodyShape", e.bodyShape().token());
                optional(g, "code", e.code().orElse(null));
                optional(g, "description", e.description().orElse(null));
                optional(g, "source", e.source().orElse(null));
                if (e.statusCode().isPresent()) {
                    g.writeNumberProperty("statusCode", e.statusCode().get().intValue());
                }
                g.writeName("data");
                g.writeStartArray();
                for (PartnerCenterError d : e.data()) {
                    g.writeStartObject();
                    g.writeStringProperty("code", d.code());
                    g.writeStringProperty("description", d.description());
                    g.writeStringProperty("source", d.source());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeName("innerErrors");
                g.writeStartArray();
                int depth = 0;
                for (InnerError i = e.innerError().orElse(null); i != null && depth < 32; i = i.innerError().orElse(null), depth++) {
                    g.writeStartObject();
                    optional(g, "code", i.code().orElse(null));
                    optional(g, "message", i.message().orElse(null));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeName("violations");
            g.writeStartArray();
            for (Violation v : violations) {
                g.writeRawValue(v.toJson());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toString();
    }

    private static void optional(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.writeStringProperty(name, value);
        }
    }
}
