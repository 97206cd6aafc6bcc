package dev.restfault.testkit.load;

import static dev.restfault.testkit.implementation.Html.escape;

import dev.restfault.testkit.check.Violation;
import dev.restfault.testkit.implementation.AsciiJson;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * Renders a {@link LoadReport} as text (for a terminal), JSON (for CI tools) or a standalone HTML
 * page, as {@link dev.restfault.testkit.probe.ProbeReports} does for a probe. Everything that came
 * from the server (the examples' evidence) is escaped for the target format: JSON escapes every
 * character beyond ASCII; the token never appears.
 */
public final class LoadReports {

    private LoadReports() {
    }

    /**
     * {@code "28,512 requests, 343 broken connections, 0 other failures, 0 off-contract answers:
     * not conformant"}.
     */
    public static String summary(LoadReport r) {
        long broken = r.brokenConnections();
        long other = r.failed() - broken;
        return number(r.requests()) + " requests, " + number(broken) + " broken connection" + (broken == 1 ? "" : "s") + ", "
                + number(other) + " other failure" + (other == 1 ? "" : "s") + ", " + number(r.offContractAnswers())
                + " off-contract answer" + (r.offContractAnswers() == 1 ? "" : "s") + ": "
                + (r.isConformant() ? "conformant" : "not conformant");
    }

    /** The run, the answers by status, the failures, the violations by rule, latency, then the summary. */
    public static String text(LoadReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("restfault check --load ").append(r.baseUrl()).append('\n');
        sb.append(r.connections()).append(r.connections() == 1 ? " connection, " : " connections, ").append(seconds(r.elapsed())).append(" s (")
                .append(bounds(r)).append("), resource ").append(r.resource().getRawPath()).append('\n');
        sb.append("mix ").append(r.mix()).append("\n\n");
        row(sb, "requests", r.requests(), number(rate(r)) + "/s");
        row(sb, "answered", r.answered(), "");
        for (Map.Entry<Integer, Long> e : r.answersByStatus().entrySet()) {
            row(sb, "  " + e.getKey(), e.getValue(), "");
        }
        row(sb, "answered before the body was sent", r.earlyAnswers(), "");
        row(sb, "connections opened", r.connectionsOpened(), number(r.announcedCloses()) + " closed with Connection: close");
        sb.append('\n');
        for (TransportFailure kind : TransportFailure.values()) {
            long n = r.failures().get(kind);
            row(sb, kind.label(), n, n == 0 ? "" : r.failureExamples().getOrDefault(kind, ""));
            if (kind == TransportFailure.BROKEN_CONNECTION) {
                for (Map.Entry<String, Long> e : r.brokenConnectionsAfter().entrySet()) {
                    row(sb, "  after " + e.getKey(), e.getValue(), "");
                }
            }
        }
        row(sb, "off-contract answers", r.offContractAnswers(), "");
        for (ViolationGroup g : r.violations()) {
            row(sb, "  " + g.rule().id(), g.answers(), "");
            sb.append("      e.g. ").append(g.exampleRequest()).append(" -> ").append(g.exampleStatus()).append(": ")
                    .append(g.example()).append('\n');
        }
        for (Violation v : r.runViolations()) {
            sb.append("FAIL run: ").append(v).append('\n');
        }
        sb.append('\n').append(String.format(Locale.ROOT, "%-36s %10s %9s %9s %9s %9s%n", "latency (ms)", "answers", "p50", "p90",
                "p99", "max"));
        latency(sb, "successes", r.successLatency());
        latency(sb, "errors", r.errorLatency());
        sb.append('\n').append(summary(r)).append('\n');
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, long n, String note) {
        sb.append(String.format(Locale.ROOT, "%-36s %10s", label, number(n)));
        if (!note.isEmpty()) {
            sb.append("  ").append(note);
        }
        sb.append('\n');
    }

    private static void latency(StringBuilder sb, String label, LatencySummary s) {
        sb.append(String.format(Locale.ROOT, "%-36s %10s %9s %9s %9s %9s%n", "  " + label, number(s.count()),
                LatencySummary.millis(s.p50()), LatencySummary.millis(s.p90()), LatencySummary.millis(s.p99()),
                LatencySummary.millis(s.max())));
    }

    /** {@code "bound: 8.0 s"}, {@code "bound: 4,000 requests"} or {@code "bound: 8.0 s or 4,000 requests"}. */
    private static String bounds(LoadReport r) {
        String d = r.plannedDuration().map(x -> seconds(x) + " s").orElse(null);
        String n = r.plannedRequests().isPresent() ? number(r.plannedRequests().getAsLong()) + " requests" : null;
        return "bound: " + (d == null ? n : n == null ? d : d + " or " + n);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    private static long rate(LoadReport r) {
        double s = r.elapsed().toNanos() / 1e9;
        return s <= 0 ? 0 : Math.round(r.requests() / s);
    }

    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * {@code {"baseUrl","resource","mix","connections","elapsedMillis","plannedSeconds"?,
     * "plannedRequests"?,"conformant","requests","answered","statuses":{"200":n},
     * "failures":{"broken-connection":n,...},"brokenConnectionsAfter":{"post-json -> 405":n},
     * "connectionsOpened","announcedCloses","earlyAnswers","offContractAnswers","violations":[{"rule","answers",
     * "example":{"request","status","violation":violation}}],"runViolations":[violation],
     * "latency":{"successes":{"count","p50Millis","p90Millis","p99Millis","maxMillis"},"errors":{...}}}}},
     * each violation as {@link Violation#toJson()} writes it. Printable ASCII only.
     */
    public static String json(LoadReport r) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = AsciiJson.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeStringProperty("baseUrl", r.baseUrl().toString());
            g.writeStringProperty("resource", r.resource().toString());
            g.writeStringProperty("mix", r.mix());
            g.writeNumberProperty("connections", r.connections());
            g.writeNumberProperty("elapsedMillis", r.elapsed().toMillis());
            if (r.plannedDuration().isPresent()) {
                g.writeNumberProperty("plannedSeconds", r.plannedDuration().get().toMillis() / 1000.0);
            }
            if (r.plannedRequests().isPresent()) {
                g.writeNumberProperty("plannedRequests", r.plannedRequests().getAsLong());
            }
            g.writeBooleanProperty("conformant", r.isConformant());
            g.writeNumberProperty("requests", r.requests());
            g.writeNumberProperty("answered", r.answered());
            g.writeName("statuses");
            g.writeStartObject();
            for (Map.Entry<Integer, Long> e : r.answersByStatus().entrySet()) {
                g.writeNumberProperty(String.valueOf(e.getKey()), e.getValue());
            }
            g.writeEndObject();
            g.writeName("failures");
            g.writeStartObject();
            for (TransportFailure kind : TransportFailure.values()) {
                g.writeNumberProperty(kind.id(), r.failures().get(kind));
            }
            g.writeEndObject();
            g.writeName("brokenConnectionsAfter");
            g.writeStartObject();
            for (Map.Entry<String, Long> e : r.brokenConnectionsAfter().entrySet()) {
                g.writeNumberProperty(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeNumberProperty("connectionsOpened", r.connectionsOpened());
            g.writeNumberProperty("announcedCloses", r.announcedCloses());
            g.writeNumberProperty("earlyAnswers", r.earlyAnswers());
            g.writeNumberProperty("offContractAnswers", r.offContractAnswers());
            g.writeName("violations");
            g.writeStartArray();
            for (ViolationGroup v : r.violations()) {
                g.writeStartObject();
                g.writeStringProperty("rule", v.rule().id());
                g.writeNumberProperty("answers", v.answers());
                g.writeName("example");
                g.writeStartObject();
                g.writeStringProperty("request", v.exampleRequest());
                g.writeNumberProperty("status", v.exampleStatus());
                g.writeName("violation");
                g.writeRawValue(v.example().toJson());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeName("runViolations");
            g.writeStartArray();
            for (Violation v : r.runViolations()) {
                g.writeRawValue(v.toJson());
            }
            g.writeEndArray();
            g.writeName("latency");
            g.writeStartObject();
            latency(g, "successes", r.successLatency());
            latency(g, "errors", r.errorLatency());
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toString();
    }

    private static void latency(JsonGenerator g, String name, LatencySummary s) {
        g.writeName(name);
        g.writeStartObject();
        g.writeNumberProperty("count", s.count());
        g.writeNumberProperty("p50Millis", millis(s.p50()));
        g.writeNumberProperty("p90Millis", millis(s.p90()));
        g.writeNumberProperty("p99Millis", millis(s.p99()));
        g.writeNumberProperty("maxMillis", millis(s.max()));
        g.writeEndObject();
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1000 / 1000.0;
    }

    /** A standalone HTML page (no scripts, no external resources). */
    public static String html(LoadReport r) {
        StringBuilder sb = new StringBuilder();
        String base = escape(r.baseUrl().toString());
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>restfault check --load ")
                .append(base).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1em}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}")
                .append("td.n{text-align:right}.pass{color:#0a0}.fail{color:#c00}code{font-size:90%}</style></head><body>\n");
        sb.append("<h1>restfault check --load</h1>\n<p><code>").append(base).append("</code>, resource <code>")
                .append(escape(r.resource().getRawPath())).append("</code>: <strong class=\"")
                .append(r.isConformant() ? "pass" : "fail").append("\">").append(escape(summary(r))).append("</strong></p>\n");
        sb.append("<p>").append(r.connections()).append(" connections, ").append(seconds(r.elapsed())).append(" s (")
                .append(escape(bounds(r))).append("), mix <code>").append(escape(r.mix())).append("</code></p>\n");
        sb.append("<table><tr><th>answers</th><th>count</th></tr>\n");
        for (Map.Entry<Integer, Long> e : r.answersByStatus().entrySet()) {
            sb.append("<tr><td>").append(e.getKey()).append("</td><td class=\"n\">").append(number(e.getValue())).append("</td></tr>\n");
        }
        sb.append("<tr><td>answered before the body was sent</td><td class=\"n\">").append(number(r.earlyAnswers()))
                .append("</td></tr>\n<tr><td>connections opened</td><td class=\"n\">").append(number(r.connectionsOpened()))
                .append("</td></tr>\n<tr><td>answers with Connection: close</td><td class=\"n\">").append(number(r.announcedCloses()))
                .append("</td></tr>\n");
        sb.append("</table>\n<table><tr><th>without an answer</th><th>count</th><th>first seen</th></tr>\n");
        for (TransportFailure kind : TransportFailure.values()) {
            long n = r.failures().get(kind);
            sb.append("<tr><td class=\"").append(n == 0 ? "pass" : "fail").append("\">").append(escape(kind.label()))
                    .append("</td><td class=\"n\">").append(number(n)).append("</td><td>")
                    .append(escape(r.failureExamples().getOrDefault(kind, ""))).append("</td></tr>\n");
        }
        for (Map.Entry<String, Long> e : r.brokenConnectionsAfter().entrySet()) {
            sb.append("<tr><td>broken after <code>").append(escape(e.getKey())).append("</code></td><td class=\"n\">")
                    .append(number(e.getValue())).append("</td><td></td></tr>\n");
        }
        sb.append("</table>\n<table><tr><th>rule</th><th>answers</th><th>example</th></tr>\n");
        for (ViolationGroup g : r.violations()) {
            sb.append("<tr><td class=\"fail\"><code>").append(escape(g.rule().id())).append("</code></td><td class=\"n\">")
                    .append(number(g.answers())).append("</td><td><code>").append(escape(g.exampleRequest())).append(" -&gt; ")
                    .append(g.exampleStatus()).append("</code>: ").append(escape(g.example().explanation()));
            if (!g.example().evidence().isEmpty()) {
                sb.append("<br><small>").append(escape(g.example().evidence())).append("</small>");
            }
            sb.append("</td></tr>\n");
        }
        if (r.violations().isEmpty()) {
            sb.append("<tr><td class=\"pass\" colspan=\"3\">every answer kept the contract</td></tr>\n");
        }
        sb.append("</table>\n");
        for (Violation v : r.runViolations()) {
            sb.append("<p class=\"fail\"><code>").append(escape(v.ruleId())).append("</code>: ").append(escape(v.explanation()))
                    .append("</p>\n");
        }
        sb.append("<table><tr><th>latency (ms)</th><th>answers</th><th>p50</th><th>p90</th><th>p99</th><th>max</th></tr>\n");
        htmlLatency(sb, "successes", r.successLatency());
        htmlLatency(sb, "errors", r.errorLatency());
        sb.append("</table>\n</body></html>\n");
        return sb.toString();
    }

    private static void htmlLatency(StringBuilder sb, String label, LatencySummary s) {
        sb.append("<tr><td>").append(label).append("</td><td class=\"n\">").append(number(s.count())).append("</td>");
        for (Duration d : new Duration[] {s.p50(), s.p90(), s.p99(), s.max()}) {
            sb.append("<td class=\"n\">").append(LatencySummary.millis(d)).append("</td>");
        }
        sb.append("</tr>\n");
    }
}
