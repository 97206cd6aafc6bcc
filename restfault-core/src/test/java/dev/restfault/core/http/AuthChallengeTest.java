package dev.restfault.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthChallengeTest {

    @Test
    void theContractsChallengeQuotesTheRealm() {
        AuthChallenge c = AuthChallenge.oauth("4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c");
        assertThat(c.toHeaderValue()).isEqualTo("OAuth realm=\"urn:cpsvc:cpid:4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c\"");
        assertThat(c.cid()).contains("4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c");
    }

    @Test
    void theSeedsUnquotedFormIsReadToo() {
        List<AuthChallenge> all = AuthChallenge.parseAll("OAuth realm=urn:cpsvc:cpid:contoso");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).scheme()).isEqualTo("OAuth");
        assertThat(all.get(0).realm()).contains("urn:cpsvc:cpid:contoso");
        assertThat(all.get(0).cid()).contains("contoso");
    }

    @Test
    void quotedValuesAreUnescaped() {
        AuthChallenge c = AuthChallenge.parseAll("Basic realm=\"a \\\"quoted\\\" \\\\ realm\", charset=\"UTF-8\"").get(0);
        assertThat(c.realm()).contains("a \"quoted\" \\ realm");
        assertThat(c.param("CHARSET")).contains("UTF-8");
    }

    @Test
    void severalChallengesInOneHeader() {
        List<AuthChallenge> all = AuthChallenge.parseAll(
                "Bearer realm=\"api\", error=\"invalid_token\", OAuth realm=\"urn:cpsvc:cpid:abc\", Negotiate, Foo dG9rZW4=");
        assertThat(all).extracting(AuthChallenge::scheme).containsExactly("Bearer", "OAuth", "Negotiate", "Foo");
        assertThat(all.get(0).params()).containsExactly(Map.entry("realm", "api"), Map.entry("error", "invalid_token"));
        assertThat(all.get(1).cid()).contains("abc");
        assertThat(all.get(2).params()).isEmpty();
        assertThat(all.get(3).token68()).contains("dG9rZW4=");
        assertThat(AuthChallenge.find("Bearer realm=\"x\", oauth realm=urn:cpsvc:cpid:z", "OAuth"))
                .get().extracting(c -> c.cid().orElseThrow()).isEqualTo("z");
    }

    @Test
    void writtenChallengesParseBackEqual() {
        AuthChallenge c = AuthChallenge.of("Bearer", Map.of("realm", "a\"b\\c"));
        assertThat(AuthChallenge.parseAll(c.toHeaderValue())).containsExactly(c);
        AuthChallenge o = AuthChallenge.oauth("abc");
        assertThat(AuthChallenge.parseAll(o.toHeaderValue())).containsExactly(o);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc\r\nSet-Cookie: x=1", "abc\ndef", "a\"b", "a b", "a,b", "a\\b", "é", ""})
    void aCidThatCouldBreakTheHeaderIsRejected(String cid) {
        assertThatThrownBy(() -> AuthChallenge.oauth(cid)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("\r").hasMessageNotContaining("\n");
    }

    @Test
    void nullCidAndOverlongCidAreRejected() {
        assertThatThrownBy(() -> AuthChallenge.oauth(null)).hasMessage("cid must not be null or empty");
        assertThatThrownBy(() -> AuthChallenge.oauth("a".repeat(257))).hasMessage("cid is 257 characters long, max 256");
    }

    @Test
    void malformedHeadersAreRejectedWithAPosition() {
        assertThatThrownBy(() -> AuthChallenge.parseAll("OAuth realm=\"unterminated"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unterminated quoted string");
        assertThatThrownBy(() -> AuthChallenge.parseAll("OAuth realm=\"x\"\r\nInjected: yes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
        assertThatThrownBy(() -> AuthChallenge.parseAll("=broken")).hasMessageContaining("expected an auth scheme");
        assertThat(AuthChallenge.find("OAuth realm=\"unterminated", "OAuth")).isEmpty();
    }

    @Test
    void emptyAndNullHeadersHaveNoChallenges() {
        assertThat(AuthChallenge.parseAll(null)).isEmpty();
        assertThat(AuthChallenge.parseAll("  ")).isEmpty();
    }

    @Test
    void theNumberOfChallengesIsBounded() {
        String many = String.join(", ", java.util.Collections.nCopies(33, "Basic"));
        assertThatThrownBy(() -> AuthChallenge.parseAll(many)).hasMessageContaining("more than 32 challenges");
    }

    @Test
    void aRealmWithoutTheCpidPrefixHasNoCid() {
        assertThat(AuthChallenge.parseAll("OAuth realm=\"other\"").get(0).cid()).isEmpty();
        assertThat(AuthChallenge.parseAll("OAuth realm=\"urn:cpsvc:cpid:\"").get(0).cid()).isEmpty();
    }
}
