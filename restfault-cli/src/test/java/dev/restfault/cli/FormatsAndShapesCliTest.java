package dev.restfault.cli;

import static dev.restfault.cli.CliTest.PC_404;
import static dev.restfault.cli.CliTest.assertJson;
import static dev.restfault.cli.CliTest.run;
import static dev.restfault.cli.CliTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.cli.CliTest.Run;
import dev.restfault.testkit.LoopbackServers;
import dev.restfault.testkit.probe.ProbeCase;
import java.io.IOException;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * The command line names formats and shapes as the rest of restfault does: format options read
 * {@code ErrorFormat}'s tokens (the old {@code problem} too), reports name formats by token, and
 * {@code decode} shows the body's {@code BodyShape}.
 */
class FormatsAndShapesCliTest {

    @Test
    void convertTakesEachFormatsTokenInAnyCaseAndTheOldSpelling() {
        Run canonical = run(utf8(PC_404), "convert", "--to", "problem-details", "--status", "404");
        assertThat(canonical.code).isZero();
        assertThat(canonical.out).contains("\"type\":\"about:blank\"", "\"status\":404");
        assertThat(run(utf8(PC_404), "convert", "--to", "problem", "--status", "404").out).isEqualTo(canonical.out);
        assertThat(run(utf8(PC_404), "convert", "--to", "Problem-Details", "--status", "404").out).isEqualTo(canonical.out);
        assertThat(run(utf8(PC_404), "convert", "--to", "PARTNER-API").out).startsWith("{\"error\":{");
    }

    @Test
    void anUnknownFormatIsAUsageErrorNamingTheTokens() {
        for (String bad : new String[] {"problem_details", "PROBLEM_DETAILS", "json", ""}) {
            Run r = run(utf8(PC_404), "convert", "--to", bad);
            assertThat(r.code).as(bad).isEqualTo(2);
            assertThat(r.err).as(bad).contains("expected partner-center, partner-api or problem-details");
        }
        // Help texts list the tokens from ErrorFormat (lines wrap wherever the terminal width says).
        assertThat(run("convert", "--help").out.replaceAll("\\s+", " ")).contains("partner-center, partner-api, problem-details");
        assertThat(run("check", "--help").out.replaceAll("\\s+", " ")).contains("partner-center, partner-api, problem-details");
    }

    @Test
    void checkNamesTheFormatsByToken() throws IOException {
        StringJoiner others = new StringJoiner(",");
        for (ProbeCase c : ProbeCase.values()) {
            if (c != ProbeCase.UNKNOWN_PATH) {
                others.add(c.id());
            }
        }
        try (LoopbackServers.Running server = LoopbackServers.conformant()) {
            Run r = run("check", server.baseUrl().toString(), "--skip", others.toString(), "--format", "problem");
            assertThat(r.code).as(r.out).isEqualTo(1);
            assertThat(r.out).contains("expected-format: a partner-center error, the API promises problem-details");
            Run ok = run("check", server.baseUrl().toString(), "--skip", others.toString(), "--format", "Partner-Center");
            assertThat(ok.code).as(ok.out).isZero();
        }
    }

    @Test
    void decodeShowsTheBodyShapeAndItsViolationsAsTheTestkitWritesThem() {
        Run unwrapped = run(utf8("{\"code\":\"notFound\",\"message\":\"Not found.\"}"), "decode");
        assertThat(unwrapped.code).isEqualTo(1);
        assertThat(unwrapped.out).contains("shape:       partner-api-unwrapped", "body-shape: a Partner API error object without its");
        Run spring = run(utf8("{\"timestamp\":\"t\",\"status\":404,\"error\":\"Not Found\",\"path\":\"/x\"}"), "decode", "--json");
        assertJson(spring.out);
        assertThat(spring.out).contains("\"shape\":\"PROBLEM_DETAILS\"", "\"bodyShape\":\"framework-default\"",
                "\"statusCode\":404", "{\"rule\":\"body-shape\",\"explanation\":\"a framework's default error body");
        // The example: type and description is problem details, for the reader and the checker alike.
        Run both = run(utf8("{\"type\":\"about:blank\",\"description\":\"d\",\"code\":\"c\",\"source\":\"s\"}"), "decode");
        assertThat(both.out).contains("shape:       problem-details", "required-member: no detail");
    }
}
