package dev.restfault.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.model.InnerError;
import dev.restfault.core.model.PartnerApiError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.core.model.ProblemDetail;
import dev.restfault.json.DecodedError.Shape;
import dev.restfault.json.ErrorBodyException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * One test per tolerance of docs/contract.md (section Wire formats, "Reading: tolerance") and per
 * failure reason of the reader.
 */
class ErrorReaderTest {

    private final ErrorReader reader = ErrorReader.standard();

    private DecodedError read(String json) {
        DecodedError fromBytes = reader.read(json.getBytes(UTF_8));
        DecodedError fromStream = reader.read(new ByteArrayInputStream(json.getBytes(UTF_8)));
        assertThat(fromStream).isEqualTo(fromBytes).hasSameHashCodeAs(fromBytes);
        assertThat(fromStream.toString()).isEqualTo(fromBytes.toString());
        return fromBytes;
    }

    private Reason failure(String body) {
        return failure(body.getBytes(UTF_8));
    }

    private Reason failure(byte[] body) {
        ErrorBodyException fromBytes = org.assertj.core.api.Assertions.catchThrowableOfType(
                ErrorBodyException.class, () -> reader.read(body));
        ErrorBodyException fromStream = org.assertj.core.api.Assertions.catchThrowableOfType(
                ErrorBodyException.class, () -> reader.read(new ByteArrayInputStream(body)));
        assertThat(fromBytes).as("byte[] read must fail").isNotNull();
        assertThat(fromStream).as("stream read must fail").isNotNull();
        assertThat(fromStream.reason()).isEqualTo(fromBytes.reason());
        assertThat(fromBytes.getStackTrace()).isEmpty();
        return fromBytes.reason();
    }

    // ------------------------------------------------------------ Partner Center

    @Test
    void readsACompletePartnerCenterError() {
        DecodedError d = read("{\"code\":\"notFound\",\"description\":\"No such customer.\",\"data\":[],"
                + "\"source\":\"PartnerFD\"}");
        assertThat(d.shape()).isEqualTo(Shape.PARTNER_CENTER);
        assertThat(d.code()).contains("notFound");
        assertThat(d.description()).contains("No such customer.");
        assertThat(d.source()).contains("PartnerFD");
        assertThat(d.data()).isEmpty();
        assertThat(d.partnerCenter()).contains(PartnerCenterError.of("notFound", "No such customer.", "PartnerFD"));
        assertThat(d.partnerApi()).isEmpty();
        assertThat(d.problem()).isEmpty();
        assertThat(d.statusCode()).isEmpty();
    }

    @Test
    void numericCodeIsReadAsItsText() {
        DecodedError d = read("{\"code\": 1002, \"description\": \"Primary domain is invalid.\", \"data\": [],"
                + " \"source\": \"PartnerFD\"}");
        assertThat(d.code()).contains("1002");
        assertThat(d.partnerCenter().orElseThrow().code()).isEqualTo("1002");
        assertThat(read("{\"code\":-1.5e3,\"description\":\"d\"}").code()).contains("-1.5e3");
    }

    @Test
    void codeOfAnotherTypeOrBlankCountsAsAbsent() {
        assertThat(read("{\"code\":true,\"description\":\"d\"}").code()).isEmpty();
        assertThat(read("{\"code\":{\"x\":1},\"description\":\"d\"}").code()).isEmpty();
        assertThat(read("{\"code\":\"  \",\"description\":\"d\"}").code()).isEmpty();
        assertThat(read("{\"code\":null,\"description\":\"d\"}").partnerCenter()).isEmpty();
    }

    @Test
    void dataEntriesAreNormalized() {
        DecodedError d = read("{\"code\":\"badRequest\",\"description\":\"Invalid.\",\"data\":["
                + "{\"code\":\"required\",\"description\":\"name is required\",\"source\":\"name\"},"
                + "\"a plain string entry\","
                + "{\"description\":\"no code\"},"
                + "{\"code\":\"noText\"},"
                + "{\"message\":\"a message\",\"target\":\"t\"},"
                + "{}, 42, null, [1], true"
                + "],\"source\":\"s\"}");
        assertThat(d.data()).containsExactly(
                PartnerCenterError.of("required", "name is required", "name"),
                PartnerCenterError.of("badRequest", "a plain string entry", ""),
                PartnerCenterError.of("badRequest", "no code", ""),
                PartnerCenterError.of("noText", "noText", ""),
                PartnerCenterError.of("badRequest", "a message", "t"));
    }

