package dev.restfault.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void readsUserAndSystemTicksAfterACommandNameWithSpacesAndParentheses() {
        String line = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 9000 0 12 0 1500 300 0 0 20 0 40 0 123 4096 77";
        assertThat(ProcessCpu.parseStat(line)).containsExactly(1500L, 300L);
    }

    @Test
    void refusesWhatIsNotAStatLine() {
        assertThatThrownBy(() -> ProcessCpu.parseStat("no parenthesis here"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a /proc/<pid>/stat line");
        assertThatThrownBy(() -> ProcessCpu.parseStat("1 (java) S 1 2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too few fields");
    }

    @Test
    void userShareIsOfTheTicksBetweenTwoSamples() {
        ProcessCpu.Sample before = new ProcessCpu.Sample(0, 100, 50);
        ProcessCpu.Sample after = new ProcessCpu.Sample(0, 175, 75);
        assertThat(after.userShareSince(before)).isEqualTo(0.75);
        assertThat(after.userShareSince(after)).isNaN();
        assertThat(new ProcessCpu.Sample(0, -1, -1).userShareSince(before)).isNaN();
    }

    @Test
    void samplesTheCpuOfARunningProcess() {
        ProcessCpu.Sample sample = new ProcessCpu(ProcessHandle.current()).sample();
        // This JVM has run the test framework: it has used some CPU.
        assertThat(sample.totalNanos()).isPositive();
    }
}
