package dev.restfault.testkit.load;

import dev.restfault.testkit.check.Rule;
import dev.restfault.testkit.check.Violation;
import java.util.Objects;

/**
 * The answers of a load run that broke one {@link Rule}: how many, and the first one as an
 * example (the request that provoked it, its status, and the violation). Immutable.
 */
public final class ViolationGroup {

    private final Rule rule;
    private final long answers;
    private final String exampleRequest;
    private final int exampleStatus;
    private final Violation example;

    ViolationGroup(Rule rule, long answers, String exampleRequest, int exampleStatus, Violation example) {
        this.rule = Objects.requireNonNull(rule);
        this.answers = answers;
        this.exampleRequest = exampleRequest;
        this.exampleStatus = exampleStatus;
        this.example = example;
    }

    public Rule rule() {
        return rule;
    }

    /** How many answers broke the rule (an answer that broke it twice counts once). */
    public long answers() {
        return answers;
    }

    /** The request of the example, {@code case METHOD /path}, such as {@code "post-json POST /v1/items"}. */
    public String exampleRequest() {
        return exampleRequest;
    }

    /** The status of the example answer. */
    public int exampleStatus() {
        return exampleStatus;
    }

    /** The first violation of the rule that the run found. */
    public Violation example() {
        return example;
    }

    @Override
    public String toString() {
        return rule.id() + ": " + answers + " answers, e.g. " + exampleRequest + " -> " + exampleStatus + ": " + example;
    }
}
