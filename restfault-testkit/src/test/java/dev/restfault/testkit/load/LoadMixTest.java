package dev.restfault.testkit.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.testkit.probe.ProbeCase;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LoadMixTest {

    @Test
    void theStandardMixReadsSendsBodiesAndEveryProbeCaseButNeverPut() {
        Map<String, Integer> w = LoadMix.standard().weights();
        assertThat(w).containsEntry("get", 10).containsEntry("post-json", 4).containsEntry("malformed-json", 2)
                .containsEntry("unsupported-media-type", 2).doesNotContainKey("put-json");
        for (ProbeCase c : ProbeCase.values()) {
            assertThat(w).containsEntry(c.id(), 1);
        }
        assertThat(LoadMix.parse(LoadMix.standard().toString())).isEqualTo(LoadMix.standard());
    }

    @Test
    void aMixIsReadFromText() {
        LoadMix mix = LoadMix.parse(" get=2 , post-json ,unknown-path=3");
        assertThat(mix.weights()).containsExactly(Map.entry("get", 2), Map.entry("post-json", 1), Map.entry("unknown-path", 3));
        assertThat(mix).hasToString("get=2,post-json=1,unknown-path=3");
        assertThat(LoadMix.parse("probe=2").weights()).hasSize(ProbeCase.values().length).containsValue(2).doesNotContainValue(1);
    }

    @Test
    void aBadMixIsRefusedWithAPreciseMessage() {
        assertThatThrownBy(() -> LoadMix.parse(null)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("mix must not be empty");
        assertThatThrownBy(() -> LoadMix.parse(" ")).hasMessageStartingWith("mix must not be empty");
        assertThatThrownBy(() -> LoadMix.parse("get,,post-json")).hasMessageStartingWith("mix has an empty item");
        assertThatThrownBy(() -> LoadMix.parse("delete-everything=1"))
                .hasMessageStartingWith("no case 'delete-everything' (known: get, post-json, put-json,").hasMessageEndingWith(", probe)");
        assertThatThrownBy(() -> LoadMix.parse("get=x")).hasMessage("weight of 'get' is not an integer: 'x'");
        assertThatThrownBy(() -> LoadMix.parse("get=0")).hasMessage("weight of 'get' must be within 1..1000, was 0");
        assertThatThrownBy(() -> LoadMix.parse("get=1001")).hasMessage("weight of 'get' must be within 1..1000, was 1001");
        assertThatThrownBy(() -> LoadMix.parse("get=1,get=2")).hasMessage("case 'get' appears twice in the mix");
        assertThatThrownBy(() -> LoadMix.parse("unknown-path,probe")).hasMessage("case 'unknown-path' appears twice in the mix");
        assertThatThrownBy(() -> LoadMix.parse("g".repeat(5000))).hasMessage("mix is longer than 4096 characters");
        // A hostile item is quoted short.
        assertThatThrownBy(() -> LoadMix.parse("x".repeat(1000))).hasMessageStartingWith("no case '" + "x".repeat(40) + "…'");
        assertThatThrownBy(() -> LoadMix.builder().build()).hasMessage("mix must name at least one case");
        assertThatThrownBy(() -> LoadMix.builder().add((LoadCase) null, 1)).hasMessage("case must not be null");
    }

    @Test
    void theCycleHoldsEachCaseAsOftenAsItsWeightAndInterleavesThem() {
        LoadMix mix = LoadMix.parse("get=3,post-json=1,malformed-json=2");
        List<Enum<?>> cycle = mix.cycle();
        assertThat(cycle).hasSize(6);
        Map<Enum<?>, Long> counts = cycle.stream().collect(Collectors.groupingBy(e -> e, Collectors.counting()));
        assertThat(counts).containsEntry(LoadCase.GET, 3L).containsEntry(LoadCase.POST_JSON, 1L).containsEntry(LoadCase.MALFORMED_JSON, 2L);
        // Smooth: within the cycle, the heavy case never comes twice in a row here.
        assertThat(cycle).containsExactly(LoadCase.GET, LoadCase.MALFORMED_JSON, LoadCase.GET, LoadCase.POST_JSON,
                LoadCase.MALFORMED_JSON, LoadCase.GET);
        // Half and half alternates.
        assertThat(LoadMix.parse("get,post-json").cycle()).containsExactly(LoadCase.GET, LoadCase.POST_JSON);
        assertThat(LoadMix.standard().without(Set.of(ProbeCase.values())).cycle()).doesNotHaveAnyElementsOfTypes(ProbeCase.class);
        assertThat(LoadMix.parse("probe").without(Set.of(ProbeCase.values())).isEmpty()).isTrue();
        assertThat(Collections.frequency(LoadMix.standard().cycle(), LoadCase.GET)).isEqualTo(10);
    }

    @Test
    void everyIdIsKnownOnceAcrossLoadAndProbeCases() {
        Set<String> ids = new java.util.HashSet<>();
        for (LoadCase c : LoadCase.values()) {
            assertThat(ids.add(c.id())).isTrue();
            assertThat(LoadCase.byId(c.id())).contains(c);
        }
        for (ProbeCase c : ProbeCase.values()) {
            assertThat(ids.add(c.id())).as(c.id()).isTrue();
        }
        assertThat(ids).doesNotContain(LoadMix.ALL_PROBE_CASES);
    }
}
