/**
 * restfault-testkit: tells whether an API keeps the Partner Center error contract.
 *
 * <ul>
 *   <li>{@code dev.restfault.testkit.check}: the {@link dev.restfault.testkit.check.ContractChecker},
 *       which lists the violations of one response, each under a stable
 *       {@link dev.restfault.testkit.check.Rule} id;</li>
 *   <li>{@code dev.restfault.testkit.probe}: the {@link dev.restfault.testkit.probe.Probe}, which
 *       provokes errors from a live API and checks every answer;</li>
 *   <li>{@code dev.restfault.testkit.load}: the {@link dev.restfault.testkit.load.LoadRunner}, which
 *       replays the probe's cases on many keep-alive connections at once and reports broken
 *       connections, off-contract answers and latency;</li>
 *   <li>{@code dev.restfault.testkit.assertions}: AssertJ assertions for users' own tests,
 *       {@code assertThat(response).isContractError(404)}.</li>
 * </ul>
 */
module dev.restfault.testkit {
    requires transitive dev.restfault.core;
    requires transitive dev.restfault.json;
    // The probe reads bodies with the client's BoundedBodySubscriber; no client type is in this
    // module's API, so users who want the client require it themselves.
    requires dev.restfault.client;
    requires transitive java.net.http;
    requires transitive org.assertj.core;
    requires tools.jackson.core;

    exports dev.restfault.testkit.check;
    exports dev.restfault.testkit.probe;
    exports dev.restfault.testkit.load;
    exports dev.restfault.testkit.assertions;
    // Not API: the command line writes its JSON with the reports' ASCII-only escaping (AsciiJson).
    exports dev.restfault.testkit.implementation to dev.restfault.cli;
}
