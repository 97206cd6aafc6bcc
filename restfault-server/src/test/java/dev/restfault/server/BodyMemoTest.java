package dev.restfault.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.ErrorWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The memo of rendered bodies: a body from it is always the writer's bytes for exactly the error
 * asked for, a repeated error is encoded once, and it stays bounded. Bounded by count, no timing.
 */
class BodyMemoTest {

    private static final ErrorWriter WRITER = ErrorWriter.standard();

    @Test
    void aRepeatedErrorIsEncodedOnceAndGivesTheWritersBytes() {
        BodyMemo memo = new BodyMemo(WRITER);
        PartnerCenterError error = PartnerCenterError.of("unauthorized", "Sign in first.", "svc");
        byte[] first = memo.write(ErrorFormat.PARTNER_CENTER, error, 401, null);
        assertThat(first).isEqualTo(WRITER.write(ErrorFormat.PARTNER_CENTER, error, 401, null));
        // An equal error built anew, as each request builds its own, finds the same bytes.
        PartnerCenterError again = PartnerCenterError.of("unauthorized", new String("Sign in first."), "svc");
        assertThat(memo.write(ErrorFormat.PARTNER_CENTER, again, 401, null)).isSameAs(first);
    }

    @Test
    void everythingTheBytesDependOnIsPartOfTheKey() {
        BodyMemo memo = new BodyMemo(WRITER);
        PartnerCenterError error = PartnerCenterError.of("conflict", "Already there.", "svc");
        memo.write(ErrorFormat.PROBLEM_DETAILS, error, 409, "Conflict");
        // Each differs from the remembered body in one argument, and must not be answered with it.
        assertWritersBytes(memo, ErrorFormat.PROBLEM_DETAILS, error, 409, "Conflit");
        assertWritersBytes(memo, ErrorFormat.PROBLEM_DETAILS, error, 412, "Conflict");
        assertWritersBytes(memo, ErrorFormat.PARTNER_CENTER, error, 409, null);
        assertWritersBytes(memo, ErrorFormat.PARTNER_API, error, 409, null);
        assertWritersBytes(memo, ErrorFormat.PROBLEM_DETAILS, PartnerCenterError.of("conflict", "Already here.", "svc"), 409, "Conflict");
        assertWritersBytes(memo, ErrorFormat.PROBLEM_DETAILS, PartnerCenterError.of("conflict", "Already there.", "api"), 409, "Conflict");
        assertWritersBytes(memo, ErrorFormat.PROBLEM_DETAILS, error.toBuilder()
                .addData(PartnerCenterError.of("name", "Taken.", "name")).build(), 409, "Conflict");
    }

    @Test
    void manyErrorsSharingSlotsAlwaysGetTheirOwnBytes() {
        // Far more distinct errors than slots, in random order with repeats: every answer is the
        // writer's bytes for the error asked for, whatever another one left in its slot.
        BodyMemo memo = new BodyMemo(WRITER);
        List<PartnerCenterError> errors = new ArrayList<>();
        for (int i = 0; i < 4 * BodyMemo.SLOTS; i++) {
            errors.add(PartnerCenterError.of("code" + (i % 7), "Text " + i + ".", "svc"));
        }
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            PartnerCenterError e = errors.get(random.nextInt(errors.size()));
            int status = 400 + random.nextInt(3);
            assertThat(memo.write(ErrorFormat.PARTNER_CENTER, e, status, null))
                    .isEqualTo(WRITER.write(ErrorFormat.PARTNER_CENTER, e, status, null));
        }
    }

    @Test
    void aLargeBodyIsNotKept() {
        BodyMemo memo = new BodyMemo(WRITER);
        PartnerCenterError.Builder b = PartnerCenterError.builder().code("badRequest").description("Invalid.").source("svc");
        for (int i = 0; i < 40; i++) {
            b.addData(PartnerCenterError.of("field" + i, "This field is not valid at all.", "body.field" + i));
        }
        PartnerCenterError large = b.build();
        byte[] first = memo.write(ErrorFormat.PARTNER_CENTER, large, 400, null);
        assertThat(first.length).isGreaterThan(BodyMemo.MAX_BODY_BYTES);
        byte[] second = memo.write(ErrorFormat.PARTNER_CENTER, large, 400, null);
        assertThat(second).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void threadsRenderingTheSameErrorsConcurrentlyAllGetTheRightBytes() throws Exception {
        BodyMemo memo = new BodyMemo(WRITER);
        List<PartnerCenterError> errors = new ArrayList<>();
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < 2 * BodyMemo.SLOTS; i++) {
            PartnerCenterError e = PartnerCenterError.of("code" + (i % 5), "Text number " + i + ".", "svc");
            errors.add(e);
            expected.add(WRITER.write(ErrorFormat.PARTNER_CENTER, e, 400, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    int wrong = 0;
                    for (int n = 0; n < 10_000; n++) {
                        int i = random.nextInt(errors.size());
                        if (!java.util.Arrays.equals(memo.write(ErrorFormat.PARTNER_CENTER, errors.get(i), 400, null),
                                expected.get(i))) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertWritersBytes(BodyMemo memo, ErrorFormat format, PartnerCenterError e, int status, String title) {
        assertThat(memo.write(format, e, status, title)).isEqualTo(WRITER.write(format, e, status, title));
    }
}
