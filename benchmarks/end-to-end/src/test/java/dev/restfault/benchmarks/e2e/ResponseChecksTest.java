package dev.restfault.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks tell the setups apart: each accepts its own answers and refuses the others'. */
class ResponseChecksTest {

    private static final Scenario OK = Scenario.json("200", "GET", "/items/1", 200, "ok");
    private static final Scenario MISSING = Scenario.json("404", "GET", "/items/0", 404, "missing");
    private static final Scenario UNAUTHORIZED = Scenario.json("401", "GET", "/items/1/owner", 401, "401");
    private static final Scenario FAILING = Scenario.json("500", "GET", "/items/1/price", 500, "500");
    private static final String JSON = "application/json";
    private static final String IDS = "00000000-0000-0000-0000-000000000001";

    private static Exchange restfault(Scenario scenario, String body, Map<String, List<String>> extra) {
        Map<String, List<String>> headers = new HashMap<>(Map.of(
                "content-type", List.of(scenario.expectedStatus() == 200 ? JSON : "application/json; charset=utf-8"),
                "ms-correlationid", List.of(IDS), "ms-requestid", List.of(IDS)));
        if (scenario.expectedStatus() >= 400) {
            headers.put("cache-control", List.of("no-store"));
            headers.put("x-content-type-options", List.of("nosniff"));
        }
        headers.putAll(extra);
        return new Exchange(scenario, scenario.expectedStatus(), headers, body);
    }

    private static Exchange boot(Scenario scenario) {
        return new Exchange(scenario, scenario.expectedStatus(), Map.of("content-type", List.of(JSON)),
                "{\"timestamp\":\"2026-12-04T05:00:00.000+00:00\",\"status\":" + scenario.expectedStatus()
                        + ",\"error\":\"Whatever\",\"path\":\"" + scenario.path() + "\"}");
    }

    private static Exchange problem(Scenario scenario) {
        return new Exchange(scenario, scenario.expectedStatus(), Map.of("content-type", List.of("application/problem+json")),
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":" + scenario.expectedStatus()
                        + ",\"instance\":\"" + scenario.path() + "\"}");
    }

    private static Exchange item(Map<String, List<String>> headers) {
        return new Exchange(OK, 200, headers, "{\"id\":\"1\",\"name\":\"Surface\",\"quantity\":3}");
    }

    @Test
    void restfaultsAnswersPass() {
        ResponseCheck check = ResponseChecks.restfault();
        assertThat(check.problems(restfault(OK, "{\"id\":\"1\"}", Map.of()))).isEmpty();
        assertThat(check.problems(restfault(MISSING,
                "{\"code\":\"notFound\",\"description\":\"Item 0 does not exist.\",\"source\":\"service\"}", Map.of()))).isEmpty();
        assertThat(check.problems(restfault(UNAUTHORIZED,
                "{\"code\":\"unauthorized\",\"description\":\"Unauthorized\",\"source\":\"service\"}",
                Map.of("www-authenticate", List.of("OAuth realm=\"urn:cpsvc:cpid:benchmark\""))))).isEmpty();
    }

    @Test
    void restfaultsCheckRefusesThePeersAnswers() {
        ResponseCheck check = ResponseChecks.restfault();
        assertThat(check.problems(item(Map.of("content-type", List.of(JSON))))).contains("no MS-CorrelationId header");
        assertThat(check.problems(boot(MISSING))).anyMatch(p -> p.contains("no contract 'code'"));
        assertThat(check.problems(problem(MISSING))).anyMatch(p -> p.startsWith("Content-Type is 'application/problem+json'"));
        assertThat(check.problems(restfault(UNAUTHORIZED,
                "{\"code\":\"unauthorized\",\"description\":\"Unauthorized\",\"source\":\"service\"}", Map.of())))
                .contains("WWW-Authenticate is absent, expected an OAuth challenge");
    }

    @Test
    void restfaultsCheckHoldsEveryAnswerToTheWholeContract() {
        ResponseCheck check = ResponseChecks.restfault();
        // Members present, but the source names a class and the request ids are no GUIDs: the
        // testkit's checker sees what a members-only check would let through.
        Exchange answer = restfault(MISSING,
                "{\"code\":\"notFound\",\"description\":\"Item 0 does not exist.\",\"source\":\"java.lang.IllegalStateException\"}",
                Map.of("ms-correlationid", List.of("not-a-guid")));
        assertThat(check.problems(answer)).as("the check of every answer").isEmpty();
        List<String> problems = check.thoroughProblems(answer);
        assertThat(problems).isNotEmpty().allMatch(p -> p.startsWith("contract: "));
        assertThat(String.join("\n", problems)).contains("MS-CorrelationId").contains("source");
    }

