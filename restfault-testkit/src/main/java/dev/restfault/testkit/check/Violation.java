package dev.restfault.testkit.check;

import dev.restfault.testkit.implementation.AsciiJson;
import java.io.StringWriter;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * One way a response breaks the contract: the {@link Rule}, a one-line explanation
 * ({@code "401 without WWW-Authenticate"}) and the evidence (a header value, a JSON pointer and
 * an excerpt of what was found there).
 *
 * <p>Explanation and evidence are single lines of printable text, at most
 * {@value #MAX_EVIDENCE} characters of evidence: control characters from the response are
 * replaced, so a report can be printed to a terminal or embedded in HTML (after escaping) safely.
 * Immutable.
 */
public final class Violation {

    /** The longest evidence kept, in characters. */
    public static final int MAX_EVIDENCE = 200;

    private final Rule rule;
    private final String explanation;
    private final String evidence;

    private Violation(Rule rule, String explanation, String evidence) {
        this.rule = rule;
        this.explanation = explanation;
        this.evidence = evidence;
    }

    /**
     * A violation.
     *
     * @param evidence null means none
     * @throws IllegalArgumentException if {@code rule} is null or {@code explanation} is null or blank
     */
    public static Violation of(Rule rule, String explanation, String evidence) {
        if (rule == null) {
            throw new IllegalArgumentException("rule must not be null");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("explanation must not be null or blank");
        }
        return new Violation(rule, oneLine(explanation, 300), evidence == null ? "" : oneLine(evidence, MAX_EVIDENCE));
    }

    public Rule rule() {
        return rule;
    }

    /** The rule's stable id. */
    public String ruleId() {
        return rule.id();
    }

    /** What is wrong, in one line. */
    public String explanation() {
        return explanation;
    }

    /** What was found and where; empty when the explanation says it all. */
    public String evidence() {
        return evidence;
    }

    /**
     * The violation as one JSON object, {@code {"rule":"401-challenge","explanation":"...","evidence":"..."}}
     * ({@code evidence} empty when there is none), in printable ASCII only: every other character
     * is a {@code \\uXXXX} escape, so it can be printed, logged or embedded in any JSON document
     * as is. The one JSON form of a violation: the probe's reports and the command line write it.
     */
    public String toJson() {
        StringWriter out = new StringWriter(64 + explanation.length() + evidence.length());
        try (JsonGenerator g = AsciiJson.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeStringProperty("rule", rule.id());
            g.writeStringProperty("explanation", explanation);
            g.writeStringProperty("evidence", evidence);
            g.writeEndObject();
        }
        return out.toString();
    }

    /** {@code id: explanation (evidence)}. */
    @Override
    public String toString() {
        return rule.id() + ": " + explanation + (evidence.isEmpty() ? "" : " (" + evidence + ")");
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Violation)) {
            return false;
        }
        Violation v = (Violation) o;
        return rule == v.rule && explanation.equals(v.explanation) && evidence.equals(v.evidence);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, explanation, evidence);
    }

    /** Printable, single-line, bounded: control characters become U+FFFD, never a line break. */
    static String oneLine(String s, int max) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max + 1));
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                sb.append(' ');
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || Character.getType(c) == Character.FORMAT && c != '\u200D') {
                sb.append('\uFFFD');
            } else if (Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
                sb.append('\uFFFD');
            } else if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        if (sb.length() > 0 && Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
            sb.setLength(sb.length() - 1);
        }
        if (s.length() > sb.length()) {
            sb.append('\u2026');
        }
        return sb.toString();
    }
}
