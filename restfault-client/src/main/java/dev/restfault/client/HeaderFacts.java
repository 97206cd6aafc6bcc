package dev.restfault.client;

import dev.restfault.core.http.AuthChallenge;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.HeaderValues;
import dev.restfault.core.http.RequestIds;
import dev.restfault.core.http.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an error response's headers say (Retry-After, challenges, ids, language): the values are
 * gathered in one pass while decoding and parsed on first use, since most callers read the code
 * and the status only. Each value is computed at most a few
 * times under a race, always to the same result (the headers are immutable and the Retry-After
 * date is read against the instant the response arrived), so no lock is needed.
 *
 * <p>The headers come as any HTTP library holds them ({@code java.net.http}'s map, Spring's
 * multi-value map, Feign's map of collections): only a walk over their entries is needed.
 */
final class HeaderFacts {

    private static final Object ABSENT = new Object();

    /** The headers of interest, bucketed by the length of their names. */
    private static final String[][] BY_LENGTH = byLength(HeaderNames.CONTENT_TYPE, HeaderNames.RETRY_AFTER,
            HeaderNames.RETRY_AFTER_MS, HeaderNames.X_MS_RETRY_AFTER_MS, HeaderNames.MS_REQUEST_ID,
            HeaderNames.MS_CORRELATION_ID, HeaderNames.CONTENT_LANGUAGE, HeaderNames.WWW_AUTHENTICATE);
    /** {@link #BY_LENGTH} in lower case, entry for entry. */
    private static final String[][] LOWER_BY_LENGTH = lowerCase(BY_LENGTH);

    /**
     * When the response was decoded: what an HTTP-date {@code Retry-After} is relative to. Read
     * from the clock only when a {@code Retry-After} came (most errors have none, and the clock
     * profiled at a thirtieth of the decoding time); {@link Instant#EPOCH}, never read, otherwise.
     */
    private final Instant receivedAt;
    // The raw values of interest, gathered in one pass over the headers: a lookup in
    // HttpHeaders walks a case-insensitive tree, which costs more than this whole scan.
    private String contentTypeValue;
    private String retryAfterValue;
    private String retryAfterMsValue;
    private String xMsRetryAfterMsValue;
    private String requestIdValue;
    private String correlationIdValue;
    private String contentLanguageValue;
    private List<String> challengeValues = List.of();

    // Memoized results; null means not computed yet, ABSENT means computed and absent.
    private Object retryAfter;
    private List<AuthChallenge> challenges;
    private Object requestId;
    private Object correlationId;
    private Object contentLanguage;

    /**
     * @param headers the response headers, walked once; null values and empty collections are
     *     skipped
     * @param clock read once, while decoding, if a {@code Retry-After} came
     * @param snapshot a map to copy every header into (values copied into immutable lists), or
     *     null when the caller keeps immutable headers of its own
     */
    HeaderFacts(Map<String, ? extends Collection<String>> headers, Clock clock, Map<String, List<String>> snapshot) {
        for (Map.Entry<String, ? extends Collection<String>> e : headers.entrySet()) {
            String rawName = e.getKey();
            Collection<String> values = e.getValue();
            if (rawName == null || values == null || values.isEmpty()) {
                continue;
            }
            if (snapshot != null) {
                List<String> copy = copyOf(values);
                if (copy.isEmpty()) {
                    continue;
                }
                snapshot.merge(rawName, copy, HeaderFacts::concat);
                values = copy;
            }
            String name = interesting(rawName);
            if (name == null) {
                continue;
            }
            String first = first(values);
            if (first == null) {
                continue;
            }
            // Identity is enough: interesting() returns the HeaderNames constant itself.
            if (name == HeaderNames.CONTENT_TYPE) {
                contentTypeValue = first;
            } else if (name == HeaderNames.RETRY_AFTER) {
                retryAfterValue = first;
            } else if (name == HeaderNames.RETRY_AFTER_MS) {
                retryAfterMsValue = first;
            } else if (name == HeaderNames.X_MS_RETRY_AFTER_MS) {
                xMsRetryAfterMsValue = first;
            } else if (name == HeaderNames.MS_REQUEST_ID) {
                requestIdValue = first;
            } else if (name == HeaderNames.MS_CORRELATION_ID) {
                correlationIdValue = first;
            } else if (name == HeaderNames.CONTENT_LANGUAGE) {
                contentLanguageValue = first;
            } else if (name == HeaderNames.WWW_AUTHENTICATE) {
                challengeValues = copyOf(values);
            }
        }
        this.receivedAt = retryAfterValue != null ? clock.instant() : Instant.EPOCH;
    }

    /**
     * A new map for {@link #HeaderFacts}'s snapshot: case-insensitive, so two spellings of one
     * name end up in one entry, as {@code java.net.http.HttpHeaders} requires.
     */
    static Map<String, List<String>> newSnapshot() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    private static String first(Collection<String> values) {
        if (values instanceof List) {
            return ((List<String>) values).get(0);
        }
        Iterator<String> it = values.iterator();
        return it.hasNext() ? it.next() : null;
    }

    /** An immutable copy without nulls; {@code List.copyOf} returns an immutable list as it is. */
    private static List<String> copyOf(Collection<String> values) {
        for (String v : values) {
            if (v == null) {
                List<String> kept = new ArrayList<>(values.size());
                for (String w : values) {
                    if (w != null) {
                        kept.add(w);
                    }
                }
                return List.copyOf(kept);
            }
        }
        return List.copyOf(values);
    }

    /** Two spellings of one name (a map that is not case-insensitive): both lists, in order. */
    private static List<String> concat(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a.size() + b.size());
        both.addAll(a);
        both.addAll(b);
        return List.copyOf(both);
    }

    /** @throws AssertionError if two names of one length share their first letter, which {@link #interesting} relies on */
    private static String[][] byLength(String... names) {
        int longest = 0;
        for (String n : names) {
            longest = Math.max(longest, n.length());
        }
        String[][] table = new String[longest + 1][0];
        for (String n : names) {
            for (String other : table[n.length()]) {
                if (Character.toLowerCase(other.charAt(0)) == Character.toLowerCase(n.charAt(0))) {
                    throw new AssertionError(n + " and " + other + " share their length and first letter");
                }
            }
            String[] bucket = Arrays.copyOf(table[n.length()], table[n.length()].length + 1);
            bucket[bucket.length - 1] = n;
            table[n.length()] = bucket;
        }
        return table;
    }

    private static String[][] lowerCase(String[][] table) {
        String[][] lower = new String[table.length][];
        for (int i = 0; i < table.length; i++) {
            lower[i] = new String[table[i].length];
            for (int j = 0; j < table[i].length; j++) {
                lower[i][j] = table[i][j].toLowerCase(Locale.ROOT);
            }
        }
        return lower;
    }

    /**
     * The {@link HeaderNames} constant that {@code name} spells in any case, or null for a header
     * of no interest. Names are bucketed by length first and told apart within a bucket by their
     * first letter (no two names of one bucket share it): most headers of a response then cost no
     * comparison at all and the others one, where comparing each against all eight names
     * profiled at an eighth of the decoding time. A name is an ASCII token, so its first letter
     * in lower case is {@code c | 0x20}.
     */
    private static String interesting(String name) {
        int length = name.length();
        if (length == 0 || length >= BY_LENGTH.length) {
            return null;
        }
        String[] candidates = BY_LENGTH[length];
        String[] lower = LOWER_BY_LENGTH[length];
        char first = (char) (name.charAt(0) | 0x20);
        for (int i = 0; i < candidates.length; i++) {
            if (first != lower[i].charAt(0)) {
                continue;
            }
            // Exact matches first: java.net.http and HTTP/2 give names in lower case, other
            // clients the canonical spelling, and equals() is far cheaper than a case-insensitive walk.
            String candidate = candidates[i];
            return name.equals(lower[i]) || name.equals(candidate) || name.equalsIgnoreCase(candidate) ? candidate : null;
        }
        return null;
    }

    /** The first {@code Content-Type} value, or null. */
    String contentType() {
        return contentTypeValue;
    }

    Optional<Duration> retryAfter() {
        Object v = retryAfter;
        if (v == null) {
            v = RetryAfter.fromHeaders(this::retryAfterHeader, receivedAt).<Object>map(d -> d).orElse(ABSENT);
            retryAfter = v;
        }
        return v == ABSENT ? Optional.empty() : Optional.of((Duration) v);
    }

    /** See {@link RetryAfter#asksBeyondMaxDelay}; cheap enough not to memoize, and asked only on retry decisions. */
    boolean retryAfterBeyondMax() {
        return RetryAfter.asksBeyondMaxDelay(this::retryAfterHeader, receivedAt);
    }

    private String retryAfterHeader(String name) {
        switch (name) {
            case HeaderNames.RETRY_AFTER:
                return retryAfterValue;
            case HeaderNames.RETRY_AFTER_MS:
                return retryAfterMsValue;
            case HeaderNames.X_MS_RETRY_AFTER_MS:
                return xMsRetryAfterMsValue;
            default:
                return null;
        }
    }

    /** Every parsed challenge, the preferred first: one naming a cid, then OAuth, then the rest. */
    List<AuthChallenge> challenges() {
        List<AuthChallenge> v = challenges;
        if (v == null) {
            v = parseChallenges();
            challenges = v;
        }
        return v;
    }

    Optional<String> requestId() {
        Object v = requestId;
        if (v == null) {
            v = validId(requestIdValue);
            requestId = v;
        }
        return v == ABSENT ? Optional.empty() : Optional.of((String) v);
    }

    Optional<String> correlationId() {
        Object v = correlationId;
        if (v == null) {
            v = validId(correlationIdValue);
            correlationId = v;
        }
        return v == ABSENT ? Optional.empty() : Optional.of((String) v);
    }

    Optional<Locale> contentLanguage() {
        Object v = contentLanguage;
        if (v == null) {
            v = parseContentLanguage();
            contentLanguage = v;
        }
        return v == ABSENT ? Optional.empty() : Optional.of((Locale) v);
    }

    private List<AuthChallenge> parseChallenges() {
        List<String> values = challengeValues;
        if (values.isEmpty()) {
            return List.of();
        }
        List<AuthChallenge> all = new ArrayList<>();
        for (String value : values) {
            if (all.size() >= AuthChallenge.MAX_CHALLENGES) {
                break;
            }
            try {
                all.addAll(AuthChallenge.parseAll(value));
            } catch (IllegalArgumentException malformed) {
                // Tolerant: a malformed challenge is absent; the status still says 401.
            }
        }
        all.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        return List.copyOf(all.size() > AuthChallenge.MAX_CHALLENGES ? all.subList(0, AuthChallenge.MAX_CHALLENGES) : all);
    }

    private static int rank(AuthChallenge c) {
        if (c.cid().isPresent()) {
            return 0;
        }
        return c.scheme().equalsIgnoreCase("OAuth") ? 1 : 2;
    }

    private static Object validId(String value) {
        if (value == null) {
            return ABSENT;
        }
        String id = value.trim();
        return RequestIds.isValid(id) ? id : ABSENT;
    }

    private Object parseContentLanguage() {
        String v = contentLanguageValue;
        if (v == null || v.length() > 256 || !HeaderValues.isSafe(v)) {
            return ABSENT;
        }
        int comma = v.indexOf(',');
        String tag = (comma < 0 ? v : v.substring(0, comma)).trim();
        if (tag.isEmpty() || tag.length() > 35) {
            return ABSENT;
        }
        Locale locale = Locale.forLanguageTag(tag);
        return locale.getLanguage().isEmpty() ? ABSENT : locale;
    }
}
