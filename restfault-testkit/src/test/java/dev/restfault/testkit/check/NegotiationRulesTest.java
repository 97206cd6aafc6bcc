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
 * The rules between {@code Accept}, media type and body ({@link NegotiationRules}): the media type matches the format,
 * problem details only when preferred, a 406 lists what is available.
 * Every rule of the group has a case that breaks it ({@link RuleGroupTest}).
 */
class NegotiationRulesTest extends RuleGroupTest {

    /** The rules this group enforces. */
    static final EnumSet<Rule> RULES = EnumSet.of(Rule.CONTENT_TYPE_FORMAT, Rule.PROBLEM_NOT_PREFERRED, Rule.NOT_ACCEPTABLE_TYPES);

    NegotiationRulesTest() {
        super(RULES);
    }

    static Stream<Arguments> violating() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(Rule.CONTENT_TYPE_FORMAT, "problem as json", response(404, headers(),
                "{\"title\":\"Not found\",\"status\":404,\"detail\":\"gone\",\"code\":\"notFound\"}")));
        cases.add(Arguments.of(Rule.CONTENT_TYPE_FORMAT, "partner center as problem", response(404,
                headers("Content-Type", "application/problem+json"), PC_404)));
        cases.add(Arguments.of(Rule.PROBLEM_NOT_PREFERRED, "Accept: application/json", problem404("application/json")));
        cases.add(Arguments.of(Rule.PROBLEM_NOT_PREFERRED, "a tie keeps plain JSON", problem404("application/json, application/problem+json")));
        cases.add(Arguments.of(Rule.PROBLEM_NOT_PREFERRED, "no Accept at all", problem404("")));
        cases.add(Arguments.of(Rule.PROBLEM_NOT_PREFERRED, "the most specific range decides",
                problem404("application/*;q=0.9, application/problem+json;q=0.5")));
        cases.add(Arguments.of(Rule.PROBLEM_NOT_PREFERRED, "neither acceptable", problem404("application/x-restfault-probe")));
        cases.add(Arguments.of(Rule.NOT_ACCEPTABLE_TYPES, "406 without types", response(406, headers(),
                "{\"code\":\"notAcceptable\",\"description\":\"Cannot produce that.\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.NOT_ACCEPTABLE_TYPES, "406 naming only the refused type", ObservedResponse.builder(406).headers(headers())
                .body(json("{\"code\":\"notAcceptable\",\"description\":\"The requested type application/x-restfault-probe is not available.\","
                        + "\"source\":\"s\"}"))
                .requestAccept("application/x-restfault-probe").build()));
        // ---- more cases ----------------------------------------------------------------------
        cases.add(Arguments.of(Rule.CONTENT_TYPE_FORMAT, "Partner API as problem", response(404,
                headers("Content-Type", "application/problem+json", "Content-Language", null),
                "{\"error\":{\"code\":\"notFound\",\"message\":\"Not found.\"}}")));
        cases.add(Arguments.of(Rule.CONTENT_TYPE_FORMAT, "type and description as JSON: problem details, decided", response(404,
                headers(), "{\"type\":\"about:blank\",\"detail\":\"gone\",\"description\":\"gone\",\"code\":\"notFound\"}")));
        cases.add(Arguments.of(Rule.NOT_ACCEPTABLE_TYPES, "406 listing the asked type and a wildcard", ObservedResponse.builder(406)
                .headers(headers())
                .body(json("{\"code\":\"notAcceptable\",\"description\":\"Only application/x-probe or */* here.\",\"source\":\"s\"}"))
                .requestAccept("application/x-probe").build()));
        cases.add(Arguments.of(Rule.NOT_ACCEPTABLE_TYPES, "problem details 406 without types", response(406,
                headers("Content-Type", "application/problem+json"),
                "{\"title\":\"Not acceptable\",\"status\":406,\"detail\":\"Cannot produce that.\",\"code\":\"notAcceptable\"}")));
        return cases.stream();
    }

    @Override
    Stream<Arguments> cases() {
        return violating();
    }

    @Test
    void theRequestAcceptIsKeptAndComparedAsAFact() {
        ObservedResponse a = problem404("application/json");
        assertThat(a.requestAccept()).contains("application/json");
        assertThat(ObservedResponse.of(404, headers(), null).requestAccept()).isEmpty();
        assertThat(a).isNotEqualTo(problem404("application/problem+json")).isEqualTo(problem404("application/json"));
        assertThat(ObservedResponse.builder(404).requestAccept("a".repeat(10_000)).build().requestAccept()).hasValueSatisfying(
                v -> assertThat(v).hasSize(8192));
        // Malformed ranges count as absent, never an exception: here nothing is left, a tie.
        assertThat(CHECKER.check(problem404("application/problem+json;q=2, ;;, /, */json"))).extracting(Violation::rule)
                .containsExactly(Rule.PROBLEM_NOT_PREFERRED);
    }

    @Test
    void aMismatchNamesTheFormatAndTheMediaType() {
        assertThat(CHECKER.check(response(404, headers("Content-Type", "application/problem+json"), PC_404)))
                .extracting(Violation::toString).containsExactly(
                        "content-type-format: a Partner Center body served as application/problem+json (Content-Type: application/problem+json)");
        assertThat(CHECKER.check(response(404, headers(),
                "{\"title\":\"Not found\",\"status\":404,\"detail\":\"gone\",\"code\":\"notFound\",\"source\":\"s\"}")))
                .extracting(Violation::explanation).containsExactly("a problem details body served as application/json");
        assertThat(NegotiationRules.label(dev.restfault.json.BodyShape.PARTNER_API)).isEqualTo("Partner API");
        assertThat(NegotiationRules.label(dev.restfault.json.BodyShape.THROTTLING)).isEqualTo("throttling");
    }

    @Test
    void theMediaTypeIsNotJudgedAgainstABodyOfNoFormat() {
        // A throttling body is a body-shape problem whatever its media type, not a media type mismatch too.
        assertThat(rules(response(429, headers("Retry-After", "1"),
                "{\"statusCode\":429,\"message\":\"Slow down.\"}"))).doesNotContain(Rule.CONTENT_TYPE_FORMAT);
    }

    @Test
    void aPartnerApi406IsNotHeldToListingTypes() {
        assertThat(rules(response(406, headers("Content-Language", null),
                "{\"error\":{\"code\":\"notAcceptable\",\"message\":\"Cannot produce that.\"}}"))).isEmpty();
    }

    @Test
    void listedTypesAreCollectedFromEveryTextOnceAndBounded() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            many.append("text/x-").append(i).append(' ');
        }
        ObservedResponse r = ObservedResponse.builder(406).headers(headers())
                .body(json("{\"code\":\"notAcceptable\",\"description\":\"Available: " + many + "\",\"source\":\"s\"}"))
                .requestAccept("text/html").build();
        assertThat(CHECKER.check(r)).isEmpty();
        BodyFacts facts = new BodyFacts();
        facts.shape = dev.restfault.json.BodyShape.PARTNER_CENTER;
        List<Violation> out = new ArrayList<>();
        try {
            NegotiationRules.collectListedTypes(JsonTree.parse(r.body()), 406, facts, out);
        } catch (JsonTree.Failure e) {
            throw new AssertionError(e);
        }
        assertThat(facts.listedMediaTypes).hasSize(64).first().isEqualTo("text/x-0");
        assertThat(out).isEmpty();
    }
}
