package dev.restfault.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link RequestIds#isValid}: exactly the canonical 8-4-4-4-12 form, checked against a regular
 * expression for every character at every position; {@link RequestIds#generate()}: canonical
 * version 4 GUIDs, never repeated, every random bit random, across the generator's block refills
 * and from many threads at once.
 */
class RequestIdsTest {

    /** Enough ids that every stripe refills its block many times over. */
    private static final int PER_THREAD = 20 * GuidSource.BLOCK / 16;
    private static final int THREADS = 8;

    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Test
    void everyCharacterAtEveryPositionIsJudgedAsTheCanonicalFormSays() {
        String base = "4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2C";
        assertThat(RequestIds.isValid(base)).isTrue();
        int judged = 0;
        for (int position = 0; position < base.length(); position++) {
            // All of Latin-1 and beyond, and characters that look like digits or dashes.
            for (char c = 0; c < 0x250; c++) {
                judged += judge(base.substring(0, position) + c + base.substring(position + 1));
            }
            for (char c : new char[] {'\uFF10', '\uFF21', '\u2010', '\u2212', '\u0660', '\uFFFF'}) {
                judged += judge(base.substring(0, position) + c + base.substring(position + 1));
            }
        }
        assertThat(judged).isEqualTo(36 * (0x250 + 6));
    }

    @Test
    void wrongLengthsBracesWhitespaceAndNullAreNotValid() {
        String id = "4ee9b3c8-0ea9-4b3b-a1f3-8a9ce1f3ad2c";
        for (String value : new String[] {null, "", id.substring(1), id + "0", "{" + id + "}", " " + id, id + " ",
                id.replace("-", ""), "4ee9b3c80-ea9-4b3b-a1f3-8a9ce1f3ad2c"}) {
            assertThat(RequestIds.isValid(value)).as("%s", value).isFalse();
            assertThat(judge(value == null ? "" : value)).isEqualTo(1);
        }
    }

    private static int judge(String value) {
        assertThat(RequestIds.isValid(value)).as("%s", value).isEqualTo(CANONICAL.matcher(value).matches());
        return 1;
    }

    @Test
    void generatesCanonicalLowerCaseVersion4Guids() {
        for (int i = 0; i < 3 * GuidSource.BLOCK / 16; i++) {
            String id = RequestIds.generate();
            assertThat(RequestIds.isValid(id)).isTrue();
            assertThat(id).isLowerCase().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            UUID parsed = UUID.fromString(id);
            assertThat(parsed.version()).isEqualTo(4);
            assertThat(parsed.variant()).isEqualTo(2); // IETF
        }
    }

    @Test
    void idsFromManyThreadsAreAllDistinctAndEveryRandomDigitVaries() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<String> ids = new ArrayList<>();
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                tasks.add(() -> {
                    List<String> mine = new ArrayList<>(PER_THREAD);
                    for (int i = 0; i < PER_THREAD; i++) {
                        mine.add(RequestIds.generate());
                    }
                    return mine;
                });
            }
            for (Future<List<String>> f : pool.invokeAll(tasks)) {
                ids.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).hasSize(THREADS * PER_THREAD);
        assertThat(new HashSet<>(ids)).hasSize(ids.size());

        // Each of the 30 fully random hex digits takes all 16 values, and none is stuck: a source
        // that reused bytes, counted, or left part of the id constant fails here.
        for (int position = 0; position < 36; position++) {
            if (position == 8 || position == 13 || position == 18 || position == 23 || position == 14) {
                continue; // dashes, and the version digit
            }
            Set<Character> seen = new HashSet<>();
            int[] counts = new int[16];
            for (String id : ids) {
                char c = id.charAt(position);
                seen.add(c);
                counts[Character.digit(c, 16)]++;
            }
            if (position == 19) { // the variant digit: 8, 9, a or b
                assertThat(seen).containsExactlyInAnyOrder('8', '9', 'a', 'b');
                continue;
            }
            assertThat(seen).as("digit %d", position).hasSize(16);
            int expected = ids.size() / 16;
            for (int count : counts) {
                // 10,240 draws per value on average; 20 % either way is over 20 standard deviations.
                assertThat(count).as("digit %d", position).isBetween(expected * 8 / 10, expected * 12 / 10);
            }
        }
    }

    @Test
    void consecutiveIdsOfOneThreadShareNoPrefix() {
        // Ids cut from one block must not look sequential: their leading digits differ as random
        // ones do (a collision of the first 8 digits between neighbours is a 1 in 4 billion event).
        String previous = RequestIds.generate();
        for (int i = 0; i < 4 * GuidSource.BLOCK / 16; i++) {
            String id = RequestIds.generate();
            assertThat(id.substring(0, 8)).isNotEqualTo(previous.substring(0, 8));
            previous = id;
        }
    }
}
