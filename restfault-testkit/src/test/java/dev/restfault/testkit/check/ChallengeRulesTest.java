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
 * The challenge grammar ({@link ChallengeRules}): a 401's {@code WWW-Authenticate}, read by core's parser, with core's rule
 * for what a cid may hold.
 * Every rule of the group has a case that breaks it ({@link RuleGroupTest}).
 */
class ChallengeRulesTest extends RuleGroupTest {

    /** The rules this group enforces. */
    static final EnumSet<Rule> RULES = EnumSet.of(Rule.CHALLENGE);

    ChallengeRulesTest() {
        super(RULES);
    }

    static Stream<Arguments> violating() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(Rule.CHALLENGE, "unquoted realm", response(401, headers("WWW-Authenticate", "OAuth realm=urn:cpsvc:cpid:contoso"),
                "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.CHALLENGE, "Bearer only", response(401, headers("WWW-Authenticate", "Bearer"),
                "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.CHALLENGE, "malformed", response(401, headers("WWW-Authenticate", "OAuth realm=\"unterminated"),
                "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.CHALLENGE, "duplicate realm", response(401,
                headers("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:abc\", realm=\"urn:cpsvc:cpid:def\""),
                "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.CHALLENGE, "duplicate parameter, names differ in case", response(401,
                headers("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:abc\", Scope=\"a\", scope=\"b\""),
                "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.CHALLENGE, "cid with a space", response(401,
                headers("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:abc def\""),
                "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.CHALLENGE, "cid with markup", response(401,
                headers("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:<script>\""),
                "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")));
        // ---- more cases ----------------------------------------------------------------------
        cases.add(Arguments.of(Rule.CHALLENGE, "unquoted realm in another challenge", response(401,
                headers("WWW-Authenticate", "Bearer realm=api, OAuth realm=\"urn:cpsvc:cpid:contoso\""), UNAUTHORIZED)));
        cases.add(Arguments.of(Rule.CHALLENGE, "cid with a comma (core refuses it too)", response(401,
                headers("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:a,b\""), UNAUTHORIZED)));
        cases.add(Arguments.of(Rule.CHALLENGE, "cid with an incomplete escape", response(401,
                headers("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:a%4\""), UNAUTHORIZED)));
        cases.add(Arguments.of(Rule.CHALLENGE, "OAuth without the contract's realm", response(401,
                headers("WWW-Authenticate", "OAuth realm=\"api\""), UNAUTHORIZED)));
        return cases.stream();
    }

    @Override
    Stream<Arguments> cases() {
        return violating();
    }

    static final String UNAUTHORIZED = "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}";

    static List<String> explain(String value) {
        List<Violation> out = new ArrayList<>();
        ChallengeRules.check(value, out);
        return out.stream().map(Violation::explanation).toList();
    }

    @Test
    void eachBreachIsExplained() {
        assertThat(explain("OAuth realm=\"urn:cpsvc:cpid:contoso\"")).isEmpty();
        assertThat(explain("Bearer")).containsExactly("no OAuth challenge with realm urn:cpsvc:cpid:{cid}");
        assertThat(explain("OAuth realm=\"unterminated")).containsExactly("WWW-Authenticate is not a list of challenges");
        assertThat(explain("OAuth realm=urn:cpsvc:cpid:contoso")).containsExactly("the realm is not quoted, as RFC 9110 requires");
        assertThat(explain("OAuth realm=\"urn:cpsvc:cpid:<x>\"")).singleElement().asString().startsWith("the realm's cid is not");
        assertThat(explain("OAuth realm=\"urn:cpsvc:cpid:abc\", Scope=\"a\", scope=\"b\""))
                .containsExactly("parameter scope occurs twice in one challenge (RFC 9110 §11.2: at most once)");
        // An unquoted realm and a repeated parameter: both said.
        assertThat(explain("OAuth realm=urn:cpsvc:cpid:a, realm=urn:cpsvc:cpid:b")).hasSize(2);
    }

    @Test
    void theSameNameInTwoChallengesAndQuotedTextAreNotBreaches() {
        assertThat(explain("Bearer realm=\"api\", error=\"invalid_token\", OAuth realm=\"urn:cpsvc:cpid:" + CID + "\"")).isEmpty();
        // "realm=x" inside another parameter's quoted value is not an unquoted realm.
        assertThat(explain("Bearer error_description=\"realm=x, y\", OAuth realm=\"urn:cpsvc:cpid:contoso\"")).isEmpty();
    }

    /**
     * Decided: core's rule for what a cid may hold is the checker's. What a server builds with
     * {@code AuthChallenge.oauth} passes; a cid core refuses is a violation, never the other way.
     */
    @Test
    void whatCoreBuildsTheCheckerAcceptsAndWhatCoreRefusesItReports() {
        for (String cid : new String[] {"contoso", CID, "a.b_c~d", "t!$&'()*+;=:@/x", "caf%C3%A9"}) {
            String header = dev.restfault.core.http.AuthChallenge.oauth(cid).toHeaderValue();
            assertThat(CHECKER.check(response(401, headers("WWW-Authenticate", header), UNAUTHORIZED))).as(header).isEmpty();
        }
        for (String cid : new String[] {"<script>", "a,b", "a%4", "a{b}", "a|b", "a^b", "a`b"}) {
            assertThat(dev.restfault.core.http.AuthChallenge.isValidCid(cid)).as(cid).isFalse();
            assertThat(rules(response(401, headers("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:" + cid + "\""),
                    UNAUTHORIZED))).as(cid).contains(Rule.CHALLENGE);
        }
    }

    @Test
    void theChallengeIsJudgedOnlyWhereTheCatalogCallsForIt() {
        // A 403 may carry any WWW-Authenticate (insufficient scope, say): not the contract's 401 challenge.
        assertThat(rules(response(403, headers("WWW-Authenticate", "Bearer error=\"insufficient_scope\""),
                "{\"code\":\"forbidden\",\"description\":\"No.\",\"source\":\"s\"}"))).doesNotContain(Rule.CHALLENGE);
    }
}
