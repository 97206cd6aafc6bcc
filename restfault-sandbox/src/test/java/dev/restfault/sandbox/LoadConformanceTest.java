package dev.restfault.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.model.ErrorFormat;
import dev.restfault.testkit.load.LoadMix;
import dev.restfault.testkit.load.LoadReport;
import dev.restfault.testkit.load.LoadReports;
import dev.restfault.testkit.load.LoadRunner;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox under concurrent keep-alive traffic, as {@code java -jar} starts it (its rate limit
 * of 20 requests per token included): plain reads of the customers mixed with the probe's cases
 * and requests whose bodies the guards refuse before reading them (429 once the token's budget
 * is spent, 415, 405). After every error the connection is either still usable or the answer said
 * {@code Connection: close}: not one request is lost to a connection closed silently, and every
 * answer keeps the contract. Bounded by a request count, never by time.
 */
class LoadConformanceTest {

    private static final int CONNECTIONS = 8;
    private static final int REQUESTS = CONNECTIONS * 200;

    private static RunningSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = RunningSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void underLoadNoConnectionIsClosedSilentlyAndEveryAnswerKeepsTheContract() {
        LoadReport report = LoadRunner.builder(sandbox.base().resolve("/v1/"))
                .resource("customers")
                .token(RunningSandbox.RW)
                .expectedFormat(ErrorFormat.PARTNER_CENTER)
                .mix(LoadMix.standard())
                .connections(CONNECTIONS)
                .requests(REQUESTS)
                .timeout(Duration.ofSeconds(20))
                .build()
                .run();
        String shown = LoadReports.text(report);
        assertThat(report.brokenConnections()).as(shown).isZero();
        assertThat(report.failed()).as(shown).isZero();
        assertThat(report.violations()).as(shown).isEmpty();
        assertThat(report.answered()).isEqualTo(REQUESTS);
        // The guards did refuse bodies: the rate limit, and the credential and path errors.
        assertThat(report.answersByStatus()).as(shown).containsKeys(200, 401, 404, 429);
        assertThat(report.isConformant()).isTrue();
    }
}
