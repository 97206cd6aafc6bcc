package dev.restfault.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.model.Descriptions;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.PartnerApiError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.core.model.ProblemDetail;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The strict writer on any model the builders accept, hostile strings included (see
 * {@link HostileModels}): in every format its output validates against the shipped schema, and
 * reading it back keeps code, description, data and source (after the writer's one documented
 * repair, a lone surrogate written as U+FFFD). The only exceptions are the documented ones: a
 * builder's {@link IllegalArgumentException}, the Partner Center writer's refusal of a blank
 * top-level source, problem details' refusal of a status outside 100..599. No member name appears
 * twice in an object, as RFC 8259 asks of JSON that is meant to interoperate.
 *
 * <p>Regression inputs: {@code ErrorWriterFuzzTestInputs/roundTrip/} (fuzzer data, not JSON).
 */
class ErrorWriterFuzzTest {

    private static final List<StatusEntry> ENTRIES = StatusCatalog.entries();
    private static final JsonFactory STRICT = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final ErrorWriter writer = ErrorWriter.standard();
    private final ErrorReader reader = ErrorReader.standard();

    @FuzzTest(maxDuration = "5m")
    void roundTrip(FuzzedDataProvider data) throws IOException {
        switch (data.consumeInt(0, 2)) {
            case 0:
                partnerCenterInEveryFormat(data);
                break;
            case 1:
                partnerApi(data);
                break;
            default:
                problem(data);
        }
    }

    private void partnerCenterInEveryFormat(FuzzedDataProvider data) throws IOException {
        StatusEntry entry = ENTRIES.get(data.consumeInt(0, ENTRIES.size() - 1));
        int status = data.consumeBoolean() ? entry.status() : data.consumeInt(0, 1000);
        String title = HostileModels.optionalText(data, 3);
        PartnerCenterError e;
        try {
            e = HostileModels.partnerCenter(data, 1);
        } catch (IllegalArgumentException refusedByTheModel) {
            return;
        }
        PartnerCenterError expected = HostileModels.repaired(e);
        for (ErrorFormat format : ErrorFormat.values()) {
            boolean blankSource = Descriptions.isBlank(e.source());
            if (format == ErrorFormat.PARTNER_CENTER && blankSource) {
                assertThatThrownBy(() -> writer.write(format, e, status, title)).isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            if (format == ErrorFormat.PROBLEM_DETAILS && (status < 100 || status > 599 || "".equals(title))) {
                assertThatThrownBy(() -> writer.write(format, e, status, title)).isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            byte[] json = writer.write(format, e, status, title);
            assertValid(format, json);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.write(format, e, status, title, out);
            assertThat(out.toByteArray()).isEqualTo(json);

            DecodedError read = reader.read(json);
            // A blank top-level source names no component: the reader falls back, as documented.
            PartnerCenterError back = read.toPartnerCenter(entry, Locale.US, blankSource ? "fallback" : "");
            PartnerCenterError want = blankSource ? expected.toBuilder().source("fallback").build() : expected;
            assertThat(back).as("%s: %s", format, new String(json, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(want);
            if (format == ErrorFormat.PARTNER_CENTER) {
                assertThat(read.partnerCenter()).contains(expected);
            }
        }
    }

    private void partnerApi(FuzzedDataProvider data) {
        PartnerApiError e;
        try {
            e = HostileModels.partnerApi(data, 1);
        } catch (IllegalArgumentException refusedByTheModel) {
            return;
        }
        byte[] json = writer.writePartnerApi(e);
        assertValid(ErrorFormat.PARTNER_API, json);
        DecodedError read = reader.read(json);
        PartnerApiError expected = HostileModels.repaired(e);
        assertThat(read.partnerApi()).contains(expected);
        assertThat(read.innerError()).isEqualTo(expected.innerError());
    }

    private void problem(FuzzedDataProvider data) {
        ProblemDetail p;
        try {
            p = HostileModels.problem(data);
        } catch (IllegalArgumentException refusedByTheModel) {
            return;
        }
        byte[] json = writer.writeProblem(p);
        assertValid(ErrorFormat.PROBLEM_DETAILS, json);
        assertThat(reader.read(json).problem()).contains(HostileModels.repaired(p));
    }

    /** Valid against the shipped schema, and without a duplicate member name (which the schema cannot see). */
    private static void assertValid(ErrorFormat format, byte[] json) {
        SchemaCheck.assertValid(format, json);
        try (JsonParser p = STRICT.createParser(ObjectReadContext.empty(), json)) {
            while (p.nextToken() != null) {
                // STRICT_DUPLICATE_DETECTION throws on a repeated name
            }
        }
    }
}
