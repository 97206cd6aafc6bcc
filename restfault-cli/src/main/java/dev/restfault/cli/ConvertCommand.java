package dev.restfault.cli;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.model.Descriptions;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.ModelLimits;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.DecodedError;
import dev.restfault.json.ErrorBodyException;
import dev.restfault.json.ErrorReader;
import dev.restfault.json.ErrorWriter;
import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.ErrorRequest;
import dev.restfault.server.RequestFacts;
import dev.restfault.testkit.check.ContractChecker;
import dev.restfault.testkit.check.Rule;
import dev.restfault.testkit.check.Violation;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restfault convert}: rewrites an error body in another of the three formats. */
@Command(name = "convert",
        mixinStandardHelpOptions = true,
        versionProvider = RestfaultCommand.Version.class,
        description = "Reads an error body in any shape and writes it, strictly, in the chosen format. The status "
                + "is --status, else the body's own (a problem's status, the throttling statusCode), else "
                + "500; it fills a missing code or description from the catalog and is the problem's status.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  restfault convert --to problem-details error.json",
            "  echo '{\"statusCode\":429,\"message\":\"Slow down\"}' | restfault convert --to partner-center"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:converted",
            "1:the input is not an error body, or its own source is a Java class name",
            "2:usage error or unreadable file"})
final class ConvertCommand implements Callable<Integer> {

    @ParentCommand
    RestfaultCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", converter = FormatConverter.class,
            completionCandidates = FormatConverter.Tokens.class, description = "${COMPLETION-CANDIDATES}.")
    ErrorFormat to;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "The body; '-' or nothing reads standard input.")
    String file;

    @Option(names = "--status", paramLabel = "N", description = "The response status (400..599).")
    Integer status;

    @Option(names = "--locale", paramLabel = "TAG", description = "Language of texts filled in from the catalog (default en-US); a well-formed language tag. "
                    + "Ignored for partner-api, whose messages are always en-US.")
    String locale;

    @Option(names = "--source", paramLabel = "NAME", defaultValue = "unknown",
            description = "The source when the body names none (default: ${DEFAULT-VALUE}); 1..1024 characters, no control "
                    + "characters, not a Java class name (com.acme.OrderController, OrderServiceImpl).")
    String source;

    /**
     * Whether the checker would call {@code source} a Java class name: the test is the checker's
     * own (its {@code source-class-name} rule), run on a minimal body carrying the source, so the
     * writer and the checker cannot disagree.
     */
    private static boolean isClassName(String source) {
        byte[] probe = ErrorWriter.standard().writePartnerCenter(PartnerCenterError.of("c", "d", source));
        return ContractChecker.standard().checkBody(probe).stream().anyMatch(v -> v.rule() == Rule.SOURCE_CLASS_NAME);
    }

    @Override
    public Integer call() {
        if (status != null && !StatusCatalog.isError(status)) {
            spec.commandLine().getErr().println("restfault convert: --status must be within 400..599");
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        // Checked before reading anything: the model refuses a longer source with an exception
        // that would otherwise surface as an internal error.
        if (Descriptions.isBlank(source) || source.length() > ModelLimits.MAX_TOKEN_LENGTH
                || source.codePoints().anyMatch(Character::isISOControl)) {
            spec.commandLine().getErr().println("restfault convert: --source must be 1.." + ModelLimits.MAX_TOKEN_LENGTH
                    + " characters, not blank, without control characters");
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        if (isClassName(source)) {
            spec.commandLine().getErr().println("restfault convert: --source must name a component, not a Java class name: "
                    + Terminal.safe(source));
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        Locale asked;
        try {
            asked = locale == null ? null : Locales.languageTag(locale, "--locale");
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("restfault convert: " + Terminal.safe(e.getMessage()));
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        byte[] body;
        try {
            body = Input.read(file, parent.stdin);
        } catch (Input.Unreadable e) {
            spec.commandLine().getErr().println("restfault convert: " + Terminal.safe(e.getMessage()));
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        DecodedError decoded;
        try {
            decoded = ErrorReader.standard().read(body);
        } catch (ErrorBodyException e) {
            spec.commandLine().getErr().println("restfault convert: not an error body ("
                    + e.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
            return ExitCodes.VIOLATIONS;
        }
        // The server core negotiates as it does for a request that chose this format and sent
        // --locale as X-Locale: the same format and language rules (Partner API text is always
        // en-US), the same body.
        String xLocale = asked == null ? null : asked.toLanguageTag();
        ErrorRenderer renderer = ErrorRenderer.builder(source).build();
        ErrorRequest request = renderer.negotiate(RequestFacts.builder(null, null)
                .headers(name -> name.equalsIgnoreCase(HeaderNames.X_LOCALE) ? xLocale : null)
                .chosenFormat(to)
                .build());
        int effective = status != null ? status
                : decoded.statusCode().filter(StatusCatalog::isError).orElse(500);
        StatusEntry entry = StatusCatalog.entry(effective);
        byte[] out;
        if (to == ErrorFormat.PARTNER_API && decoded.partnerApi().isPresent()) {
            out = ErrorWriter.standard().writePartnerApi(decoded.partnerApi().get()); // keeps innerError
        } else {
            PartnerCenterError pce = decoded.toPartnerCenter(entry, request.locale(), source);
            ContractException error = ContractException.builder(effective).code(pce.code()).description(pce.description())
                    .data(pce.data()).source(pce.source()).build();
            out = renderer.render(error, request).body();
        }
        // Writers are strict: the body's own source may be a class name, which no writer may pass on.
        for (Violation v : ContractChecker.standard().checkBody(out)) {
            if (v.rule() == Rule.SOURCE_CLASS_NAME) {
                spec.commandLine().getErr().println("restfault convert: the body's source is a Java class name, which the "
                        + "contract forbids (" + Terminal.safe(v.evidence()) + "); nothing written");
                return ExitCodes.VIOLATIONS;
            }
        }
        spec.commandLine().getOut().println(new String(out, StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
