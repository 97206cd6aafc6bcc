package dev.restfault.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The {@code restfault} command's entry point: {@code java -jar restfault.jar <command> ...}.
 *
 * <p>Whatever happens, the command prints no stack trace: usage mistakes print the usage and
 * exit 2; anything unexpected, an {@link Error} such as {@link OutOfMemoryError} included, prints
 * one line ({@code restfault: internal error ...}) and exits 2.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, System.in, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs one command in-process, for tests and embedding.
     *
     * @return the exit code (see the exit-code table in {@code restfault --help})
     */
    public static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
        int code;
        try {
            CommandLine cl = commandLine(stdin);
            cl.setOut(out);
            cl.setErr(err);
            code = cl.execute(args == null ? new String[0] : args);
        } catch (Throwable e) {
            // picocli's handler sees Exceptions only: an Error (OutOfMemoryError, StackOverflowError)
            // would otherwise reach the terminal as a stack trace. Still one line, still exit 2.
            // Nothing is allocated beyond the line itself, in case memory is what ran out.
            err.println("restfault: internal error (" + e.getClass().getSimpleName() + ")");
            code = ExitCodes.USAGE_OR_CONNECTION;
        }
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine(InputStream stdin) {
        CommandLine cl = new CommandLine(new RestfaultCommand(stdin));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // A bug in restfault, not the user's input: one line, never a trace.
            commandLine.getErr().println("restfault: internal error (" + e.getClass().getSimpleName() + ")");
            return ExitCodes.USAGE_OR_CONNECTION;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("restfault: " + Terminal.safe(e.getMessage()));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE_OR_CONNECTION;
        });
        return cl;
    }
}
