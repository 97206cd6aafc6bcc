package dev.restfault.benchmarks.e2e;

import dev.restfault.benchmarks.e2e.app.BenchmarkApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every suite the benchmark knows. A new comparison (WebFlux's error handling, a rate limiter's
 * stores) is one more method here, listed in {@link #all()}.
 */
public final class Suites {

    /** The setup ids of {@link #mvcErrors()} and {@link #webfluxErrors()}. */
    public static final String RESTFAULT = "restfault";
    public static final String SPRING_DEFAULT = "spring-default";
    public static final String SPRING_PROBLEM_DETAILS = "spring-problem-details";
    /**
     * The reference setup of the error suites: the least any error handling can cost on the
     * framework and server (one handler ahead of all others writes constant answers). Its targets
     * are the issues' targets applied to it: what they ask of restfault is reachable only where
     * the floor reaches them.
     */
    public static final String FLOOR = "floor";
    /**
     * The floor's constant answers with every header of restfault's (the media type's charset,
     * {@code X-Content-Type-Options}, {@code Content-Language}), restfault's starter on for its
     * filter's request ids on every response (a 200 too): the least a handler can cost that answers
     * as the contract requires. Where the {@link #FLOOR} meets a target and this does not, the
     * target is out of reach for any handler that keeps the contract.
     */
    public static final String CONTRACT_FLOOR = "contract-floor";

    private static final String FAILURES = BenchmarkApplication.FAILURES_PROPERTY;

    private Suites() {
    }

    /** All suites, in the order they run. */
    public static List<Suite> all() {
        return List.of(mvcErrors(), webfluxErrors(), limiters());
    }

    /**
     * Spring MVC: restfault's starter against Spring Boot's default error handling and against
     * Spring's problem details, on Tomcat and on Jetty (issue 11), with the floor for reference.
     */
    public static Suite mvcErrors() {
        List<Setup> setups = errorSetups("spring.mvc.problemdetails.enabled", List.of());
        List<Target> targets = new ArrayList<>();
        for (String setup : List.of(RESTFAULT, FLOOR, CONTRACT_FLOOR)) {
            for (String error : ERRORS) {
                targets.add(Target.withinOwn(setup, error, "200", 1.10));
                targets.add(Target.cheaperThan(setup, SPRING_DEFAULT, error, 2.0));
                targets.add(Target.cheaperThan(setup, SPRING_PROBLEM_DETAILS, error, 1.5));
            }
        }
        return new Suite("mvc-errors", "Spring MVC: restfault against Spring's error handling", setups,
                List.of(Server.TOMCAT, Server.JETTY), scenarios(), targets, THROTTLING_JARS);
    }

    /**
     * Spring WebFlux on Reactor Netty: restfault's starter against Spring Boot's
     * {@code DefaultErrorWebExceptionHandler} and against
     * {@code spring.webflux.problemdetails.enabled=true}, with the same application, controller
     * and scenarios as {@link #mvcErrors()}, with the floor for reference (issue 12).
     */
    public static Suite webfluxErrors() {
        // restfault's starter turns Reactor's automatic context propagation on (its request ids reach
        // logging on any scheduler) unless the application sets it: set alike in every setup, so
        // that all three pay for it.
        List<Setup> setups = errorSetups("spring.webflux.problemdetails.enabled",
                List.of("spring.reactor.context-propagation=auto"));
        // Issue 12's targets: the error path within 10 % of the 200 path, at least 2x cheaper than the default handling.
        List<Target> targets = new ArrayList<>();
        for (String setup : List.of(RESTFAULT, FLOOR, CONTRACT_FLOOR)) {
            for (String error : ERRORS) {
                targets.add(Target.withinOwn(setup, error, "200", 1.10));
                targets.add(Target.cheaperThan(setup, SPRING_DEFAULT, error, 2.0));
            }
        }
        return new Suite("webflux-errors", "Spring WebFlux: restfault against Spring's error handling", setups,
                List.of(Server.REACTOR_NETTY), scenarios(), targets, THROTTLING_JARS);
    }

    private static final List<String> ERRORS = List.of("404", "401", "405", "500");

    /** The setup ids of {@link #limiters()}. */
    public static final String NO_LIMITER = "no-limiter";
    public static final String IN_MEMORY = "in-memory";
    public static final String REDIS = "redis";
    /** The scenario ids of {@link #limiters()}: a request its limit counts, and one it does not. */
    public static final String COUNTED = "200";
    public static final String UNCOUNTED = "200-uncounted";

    /**
     * The throttling jars and Redis client: the limiter suite's, left out of the error suites'
     * servers, where they would configure a throttling filter and a Redis connection of their own.
     */
    private static final List<String> THROTTLING_JARS = List.of("restfault-throttling-", "bucket4j", "lettuce-core-",
            "spring-data-redis-", "spring-data-keyvalue-", "spring-boot-data-redis-", "spring-boot-starter-data-redis-");

    /**
     * restfault's throttling (issue 15): no limiter, the in-memory store and the Redis store, on
     * Tomcat, for a 200. One limit that never refuses (a billion tokens a second) keyed by the
     * partner tenant header, each connection another tenant, so that every request costs its
     * limiter what a request of a tenant under its limit costs, and concurrent requests of one
     * tenant are not batched into one Redis call. The limiters write the {@code RateLimit}
     * headers, which prove each answer was counted. The same 200 without the tenant header is
     * not counted (no key, no bucket): the limiter's cost per counted request is also measured
     * within one server process, against it.
     */
    public static Suite limiters() {
        String limit = "restfault.throttling.limits.benchmark.";
        List<String> limited = List.of(FAILURES + "=contract", limit + "capacity=1000000000", limit + "refill-period=1s",
                limit + "key=header", limit + "header=MS-PartnerTenantId", "restfault.throttling.rate-limit-headers=true");
        List<String> redis = new ArrayList<>(limited);
        redis.addAll(List.of("restfault.throttling.store=redis", "spring.data.redis.host=127.0.0.1",
                "spring.data.redis.port=" + Setup.REDIS_PORT));
        List<Setup> setups = List.of(
                new Setup(NO_LIMITER, "no limiter", BenchmarkApplication.class,
                        List.of(FAILURES + "=contract", "restfault.throttling.enabled=false"), true,
                        ResponseChecks.restfaultThrottled(false)),
                new Setup(IN_MEMORY, "in memory", BenchmarkApplication.class, limited, true, ResponseChecks.restfaultThrottled(true)),
                new Setup(REDIS, "Redis", BenchmarkApplication.class, redis, true, ResponseChecks.restfaultThrottled(true)));
        List<Scenario> scenarios = List.of(
                new Scenario(COUNTED, "GET", "/items/1",
                        Map.of("Accept", "application/json", "MS-PartnerTenantId", "tenant-" + Scenario.CONNECTION), 200,
                        "a known item, one partner tenant per connection"),
                Scenario.json(UNCOUNTED, "GET", "/items/1", 200,
                        "the same item without a partner tenant: the limit, keyed by the tenant, does not count it"));
        // Issue 15: in memory at most 2 us per request; Redis one round trip per request (in the report's Redis table).
        // Held twice: against the server without a limiter (another process, whose JIT decisions
        // differ from start to start by more than 2 us), and within the limiter's own process,
        // against requests its limit lets through uncounted, where only the limiter's work per
        // counted request differs (what the uncounted request still costs, the filter resolving
        // no key, is in the first comparison alone).
        List<Target> targets = List.of(
                Target.addsAtMost(IN_MEMORY, NO_LIMITER, COUNTED, 2.0),
                new Target(IN_MEMORY + " " + COUNTED + " ≤ its " + UNCOUNTED + " + 2.0 µs", Target.Kind.EXCESS_AT_MOST, 2.0,
                        IN_MEMORY, COUNTED, IN_MEMORY, UNCOUNTED));
        return new Suite("limiters", "Throttling: no limiter, in memory, Redis", setups, List.of(Server.TOMCAT), scenarios,
                targets);
    }

    /**
     * The setups of the error suites: restfault's starter; restfault switched off, so Spring
     * Boot's own error handling answers; the same with Spring's problem details switched on
     * by {@code problemDetailsProperty}, the web stack's own property; the {@link #FLOOR}; and the
     * {@link #CONTRACT_FLOOR}. Each also gets {@code common}.
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
                                problemDetailsProperty + "=true"), false, ResponseChecks.springProblemDetails()),
                new Setup(FLOOR, "floor: constant answers", BenchmarkApplication.class,
                        with(common, FAILURES + "=floor", "restfault.enabled=false"), false, ResponseChecks.floor()),
                new Setup(CONTRACT_FLOOR, "contract floor: constant answers, every contract header", BenchmarkApplication.class,
                        with(common, FAILURES + "=floor", BenchmarkApplication.FLOOR_CONTRACT_PROPERTY + "=true",
                                "restfault.challenge.cid=benchmark"), true, ResponseChecks.contractFloor()));
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
                        "an unauthenticated caller: the controller throws the setup's unauthorized exception"),
                Scenario.json("405", "DELETE", "/items/1", 405, "a method the GET-only route does not serve: the framework's own 405"),
                Scenario.json("500", "GET", "/items/1/price", 500,
                        "a dependency throws IllegalStateException, which nothing handles"));
    }
}
