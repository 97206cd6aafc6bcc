package dev.restfault.springdoc;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialects;
import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.InnerError;
import dev.restfault.core.model.PartnerApiError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.ErrorSchemas;
import dev.restfault.json.ErrorWriter;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.headers.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The components are restfault-json's schemas: every keyword survives swagger's model (which
 * writes the document), and the converted components accept and reject exactly the bodies the
 * shipped schemas accept and reject, for everything restfault writes and for hostile bodies.
 */
class ErrorComponentsTest {

    private static final ErrorWriter WRITER = ErrorWriter.standard();

    @Test
    void everyKeywordSurvivesSwaggersModel() {
        Map<String, io.swagger.v3.oas.models.media.Schema<?>> model = ErrorComponents.schemas();
        Map<String, com.fasterxml.jackson.databind.JsonNode> json = ErrorComponents.schemasAsJson();
        assertThat(model.keySet()).containsExactlyElementsOf(json.keySet()).containsExactly(
                "PartnerCenterError", "PartnerCenterErrorEntry", "PartnerApiError", "PartnerApiErrorObject",
                "PartnerApiInnerError", "ProblemDetails", "ProblemDetailsDataEntry");
        for (String name : json.keySet()) {
            List<String> differences = new ArrayList<>();
            diff("", Json31.mapper().valueToTree(model.get(name)), json.get(name), differences);
            assertThat(differences).as(name).isEmpty();
        }
    }

