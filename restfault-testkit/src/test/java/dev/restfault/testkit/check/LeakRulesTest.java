package dev.restfault.testkit.check;

import static dev.restfault.testkit.check.CheckerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The leak rules ({@link LeakScanner}): no stack trace, exception class name, SQL or server path anywhere in a body or a
 * header value.
 * Every rule of the group has a case that breaks it ({@link RuleGroupTest}).
 */
class LeakRulesTest extends RuleGroupTest {

    /** The rules this group enforces. */
    static final EnumSet<Rule> RULES = EnumSet.of(Rule.LEAK_STACK_TRACE, Rule.LEAK_EXCEPTION, Rule.LEAK_SQL, Rule.LEAK_FILE_PATH);

    LeakRulesTest() {
        super(RULES);
    }

    static Stream<Arguments> violating() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(Rule.LEAK_STACK_TRACE, "stack trace in description", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"boom\\n\\tat com.contoso.Orders.find(Orders.java:42)\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_STACK_TRACE, "stack trace in an HTML page", response(500, headers("Content-Type", "text/html"),
                "<html><body><pre>java.lang.IllegalStateException: x\n\tat com.contoso.Orders.find(Orders.java:42)\n</pre></body></html>")));
        cases.add(Arguments.of(Rule.LEAK_STACK_TRACE, "a Java frame in a trace member", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"An internal error occurred.\",\"source\":\"s\",\"trace\":\"com.acme.Foo.bar(Foo.java:42)\"}")));
        cases.add(Arguments.of(Rule.LEAK_STACK_TRACE, "a Node.js frame", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"boom at Object.<anonymous> (/app/index.js:1:1)\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_STACK_TRACE, "a bare Node.js frame", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"x\",\"source\":\"s\",\"stack\":\"Error: x\\n    at /srv/app/server.mjs:10:5\"}")));
        cases.add(Arguments.of(Rule.LEAK_EXCEPTION, "qualified exception", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"java.lang.NullPointerException\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_EXCEPTION, "simple exception in a member name", response(400, headers(),
                "{\"code\":\"c\",\"description\":\"x\",\"source\":\"s\",\"IllegalArgumentException\":true}")));
        cases.add(Arguments.of(Rule.LEAK_EXCEPTION, "exception in a header", response(500, headers("X-Error", "java.lang.IllegalStateException"),
                "{\"code\":\"c\",\"description\":\"x\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_EXCEPTION, "StackOverflowError", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"StackOverflowError\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_EXCEPTION, "OutOfMemoryError", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"OutOfMemoryError: Java heap space\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_SQL, "query", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"failed: SELECT * FROM orders WHERE id = 7\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_SQL, "database error", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"ERROR: syntax error at or near \\\"FORM\\\"\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_FILE_PATH, "unix path", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"cannot open /var/lib/orders/db.lock\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_FILE_PATH, "windows path", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"cannot open C:\\\\inetpub\\\\orders\\\\web.config\",\"source\":\"s\"}")));
        // ---- more cases ----------------------------------------------------------------------
        cases.add(Arguments.of(Rule.LEAK_SQL, "SQL in a header", response(500, headers("X-Debug", "UPDATE orders SET paid = 1"),
                "{\"code\":\"c\",\"description\":\"x\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_FILE_PATH, "a path in a plain-text body", response(500, headers("Content-Type", "text/plain"),
                "open /srv/app/config.yml: permission denied")));
        cases.add(Arguments.of(Rule.LEAK_STACK_TRACE, "a Python traceback", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"Traceback (most recent call last): boom\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.LEAK_STACK_TRACE, "a .NET frame", response(500, headers(),
                "{\"code\":\"c\",\"description\":\"at Orders.Api.Find(Int32 id) in C:\\\\src\\\\Orders.cs:line 42\",\"source\":\"s\"}")));
        return cases.stream();
    }

    @Override
    Stream<Arguments> cases() {
        return violating();
    }

    /** A body built to make a backtracking stack-frame pattern try every position: it stays quick and quiet. */
    @Test
    @org.junit.jupiter.api.Timeout(10) // a hang guard, not a measurement: it takes well under a second
    void aBodyOfDollarRunsIsNotAStackFrameAndDoesNotStallTheChecker() {
        String run = ("a$".repeat(50) + ".").repeat(10_000);
        ObservedResponse r = response(500, headers(), "{\"code\":\"c\",\"description\":\"An internal error occurred.\","
                + "\"source\":\"s\",\"x\":\"" + run + "\"}");
        assertThat(CHECKER.check(r)).extracting(Violation::rule).doesNotContain(Rule.LEAK_STACK_TRACE);
    }

    @Test
    void eachLeakRuleIsReportedOncePerResponseAtItsFirstOccurrence() {
        ObservedResponse r = response(500, headers("X-Trace", "at com.acme.A.b(A.java:1)"),
                "{\"code\":\"c\",\"description\":\"at com.acme.C.d(C.java:2)\",\"source\":\"s\",\"more\":\"at com.acme.E.f(E.java:3)\"}");
        List<Violation> leaks = CHECKER.check(r).stream().filter(v -> v.rule() == Rule.LEAK_STACK_TRACE).toList();
        assertThat(leaks).singleElement().satisfies(v -> assertThat(v.evidence()).startsWith("header X-Trace: "));
    }

    @Test
    void ordinaryTextStaysQuiet() {
        for (String text : new String[] {"Select a plan from the list at /v1/plans.", "The order was updated.",
                "Delete the customer from the list first.", "See https://example.com/docs/errors", "Use at most 3 items."}) {
            java.util.Set<Rule> seen = EnumSet.noneOf(Rule.class);
            List<Violation> out = new ArrayList<>();
            LeakScanner.scan("body", text, seen, out::add);
            assertThat(out).as(text).isEmpty();
        }
    }

    @Test
    void anExcerptIsBoundedAndNeverSplitsAPair() {
        // An odd prefix puts the excerpt's start on the second half of a pair: it moves past it.
        String text = "x" + "\uD83D\uDE00".repeat(200) + "java.lang.IllegalStateException" + "\uD83D\uDE00".repeat(200);
        int at = text.indexOf("java.lang");
        String excerpt = LeakScanner.excerpt(text, at, at + 31);
        assertThat(excerpt).contains("java.lang.IllegalStateException").startsWith("\u2026").endsWith("\u2026");
        assertThat(excerpt.length()).isLessThanOrEqualTo(162);
        assertThat(Character.isLowSurrogate(excerpt.charAt(1))).isFalse();
        assertThat(Character.isHighSurrogate(excerpt.charAt(excerpt.length() - 2))).isFalse();
    }
}