    @Test
    void springDefaultsAnswersPassAndRestfaultsFail() {
        ResponseCheck check = ResponseChecks.springDefault();
        assertThat(check.problems(item(Map.of("content-type", List.of(JSON))))).isEmpty();
        assertThat(check.problems(boot(MISSING))).isEmpty();
        assertThat(check.problems(boot(FAILING))).isEmpty();
        assertThat(check.problems(item(Map.of("content-type", List.of(JSON), "ms-correlationid", List.of(IDS)))))
                .contains("MS-CorrelationId is present: restfault is not switched off");
        assertThat(check.problems(problem(MISSING))).isNotEmpty();
    }

    @Test
    void problemDetailsPassExceptForTheUnhandledFailureWhichBootsControllerAnswers() {
        ResponseCheck check = ResponseChecks.springProblemDetails();
        assertThat(check.problems(problem(MISSING))).isEmpty();
        assertThat(check.problems(problem(UNAUTHORIZED))).isEmpty();
        assertThat(check.problems(boot(FAILING))).isEmpty();
        assertThat(check.problems(boot(MISSING))).anyMatch(p -> p.contains("expected application/problem+json"));
        assertThat(check.problems(new Exchange(MISSING, 404, Map.of("content-type", List.of("application/problem+json")),
                "not json"))).contains("body is not a JSON object: not json");
    }

    @Test
    void theFloorsConstantAnswersPassAndEveryOtherSetupsFail() {
        ResponseCheck check = ResponseChecks.floor();
        Map<String, List<String>> headers = Map.of("content-type", List.of(JSON), "cache-control", List.of("no-store"));
        String notFound = "{\"code\":\"notFound\",\"description\":\"Item 0 does not exist.\",\"source\":\"service\"}";
        assertThat(check.problems(item(Map.of("content-type", List.of(JSON))))).isEmpty();
        assertThat(check.problems(new Exchange(MISSING, 404, headers, notFound))).isEmpty();
        Map<String, List<String>> challenged = new HashMap<>(headers);
        challenged.put("www-authenticate", List.of("OAuth realm=\"urn:cpsvc:cpid:benchmark\""));
        assertThat(check.problems(new Exchange(UNAUTHORIZED, 401, challenged,
                "{\"code\":\"unauthorized\",\"description\":\"No.\",\"source\":\"service\"}"))).isEmpty();
        assertThat(check.problems(new Exchange(UNAUTHORIZED, 401, headers,
                "{\"code\":\"unauthorized\",\"description\":\"No.\",\"source\":\"service\"}")))
                .contains("WWW-Authenticate is absent, expected an OAuth challenge");
        assertThat(check.problems(restfault(MISSING, notFound, Map.of())))
                .contains("MS-CorrelationId is present: restfault is not switched off");
        assertThat(check.problems(boot(MISSING))).anyMatch(p -> p.startsWith("Cache-Control is absent"))
                .anyMatch(p -> p.startsWith("body has no contract 'code'"));
        assertThat(check.problems(problem(MISSING))).anyMatch(p -> p.startsWith("Content-Type is 'application/problem+json'"));
    }

    @Test
    void aLimitersAnswerCarriesRateLimitExactlyWhenItsRequestWasCounted() {
        Scenario counted = new Scenario(Suites.COUNTED, "GET", "/items/1",
                Map.of("Accept", JSON, "MS-PartnerTenantId", "tenant-" + Scenario.CONNECTION), 200, "counted");
        Scenario uncounted = Scenario.json(Suites.UNCOUNTED, "GET", "/items/1", 200, "uncounted");
        Map<String, List<String>> rateLimit = Map.of("ratelimit", List.of("\"benchmark\";r=999999999;t=1"));
        String item = "{\"id\":\"1\"}";
        ResponseCheck limited = ResponseChecks.restfaultThrottled(true);
        assertThat(limited.problems(restfault(counted, item, rateLimit))).isEmpty();
        assertThat(limited.problems(restfault(counted, item, Map.of())))
                .contains("no RateLimit header: the request was not counted by a limiter");
        assertThat(limited.problems(restfault(uncounted, item, Map.of()))).isEmpty();
        assertThat(limited.problems(restfault(uncounted, item, rateLimit)))
                .contains("a RateLimit header: a request without a partner tenant was counted");
        ResponseCheck none = ResponseChecks.restfaultThrottled(false);
        assertThat(none.problems(restfault(counted, item, Map.of()))).isEmpty();
        assertThat(none.problems(restfault(counted, item, rateLimit))).contains("a RateLimit header: a limiter is on");
    }
}
