package dev.restfault.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.spring.throttleapp.ThrottleApplication;
import dev.restfault.throttling.InMemoryThrottleStore;
import dev.restfault.throttling.Throttle;
import dev.restfault.throttling.ThrottleStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** What a misconfiguration does: the start fails, naming the property. And what turns throttling off. */
class ThrottlingConfigurationTest {

    private static ConfigurableApplicationContext start(String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "spring.config.location=classpath:/throttleapp/application.properties",
                "server.port=0",
                "server.address=127.0.0.1",
                "logging.level.org.springframework.boot.diagnostics=OFF",
                "spring.autoconfigure.exclude=" + AbstractContractErrorsTest.JETTY_AUTOCONFIG));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(ThrottleApplication.class).properties(all.toArray(new String[0])).run();
    }

    @Test
    void invalidLimitsFailTheStartNamingTheProperty() {
        assertThatThrownBy(() -> start("restfault.throttling.limits.bad.capacity=0", "restfault.throttling.limits.bad.refill-period=1s",
                "restfault.throttling.limits.bad.key=shared"))
                .hasStackTraceContaining("restfault.throttling.limits.bad: capacity is required");
        assertThatThrownBy(() -> start("restfault.throttling.limits.bad.capacity=5", "restfault.throttling.limits.bad.refill-period=2d",
                "restfault.throttling.limits.bad.key=shared"))
                .hasStackTraceContaining("restfault.throttling.limits.bad: refill period must be within PT0.001S..PT24H, was PT48H");
        assertThatThrownBy(() -> start("restfault.throttling.limits.bad.capacity=5", "restfault.throttling.limits.bad.refill-period=1s"))
                .hasStackTraceContaining("restfault.throttling.limits.bad: key is required");
        assertThatThrownBy(() -> start("restfault.throttling.limits.bad.capacity=5", "restfault.throttling.limits.bad.refill-period=1s",
                "restfault.throttling.limits.bad.key=header"))
                .hasStackTraceContaining("restfault.throttling.limits.bad: key=header needs header");
        assertThatThrownBy(() -> start("restfault.throttling.limits.bad.capacity=5", "restfault.throttling.limits.bad.refill-period=1s",
                "restfault.throttling.limits.bad.key=shared", "restfault.throttling.limits.bad.routes=v1/no-slash"))
                .hasStackTraceContaining("restfault.throttling.limits.bad: route pattern must start with '/'");
        assertThatThrownBy(() -> start("restfault.throttling.limits.bad.capacity=5", "restfault.throttling.limits.bad.refill-period=1s",
                "restfault.throttling.limits.bad.key=resolver", "restfault.throttling.limits.bad.resolver=nope"))
                .hasStackTraceContaining("restfault.throttling.limits.bad: resolver names no CallerKeyResolver bean: nope");
        assertThatThrownBy(() -> start("restfault.throttling.limits.reports.capacity=5", "restfault.throttling.limits.reports.refill-period=1s",
                "restfault.throttling.limits.reports.key=shared"))
                .as("a property limit and a bean with one name").hasStackTraceContaining("restfault.throttling: two limits are named reports");
        assertThatThrownBy(() -> start("restfault.throttling.fail-closed-retry-after=0s"))
                .hasStackTraceContaining("failClosedRetryAfter must be within 1 s..1 day");
        assertThatThrownBy(() -> start("restfault.throttling.memory.max-keys-per-limit=0"))
                .hasStackTraceContaining("restfault.throttling.memory: maxKeysPerLimit must be within");
    }

    @Test
    void aResolverKeyWithoutANameUsesTheOnlyResolverBean() {
        try (ConfigurableApplicationContext context = start("restfault.throttling.limits.teams.capacity=5",
                "restfault.throttling.limits.teams.refill-period=1s", "restfault.throttling.limits.teams.key=resolver")) {
            assertThat(context.getBean(Throttle.class).limits()).extracting(l -> l.name()).contains("teams");
            assertThat(context.getBean(ThrottleStore.class)).isInstanceOf(InMemoryThrottleStore.class);
        }
    }

    @Test
    void throttlingOffLeavesNoFilter() {
        try (ConfigurableApplicationContext context = start("restfault.throttling.enabled=false")) {
            assertThat(context.getBeanNamesForType(Throttle.class)).isEmpty();
            assertThat(context.containsBean("restfaultThrottlingFilter")).isFalse();
        }
    }
}
