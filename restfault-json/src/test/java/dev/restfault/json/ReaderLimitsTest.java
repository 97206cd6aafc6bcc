package dev.restfault.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restfault.core.model.ModelLimits;
import dev.restfault.json.ErrorBodyException.Reason;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ReaderLimitsTest {

    @Test
    void defaultsAreDocumented() {
        ReaderLimits d = ReaderLimits.defaults();
        assertThat(d.maxDepth()).isEqualTo(32);
        assertThat(d.maxDocumentBytes()).isEqualTo(1024 * 1024);
        assertThat(d.maxStringLength()).isEqualTo(64 * 1024);
        assertThat(d.maxEntries()).isEqualTo(256);
        assertThat(d.maxRawExcerpt()).isEqualTo(2048);
        assertThat(ErrorReader.standard().limits()).isEqualTo(d);
        assertThat(ErrorReader.create(ReaderLimits.builder().build())).isSameAs(ErrorReader.standard());
    }

    @Test
    void builderRejectsNonPositiveValues() {
        ReaderLimits.Builder b = ReaderLimits.builder();
        assertThatThrownBy(() -> b.maxDepth(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDepth");
        assertThatThrownBy(() -> b.maxDocumentBytes(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxDocumentBytes");
        assertThatThrownBy(() -> b.maxStringLength(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxEntries(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxEntries(ModelLimits.MAX_ENTRIES + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxRawExcerpt(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErrorReader.create(null)).isInstanceOf(NullPointerException.class);
        ReaderLimits custom = b.maxDepth(5).maxEntries(3).build();
        assertThat(custom.toBuilder().build()).isEqualTo(custom);
        assertThat(ErrorReader.create(custom).limits()).isEqualTo(custom);
    }

    private static Reason reason(ErrorReader reader, byte[] body) {
        ErrorBodyException a = catchThrowableOfType(ErrorBodyException.class, () -> reader.read(body));
        ErrorBodyException b = catchThrowableOfType(ErrorBodyException.class,
                () -> reader.read(new ByteArrayInputStream(body)));
        assertThat(a).isNotNull();
        assertThat(b).isNotNull();
        assertThat(b.reason()).isEqualTo(a.reason());
        return a.reason();
    }

    @Test
    void depthIsLimited() {
        ErrorReader reader = ErrorReader.create(ReaderLimits.builder().maxDepth(3).build());
        String ok = "{\"code\":\"c\",\"description\":\"d\",\"x\":{\"y\":[1]}}";
        assertThat(reader.read(ok.getBytes(UTF_8)).code()).contains("c");
        String deep = "{\"code\":\"c\",\"description\":\"d\",\"x\":{\"y\":[[1]]}}";
        assertThat(reason(reader, deep.getBytes(UTF_8))).isEqualTo(Reason.LIMIT_EXCEEDED);
    }

    @Test
    void documentSizeIsLimited() {
        ErrorReader reader = ErrorReader.create(ReaderLimits.builder().maxDocumentBytes(64).build());
        String body = "{\"code\":\"c\",\"description\":\"" + "d".repeat(35) + "\"}";
        assertThat(body.length()).isLessThanOrEqualTo(64);
        assertThat(reader.read(body.getBytes(UTF_8)).code()).contains("c");
        String big = "{\"code\":\"c\",\"description\":\"" + "d".repeat(60) + "\"}";
        assertThat(reason(reader, big.getBytes(UTF_8))).isEqualTo(Reason.LIMIT_EXCEEDED);
    }

    /** An endless body: proves the size limit is enforced while reading, not after. */
    @Test
    void endlessStreamStopsAtTheDocumentLimit() {
        int limit = 100_000;
        ErrorReader reader = ErrorReader.create(ReaderLimits.builder().maxDocumentBytes(limit).build());
        long[] served = {0};
        InputStream endless = new InputStream() {
            private final byte[] start = "{\"code\":\"c\",\"description\":\"".getBytes(UTF_8);

            @Override
            public int read() {
                return served[0] < start.length ? start[(int) served[0]++] : (served[0]++ > 0 ? 'x' : 'x');
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    b[off + i] = (byte) read();
                }
                return len;
            }
        };
        ErrorBodyException e = catchThrowableOfType(ErrorBodyException.class, () -> reader.read(endless));
        assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
        assertThat(served[0]).isLessThanOrEqualTo(limit + 1L);
        assertThat(e.rawExcerpt()).startsWith("{\"code\":\"c\",\"description\":\"xxx").hasSize(2048);
    }

    @Test
    void stringLengthIsLimited() {
        ErrorReader reader = ErrorReader.create(ReaderLimits.builder().maxStringLength(100).build());
        String ok = "{\"code\":\"c\",\"description\":\"" + "d".repeat(100) + "\"}";
        assertThat(reader.read(ok.getBytes(UTF_8)).description()).isPresent();
        String longValue = "{\"code\":\"c\",\"description\":\"" + "d".repeat(5000) + "\"}";
        assertThat(reason(reader, longValue.getBytes(UTF_8))).isEqualTo(Reason.LIMIT_EXCEEDED);
        String longName = "{\"" + "n".repeat(5000) + "\":1,\"code\":\"c\"}";
        assertThat(reason(reader, longName.getBytes(UTF_8))).isEqualTo(Reason.LIMIT_EXCEEDED);
    }

    @Test
    void entriesAreLimitedPerList() {
        ErrorReader reader = ErrorReader.create(ReaderLimits.builder().maxEntries(3).build());
        String three = "{\"code\":\"c\",\"description\":\"d\",\"data\":[\"a\",\"b\",\"c\"]}";
        assertThat(reader.read(three.getBytes(UTF_8)).data()).hasSize(3);
        String four = "{\"code\":\"c\",\"description\":\"d\",\"data\":[\"a\",\"b\",\"c\",\"d\"]}";
        assertThat(reason(reader, four.getBytes(UTF_8))).isEqualTo(Reason.LIMIT_EXCEEDED);
        String details = "{\"error\":{\"code\":\"c\",\"message\":\"m\",\"details\":[1,2,3,4]}}";
        assertThat(reason(reader, details.getBytes(UTF_8))).isEqualTo(Reason.LIMIT_EXCEEDED);
    }

    @Test
    void modelBoundsAreLimitsToo() {
        StringBuilder deepData = new StringBuilder();
        for (int i = 0; i < ModelLimits.MAX_DEPTH; i++) {
            deepData.append("{\"code\":\"c\",\"description\":\"d\",\"data\":[");
        }
        deepData.append("\"leaf\"");
        for (int i = 0; i < ModelLimits.MAX_DEPTH; i++) {
            deepData.append("]}");
        }
        assertThat(reason(ErrorReader.standard(), deepData.toString().getBytes(UTF_8))).isEqualTo(Reason.LIMIT_EXCEEDED);

        StringBuilder inner = new StringBuilder("{\"error\":{\"code\":\"c\",\"message\":\"m\",\"innerError\":");
        for (int i = 0; i <= ModelLimits.MAX_INNER_ERROR_DEPTH; i++) {
            inner.append("{\"code\":\"i").append(i).append("\",\"innerError\":");
        }
        inner.append("null");
        for (int i = 0; i <= ModelLimits.MAX_INNER_ERROR_DEPTH; i++) {
            inner.append('}');
        }
        inner.append("}}");
        assertThat(reason(ErrorReader.standard(), inner.toString().getBytes(UTF_8))).isEqualTo(Reason.LIMIT_EXCEEDED);
    }

    @Test
    void rawExcerptIsCappedAndSafe() {
        ErrorReader reader = ErrorReader.create(ReaderLimits.builder().maxRawExcerpt(10).build());
        ErrorBodyException e = catchThrowableOfType(ErrorBodyException.class,
                () -> reader.read("<h1>\u0000\u0007\r\nBad 😀😀😀</h1>".getBytes(UTF_8)));
        assertThat(e.rawExcerpt()).isEqualTo("<h1>\uFFFD\uFFFD  Ba");
        ErrorBodyException cutPair = catchThrowableOfType(ErrorBodyException.class,
                () -> reader.read("<h1>12345😀</h1>".getBytes(UTF_8)));
        assertThat(cutPair.rawExcerpt()).isEqualTo("<h1>12345");
    }

    /** An error whose data (or details) nest down to {@code leafLevel}, the leaf carrying an innerError. */
    private static String nestedWithInnerErrorAt(int leafLevel, boolean partnerApi) {
        String list = partnerApi ? "details" : "data";
        String text = partnerApi ? "message" : "description";
        StringBuilder sb = new StringBuilder(partnerApi ? "{\"error\":" : "");
        for (int level = 1; level < leafLevel; level++) {
            sb.append("{\"code\":\"level").append(level).append("\",\"").append(text).append("\":\"d\",\"").append(list).append("\":[");
        }
        sb.append("{\"code\":\"leaf\",\"").append(text).append("\":\"d\",\"innerError\":{\"code\":\"deep\",\"message\":\"why\"}}");
        sb.append("]}".repeat(leafLevel - 1));
        return sb.append(partnerApi ? "}" : "").toString();
    }

    private static int height(dev.restfault.core.model.PartnerCenterError e) {
        return 1 + e.data().stream().mapToInt(ReaderLimitsTest::height).max().orElse(0);
    }

    @Test
    void anEntryAtTheDeepestLevelWithAnInnerErrorIsStillRead() {
        for (boolean partnerApi : new boolean[] {false, true}) {
            // The leaf sits at the deepest level the model allows: no room for the inner error's entry.
            DecodedError deepest = ErrorReader.standard().read(nestedWithInnerErrorAt(ModelLimits.MAX_DEPTH, partnerApi).getBytes(UTF_8));
            dev.restfault.core.model.PartnerCenterError top = deepest.data().get(0);
            assertThat(height(top)).as("partnerApi=" + partnerApi).isEqualTo(ModelLimits.MAX_DEPTH - 1);
            dev.restfault.core.model.PartnerCenterError leaf = top;
            while (!leaf.data().isEmpty()) {
                leaf = leaf.data().get(0);
            }
            assertThat(leaf.code()).isEqualTo("leaf");
            // One level up there is room: the inner error becomes an entry, as everywhere else.
            DecodedError roomy = ErrorReader.standard().read(nestedWithInnerErrorAt(ModelLimits.MAX_DEPTH - 1, partnerApi).getBytes(UTF_8));
            dev.restfault.core.model.PartnerCenterError entry = roomy.data().get(0);
            while (!entry.data().isEmpty() && !entry.data().get(0).source().equals("innerError")) {
                entry = entry.data().get(0);
            }
            assertThat(entry.data()).as("partnerApi=" + partnerApi).singleElement()
                    .satisfies(e -> assertThat(e.code()).isEqualTo("deep"))
                    .satisfies(e -> assertThat(e.source()).isEqualTo("innerError"));
        }
    }
}
