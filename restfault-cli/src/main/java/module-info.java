/**
 * restfault-cli: the {@code restfault} command (check, decode, convert, call, explain), shipped as
 * one executable jar, {@code restfault.jar}.
 */
module dev.restfault.cli {
    requires dev.restfault.testkit;
    requires dev.restfault.client;
    requires dev.restfault.server;
    requires info.picocli;
    requires tools.jackson.core;

    // picocli reads the annotated command classes reflectively.
    opens dev.restfault.cli to info.picocli;
}
