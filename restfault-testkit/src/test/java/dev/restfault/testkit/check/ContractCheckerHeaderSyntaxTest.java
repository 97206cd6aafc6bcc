package dev.restfault.testkit.check;

import static dev.restfault.testkit.check.CheckerFixtures.PC_404;
import static dev.restfault.testkit.check.CheckerFixtures.headers;
import static dev.restfault.testkit.check.CheckerFixtures.response;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Header values made only of list or parameter separators: violations, never exceptions. Found by
 * {@link ContractCheckerFuzzTest}; their inputs are in its regression corpus.
 */
class ContractCheckerHeaderSyntaxTest {

    private final ContractChecker checker = ContractChecker.standard();

    @Test
    void aContentTypeOfOnlySemicolonsIsAnEmptyMediaType() {
        for (String value : new String[] {";", ";;;", " ; "}) {
            assertThat(checker.check(response(404, headers("Content-Type", value), PC_404)))
                    .extracting(Violation::rule, Violation::explanation)
                    .contains(org.assertj.core.groups.Tuple.tuple(Rule.CONTENT_TYPE,
                            "an empty media type, not application/json or application/problem+json"));
        }
    }

    @Test
    void aContentLanguageOfOnlyCommasIsNotALanguageTag() {
        for (String value : new String[] {",", ",,", " , "}) {
            assertThat(checker.check(response(404, headers("Content-Language", value), PC_404)))
                    .extracting(Violation::rule, Violation::explanation)
                    .contains(org.assertj.core.groups.Tuple.tuple(Rule.CONTENT_LANGUAGE, "Content-Language is not a language tag"));
        }
    }
}
