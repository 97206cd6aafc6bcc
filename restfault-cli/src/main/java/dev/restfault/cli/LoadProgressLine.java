package dev.restfault.cli;

import dev.restfault.testkit.load.LoadListener;
import dev.restfault.testkit.load.LoadProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * The progress line of {@code check --load} on standard error: on a terminal, one line rewritten
 * in place with a carriage return several times a second; elsewhere (a CI log, a file), a plain
 * line every few seconds, so a log is not flooded and never holds a carriage return.
 */
final class LoadProgressLine implements LoadListener {

    /** How the line is shown. */
    enum Mode {
        LIVE(Duration.ofMillis(250)), PLAIN(Duration.ofSeconds(5)), NONE(Duration.ofHours(1));

        /** How often the runner reports. */
        final Duration interval;

        Mode(Duration interval) {
            this.interval = interval;
        }

        /**
         * The mode named by {@code --progress}: {@code auto} (live on an interactive terminal,
         * plain otherwise), {@code live}, {@code plain} or {@code none}.
         *
         * @throws IllegalArgumentException for any other value
         */
        static Mode of(String option) {
            switch (option) {
                case "auto":
                    return Terminal.isInteractive() ? LIVE : PLAIN;
                case "live":
                    return LIVE;
                case "plain":
                    return PLAIN;
                case "none":
                    return NONE;
                default:
                    throw new IllegalArgumentException("--progress must be auto, live, plain or none");
            }
        }
    }

    private final PrintWriter err;
    private final Mode mode;
    private int shown;

    LoadProgressLine(PrintWriter err, Mode mode) {
        this.err = err;
        this.mode = mode;
    }

    @Override
    public void progress(LoadProgress p) {
        String line = line(p);
        if (mode == Mode.LIVE) {
            // Padded over the previous line, which may have been longer.
            err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
            shown = line.length();
            if (p.isFinished()) {
                err.println();
            }
            err.flush();
        } else if (mode == Mode.PLAIN) {
            err.println("restfault check --load: " + line);
            err.flush();
        }
    }

    /** {@code "[4.0 s / 8 s] 12,345 requests (3,086/s), 6,120 errors, 0 broken connections, 0 other failures, 0 off-contract"}. */
    static String line(LoadProgress p) {
        StringBuilder sb = new StringBuilder("[").append(seconds(p.elapsed()));
        if (p.plannedDuration().isPresent()) {
            sb.append(" / ").append(p.plannedDuration().get().getSeconds()).append(" s");
        } else {
            sb.append(" s");
        }
        sb.append("] ").append(number(p.sent()));
        if (p.plannedRequests().isPresent()) {
            sb.append(" / ").append(number(p.plannedRequests().getAsLong()));
        }
        return sb.append(" requests (").append(number(Math.round(p.rate()))).append("/s), ")
                .append(number(p.errors())).append(" errors, ")
                .append(number(p.brokenConnections())).append(" broken connections, ")
                .append(number(p.otherFailures())).append(" other failures, ")
                .append(number(p.offContractAnswers())).append(" off-contract")
                .append(p.isFinished() ? ", done" : "").toString();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
