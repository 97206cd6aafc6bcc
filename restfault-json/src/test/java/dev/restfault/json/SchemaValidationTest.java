package dev.restfault.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.PartnerCenterError;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every writer output validates against the shipped schema of its format; and the schemas can fail. */
class SchemaValidationTest {

    private final ErrorWriter writer = ErrorWriter.standard();

    @Test
    void schemasAreShippedAsDraft202012WithTheirIds() {
        for (ErrorFormat f : ErrorFormat.values()) {
            String schema = ErrorSchemas.text(f);
            assertThat(schema).contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"")
                    .contains("\"$id\": \"" + ErrorSchemas.id(f) + "\"");
            assertThat(ErrorSchemas.resourceName(f)).startsWith("dev/restfault/json/schema/").endsWith(".schema.json");
        }
    }

    @Test
    void schemaAccessorStreamsTheSameTextAndRejectsNull() throws java.io.IOException {
        for (ErrorFormat f : ErrorFormat.values()) {
            try (java.io.InputStream in = ErrorSchemas.open(f)) {
                assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo(ErrorSchemas.text(f));
            }
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ErrorSchemas.text(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void everyCatalogStatusInEveryLocaleAndFormatValidates() {
        for (StatusEntry entry : StatusCatalog.entries()) {
            for (Locale locale : SupportedLocales.ALL) {
                PartnerCenterError e = PartnerCenterError.builder().code(entry.defaultCode())
                        .description(entry.description(locale)).source("Sandbox")
                        .addData(PartnerCenterError.of("field", entry.reasonPhrase(locale), "body.name"))
                        .build();
                for (ErrorFormat f : ErrorFormat.values()) {
                    SchemaCheck.assertValid(f, writer.write(f, e, entry.status(), entry.reasonPhrase(locale)));
                }
            }
        }
    }

    @Test
    void randomPartnerCenterErrorsValidate() {
        Samples.forAll(300, r -> Samples.partnerCenter(r, 1),
                e -> SchemaCheck.assertValid(ErrorFormat.PARTNER_CENTER, writer.writePartnerCenter(e)));
    }

    @Test
    void randomPartnerApiErrorsValidate() {
        Samples.forAll(300, r -> Samples.partnerApi(r, 1),
                e -> SchemaCheck.assertValid(ErrorFormat.PARTNER_API, writer.writePartnerApi(e)));
    }

    @Test
    void randomProblemsValidate() {
        Samples.forAll(300, Samples::problem,
                p -> SchemaCheck.assertValid(ErrorFormat.PROBLEM_DETAILS, writer.writeProblem(p)));
    }

    @Test
    void schemasRejectWhatBreaksTheContract() {
        // Without these, "validates" would prove nothing.
        assertThat(SchemaCheck.errors(ErrorFormat.PARTNER_CENTER,
                "{\"code\":1002,\"description\":\"d\",\"source\":\"s\"}".getBytes(UTF_8))).isNotEmpty();
        assertThat(SchemaCheck.errors(ErrorFormat.PARTNER_CENTER,
                "{\"code\":\"c\",\"description\":\"\",\"source\":\"s\"}".getBytes(UTF_8))).isNotEmpty();
        assertThat(SchemaCheck.errors(ErrorFormat.PARTNER_CENTER,
                "{\"code\":\"c\",\"description\":\"d\"}".getBytes(UTF_8))).isNotEmpty();
        // The top-level source names the component; only a data entry's may be empty.
        assertThat(SchemaCheck.errors(ErrorFormat.PARTNER_CENTER,
                "{\"code\":\"c\",\"description\":\"d\",\"source\":\"\"}".getBytes(UTF_8))).isNotEmpty();
        assertThat(SchemaCheck.errors(ErrorFormat.PARTNER_CENTER,
                "{\"code\":\"c\",\"description\":\"d\",\"source\":\" \"}".getBytes(UTF_8))).isNotEmpty();
        assertThat(SchemaCheck.errors(ErrorFormat.PARTNER_CENTER,
                "{\"code\":\"c\",\"description\":\"d\",\"source\":\"s\",\"data\":[{\"code\":\"x\",\"description\":\"e\",\"source\":\"\"}]}"
                        .getBytes(UTF_8))).isEmpty();
        assertThat(SchemaCheck.errors(ErrorFormat.PARTNER_CENTER,
                ("{\"code\":\"c\",\"description\":\"" + "x".repeat(1025) + "\",\"source\":\"s\"}").getBytes(UTF_8)))
                .isNotEmpty();
        assertThat(SchemaCheck.errors(ErrorFormat.PARTNER_CENTER,
                "{\"code\":\"c\",\"description\":\"d\",\"source\":\"s\",\"data\":[{\"code\":\"x\"}]}".getBytes(UTF_8)))
                .isNotEmpty();
        assertThat(SchemaCheck.errors(ErrorFormat.PARTNER_CENTER,
                "{\"code\":\"c\",\"description\":\"d\",\"source\":\"s\",\"extra\":1}".getBytes(UTF_8))).isNotEmpty();
        assertThat(SchemaCheck.errors(ErrorFormat.PARTNER_API,
                "{\"error\":{\"code\":\"c\",\"message\":\"m\",\"innererror\":{\"code\":\"x\"}}}".getBytes(UTF_8)))
                .isNotEmpty();
        assertThat(SchemaCheck.errors(ErrorFormat.PARTNER_API,
                "{\"error\":{\"code\":\"c\",\"message\":\"m\",\"innerError\":{}}}".getBytes(UTF_8))).isNotEmpty();
        assertThat(SchemaCheck.errors(ErrorFormat.PARTNER_API,
                "{\"code\":\"c\",\"message\":\"m\"}".getBytes(UTF_8))).isNotEmpty();
        assertThat(SchemaCheck.errors(ErrorFormat.PROBLEM_DETAILS,
                "{\"type\":\"about:blank\",\"status\":700}".getBytes(UTF_8))).isNotEmpty();
        assertThat(SchemaCheck.errors(ErrorFormat.PROBLEM_DETAILS,
                "{\"status\":404}".getBytes(UTF_8))).isNotEmpty();
    }
}
