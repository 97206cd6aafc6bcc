package dev.restfault.cli;

import dev.restfault.core.catalog.HeaderRule;
import dev.restfault.core.catalog.RetryRule;
import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.LocaleResolver;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code restfault explain}: prints the catalog's entry for a status, in a chosen language. */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = RestfaultCommand.Version.class,
        description = "Prints what the contract says about an error status: reason phrase, meaning, default code, "
                + "category, retry rule and required headers, in en-US, fr-FR, ja-JP or zh-TW.",
        footerHeading = "%nExamples:%n",
        footer = {"  restfault explain 404", "  restfault explain 429 --locale ja-JP"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:explained", "2:not an error status (400..599), or usage error"})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STATUS", description = "An error status, 400..599.")
    int status;

    @Option(names = "--locale", paramLabel = "TAG", description = "en-US (default), fr-FR, ja-JP or zh-TW; others fall back to en-US.")
    String locale;

    @Override
    public Integer call() {
        if (!StatusCatalog.isError(status)) {
            spec.commandLine().getErr().println("restfault explain: " + status + " is not an error status (400..599)");
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        Optional<Locale> asked = LocaleResolver.defaults().fromXLocale(locale);
        if (locale != null && asked.isEmpty()) {
            spec.commandLine().getErr().println("restfault explain: no texts for " + Terminal.safe(locale) + "; using en-US");
        }
        Locale l = asked.orElse(LocaleResolver.defaults().fallback());
        ContractMessages m = ContractMessages.defaults();
        StatusEntry e = StatusCatalog.entry(status);
        StringBuilder sb = new StringBuilder();
        sb.append(status).append(' ').append(m.reasonPhrase(status, l));
        if (!l.getLanguage().equals("en")) {
            sb.append(" (").append(e.reasonPhrase()).append(')');
        }
        sb.append('\n');
        line(sb, m.get("explain.meaning", l), m.statusDescription(status, l));
        line(sb, m.get("explain.code", l), e.defaultCode());
        line(sb, m.get("explain.category", l), e.category().name());
        line(sb, m.get("explain.retry", l), m.get(retryKey(e.retryRule()), l));
        StringBuilder headers = new StringBuilder();
        for (HeaderRule h : e.headers()) {
            headers.append(headers.length() == 0 ? "" : "; ").append(h.name()).append(" (")
                    .append(m.get(h.requirement() == HeaderRule.Requirement.ALWAYS ? "explain.always" : "explain.whenKnown", l))
                    .append(')');
        }
        line(sb, m.get("explain.headers", l), headers.length() == 0 ? m.get("explain.none", l) : headers.toString());
        spec.commandLine().getOut().print(sb);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private static String retryKey(RetryRule rule) {
        switch (rule) {
            case NEVER:
                return "retry.never";
            case AFTER_DELAY:
                return "retry.afterDelay";
            case IF_RETRY_AFTER_OR_IDEMPOTENT:
                return "retry.ifRetryAfterOrIdempotent";
            case IF_IDEMPOTENT:
            default:
                return "retry.ifIdempotent";
        }
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append("  ").append(label).append(": ").append(value).append('\n');
    }
}
