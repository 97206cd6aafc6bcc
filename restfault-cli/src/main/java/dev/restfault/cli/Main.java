package dev.restfault.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code restfault} command's entry point: {@code java -jar restfault.jar <command> ...}.
 *
 * <p>Arguments starting with {@code @} are taken literally (picocli's argument files are off):
 * {@code call -d @order.json} reads the file as the body.
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
            code = execute(cl, args == null ? new String[0] : args);
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

    /**
     * What {@link CommandLine#execute} does, without its last resort: picocli prints the stack
     * trace of any exception other than a {@link ParameterException} that escapes parsing (an
     * unreadable argument file was one) and exits 1. Here every such exception is one line and 2.
     */
    private static int execute(CommandLine cl, String[] args) throws Exception {
        try {
            ParseResult parsed = cl.parseArgs(args);
            return cl.getExecutionStrategy().execute(parsed);
        } catch (ParameterException e) {
            // From parsing, or thrown by a command itself (a missing subcommand).
            return cl.getParameterExceptionHandler().handleParseException(e, args);
        } catch (ExecutionException e) {
            Exception cause = e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
            return cl.getExecutionExceptionHandler().handleExecutionException(cause, e.getCommandLine(), null);
        } catch (RuntimeException e) {
            cl.getErr().println("restfault: internal error (" + e.getClass().getSimpleName() + ")");
            return ExitCodes.USAGE_OR_CONNECTION;
        }
    }

    static CommandLine commandLine(InputStream stdin) {
        CommandLine cl = new CommandLine(new RestfaultCommand(stdin));
        // "@order.json" is a body or a file name (call -d @FILE, decode @x), never an argument
        // file to splice into the command line: that would turn a JSON body into options.
        cl.setExpandAtFiles(false);
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