    @Test
    void unknownMembersAreSkippedWhateverTheirType() {
        DecodedError d = read("{\"x\":{\"deep\":[1,2,{\"a\":null}]},\"code\":\"c\",\"y\":[true,false],"
                + "\"description\":\"d\",\"z\":12.5e10,\"source\":\"s\",\"w\":null}");
        assertThat(d.partnerCenter()).contains(PartnerCenterError.of("c", "d", "s"));
    }

    @Test
    void membersOfTheWrongTypeAreIgnored() {
        DecodedError d = read("{\"code\":\"c\",\"description\":\"d\",\"source\":7,\"data\":\"oops\"}");
        assertThat(d.partnerCenter()).contains(PartnerCenterError.of("c", "d", ""));
        assertThat(d.source()).isEmpty();
    }

    @Test
    void duplicateMembersLastOneWins() {
        DecodedError d = read("{\"code\":\"first\",\"description\":\"one\",\"code\":\"second\",\"description\":\"two\"}");
        assertThat(d.code()).contains("second");
        assertThat(d.description()).contains("two");
    }

    @Test
    void duplicateStructuredMembersLastOneWinsToo() {
        DecodedError d = read("{\"error\":{\"code\":\"a\",\"message\":\"m\",\"innerError\":{\"code\":\"x\"},"
                + "\"innererror\":null}}");
        assertThat(d.innerError()).isEmpty();
        // The same inside an inner error: the later null removes the deeper level.
        DecodedError inner = read("{\"error\":{\"code\":\"c\",\"message\":\"m\",\"innerError\":{\"code\":\"a\","
                + "\"innerError\":{\"code\":\"deep\"},\"innerError\":null}}}");
        assertThat(inner.innerError()).map(i -> i.deepest().code().orElse(null)).contains("a");
        DecodedError e = read("{\"error\":{\"code\":\"a\",\"message\":\"m\"},\"error\":\"invalid_grant\"}");
        assertThat(e.shape()).isEqualTo(Shape.PARTNER_CENTER);
        assertThat(e.code()).contains("invalid_grant");
    }

    @Test
    void partnerCenterWithoutDescriptionIsTolerantButNotComplete() {
        DecodedError d = read("{\"code\":\"c\",\"source\":\"s\"}");
        assertThat(d.shape()).isEqualTo(Shape.PARTNER_CENTER);
        assertThat(d.partnerCenter()).isEmpty();
        assertThat(d.toPartnerCenter(StatusCatalog.entry(409), Locale.JAPAN, "fallback"))
                .isEqualTo(PartnerCenterError.of("c", StatusCatalog.entry(409).description(Locale.JAPAN), "s"));
    }

    @Test
    void oauthStyleErrorIsReadAsCodeAndDescription() {
        DecodedError d = read("{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70000: expired\"}");
        assertThat(d.shape()).isEqualTo(Shape.PARTNER_CENTER);
        assertThat(d.code()).contains("invalid_grant");
        assertThat(d.description()).contains("AADSTS70000: expired");
    }

    // ------------------------------------------------------------ Partner API

    @Test
    void readsACompletePartnerApiErrorWithInnerErrorChainAndDetails() {
        DecodedError d = read("{\"error\":{\"code\":\"conflict\",\"message\":\"Exists.\",\"target\":\"customer\","
                + "\"innerError\":{\"code\":\"a\",\"message\":\"A\",\"innerError\":{\"code\":\"b\"}},"
                + "\"details\":[{\"code\":\"d1\",\"message\":\"D1\",\"target\":\"t1\"}]}}");
        assertThat(d.shape()).isEqualTo(Shape.PARTNER_API);
        PartnerApiError expected = PartnerApiError.builder().code("conflict").message("Exists.").target("customer")
                .innerError(InnerError.of("a", "A", InnerError.of("b", null)))
                .addDetail(PartnerApiError.builder().code("d1").message("D1").target("t1").build())
                .build();
        assertThat(d.partnerApi()).contains(expected);
        assertThat(d.code()).contains("conflict");
        assertThat(d.description()).contains("Exists.");
        assertThat(d.source()).contains("customer");
        assertThat(d.innerError()).contains(InnerError.of("a", "A", InnerError.of("b", null)));
        assertThat(d.data()).containsExactly(PartnerCenterError.of("d1", "D1", "t1"));
        assertThat(d.toPartnerCenter(StatusCatalog.entry(409), Locale.US, "fb"))
                .isEqualTo(expected.toPartnerCenter("fb"));
    }

