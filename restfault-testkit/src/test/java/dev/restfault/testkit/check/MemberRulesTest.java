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
 * The member rules of each format ({@link MemberRules}), on the body as sent.
 * Every rule of the group has a case that breaks it ({@link RuleGroupTest}).
 */
class MemberRulesTest extends RuleGroupTest {

    /** The rules this group enforces. */
    static final EnumSet<Rule> RULES = EnumSet.of(Rule.REQUIRED_MEMBER, Rule.MEMBER_TYPE, Rule.DESCRIPTION_LENGTH, Rule.DATA_EMPTY, Rule.INNER_ERROR_SPELLING, Rule.PROBLEM_STATUS, Rule.SOURCE_CLASS_NAME);

    MemberRulesTest() {
        super(RULES);
    }

    static Stream<Arguments> violating() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "no description", response(404, headers(), "{\"code\":\"notFound\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "no source", response(404, headers(), "{\"code\":\"notFound\",\"description\":\"x\"}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "source of no-break spaces",
                response(404, headers(), "{\"code\":\"notFound\",\"description\":\"x\",\"source\":\"\\u00a0\\ufeff\"}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "code of no-break spaces",
                response(404, headers(), "{\"code\":\"\\u00a0\",\"description\":\"x\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "null code", response(404, headers(), "{\"code\":null,\"description\":\"x\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "empty description", response(404, headers(), "{\"code\":\"c\",\"description\":\"\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "data entry without code", response(400, headers(),
                "{\"code\":\"c\",\"description\":\"x\",\"source\":\"s\",\"data\":[{\"description\":\"y\"}]}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "Partner API without message", response(404, headers(), "{\"error\":{\"code\":\"c\"}}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "problem without code", response(404, headers("Content-Type", "application/problem+json"),
                "{\"title\":\"Not found\",\"status\":404,\"detail\":\"gone\"}")));
        cases.add(Arguments.of(Rule.MEMBER_TYPE, "numeric code", response(403, headers(), "{\"code\":1002,\"description\":\"x\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.MEMBER_TYPE, "data not an array", response(400, headers(),
                "{\"code\":\"c\",\"description\":\"x\",\"source\":\"s\",\"data\":{\"a\":1}}")));
        cases.add(Arguments.of(Rule.DESCRIPTION_LENGTH, "1311 units", response(400, headers(),
                "{\"code\":\"c\",\"description\":\"" + "x".repeat(1311) + "\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.DESCRIPTION_LENGTH, "surrogates count twice", response(400, headers("Content-Language", null),
                "{\"error\":{\"code\":\"c\",\"message\":\"" + "\uD83D\uDE00".repeat(513) + "\"}}")));
        cases.add(Arguments.of(Rule.DATA_EMPTY, "empty data", response(400, headers(), "{\"code\":\"c\",\"description\":\"x\",\"source\":\"s\",\"data\":[]}")));
        cases.add(Arguments.of(Rule.INNER_ERROR_SPELLING, "innererror", response(409, headers(),
                "{\"error\":{\"code\":\"c\",\"message\":\"m\",\"innererror\":{\"code\":\"d\"}}}")));
        cases.add(Arguments.of(Rule.PROBLEM_STATUS, "status disagrees", response(404, headers("Content-Type", "application/problem+json"),
                "{\"title\":\"Not found\",\"status\":400,\"detail\":\"gone\",\"code\":\"notFound\"}")));
        cases.add(Arguments.of(Rule.SOURCE_CLASS_NAME, "qualified class", response(404, headers(),
                "{\"code\":\"c\",\"description\":\"x\",\"source\":\"com.contoso.orders.OrderController\"}")));
        cases.add(Arguments.of(Rule.SOURCE_CLASS_NAME, "simple class", response(404, headers(),
                "{\"code\":\"c\",\"description\":\"x\",\"source\":\"OrderServiceImpl\"}")));
        // ---- more cases ----------------------------------------------------------------------
        cases.add(Arguments.of(Rule.MEMBER_TYPE, "Partner API target a number", response(404, headers("Content-Language", null),
                "{\"error\":{\"code\":\"c\",\"message\":\"m\",\"target\":5}}")));
        cases.add(Arguments.of(Rule.MEMBER_TYPE, "Partner API details not an array", response(404, headers("Content-Language", null),
                "{\"error\":{\"code\":\"c\",\"message\":\"m\",\"details\":{}}}")));
        cases.add(Arguments.of(Rule.MEMBER_TYPE, "problem status a string", response(404, headers("Content-Type", "application/problem+json"),
                "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":\"404\",\"detail\":\"d\",\"code\":\"c\"}")));
        cases.add(Arguments.of(Rule.MEMBER_TYPE, "a data entry that is a string", response(400, headers(),
                "{\"code\":\"c\",\"description\":\"x\",\"source\":\"s\",\"data\":[\"name is required\"]}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "innerError without code or message", response(409, headers("Content-Language", null),
                "{\"error\":{\"code\":\"c\",\"message\":\"m\",\"innerError\":{\"x\":1}}}")));
        cases.add(Arguments.of(Rule.REQUIRED_MEMBER, "problem without detail", response(404, headers("Content-Type", "application/problem+json"),
                "{\"type\":\"about:blank\",\"title\":\"t\",\"code\":\"c\"}")));
        cases.add(Arguments.of(Rule.DESCRIPTION_LENGTH, "a problem detail of 1025 units", response(400,
                headers("Content-Type", "application/problem+json"),
                "{\"type\":\"about:blank\",\"detail\":\"" + "d".repeat(1025) + "\",\"code\":\"c\"}")));
        cases.add(Arguments.of(Rule.SOURCE_CLASS_NAME, "Partner API target a class", response(404, headers("Content-Language", null),
                "{\"error\":{\"code\":\"c\",\"message\":\"m\",\"target\":\"com.contoso.OrderController\"}}")));
        cases.add(Arguments.of(Rule.INNER_ERROR_SPELLING, "InnerError in a details entry", response(409, headers("Content-Language", null),
                "{\"error\":{\"code\":\"c\",\"message\":\"m\",\"details\":[{\"code\":\"d\",\"message\":\"n\",\"InnerError\":{\"code\":\"e\"}}]}}")));
        return cases.stream();
    }

    @Override
    Stream<Arguments> cases() {
        return violating();
    }

    @Test
    void eachMemberBreachIsExplainedWithItsPointer() {
        assertThat(CHECKER.checkBody(json("{\"code\":1002,\"description\":\"x\",\"source\":\"s\"}"))).extracting(Violation::toString)
                .containsExactly("member-type: code is the number 1002, the contract emits a string (/code)");
        assertThat(CHECKER.checkBody(json("{\"code\":\"c\",\"description\":\"x\",\"source\":\"s\",\"data\":[{\"description\":\"y\"}]}")))
                .extracting(Violation::toString).containsExactly("required-member: no code (/data/0)");
        assertThat(CHECKER.checkBody(json("{\"error\":{\"code\":\"c\",\"message\":\"m\",\"innererror\":{\"code\":\"d\"}}}")))
                .extracting(Violation::toString).containsExactly("inner-error-spelling: \"innererror\" instead of \"innerError\" (/error)");
    }

    @Test
    void aProblemsStatusIsComparedOnlyWhenTheStatusIsKnown() {
        String body = "{\"type\":\"about:blank\",\"status\":400,\"detail\":\"gone\",\"code\":\"notFound\"}";
        assertThat(CHECKER.checkBody(json(body))).isEmpty();
        assertThat(rules(response(404, headers("Content-Type", "application/problem+json"), body))).containsExactly(Rule.PROBLEM_STATUS);
    }

    @Test
    void aProblemsStatusIsTheNumberNotItsSpelling() {
        for (String spelled : new String[] {"404", "404.0", "4.04e2", "4040E-1"}) {
            String body = "{\"type\":\"about:blank\",\"status\":" + spelled + ",\"detail\":\"gone\",\"code\":\"notFound\"}";
            assertThat(rules(response(404, headers("Content-Type", "application/problem+json"), body))).as(spelled).isEmpty();
        }
        for (String other : new String[] {"404.5", "4.0401e2", "1e999999999", "-404"}) {
            String body = "{\"type\":\"about:blank\",\"status\":" + other + ",\"detail\":\"gone\",\"code\":\"notFound\"}";
            assertThat(rules(response(404, headers("Content-Type", "application/problem+json"), body))).as(other)
                    .containsExactly(Rule.PROBLEM_STATUS);
        }
    }

    @Test
    void aSourceIsAClassNameOnlyWhenItReadsAsOne() {
        assertThat(CHECKER.checkBody(json("{\"code\":\"c\",\"description\":\"x\",\"source\":\"orders-api\"}"))).isEmpty();
        assertThat(CHECKER.checkBody(json("{\"code\":\"c\",\"description\":\"x\",\"source\":\"OrdersAPI\"}"))).isEmpty();
        // Prose that happens to hold a dotted name is not a class name.
        assertThat(CHECKER.checkBody(json("{\"code\":\"c\",\"description\":\"x\",\"source\":\"the " + "a.".repeat(200) + "B service\"}")))
                .isEmpty();
        assertThat(CHECKER.checkBody(json("{\"code\":\"c\",\"description\":\"x\",\"source\":\" OrderHandler$1 \"}")))
                .extracting(Violation::rule).containsExactly(Rule.SOURCE_CLASS_NAME);
    }
}
