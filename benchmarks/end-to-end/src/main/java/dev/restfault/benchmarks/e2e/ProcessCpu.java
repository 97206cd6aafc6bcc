package dev.restfault.benchmarks.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The CPU time another process has used so far: what the benchmark divides by the requests that
 * process served. The total comes from {@link ProcessHandle.Info#totalCpuDuration()} (on Linux,
 * the process's {@code utime + stime} from {@code /proc/<pid>/stat}, all its threads, with the
 * kernel's clock-tick resolution, 10 ms); where {@code /proc} is there, the split between user
 * and kernel time too.
 */
final class ProcessCpu {

    private final ProcessHandle process;
    private final Path stat;

    ProcessCpu(ProcessHandle process) {
        this.process = process;
        Path candidate = Path.of("/proc", Long.toString(process.pid()), "stat");
        this.stat = Files.isReadable(candidate) ? candidate : null;
    }

    /** The CPU time used so far; fails if the process is gone or the platform does not tell. */
    Sample sample() {
        Duration total = process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + process.pid()
                        + (process.isAlive() ? ": the platform does not report it" : ": it has exited")));
        long[] ticks = stat == null ? null : userAndSystemTicks();
        return new Sample(total.toNanos(), ticks == null ? -1 : ticks[0], ticks == null ? -1 : ticks[1]);
    }

    private long[] userAndSystemTicks() {
        try {
            return parseStat(Files.readString(stat));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * {@code utime} and {@code stime} (fields 14 and 15 of {@code proc(5)}) from a
     * {@code /proc/<pid>/stat} line. The command name (field 2) is in parentheses and may itself
     * hold spaces and parentheses, so fields are counted from the last {@code ')'}.
     */
    static long[] parseStat(String line) {
        int end = line.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        String[] fields = line.substring(end + 1).trim().split("\\s+");
        if (fields.length < 13) {
            throw new IllegalArgumentException("too few fields in /proc/<pid>/stat: " + line);
        }
        // fields[0] is field 3 (state): utime is field 14, stime field 15.
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }

    /**
     * CPU used by a process up to one instant.
     *
     * @param totalNanos  user + system time, in nanoseconds
     * @param userTicks   user time in clock ticks, or -1 where unknown
     * @param systemTicks system time in clock ticks, or -1 where unknown
     */
    record Sample(long totalNanos, long userTicks, long systemTicks) {

        /**
         * The share of the CPU used between {@code earlier} and this sample that was user time,
         * or {@code NaN} where unknown or nothing was used.
         */
        double userShareSince(Sample earlier) {
            if (userTicks < 0 || earlier.userTicks < 0) {
                return Double.NaN;
            }
            long user = userTicks - earlier.userTicks;
            long all = user + systemTicks - earlier.systemTicks;
            return all <= 0 ? Double.NaN : (double) user / all;
        }
    }
}
