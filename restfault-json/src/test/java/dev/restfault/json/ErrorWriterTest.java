package dev.restfault.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.model.Descriptions;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.InnerError;
import dev.restfault.core.model.PartnerApiError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.core.model.ProblemDetail;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ErrorWriterTest {

    private final ErrorWriter writer = ErrorWriter.standard();

    private static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }

    @Test
    void partnerCenterHasTheContractMembersInOrderAndOmitsEmptyData() {
        PartnerCenterError e = PartnerCenterError.of("notFound", "The customer was not found.", "PartnerCenter.Api");
        assertThat(text(writer.writePartnerCenter(e))).isEqualTo(
                "{\"code\":\"notFound\",\"description\":\"The customer was not found.\",\"source\":\"PartnerCenter.Api\"}");
    }

    @Test
    void partnerCenterWritesDataEntriesOfTheSameShapeAndAlwaysASource() {
        PartnerCenterError e = PartnerCenterError.builder().code("badRequest").description("Invalid input.")
                .source("Orders")
                .addData(PartnerCenterError.of("required", "quantity is required", "lineItems[0].quantity"))
                .addData(PartnerCenterError.of("invalid", "no source", null))
                .build();
        assertThat(text(writer.writePartnerCenter(e))).isEqualTo("{\"code\":\"badRequest\",\"description\":"
                + "\"Invalid input.\",\"data\":[{\"code\":\"required\",\"description\":\"quantity is required\","
                + "\"source\":\"lineItems[0].quantity\"},{\"code\":\"invalid\",\"description\":\"no source\","
                + "\"source\":\"\"}],\"source\":\"Orders\"}");
    }

    @Test
    void codeIsAlwaysAString() {
        PartnerCenterError e = PartnerCenterError.of("1002", "Numeric code.", "PartnerFD");
        assertThat(text(writer.writePartnerCenter(e))).startsWith("{\"code\":\"1002\",");
    }

    @Test
    void partnerApiIsWrappedAndSpellsInnerErrorAsTheSeed() {
        PartnerApiError e = PartnerApiError.builder().code("conflict").message("Already exists.").target("customer")
                .innerError(InnerError.of("duplicateDomain", "Domain taken.", InnerError.of("dns", null)))
                .addDetail(PartnerApiError.of("detail", "One detail."))
                .build();
        assertThat(text(writer.writePartnerApi(e))).isEqualTo("{\"error\":{\"code\":\"conflict\",\"message\":"
                + "\"Already exists.\",\"target\":\"customer\",\"innerError\":{\"code\":\"duplicateDomain\","
                + "\"message\":\"Domain taken.\",\"innerError\":{\"code\":\"dns\"}},\"details\":[{\"code\":"
                + "\"detail\",\"message\":\"One detail.\"}]}}");
    }

    @Test
    void partnerApiOmitsAbsentMembers() {
        assertThat(text(writer.writePartnerApi(PartnerApiError.of("c", "m"))))
                .isEqualTo("{\"error\":{\"code\":\"c\",\"message\":\"m\"}}");
    }

    @Test
    void problemHasRfc9457MembersThenContractExtensions() {
        ProblemDetail p = ProblemDetail.builder().title("Not found").status(404).detail("No such order.")
                .instance("/orders/7").code("notFound").source("Orders")
                .data(java.util.List.of(PartnerCenterError.of("x", "y", "z")))
                .extension("requestId", "abc")
                .build();
        assertThat(text(writer.writeProblem(p))).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not found\","
                + "\"status\":404,\"detail\":\"No such order.\",\"instance\":\"/orders/7\",\"code\":\"notFound\","
                + "\"source\":\"Orders\",\"data\":[{\"code\":\"x\",\"description\":\"y\",\"source\":\"z\"}],"
                + "\"requestId\":\"abc\"}");
    }

    @Test
    void problemSkipsExtensionsThatWouldDuplicateAMember() {
        ProblemDetail p = ProblemDetail.builder().status(400).extension("status", "hijack").extension("code", "x")
                .extension("type", "y").extension("ok", "1").build();
        String json = text(writer.writeProblem(p));
        assertThat(json).isEqualTo("{\"type\":\"about:blank\",\"status\":400,\"ok\":\"1\"}");
        SchemaCheck.assertValid(ErrorFormat.PROBLEM_DETAILS, json.getBytes(UTF_8));
    }

    @Test
    void controlCharactersAndLineSeparatorsAreEscapedNeverRaw() {
        String nasty = "a\u0000b\u0001c\n\r\t\u001f\u007f\u0080\u0085\u009f\u2028\u2029\"\\";
        byte[] json = writer.writePartnerCenter(PartnerCenterError.of("c", nasty, nasty));
        String s = text(json);
        for (char c : s.toCharArray()) {
            assertThat(Character.isISOControl(c) || c == '\u2028' || c == '\u2029')
                    .as("raw U+%04X in %s", (int) c, s).isFalse();
        }
        assertThat(s).contains("a\\u0000b\\u0001c\\n\\r\\t\\u001F\\u007F\\u0080\\u0085\\u009F\\u2028\\u2029\\\"\\\\");
        assertThat(ErrorReader.standard().read(json).partnerCenter()).contains(PartnerCenterError.of("c", nasty, nasty));
        SchemaCheck.assertValid(ErrorFormat.PARTNER_CENTER, json);
    }

    @Test
    void nonAsciiTextIsWrittenAsUtf8() {
        byte[] json = writer.writePartnerCenter(PartnerCenterError.of("c", "要求太多 😀 é", "s"));
        assertThat(text(json)).contains("\"要求太多 😀 é\"");
    }

    @Test
    void loneSurrogatesBecomeReplacementCharactersSoTheOutputIsValidUtf8() throws CharacterCodingException {
        String lone = "x\uD800y\uDC00z\uD83D";   // high alone, low alone, high at the end
        PartnerCenterError e = PartnerCenterError.of("c\uDFFF", lone, "s\uD800");
        byte[] json = writer.writePartnerCenter(e);
        // A strict decoder fails on invalid UTF-8.
        UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json));
        assertThat(text(json)).isEqualTo(
                "{\"code\":\"c\uFFFD\",\"description\":\"x\uFFFDy\uFFFDz\uFFFD\",\"source\":\"s\uFFFD\"}");
        SchemaCheck.assertValid(ErrorFormat.PARTNER_CENTER, json);
    }

    @Test
    void pairedSurrogatesAreKept() {
        byte[] json = writer.writePartnerCenter(PartnerCenterError.of("c", "\uD83D\uDE00", "s"));
        assertThat(text(json)).contains("\"\uD83D\uDE00\"");
    }

    @Test
    void aCutDescriptionIsWrittenCutAndMarked() {
        String longText = "日".repeat(2000);
        byte[] json = writer.writePartnerCenter(PartnerCenterError.of("c", longText, "s"));
        String description = ErrorReader.standard().read(json).description().orElseThrow();
        assertThat(description).hasSize(Descriptions.MAX_LENGTH).endsWith(Descriptions.CUT_MARK);
        SchemaCheck.assertValid(ErrorFormat.PARTNER_CENTER, json);
    }

    @Test
    void writeByFormatConvertsThroughTheModel() {
        StatusEntry entry = StatusCatalog.entry(404);
        PartnerCenterError e = PartnerCenterError.of("notFound", "Missing.", "Orders");
        assertThat(writer.write(ErrorFormat.PARTNER_CENTER, e, 404, "Not found"))
                .isEqualTo(writer.writePartnerCenter(e));
        assertThat(writer.write(ErrorFormat.PARTNER_API, e, 404, "Not found"))
                .isEqualTo(writer.writePartnerApi(e.toPartnerApi()));
        assertThat(writer.write(ErrorFormat.PROBLEM_DETAILS, e, 404, entry.reasonPhrase(Locale.FRANCE)))
                .isEqualTo(writer.writeProblem(ProblemDetail.from(e, 404, entry.reasonPhrase(Locale.FRANCE))));
    }

    @Test
    void streamingWriteMatchesTheBytesAndLeavesTheStreamOpen() throws IOException {
        PartnerCenterError e = PartnerCenterError.of("c", "d", "s");
        for (ErrorFormat f : ErrorFormat.values()) {
            class Tracking extends ByteArrayOutputStream {
                boolean closed;

                @Override
                public void close() {
                    closed = true;
                }
            }
            Tracking out = new Tracking();
            writer.write(f, e, 500, "Internal server error", out);
            assertThat(out.toByteArray()).isEqualTo(writer.write(f, e, 500, "Internal server error"));
            assertThat(out.closed).isFalse();
        }
    }

    @Test
    void streamingWritePropagatesTheStreamsIoException() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> writer.write(ErrorFormat.PARTNER_CENTER, PartnerCenterError.of("c", "d", "s"),
                500, null, broken)).isInstanceOf(IOException.class).hasMessage("disk full");
    }

    @Test
    void invalidProblemStatusFailsBeforeAnythingIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> writer.write(ErrorFormat.PROBLEM_DETAILS, PartnerCenterError.of("c", "d", "s"),
                700, "x", out)).isInstanceOf(IllegalArgumentException.class);
        assertThat(out.size()).isZero();
    }

    @Test
    void nullsAreRejectedWithNullPointerException() {
        PartnerCenterError e = PartnerCenterError.of("c", "d", "s");
        assertThatThrownBy(() -> writer.writePartnerCenter(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> writer.writePartnerApi(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> writer.writeProblem(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> writer.write(null, e, 400, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> writer.write(ErrorFormat.PARTNER_CENTER, null, 400, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> writer.write(ErrorFormat.PARTNER_CENTER, e, 400, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void outputIsReproducible() {
        Samples.forAll(200, r -> Samples.partnerApi(r, 1), e -> {
            assertThat(writer.writePartnerApi(e)).isEqualTo(writer.writePartnerApi(e));
        });
    }

    @Test
    void aTopLevelSourceMustNameTheComponentWhileADataEntryMayBeEmpty() throws Exception {
        PartnerCenterError anonymous = PartnerCenterError.builder().code("c").description("d").source("")
                .addData(PartnerCenterError.of("e", "entry without source", "")).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ErrorWriter.standard().writePartnerCenter(anonymous))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source must name the component");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ErrorWriter.standard()
                        .write(dev.restfault.core.model.ErrorFormat.PARTNER_CENTER, anonymous, 400, "Bad request", out))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThat(out.size()).as("nothing written").isZero();
        // Blank as the schema's ECMA-262 \\S sees it, not only as String.isBlank() does.
        for (String invisible : new String[] {" ", "\t", "\u00A0", "\u2007", "\u202F", "\uFEFF", "\u3000", " \u00A0 "}) {
            PartnerCenterError e = anonymous.toBuilder().source(invisible).build();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ErrorWriter.standard().writePartnerCenter(e))
                    .as("source %s", invisible.codePoints().mapToObj(Integer::toHexString).toList())
                    .isInstanceOf(IllegalArgumentException.class);
        }
        PartnerCenterError named = anonymous.toBuilder().source("svc").build();
        org.assertj.core.api.Assertions.assertThat(new String(ErrorWriter.standard().writePartnerCenter(named),
                java.nio.charset.StandardCharsets.UTF_8)).contains("\"source\":\"\"").endsWith("\"source\":\"svc\"}");
        // The other formats have no such member at the top: they are written as they are.
        org.assertj.core.api.Assertions.assertThat(ErrorWriter.standard()
                .write(dev.restfault.core.model.ErrorFormat.PARTNER_API, anonymous, 400, "Bad request")).isNotEmpty();
    }

    @Test
    void extensionNamesThatAreOneNameOnceRepairedAreWrittenOnce() {
        // Found by ErrorWriterFuzzTest: both names became "\uFFFDx" and the object had it twice.
        ProblemDetail p = ProblemDetail.builder()
                .extension("\uD800x", "first")
                .extension("\uDC00x", "second")
                .extension("\uFFFDy", "as sent")
                .extension("\uDBFFy", "repaired onto a name sent as is")
                .build();
        String json = new String(writer.writeProblem(p), UTF_8);
        assertThat(json).isEqualTo("{\"type\":\"about:blank\",\"\uFFFDx\":\"first\",\"\uFFFDy\":\"as sent\"}");
        SchemaCheck.assertValid(ErrorFormat.PROBLEM_DETAILS, json.getBytes(UTF_8));
    }
}
