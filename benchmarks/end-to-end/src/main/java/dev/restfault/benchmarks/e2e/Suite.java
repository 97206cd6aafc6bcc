package dev.restfault.benchmarks.e2e;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A comparison: every setup on every server, each loaded with every scenario, then judged by the
 * targets (per server). The setups of a suite run in the same benchmark run, so their figures are
 * taken under the same conditions.
 *
 * @param id        short name used in options ({@code mvc-errors}...)
 * @param title     the heading in the report
 * @param setups    what is compared
 * @param servers   where each setup runs
 * @param scenarios the requests
 * @param targets   the goals, judged on each server
 * @param jarsLeftOut prefixes of jar file names left out of its server processes' class path,
 *                  besides the other servers' (a library another suite compares, which would
 *                  auto-configure itself here)
 */
public record Suite(String id, String title, List<Setup> setups, List<Server> servers, List<Scenario> scenarios,
        List<Target> targets, List<String> jarsLeftOut) {

    /** A suite whose server processes get every jar of the harness but the other servers'. */
    public Suite(String id, String title, List<Setup> setups, List<Server> servers, List<Scenario> scenarios,
            List<Target> targets) {
        this(id, title, setups, servers, scenarios, targets, List.of());
    }

    public Suite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        setups = List.copyOf(setups);
        servers = List.copyOf(servers);
        scenarios = List.copyOf(scenarios);
        targets = List.copyOf(targets);
        jarsLeftOut = List.copyOf(jarsLeftOut);
        if (setups.isEmpty() || servers.isEmpty() || scenarios.isEmpty()) {
            throw new IllegalArgumentException("suite " + id + " needs at least one setup, server and scenario");
        }
        Set<String> setupIds = unique(id, "setup", setups.stream().map(Setup::id).toList());
        Set<String> scenarioIds = unique(id, "scenario", scenarios.stream().map(Scenario::id).toList());
        for (Target target : targets) {
            for (String setup : List.of(target.setup(), target.baseSetup())) {
                if (!setupIds.contains(setup)) {
                    throw new IllegalArgumentException("target '" + target.label() + "' names unknown setup " + setup);
                }
            }
            for (String scenario : List.of(target.scenario(), target.baseScenario())) {
                if (!scenarioIds.contains(scenario)) {
                    throw new IllegalArgumentException("target '" + target.label() + "' names unknown scenario " + scenario);
                }
            }
        }
    }

    private static Set<String> unique(String id, String what, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String each : ids) {
            if (!seen.add(each)) {
                throw new IllegalArgumentException("suite " + id + " has two " + what + "s named " + each);
            }
        }
        return seen;
    }
}
