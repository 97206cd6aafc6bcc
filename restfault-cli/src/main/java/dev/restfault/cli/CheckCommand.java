package dev.restfault.cli;

import dev.restfault.core.model.ErrorFormat;
import dev.restfault.testkit.load.LoadMix;
import dev.restfault.testkit.load.LoadReport;
import dev.restfault.testkit.load.LoadReports;
import dev.restfault.testkit.load.LoadRunner;
import dev.restfault.testkit.probe.Probe;
import dev.restfault.testkit.probe.ProbeCase;
import dev.restfault.testkit.probe.ProbeListener;
import dev.restfault.testkit.probe.ProbeReport;
import dev.restfault.testkit.probe.ProbeReports;
import dev.restfault.testkit.probe.ProbeResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code restfault check}: probes a live API and reports every contract violation; with
 * {@code --load}, does so on many keep-alive connections at once and reports broken connections
 * too.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = RestfaultCommand.Version.class,
        description = {"Sends a battery of requests designed to provoke errors (unknown path, wrong method, "
                + "unacceptable Accept, malformed body, no credentials, bad token, huge header, a locale, "
                + "invalid ids, problem Accept) to URL and checks every answer against the contract. Requests "
                + "stay under URL, never follow redirects, and are never destructive (GET, an empty "
                + "merge-patch PATCH, a truncated-JSON POST). A progress line goes to standard error; the "
                + "report to standard output or --output.",
            "",
            "With --load: conformance under concurrency. Keeps --connections keep-alive connections busy for "
                + "--duration seconds or --requests requests (whichever comes first; one is required), replaying "
                + "the battery mixed with plain GETs of the resource and errors provoked by requests with bodies "
                + "(--mix, --body-size), and reports broken connections (a request on a reused connection that got "
                + "no answer: the server closed it silently), other requests without an answer, off-contract "
                + "answers by rule with an example each, and latency percentiles for errors and successes. The "
                + "progress line is live on a terminal, a plain line every 5 s otherwise (--progress)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  restfault check http://localhost:8080/api/",
            "  restfault check https://api.contoso/v1/ --resource customers --token $T",
            "  restfault check https://api.contoso/v1/ --report html --output report.html",
            "  restfault check https://api.contoso/v1/ --format problem-details \\",
            "      --skip huge-header",
            "  restfault check http://localhost:8080/v1/ --locale zh-TW",
            "  restfault check http://localhost:8080/v1/ --token $T --load --duration 20",
            "  restfault check http://localhost:8080/ --resource items/1 --load \\",
            "      --connections 32 --duration 8 --mix get=1,post-json=1",
            "  restfault check https://api.contoso/v1/ --token $T --load \\",
            "      --connections 64 --requests 100000 --report json -o load.json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:conformant: at least one error provoked, and no violation (--load: and every request answered)",
            "1:violations found, or no request was answered with an error (no-error-provoked); --load: also broken "
                + "connections and other requests without a complete answer",
            "2:usage error (every case skipped included), or the API could not be reached at all"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "The API's base URL (http or https).")
    String url;

    @Option(names = "--token", paramLabel = "T", description = "A bearer token, sent with every request but the credential probes. Never printed.")
    String token;

    @Option(names = "--resource", paramLabel = "PATH", description = "A resource under URL for the resource-level probes (default: URL itself).")
    String resource;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            completionCandidates = FormatConverter.Tokens.class,
            description = "The format the API promises (${COMPLETION-CANDIDATES}); others are violations.")
    ErrorFormat format;

    @Option(names = "--locale", paramLabel = "TAG", defaultValue = "ja-JP",
            description = "The language the locale probe asks for with X-Locale (default ${DEFAULT-VALUE}); a well-formed BCP 47 tag, else a usage error.")
    String locale;

    @Option(names = "--report", paramLabel = "KIND", defaultValue = "text", description = "text (default), json or html.")
    String report;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Timeout per request (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--skip", paramLabel = "CASE", split = ",", description = "Probe cases to leave out, such as huge-header.")
    List<String> skip = new ArrayList<>();

    @Option(names = "--load", description = "Check under load: many keep-alive connections at once (see the description above).")
    boolean load;

    @Option(names = "--connections", paramLabel = "N",
            description = "With --load: keep-alive connections kept busy at once, 1..1024 (default 8).")
    Integer connections;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "With --load: stop starting requests after SECONDS (1..86400).")
    Integer durationSeconds;

    @Option(names = "--requests", paramLabel = "M",
            description = "With --load: make M requests in all (1..1000000000). --duration, --requests or both (whichever comes first) is required.")
    Long requests;

    @Option(names = "--mix", paramLabel = "SPEC",
            description = "With --load: what to send, as id=weight items: get, post-json, put-json, malformed-json, "
                    + "unsupported-media-type, a probe case, or probe for every probe case (default: "
                    + "get=10,post-json=4,malformed-json=2,unsupported-media-type=2,probe=1; put-json only when named).")
    String mix;

    @Option(names = "--body-size", paramLabel = "BYTES",
            description = "With --load: size of the bodies of post-json, put-json, malformed-json and unsupported-media-type, 64..1048576 (default 5000).")
    Integer bodySize;

    @Option(names = "--body-pause", paramLabel = "MS",
            description = "With --load: how long a body waits after its head for the answer to begin, 0..1000 ms (default 10; "
                    + "0 sends it at once). A server that answers before the body arrives must read the rest or say "
                    + "Connection: close: that is what the pause tests.")
    Integer bodyPauseMillis;

    @Option(names = "--progress", paramLabel = "MODE",
            description = "With --load: auto (default: live on a terminal, a plain line every 5 s otherwise), live, plain or none.")
    String progress;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!List.of("text", "json", "html").contains(report)) {
            err.println("restfault check: --report must be text, json or html");
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 300) {
            err.println("restfault check: --timeout must be within 1..300 seconds");
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        if (load) {
            return callLoad(err);
        }
        String loadOnly = connections != null ? "--connections" : durationSeconds != null ? "--duration"
                : requests != null ? "--requests" : mix != null ? "--mix" : bodySize != null ? "--body-size"
                : bodyPauseMillis != null ? "--body-pause" : progress != null ? "--progress" : null;
        if (loadOnly != null) {
            err.println("restfault check: " + loadOnly + " applies to --load only");
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        Probe probe;
        try {
            Probe.Builder b = Probe.builder(new URI(url)).token(token).resource(resource)
                    .timeout(Duration.ofSeconds(timeoutSeconds));
            b.locale(Locales.languageTag(locale, "--locale"));
            if (format != null) {
                b.expectedFormat(format);
            }
            b.skip(skipped());
            probe = b.build();
        } catch (URISyntaxException e) {
            err.println("restfault check: not a URL: " + Terminal.safe(url));
            return ExitCodes.USAGE_OR_CONNECTION;
        } catch (IllegalArgumentException e) {
            err.println("restfault check: " + Terminal.safe(e.getMessage()));
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        if (probe.cases().isEmpty()) {
            // Nothing would be sent, so nothing checked: not a pass.
            err.println("restfault check: every probe case is skipped: nothing to send, nothing checked");
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        ProbeReport result = probe.run(new ProbeListener() {
            @Override
            public void sending(ProbeCase c, int index, int total) {
                err.print("\r[" + index + "/" + total + "] " + String.format("%-16s", c.id()));
                err.flush();
            }

            @Override
            public void checked(ProbeResult r) {
                err.print(r.status().isPresent() ? " " + r.status().getAsInt() : " no answer");
                err.flush();
            }
        });
        err.println();
        if (result.isUnreachable()) {
            err.println("restfault check: " + probe.baseUrl() + " could not be reached ("
                    + result.results().get(0).failure().orElse("no answer") + ")");
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        String rendered = report.equals("json") ? ProbeReports.json(result)
                : report.equals("html") ? ProbeReports.html(result) : ProbeReports.text(result);
        if (!emit(rendered, ProbeReports.summary(result))) {
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        return result.isConformant() ? ExitCodes.OK : ExitCodes.VIOLATIONS;
    }

    /** The probe cases named by {@code --skip}. */
    private ProbeCase[] skipped() {
        List<ProbeCase> cases = new ArrayList<>();
        for (String id : skip) {
            cases.add(ProbeCase.byId(id.trim()).orElseThrow(() -> new IllegalArgumentException("no probe case " + Terminal.safe(id))));
        }
        return cases.toArray(new ProbeCase[0]);
    }

    /** {@code check --load}: the same options, the same exit codes, a load report. */
    private Integer callLoad(PrintWriter err) {
        LoadRunner runner;
        LoadProgressLine.Mode mode;
        try {
            mode = LoadProgressLine.Mode.of(progress == null ? "auto" : progress);
            if (durationSeconds == null && requests == null) {
                throw new IllegalArgumentException("--load needs --duration SECONDS, --requests M, or both");
            }
            LoadRunner.Builder b = LoadRunner.builder(new URI(url)).token(token).resource(resource)
                    .timeout(Duration.ofSeconds(timeoutSeconds))
                    .locale(Locales.languageTag(locale, "--locale"))
                    .progressInterval(mode.interval);
            if (format != null) {
                b.expectedFormat(format);
            }
            if (connections != null) {
                b.connections(connections);
            }
            if (durationSeconds != null) {
                if (durationSeconds < 1 || durationSeconds > 86_400) {
                    throw new IllegalArgumentException("--duration must be within 1..86400 seconds");
                }
                b.duration(Duration.ofSeconds(durationSeconds));
            }
            if (requests != null) {
                b.requests(requests);
            }
            if (mix != null) {
                b.mix(LoadMix.parse(mix));
            }
            if (bodySize != null) {
                b.bodySize(bodySize);
            }
            if (bodyPauseMillis != null) {
                if (bodyPauseMillis < 0 || bodyPauseMillis > 1000) {
                    throw new IllegalArgumentException("--body-pause must be within 0..1000 ms");
                }
                b.bodyPause(Duration.ofMillis(bodyPauseMillis));
            }
            runner = b.skip(skipped()).build();
        } catch (URISyntaxException e) {
            err.println("restfault check: not a URL: " + Terminal.safe(url));
            return ExitCodes.USAGE_OR_CONNECTION;
        } catch (IllegalArgumentException e) {
            err.println("restfault check: " + Terminal.safe(e.getMessage()));
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        LoadReport result = runner.run(new LoadProgressLine(err, mode));
        if (result.isUnreachable()) {
            err.println("restfault check: " + runner.baseUrl() + " could not be reached ("
                    + result.failureExamples().values().stream().findFirst().orElse("no answer") + ")");
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        String rendered = report.equals("json") ? LoadReports.json(result)
                : report.equals("html") ? LoadReports.html(result) : LoadReports.text(result);
        if (!emit(rendered, LoadReports.summary(result))) {
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        return result.isConformant() ? ExitCodes.OK : ExitCodes.VIOLATIONS;
    }

    /** Writes the report to {@code --output} (then the summary to standard output), or to standard output. */
    private boolean emit(String rendered, String summary) {
        PrintWriter out = spec.commandLine().getOut();
        if (output != null) {
            try {
                Files.writeString(output, rendered, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                spec.commandLine().getErr().println("restfault check: cannot write " + Terminal.safe(output.toString()));
                return false;
            }
            out.println(summary + " (report: " + output + ")");
        } else {
            out.print(Terminal.safe(rendered, true));
            if (!rendered.endsWith("\n")) {
                out.println();
            }
        }
        out.flush();
        return true;
    }
}
