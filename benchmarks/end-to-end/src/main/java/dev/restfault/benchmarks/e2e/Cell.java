package dev.restfault.benchmarks.e2e;

/**
 * One figure of the report: a setup of a suite, on a server, loaded with a scenario.
 *
 * @param suite    the comparison it belongs to
 * @param setup    the setup
 * @param server   the server
 * @param scenario the request
 */
record Cell(Suite suite, Setup setup, Server server, Scenario scenario) {

    /** {@code suite/setup/server/scenario}, for logs and file names. */
    String name() {
        return suite.id() + "/" + setup.id() + "/" + server.id() + "/" + scenario.id();
    }

    /** {@code suite/server}: the cells a round measures together, every target's two among them. */
    String serverGroup() {
        return suite.id() + "/" + server.id();
    }
}
