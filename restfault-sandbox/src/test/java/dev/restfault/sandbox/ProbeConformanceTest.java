package dev.restfault.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.testkit.probe.Probe;
import dev.restfault.testkit.probe.ProbeReport;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * restfault's conformance probe (restfault-testkit) against the sandbox, its first target: every
 * error the probe provokes, in both formats and every language, breaks no rule of the contract.
 * The rate limit is raised so the probe's own requests are not throttled.
 */
class ProbeConformanceTest {

    private static RunningSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = RunningSandbox.start("--sandbox.rate-limit.requests=10000");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static Locale[] locales() {
        return SupportedLocales.ALL.toArray(Locale[]::new);
    }

    @ParameterizedTest
    @MethodSource("locales")
    void partnerCenterFormatIsConformantInEveryLanguage(Locale locale) {
        ProbeReport report = probe("/v1/", ErrorFormat.PARTNER_CENTER, locale);
        assertThat(report.isUnreachable()).isFalse();
        assertThat(report.results()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(report.violations()).as("%s", report).isEmpty();
        assertThat(report.isConformant()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("locales")
    void partnerApiFormatIsConformantInEveryLanguage(Locale locale) {
        ProbeReport report = probe("/partner/v1/", ErrorFormat.PARTNER_API, locale);
        assertThat(report.violations()).as("%s", report).isEmpty();
        assertThat(report.isConformant()).isTrue();
    }

    @Test
    void withoutATokenTooEveryAnswerIsAContractError() {
        ProbeReport report = Probe.builder(sandbox.base().resolve("/v1/"))
                .resource("customers")
                .timeout(Duration.ofSeconds(10))
                .build()
                .run();
        assertThat(report.violations()).as("%s", report).isEmpty();
    }

    /** The check above can fail: the same probe expecting the other format reports it. */
    @Test
    void theProbeNoticesAFormatThatIsNotTheOnePromised() {
        ProbeReport report = probe("/v1/", ErrorFormat.PARTNER_API, SupportedLocales.EN_US);
        assertThat(report.isConformant()).isFalse();
        assertThat(report.violations()).extracting(v -> v.rule().id()).contains("expected-format");
    }

    private static ProbeReport probe(String path, ErrorFormat format, Locale locale) {
        return Probe.builder(sandbox.base().resolve(path))
                .resource("customers")
                .token(RunningSandbox.RW)
                .expectedFormat(format)
                .locale(locale)
                .timeout(Duration.ofSeconds(10))
                .build()
                .run();
    }
}
