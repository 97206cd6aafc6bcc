package dev.restfault.benchmarks.e2e;

import dev.restfault.benchmarks.e2e.app.BenchmarkApplication;
import java.util.ArrayList;
import java.util.List;

/**
 * Every suite the benchmark knows. A new comparison (WebFlux's error handling, a rate limiter's
 * stores) is one more method here, listed in {@link #all()}.
 */
public final class Suites {

    /** The setup ids of {@link #mvcErrors()}. */
    public static final String RESTFAULT = "restfault";
    public static final String SPRING_DEFAULT = "spring-default";
    public static final String SPRING_PROBLEM_DETAILS = "spring-problem-details";

    private static final String FAILURES = BenchmarkApplication.FAILURES_PROPERTY;

    private Suites() {
    }

    /** All suites, in the order they run. */
    public static List<Suite> all() {
        return List.of(mvcErrors());
    }

    /**
     * Spring MVC: restfault's starter against Spring Boot's default error handling and against
     * Spring's problem details, on Tomcat and on Jetty (issue 11).
     */
    public static Suite mvcErrors() {
        List<Setup> setups = List.of(
                new Setup(RESTFAULT, "restfault", BenchmarkApplication.class,
                        List.of(FAILURES + "=contract", "restfault.challenge.cid=benchmark"), true,
                        ResponseChecks.restfault()),
                new Setup(SPRING_DEFAULT, "Spring default", BenchmarkApplication.class,
                        List.of(FAILURES + "=response-status", "restfault.enabled=false"), false,
                        ResponseChecks.springDefault()),
                new Setup(SPRING_PROBLEM_DETAILS, "Spring problem details", BenchmarkApplication.class,
                        List.of(FAILURES + "=response-status", "restfault.enabled=false",
                                "spring.mvc.problemdetails.enabled=true"), false,
                        ResponseChecks.springProblemDetails()));
        List<Scenario> scenarios = List.of(
                Scenario.json("200", "GET", "/items/1", 200, "a known item: the controller returns it as JSON"),
                Scenario.json("404", "GET", "/items/0", 404,
                        "an unknown item: the controller throws the setup's not-found exception"),
                Scenario.json("401", "GET", "/items/1/owner", 401,
                        "no Authorization header: the controller throws the setup's unauthorized exception"),
                Scenario.json("405", "DELETE", "/items/1", 405, "a method the GET-only route does not serve: the framework's own 405"),
                Scenario.json("500", "GET", "/items/1/price", 500,
                        "a dependency throws IllegalStateException, which nothing handles"));
        List<Target> targets = new ArrayList<>();
        for (String error : List.of("404", "401", "405", "500")) {
            targets.add(Target.withinOwn(RESTFAULT, error, "200", 1.10));
            targets.add(Target.cheaperThan(RESTFAULT, SPRING_DEFAULT, error, 2.0));
            targets.add(Target.cheaperThan(RESTFAULT, SPRING_PROBLEM_DETAILS, error, 1.5));
        }
        return new Suite("mvc-errors", "Spring MVC: restfault against Spring's error handling", setups,
                List.of(Server.TOMCAT, Server.JETTY), scenarios, targets);
    }
}
