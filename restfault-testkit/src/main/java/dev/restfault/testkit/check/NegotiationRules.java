package dev.restfault.testkit.check;

import dev.restfault.core.http.AcceptHeader;
import dev.restfault.core.http.MediaType;
import dev.restfault.json.BodyShape;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules between the request's {@code Accept}, the response's media type and its body: the
 * media type matches the body's format; problem details only when {@code Accept} prefers them
 * (core's {@link AcceptHeader} decides, as it does for the servers); a 406 names the media types
 * that are available, and not only the ones the request asked for.
 */
final class NegotiationRules {

    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "(?<![\\w/:.-])(?:application|text|image|audio|video|multipart|model|font|message|\\*)/[\\w.+*-]+");
    /** Media types kept from one 406 body at most. */
    private static final int MAX_LISTED = 64;

    private NegotiationRules() {
    }

    /** Problem details as {@code application/problem+json}, the other two formats as anything else. */
    static void checkMediaTypeMatchesFormat(BodyFacts body, MediaType media, List<Violation> out) {
        if (!body.hasFormat() || media == null || !media.isErrorMediaType()) {
            return;
        }
        boolean problemType = media.isProblemJson();
        if (body.shape == BodyShape.PROBLEM_DETAILS && !problemType) {
            out.add(Violation.of(Rule.CONTENT_TYPE_FORMAT, "a problem details body served as " + media.essence(),
                    "Content-Type: " + media.value()));
        } else if (body.shape != BodyShape.PROBLEM_DETAILS && problemType) {
            out.add(Violation.of(Rule.CONTENT_TYPE_FORMAT, "a " + label(body.shape) + " body served as " + media.essence(),
                    "Content-Type: " + media.value()));
        }
    }

    /** Problem details served only to a request whose {@code Accept} (when known) prefers them. */
    static void checkProblemPreferred(String accept, MediaType media, List<Violation> out) {
        if (accept == null || media == null || !media.isProblemJson()) {
            return;
        }
        AcceptHeader preference = AcceptHeader.parse(accept);
        if (!preference.prefersProblemDetails()) {
            out.add(Violation.of(Rule.PROBLEM_NOT_PREFERRED, "problem details served to a request whose Accept does not "
                    + "prefer them (application/problem+json q=" + preference.quality(MediaType.PROBLEM_JSON)
                    + ", application/json q=" + preference.quality(MediaType.JSON) + ")",
                    "Accept: " + (accept.isBlank() ? "(none)" : accept)));
        }
    }

    /**
     * The media types a 406 body names, into {@code body}; a 406 in one of the contract's
     * formats that names none is a violation. (A Partner API body is not judged: its messages
     * are not the server's own words to list types in.)
     */
    static void collectListedTypes(JsonTree.Node root, int status, BodyFacts body, List<Violation> out) {
        if (status != 406 || !body.hasFormat() || body.shape == BodyShape.PARTNER_API) {
            return;
        }
        JsonTree.strings(root, (pointer, s) -> {
            Matcher m = MEDIA_TYPE.matcher(s);
            while (m.find() && body.listedMediaTypes.size() < MAX_LISTED) {
                // "Available: application/json." ends a sentence, not the type.
                body.listedMediaTypes.add(m.group().replaceAll("[.]+$", "").toLowerCase(Locale.ROOT));
            }
        });
        if (body.listedMediaTypes.isEmpty()) {
            out.add(Violation.of(Rule.NOT_ACCEPTABLE_TYPES, "406 does not list the media types that are available", null));
        }
    }

    /** A 406 that (when the request's {@code Accept} is known) names only what was asked for lists nothing available. */
    static void checkListedTypesAreOthers(String accept, BodyFacts body, List<Violation> out) {
        if (accept == null || body.listedMediaTypes.isEmpty()) {
            return;
        }
        Set<String> offered = new LinkedHashSet<>(body.listedMediaTypes);
        offered.removeAll(AcceptHeader.parse(accept).exactTypes());
        offered.removeIf(t -> t.startsWith("*/") || t.endsWith("/*"));
        if (offered.isEmpty()) {
            out.add(Violation.of(Rule.NOT_ACCEPTABLE_TYPES, "406 names only the type the request asked for, not the "
                    + "types that are available", "listed " + body.listedMediaTypes + ", Accept: " + accept));
        }
    }

    /** The format's name in explanations. */
    static String label(BodyShape shape) {
        switch (shape) {
            case PARTNER_CENTER:
                return "Partner Center";
            case PARTNER_API:
                return "Partner API";
            case PROBLEM_DETAILS:
                return "problem details";
            default:
                return shape.token();
        }
    }
}