    @Test
    void lowercaseInnererrorIsTheSameMember() {
        DecodedError d = read("{\"error\":{\"code\":\"c\",\"message\":\"m\","
                + "\"innererror\":{\"code\":\"x\",\"innererror\":{\"message\":\"deepest\"}}}}");
        assertThat(d.innerError()).contains(InnerError.of("x", null, InnerError.of(null, "deepest")));
    }

    @Test
    void emptyInnerErrorLevelsAreSkipped() {
        DecodedError d = read("{\"error\":{\"code\":\"c\",\"message\":\"m\","
                + "\"innerError\":{\"foo\":1,\"innerError\":{\"code\":\"x\"}}}}");
        assertThat(d.innerError()).contains(InnerError.of("x", null));
        assertThat(read("{\"error\":{\"code\":\"c\",\"message\":\"m\",\"innerError\":{}}}").innerError()).isEmpty();
    }

    @Test
    void numericCodeInPartnerApiAndInnerError() {
        DecodedError d = read("{\"error\":{\"code\":409,\"message\":\"m\",\"innerError\":{\"code\":7}}}");
        assertThat(d.partnerApi().orElseThrow().code()).isEqualTo("409");
        assertThat(d.innerError().orElseThrow().code()).contains("7");
    }

    @Test
    void unwrappedPartnerApiObjectIsRecognized() {
        DecodedError d = read("{\"code\":\"c\",\"message\":\"m\",\"target\":\"t\"}");
        assertThat(d.shape()).isEqualTo(Shape.PARTNER_API);
        assertThat(d.partnerApi()).contains(PartnerApiError.builder().code("c").message("m").target("t").build());
    }

    @Test
    void partnerApiWithoutMessageIsNotComplete() {
        DecodedError d = read("{\"error\":{\"code\":\"c\"}}");
        assertThat(d.shape()).isEqualTo(Shape.PARTNER_API);
        assertThat(d.partnerApi()).isEmpty();
        assertThat(d.toPartnerCenter(StatusCatalog.entry(500), Locale.FRANCE, "svc").description())
                .isEqualTo(StatusCatalog.entry(500).description(Locale.FRANCE));
    }

    // ------------------------------------------------------------ throttling, problem details

    @Test
    void throttlingBodyIsRecognized() {
        DecodedError d = read("{ \"statusCode\": 429, \"message\": \"Rate limit is exceeded. Try again in 2 seconds.\" }");
        assertThat(d.shape()).isEqualTo(Shape.THROTTLING);
        assertThat(d.statusCode()).contains(429);
        assertThat(d.description()).contains("Rate limit is exceeded. Try again in 2 seconds.");
        assertThat(d.code()).isEmpty();
        assertThat(d.toPartnerCenter(StatusCatalog.entry(429), Locale.US, "gateway"))
                .isEqualTo(PartnerCenterError.of("tooManyRequests", "Rate limit is exceeded. Try again in 2 seconds.",
                        "gateway"));
    }

    @Test
    void throttlingStatusCodeOutOfRangeIsDropped() {
        DecodedError d = read("{\"statusCode\":99999999999,\"message\":\"m\"}");
        assertThat(d.shape()).isEqualTo(Shape.THROTTLING);
        assertThat(d.statusCode()).isEmpty();
    }

