package dev.restfault.benchmarks.e2e;

import dev.restfault.benchmarks.e2e.app.BenchmarkApplication;
import java.util.ArrayList;
import java.util.List;

/**
 * Every suite the benchmark knows. A new comparison (WebFlux's error handling, a rate limiter's
 * stores) is one more method here, listed in {@link #all()}.
 */
public final class Suites {

    /** The setup ids of {@link #mvcErrors()} and {@link #webfluxErrors()}. */
    public static final String RESTFAULT = "restfault";
    public static final String SPRING_DEFAULT = "spring-default";
    public static final String SPRING_PROBLEM_DETAILS = "spring-problem-details";

    private static final String FAILURES = BenchmarkApplication.FAILURES_PROPERTY;

    private Suites() {
    }

    /** All suites, in the order they run. */
    public static List<Suite> all() {
        return List.of(mvcErrors(), webfluxErrors());
    }

    /**
     * Spring MVC: restfault's starter against Spring Boot's default error handling and against
     * Spring's problem details, on Tomcat and on Jetty (issue 11).
     */
    public static Suite mvcErrors() {
        List<Setup> setups = errorSetups("spring.mvc.problemdetails.enabled", List.of());
        List<Target> targets = new ArrayList<>();
        for (String error : ERRORS) {
            targets.add(Target.withinOwn(RESTFAULT, error, "200", 1.10));
            targets.add(Target.cheaperThan(RESTFAULT, SPRING_DEFAULT, error, 2.0));
            targets.add(Target.cheaperThan(RESTFAULT, SPRING_PROBLEM_DETAILS, error, 1.5));
        }
        return new Suite("mvc-errors", "Spring MVC: restfault against Spring's error handling", setups,
                List.of(Server.TOMCAT, Server.JETTY), scenarios(), targets);
    }

    /**
     * Spring WebFlux on Reactor Netty: restfault's starter against Spring Boot's
     * {@code DefaultErrorWebExceptionHandler} and against
     * {@code spring.webflux.problemdetails.enabled=true}, with the same application, controller
     * and scenarios as {@link #mvcErrors()} (issue 12).
     */
    public static Suite webfluxErrors() {
        // restfault's starter turns Reactor's automatic context propagation on (its request ids reach
        // logging on any scheduler) unless the application sets it: set alike in every setup, so
        // that all three pay for it.
        List<Setup> setups = errorSetups("spring.webflux.problemdetails.enabled",
                List.of("spring.reactor.context-propagation=auto"));
        // Issue 12's targets: the error path within 10 % of the 200 path, at least 2x cheaper than the default handling.
        List<Target> targets = new ArrayList<>();
        for (String error : ERRORS) {
            targets.add(Target.withinOwn(RESTFAULT, error, "200", 1.10));
            targets.add(Target.cheaperThan(RESTFAULT, SPRING_DEFAULT, error, 2.0));
        }
        return new Suite("webflux-errors", "Spring WebFlux: restfault against Spring's error handling", setups,
                List.of(Server.REACTOR_NETTY), scenarios(), targets);
    }

    private static final List<String> ERRORS = List.of("404", "401", "405", "500");

    /**
     * The setups of the error suites: restfault's starter; restfault switched off, so Spring
     * Boot's own error handling answers; and the same with Spring's problem details switched on
     * by {@code problemDetailsProperty}, the web stack's own property. Each also gets
     * {@code common}.
     */
    private static List<Setup> errorSetups(String problemDetailsProperty, List<String> common) {
        return List.of(
                new Setup(RESTFAULT, "restfault", BenchmarkApplication.class,
                        with(common, FAILURES + "=contract", "restfault.challenge.cid=benchmark"), true,
                        ResponseChecks.restfault()),
                new Setup(SPRING_DEFAULT, "Spring default", BenchmarkApplication.class,
                        with(common, FAILURES + "=response-status", "restfault.enabled=false"), false,
                        ResponseChecks.springDefault()),
                new Setup(SPRING_PROBLEM_DETAILS, "Spring problem details", BenchmarkApplication.class,
                        with(common, FAILURES + "=response-status", "restfault.enabled=false",
                                problemDetailsProperty + "=true"), false, ResponseChecks.springProblemDetails()));
    }

    private static List<String> with(List<String> common, String... properties) {
        List<String> all = new ArrayList<>(List.of(properties));
        all.addAll(common);
        return all;
    }

    /** The requests of the error suites: a success and one of each error, all to {@code ItemController}. */
    private static List<Scenario> scenarios() {
        return List.of(
                Scenario.json("200", "GET", "/items/1", 200, "a known item: the controller returns it as JSON"),
                Scenario.json("404", "GET", "/items/0", 404,
                        "an unknown item: the controller throws the setup's not-found exception"),
                Scenario.json("401", "GET", "/items/1/owner", 401,
                        "no Authorization header: the controller throws the setup's unauthorized exception"),
                Scenario.json("405", "DELETE", "/items/1", 405, "a method the GET-only route does not serve: the framework's own 405"),
                Scenario.json("500", "GET", "/items/1/price", 500,
                        "a dependency throws IllegalStateException, which nothing handles"));
    }
}
