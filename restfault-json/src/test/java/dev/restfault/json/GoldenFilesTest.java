package dev.restfault.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.model.ErrorFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One golden body per format and per catalog status (src/test/resources/golden): the writer must
 * produce it byte for byte, the reader must read it back to the same model, and it validates
 * against the schema. Regenerate with {@link GoldenFiles} only for a deliberate change.
 */
class GoldenFilesTest {

    private static byte[] golden(String path) {
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/" + path)) {
            assertThat(in).as("golden file %s is missing: run GoldenFiles and review it", path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    List<DynamicTest> everyStatusInEveryFormat() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ErrorFormat format : ErrorFormat.values()) {
            for (StatusEntry entry : StatusCatalog.entries()) {
                String path = GoldenSamples.path(format, entry);
                tests.add(DynamicTest.dynamicTest(path, () -> check(format, entry, golden(path))));
            }
        }
        return tests;
    }

    private static void check(ErrorFormat format, StatusEntry entry, byte[] golden) {
        byte[] written = GoldenSamples.write(format, entry);
        assertThat(new String(written, StandardCharsets.UTF_8))
                .as("writer output for %s %d", format, entry.status())
                .isEqualTo(new String(golden, StandardCharsets.UTF_8));
        assertThat(written).isEqualTo(golden);
        SchemaCheck.assertValid(format, golden);

        DecodedError read = ErrorReader.standard().read(golden);
        Locale locale = GoldenSamples.locale(entry);
        switch (format) {
            case PARTNER_CENTER:
                assertThat(read.shape()).isEqualTo(DecodedError.Shape.PARTNER_CENTER);
                assertThat(read.partnerCenter()).contains(GoldenSamples.partnerCenter(entry));
                break;
            case PARTNER_API:
                assertThat(read.shape()).isEqualTo(DecodedError.Shape.PARTNER_API);
                assertThat(read.partnerApi()).contains(GoldenSamples.partnerApi(entry));
                break;
            default:
                assertThat(read.shape()).isEqualTo(DecodedError.Shape.PROBLEM_DETAILS);
                assertThat(read.problem()).contains(GoldenSamples.problem(entry));
                assertThat(read.statusCode()).contains(entry.status());
                break;
        }
        // Whatever the format, the normalized view is the status's error.
        assertThat(read.toPartnerCenter(entry, locale, GoldenSamples.SOURCE).code()).isEqualTo(entry.defaultCode());
        assertThat(read.toPartnerCenter(entry, locale, GoldenSamples.SOURCE).description())
                .isEqualTo(entry.description(locale));
    }

    @Test
    void thereIsOneFilePerFormatAndStatusAndNoStrayOnes() throws Exception {
        for (ErrorFormat format : ErrorFormat.values()) {
            java.net.URL dir = GoldenFilesTest.class.getResource("/golden/" + GoldenSamples.directory(format));
            assertThat(dir).isNotNull();
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of(dir.toURI()))) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted())
                        .containsExactlyElementsOf(StatusCatalog.entries().stream()
                                .map(e -> e.status() + ".json").sorted().toList());
            }
        }
    }
}
