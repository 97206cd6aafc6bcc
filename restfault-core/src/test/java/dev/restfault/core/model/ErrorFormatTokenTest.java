package dev.restfault.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One spelling per format, read back in one place; the old {@code problem} stays an alias. */
class ErrorFormatTokenTest {

    @Test
    void eachFormatHasOneToken() {
        assertThat(ErrorFormat.PARTNER_CENTER.token()).isEqualTo("partner-center");
        assertThat(ErrorFormat.PARTNER_API.token()).isEqualTo("partner-api");
        assertThat(ErrorFormat.PROBLEM_DETAILS.token()).isEqualTo("problem-details");
        assertThat(ErrorFormat.tokens()).isEqualTo("partner-center, partner-api or problem-details");
    }

    @Test
    void tokensAndAliasesReadBackInAnyCase() {
        for (ErrorFormat f : ErrorFormat.values()) {
            assertThat(ErrorFormat.fromToken(f.token())).contains(f);
            assertThat(ErrorFormat.fromToken(f.token().toUpperCase(Locale.ROOT))).contains(f);
            for (String alias : f.aliases()) {
                assertThat(ErrorFormat.fromToken(alias)).contains(f);
            }
        }
        assertThat(ErrorFormat.fromToken("problem")).contains(ErrorFormat.PROBLEM_DETAILS);
        assertThat(ErrorFormat.fromToken("Problem")).contains(ErrorFormat.PROBLEM_DETAILS);
        assertThat(ErrorFormat.PARTNER_CENTER.aliases()).isEmpty();
    }

    @Test
    void anythingElseIsNoFormatNeverAnException() {
        for (String bad : new String[] {null, "", " partner-api", "partner-api ", "PARTNER_API", "partner_api", "problem+json",
                "json", "p".repeat(100_000), "partner-api\n"}) {
            assertThat(ErrorFormat.fromToken(bad)).as(String.valueOf(bad).length() > 40 ? "long" : String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void theValidationPatternAcceptsExactlyWhatFromTokenAccepts() {
        Pattern p = Pattern.compile(ErrorFormat.TOKEN_PATTERN);
        String[] candidates = {"partner-center", "PARTNER-CENTER", "partner-api", "Partner-Api", "problem-details", "problem",
                "PROBLEM", "problem-detail", "problems", "partner", "", " problem", "PARTNER_API", "partner-api,problem"};
        for (String c : candidates) {
            assertThat(p.matcher(c).matches()).as(c).isEqualTo(ErrorFormat.fromToken(c).isPresent());
        }
        for (ErrorFormat f : ErrorFormat.values()) {
            assertThat(p.matcher(f.token()).matches()).isTrue();
            f.aliases().forEach(a -> assertThat(p.matcher(a).matches()).isTrue());
        }
    }
}
