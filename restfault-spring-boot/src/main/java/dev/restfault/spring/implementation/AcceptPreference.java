package dev.restfault.spring.implementation;

import java.util.Enumeration;
import java.util.Locale;

/**
 * Whether a request's {@code Accept} prefers RFC 9457 problem details over plain JSON.
 *
 * <p>It does when the quality that applies to {@code application/problem+json} is above the one
 * that applies to {@code application/json}, each taken from the most specific range that matches
 * (its own entry, else {@code application/*}, else {@code *}{@code /*}; RFC 9110 §12.5.1). Equal
 * qualities keep the contract's JSON: the contract's shape is the default and problem details a
 * bridge for clients that ask for it. So {@code application/json;q=0, *}{@code /*;q=0.1}, which
 * refuses JSON and accepts anything else, gets problem details.
 *
 * <p>Hostile input is bounded, never an error: only the first {@value #MAX_ENTRIES} entries and
 * {@value #MAX_CHARS} characters are read, and malformed entries are skipped.
 */
public final class AcceptPreference {

    static final int MAX_ENTRIES = 64;
    static final int MAX_CHARS = 4096;

    private AcceptPreference() {
    }

    /** @param acceptHeaders the request's {@code Accept} values; null or empty prefers nothing */
    public static boolean prefersProblemDetails(Enumeration<String> acceptHeaders) {
        if (acceptHeaders == null) {
            return false;
        }
        double problem = -1;
        double jsonExact = -1;
        double jsonWild = -1;
        double all = -1;
        int entries = 0;
        int chars = 0;
        while (acceptHeaders.hasMoreElements() && entries < MAX_ENTRIES && chars < MAX_CHARS) {
            String value = acceptHeaders.nextElement();
            if (value == null) {
                continue;
            }
            if (value.length() > MAX_CHARS - chars) {
                value = value.substring(0, MAX_CHARS - chars);
            }
            chars += value.length();
            int start = 0;
            while (start <= value.length() && entries < MAX_ENTRIES) {
                int comma = value.indexOf(',', start);
                int end = comma < 0 ? value.length() : comma;
                String entry = value.substring(start, end).trim();
                start = end + 1;
                if (entry.isEmpty()) {
                    if (comma < 0) {
                        break;
                    }
                    continue;
                }
                entries++;
                int semi = entry.indexOf(';');
                String type = (semi < 0 ? entry : entry.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
                double q = semi < 0 ? 1.0 : quality(entry.substring(semi + 1));
                if (q < 0) {
                    continue;
                }
                switch (type) {
                    case "application/problem+json":
                        problem = Math.max(problem, q);
                        break;
                    case "application/json":
                        jsonExact = Math.max(jsonExact, q);
                        break;
                    case "application/*":
                        jsonWild = Math.max(jsonWild, q);
                        break;
                    case "*/*":
                        all = Math.max(all, q);
                        break;
                    default:
                        break;
                }
                if (comma < 0) {
                    break;
                }
            }
        }
        // RFC 9110 §12.5.1: the most specific range that matches a type gives its quality, so
        // application/json;q=0 with */* refuses JSON while */* still accepts problem+json.
        double wild = jsonWild >= 0 ? jsonWild : all;
        double problemQ = problem >= 0 ? problem : wild;
        if (problemQ <= 0) {
            return false;
        }
        double json = jsonExact >= 0 ? jsonExact : wild;
        return problemQ > json;
    }

    /** The q parameter of one entry's parameters; 1 without one, -1 if malformed. */
    private static double quality(String params) {
        for (String p : params.split(";", 8)) {
            String t = p.trim();
            if (t.length() >= 2 && (t.charAt(0) == 'q' || t.charAt(0) == 'Q') && t.charAt(1) == '=') {
                String v = t.substring(2).trim();
                if (!v.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
                    return -1;
                }
                return Double.parseDouble(v);
            }
        }
        return 1.0;
    }
}
