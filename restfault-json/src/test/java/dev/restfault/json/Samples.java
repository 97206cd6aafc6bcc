package dev.restfault.json;

import dev.restfault.core.model.InnerError;
import dev.restfault.core.model.PartnerApiError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.core.model.ProblemDetail;
import dev.restfault.json.implementation.ErrorEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Seeded-random generators of model objects and a property-check loop: on failure it reports the
 * seed, so a run replays with {@code -Drestfault.seed=N}.
 */
final class Samples {

    private Samples() {
    }

    static <T> void forAll(int tries, Function<SplittableRandom, T> generator, Consumer<T> check) {
        long seed = Long.getLong("restfault.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < tries; i++) {
            T sample = generator.apply(random);
            try {
                check.accept(sample);
            } catch (AssertionError | RuntimeException e) {
                String shown = String.valueOf(sample);
                throw new AssertionError("property failed on try " + i + " (replay with -Drestfault.seed=" + seed
                        + "): sample=" + (shown.length() > 2000 ? shown.substring(0, 2000) + "..." : shown), e);
            }
        }
    }

    /** Pieces of text chosen to stress encoders: controls, quotes, non-ASCII, emoji, combining marks. */
    private static final String[] PIECES = {
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u0000", "\u0001", "\u001f", "\u007f",
        "\u0085", "\u009f", "\u2028", "\u2029", "é", "ß", "日本語", "中文", "錯誤", "\uD83D\uDE00",
        "\uD83D\uDC69\u200D\uD83D\uDCBB", "e\u0301", "\uFEFF", "\uFFFD", "<script>", "&amp;", "{", "}", "[",
        "]", ":", ",", "\u00A0", "%s", "${x}", "\uD800\uDC00", "\uDBFF\uDFFF"
    };

    /** A well-formed (no lone surrogates) string of up to {@code maxPieces} pieces. */
    static String text(SplittableRandom r, int minPieces, int maxPieces) {
        int n = minPieces + r.nextInt(maxPieces - minPieces + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (r.nextInt(4) == 0) {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
            } else {
                sb.append((char) ('a' + r.nextInt(26)));
            }
        }
        return sb.toString();
    }

    /** A non-blank code. */
    static String code(SplittableRandom r) {
        switch (r.nextInt(4)) {
            case 0:
                return String.valueOf(r.nextInt(100_000));
            case 1:
                return "notFound";
            default:
                return (char) ('a' + r.nextInt(26)) + text(r, 0, 12);
        }
    }

    /** A description; sometimes over 1024 code units, so the model cuts it. */
    static String description(SplittableRandom r) {
        if (r.nextInt(20) == 0) {
            return text(r, 900, 1400);
        }
        return text(r, 1, 60);
    }

    /**
     * A Partner Center error; at depth 1 (a document's top level) its source always names a
     * component, as docs/contract.md (section Wire formats) requires and the writer enforces;
     * below, it may be empty.
     */
    static PartnerCenterError partnerCenter(SplittableRandom r, int depth) {
        String source = depth > 1 && r.nextInt(5) == 0 ? "" : text(r, 1, 10);
        if (depth <= 1 && dev.restfault.core.model.Descriptions.isBlank(source)) {
            source = "svc" + source;
        }
        PartnerCenterError.Builder b = PartnerCenterError.builder()
                .code(code(r))
                .description(description(r))
                .source(source);
        if (depth < 3 && r.nextInt(3) == 0) {
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                b.addData(partnerCenter(r, depth + 1));
            }
        }
        return b.build();
    }

    static InnerError innerError(SplittableRandom r, int depth) {
        InnerError next = depth < 4 && r.nextInt(2) == 0 ? innerError(r, depth + 1) : null;
        switch (r.nextInt(3)) {
            case 0:
                return InnerError.of(code(r), null, next);
            case 1:
                return InnerError.of(null, description(r), next);
            default:
                return InnerError.of(code(r), description(r), next);
        }
    }

    static PartnerApiError partnerApi(SplittableRandom r, int depth) {
        PartnerApiError.Builder b = PartnerApiError.builder()
                .code(code(r))
                .message(description(r));
        int t = r.nextInt(4);
        if (t == 0) {
            b.target("");
        } else if (t == 1) {
            b.target(text(r, 1, 10));
        }
        if (r.nextInt(3) == 0) {
            b.innerError(innerError(r, 1));
        }
        if (depth < 3 && r.nextInt(3) == 0) {
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                b.addDetail(partnerApi(r, depth + 1));
            }
        }
        return b.build();
    }

    static ProblemDetail problem(SplittableRandom r) {
        ProblemDetail.Builder b = ProblemDetail.builder();
        if (r.nextBoolean()) {
            b.type("https://example.com/problems/" + (char) ('a' + r.nextInt(26)));
        }
        if (r.nextBoolean()) {
            b.title(description(r));
        }
        if (r.nextBoolean()) {
            b.status(100 + r.nextInt(500));
        }
        if (r.nextBoolean()) {
            b.detail(description(r));
        }
        if (r.nextInt(3) == 0) {
            b.instance(r.nextBoolean() ? "" : "/orders/" + r.nextInt(1000));
        }
        if (r.nextBoolean()) {
            b.code(code(r));
        }
        if (r.nextBoolean()) {
            b.source(r.nextInt(4) == 0 ? "" : text(r, 1, 10));
        }
        if (r.nextInt(3) == 0) {
            List<PartnerCenterError> data = new ArrayList<>();
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                data.add(partnerCenter(r, 2));
            }
            b.data(data);
        }
        int extensions = r.nextInt(4);
        for (int i = 0; i < extensions; i++) {
            String name = text(r, 1, 8);
            if (!ErrorEncoding.PROBLEM_RESERVED.contains(name)) {
                b.extension(name, text(r, 0, 10));
            }
        }
        return b.build();
    }
}
