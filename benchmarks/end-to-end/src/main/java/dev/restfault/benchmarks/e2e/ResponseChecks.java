package dev.restfault.benchmarks.e2e;

import dev.restfault.benchmarks.e2e.app.BenchmarkApplication;
import dev.restfault.testkit.check.ContractChecker;
import dev.restfault.testkit.check.ObservedResponse;
import dev.restfault.testkit.check.ResponseHeaders;
import dev.restfault.testkit.check.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of each setup of the Spring MVC suite, as checked on every answer (once through
 * {@code java.net.http} before the load, then on each answer of the load). They tell the setups
 * apart by what only each produces: restfault puts {@code MS-CorrelationId} on every response (a
 * 200 too) and a contract answer on every error, judged thoroughly by the testkit's
 * {@link ContractChecker};
 * Spring Boot's error controller answers {@code {"timestamp","status","error","path"}}; Spring's
 * problem details answer {@code application/problem+json}; the floor answers constant contract
 * bodies without request ids; the contract floor, constant bodies whose source is the floor, with
 * restfault's request ids.
 */
public final class ResponseChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ContractChecker CONTRACT = ContractChecker.standard();

    private ResponseChecks() {
    }

    /**
     * restfault's starter. On every answer: request ids; on every error the contract's
     * {@code Content-Type} and {@code Cache-Control}, a JSON body with {@code code},
     * {@code description} and {@code source}, and, for this application, an OAuth challenge on the
     * 401 and an {@code Allow} listing GET on the 405. Thoroughly (the check before the load and a
     * sample of the load's answers): also the whole contract as the testkit's
     * {@link ContractChecker} judges it (GUID ids, every error header, the body's format, types and
     * lengths, no leak), which costs too much for every answer.
     */
    public static ResponseCheck restfault() {
        return RESTFAULT;
    }

    private static final ResponseCheck RESTFAULT = new ResponseCheck() {
        @Override
        public List<String> problems(Exchange exchange) {
            return restfaultEssentials(exchange);
        }

        @Override
        public List<String> thoroughProblems(Exchange exchange) {
            List<String> problems = new ArrayList<>(restfaultEssentials(exchange));
            conformance(exchange, problems);
            return problems;
        }
    };

    private static List<String> restfaultEssentials(Exchange exchange) {
        List<String> problems = new ArrayList<>();
        requireHeader(exchange, "MS-CorrelationId", problems);
        requireHeader(exchange, "MS-RequestId", problems);
        if (exchange.status() < 400) {
            successBody(exchange, problems);
        } else {
            contractAnswer(exchange, problems);
        }
        return problems;
    }

    /**
     * The essentials of a contract error for this application: {@code application/json},
     * {@code Cache-Control: no-store}, a JSON body with {@code code}, {@code description} and
     * {@code source}, an OAuth challenge on the 401 and an {@code Allow} listing GET on the 405.
     */
    private static void contractAnswer(Exchange exchange, List<String> problems) {
        requireMediaType(exchange, "application/json", problems);
        requireHeaderValue(exchange, "Cache-Control", "no-store"::equals, "no-store", problems);
        JsonNode body = jsonObject(exchange, problems);
        if (body != null) {
            for (String member : List.of("code", "description", "source")) {
                if (!body.path(member).isString() || body.path(member).asString().isEmpty()) {
                    problems.add("body has no contract '" + member + "': " + exchange.body());
                }
            }
        }
        if (exchange.status() == 401) {
            requireHeaderValue(exchange, "WWW-Authenticate", v -> v.startsWith("OAuth"), "an OAuth challenge", problems);
        }
        if (exchange.status() == 405) {
            requireHeaderValue(exchange, "Allow", v -> v.contains("GET"), "GET listed", problems);
        }
    }

    /**
     * restfault's starter with a limiter ({@code limited}) or without: {@link #restfault()}, and
     * the {@code RateLimit} header a limiter writes on each permitted answer it counted when its
     * headers are on, which proves the request was counted: present when there is a limiter and
     * the request carried the partner tenant its limit is keyed by, absent otherwise.
     */
    public static ResponseCheck restfaultThrottled(boolean limited) {
        return new ResponseCheck() {
            @Override
            public List<String> problems(Exchange exchange) {
                List<String> problems = new ArrayList<>(RESTFAULT.problems(exchange));
                rateLimitHeader(exchange, limited, problems);
                return problems;
            }

            @Override
            public List<String> thoroughProblems(Exchange exchange) {
                List<String> problems = new ArrayList<>(RESTFAULT.thoroughProblems(exchange));
                rateLimitHeader(exchange, limited, problems);
                return problems;
            }
        };
    }

    private static void rateLimitHeader(Exchange exchange, boolean limiter, List<String> problems) {
        boolean counted = limiter && exchange.scenario().headers().containsKey("MS-PartnerTenantId");
        boolean present = exchange.header("RateLimit").isPresent();
        if (present != counted) {
            problems.add(counted ? "no RateLimit header: the request was not counted by a limiter"
                    : limiter ? "a RateLimit header: a request without a partner tenant was counted"
                    : "a RateLimit header: a limiter is on");
        }
    }

    /** Spring Boot's own error handling: Boot's error controller writes every error. */
    public static ResponseCheck springDefault() {
        return SPRING_DEFAULT;
    }

    private static final ResponseCheck SPRING_DEFAULT = withoutRestfault(ResponseChecks::bootErrorBody);

    /**
     * {@code spring.mvc.problemdetails.enabled=true}: Spring MVC's exceptions and
     * {@code ErrorResponse}s ({@code ResponseStatusException} among them) are problem details; an
     * exception Spring does not know (the 500) still goes to Boot's error controller.
     */
    public static ResponseCheck springProblemDetails() {
        return SPRING_PROBLEM_DETAILS;
    }

    private static final ResponseCheck SPRING_PROBLEM_DETAILS = withoutRestfault((exchange, problems) -> {
        if (exchange.status() == 500) {
            bootErrorBody(exchange, problems);
            return;
        }
        requireMediaType(exchange, "application/problem+json", problems);
        JsonNode body = jsonObject(exchange, problems);
        if (body != null && (body.path("status").asInt() != exchange.status() || !body.path("title").isString())) {
            problems.add("body is not a problem detail with status " + exchange.status() + ": " + exchange.body());
        }
    });

    /**
     * The floor: restfault switched off and one handler writing constant answers. On every error
     * the essentials of a contract error, as for restfault's answers; no request ids on any answer.
     */
    public static ResponseCheck floor() {
        return FLOOR;
    }

    private static final ResponseCheck FLOOR = withoutRestfault(ResponseChecks::contractAnswer);

    /**
     * The contract floor: what {@link #restfault()} checks, on every answer and thoroughly (the
     * testkit's {@link ContractChecker} finds nothing to say of its answers either), and bodies
     * that name the floor as their source, so that answers restfault wrote cannot pass for its.
     */
    public static ResponseCheck contractFloor() {
        return CONTRACT_FLOOR;
    }

    private static final ResponseCheck CONTRACT_FLOOR = new ResponseCheck() {
        @Override
        public List<String> problems(Exchange exchange) {
            List<String> problems = restfaultEssentials(exchange);
            floorSource(exchange, problems);
            return problems;
        }

        @Override
        public List<String> thoroughProblems(Exchange exchange) {
            List<String> problems = new ArrayList<>(problems(exchange));
            conformance(exchange, problems);
            return problems;
        }
    };

    private static void floorSource(Exchange exchange, List<String> problems) {
        if (exchange.status() >= 400
                && !exchange.body().contains("\"source\":\"" + BenchmarkApplication.CONTRACT_FLOOR_SOURCE + "\"")) {
            problems.add("the error's source is not the floor's: " + abbreviate(exchange.body()));
        }
    }

    /** A setup with restfault switched off: no request ids, the item on a 200, {@code error} checking each error. */
    private static ResponseCheck withoutRestfault(BiConsumer<Exchange, List<String>> error) {
        return exchange -> {
            List<String> problems = new ArrayList<>();
            requireNoRestfault(exchange, problems);
            if (exchange.status() < 400) {
                successBody(exchange, problems);
            } else {
                error.accept(exchange, problems);
            }
            return problems;
        };
    }

    private static void conformance(Exchange exchange, List<String> problems) {
        ObservedResponse.Builder response = ObservedResponse.builder(exchange.status())
                .headers(ResponseHeaders.of(exchange.headers()))
                .body(exchange.body().getBytes(StandardCharsets.UTF_8))
                .requestMethod(exchange.scenario().method());
        String accept = exchange.scenario().headers().get("Accept");
        if (accept != null) {
            response.requestAccept(accept);
        }
        for (Violation violation : CONTRACT.check(response.build())) {
            problems.add("contract: " + violation);
        }
    }

    private static void bootErrorBody(Exchange exchange, List<String> problems) {
        requireMediaType(exchange, "application/json", problems);
        JsonNode body = jsonObject(exchange, problems);
        if (body != null && (body.path("status").asInt() != exchange.status() || !body.path("error").isString()
                || !body.path("path").isString())) {
            problems.add("body is not Spring Boot's error body with status " + exchange.status() + ": " + exchange.body());
        }
    }

    private static void successBody(Exchange exchange, List<String> problems) {
        requireMediaType(exchange, "application/json", problems);
        JsonNode body = jsonObject(exchange, problems);
        if (body != null && !body.path("id").isString()) {
            problems.add("success body has no item id: " + exchange.body());
        }
    }

    private static void requireNoRestfault(Exchange exchange, List<String> problems) {
        for (String header : List.of("MS-CorrelationId", "MS-RequestId")) {
            if (exchange.header(header).isPresent()) {
                problems.add(header + " is present: restfault is not switched off");
            }
        }
    }

    private static void requireHeader(Exchange exchange, String name, List<String> problems) {
        if (exchange.header(name).isEmpty()) {
            problems.add("no " + name + " header");
        }
    }

    private static void requireHeaderValue(Exchange exchange, String name, Predicate<String> valid, String expected,
            List<String> problems) {
        String value = exchange.header(name).orElse(null);
        if (value == null || !valid.test(value)) {
            problems.add(name + " is " + (value == null ? "absent" : "'" + value + "'") + ", expected " + expected);
        }
    }

    private static void requireMediaType(Exchange exchange, String mediaType, List<String> problems) {
        if (!exchange.mediaType().equals(mediaType)) {
            problems.add("Content-Type is '" + exchange.header("Content-Type").orElse("") + "', expected " + mediaType);
        }
    }

    private static JsonNode jsonObject(Exchange exchange, List<String> problems) {
        try {
            JsonNode node = JSON.readTree(exchange.body());
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JacksonException e) {
            // reported below
        }
        problems.add("body is not a JSON object: " + abbreviate(exchange.body()));
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
