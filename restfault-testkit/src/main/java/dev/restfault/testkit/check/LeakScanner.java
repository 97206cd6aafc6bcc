package dev.restfault.testkit.check;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what must never reach a client (docs/contract.md, section Never leak): Java, Node.js,
 * Python and .NET stack traces (a single Java frame {@code a.b.C.m(C.java:42)} anywhere counts),
 * exception class names and the JVM's error class names ({@code StackOverflowError},
 * {@code OutOfMemoryError}...), SQL and database errors, server file paths.
 *
 * <p>Heuristics, tuned to stay quiet on ordinary error texts: SQL keywords must be upper case as
 * a query would spell them ("Select a plan from the list" passes), and only file-system roots an
 * API path never uses count as paths ({@code /v1/customers} passes). Every pattern is bounded, so
 * scanning a megabyte of hostile text stays linear.
 */
final class LeakScanner {

    private static final class Probe {
        final Rule rule;
        final String what;
        final Pattern pattern;

        Probe(Rule rule, String what, String regex) {
            this.rule = rule;
            this.what = what;
            this.pattern = Pattern.compile(regex);
        }
    }

    private static final List<Probe> PROBES = List.of(
            new Probe(Rule.LEAK_STACK_TRACE, "a Java stack trace",
                    "\\bat [\\w$.<>/]{1,300}\\((?:[\\w$-]{1,200}\\.(?:java|kt|scala|groovy)(?::\\d{1,7})?|Native Method|Unknown Source)\\)"),
            // A frame without its "at ", as a JSON member such as "trace" may hold it:
            // package.Class.method(File.java:42), at least two qualifiers and a line number.
            // Anchored at the start of a dotted run and possessive throughout: tried from every
            // position with backtracking, it took seconds on a hostile body of "a$a$a$...".
            new Probe(Rule.LEAK_STACK_TRACE, "a Java stack frame",
                    "(?<![\\w$.])(?:[\\w$]{1,100}+\\.){2,30}+[\\w$<>]{1,100}+\\([\\w$-]{1,200}+\\.(?:java|kt|scala|groovy):\\d{1,7}+\\)"),
            // Node.js: "at fn (/app/index.js:1:1)", "at /app/index.js:1:1", "at node:internal/x:1:1".
            new Probe(Rule.LEAK_STACK_TRACE, "a Node.js stack frame",
                    "\\bat [^\\n()]{0,200}\\([^()\\n]{1,300}\\.(?:js|mjs|cjs|ts|jsx|tsx):\\d{1,7}:\\d{1,7}\\)"
                            + "|\\bat (?:/|[A-Za-z]:\\\\|file:|node:)[^\\s()]{1,300}:\\d{1,7}:\\d{1,7}"),
            new Probe(Rule.LEAK_STACK_TRACE, "a stack trace's \"Caused by\"",
                    "Caused by: [\\w$.]{1,300}"),
            new Probe(Rule.LEAK_STACK_TRACE, "a stack trace",
                    "Traceback \\(most recent call last\\)|\\bat [\\w.`<>]{1,300}\\([^)\\n]{0,300}\\) in [^\\n]{1,300}:line \\d{1,7}"),
            new Probe(Rule.LEAK_EXCEPTION, "an exception class name",
                    "\\b(?:[a-z_][a-z0-9_]{0,60}\\.){1,20}[A-Z][A-Za-z0-9_$]{0,100}(?:Exception|Error|Throwable)\\b"),
            new Probe(Rule.LEAK_EXCEPTION, "an exception class name",
                    "\\b[A-Z][A-Za-z0-9_]{0,100}Exception\\b"),
            // The JVM's own errors by their simple names: what a catch-all handler prints.
            // InternalError is left out: it reads as an ordinary error code.
            new Probe(Rule.LEAK_EXCEPTION, "a JVM error class name",
                    "\\b(?:StackOverflowError|OutOfMemoryError|NoClassDefFoundError|NoSuchMethodError|NoSuchFieldError"
                            + "|ExceptionInInitializerError|UnsatisfiedLinkError|AbstractMethodError|IncompatibleClassChangeError"
                            + "|UnsupportedClassVersionError|ClassFormatError|IllegalAccessError|InstantiationError|VerifyError"
                            + "|BootstrapMethodError|VirtualMachineError|LinkageError|AssertionError)\\b"),
            new Probe(Rule.LEAK_SQL, "SQL",
                    "\\bSELECT\\b[^;\\n]{1,300}?\\bFROM\\b|\\bINSERT\\s{1,10}INTO\\b|\\bDELETE\\s{1,10}FROM\\b"
                            + "|\\bUPDATE\\s{1,10}[\\w.\"`]{1,100}\\s{1,10}SET\\b"),
            new Probe(Rule.LEAK_SQL, "a database error",
                    "(?i)\\bSQLSTATE\\b|\\bORA-\\d{5}\\b|syntax error at or near|\\byou have an error in your sql syntax"
                            + "|duplicate key value violates|\\bjdbc:[a-z0-9]{1,30}:"),
            new Probe(Rule.LEAK_FILE_PATH, "a server file path",
                    "(?<![\\w.:/~-])/(?:home|usr|var|opt|tmp|etc|srv|root|Users)/[\\w.@+-]{1,200}"),
            new Probe(Rule.LEAK_FILE_PATH, "a server file path",
                    "(?<![\\w])[A-Za-z]:\\\\[^\\s\"'<>|]{1,300}|\\bfile:/[^\\s\"']{1,300}|\\bWEB-INF/|\\.jar!/"));

    private LeakScanner() {
    }

    /**
     * Reports each leak rule at most once per text.
     *
     * @param where a JSON pointer or "body", for the evidence
     * @param seen rules already reported for the response, updated; a response reports each
     *     leak rule once, at its first occurrence
     */
    static void scan(String where, String text, java.util.Set<Rule> seen, Consumer<Violation> sink) {
        scan(() -> where, text, seen, sink);
    }

    /** As {@link #scan(String, String, java.util.Set, Consumer)}, computing {@code where} only for a finding. */
    static void scan(java.util.function.Supplier<String> where, String text, java.util.Set<Rule> seen,
            Consumer<Violation> sink) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (Probe probe : PROBES) {
            if (seen.contains(probe.rule)) {
                continue;
            }
            Matcher m = probe.pattern.matcher(text);
            if (m.find()) {
                seen.add(probe.rule);
                sink.accept(Violation.of(probe.rule, "body contains " + probe.what,
                        where.get() + ": " + excerpt(text, m.start(), m.end())));
            }
        }
    }

    /** Every value of every header, each leak rule reported at most once per response ({@code seen}). */
    static void scanHeaders(ResponseHeaders headers, java.util.Set<Rule> seen, Consumer<Violation> sink) {
        for (java.util.Map.Entry<String, List<String>> header : headers.asMap().entrySet()) {
            for (String value : header.getValue()) {
                scan("header " + header.getKey(), value, seen, sink);
            }
        }
    }

    /** The match with a little context, bounded. */
    static String excerpt(String text, int start, int end) {
        int from = Math.max(0, start - 30);
        int to = Math.min(text.length(), Math.max(end, start + 1) + 30);
        to = Math.min(to, from + 160);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from++;
        }
        if (to < text.length() && to > 0 && Character.isHighSurrogate(text.charAt(to - 1))) {
            to--;
        }
        return (from > 0 ? "\u2026" : "") + text.substring(from, to) + (to < text.length() ? "\u2026" : "");
    }
}
