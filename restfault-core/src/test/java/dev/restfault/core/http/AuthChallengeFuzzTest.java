package dev.restfault.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.restfault.core.testing.FuzzText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * {@link AuthChallenge} on any {@code WWW-Authenticate} value: {@code parseAll} fails only with
 * its documented {@link IllegalArgumentException}, {@code find} never fails, what is parsed is
 * bounded and written back ({@code toHeaderValue}) parses to the same challenges, and the
 * contract's challenge built for any cid either is refused or carries that cid back.
 *
 * <p>Regression inputs: {@code AuthChallengeFuzzTestInputs/parse/}, one header value per file.
 */
class AuthChallengeFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] input) {
        for (String value : FuzzText.views(input)) {
            List<AuthChallenge> challenges;
            try {
                challenges = AuthChallenge.parseAll(value);
            } catch (IllegalArgumentException malformed) {
                assertThat(AuthChallenge.find(value, "OAuth")).isEmpty();
                challenges = null;
            }
            if (challenges != null) {
                checkParsed(value, challenges);
            }
            checkOauth(value);
        }
    }

    private static void checkParsed(String value, List<AuthChallenge> challenges) {
        assertThat(challenges).hasSizeLessThanOrEqualTo(AuthChallenge.MAX_CHALLENGES);
        for (AuthChallenge c : challenges) {
            assertThat(HeaderValues.isToken(c.scheme())).isTrue();
            for (Map.Entry<String, String> p : c.params().entrySet()) {
                assertThat(HeaderValues.isToken(p.getKey())).isTrue();
                assertThat(p.getKey()).isEqualTo(p.getKey().toLowerCase(Locale.ROOT));
                assertThat(p.getValue()).isNotNull();
            }
            c.cid().ifPresent(cid -> assertThat(cid).isNotEmpty());
        }
        Optional<AuthChallenge> oauth = challenges.stream().filter(c -> c.scheme().equalsIgnoreCase("OAuth")).findFirst();
        assertThat(AuthChallenge.find(value, "OAuth")).isEqualTo(oauth);
        if (!challenges.isEmpty()) {
            StringJoiner written = new StringJoiner(", ");
            for (AuthChallenge c : challenges) {
                written.add(c.toHeaderValue());
            }
            assertThat(HeaderValues.isSafe(written.toString())).isTrue();
            assertThat(AuthChallenge.parseAll(written.toString())).isEqualTo(new ArrayList<>(challenges));
        }
    }

    private static void checkOauth(String cid) {
        AuthChallenge built;
        try {
            built = AuthChallenge.oauth(cid);
        } catch (IllegalArgumentException refused) {
            return;
        }
        String header = built.toHeaderValue();
        assertThat(HeaderValues.isSafe(header)).isTrue();
        assertThat(AuthChallenge.find(header, "OAuth").flatMap(AuthChallenge::cid)).contains(cid);
        // The seed's unquoted form carries the same cid.
        assertThat(AuthChallenge.find("OAuth realm=" + AuthChallenge.CPID_REALM_PREFIX + cid, "OAuth")
                .flatMap(AuthChallenge::cid)).contains(cid);
        assertThatThrownBy(() -> AuthChallenge.oauth(cid + "\r\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
