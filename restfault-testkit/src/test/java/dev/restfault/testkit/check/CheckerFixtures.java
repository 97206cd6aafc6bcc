package dev.restfault.testkit.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Hand-made responses and the checker at a fixed clock, shared by the rule groups' tests. */
final class CheckerFixtures {

    static final String CID = "11111111-2222-3333-4444-555555555555";
    static final String RID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    static final ContractChecker CHECKER =
            ContractChecker.withClock(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));

    static final String PC_404 = "{\"code\":\"notFound\",\"description\":\"The requested resource does not exist.\","
            + "\"source\":\"orders-api\"}";

    private CheckerFixtures() {
    }

    /** Headers of a conforming error; overrides replace (a null value removes). */
    static ResponseHeaders headers(String... overrides) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json; charset=utf-8");
        h.put("Cache-Control", "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("MS-CorrelationId", CID);
        h.put("MS-RequestId", RID);
        h.put("Content-Language", "en-US");
        for (int i = 0; i < overrides.length; i += 2) {
            String name = overrides[i];
            h.keySet().removeIf(k -> k.equalsIgnoreCase(name));
            if (overrides[i + 1] != null) {
                h.put(name, overrides[i + 1]);
            }
        }
        ResponseHeaders.Builder b = ResponseHeaders.builder();
        h.forEach(b::add);
        return b.build();
    }

    static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static ObservedResponse response(int status, ResponseHeaders headers, String body) {
        return ObservedResponse.of(status, headers, json(body));
    }

    static ObservedResponse problem404(String accept) {
        return ObservedResponse.builder(404).headers(headers("Content-Type", "application/problem+json"))
                .body(json("{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,\"detail\":\"No such order.\","
                        + "\"code\":\"notFound\",\"source\":\"orders-api\"}"))
                .requestAccept(accept).build();
    }

    static ObservedResponse pcBytes(byte[] descriptionBytes) {
        return ObservedResponse.of(400, headers(), concat(json("{\"code\":\"c\",\"description\":\""), descriptionBytes,
                json("\",\"source\":\"s\"}")));
    }

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** One violating case: the rule it breaks, a name, the response. */
    static Arguments breaks(Rule rule, String name, ObservedResponse response) {
        return Arguments.of(rule, name, response);
    }

    /** {@code response} breaks {@code rule}, and the violation reads as one line under the rule's id. */
    static void assertBreaks(Rule rule, ObservedResponse response) {
        List<Violation> violations = CHECKER.check(response);
        assertThat(violations).extracting(Violation::rule).contains(rule);
        Violation v = violations.stream().filter(x -> x.rule() == rule).findFirst().orElseThrow();
        assertThat(v.toString()).startsWith(rule.id() + ": ").doesNotContain("\n", "\r");
    }

    /** The rules some case of {@code cases} breaks, each checked. */
    static Set<Rule> rulesBroken(Stream<Arguments> cases) {
        Set<Rule> broken = EnumSet.noneOf(Rule.class);
        cases.forEach(a -> {
            Rule rule = (Rule) a.get()[0];
            if (CHECKER.check((ObservedResponse) a.get()[2]).stream().anyMatch(v -> v.rule() == rule)) {
                broken.add(rule);
            }
        });
        return broken;
    }

    /** The violations' rules, in order. */
    static List<Rule> rules(ObservedResponse response) {
        return CHECKER.check(response).stream().map(Violation::rule).toList();
    }
}
