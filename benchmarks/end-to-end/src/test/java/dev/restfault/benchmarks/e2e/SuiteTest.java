package dev.restfault.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.benchmarks.e2e.app.BenchmarkApplication;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteTest {

    private static final Setup A = new Setup("a", "A", BenchmarkApplication.class, List.of("x=1"), true, e -> List.of());
    private static final Setup B = new Setup("b", "B", BenchmarkApplication.class, List.of(), false, e -> List.of());
    private static final Scenario OK = Scenario.json("200", "GET", "/", 200, "ok");
    private static final Scenario MISSING = Scenario.json("404", "GET", "/missing", 404, "missing");

    @Test
    void theSpringMvcSuiteComparesThreeSetupsAndTheFloorsOnBothServersForFiveStatuses() {
        Suite suite = Suites.mvcErrors();
        assertThat(suite.setups()).extracting(Setup::id)
                .containsExactly(Suites.RESTFAULT, Suites.SPRING_DEFAULT, Suites.SPRING_PROBLEM_DETAILS, Suites.FLOOR,
                        Suites.CONTRACT_FLOOR);
        assertThat(suite.servers()).containsExactly(Server.TOMCAT, Server.JETTY);
        assertThat(suite.scenarios()).extracting(Scenario::expectedStatus).containsExactly(200, 404, 401, 405, 500);
        assertThat(suite.setups()).allSatisfy(setup -> assertThat(setup.applicationClass()).isEqualTo(BenchmarkApplication.class));
        // Three targets for each of the four errors, held to restfault and to both floors.
        assertThat(suite.targets()).hasSize(36);
        assertThat(suite.targets()).filteredOn(t -> t.setup().equals(Suites.FLOOR) || t.baseSetup().equals(Suites.FLOOR))
                .extracting(Target::label)
                .contains("floor 404 ≤ 1.1× its 200", "spring-default 404 ≥ 2.0× floor", "spring-problem-details 404 ≥ 1.5× floor");
        assertThat(suite.targets()).filteredOn(t -> t.setup().equals(Suites.CONTRACT_FLOOR)
                || t.baseSetup().equals(Suites.CONTRACT_FLOOR)).hasSize(12);
    }

    @Test
    void restfaultIsOnInItsSetupAndUnderTheContractFloorOnly() {
        for (Setup setup : Suites.mvcErrors().setups()) {
            boolean on = setup.id().equals(Suites.RESTFAULT) || setup.id().equals(Suites.CONTRACT_FLOOR);
            assertThat(setup.restfaultActive()).isEqualTo(on);
            assertThat(setup.properties().contains("restfault.enabled=false")).isEqualTo(!on);
        }
        assertThat(Suites.mvcErrors().setups().get(2).properties()).contains("spring.mvc.problemdetails.enabled=true");
        assertThat(Suites.mvcErrors().setups().get(4).properties())
                .contains(BenchmarkApplication.FAILURES_PROPERTY + "=floor", BenchmarkApplication.FLOOR_CONTRACT_PROPERTY + "=true");
    }

    @Test
    void theWrongMethodIsOneTheRouteDoesNotServe() {
        Scenario wrongMethod = Suites.mvcErrors().scenarios().stream().filter(s -> s.id().equals("405")).findFirst().orElseThrow();
        Scenario ok = Suites.mvcErrors().scenarios().get(0);
        assertThat(wrongMethod.path()).isEqualTo(ok.path());
        assertThat(wrongMethod.method()).isNotEqualTo("GET").isNotEqualTo("HEAD").isNotEqualTo("OPTIONS");
    }

    @Test
    void aTargetMustNameMeasuredSetupsAndScenarios() {
        assertThatThrownBy(() -> new Suite("s", "S", List.of(A, B), List.of(Server.TOMCAT), List.of(OK, MISSING),
                List.of(Target.cheaperThan("a", "c", "404", 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown setup c");
        assertThatThrownBy(() -> new Suite("s", "S", List.of(A, B), List.of(Server.TOMCAT), List.of(OK, MISSING),
                List.of(Target.withinOwn("a", "401", "200", 1.1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown scenario 401");
    }

    @Test
    void namesAreUniqueWithinASuite() {
        assertThatThrownBy(() -> new Suite("s", "S", List.of(A, A), List.of(Server.TOMCAT), List.of(OK), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("suite s has two setups named a");
        assertThatThrownBy(() -> new Suite("s", "S", List.of(A), List.of(Server.TOMCAT), List.of(OK, OK), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("suite s has two scenarios named 200");
        assertThatThrownBy(() -> new Suite("s", "S", List.of(), List.of(Server.TOMCAT), List.of(OK), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one setup");
    }

    @Test
    void setupsAndScenariosValidateTheirParts() {
        assertThatThrownBy(() -> new Setup("a:b", "A", BenchmarkApplication.class, List.of(), true, e -> List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("setup id");
        assertThatThrownBy(() -> new Setup("a", "A", BenchmarkApplication.class, List.of("noValue"), true, e -> List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key=value");
        assertThatThrownBy(() -> Scenario.json("404", "GET", "items", 404, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> Scenario.json("404", "GET", "/items", 99, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100..599");
    }
}
