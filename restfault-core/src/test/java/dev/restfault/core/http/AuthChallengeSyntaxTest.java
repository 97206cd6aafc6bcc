package dev.restfault.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What a cid may hold (one rule for the servers that build the challenge and the checker that
 * judges it) and the syntax facts a parsed challenge keeps: unquoted values and repeated names.
 */
class AuthChallengeSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"contoso", "4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c", "a.b_c~d", "t!$&'()*+;=:@/x", "caf%C3%A9",
            "%41"})
    void cidsAUrnCanHoldAreValid(String cid) {
        assertThat(AuthChallenge.isValidCid(cid)).isTrue();
        assertThat(AuthChallenge.oauth(cid).cid()).contains(cid);
        assertThat(AuthChallenge.find(AuthChallenge.oauth(cid).toHeaderValue(), "OAuth").flatMap(AuthChallenge::cid)).contains(cid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a,b", "a\"b", "a\\b", "<script>", "a>b", "a{b}", "a|b", "a^b", "a`b", "a[b]", "é", "a\tb",
            "a\nb", "a%", "a%4", "a%G1", "%%41"})
    void everythingElseIsNot(String cid) {
        assertThat(AuthChallenge.isValidCid(cid)).isFalse();
        assertThatThrownBy(() -> AuthChallenge.oauth(cid)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cid ").hasMessageNotContaining("\n").hasMessageNotContaining(cid.isEmpty() ? "\u0000" : cid);
    }

    @Test
    void theMessageNamesTheOffendingCharacterAndIndex() {
        assertThatThrownBy(() -> AuthChallenge.oauth("ab<c")).hasMessage("cid contains an invalid character (U+003C) at index 2");
        assertThatThrownBy(() -> AuthChallenge.oauth("ab%4")).hasMessage("cid has an incomplete %-escape at index 2");
        assertThat(AuthChallenge.isValidCid(null)).isFalse();
        assertThat(AuthChallenge.isValidCid("a".repeat(AuthChallenge.MAX_CID_LENGTH))).isTrue();
        assertThat(AuthChallenge.isValidCid("a".repeat(AuthChallenge.MAX_CID_LENGTH + 1))).isFalse();
    }

    @Test
    void aParsedChallengeKnowsWhichValuesWereQuoted() {
        List<AuthChallenge> all = AuthChallenge.parseAll("Bearer realm=api, error=\"invalid_token\", OAuth realm=\"urn:cpsvc:cpid:x\"");
        assertThat(all.get(0).isQuoted("realm")).isFalse();
        assertThat(all.get(0).isQuoted("ERROR")).isTrue();
        assertThat(all.get(1).isQuoted("realm")).isTrue();
        assertThat(all.get(1).isQuoted("scope")).as("absent").isFalse();
        // Quoted once and unquoted once: not quoted every time.
        assertThat(AuthChallenge.parseAll("OAuth realm=\"a\", realm=b").get(0).isQuoted("realm")).isFalse();
        // A built challenge is written quoted.
        assertThat(AuthChallenge.oauth("x").isQuoted("realm")).isTrue();
        assertThat(AuthChallenge.of("Bearer", Map.of("scope", "a")).isQuoted("scope")).isTrue();
        // A quoted comma or "realm=" inside a value is not an unquoted realm.
        assertThat(AuthChallenge.parseAll("Bearer error_description=\"realm=x, y\", realm=\"r\"").get(0).isQuoted("realm")).isTrue();
    }

    @Test
    void aParsedChallengeKnowsItsFirstRepeatedParameter() {
        assertThat(AuthChallenge.parseAll("OAuth realm=\"urn:cpsvc:cpid:abc\", realm=\"urn:cpsvc:cpid:def\"").get(0).repeatedParam())
                .contains("realm");
        assertThat(AuthChallenge.parseAll("OAuth realm=\"a\", Scope=\"a\", scope=\"b\"").get(0).repeatedParam()).contains("scope");
        // The same name in two challenges is not a repetition.
        List<AuthChallenge> two = AuthChallenge.parseAll("Bearer realm=\"api\", OAuth realm=\"urn:cpsvc:cpid:x\"");
        assertThat(two).allSatisfy(c -> assertThat(c.repeatedParam()).isEmpty());
        assertThat(AuthChallenge.parseAll("Negotiate abc==, OAuth realm=\"a\"").get(1).repeatedParam()).isEmpty();
        assertThat(AuthChallenge.oauth("x").repeatedParam()).isEmpty();
        // Spelling is not identity: equal challenges, however they were written.
        assertThat(AuthChallenge.parseAll("OAuth realm=a").get(0)).isEqualTo(AuthChallenge.parseAll("OAuth realm=\"a\"").get(0));
    }
}
