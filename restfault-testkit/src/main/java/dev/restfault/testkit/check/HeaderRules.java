package dev.restfault.testkit.check;

import dev.restfault.core.catalog.HeaderRule;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.HeaderValues;
import dev.restfault.core.http.MediaType;
import dev.restfault.core.http.RequestIds;
import dev.restfault.core.http.RetryAfter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The header rules: request ids on every response; on every error {@code Content-Type},
 * {@code Cache-Control: no-store} and {@code X-Content-Type-Options: nosniff}; the headers the
 * catalog's {@link StatusEntry#headers()} calls for, and the form of {@code Allow},
 * {@code Retry-After} and {@code ETag} (the challenge's is {@link ChallengeRules}'). Which status
 * needs which header is the catalog's to say, never this class's.
 */
final class HeaderRules {

    private HeaderRules() {
    }

    /** {@code MS-CorrelationId} and {@code MS-RequestId}: GUIDs, once, the request's own when it sent valid ones. */
    static void checkIds(ObservedResponse r, List<Violation> out) {
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

    /**
     * An error's {@code Content-Type}: present, once, one of the two error media types, UTF-8 if
     * it names a charset (JSON defines none, so none passes).
     *
     * @return the first value, read by core's {@link MediaType}; null when there is none
     */
    static MediaType checkContentType(ResponseHeaders h, List<Violation> out) {
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
        String charset = media.charset().orElse(null);
        if (!media.isErrorMediaType()) {
            out.add(Violation.of(Rule.CONTENT_TYPE, (media.essence().isEmpty() ? "an empty media type" : media.essence())
                    + ", not application/json or application/problem+json", "Content-Type: " + media.value()));
        } else if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            out.add(Violation.of(Rule.CONTENT_TYPE, "charset " + charset + ", not utf-8", "Content-Type: " + media.value()));
        }
        return media;
    }

    /** {@code Cache-Control} with {@code no-store}; {@code X-Content-Type-Options: nosniff}, once. */
    static void checkCaching(ResponseHeaders h, List<Violation> out) {
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

    /**
     * The headers {@code entry} calls for ({@link HeaderRule.Requirement#ALWAYS} ones present),
     * the challenge and {@code Allow} of the statuses that call for them, and the form of
     * {@code Retry-After} (judged at {@code now}) and {@code ETag} wherever they are sent.
     */
    static void checkStatusHeaders(StatusEntry entry, ResponseHeaders h, Instant now, List<Violation> out) {
        int status = entry.status();
        for (HeaderRule rule : entry.headers()) {
            if (rule.requirement() == HeaderRule.Requirement.ALWAYS && !h.contains(rule.name())) {
                out.add(Violation.of(Rule.REQUIRED_HEADER, status + " without " + rule.name(), null));
            }
        }
        if (entry.header(HeaderNames.WWW_AUTHENTICATE).isPresent() && h.contains(HeaderNames.WWW_AUTHENTICATE)) {
            ChallengeRules.check(String.join(", ", h.all(HeaderNames.WWW_AUTHENTICATE)), out);
        }
        if (entry.header(HeaderNames.ALLOW).isPresent() && h.contains(HeaderNames.ALLOW)) {
            checkAllow(status, String.join(",", h.all(HeaderNames.ALLOW)), out);
        }
        List<String> retryAfter = h.all(HeaderNames.RETRY_AFTER);
        if (retryAfter.size() > 1) {
            out.add(Violation.of(Rule.RETRY_AFTER, "Retry-After sent " + retryAfter.size() + " times", String.join(" | ", retryAfter)));
        } else if (retryAfter.size() == 1 && RetryAfter.parse(retryAfter.get(0), now).isEmpty()) {
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

    /** {@code Allow}: at least one method, each a token. */
    private static void checkAllow(int status, String allow, List<Violation> out) {
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
            out.add(Violation.of(Rule.ALLOW, status + " with an empty Allow", "Allow: " + allow));
        } else if (!bad.isEmpty()) {
            out.add(Violation.of(Rule.ALLOW, "Allow lists something that is not a method", "Allow: " + allow));
        }
    }
}
