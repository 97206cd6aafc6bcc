package dev.restfault.core.http;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code Retry-After} values: building the header a server sends with 429 and 503, and reading
 * the delay a server asked for.
 *
 * <p>Reading accepts what RFC 9110 section 10.2.3 allows (delay-seconds, or an HTTP-date in any
 * of the three formats of section 5.6.7) and the millisecond headers Microsoft services send
 * ({@code retry-after-ms}, {@code x-ms-retry-after-ms}). A value that is negative, malformed,
 * carries control characters, or asks for more than {@link #MAX_DELAY} is <em>rejected</em>
 * (an empty result), never trusted: a client must not sleep for a year because a proxy said so.
 * A date in the past means "now" (zero).
 */
public final class RetryAfter {

    /** The longest delay a reader accepts; longer values are treated as malformed. */
    public static final Duration MAX_DELAY = Duration.ofDays(1);

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_850 =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private RetryAfter() {
    }

    /**
     * The header value for a delay: whole seconds, rounded up so a client never comes back early.
     *
     * @throws IllegalArgumentException if {@code delay} is null, negative or over {@link #MAX_DELAY}
     */
    public static String toHeaderValue(Duration delay) {
        requireValid(delay);
        long seconds = delay.getSeconds() + (delay.getNano() > 0 ? 1 : 0);
        return Long.toString(seconds);
    }

    /** The header value as an IMF-fixdate: {@code now + delay}, for servers that prefer a date. */
    public static String toHttpDate(Instant when) {
        Objects.requireNonNull(when, "when");
        return IMF_FIXDATE.format(when);
    }

    /**
     * Returns {@code delay} if a server may announce it: non-null, not negative, at most
     * {@link #MAX_DELAY}.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static Duration requireValid(Duration delay) {
        if (delay == null) {
            throw new IllegalArgumentException("Retry-After delay must not be null");
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("Retry-After delay must not be negative, was " + delay);
        }
        if (delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("Retry-After delay " + delay + " exceeds " + MAX_DELAY);
        }
        return delay;
    }

    /**
     * Parses a {@code Retry-After} value: delay-seconds or an HTTP-date, relative to {@code now}.
     *
     * @return the delay, or empty if the value is null, malformed, negative or over {@link #MAX_DELAY}
     */
    public static Optional<Duration> parse(String value, Instant now) {
        Objects.requireNonNull(now, "now");
        if (value == null || !HeaderValues.isSafe(value)) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.isEmpty() || v.length() > 64) {
            return Optional.empty();
        }
        if (isDigits(v)) {
            return seconds(v);
        }
        return httpDate(v).map(date -> {
            Duration d = Duration.between(now, date);
            return d.isNegative() ? Duration.ZERO : d;
        }).filter(d -> d.compareTo(MAX_DELAY) <= 0);
    }

    /**
     * Parses a millisecond value ({@code retry-after-ms}, {@code x-ms-retry-after-ms}): decimal
     * digits only.
     *
     * @return the delay, or empty if the value is null, malformed, negative or over {@link #MAX_DELAY}
     */
    public static Optional<Duration> parseMillis(String value) {
        if (value == null || !HeaderValues.isSafe(value)) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.isEmpty() || !isDigits(v)) {
            return Optional.empty();
        }
        return millis(v);
    }

    /** Decimal digits as milliseconds, at most {@link #MAX_DELAY}; leading zeros are not length. */
    private static Optional<Duration> millis(String digits) {
        // 86400000 has 8 digits; anything with more than 12 (leading zeros aside) is absurd.
        String trimmed = digits.replaceFirst("^0+(?=.)", "");
        if (trimmed.length() > 12) {
            return Optional.empty();
        }
        Duration d = Duration.ofMillis(Long.parseLong(trimmed));
        return d.compareTo(MAX_DELAY) <= 0 ? Optional.of(d) : Optional.empty();
    }

    /**
     * The delay a response asks for, from its headers: {@code retry-after-ms}, then
     * {@code x-ms-retry-after-ms} (more precise), then {@code Retry-After}. A header whose value
     * is rejected is skipped, not fatal.
     *
     * @param header looks a header up by name (case-insensitively) and returns its first value or null
     */
    public static Optional<Duration> fromHeaders(Function<String, String> header, Instant now) {
        Objects.requireNonNull(header, "header");
        Optional<Duration> d = parseMillis(header.apply(HeaderNames.RETRY_AFTER_MS));
        if (d.isEmpty()) {
            d = parseMillis(header.apply(HeaderNames.X_MS_RETRY_AFTER_MS));
        }
        if (d.isEmpty()) {
            d = parse(header.apply(HeaderNames.RETRY_AFTER), now);
        }
        return d;
    }

    /**
     * Whether the headers ask, in a well-formed value, for a longer wait than {@link #MAX_DELAY}:
     * delay-seconds or milliseconds of any size, or an HTTP-date further ahead than that. Such a
     * value is rejected as a delay ({@link #fromHeaders} skips it) but is not noise: a server
     * that says "come back in two days" must not be called again in two seconds, so a client
     * treats it as a wait too long to make. Malformed, negative or unsafe values are not asking.
     *
     * @param header as for {@link #fromHeaders}
     * @throws NullPointerException if {@code header} or {@code now} is null
     */
    public static boolean asksBeyondMaxDelay(Function<String, String> header, Instant now) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(now, "now");
        // Digits are never malformed: when they do not make a delay, they asked for too long.
        for (String name : new String[] {HeaderNames.RETRY_AFTER_MS, HeaderNames.X_MS_RETRY_AFTER_MS}) {
            String v = trimmedSafe(header.apply(name));
            if (v != null && isDigits(v) && millis(v).isEmpty()) {
                return true;
            }
        }
        String v = trimmedSafe(header.apply(HeaderNames.RETRY_AFTER));
        if (v == null) {
            return false;
        }
        if (isDigits(v)) {
            return seconds(v).isEmpty();
        }
        return v.length() <= 64 && httpDate(v).map(date -> Duration.between(now, date).compareTo(MAX_DELAY) > 0)
                .orElse(false);
    }

    /** The trimmed value if it is present, safe and not empty; null otherwise. */
    private static String trimmedSafe(String value) {
        if (value == null || !HeaderValues.isSafe(value)) {
            return null;
        }
        String v = value.trim();
        return v.isEmpty() ? null : v;
    }

    private static Optional<Duration> seconds(String digits) {
        // 86400 has 5 digits; anything with more than 6 (leading zeros aside) is absurd.
        String trimmed = digits.replaceFirst("^0+(?=.)", "");
        if (trimmed.length() > 6) {
            return Optional.empty();
        }
        Duration d = Duration.ofSeconds(Long.parseLong(trimmed));
        return d.compareTo(MAX_DELAY) <= 0 ? Optional.of(d) : Optional.empty();
    }

    private static Optional<Instant> httpDate(String v) {
        for (DateTimeFormatter f : new DateTimeFormatter[] {IMF_FIXDATE, RFC_850, ASCTIME}) {
            try {
                ZonedDateTime parsed = ZonedDateTime.parse(v, f);
                return Optional.of(fixTwoDigitYear(parsed, f).toInstant());
            } catch (DateTimeParseException | ArithmeticException notThisFormat) {
                // try the next format
            } catch (DateTimeException invalid) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 9110: a two-digit year more than 50 years in the future is in the past century.
     * {@code yy} parses into 2000..2099, which only matters for RFC 850 dates.
     */
    private static ZonedDateTime fixTwoDigitYear(ZonedDateTime parsed, DateTimeFormatter f) {
        if (f == RFC_850 && parsed.getYear() > ZonedDateTime.now(ZoneOffset.UTC).getYear() + 50) {
            return parsed.minusYears(100);
        }
        return parsed;
    }

    private static boolean isDigits(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !v.isEmpty();
    }
}
