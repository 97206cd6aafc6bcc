package dev.restfault.cli;

import java.io.InputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code restfault} command; it only dispatches to its subcommands. */
@Command(name = "restfault",
        mixinStandardHelpOptions = true,
        versionProvider = RestfaultCommand.Version.class,
        description = "Check, read, convert and provoke Partner Center REST contract errors.",
        subcommands = {CheckCommand.class, DecodeCommand.class, ConvertCommand.class, CallCommand.class,
                ExplainCommand.class, picocli.CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  restfault check https://api.contoso/v1/ --resource customers --token $T",
            "  curl -s https://api.contoso/v1/nope | restfault decode - --status 404",
            "  restfault convert --to problem error.json",
            "  restfault call GET https://api.contoso/v1/orders -H 'Authorization: Bearer T'",
            "  restfault explain 429 --locale ja-JP"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (conformant, decoded, converted, answered)",
            "1:contract violations found, or the input is not an error body",
            "2:usage error, unreadable input, no answer from the server, or an answer that is not valid HTTP",
            "10-24:call only: the server answered 4xx/5xx; see 'restfault call --help'"})
final class RestfaultCommand implements Runnable {

    final InputStream stdin;

    @Spec
    CommandSpec spec;

    RestfaultCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: check, decode, convert, call or explain");
    }

    /**
     * The version from the jar's manifest, or "development" when run from classes. Every command
     * names it as its {@code versionProvider}, so {@code -V} prints the same line on each.
     */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RestfaultCommand.class.getPackage().getImplementationVersion();
            return new String[] {"restfault " + (v == null ? "development" : v)};
        }
    }
}