    @Test
    void readsProblemDetailsWithContractExtensions() {
        DecodedError d = read("{\"type\":\"https://example.com/p/out-of-stock\",\"title\":\"Out of stock\","
                + "\"status\":409,\"detail\":\"Only 2 left.\",\"instance\":\"/orders/1\",\"code\":\"outOfStock\","
                + "\"source\":\"Orders\",\"data\":[{\"code\":\"q\",\"description\":\"too many\",\"source\":\"qty\"}],"
                + "\"requestId\":\"r-1\",\"balance\":30,\"accounts\":[\"/a/1\",\"/a/2\"],\"flag\":true}");
        assertThat(d.shape()).isEqualTo(Shape.PROBLEM_DETAILS);
        ProblemDetail p = d.problem().orElseThrow();
        assertThat(p.type()).isEqualTo("https://example.com/p/out-of-stock");
        assertThat(p.title()).contains("Out of stock");
        assertThat(p.status()).contains(409);
        assertThat(p.detail()).contains("Only 2 left.");
        assertThat(p.instance()).contains("/orders/1");
        assertThat(p.code()).contains("outOfStock");
        assertThat(p.source()).contains("Orders");
        assertThat(p.data()).containsExactly(PartnerCenterError.of("q", "too many", "qty"));
        assertThat(p.extensions()).containsExactly(
                java.util.Map.entry("requestId", "r-1"), java.util.Map.entry("balance", "30"),
                java.util.Map.entry("accounts", "[\"/a/1\",\"/a/2\"]"), java.util.Map.entry("flag", "true"));
        assertThat(d.statusCode()).contains(409);
        assertThat(d.code()).contains("outOfStock");
        assertThat(d.description()).contains("Only 2 left.");
    }

    @Test
    void problemTitleIsTheDescriptionWhenThereIsNoDetail() {
        DecodedError d = read("{\"title\":\"Service Unavailable\",\"status\":503}");
        assertThat(d.description()).contains("Service Unavailable");
        assertThat(d.problem().orElseThrow().type()).isEqualTo(ProblemDetail.ABOUT_BLANK);
    }

    @Test
    void problemWithAnExtensionNamedDescriptionStaysAProblem() {
        DecodedError d = read("{\"type\":\"about:blank\",\"status\":400,\"description\":\"ext\"}");
        assertThat(d.shape()).isEqualTo(Shape.PROBLEM_DETAILS);
        assertThat(d.problem().orElseThrow().extensions()).containsEntry("description", "ext");
    }

    // ------------------------------------------------------------ bodies that are not errors

