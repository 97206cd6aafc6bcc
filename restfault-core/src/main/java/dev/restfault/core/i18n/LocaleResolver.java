package dev.restfault.core.i18n;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chooses the language of an error: {@code X-Locale} (Partner Center's header) wins over
 * {@code Accept-Language}; the fallback is the first supported locale (en-US by default).
 *
 * <p>{@code Accept-Language} is read as RFC 4647 language ranges with quality values and matched
 * by RFC 4647 <em>lookup</em> ({@link Locale#lookupTag}): the range {@code fr-CA} finds
 * {@code fr-FR} through the language alone, {@code zh-Hant-TW}, {@code zh-Hant}, {@code zh-HK}
 * and {@code zh-MO} find zh-TW (the Traditional Chinese the seed ships), {@code q=0} excludes
 * a language, {@code *} takes the default.
 *
 * <p>Hostile input is bounded, never an error: an {@code X-Locale} over {@value #MAX_X_LOCALE}
 * characters or that is not a language tag is ignored; of {@code Accept-Language}, only the first
 * {@value #MAX_HEADER} characters and {@value #MAX_RANGES} ranges are read, and malformed ranges
 * are skipped. Immutable and thread-safe.
 */
public final class LocaleResolver {

    /** Longest {@code X-Locale} value considered. */
    public static final int MAX_X_LOCALE = 64;
    /** Longest {@code Accept-Language} prefix read. */
    public static final int MAX_HEADER = 4096;
    /** Most language ranges read from {@code Accept-Language}. */
    public static final int MAX_RANGES = 64;

    private static final Pattern RANGE = Pattern.compile("\\*|[A-Za-z]{1,8}(-(\\*|[A-Za-z0-9]{1,8}))*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*");
    private static final LocaleResolver DEFAULTS = new LocaleResolver(SupportedLocales.ALL);

    private final List<Locale> supported;
    private final Map<String, Locale> byTag;

    private LocaleResolver(List<Locale> supported) {
        this.supported = List.copyOf(supported);
        Map<String, Locale> tags = new LinkedHashMap<>();
        for (Locale l : this.supported) {
            tags.putIfAbsent(l.toLanguageTag().toLowerCase(Locale.ROOT), l);
        }
        for (Locale l : this.supported) {
            tags.putIfAbsent(l.getLanguage(), l);
            if (l.getLanguage().equals("zh") && l.getCountry().equals("TW")) {
                for (String alias : new String[] {"zh-hant-tw", "zh-hant", "zh-hk", "zh-mo", "zh-hant-hk", "zh-hant-mo"}) {
                    tags.putIfAbsent(alias, l);
                }
            }
        }
        this.byTag = tags;
    }

    /** Resolves among en-US, fr-FR, ja-JP and zh-TW, falling back to en-US. */
    public static LocaleResolver defaults() {
        return DEFAULTS;
    }

    /**
     * Resolves among {@code supported}; the first is the fallback.
     *
     * @throws IllegalArgumentException if {@code supported} is null, empty or holds null
     */
    public static LocaleResolver of(List<Locale> supported) {
        if (supported == null || supported.isEmpty()) {
            throw new IllegalArgumentException("supported locales must not be empty");
        }
        for (Locale l : supported) {
            if (l == null || l.getLanguage().isEmpty()) {
                throw new IllegalArgumentException("supported locales must be non-null with a language");
            }
        }
        return new LocaleResolver(supported);
    }

    /** The supported locales, the fallback first. */
    public List<Locale> supported() {
        return supported;
    }

    /** The locale when the client asks for nothing supported. */
    public Locale fallback() {
        return supported.get(0);
    }

    /**
     * The locale for a request.
     *
     * @param xLocale the {@code X-Locale} header, or null
     * @param acceptLanguage the {@code Accept-Language} header, or null
     * @return one of {@link #supported()}, never null
     */
    public Locale resolve(String xLocale, String acceptLanguage) {
        return fromXLocale(xLocale).or(() -> fromAcceptLanguage(acceptLanguage)).orElse(fallback());
    }

    /** The supported locale {@code X-Locale} names, if it is a well-formed tag that matches one. */
    public Optional<Locale> fromXLocale(String xLocale) {
        if (xLocale == null) {
            return Optional.empty();
        }
        String tag = xLocale.trim();
        if (tag.isEmpty() || tag.length() > MAX_X_LOCALE || !TAG.matcher(tag).matches()) {
            return Optional.empty();
        }
        return lookup(List.of(new Locale.LanguageRange(tag.replace('_', '-'))));
    }

    /** The best supported locale for an {@code Accept-Language} value, if any matches. */
    public Optional<Locale> fromAcceptLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        String value = acceptLanguage.length() > MAX_HEADER ? acceptLanguage.substring(0, MAX_HEADER) : acceptLanguage;
        List<Locale.LanguageRange> ranges = new ArrayList<>();
        for (String part : value.split(",", MAX_RANGES + 1)) {
            if (ranges.size() == MAX_RANGES) {
                break;
            }
            parseRange(part).ifPresent(ranges::add);
        }
        // Stable sort by weight: equal weights keep the client's order, as RFC 9110 suggests.
        ranges.sort((a, b) -> Double.compare(b.getWeight(), a.getWeight()));
        return lookup(ranges);
    }

    private static Optional<Locale.LanguageRange> parseRange(String part) {
        String[] pieces = part.trim().split(";", -1);
        String range = pieces[0].trim();
        if (!RANGE.matcher(range).matches()) {
            return Optional.empty();
        }
        double weight = 1.0;
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i].trim();
            if (p.length() >= 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                String q = p.substring(2).trim();
                if (!q.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
                    return Optional.empty();
                }
                weight = Double.parseDouble(q);
            }
        }
        try {
            return Optional.of(new Locale.LanguageRange(range, weight));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private Optional<Locale> lookup(List<Locale.LanguageRange> ranges) {
        if (ranges.isEmpty()) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> accepted = new ArrayList<>();
        for (Locale.LanguageRange r : ranges) {
            if (r.getWeight() > 0) {
                if (r.getRange().equals("*")) {
                    accepted.add(r);
                    break; // RFC 4647 3.4: "*" ends lookup with the default
                }
                if (!excluded(r.getRange(), ranges)) {
                    accepted.add(r);
                }
            }
        }
        for (Locale.LanguageRange r : accepted) {
            if (r.getRange().equals("*")) {
                return Optional.of(fallback());
            }
            if (isSimplifiedChinese(r.getRange())) {
                // Lookup would truncate zh-CN to zh and serve Traditional characters to a
                // Simplified Chinese reader; falling through to the next range is better.
                continue;
            }
            String tag = Locale.lookupTag(List.of(new Locale.LanguageRange(r.getRange())), byTag.keySet());
            if (tag != null) {
                return Optional.of(byTag.get(tag));
            }
        }
        return Optional.empty();
    }

    private static boolean isSimplifiedChinese(String range) {
        String r = range.toLowerCase(Locale.ROOT);
        return r.startsWith("zh-hans") || r.startsWith("zh-cn") || r.startsWith("zh-sg");
    }

    /** Whether a q=0 range excludes {@code range} ("fr;q=0" excludes "fr-CA"). */
    private static boolean excluded(String range, List<Locale.LanguageRange> all) {
        for (Locale.LanguageRange r : all) {
            if (r.getWeight() == 0 && (range.equals(r.getRange()) || range.startsWith(r.getRange() + "-"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "LocaleResolver" + supported;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocaleResolver && ((LocaleResolver) o).supported.equals(supported);
    }

    @Override
    public int hashCode() {
        return Objects.hash(supported);
    }
}
