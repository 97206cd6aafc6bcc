package dev.restfault.testkit.check;

import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.model.ErrorFormat;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code Content-Language} rule: a localized text comes with a label naming its language
 * (required when the request asked for a language or the top-level text has non-ASCII letters),
 * and no human text of the body is plainly in a script that language is not written in
 * ({@link ScriptHeuristic}). Only the top-level text of a localized format decides whether a
 * label is required: the Partner API's messages are not localized ({@code ErrorFormat.isLocalized})
 * and need none.
 */
final class LanguageRules {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final String[] TEXT_MEMBERS = {"description", "detail", "title", "message"};
    private static final String[] NESTED_ERRORS = {"error", "innerError", "innererror"};
    private static final String[] ENTRY_LISTS = {"data", "details"};

    private LanguageRules() {
    }

    /** @param requested the language the request asked for, or null */
    static void check(ResponseHeaders h, BodyFacts body, Locale requested, List<Violation> out) {
        if (body.topText == null && body.texts.isEmpty()) {
            return;
        }
        List<String> values = h.all(HeaderNames.CONTENT_LANGUAGE);
        HumanText top = body.topText;
        if (values.isEmpty()) {
            // Only the top-level text of a localized format decides whether a label is required:
            // the Partner API's messages are not localized (ErrorFormat.isLocalized) and need none.
            if (top == null || !body.hasFormat() || !body.shape.format().map(ErrorFormat::isLocalized).orElse(false)) {
                return;
            }
            boolean nonAscii = top.text.codePoints().anyMatch(cp -> cp > 0x7F && Character.isLetter(cp));
            if (requested != null) {
                out.add(Violation.of(Rule.CONTENT_LANGUAGE, "the request asked for " + requested.toLanguageTag()
                        + " but the response has no Content-Language", null));
            } else if (nonAscii) {
                out.add(Violation.of(Rule.CONTENT_LANGUAGE, "a localized description without Content-Language",
                        top.pointer + ": " + LeakScanner.excerpt(top.text, 0, 0)));
            }
            return;
        }
        String value = String.join(",", values).trim();
        // Limit -1: a value of only commas still has a first (empty) element.
        String first = value.split(",", -1)[0].trim();
        if (!LANGUAGE_TAG.matcher(first).matches()) {
            out.add(Violation.of(Rule.CONTENT_LANGUAGE, "Content-Language is not a language tag", "Content-Language: " + value));
            return;
        }
        String language = first.split("-")[0].toLowerCase(Locale.ROOT);
        // Every human text of the body, the top-level one first; one violation per response.
        for (HumanText text : body.texts) {
            String mismatch = ScriptHeuristic.of(text.text).mismatch(language, text.top);
            if (mismatch != null) {
                out.add(Violation.of(Rule.CONTENT_LANGUAGE, "Content-Language " + first + " but "
                        + (text.top ? "the description" : "the text at " + text.pointer) + " is in " + mismatch,
                        text.pointer + ": " + LeakScanner.excerpt(text.text, 0, 0)));
                return;
            }
        }
    }

    /**
     * Every human text of a body in one of the formats, into {@code body.texts}: a Partner
     * Center or problem {@code description}/{@code detail}/{@code title} and its {@code data}
     * descriptions (nested too), a Partner API {@code message} with those of its
     * {@code innerError} chain and {@code details}. Codes, sources, targets and unknown members
     * are not text a reader reads, so they are not judged. Bounded by the tree's own limits.
     */
    static void collectTexts(JsonTree.Node root, BodyFacts body) {
        if (body.topText != null) {
            body.texts.add(body.topText);
        }
        ArrayDeque<JsonTree.Node> todo = new ArrayDeque<>();
        todo.add(root);
        int visited = 0;
        while (!todo.isEmpty() && visited++ < JsonTree.MAX_VALUES) {
            JsonTree.Node node = todo.poll();
            if (!node.isObject()) {
                continue;
            }
            for (String name : TEXT_MEMBERS) {
                JsonTree.Node t = node.member(name);
                if (t != null && t.isString() && !t.text.isEmpty()
                        && (body.topText == null || !t.pointer().equals(body.topText.pointer))) {
                    body.texts.add(new HumanText(t.pointer(), t.text, false));
                }
            }
            for (String name : NESTED_ERRORS) {
                JsonTree.Node child = node.member(name);
                if (child != null && child.isObject()) {
                    todo.add(child);
                }
            }
            for (String name : ENTRY_LISTS) {
                JsonTree.Node list = node.member(name);
                if (list != null && list.kind == JsonTree.Kind.ARRAY) {
                    todo.addAll(list.items);
                }
            }
        }
    }
}