    @Test
    void emptyBodies() {
        assertThatThrownBy(() -> reader.read((byte[]) null)).isInstanceOf(ErrorBodyException.class)
                .extracting(e -> ((ErrorBodyException) e).reason()).isEqualTo(Reason.EMPTY);
        assertThatThrownBy(() -> reader.read((InputStream) null)).isInstanceOf(ErrorBodyException.class)
                .extracting(e -> ((ErrorBodyException) e).reason()).isEqualTo(Reason.EMPTY);
        assertThat(failure("")).isEqualTo(Reason.EMPTY);
        assertThat(failure("  \r\n\t ")).isEqualTo(Reason.EMPTY);
        assertThat(failure(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})).isEqualTo(Reason.EMPTY);
    }

    @Test
    void htmlFromAGatewayIsNotJsonAndKeepsAnExcerpt() {
        String html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>";
        assertThat(failure(html)).isEqualTo(Reason.NOT_JSON);
        ErrorBodyException e = org.assertj.core.api.Assertions.catchThrowableOfType(ErrorBodyException.class,
                () -> reader.read(html.getBytes(UTF_8)));
        assertThat(e.rawExcerpt()).isEqualTo(
                "<html>  <head><title>502 Bad Gateway</title></head> <body>nginx</body></html>");
        assertThat(e.getMessage()).doesNotContain("Jackson").doesNotContain("tools.");
    }

    @Test
    void plainTextIsNotJson() {
        assertThat(failure("Service Unavailable")).isEqualTo(Reason.NOT_JSON);
        assertThat(failure("upstream connect error or disconnect/reset before headers")).isEqualTo(Reason.NOT_JSON);
        assertThat(failure("not found")).isEqualTo(Reason.NOT_JSON);
        // Text that starts like a JSON number or literal is still text (Go's default 404 body).
        assertThat(failure("404 page not found\n")).isEqualTo(Reason.NOT_JSON);
        assertThat(failure("503 Service Unavailable")).isEqualTo(Reason.NOT_JSON);
        assertThat(failure("null pointer exception")).isEqualTo(Reason.NOT_JSON);
        assertThat(failure("true story")).isEqualTo(Reason.NOT_JSON);
        // Several JSON values are JSON, just not an error.
        assertThat(failure("404 405")).isEqualTo(Reason.NOT_AN_ERROR);
    }

    @Test
    void truncatedJson() {
        String full = "{\"code\":\"c\",\"description\":\"a description\",\"source\":\"s\"}";
        for (int cut = 1; cut < full.length(); cut++) {
            assertThat(failure(full.substring(0, cut))).as("cut at %d", cut).isEqualTo(Reason.TRUNCATED);
        }
    }

    @Test
    void malformedJson() {
        assertThat(failure("{\"code\":\"c\",,}")).isEqualTo(Reason.MALFORMED);
        assertThat(failure("{\"code\" \"c\"}")).isEqualTo(Reason.MALFORMED);
        assertThat(failure("{code:\"c\"}")).isEqualTo(Reason.MALFORMED);
        assertThat(failure("{\"code\":'c'}")).isEqualTo(Reason.MALFORMED);
        assertThat(failure("{\"code\":\"c\"]")).isEqualTo(Reason.MALFORMED);
        assertThat(failure("{\"description\":\"raw\ncontrol\"}")).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void jsonThatIsNotAnError() {
        assertThat(failure("[]")).isEqualTo(Reason.NOT_AN_ERROR);
        assertThat(failure("[{\"code\":\"c\",\"description\":\"d\"}]")).isEqualTo(Reason.NOT_AN_ERROR);
        assertThat(failure("\"Forbidden\"")).isEqualTo(Reason.NOT_AN_ERROR);
        assertThat(failure("42")).isEqualTo(Reason.NOT_AN_ERROR);
        assertThat(failure("null")).isEqualTo(Reason.NOT_AN_ERROR);
        assertThat(failure("{}")).isEqualTo(Reason.NOT_AN_ERROR);
        assertThat(failure("{\"id\":7,\"name\":\"order\"}")).isEqualTo(Reason.NOT_AN_ERROR);
    }

    @Test
    void contentAfterTheRootObjectIsNotRead() {
        assertThat(read("{\"code\":\"c\",\"description\":\"d\"} trailing <garbage>").code()).contains("c");
    }

    @Test
    void byteOrderMarksAreHandled() {
        byte[] body = "{\"code\":\"c\",\"description\":\"d\"}".getBytes(UTF_8);
        byte[] utf8Bom = new byte[body.length + 3];
        utf8Bom[0] = (byte) 0xEF;
        utf8Bom[1] = (byte) 0xBB;
        utf8Bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, utf8Bom, 3, body.length);
        assertThat(reader.read(utf8Bom).code()).contains("c");
        byte[] utf16 = "\uFEFF{\"code\":\"c\",\"description\":\"中文\"}".getBytes(Charset.forName("UTF-16BE"));
        assertThat(reader.read(utf16).description()).contains("中文");
        byte[] utf16le = "\uFEFF{\"code\":\"c\",\"description\":\"d\"}".getBytes(Charset.forName("UTF-16LE"));
        assertThat(reader.read(utf16le).code()).contains("c");
    }

    @Test
    void loneSurrogateEscapesAreRepaired() {
        DecodedError d = read("{\"code\":\"c\",\"description\":\"a\\uD800b\\uDC00\"}");
        assertThat(d.description()).contains("a\uFFFDb\uFFFD");
        assertThat(read("{\"code\":\"c\",\"description\":\"\\uD83D\\uDE00\"}").description()).contains("\uD83D\uDE00");
    }

    @Test
    void offsetAndLengthSelectTheBody() {
        byte[] framed = "xx{\"code\":\"c\",\"description\":\"d\"}yy".getBytes(UTF_8);
        assertThat(reader.read(framed, 2, framed.length - 4).code()).contains("c");
        byte[] framedCut = "xx{\"code\":\"c\",yyyyyyyy".getBytes(UTF_8);
        assertThatThrownBy(() -> reader.read(framedCut, 2, 12)).isInstanceOf(ErrorBodyException.class)
                .extracting(e -> ((ErrorBodyException) e).reason()).isEqualTo(Reason.TRUNCATED);
        assertThatThrownBy(() -> reader.read(framedCut, 2, 13)).isInstanceOf(ErrorBodyException.class)
                .extracting(e -> ((ErrorBodyException) e).reason()).isEqualTo(Reason.MALFORMED);
        assertThatThrownBy(() -> reader.read(framed, 2, 0)).isInstanceOf(ErrorBodyException.class);
        assertThatThrownBy(() -> reader.read(framed, -1, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> reader.read(framed, 10, framed.length)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> reader.read(null, 0, 0)).isInstanceOf(ErrorBodyException.class);
    }

    @Test
    void failingStreamIsIo() {
        InputStream broken = new InputStream() {
            private int calls;

            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (calls++ == 0) {
                    byte[] start = "{\"code\":\"c\",".getBytes(UTF_8);
                    System.arraycopy(start, 0, b, off, start.length);
                    return start.length;
                }
                throw new IOException("connection reset");
            }
        };
        ErrorBodyException e = org.assertj.core.api.Assertions.catchThrowableOfType(ErrorBodyException.class,
                () -> reader.read(broken));
        assertThat(e.reason()).isEqualTo(Reason.IO);
        assertThat(e.rawExcerpt()).isEqualTo("{\"code\":\"c\",");
    }

    @Test
    void aBodyJacksonReportsAsAnIoErrorIsMalformedFromAStreamToo() {
        // Found by ErrorReaderFuzzTest: Jackson refuses this byte order ("Unsupported UCS-4
        // endianness") with an I/O exception; from a stream that was reported as IO, a failing
        // stream, although the stream had not failed.
        byte[] body = {0, 0, 9, 0};
        assertThat(catchThrowableOfType(ErrorBodyException.class, () -> reader.read(body)).reason())
                .isEqualTo(Reason.MALFORMED);
        assertThat(catchThrowableOfType(ErrorBodyException.class, () -> reader.read(new ByteArrayInputStream(body)))
                .reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aStreamThrowingUncheckedIsStillIo() {
        InputStream broken = new InputStream() {
            @Override
            public int read() {
                throw new java.io.UncheckedIOException(new IOException("tls alert"));
            }

            @Override
            public int read(byte[] b, int off, int len) {
                throw new java.io.UncheckedIOException(new IOException("tls alert"));
            }
        };
        ErrorBodyException e = org.assertj.core.api.Assertions.catchThrowableOfType(ErrorBodyException.class,
                () -> reader.read(broken));
        assertThat(e.reason()).isEqualTo(Reason.IO);
    }

    @Test
    void streamIsNotClosed() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("{\"code\":\"c\",\"description\":\"d\"}".getBytes(UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        reader.read(in);
        assertThat(closed[0]).isFalse();
    }

    @Test
    void decodedErrorKeepsAnExcerptToo() {
        DecodedError d = read("{\"code\":\"c\",\n\"description\":\"d\"}");
        assertThat(d.rawExcerpt()).isEqualTo("{\"code\":\"c\", \"description\":\"d\"}");
    }

    @Test
    void toPartnerCenterUsesTheCatalogForWhatIsMissing() {
        DecodedError d = read("{\"statusCode\":503,\"message\":\"\"}");
        PartnerCenterError e = d.toPartnerCenter(StatusCatalog.entry(503), Locale.TAIWAN, null);
        assertThat(e.code()).isEqualTo("serviceUnavailable");
        assertThat(e.description()).isEqualTo(StatusCatalog.entry(503).description(Locale.TAIWAN));
        assertThat(e.source()).isEmpty();
        assertThatThrownBy(() -> d.toPartnerCenter(null, Locale.US, "s")).isInstanceOf(NullPointerException.class);
        assertThat(d.toPartnerCenter(StatusCatalog.entry(503), null, "s").description())
                .isEqualTo(StatusCatalog.entry(503).description(Locale.US));
    }

    @Test
    void decodedDataIsImmutable() {
        DecodedError d = read("{\"code\":\"c\",\"description\":\"d\",\"data\":[{\"code\":\"x\",\"description\":\"y\"}]}");
        List<PartnerCenterError> data = d.data();
        assertThatThrownBy(() -> data.add(PartnerCenterError.of("a", "b", "c")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
