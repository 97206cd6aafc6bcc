package dev.restfault.testkit.probe;

import static dev.restfault.testkit.implementation.Html.escape;

import dev.restfault.testkit.check.Violation;
import dev.restfault.testkit.implementation.AsciiJson;
import java.io.StringWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * Renders a {@link ProbeReport} as text (for a terminal), JSON (for CI tools) or a standalone
 * HTML page. Everything that came from the server is escaped for the target format; the token
 * never appears (it is not part of the report).
 */
public final class ProbeReports {

    private ProbeReports() {
    }

    /** One block per request, then a summary line. */
    public static String text(ProbeReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("restfault check ").append(report.baseUrl()).append("\n\n");
        for (ProbeResult r : report.results()) {
            sb.append(r.violations().isEmpty() ? "PASS " : "FAIL ").append(String.format("%-15s", r.probeCase().id()))
                    .append(' ').append(r.method()).append(' ').append(r.uri().getRawPath()).append(" -> ")
                    .append(r.status().isPresent() ? String.valueOf(r.status().getAsInt()) : "no answer")
                    .append(r.status().isPresent() && !r.provokedError() ? " (no error provoked)" : "")
                    .append('\n');
            for (Violation v : r.violations()) {
                sb.append("     ").append(v).append('\n');
            }
        }
        for (Violation v : report.runViolations()) {
            sb.append("FAIL run\n     ").append(v).append('\n');
        }
        sb.append('\n').append(summary(report)).append('\n');
        return sb.toString();
    }

    /** {@code "10 requests, 3 violations: not conformant"}. */
    public static String summary(ProbeReport report) {
        int n = report.violations().size();
        return report.results().size() + " requests, " + n + " violation" + (n == 1 ? "" : "s") + ": "
                + (report.isConformant() ? "conformant" : "not conformant");
    }

    /**
     * {@code {"baseUrl","conformant","violationCount","results":[{"case","method","uri","status",
     * "violations":[violation]}],"runViolations":[violation]}}, each violation as
     * {@link Violation#toJson()} writes it. Printable ASCII only: everything else the server
     * chose (bidi overrides, C1 controls, line separators) is a {@code \\uXXXX} escape, so it
     * cannot drive a terminal or reorder what a reader sees when the report is printed or shown.
     */
    public static String json(ProbeReport report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = AsciiJson.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeStringProperty("baseUrl", report.baseUrl().toString());
            g.writeBooleanProperty("conformant", report.isConformant());
            g.writeNumberProperty("violationCount", report.violations().size());
            g.writeName("results");
            g.writeStartArray();
            for (ProbeResult r : report.results()) {
                g.writeStartObject();
                g.writeStringProperty("case", r.probeCase().id());
                g.writeStringProperty("method", r.method());
                g.writeStringProperty("uri", r.uri().toString());
                g.writeName("status");
                if (r.status().isPresent()) {
                    g.writeNumber(r.status().getAsInt());
                } else {
                    g.writeNull();
                }
                if (r.failure().isPresent()) {
                    g.writeStringProperty("failure", r.failure().get());
                }
                g.writeName("violations");
                g.writeStartArray();
                for (Violation v : r.violations()) {
                    g.writeRawValue(v.toJson());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeName("runViolations");
            g.writeStartArray();
            for (Violation v : report.runViolations()) {
                g.writeRawValue(v.toJson());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toString();
    }

    /** A standalone HTML page (no scripts, no external resources). */
    public static String html(ProbeReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>restfault check ")
                .append(escape(report.baseUrl().toString())).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}")
                .append(".pass{color:#0a0}.fail{color:#c00}code{font-size:90%}</style></head><body>\n");
        sb.append("<h1>restfault check</h1>\n<p><code>").append(escape(report.baseUrl().toString())).append("</code>: <strong class=\"")
                .append(report.isConformant() ? "pass" : "fail").append("\">").append(escape(summary(report)))
                .append("</strong></p>\n<table><tr><th>case</th><th>request</th><th>status</th><th>violations</th></tr>\n");
        for (ProbeResult r : report.results()) {
            sb.append("<tr><td class=\"").append(r.violations().isEmpty() ? "pass" : "fail").append("\">")
                    .append(escape(r.probeCase().id())).append("</td><td><code>").append(escape(r.method() + " " + r.uri().getRawPath()))
                    .append("</code></td><td>").append(r.status().isPresent() ? String.valueOf(r.status().getAsInt()) : "no answer")
                    .append("</td><td>");
            if (r.violations().isEmpty()) {
                sb.append("none");
            } else {
                sb.append("<ul>");
                for (Violation v : r.violations()) {
                    sb.append("<li><code>").append(escape(v.ruleId())).append("</code>: ").append(escape(v.explanation()));
                    if (!v.evidence().isEmpty()) {
                        sb.append("<br><small>").append(escape(v.evidence())).append("</small>");
                    }
                    sb.append("</li>");
                }
                sb.append("</ul>");
            }
            sb.append("</td></tr>\n");
        }
        sb.append("</table>\n");
        for (Violation v : report.runViolations()) {
            sb.append("<p class=\"fail\"><code>").append(escape(v.ruleId())).append("</code>: ")
                    .append(escape(v.explanation())).append("</p>\n");
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }
}
