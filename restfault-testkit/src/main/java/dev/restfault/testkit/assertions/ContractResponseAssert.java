package dev.restfault.testkit.assertions;

import dev.restfault.json.DecodedError;
import dev.restfault.json.ErrorBodyException;
import dev.restfault.json.ErrorReader;
import dev.restfault.testkit.check.ContractChecker;
import dev.restfault.testkit.check.ObservedResponse;
import dev.restfault.testkit.check.Violation;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on one response against the error contract. Every failure message lists
 * what was wrong (the checker's violations, one per line, with their rule ids) so a failing
 * integration test says how to fix the server.
 *
 * <p>A null actual fails every assertion with AssertJ's usual "Expecting actual not to be null".
 * Not thread-safe, as AssertJ assertions are not.
 */
public final class ContractResponseAssert extends AbstractAssert<ContractResponseAssert, ObservedResponse> {

    private final ContractChecker checker = ContractChecker.standard();
    private List<Violation> violations;

    ContractResponseAssert(ObservedResponse actual) {
        super(actual, ContractResponseAssert.class);
    }

    private List<Violation> violations() {
        if (violations == null) {
            violations = checker.check(actual);
        }
        return violations;
    }

    /** Asserts the status is {@code status} and the response keeps the whole contract. */
    public ContractResponseAssert isContractError(int status) {
        isNotNull();
        if (actual.status() != status) {
            failWithMessage("Expecting a contract error with status %d but the status was %d%s", status, actual.status(),
                    describeViolations());
        }
        return isContractError();
    }

    /** Asserts the status is 4xx or 5xx and the response keeps the whole contract. */
    public ContractResponseAssert isContractError() {
        isNotNull();
        if (actual.status() < 400) {
            failWithMessage("Expecting a contract error (4xx or 5xx) but the status was %d", actual.status());
        }
        if (!violations().isEmpty()) {
            failWithMessage("Expecting a contract error with status %d but it breaks the contract:%s", actual.status(),
                    describeViolations());
        }
        return this;
    }

    /** Asserts the checker finds nothing wrong, whatever the status. */
    public ContractResponseAssert conforms() {
        isNotNull();
        if (!violations().isEmpty()) {
            failWithMessage("Expecting the response (status %d) to keep the contract but:%s", actual.status(), describeViolations());
        }
        return this;
    }

    /** Asserts the checker reports the rule with {@code ruleId}, such as {@code "leak-stack-trace"}. */
    public ContractResponseAssert hasViolation(String ruleId) {
        isNotNull();
        if (violations().stream().noneMatch(v -> v.ruleId().equals(ruleId))) {
            failWithMessage("Expecting a violation of %s but found:%s", ruleId,
                    violations().isEmpty() ? " none" : describeViolations());
        }
        return this;
    }

    /** Asserts the status. */
    public ContractResponseAssert hasStatus(int status) {
        isNotNull();
        if (actual.status() != status) {
            failWithMessage("Expecting status %d but was %d", status, actual.status());
        }
        return this;
    }

    /** Asserts the error's {@code code}, read in any format by the tolerant reader. */
    public ContractResponseAssert hasCode(String code) {
        DecodedError decoded = decoded();
        String actualCode = decoded.code().orElse(null);
        if (!code.equals(actualCode)) {
            failWithMessage("Expecting error code %s but was %s", code, actualCode);
        }
        return this;
    }

    /** Asserts the error's description (or message, or detail) contains {@code text}. */
    public ContractResponseAssert hasDescriptionContaining(String text) {
        DecodedError decoded = decoded();
        String description = decoded.description().orElse("");
        if (!description.contains(text)) {
            failWithMessage("Expecting the description to contain %s but it was %s", text, description);
        }
        return this;
    }

    /** Asserts the {@code Content-Language} header's first value, ignoring case. */
    public ContractResponseAssert hasContentLanguage(String languageTag) {
        isNotNull();
        String value = actual.headers().first("Content-Language").orElse(null);
        if (value == null || !value.trim().equalsIgnoreCase(languageTag)) {
            failWithMessage("Expecting Content-Language %s but was %s", languageTag, value);
        }
        return this;
    }

    /**
     * The decoded error, for assertions this class does not offer.
     *
     * @throws AssertionError if the body is not an error the reader understands
     */
    public DecodedError decoded() {
        isNotNull();
        try {
            return ErrorReader.standard().read(actual.body());
        } catch (ErrorBodyException e) {
            failWithMessage("Expecting an error body but it cannot be read (%s): %s", e.reason(), e.rawExcerpt());
            throw new AssertionError("unreachable");
        }
    }

    private String describeViolations() {
        if (violations().isEmpty()) {
            return "";
        }
        return violations().stream().map(v -> "\n  - " + v).collect(Collectors.joining());
    }
}
