package dev.restfault.cli;

import dev.restfault.core.model.ErrorFormat;
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

/** {@code restfault check}: probes a live API and reports every contract violation. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = RestfaultCommand.Version.class,
        description = "Sends a battery of requests designed to provoke errors (unknown path, wrong method, "
                + "unacceptable Accept, malformed body, no credentials, bad token, huge header, a locale, "
                + "invalid ids, problem Accept) to URL and checks every answer against the contract. Requests "
                + "stay under URL, never follow redirects, and are never destructive (GET, an empty "
                + "merge-patch PATCH, a truncated-JSON POST). A progress line goes to standard error; the "
                + "report to standard output or --output.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  restfault check http://localhost:8080/api/",
            "  restfault check https://api.contoso/v1/ --resource customers --token $T",
            "  restfault check https://api.contoso/v1/ --report html --output report.html",
            "  restfault check https://api.contoso/v1/ --format problem-details --skip huge-header",
            "  restfault check http://localhost:8080/v1/ --locale zh-TW"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:conformant: at least one error provoked, and no violation",
            "1:violations found, or no request was answered with an error (no-error-provoked)",
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
        Probe probe;
        try {
            Probe.Builder b = Probe.builder(new URI(url)).token(token).resource(resource)
                    .timeout(Duration.ofSeconds(timeoutSeconds));
            b.locale(Locales.languageTag(locale, "--locale"));
            if (format != null) {
                b.expectedFormat(format);
            }
            for (String id : skip) {
                b.skip(ProbeCase.byId(id.trim()).orElseThrow(() -> new IllegalArgumentException("no probe case " + Terminal.safe(id))));
            }
            probe = b.build();
        } catch (URISyntaxException e) {
            err.println("restfault check: not a URL: " + Terminal.safe(url));
            return ExitCodes.USAGE_OR_CONNECTION;
        } catch (IllegalArgumentException e) {
            err.println("restfault check: " + e.getMessage());
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
        if (output != null) {
            try {
                Files.writeString(output, rendered, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                err.println("restfault check: cannot write " + Terminal.safe(output.toString()));
                return ExitCodes.USAGE_OR_CONNECTION;
            }
            spec.commandLine().getOut().println(ProbeReports.summary(result) + " (report: " + output + ")");
        } else {
            spec.commandLine().getOut().print(Terminal.safe(rendered, true));
            if (!rendered.endsWith("\n")) {
                spec.commandLine().getOut().println();
            }
        }
        spec.commandLine().getOut().flush();
        return result.isConformant() ? ExitCodes.OK : ExitCodes.VIOLATIONS;
    }
}
