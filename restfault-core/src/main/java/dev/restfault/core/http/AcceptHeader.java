package dev.restfault.core.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a request's {@code Accept} says, read as RFC 9110 §12.5.1 says: the most specific range
 * that matches a media type gives it its quality ({@code type/subtype} over {@code type/*} over
 * {@code *}{@code /*}), and a type no range matches has quality 0. The types asked about carry no
 * parameters: a range with parameters ({@code application/json;charset=utf-8}) counts for its bare
 * type only where no range without parameters names it. No {@code Accept} (null or blank)
 * accepts every type at 1.
 *
 * <p>The one place restfault decides whether a client prefers problem details
 * ({@link #prefersProblemDetails()}): the server picks its error format with it, the checker
 * judges servers with it.
 *
 * <p>Hostile input is bounded and never an error: only the first {@value #MAX_CHARS} characters
 * and {@value #MAX_RANGES} ranges are read, and a range that is not {@code token/token} or whose
 * {@code q} is not a qvalue counts as absent. Immutable.
 */
public final class AcceptHeader {

    /** Ranges read at most; the rest of a longer value is ignored. */
    public static final int MAX_RANGES = 64;
    /** Characters read at most; the rest of a longer value is ignored. */
    public static final int MAX_CHARS = 4096;

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern QVALUE = Pattern.compile("0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?");

    private static final class Range {
        final String type;
        final String subtype;
        final boolean parameters;
        final double q;

        Range(String type, String subtype, boolean parameters, double q) {
            this.type = type;
            this.subtype = subtype;
            this.parameters = parameters;
            this.q = q;
        }

        /** 0 when it does not match; else higher for a more specific range. */
        int specificity(String t, String s) {
            if (type.equals("*")) {
                return subtype.equals("*") ? 1 : 0;
            }
            if (!type.equals(t)) {
                return 0;
            }
            if (subtype.equals("*")) {
                return 2;
            }
            // A range with parameters (text/plain;format=flowed) names a narrower type than the
            // bare one asked about: it counts only where no bare range names the type.
            return subtype.equals(s) ? (parameters ? 3 : 4) : 0;
        }
    }

    private final List<Range> ranges;
    private final boolean any;

    private AcceptHeader(List<Range> ranges, boolean any) {
        this.ranges = ranges;
        this.any = any;
    }

    /**
     * Reads an {@code Accept} value; several header lines are one value joined with commas.
     *
     * @param accept null or blank means the request sent none
     */
    public static AcceptHeader parse(String accept) {
        if (accept == null || accept.isBlank()) {
            return new AcceptHeader(List.of(), true);
        }
        String bounded = accept.length() > MAX_CHARS ? accept.substring(0, MAX_CHARS) : accept;
        List<Range> ranges = new ArrayList<>();
        for (String element : bounded.split(",", MAX_RANGES + 1)) {
            if (ranges.size() == MAX_RANGES) {
                break;
            }
            String[] parts = element.split(";", -1);
            String[] typeAndSub = parts[0].trim().toLowerCase(Locale.ROOT).split("/", -1);
            if (typeAndSub.length != 2 || !TOKEN.matcher(typeAndSub[0]).matches() || !TOKEN.matcher(typeAndSub[1]).matches()
                    || typeAndSub[0].equals("*") && !typeAndSub[1].equals("*")) {
                continue;
            }
            double q = 1;
            boolean parameters = false;
            boolean valid = true;
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                String name = kv[0].trim().toLowerCase(Locale.ROOT);
                if (name.equals("q")) {
                    String v = kv.length == 2 ? kv[1].trim() : "";
                    if (!QVALUE.matcher(v).matches()) {
                        valid = false;
                        break;
                    }
                    q = Double.parseDouble(v);
                    break; // what follows q are accept-ext, not media-type parameters
                } else if (!name.isEmpty()) {
                    parameters = true;
                }
            }
            if (valid) {
                ranges.add(new Range(typeAndSub[0], typeAndSub[1], parameters, q));
            }
        }
        return new AcceptHeader(List.copyOf(ranges), false);
    }

    /**
     * The quality of {@code mediaType} ({@code type/subtype}, without parameters), 0..1.
     *
     * @throws NullPointerException if {@code mediaType} is null
     */
    public double quality(String mediaType) {
        if (any) {
            return 1;
        }
        String[] ts = mediaType.toLowerCase(Locale.ROOT).split("/", 2);
        int best = 0;
        double q = 0;
        for (Range r : ranges) {
            int s = r.specificity(ts[0], ts.length == 2 ? ts[1] : "");
            if (s > best) {
                best = s;
                q = r.q;
            } else if (s == best && s > 0) {
                // Two equally specific ranges (a client's mistake): the higher quality, leniently.
                q = Math.max(q, r.q);
            }
        }
        return q;
    }

    /**
     * Whether problem details ({@code application/problem+json}) get a strictly higher quality than
     * {@code application/json}. A tie keeps the contract's own JSON: it is the default, and
     * problem details a bridge for clients that ask for them. So {@code application/json;q=0,
     * *}{@code /*;q=0.1} (JSON refused, anything else accepted) prefers them, and no {@code Accept},
     * {@code *}{@code /*} or {@code application/*} does not.
     */
    public boolean prefersProblemDetails() {
        return quality(MediaType.PROBLEM_JSON) > quality(MediaType.JSON);
    }

    /**
     * {@code parse(accept).prefersProblemDetails()}, without parsing the common values that cannot
     * prefer problem details: a value that neither names {@code problem} nor carries a parameter
     * gives every range quality 1, so {@code application/json} ties with or beats problem details.
     * For the hot path of a server's error negotiation.
     *
     * @param accept null or blank means the request sent none
     */
    public static boolean prefersProblemDetails(String accept) {
        if (accept == null || accept.indexOf(';') < 0 && !containsIgnoreCase(accept, "problem")) {
            return false;
        }
        return parse(accept).prefersProblemDetails();
    }

    private static boolean containsIgnoreCase(String value, String lowerCaseWord) {
        int last = Math.min(value.length(), MAX_CHARS) - lowerCaseWord.length();
        for (int i = 0; i <= last; i++) {
            if (value.regionMatches(true, i, lowerCaseWord, 0, lowerCaseWord.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The types the value asks for by name (no wildcards, quality above 0), lower case,
     * parameters dropped. A type named with {@code q=0} is refused, not asked for.
     */
    public List<String> exactTypes() {
        List<String> out = new ArrayList<>();
        for (Range r : ranges) {
            if (!r.type.equals("*") && !r.subtype.equals("*") && r.q > 0) {
                out.add(r.type + "/" + r.subtype);
            }
        }
        return out;
    }
}
