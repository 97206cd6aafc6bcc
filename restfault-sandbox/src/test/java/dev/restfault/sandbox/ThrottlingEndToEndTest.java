package dev.restfault.sandbox;

import static dev.restfault.sandbox.RunningSandbox.RO;
import static dev.restfault.sandbox.RunningSandbox.RW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.throttling.RateLimit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 429 for its real reason: the sandbox with its default budget (20 requests per token), hit by a
 * short loop, as the README's shell loop does. The window is stretched from 10 s to an hour so
 * that a slow machine cannot roll it over in the middle of the test. The loop is one test,
 * because the budget is state shared by everything that uses the token.
 */
class ThrottlingEndToEndTest {

    private static RunningSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = RunningSandbox.start("--sandbox.rate-limit.window=1h");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aShortLoopHitsTheDefaultLimitAndEveryLanguageAndFormatSays429() {
        RateLimit limit = sandbox.bean(RateLimit.class);
        assertThat(limit.capacity()).isEqualTo(20);
        int allowed = 0;
        Reply first429 = null;
        for (int i = 0; i < 25 && first429 == null; i++) {
            Reply r = sandbox.get("/v1/customers?size=1").token(RO).send();
            if (r.status() == 429) {
                first429 = r;
            } else {
                assertThat(r.status()).isEqualTo(200);
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(20);
        assertThat(first429).isNotNull();

        for (ErrorFormat format : List.of(ErrorFormat.PARTNER_CENTER, ErrorFormat.PARTNER_API)) {
            String prefix = format == ErrorFormat.PARTNER_API ? ApiPaths.PARTNER_API : ApiPaths.PARTNER_CENTER;
            for (Locale locale : SupportedLocales.ALL) {
                Reply r = sandbox.get(prefix + "/customers").token(RO).header("X-Locale", locale.toLanguageTag()).send();
                ErrorCheck c = ErrorCheck.of(r, 429, format, locale).code("tooManyRequests");
                long wait = Long.parseLong(r.header("Retry-After").orElseThrow());
                assertThat(wait).isBetween(1L, 3600L);
                c.description(l -> ExpectedTexts.text(Texts.RATE_LIMITED, l, 20, 3600, wait));
            }
        }

        // The budget is per token: the read-write token is not throttled by the read-only one's use.
        assertThat(sandbox.get("/v1/customers?size=1").token(RW).send().status()).isEqualTo(200);
        // Simulations are never throttled.
        assertThat(sandbox.get("/v1/simulate/404").token(RO).send().status()).isEqualTo(404);
    }

    @Test
    void anInvalidLimitStopsTheStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunningSandbox.start("--sandbox.rate-limit.requests=0",
                        "--logging.level.org.springframework.boot.diagnostics=OFF").close())
                .hasStackTraceContaining("rateLimit.requests");
    }
}
