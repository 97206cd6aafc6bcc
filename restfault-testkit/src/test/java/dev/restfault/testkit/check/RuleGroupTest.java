package dev.restfault.testkit.check;

import static dev.restfault.testkit.check.CheckerFixtures.assertBreaks;
import static dev.restfault.testkit.check.CheckerFixtures.rulesBroken;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every rule group's test checks: each violating case breaks its rule (through the
 * checker's façade), and every rule of the group has such a case. A subclass declares its
 * {@code static Stream<Arguments> violating()} of {@code (rule, name, response)}.
 */
abstract class RuleGroupTest {

    /** The rules the group enforces. */
    private final Set<Rule> rules;

    RuleGroupTest(Set<Rule> rules) {
        this.rules = rules;
    }

    /** The subclass's {@code violating()}. */
    abstract Stream<Arguments> cases();

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("violating")
    void eachRuleCanFail(Rule rule, String name, ObservedResponse response) {
        assertBreaks(rule, response);
    }

    @Test
    void everyRuleOfTheGroupHasACase() {
        assertThat(rulesBroken(cases())).containsAll(rules);
    }
}
