package dev.restfault.cli;

import dev.restfault.json.DecodedError;
import dev.restfault.json.ErrorBodyException;
import dev.restfault.json.ErrorReader;
import dev.restfault.testkit.check.ContractChecker;
import dev.restfault.testkit.check.ObservedResponse;
import dev.restfault.testkit.check.ResponseHeaders;
import dev.restfault.testkit.check.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restfault decode}: reads an error body in any shape and prints it normalized, with the checker's verdict. */
@Command(name = "decode",
        mixinStandardHelpOptions = true,
        versionProvider = RestfaultCommand.Version.class,
        description = "Reads an error response body in any shape (Partner Center, Partner API, problem details, "
                + "the throttling body, or garbage), prints the normalized error and the contract violations "
                + "found. With --status (and --header), the headers and status rules are checked too; "
                + "without, the body alone. Any input is safe: binary, huge, deeply nested or invalid UTF-8 "
                + "input gives a verdict, never a stack trace.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  restfault decode error.json",
            "  curl -s URL | restfault decode - --status 404 -H 'Content-Type: text/html'",
            "  restfault decode body.bin --json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:decoded, and no contract violation",
            "1:violations found, or the input is not an error body",
            "2:usage error or unreadable file"})
final class DecodeCommand implements Callable<Integer> {

    @ParentCommand
    RestfaultCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "The body; '-' or nothing reads standard input.")
    String file;

    @Option(names = "--status", paramLabel = "N", description = "The response status (100..599), to check status and header rules.")
    Integer status;

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "A response header; repeatable. Headers and status rules are checked only with --status.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        if (status != null && (status < 100 || status > 599)) {
            spec.commandLine().getErr().println("restfault decode: --status must be within 100..599");
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        ResponseHeaders.Builder hb = ResponseHeaders.builder();
        try {
            headers.forEach(hb::addLine);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("restfault decode: " + Terminal.safe(e.getMessage()));
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        byte[] body;
        try {
            body = Input.read(file, parent.stdin);
        } catch (Input.Unreadable e) {
            spec.commandLine().getErr().println("restfault decode: " + Terminal.safe(e.getMessage()));
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        ContractChecker checker = ContractChecker.standard();
        // Header rules are judged only for a known status: without one, the headers' meaning is unknown.
        List<Violation> violations = status == null ? checker.checkBody(body)
                : checker.check(ObservedResponse.of(status, hb.build(), body));
        DecodedError decoded = null;
        String failure = null;
        try {
            decoded = ErrorReader.standard().read(body);
        } catch (ErrorBodyException e) {
            failure = e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + e.getMessage();
        }
        if (json) {
            spec.commandLine().getOut().println(DecodedErrors.json(status, decoded, failure == null ? null : Terminal.safe(failure), violations));
        } else if (decoded != null) {
            spec.commandLine().getOut().print(DecodedErrors.text(status, decoded, violations));
        } else {
            StringBuilder sb = new StringBuilder("not an error body (").append(Terminal.safe(failure)).append(")\n");
            DecodedErrors.violationsText(sb, violations);
            spec.commandLine().getOut().print(sb);
        }
        spec.commandLine().getOut().flush();
        return decoded != null && violations.isEmpty() ? ExitCodes.OK : ExitCodes.VIOLATIONS;
    }
}
