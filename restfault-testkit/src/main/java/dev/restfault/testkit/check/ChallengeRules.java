package dev.restfault.testkit.check;

import dev.restfault.core.http.AuthChallenge;
import java.util.List;

/**
 * The challenge grammar of a 401: the {@code WWW-Authenticate} value is a list of challenges,
 * one of them the contract's {@code OAuth realm="urn:cpsvc:cpid:{cid}"} with the realm quoted
 * (RFC 9110), a cid a URN can hold, and no parameter twice in one challenge (RFC 9110 section
 * 11.2). The grammar itself is core's {@link AuthChallenge} parser, and what a cid may hold is
 * {@link AuthChallenge#isValidCid(String)}: the servers that build the challenge and this
 * checker cannot disagree.
 */
final class ChallengeRules {

    private ChallengeRules() {
    }

    /** @param value every {@code WWW-Authenticate} line, joined with commas */
    static void check(String value, List<Violation> out) {
        List<AuthChallenge> challenges;
        try {
            challenges = AuthChallenge.parseAll(value);
        } catch (IllegalArgumentException malformed) {
            out.add(Violation.of(Rule.CHALLENGE, "WWW-Authenticate is not a list of challenges", "WWW-Authenticate: " + value));
            return;
        }
        List<AuthChallenge> contract = challenges.stream()
                .filter(c -> c.scheme().equalsIgnoreCase("OAuth") && c.cid().isPresent()).toList();
        if (contract.isEmpty()) {
            out.add(Violation.of(Rule.CHALLENGE, "no OAuth challenge with realm urn:cpsvc:cpid:{cid}", "WWW-Authenticate: " + value));
        } else if (challenges.stream().anyMatch(c -> c.realm().isPresent() && !c.isQuoted("realm"))) {
            out.add(Violation.of(Rule.CHALLENGE, "the realm is not quoted, as RFC 9110 requires", "WWW-Authenticate: " + value));
        } else if (contract.stream().anyMatch(c -> !AuthChallenge.isValidCid(c.cid().get()))) {
            out.add(Violation.of(Rule.CHALLENGE, "the realm's cid is not an identifier a URN can hold (a space, '<', "
                    + "'\"', a non-ASCII or control character...)", "WWW-Authenticate: " + value));
        }
        challenges.stream().map(AuthChallenge::repeatedParam).flatMap(java.util.Optional::stream).findFirst()
                .ifPresent(repeated -> out.add(Violation.of(Rule.CHALLENGE, "parameter " + repeated
                        + " occurs twice in one challenge (RFC 9110 §11.2: at most once)", "WWW-Authenticate: " + value)));
    }
}
