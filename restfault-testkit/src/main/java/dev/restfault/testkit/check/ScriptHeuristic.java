package dev.restfault.testkit.check;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which scripts a text's letters use, to judge its Content-Language. Conservative: only a
 * script that plainly cannot be the labelled language counts. Kana is Japanese only; Han is
 * Chinese, Japanese or Korean; otherwise the script with the most letters must be one the
 * language is written in (Latin for en, fr, de...; Cyrillic for ru, uk...), when it has at
 * least {@value #MIN_FOREIGN_LETTERS} letters, so a short proper name in another script
 * inside a sentence never trips it. Latin-only text labelled ja or zh is a mismatch for the
 * top-level description only (a field name or code in a data entry is often Latin).
 */
final class ScriptHeuristic {

    static final int MIN_FOREIGN_LETTERS = 4;

    /** The scripts each language is written in, for the languages the checker can judge. */
    private static final Map<String, Set<Character.UnicodeScript>> WRITTEN_IN = writtenIn();

    private boolean han;
    private boolean kana;
    private boolean latin;
    private final Map<Character.UnicodeScript, Integer> letters = new EnumMap<>(Character.UnicodeScript.class);

    private ScriptHeuristic() {
    }

    /** The scripts of the letters of {@code text}'s first 4096 code points. */
    static ScriptHeuristic of(String text) {
        ScriptHeuristic s = new ScriptHeuristic();
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
        // The description itself: any kana or Han is a mismatch. Nested texts
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
        Map<String, Set<Character.UnicodeScript>> m = new HashMap<>();
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
        return Collections.unmodifiableMap(m);
    }
}
