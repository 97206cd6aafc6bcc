package dev.restfault.testkit.check;

import dev.restfault.core.http.MediaType;
import dev.restfault.json.BodyShape;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The body rules, in order: an error has a body, within the checker's limits, in strict UTF-8
 * without a byte order mark, well-formed JSON ({@link JsonTree}), without a lone surrogate, an
 * object in one of the contract's formats. What format a body is, json's {@link BodyShape}
 * decides, as it does for the reader; the members of that format are {@link MemberRules}'. No
 * leak anywhere in it ({@link LeakScanner}), whatever it is.
 */
final class BodyRules {

    private BodyRules() {
    }

    /**
     * @param media the response's media type, or null when unknown (the body seen alone)
     * @param status the HTTP status, or 0 when unknown
     * @param leaks the leak rules already reported for the response, updated
     * @return what was learned, for the rules that judge body and headers together
     */
    static BodyFacts check(byte[] bytes, MediaType media, int status, Set<Rule> leaks, List<Violation> out) {
        BodyFacts facts = new BodyFacts();
        if (bytes.length == 0) {
            out.add(Violation.of(Rule.BODY_EMPTY, "an error with an empty body", null));
            return facts;
        }
        if (bytes.length > ContractChecker.MAX_BODY_BYTES) {
            out.add(Violation.of(Rule.BODY_LIMITS, "the body is " + bytes.length + " bytes, the checker inspects at most "
                    + ContractChecker.MAX_BODY_BYTES, null));
            LeakScanner.scan("body", new String(bytes, 0, ContractChecker.MAX_BODY_BYTES, StandardCharsets.UTF_8), leaks, out::add);
            return facts;
        }
        String encodingProblem = Utf8.problem(bytes);
        boolean encodingReported = false;
        if (encodingProblem != null) {
            String lenient = new String(bytes, StandardCharsets.UTF_8);
            if (Utf8.hasByteOrderMark(bytes) || looksLikeJson(lenient)) {
                out.add(Violation.of(Rule.BODY_MALFORMED, encodingProblem, "body: " + LeakScanner.excerpt(lenient, 0, 0)));
                encodingReported = true;
            }
        }
        JsonTree.Node root;
        try {
            root = JsonTree.parse(bytes);
        } catch (JsonTree.Failure failure) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (failure.limits) {
                out.add(Violation.of(Rule.BODY_LIMITS, "the JSON " + failure.getMessage(), null));
            } else if (encodingReported) {
                // One body-malformed for one broken body: the encoding is the first thing wrong.
            } else if (looksLikeJson(text)) {
                out.add(Violation.of(Rule.BODY_MALFORMED, failure.getMessage(), "body: " + LeakScanner.excerpt(text, 0, 0)));
            } else {
                out.add(Violation.of(Rule.BODY_NOT_JSON, "the body is " + sniff(text), "body: " + LeakScanner.excerpt(text, 0, 0)));
            }
            LeakScanner.scan("body", text, leaks, out::add);
            return facts;
        }
        JsonTree.strings(root, (pointer, s) -> LeakScanner.scan(pointer, s, leaks, out::add));
        if (!encodingReported) {
            checkLoneSurrogates(root, out);
        }
        if (!root.isObject()) {
            out.add(Violation.of(Rule.BODY_SHAPE, "the body is " + root.describeKind() + ", not an error object", null));
            return facts;
        }
        BodyShape shape = BodyShape.of(bytes, media != null && media.isProblemJson());
        JsonTree.Node error = root.member("error");
        switch (shape) {
            case PARTNER_API:
                if (error == null || !error.isObject()) {
                    // Cannot happen (the shape says "error" holds an object); judged as no format if it did.
                    notAFormat(root, BodyShape.NOT_AN_ERROR, out);
                    return facts;
                }
                MemberRules.checkPartnerApi(error, true, out);
                break;
            case PROBLEM_DETAILS:
                MemberRules.checkProblem(root, status, out);
                facts.topText = topText(root, "detail");
                break;
            case PARTNER_CENTER:
                MemberRules.checkPartnerCenter(root, true, out);
                facts.topText = topText(root, "description");
                break;
            default:
                notAFormat(root, shape, out);
                return facts;
        }
        facts.shape = shape;
        LanguageRules.collectTexts(root, facts);
        NegotiationRules.collectListedTypes(root, status, facts, out);
        return facts;
    }

    /** The body is an object, but not in one of the contract's formats: say what it is instead. */
    private static void notAFormat(JsonTree.Node root, BodyShape shape, List<Violation> out) {
        String what;
        switch (shape) {
            case THROTTLING:
                what = "the throttling body {statusCode, message} is read by clients but is not one of the contract's formats";
                break;
            case PARTNER_API_UNWRAPPED:
                what = "a Partner API error object without its {\"error\": ...} wrapper, which the contract's format requires";
                break;
            case FRAMEWORK_DEFAULT:
                what = "a framework's default error body (an HTTP status and no member of the contract's formats), "
                        + "not one of the contract's formats";
                break;
            case OAUTH_ERROR:
                what = "an OAuth error {error, error_description} is read by clients but is not one of the contract's formats";
                break;
            default:
                what = "a JSON object that is none of the three formats";
        }
        out.add(Violation.of(Rule.BODY_SHAPE, what, "members " + root.members.keySet()));
    }

    private static HumanText topText(JsonTree.Node root, String member) {
        JsonTree.Node text = root.member(member);
        return text != null && text.isString() ? new HumanText(text.pointer(), text.text, true) : null;
    }

    /**
     * The bytes were valid UTF-8, but a JSON escape can still spell half a surrogate pair
     * ({@code "\ud800"}), which no UTF-8 text can carry: never a lone surrogate. One violation
     * per body.
     */
    private static void checkLoneSurrogates(JsonTree.Node root, List<Violation> out) {
        boolean[] reported = {false};
        JsonTree.strings(root, (pointer, s) -> {
            int at = reported[0] ? -1 : Utf8.loneSurrogate(s);
            if (at >= 0) {
                reported[0] = true;
                out.add(Violation.of(Rule.BODY_MALFORMED, String.format(Locale.ROOT,
                        "a string holds a lone surrogate \\u%04X (a JSON escape no UTF-8 text can carry)",
                        (int) s.charAt(at)), pointer.get()));
            }
        });
    }

    private static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                continue;
            }
            return c == '{' || c == '[' || c == '"';
        }
        return false;
    }

    /** A short name for what a non-JSON body is, for the explanation. */
    private static String sniff(String text) {
        String head = text.length() > 512 ? text.substring(0, 512) : text;
        String lower = head.stripLeading().toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<body")) {
            return "an HTML page";
        }
        if (lower.startsWith("<?xml") || lower.startsWith("<")) {
            return "markup, not JSON";
        }
        long controls = head.chars().filter(c -> c == 0xFFFD || c < 0x20 && c != '\n' && c != '\r' && c != '\t').count();
        if (controls > head.length() / 10) {
            return "binary data";
        }
        return "plain text";
    }
}
