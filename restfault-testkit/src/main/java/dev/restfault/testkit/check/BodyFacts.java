package dev.restfault.testkit.check;

import dev.restfault.json.BodyShape;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the body rules learned about a body, for the rules that judge it together with the
 * headers and the request ({@link NegotiationRules}, {@link LanguageRules}). Filled once by
 * {@link BodyRules}, then only read.
 */
final class BodyFacts {

    /** The body's format when it is one of the contract's three; null otherwise. */
    BodyShape shape;
    /** The top-level text (description or detail): it decides whether Content-Language is required. */
    HumanText topText;
    /** Every human text of the body (descriptions, messages, details, titles), the top-level one first. */
    final List<HumanText> texts = new ArrayList<>();
    /** The media types a 406 body names, lower case. */
    final Set<String> listedMediaTypes = new LinkedHashSet<>();

    boolean hasFormat() {
        return shape != null;
    }
}