    private static void diff(String path, com.fasterxml.jackson.databind.JsonNode actual,
            com.fasterxml.jackson.databind.JsonNode expected, List<String> out) {
        if (actual != null && expected != null && actual.isObject() && expected.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            actual.fieldNames().forEachRemaining(names::add);
            expected.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                diff(path + "/" + n, actual.get(n), expected.get(n), out);
            }
        } else if (actual != null && expected != null && actual.isNumber() && expected.isNumber()) {
            // 1E+2 and 100 are one JSON number (the writer prints the plain form either way)
            if (actual.decimalValue().compareTo(expected.decimalValue()) != 0) {
                out.add(path + ": model " + actual + ", schema " + expected);
            }
        } else if (actual == null || !actual.equals(expected)) {
            out.add(path + ": model " + actual + ", schema " + expected);
        }
    }

    /** Only $defs, $schema, $id and the references differ from the shipped schema. */
    @ParameterizedTest
    @EnumSource(ErrorFormat.class)
    void nothingButDefsSchemaIdAndReferencesChanged(ErrorFormat format) {
        ObjectNode original = (ObjectNode) JsonMapper.shared().readTree(ErrorSchemas.text(format));
        original.remove("$schema");
        original.remove("$id");
        ObjectNode defs = (ObjectNode) original.remove("$defs");
        String top = ErrorComponents.schemaName(format);
        String converted = ErrorComponents.schemasAsJson().get(top).toString();
        assertThat(unref(JsonMapper.shared().readTree(converted).toString())).isEqualTo(unref(original.toString()));
        for (String key : defs.propertyNames()) {
            long matches = ErrorComponents.schemasAsJson().values().stream()
                    .filter(c -> unref(c.toString()).equals(unref(defs.get(key).toString()))).count();
            assertThat(matches).as("$defs/%s is a component", key).isGreaterThanOrEqualTo(1);
        }
    }

    private static String unref(String json) {
        return json.replaceAll("\"#/(\\$defs|components/schemas)/[A-Za-z]+\"", "\"REF\"");
    }

    @ParameterizedTest
    @EnumSource(ErrorFormat.class)
    void theComponentsAcceptAndRejectWhatTheShippedSchemasDo(ErrorFormat format) {
        Schema shipped = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(ErrorSchemas.text(format), InputFormat.JSON);
        ObjectNode wrapper = JsonMapper.shared().createObjectNode();
        wrapper.put("$ref", ErrorComponents.schemaRef(format));
        wrapper.putObject("components").set("schemas", JsonMapper.shared().readTree(
                Json31.mapper().valueToTree(ErrorComponents.schemasAsJson()).toString()));
        Schema component = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31()).getSchema(wrapper);

        List<String> valid = new ArrayList<>();
        for (StatusEntry e : StatusCatalog.entries()) {
            PartnerCenterError error = PartnerCenterError.builder().code(e.defaultCode()).description(e.description(Locale.US))
                    .source("svc")
                    .addData(PartnerCenterError.builder().code("inner").description("d").source("")
                            .addData(PartnerCenterError.of("deeper", "d", "field")).build())
                    .build();
            valid.add(new String(WRITER.write(format, error, e.status(), e.reasonPhrase()), StandardCharsets.UTF_8));
        }
        if (format == ErrorFormat.PARTNER_API) {
            valid.add(new String(WRITER.writePartnerApi(PartnerApiError.builder().code("c").message("m").target("t")
                    .innerError(InnerError.of("i1", "m1", InnerError.of("i2", "m2"))).build()), StandardCharsets.UTF_8));
        }
        for (String body : valid) {
            assertThat(shipped.validate(body, InputFormat.JSON)).as("shipped schema on %s", body).isEmpty();
            assertThat(component.validate(body, InputFormat.JSON)).as("component on %s", body).isEmpty();
        }
        List<String> invalid = switch (format) {
            case PARTNER_CENTER -> List.of("{}", "[]", "{\"code\":\"c\",\"description\":\"d\"}",
                    "{\"code\":\"c\",\"description\":\"d\",\"source\":\" \"}",
                    "{\"code\":1002,\"description\":\"d\",\"source\":\"s\"}",
                    "{\"code\":\"c\",\"description\":\"\",\"source\":\"s\"}",
                    "{\"code\":\"c\",\"description\":\"d\",\"source\":\"s\",\"extra\":1}",
                    "{\"code\":\"c\",\"description\":\"d\",\"source\":\"s\",\"data\":[{\"code\":\"c\"}]}",
                    "{\"code\":\"" + "x".repeat(1025) + "\",\"description\":\"d\",\"source\":\"s\"}");
            case PARTNER_API -> List.of("{}", "{\"error\":{}}", "{\"error\":{\"code\":\"c\"}}",
                    "{\"error\":{\"code\":\"c\",\"message\":\"m\"},\"x\":1}",
                    "{\"error\":{\"code\":\"c\",\"message\":\"m\",\"innerError\":{}}}",
                    "{\"error\":{\"code\":\"c\",\"message\":\"m\",\"innererror\":{\"code\":\"i\"}}}",
                    "{\"statusCode\":429,\"message\":\"Rate limit is exceeded\"}");
            case PROBLEM_DETAILS -> List.of("{}", "{\"type\":\"\"}", "{\"type\":\"about:blank\",\"status\":\"404\"}",
                    "{\"type\":\"about:blank\",\"status\":99}",
                    "{\"type\":\"about:blank\",\"data\":[{\"code\":\"c\",\"description\":\"d\"}]}");
        };
        for (String body : invalid) {
            assertThat(shipped.validate(body, InputFormat.JSON)).as("shipped schema on %s", body).isNotEmpty();
            assertThat(component.validate(body, InputFormat.JSON)).as("component on %s", body).isNotEmpty();
        }
    }

    @Test
    void headersAreRequiredWhereTheCatalogSaysAlways() {
        Map<String, Header> headers = ErrorComponents.headers();
        assertThat(headers.keySet()).containsExactlyElementsOf(ErrorComponents.HEADERS);
        assertThat(headers.get("MS-CorrelationId").getRequired()).isTrue();
        assertThat(headers.get("MS-RequestId").getRequired()).isTrue();
        assertThat(headers.get("WWW-Authenticate").getRequired()).isTrue();
        assertThat(headers.get("Allow").getRequired()).isTrue();
        assertThat(headers.get("Retry-After").getRequired()).isFalse();
        assertThat(headers.get("ETag").getRequired()).isFalse();
        assertThat(headers.get("MS-RequestId").getSchema().getFormat()).isEqualTo("uuid");
    }

    @Test
    void everyCallReturnsNewModelObjects() {
        assertThat(ErrorComponents.schemas().get("PartnerCenterError")).isNotSameAs(ErrorComponents.schemas().get("PartnerCenterError"));
        ErrorComponents.schemas().get("PartnerCenterError").setTitle("changed");
        assertThat(ErrorComponents.schemas().get("PartnerCenterError").getTitle()).isEqualTo("Partner Center error");
    }
}
