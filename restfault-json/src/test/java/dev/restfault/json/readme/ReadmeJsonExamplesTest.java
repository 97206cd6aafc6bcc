package dev.restfault.json.readme;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.BodyShape;
import dev.restfault.json.DecodedError;
import dev.restfault.json.ErrorBodyException;
import dev.restfault.json.ErrorReader;
import dev.restfault.json.ErrorSchemas;
import dev.restfault.json.ErrorWriter;
import dev.restfault.json.ReaderLimits;
import dev.restfault.json.databind.RestfaultModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The examples of restfault-json/README.md, compiled and run; {@link ReadmeJsonSyncTest} checks
 * the README shows them verbatim. Uses only the exported API.
 */
class ReadmeJsonExamplesTest {

    @Test
    void write() throws IOException {
        ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
        // README-BEGIN write
        PartnerCenterError error = PartnerCenterError.builder()
                .code("badRequest")
                .description("The request is not valid.")
                .source("orders-service")
                .addData(PartnerCenterError.of("required", "The field is required.", "customer.companyName"))
                .build();

        ErrorWriter writer = ErrorWriter.standard();
        byte[] json = writer.writePartnerCenter(error);
        // {"code":"badRequest","description":"The request is not valid.","data":[{"code":"required",
        //  "description":"The field is required.","source":"customer.companyName"}],"source":"orders-service"}

        // The same error in the format the client asked for, streamed to a response body:
        StatusEntry entry = StatusCatalog.entry(400);
        writer.write(ErrorFormat.PROBLEM_DETAILS, error, entry.status(), entry.reasonPhrase(Locale.US), responseBody);
        // README-END write
        assertThat(new String(json, UTF_8)).isEqualTo("{\"code\":\"badRequest\",\"description\":\"The request is not"
                + " valid.\",\"data\":[{\"code\":\"required\",\"description\":\"The field is required.\",\"source\":"
                + "\"customer.companyName\"}],\"source\":\"orders-service\"}");
        assertThat(responseBody.toString(UTF_8)).startsWith("{\"type\":\"about:blank\",\"title\":\"Bad request\",\"status\":400,");
    }

    @Test
    void read() {
        int status = 400;
        InputStream body = new ByteArrayInputStream(
                "{\"code\": 1002, \"description\": \"Primary domain is invalid.\", \"data\": [], \"source\": \"PartnerFD\"}"
                        .getBytes(UTF_8));
        PartnerCenterError result;
        // README-BEGIN read
        ErrorReader reader = ErrorReader.standard();
        try {
            DecodedError decoded = reader.read(body);           // any shape; body is not closed
            String code = decoded.code().orElse("none");        // "1002": numeric codes are read as text
            // One normalized Partner Center error, with the catalog filling what the body lacked:
            result = decoded.toPartnerCenter(StatusCatalog.entry(status), Locale.US, "upstream");
        } catch (ErrorBodyException e) {
            // EMPTY, NOT_JSON (an HTML page from a gateway), MALFORMED, TRUNCATED, LIMIT_EXCEEDED, NOT_AN_ERROR, IO
            String diagnosis = e.reason() + ": " + e.rawExcerpt();   // safe to log: capped, no control characters
            result = PartnerCenterError.of(StatusCatalog.entry(status).defaultCode(),
                    StatusCatalog.entry(status).description(Locale.US), "upstream");
        }
        // README-END read
        assertThat(result).isEqualTo(PartnerCenterError.of("1002", "Primary domain is invalid.", "PartnerFD"));
    }

    @Test
    void shapes() {
        byte[] body = "{\"type\":\"https://example.com/p/out-of-stock\",\"description\":\"ext\"}".getBytes(UTF_8);
        // README-BEGIN shapes
        BodyShape shape = BodyShape.of(body, false);   // true when Content-Type was application/problem+json
        shape.format();                                // Optional[PROBLEM_DETAILS]: type wins over description
        shape.token();                                 // "problem-details"
        BodyShape.of("{\"statusCode\":429,\"message\":\"Slow down\"}".getBytes(UTF_8), false);   // THROTTLING: no format
        BodyShape.of("<html>".getBytes(UTF_8), false);                                        // NOT_AN_ERROR, never an exception
        // README-END shapes
        assertThat(shape).isEqualTo(BodyShape.PROBLEM_DETAILS);
        assertThat(shape.format()).contains(ErrorFormat.PROBLEM_DETAILS);
        assertThat(shape.token()).isEqualTo("problem-details");
        assertThat(BodyShape.of("{\"statusCode\":429,\"message\":\"Slow down\"}".getBytes(UTF_8), false))
                .isEqualTo(BodyShape.THROTTLING);
        assertThat(BodyShape.of("<html>".getBytes(UTF_8), false)).isEqualTo(BodyShape.NOT_AN_ERROR);
    }

    @Test
    void limits() {
        // README-BEGIN limits
        ErrorReader small = ErrorReader.create(ReaderLimits.builder()
                .maxDocumentBytes(64 * 1024)     // default 1 MiB
                .maxDepth(16)                    // default 32
                .maxStringLength(8 * 1024)       // default 64 Ki characters
                .maxEntries(50)                  // default 256 per data/details list
                .maxRawExcerpt(512)              // default 2048 characters
                .build());
        // README-END limits
        assertThat(small.limits().maxEntries()).isEqualTo(50);
    }

    @Test
    void schemas() {
        // README-BEGIN schemas
        String resource = ErrorSchemas.resourceName(ErrorFormat.PARTNER_CENTER);
        // "dev/restfault/json/schema/partner-center.schema.json", draft 2020-12
        String schema = ErrorSchemas.text(ErrorFormat.PARTNER_API);   // or open(format) for a stream
        // hand it to any JSON Schema validator
        // README-END schemas
        assertThat(resource).isEqualTo("dev/restfault/json/schema/partner-center.schema.json");
        assertThat(schema).contains("\"innerError\"");
    }

    @Test
    void databind() {
        // README-BEGIN databind
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new RestfaultModule())
                .build();
        String json = mapper.writeValueAsString(PartnerCenterError.of("notFound", "No such order.", "orders"));
        PartnerCenterError back = mapper.readValue(json, PartnerCenterError.class);
        // README-END databind
        assertThat(back).isEqualTo(PartnerCenterError.of("notFound", "No such order.", "orders"));
    }
}
