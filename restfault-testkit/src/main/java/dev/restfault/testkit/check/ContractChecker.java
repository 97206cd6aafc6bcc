package dev.restfault.testkit.check;

import dev.restfault.core.catalog.HeaderRule;
import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.http.AcceptHeader;
import dev.restfault.core.http.AuthChallenge;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.HeaderValues;
import dev.restfault.core.http.RequestIds;
import dev.restfault.core.http.RetryAfter;
import dev.restfault.core.model.Descriptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one response against the error contract (DESIGN section 1) and lists every violation,
 * each with a stable {@link Rule} id, a one-line explanation and the evidence.
 *
 * <p>What is checked:
 * <ul>
 *   <li>every response: {@code MS-CorrelationId} and {@code MS-RequestId} are GUIDs
 *       ({@link RequestIds}), the request's own when it sent valid ones;</li>
 *   <li>every error (4xx, 5xx): {@code Content-Type}, {@code Cache-Control: no-store},
 *       {@code X-Content-Type-Options: nosniff}; the headers the catalog's
 *       {@link StatusEntry#headers()} requires for the status, and the form of the challenge,
 *       {@code Allow}, {@code Retry-After} and {@code ETag} when present;</li>
 *   <li>the body as sent (not as a tolerant reader would normalize it): JSON, one of the three
 *       formats, the format's required members and types, descriptions of at most 1024 UTF-16
 *       code units, {@code innerError} spelling, a problem's {@code status}, 406's media types,
 *       {@code source} that is not a class name, no leaks anywhere in the body or in a
 *       header value;</li>
 *   <li>{@code Content-Language} when the text is localized: required when the request asked
 *       for a language or the description has non-ASCII letters, and consistent with the
 *       script of the description (Japanese text is not labelled {@code en-US}).</li>
 * </ul>
 * Deliberate leniencies: {@code application/json} without a charset parameter passes (RFC 8259
 * JSON is UTF-8 and defines no charset); {@code Retry-After} and {@code ETag} are "when known",
 * so only their form is checked; the body of a {@code HEAD} response is not inspected.
 *
 * <p>Bad input: never throws for any response: an empty, binary, truncated, deeply nested or
 * oversized body is a violation, not an exception. Bodies over {@value #MAX_BODY_BYTES} bytes
 * are reported and only their first {@value #MAX_BODY_BYTES} bytes are scanned for leaks.
 * Immutable and thread-safe.
 */
public final class ContractChecker {

    /** The largest body inspected in full; an error body has no business being larger. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private static final ContractChecker STANDARD = new ContractChecker(Clock.systemUTC());

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern QUALIFIED_CLASS = Pattern.compile("(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");
    private static final Pattern SIMPLE_CLASS = Pattern.compile(
            "[A-Z][A-Za-z0-9]*(?:Controller|ServiceImpl|Impl|Exception|Handler|Repository|Servlet|Interceptor|Advice)(?:\\$\\w+)?");
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "(?<![\\w/:.-])(?:application|text|image|audio|video|multipart|model|font|message|\\*)/[\\w.+*-]+");
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern AUTH_PARAM = Pattern.compile(
            "(?:([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \\t]+)?([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \\t]*=[ \\t]*[^=\\s][\\s\\S]*");
    /**
     * The characters of a cid in the realm {@code urn:cpsvc:cpid:{cid}}: those of a URN's
     * namespace-specific string (RFC 8141: unreserved, sub-delims, ':', '@', '/', and %-escapes).
     * A GUID or a name such as {@code contoso} passes; a space, '<', '>', '"', a backslash or a non-ASCII
     * character cannot appear in a URN and does not.
     */
    private static final Pattern CID = Pattern.compile("(?:[A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-Fa-f]{2}){1,256}");
    private static final Pattern REALM_UNQUOTED = Pattern.compile("(?i)\\brealm\\s*=\\s*[^\"\\s]");

    private final Clock clock;

    private ContractChecker(Clock clock) {
        this.clock = clock;
    }

    /** The checker. */
    public static ContractChecker standard() {
        return STANDARD;
    }

    /** A checker that judges HTTP-date {@code Retry-After} values against {@code clock}. */
    public static ContractChecker withClock(Clock clock) {
        return new ContractChecker(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Every violation of {@code response}, headers first, then the body; empty when it conforms.
     *
     * @throws IllegalArgumentException if {@code response} is null
     */
    public List<Violation> check(ObservedResponse response) {
        if (response == null) {
            throw new IllegalArgumentException("response must not be null");
        }
        List<Violation> out = new ArrayList<>();
        checkIds(response, out);
        if (!StatusCatalog.isError(response.status())) {
            return List.copyOf(out);
        }
        StatusEntry entry = StatusCatalog.entry(response.status());
        ResponseHeaders h = response.headers();
        MediaType media = checkContentType(h, out);
        checkCaching(h, out);
        checkStatusHeaders(entry, h, out);
        Set<Rule> leaks = EnumSet.noneOf(Rule.class);
        for (Map.Entry<String, List<String>> header : h.asMap().entrySet()) {
            for (String value : header.getValue()) {
                LeakScanner.scan("header " + header.getKey(), value, leaks, out::add);
            }
        }
        if ("HEAD".equals(response.requestMethod().orElse(null))) {
            return List.copyOf(out);
        }
        Body body = checkBody(response.bodyUnsafe(), media, entry.status(), leaks, out);
        if (body.shape != null && media != null && media.known()) {
            boolean problemType = media.isProblem();
            if (body.shape == Shape.PROBLEM_DETAILS && !problemType) {
                out.add(Violation.of(Rule.CONTENT_TYPE_FORMAT, "a problem details body served as " + media.type,
                        "Content-Type: " + media.raw));
            } else if (body.shape != Shape.PROBLEM_DETAILS && problemType) {
                out.add(Violation.of(Rule.CONTENT_TYPE_FORMAT, "a " + body.shape.label + " body served as " + media.type,
                        "Content-Type: " + media.raw));
            }
        }
        String accept = response.requestAccept().orElse(null);
        if (accept != null && media != null && media.isProblem()) {
            AcceptHeader preference = AcceptHeader.parse(accept);
            double problemQ = preference.quality(PROBLEM_JSON);
            double jsonQ = preference.quality(JSON);
            if (!preference.prefersProblemDetails()) {
                out.add(Violation.of(Rule.PROBLEM_NOT_PREFERRED, "problem details served to a request whose Accept does not "
                        + "prefer them (application/problem+json q=" + problemQ + ", application/json q=" + jsonQ + ")",
                        "Accept: " + (accept.isBlank() ? "(none)" : accept)));
            }
        }
        if (accept != null && !body.listedMediaTypes.isEmpty()) {
            Set<String> offered = new java.util.LinkedHashSet<>(body.listedMediaTypes);
            offered.removeAll(AcceptHeader.parse(accept).exactTypes());
            offered.removeIf(t -> t.startsWith("*/") || t.endsWith("/*"));
            if (offered.isEmpty()) {
                out.add(Violation.of(Rule.NOT_ACCEPTABLE_TYPES, "406 names only the type the request asked for, not the "
                        + "types that are available", "listed " + body.listedMediaTypes + ", Accept: " + accept));
            }
        }
        if (body.localizedText != null || !body.texts.isEmpty()) {
            checkContentLanguage(h, body, response.requestedLocale().orElse(null), out);
        }
        return List.copyOf(out);
    }

    /** Shorthand for {@link #check(ObservedResponse)} without request facts. */
    public List<Violation> check(int status, ResponseHeaders headers, byte[] body) {
        return check(ObservedResponse.of(status, headers, body));
    }

    /**
     * The body rules alone, for a body seen without its response (status-specific rules such as
     * 406's media types and a problem's {@code status} are skipped).
     *
     * @param body null means empty
     */
    public List<Violation> checkBody(byte[] body) {
        List<Violation> out = new ArrayList<>();
        checkBody(body == null ? new byte[0] : body, null, 0, EnumSet.noneOf(Rule.class), out);
        return List.copyOf(out);
    }

    /**
     * The contract format {@code body} is in, judged from its members as the checker does; empty
     * when it is none of them, or not JSON, or null, empty or over {@value #MAX_BODY_BYTES}
     * bytes. Never throws.
     *
     * @param problemMediaType whether the response said {@code application/problem+json}, which
     *     makes an object without {@code description} problem details
     */
    public java.util.Optional<dev.restfault.core.model.ErrorFormat> detectFormat(byte[] body, boolean problemMediaType) {
        if (body == null || body.length == 0 || body.length > MAX_BODY_BYTES) {
            return java.util.Optional.empty();
        }
        try {
            JsonTree.Node root = JsonTree.parse(body);
            if (!root.isObject()) {
                return java.util.Optional.empty();
            }
            JsonTree.Node error = root.member("error");
            if (error != null && error.isObject()) {
                return java.util.Optional.of(dev.restfault.core.model.ErrorFormat.PARTNER_API);
            }
            if ((problemMediaType || root.has("type") || root.has("title") || root.has("detail")) && !root.has("description")) {
                return java.util.Optional.of(dev.restfault.core.model.ErrorFormat.PROBLEM_DETAILS);
            }
            if (root.has("code") || root.has("description")) {
                return java.util.Optional.of(dev.restfault.core.model.ErrorFormat.PARTNER_CENTER);
            }
            return java.util.Optional.empty();
        } catch (JsonTree.Failure notJson) {
            return java.util.Optional.empty();
        }
    }

    // ---- headers -------------------------------------------------------------------------

    private static void checkIds(ObservedResponse r, List<Violation> out) {
        checkId(r.headers(), HeaderNames.MS_CORRELATION_ID, Rule.CORRELATION_ID, r.sentCorrelationId().orElse(null), out);
        checkId(r.headers(), HeaderNames.MS_REQUEST_ID, Rule.REQUEST_ID, r.sentRequestId().orElse(null), out);
    }

    private static void checkId(ResponseHeaders h, String name, Rule rule, String sent, List<Violation> out) {
        List<String> values = h.all(name);
        if (values.isEmpty()) {
            out.add(Violation.of(rule, "no " + name, null));
        } else if (values.size() > 1) {
            out.add(Violation.of(rule, name + " sent " + values.size() + " times", name + ": " + String.join(" | ", values)));
        } else if (!RequestIds.isValid(values.get(0))) {
            out.add(Violation.of(rule, name + " is not a GUID", name + ": " + values.get(0)));
        } else if (RequestIds.isValid(sent) && !values.get(0).equalsIgnoreCase(sent)) {
            out.add(Violation.of(rule, "the request's valid " + name + " was not echoed",
                    "sent " + sent + ", received " + values.get(0)));
        }
    }

    private static MediaType checkContentType(ResponseHeaders h, List<Violation> out) {
        List<String> values = h.all(HeaderNames.CONTENT_TYPE);
        if (values.isEmpty()) {
            out.add(Violation.of(Rule.CONTENT_TYPE, "an error without Content-Type", null));
            return null;
        }
        if (values.size() > 1) {
            out.add(Violation.of(Rule.CONTENT_TYPE, "Content-Type sent " + values.size() + " times",
                    String.join(" | ", values)));
        }
        MediaType media = MediaType.parse(values.get(0));
        if (!media.known()) {
            out.add(Violation.of(Rule.CONTENT_TYPE, (media.type.isEmpty() ? "an empty media type" : media.type)
                    + ", not application/json or application/problem+json", "Content-Type: " + media.raw));
        } else if (media.charset != null && !media.charset.equalsIgnoreCase("utf-8")) {
            out.add(Violation.of(Rule.CONTENT_TYPE, "charset " + media.charset + ", not utf-8", "Content-Type: " + media.raw));
        }
        return media;
    }

    private static void checkCaching(ResponseHeaders h, List<Violation> out) {
        List<String> cc = h.all(HeaderNames.CACHE_CONTROL);
        boolean noStore = false;
        for (String value : cc) {
            for (String directive : value.split(",")) {
                String name = directive.split("=", 2)[0].trim();
                noStore |= name.equalsIgnoreCase(HeaderNames.NO_STORE);
            }
        }
        if (cc.isEmpty()) {
            out.add(Violation.of(Rule.CACHE_CONTROL, "an error without Cache-Control: no-store", null));
        } else if (!noStore) {
            out.add(Violation.of(Rule.CACHE_CONTROL, "Cache-Control lacks no-store", "Cache-Control: " + String.join(", ", cc)));
        }
        List<String> xcto = h.all(HeaderNames.X_CONTENT_TYPE_OPTIONS);
        if (xcto.isEmpty()) {
            out.add(Violation.of(Rule.NOSNIFF, "an error without X-Content-Type-Options: nosniff", null));
        } else if (xcto.size() > 1 || !xcto.get(0).trim().equalsIgnoreCase(HeaderNames.NOSNIFF)) {
            out.add(Violation.of(Rule.NOSNIFF, "X-Content-Type-Options is not nosniff",
                    "X-Content-Type-Options: " + String.join(" | ", xcto)));
        }
    }

    private void checkStatusHeaders(StatusEntry entry, ResponseHeaders h, List<Violation> out) {
        int status = entry.status();
        for (HeaderRule rule : entry.headers()) {
            if (rule.requirement() == HeaderRule.Requirement.ALWAYS && !h.contains(rule.name())) {
                out.add(Violation.of(Rule.REQUIRED_HEADER, status + " without " + rule.name(), null));
            }
        }
        if (status == 401) {
            h.first(HeaderNames.WWW_AUTHENTICATE).ifPresent(v -> checkChallenge(String.join(", ", h.all(HeaderNames.WWW_AUTHENTICATE)), out));
        }
        if (status == 405 && h.contains(HeaderNames.ALLOW)) {
            String allow = String.join(",", h.all(HeaderNames.ALLOW));
            List<String> bad = new ArrayList<>();
            int count = 0;
            for (String m : allow.split(",")) {
                String t = m.trim();
                if (!t.isEmpty()) {
                    count++;
                    if (!HeaderValues.isToken(t)) {
                        bad.add(t);
                    }
                }
            }
            if (count == 0) {
                out.add(Violation.of(Rule.ALLOW, "405 with an empty Allow", "Allow: " + allow));
            } else if (!bad.isEmpty()) {
                out.add(Violation.of(Rule.ALLOW, "Allow lists something that is not a method", "Allow: " + allow));
            }
        }
        List<String> retryAfter = h.all(HeaderNames.RETRY_AFTER);
        if (retryAfter.size() > 1) {
            out.add(Violation.of(Rule.RETRY_AFTER, "Retry-After sent " + retryAfter.size() + " times", String.join(" | ", retryAfter)));
        } else if (retryAfter.size() == 1 && RetryAfter.parse(retryAfter.get(0), clock.instant()).isEmpty()) {
            out.add(Violation.of(Rule.RETRY_AFTER, "Retry-After is neither delay-seconds nor an HTTP-date within a day",
                    "Retry-After: " + retryAfter.get(0)));
        }
        for (String etag : h.all(HeaderNames.ETAG)) {
            try {
                HeaderValues.requireEntityTag(etag);
            } catch (IllegalArgumentException notATag) {
                out.add(Violation.of(Rule.ETAG, "ETag is not a quoted entity tag", "ETag: " + etag));
            }
        }
    }

    private static void checkChallenge(String value, List<Violation> out) {
        List<AuthChallenge> challenges;
        try {
            challenges = AuthChallenge.parseAll(value);
        } catch (IllegalArgumentException malformed) {
            out.add(Violation.of(Rule.CHALLENGE, "WWW-Authenticate is not a list of challenges", "WWW-Authenticate: " + value));
            return;
        }
        boolean contract = challenges.stream().anyMatch(c -> c.scheme().equalsIgnoreCase("OAuth") && c.cid().isPresent());
        if (!contract) {
            out.add(Violation.of(Rule.CHALLENGE, "no OAuth challenge with realm urn:cpsvc:cpid:{cid}", "WWW-Authenticate: " + value));
        } else if (REALM_UNQUOTED.matcher(value).find()) {
            out.add(Violation.of(Rule.CHALLENGE, "the realm is not quoted, as RFC 9110 requires", "WWW-Authenticate: " + value));
        } else {
            String badCid = challenges.stream().filter(c -> c.scheme().equalsIgnoreCase("OAuth") && c.cid().isPresent())
                    .map(c -> c.cid().get()).filter(cid -> !CID.matcher(cid).matches()).findFirst().orElse(null);
            if (badCid != null) {
                out.add(Violation.of(Rule.CHALLENGE, "the realm's cid is not an identifier a URN can hold (a space, '<', "
                        + "'\"', a non-ASCII or control character...)", "WWW-Authenticate: " + value));
            }
        }
        String duplicate = duplicateParameter(value);
        if (duplicate != null) {
            out.add(Violation.of(Rule.CHALLENGE, "parameter " + duplicate + " occurs twice in one challenge (RFC 9110 §11.2: "
                    + "at most once)", "WWW-Authenticate: " + value));
        }
    }

    /**
     * The first auth-param name that occurs twice in one challenge of {@code value}, if any.
     * {@link AuthChallenge#parseAll} keeps the last value of a repeated name, so the repetition is
     * found here, on the raw value: split at commas outside quoted strings, an element
     * {@code scheme name=value} starts a challenge, {@code name=value} continues it, anything
     * else (a scheme alone, a token68) starts one without parameters.
     */
    private static String duplicateParameter(String value) {
        Set<String> names = new java.util.HashSet<>();
        for (String element : splitOutsideQuotes(value)) {
            String e = element.trim();
            if (e.isEmpty()) {
                continue;
            }
            java.util.regex.Matcher m = AUTH_PARAM.matcher(e);
            if (!m.matches()) {
                names.clear(); // a scheme alone or with a token68: a challenge without parameters
                continue;
            }
            if (m.group(1) != null) {
                names.clear(); // "scheme name=value": a new challenge
            }
            if (!names.add(m.group(2).toLowerCase(Locale.ROOT))) {
                return m.group(2);
            }
        }
        return null;
    }

    /** {@code value} split at the commas that are not inside a quoted string (with its escapes). */
    private static List<String> splitOutsideQuotes(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\' && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }

    private static void checkContentLanguage(ResponseHeaders h, Body body, Locale requested, List<Violation> out) {
        List<String> values = h.all(HeaderNames.CONTENT_LANGUAGE);
        LocalizedText top = body.localizedText;
        if (values.isEmpty()) {
            // Only the top-level text of a localized format decides whether a label is required:
            // the Partner API's messages are not localized (ErrorFormat.isLocalized) and need none.
            if (top == null || body.shape == null || !body.shape.format.isLocalized()) {
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
        String first = value.split(",")[0].trim();
        if (!LANGUAGE_TAG.matcher(first).matches()) {
            out.add(Violation.of(Rule.CONTENT_LANGUAGE, "Content-Language is not a language tag", "Content-Language: " + value));
            return;
        }
        String language = first.split("-")[0].toLowerCase(Locale.ROOT);
        // Every human text of the body, the top-level one first; one violation per response.
        for (LocalizedText text : body.texts) {
            String mismatch = Scripts.of(text.text).mismatch(language, text.top);
            if (mismatch != null) {
                out.add(Violation.of(Rule.CONTENT_LANGUAGE, "Content-Language " + first + " but "
                        + (text.top ? "the description" : "the text at " + text.pointer) + " is in " + mismatch,
                        text.pointer + ": " + LeakScanner.excerpt(text.text, 0, 0)));
                return;
            }
        }
    }

    /**
     * Every human text of a body in one of the formats, for the Content-Language rule: a Partner
     * Center or problem {@code description}/{@code detail}/{@code title} and its {@code data}
     * descriptions (nested too), a Partner API {@code message} with those of its
     * {@code innerError} chain and {@code details}. Codes, sources, targets and unknown members
     * are not text a reader reads, so they are not judged. Bounded by the tree's own limits.
     */
    private static void collectTexts(JsonTree.Node root, Body result) {
        if (result.localizedText != null) {
            result.texts.add(result.localizedText);
        }
        java.util.ArrayDeque<JsonTree.Node> todo = new java.util.ArrayDeque<>();
        todo.add(root);
        int visited = 0;
        while (!todo.isEmpty() && visited++ < JsonTree.MAX_VALUES) {
            JsonTree.Node node = todo.poll();
            if (node.isObject()) {
                for (String name : new String[] {"description", "detail", "title", "message"}) {
                    JsonTree.Node t = node.member(name);
                    if (t != null && t.isString() && !t.text.isEmpty()
                            && (result.localizedText == null || !t.pointer().equals(result.localizedText.pointer))) {
                        result.texts.add(new LocalizedText(t.pointer(), t.text, false));
                    }
                }
                for (String name : new String[] {"error", "innerError", "innererror"}) {
                    JsonTree.Node child = node.member(name);
                    if (child != null && child.isObject()) {
                        todo.add(child);
                    }
                }
                for (String name : new String[] {"data", "details"}) {
                    JsonTree.Node list = node.member(name);
                    if (list != null && list.kind == JsonTree.Kind.ARRAY) {
                        todo.addAll(list.items);
                    }
                }
            }
        }
    }

    // ---- body ----------------------------------------------------------------------------

    private enum Shape {
        PARTNER_CENTER("Partner Center", dev.restfault.core.model.ErrorFormat.PARTNER_CENTER),
        PARTNER_API("Partner API", dev.restfault.core.model.ErrorFormat.PARTNER_API),
        PROBLEM_DETAILS("problem details", dev.restfault.core.model.ErrorFormat.PROBLEM_DETAILS);

        final String label;
        final dev.restfault.core.model.ErrorFormat format;

        Shape(String label, dev.restfault.core.model.ErrorFormat format) {
            this.label = label;
            this.format = format;
        }
    }

    /** What the body rules learned, for the rules that combine body and headers. */
    private static final class Body {
        Shape shape;
        /** The top-level localized text (description or detail): it decides whether Content-Language is required. */
        LocalizedText localizedText;
        /** Every human text of the body (descriptions, messages, details, titles), top-level first. */
        final List<LocalizedText> texts = new ArrayList<>();
        /** The media types a 406 body names, lower case. */
        final Set<String> listedMediaTypes = new java.util.LinkedHashSet<>();
    }

    private static final class LocalizedText {
        final String pointer;
        final String text;
        final boolean top;

        LocalizedText(String pointer, String text, boolean top) {
            this.pointer = pointer;
            this.text = text;
            this.top = top;
        }
    }

    private static Body checkBody(byte[] bytes, MediaType media, int status, Set<Rule> leaks, List<Violation> out) {
        Body result = new Body();
        if (bytes.length == 0) {
            out.add(Violation.of(Rule.BODY_EMPTY, "an error with an empty body", null));
            return result;
        }
        if (bytes.length > MAX_BODY_BYTES) {
            out.add(Violation.of(Rule.BODY_LIMITS, "the body is " + bytes.length + " bytes, the checker inspects at most "
                    + MAX_BODY_BYTES, null));
            LeakScanner.scan("body", new String(bytes, 0, MAX_BODY_BYTES, StandardCharsets.UTF_8), leaks, out::add);
            return result;
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
            return result;
        }
        JsonTree.strings(root, (pointer, s) -> LeakScanner.scan(pointer, s, leaks, out::add));
        if (!encodingReported) {
            // The bytes were valid UTF-8, but a JSON escape can still spell half a surrogate pair
            // ("\ud800"), which no UTF-8 text can carry: DESIGN says never a lone surrogate.
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
        if (!root.isObject()) {
            out.add(Violation.of(Rule.BODY_SHAPE, "the body is " + root.describeKind() + ", not an error object", null));
            return result;
        }
        JsonTree.Node error = root.member("error");
        if (error != null && error.isObject()) {
            result.shape = Shape.PARTNER_API;
            checkPartnerApi(error, true, out);
        } else if ((media != null && media.isProblem() || root.has("type") || root.has("title") || root.has("detail"))
                && !root.has("description")) {
            result.shape = Shape.PROBLEM_DETAILS;
            checkProblem(root, status, out);
            JsonTree.Node detail = root.member("detail");
            if (detail != null && detail.isString()) {
                result.localizedText = new LocalizedText(detail.pointer(), detail.text, true);
            }
        } else if (root.has("code") || root.has("description")) {
            result.shape = Shape.PARTNER_CENTER;
            checkPartnerCenter(root, true, out);
            JsonTree.Node description = root.member("description");
            if (description != null && description.isString()) {
                result.localizedText = new LocalizedText(description.pointer(), description.text, true);
            }
        } else if (root.has("statusCode") && root.has("message")) {
            out.add(Violation.of(Rule.BODY_SHAPE, "the throttling body {statusCode, message} is read by clients but is "
                    + "not one of the contract's formats", "members " + root.members.keySet()));
        } else {
            out.add(Violation.of(Rule.BODY_SHAPE, "a JSON object that is none of the three formats",
                    "members " + root.members.keySet()));
        }
        if (result.shape != null) {
            collectTexts(root, result);
        }
        if (status == 406 && result.shape != null && result.shape != Shape.PARTNER_API) {
            JsonTree.strings(root, (pointer, s) -> {
                java.util.regex.Matcher m = MEDIA_TYPE.matcher(s);
                while (m.find() && result.listedMediaTypes.size() < 64) {
                    // "Available: application/json." ends a sentence, not the type.
                    result.listedMediaTypes.add(m.group().replaceAll("[.]+$", "").toLowerCase(Locale.ROOT));
                }
            });
            if (result.listedMediaTypes.isEmpty()) {
                out.add(Violation.of(Rule.NOT_ACCEPTABLE_TYPES, "406 does not list the media types that are available", null));
            }
        }
        return result;
    }

    private static void checkPartnerCenter(JsonTree.Node node, boolean top, List<Violation> out) {
        requireCode(node, out);
        requireText(node, "description", out);
        JsonTree.Node source = node.member("source");
        if (source == null) {
            if (top) {
                out.add(Violation.of(Rule.REQUIRED_MEMBER, "no source", node.pointer()));
            }
        } else if (!source.isString()) {
            out.add(Violation.of(Rule.MEMBER_TYPE, "source is " + source.describeKind() + ", not a string", source.pointer()));
        } else {
            if (top && Descriptions.isBlank(source.text)) {
                out.add(Violation.of(Rule.REQUIRED_MEMBER, "source is empty or blank", source.pointer()));
            }
            checkSourceName(source, out);
        }
        checkDataList(node.member("data"), out);
    }

    private static void checkDataList(JsonTree.Node data, List<Violation> out) {
        if (data == null) {
            return;
        }
        if (data.kind != JsonTree.Kind.ARRAY) {
            out.add(Violation.of(Rule.MEMBER_TYPE, "data is " + data.describeKind() + ", not an array", data.pointer()));
            return;
        }
        if (data.items.isEmpty()) {
            out.add(Violation.of(Rule.DATA_EMPTY, "data is sent empty instead of omitted", data.pointer()));
        }
        for (JsonTree.Node item : data.items) {
            if (!item.isObject()) {
                out.add(Violation.of(Rule.MEMBER_TYPE, "a data entry is " + item.describeKind() + ", not an error object", item.pointer()));
            } else {
                checkPartnerCenter(item, false, out);
            }
        }
    }

    private static void checkPartnerApi(JsonTree.Node error, boolean top, List<Violation> out) {
        requireCode(error, out);
        requireText(error, "message", out);
        JsonTree.Node target = error.member("target");
        if (target != null && !target.isString() && target.kind != JsonTree.Kind.NULL) {
            out.add(Violation.of(Rule.MEMBER_TYPE, "target is " + target.describeKind() + ", not a string", target.pointer()));
        } else if (target != null && target.isString()) {
            checkSourceName(target, out);
        }
        checkInnerErrorSpelling(error, out);
        JsonTree.Node inner = error.member("innerError");
        int depth = 0;
        while (inner != null && inner.kind != JsonTree.Kind.NULL && depth++ < JsonTree.MAX_DEPTH) {
            if (!inner.isObject()) {
                out.add(Violation.of(Rule.MEMBER_TYPE, "innerError is " + inner.describeKind() + ", not an object", inner.pointer()));
                break;
            }
            if (!inner.has("code") && !inner.has("message")) {
                out.add(Violation.of(Rule.REQUIRED_MEMBER, "an innerError without code or message", inner.pointer()));
            }
            JsonTree.Node code = inner.member("code");
            if (code != null && !code.isString()) {
                out.add(Violation.of(Rule.MEMBER_TYPE, "innerError code is " + code.describeKind() + ", not a string", code.pointer()));
            }
            JsonTree.Node message = inner.member("message");
            if (message != null) {
                checkTextValue(message, "innerError message", out);
            }
            checkInnerErrorSpelling(inner, out);
            inner = inner.member("innerError");
        }
        JsonTree.Node details = error.member("details");
        if (details != null) {
            if (details.kind != JsonTree.Kind.ARRAY) {
                out.add(Violation.of(Rule.MEMBER_TYPE, "details is " + details.describeKind() + ", not an array", details.pointer()));
            } else {
                for (JsonTree.Node d : details.items) {
                    if (!d.isObject()) {
                        out.add(Violation.of(Rule.MEMBER_TYPE, "a details entry is " + d.describeKind() + ", not an error object", d.pointer()));
                    } else {
                        checkPartnerApi(d, false, out);
                    }
                }
            }
        }
    }

    private static void checkInnerErrorSpelling(JsonTree.Node node, List<Violation> out) {
        String spelled = node.memberNameIgnoringCase("innerError");
        if (spelled != null && !spelled.equals("innerError") && !node.has("innerError")) {
            out.add(Violation.of(Rule.INNER_ERROR_SPELLING, "\"" + spelled + "\" instead of \"innerError\"", node.pointer()));
        }
    }

    private static void checkProblem(JsonTree.Node root, int status, List<Violation> out) {
        requireCode(root, out);
        requireText(root, "detail", out);
        JsonTree.Node title = root.member("title");
        if (title != null) {
            checkTextValue(title, "title", out);
        }
        JsonTree.Node type = root.member("type");
        if (type != null && !type.isString()) {
            out.add(Violation.of(Rule.MEMBER_TYPE, "type is " + type.describeKind() + ", not a string", type.pointer()));
        }
        JsonTree.Node st = root.member("status");
        if (st != null) {
            if (st.kind != JsonTree.Kind.NUMBER) {
                out.add(Violation.of(Rule.MEMBER_TYPE, "status is " + st.describeKind() + ", not a number", st.pointer()));
            } else if (status != 0 && !st.text.equals(Integer.toString(status))) {
                out.add(Violation.of(Rule.PROBLEM_STATUS, "status member " + st.text + " but HTTP status " + status, st.pointer()));
            }
        }
        JsonTree.Node source = root.member("source");
        if (source != null) {
            if (!source.isString()) {
                out.add(Violation.of(Rule.MEMBER_TYPE, "source is " + source.describeKind() + ", not a string", source.pointer()));
            } else {
                checkSourceName(source, out);
            }
        }
        checkDataList(root.member("data"), out);
    }

    private static void requireCode(JsonTree.Node node, List<Violation> out) {
        JsonTree.Node code = node.member("code");
        if (code == null) {
            out.add(Violation.of(Rule.REQUIRED_MEMBER, "no code", node.pointer()));
        } else if (code.kind == JsonTree.Kind.NULL) {
            out.add(Violation.of(Rule.REQUIRED_MEMBER, "code is null", code.pointer()));
        } else if (code.kind == JsonTree.Kind.NUMBER) {
            out.add(Violation.of(Rule.MEMBER_TYPE, "code is the number " + code.text + ", the contract emits a string", code.pointer()));
        } else if (!code.isString()) {
            out.add(Violation.of(Rule.MEMBER_TYPE, "code is " + code.describeKind() + ", not a string", code.pointer()));
        } else if (Descriptions.isBlank(code.text)) {
            out.add(Violation.of(Rule.REQUIRED_MEMBER, "code is empty or blank", code.pointer()));
        }
    }

    private static void requireText(JsonTree.Node node, String name, List<Violation> out) {
        JsonTree.Node text = node.member(name);
        if (text == null) {
            out.add(Violation.of(Rule.REQUIRED_MEMBER, "no " + name, node.pointer()));
        } else if (text.kind == JsonTree.Kind.NULL) {
            out.add(Violation.of(Rule.REQUIRED_MEMBER, name + " is null", text.pointer()));
        } else {
            checkTextValue(text, name, out);
        }
    }

    private static void checkTextValue(JsonTree.Node text, String name, List<Violation> out) {
        if (!text.isString()) {
            out.add(Violation.of(Rule.MEMBER_TYPE, name + " is " + text.describeKind() + ", not a string", text.pointer()));
        } else if (text.text.isEmpty()) {
            out.add(Violation.of(Rule.REQUIRED_MEMBER, name + " is empty", text.pointer()));
        } else if (text.text.length() > Descriptions.MAX_LENGTH) {
            out.add(Violation.of(Rule.DESCRIPTION_LENGTH, text.text.length() + " UTF-16 units, max " + Descriptions.MAX_LENGTH,
                    text.pointer()));
        }
    }

    private static void checkSourceName(JsonTree.Node source, List<Violation> out) {
        String s = source.text.trim();
        if (s.length() <= 300 && (QUALIFIED_CLASS.matcher(s).matches() || SIMPLE_CLASS.matcher(s).matches())) {
            out.add(Violation.of(Rule.SOURCE_CLASS_NAME, "source is a Java class name", source.pointer() + ": " + s));
        }
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

    /** A parsed Content-Type. */
    private static final class MediaType {
        final String raw;
        final String type;
        final String charset;

        private MediaType(String raw, String type, String charset) {
            this.raw = raw;
            this.type = type;
            this.charset = charset;
        }

        static MediaType parse(String raw) {
            String[] parts = raw.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            String charset = null;
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                if (kv.length == 2) {
                    String v = kv[1].trim();
                    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                        v = v.substring(1, v.length() - 1);
                    }
                    params.put(kv[0].trim().toLowerCase(Locale.ROOT), v);
                }
            }
            charset = params.get("charset");
            return new MediaType(raw, type, charset);
        }

        boolean isProblem() {
            return type.equals("application/problem+json");
        }

        boolean known() {
            return type.equals("application/json") || isProblem();
        }
    }

    /**
     * Which scripts a text's letters use, to judge its Content-Language. Conservative: only a
     * script that plainly cannot be the labelled language counts. Kana is Japanese only; Han is
     * Chinese, Japanese or Korean; otherwise the script with the most letters must be one the
     * language is written in (Latin for en, fr, de...; Cyrillic for ru, uk...), when it has at
     * least {@value #MIN_FOREIGN_LETTERS} letters, so a short proper name in another script
     * inside a sentence never trips it. Latin-only text labelled ja or zh is a mismatch for the
     * top-level description only (a field name or code in a data entry is often Latin).
     */
    private static final class Scripts {
        static final int MIN_FOREIGN_LETTERS = 4;

        /** The scripts each language is written in, for the languages the checker can judge. */
        private static final Map<String, Set<Character.UnicodeScript>> WRITTEN_IN = writtenIn();

        boolean han;
        boolean kana;
        boolean latin;
        final Map<Character.UnicodeScript, Integer> letters = new java.util.EnumMap<>(Character.UnicodeScript.class);

        static Scripts of(String text) {
            Scripts s = new Scripts();
            text.codePoints().limit(4096).forEach(cp -> {
                if (!Character.isLetter(cp)) {
                    return;
                }
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                s.han |= script == Character.UnicodeScript.HAN;
                s.kana |= script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
                s.latin |= script == Character.UnicodeScript.LATIN;
                if (script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED) {
                    s.letters.merge(script, 1, Integer::sum);
                }
            });
            return s;
        }

        /** The script that makes the text not {@code language}, named for a report; null when consistent. */
        String mismatch(String language, boolean top) {
            // The description itself: any kana or Han is a mismatch, as before. Nested texts
            // (data, details, innerError) may quote a name, so they go by the dominant script.
            if (top && kana && !language.equals("ja")) {
                return "Japanese";
            }
            if (top && han && !kana && !language.equals("zh") && !language.equals("ja") && !language.equals("ko")) {
                return "Chinese characters";
            }
            if (top && (language.equals("ja") || language.equals("zh")) && !han && !kana && latin) {
                return "Latin script";
            }
            Set<Character.UnicodeScript> allowed = WRITTEN_IN.get(language);
            if (allowed == null) {
                return null; // a language the checker does not know the scripts of: not judged
            }
            Character.UnicodeScript dominant = null;
            int most = 0;
            for (Map.Entry<Character.UnicodeScript, Integer> e : letters.entrySet()) {
                if (e.getValue() > most) {
                    most = e.getValue();
                    dominant = e.getKey();
                }
            }
            if (dominant != null && most >= MIN_FOREIGN_LETTERS && !allowed.contains(dominant)) {
                if (kana) {
                    return "Japanese";
                }
                if (dominant == Character.UnicodeScript.HAN) {
                    return "Chinese characters";
                }
                String name = dominant.name().toLowerCase(Locale.ROOT);
                return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " script";
            }
            return null;
        }

        private static Map<String, Set<Character.UnicodeScript>> writtenIn() {
            Map<String, Set<Character.UnicodeScript>> m = new java.util.HashMap<>();
            Set<Character.UnicodeScript> latin = EnumSet.of(Character.UnicodeScript.LATIN);
            for (String l : new String[] {"en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "nn", "no", "fi", "is",
                    "pl", "cs", "sk", "sl", "hr", "bs", "hu", "ro", "tr", "id", "ms", "vi", "ca", "eu", "gl", "et", "lv", "lt",
                    "ga", "cy", "af", "sw", "tl", "fil", "sq", "mt"}) {
                m.put(l, latin);
            }
            // The other scripts' languages also write Latin words (product names, codes).
            m.put("ja", EnumSet.of(Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA,
                    Character.UnicodeScript.KATAKANA, Character.UnicodeScript.LATIN));
            m.put("zh", EnumSet.of(Character.UnicodeScript.HAN, Character.UnicodeScript.BOPOMOFO, Character.UnicodeScript.LATIN));
            m.put("ko", EnumSet.of(Character.UnicodeScript.HANGUL, Character.UnicodeScript.HAN, Character.UnicodeScript.LATIN));
            for (String l : new String[] {"ru", "uk", "be", "bg", "mk", "kk", "ky", "mn", "tg"}) {
                m.put(l, EnumSet.of(Character.UnicodeScript.CYRILLIC, Character.UnicodeScript.LATIN));
            }
            for (String l : new String[] {"ar", "fa", "ur", "ps"}) {
                m.put(l, EnumSet.of(Character.UnicodeScript.ARABIC, Character.UnicodeScript.LATIN));
            }
            for (String l : new String[] {"he", "iw", "yi"}) {
                m.put(l, EnumSet.of(Character.UnicodeScript.HEBREW, Character.UnicodeScript.LATIN));
            }
            m.put("el", EnumSet.of(Character.UnicodeScript.GREEK, Character.UnicodeScript.LATIN));
            m.put("th", EnumSet.of(Character.UnicodeScript.THAI, Character.UnicodeScript.LATIN));
            for (String l : new String[] {"hi", "mr", "ne"}) {
                m.put(l, EnumSet.of(Character.UnicodeScript.DEVANAGARI, Character.UnicodeScript.LATIN));
            }
            return java.util.Collections.unmodifiableMap(m);
        }
    }
}
