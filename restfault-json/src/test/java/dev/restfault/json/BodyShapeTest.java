package dev.restfault.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.json.ErrorBodyException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BodyShape}'s table, row by row and for every ambiguous combination, and the reader
 * reading each body as the shape says: recognizing and reading cannot disagree.
 */
class BodyShapeTest {

    static Stream<Arguments> table() {
        return Stream.of(
                // row 1: a wrapped Partner API error wins over everything
                row("1: error object", "{\"error\":{\"code\":\"c\",\"message\":\"m\"}}", false, BodyShape.PARTNER_API),
                row("1: an empty error object", "{\"error\":{}}", false, BodyShape.PARTNER_API),
                row("1: error object with problem and PC members", "{\"type\":\"t\",\"description\":\"d\",\"status\":400,"
                        + "\"error\":{\"code\":\"c\"}}", true, BodyShape.PARTNER_API),
                // row 2: type
                row("2: type alone", "{\"type\":\"about:blank\"}", false, BodyShape.PROBLEM_DETAILS),
                row("2: ambiguous: type and description (the issue's example)",
                        "{\"type\":\"https://example.com/p/x\",\"description\":\"d\",\"code\":\"c\",\"source\":\"s\"}", false,
                        BodyShape.PROBLEM_DETAILS),
                row("2: type, status and description", "{\"type\":\"about:blank\",\"status\":400,\"description\":\"ext\"}", false,
                        BodyShape.PROBLEM_DETAILS),
                row("2: a type that is not a string does not count", "{\"type\":5,\"code\":\"c\",\"description\":\"d\"}", false,
                        BodyShape.PARTNER_CENTER),
                // row 3: description
                row("3: complete Partner Center", "{\"code\":\"c\",\"description\":\"d\",\"source\":\"s\"}", false,
                        BodyShape.PARTNER_CENTER),
                row("3: ambiguous: status and description", "{\"code\":\"c\",\"description\":\"d\",\"source\":\"s\",\"status\":404}",
                        false, BodyShape.PARTNER_CENTER),
                row("3: ambiguous: title and description", "{\"title\":\"t\",\"description\":\"d\"}", false, BodyShape.PARTNER_CENTER),
                row("3: ambiguous: detail and description", "{\"detail\":\"t\",\"description\":\"d\"}", false,
                        BodyShape.PARTNER_CENTER),
                row("3: ambiguous: description served as problem+json", "{\"code\":\"c\",\"description\":\"d\",\"source\":\"s\"}",
                        true, BodyShape.PARTNER_CENTER),
                row("3: ambiguous: description and message", "{\"code\":\"c\",\"description\":\"d\",\"message\":\"m\"}", false,
                        BodyShape.PARTNER_CENTER),
                row("3: ambiguous: description and statusCode", "{\"statusCode\":429,\"description\":\"d\"}", false,
                        BodyShape.PARTNER_CENTER),
                row("3: an empty description does not count", "{\"description\":\"\",\"title\":\"t\"}", false,
                        BodyShape.PROBLEM_DETAILS),
                // row 4: title, detail, instance, or the problem media type
                row("4: title", "{\"title\":\"Not found\",\"status\":404}", false, BodyShape.PROBLEM_DETAILS),
                row("4: detail", "{\"detail\":\"gone\",\"code\":\"c\"}", false, BodyShape.PROBLEM_DETAILS),
                row("4: instance", "{\"instance\":\"/x\"}", false, BodyShape.PROBLEM_DETAILS),
                row("4: ambiguous: problem media type and code only", "{\"code\":\"c\"}", true, BodyShape.PROBLEM_DETAILS),
                row("4: ambiguous: problem media type and the throttling body", "{\"statusCode\":429,\"message\":\"m\"}", true,
                        BodyShape.PROBLEM_DETAILS),
                row("4: ambiguous: problem media type and Spring's body",
                        "{\"timestamp\":\"t\",\"status\":404,\"error\":\"Not Found\",\"path\":\"/x\"}", true, BodyShape.PROBLEM_DETAILS),
                row("4: problem media type and no member at all", "{}", true, BodyShape.PROBLEM_DETAILS),
                row("4: a title that is not a string does not count", "{\"title\":5,\"code\":\"c\"}", false,
                        BodyShape.PARTNER_CENTER),
                // row 5: status without any member of the formats
                row("5: ambiguous: Spring Boot's default body",
                        "{\"timestamp\":\"2026-11-23T12:00:00Z\",\"status\":404,\"error\":\"Not Found\",\"path\":\"/x\"}", false,
                        BodyShape.FRAMEWORK_DEFAULT),
                row("5: ambiguous: status with code and message", "{\"status\":500,\"code\":\"c\",\"message\":\"m\"}", false,
                        BodyShape.FRAMEWORK_DEFAULT),
                row("5: status out of range still counts", "{\"status\":99999}", false, BodyShape.FRAMEWORK_DEFAULT),
                row("5: a status that is not an integer does not count", "{\"status\":\"404\",\"code\":\"c\"}", false,
                        BodyShape.PARTNER_CENTER),
                // row 6: statusCode
                row("6: the throttling body", "{\"statusCode\":429,\"message\":\"Rate limit is exceeded.\"}", false,
                        BodyShape.THROTTLING),
                row("6: ambiguous: statusCode and code", "{\"statusCode\":429,\"code\":\"c\",\"message\":\"m\"}", false,
                        BodyShape.THROTTLING),
                row("6: statusCode as a string", "{\"statusCode\":\"429\"}", false, BodyShape.THROTTLING),
                // row 7: a Partner API error object without its wrapper
                row("7: ambiguous: code and message", "{\"code\":\"c\",\"message\":\"m\"}", false, BodyShape.PARTNER_API_UNWRAPPED),
                row("7: target", "{\"code\":\"c\",\"target\":\"t\",\"source\":\"s\"}", false, BodyShape.PARTNER_API_UNWRAPPED),
                row("7: details", "{\"details\":[]}", false, BodyShape.PARTNER_API_UNWRAPPED),
                row("7: innerError with content deeper down", "{\"innererror\":{\"innerError\":{\"code\":\"x\"}}}", false,
                        BodyShape.PARTNER_API_UNWRAPPED),
                row("7: an innerError without content does not count", "{\"innerError\":{},\"code\":\"c\"}", false,
                        BodyShape.PARTNER_CENTER),
                row("7: an empty message does not count", "{\"message\":\"\",\"code\":\"c\"}", false, BodyShape.PARTNER_CENTER),
                // row 8: code, data or source
                row("8: code alone", "{\"code\":\"c\"}", false, BodyShape.PARTNER_CENTER),
                row("8: a numeric code", "{\"code\":1002}", false, BodyShape.PARTNER_CENTER),
                row("8: data", "{\"data\":[]}", false, BodyShape.PARTNER_CENTER),
                row("8: source", "{\"source\":\"\"}", false, BodyShape.PARTNER_CENTER),
                row("8: ambiguous: OAuth error with a code", "{\"error\":\"invalid_grant\",\"code\":\"c\"}", false,
                        BodyShape.PARTNER_CENTER),
                // row 9: OAuth
                row("9: OAuth error", "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70000: expired\"}", false,
                        BodyShape.OAUTH_ERROR),
                // row 10: nothing
                row("10: no member of an error", "{\"a\":1}", false, BodyShape.NOT_AN_ERROR),
                row("10: blank code", "{\"code\":\" \"}", false, BodyShape.NOT_AN_ERROR),
                row("10: null code", "{\"code\":null}", false, BodyShape.NOT_AN_ERROR),
                row("10: an empty description alone", "{\"description\":\"\"}", false, BodyShape.NOT_AN_ERROR),
                row("10: a blank OAuth error", "{\"error\":\"  \"}", false, BodyShape.NOT_AN_ERROR),
                row("10: error_description alone", "{\"error_description\":\"d\"}", false, BodyShape.NOT_AN_ERROR),
                // duplicates: the last value of a member decides, as the reader reads it
                row("duplicate description, the last one empty", "{\"description\":\"d\",\"description\":\"\",\"code\":\"c\","
                        + "\"message\":\"m\"}", false, BodyShape.PARTNER_API_UNWRAPPED));
    }

    static Arguments row(String name, String body, boolean problemMediaType, BodyShape expected) {
        return Arguments.of(name, body, problemMediaType, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachRowAndEachAmbiguousCombinationIsDecided(String name, String body, boolean problemMediaType, BodyShape expected) {
        assertThat(BodyShape.of(body.getBytes(UTF_8), problemMediaType)).isEqualTo(expected);
        if (problemMediaType) {
            return; // the reader has no media type
        }
        if (expected == BodyShape.NOT_AN_ERROR) {
            assertThat(readFailure(body.getBytes(UTF_8))).isEqualTo(Reason.NOT_AN_ERROR);
        } else {
            DecodedError read = ErrorReader.standard().read(body.getBytes(UTF_8));
            assertThat(read.bodyShape()).isEqualTo(expected);
            assertThat(read.shape()).isEqualTo(DecodedError.Shape.of(expected));
        }
    }

    @Test
    void theReaderReadsEachShapeInTheFormTheTableSays() {
        assertThat(DecodedError.Shape.of(BodyShape.PARTNER_API_UNWRAPPED)).isEqualTo(DecodedError.Shape.PARTNER_API);
        assertThat(DecodedError.Shape.of(BodyShape.FRAMEWORK_DEFAULT)).isEqualTo(DecodedError.Shape.PROBLEM_DETAILS);
        assertThat(DecodedError.Shape.of(BodyShape.OAUTH_ERROR)).isEqualTo(DecodedError.Shape.PARTNER_CENTER);
        // Spring's default body keeps its status, read as problem details.
        DecodedError spring = ErrorReader.standard().read(
                "{\"timestamp\":\"t\",\"status\":404,\"error\":\"Not Found\",\"path\":\"/x\"}".getBytes(UTF_8));
        assertThat(spring.statusCode()).contains(404);
        assertThat(spring.problem()).isPresent();
        // Decided: status with a description is Partner Center, its description read as one.
        DecodedError pc = ErrorReader.standard().read("{\"code\":\"c\",\"description\":\"d\",\"status\":404}".getBytes(UTF_8));
        assertThat(pc.partnerCenter()).isPresent();
        assertThat(pc.description()).contains("d");
    }

    @Test
    void onlyTheThreeFormatsAreContractFormats() {
        assertThat(BodyShape.PARTNER_CENTER.format()).contains(ErrorFormat.PARTNER_CENTER);
        assertThat(BodyShape.PARTNER_API.format()).contains(ErrorFormat.PARTNER_API);
        assertThat(BodyShape.PROBLEM_DETAILS.format()).contains(ErrorFormat.PROBLEM_DETAILS);
        for (BodyShape s : BodyShape.values()) {
            s.format().ifPresentOrElse(f -> assertThat(s.token()).isEqualTo(f.token()),
                    () -> assertThat(s.token()).isEqualTo(s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        }
        assertThat(BodyShape.values()).filteredOn(s -> s.format().isPresent()).hasSize(3);
    }

    @Test
    void badInputIsNotAnErrorNeverAnException() {
        assertThat(BodyShape.of(null, false)).isEqualTo(BodyShape.NOT_AN_ERROR);
        assertThat(BodyShape.of(new byte[0], true)).isEqualTo(BodyShape.NOT_AN_ERROR);
        for (String body : new String[] {"<html><body>502</body></html>", "[{\"code\":\"c\"}]", "\"code\"", "42", "null",
                "{\"code\":\"c\",\"descr", "{\"code\":\"c\" \"description\":\"d\"}", "   ", "{\"a\":" + "[".repeat(600)}) {
            assertThat(BodyShape.of(body.getBytes(UTF_8), false)).as(body.length() > 60 ? body.substring(0, 60) : body)
                    .isEqualTo(BodyShape.NOT_AN_ERROR);
        }
        byte[] random = new byte[64 * 1024];
        new java.util.Random(11).nextBytes(random);
        assertThat(BodyShape.of(random, false)).isEqualTo(BodyShape.NOT_AN_ERROR);
        // Invalid UTF-8 inside a value the recognizer reads: not readable, not a shape.
        byte[] invalid = "{\"description\":\"x\u0000\"}".getBytes(UTF_8);
        invalid[invalid.length - 3] = (byte) 0xC3;
        assertThat(BodyShape.of(invalid, false)).isEqualTo(BodyShape.NOT_AN_ERROR);
    }

    @Test
    void whatTheReaderToleratesTheRecognizerToleratesToo() {
        // Content after the root object is not read, by either.
        assertThat(BodyShape.of("{\"code\":\"c\",\"description\":\"d\"} trailing".getBytes(UTF_8), false))
                .isEqualTo(BodyShape.PARTNER_CENTER);
        // A byte order mark and UTF-16.
        assertThat(BodyShape.of(("\uFEFF{\"code\":\"c\",\"description\":\"d\"}").getBytes(UTF_8), false))
                .isEqualTo(BodyShape.PARTNER_CENTER);
        assertThat(BodyShape.of("{\"error\":{\"code\":\"c\"}}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE), false))
                .isEqualTo(BodyShape.PARTNER_API);
    }

    @Test
    void boundsOfTheModelDoNotHideTheShape() {
        // More data entries than the reader takes: the reader refuses the body, the shape stands.
        String entries = "{\"code\":\"e\",\"description\":\"d\"},".repeat(300);
        byte[] manyEntries = ("{\"code\":\"c\",\"description\":\"d\",\"source\":\"s\",\"data\":["
                + entries.substring(0, entries.length() - 1) + "]}").getBytes(UTF_8);
        assertThat(readFailure(manyEntries)).isEqualTo(Reason.LIMIT_EXCEEDED);
        assertThat(BodyShape.of(manyEntries, false)).isEqualTo(BodyShape.PARTNER_CENTER);
        // An innerError chain longer than the model allows still counts, and what follows it is read.
        String chain = "{\"innerError\":".repeat(20) + "{\"code\":\"x\"}" + "}".repeat(20);
        byte[] longChain = ("{\"code\":\"c\",\"innerError\":" + chain + ",\"zzz\":{\"a\":[1]}}").getBytes(UTF_8);
        assertThat(readFailure(longChain)).isEqualTo(Reason.LIMIT_EXCEEDED);
        assertThat(BodyShape.of(longChain, false)).isEqualTo(BodyShape.PARTNER_API_UNWRAPPED);
        byte[] longChainThenType = ("{\"innerError\":" + chain + ",\"type\":\"about:blank\"}").getBytes(UTF_8);
        assertThat(BodyShape.of(longChainThenType, false)).isEqualTo(BodyShape.PROBLEM_DETAILS);
        // Deeper than the reader's default depth (32) but well-formed: recognized.
        byte[] deep = ("{\"code\":\"c\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}").getBytes(UTF_8);
        assertThat(BodyShape.of(deep, false)).isEqualTo(BodyShape.PARTNER_CENTER);
    }

    @Test
    void everyGoldenFileIsTheShapeOfItsFormat() throws IOException {
        for (ErrorFormat format : ErrorFormat.values()) {
            for (StatusEntry entry : StatusCatalog.entries()) {
                byte[] body;
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(GoldenSamples.path(format, entry))) {
                    assertThat(in).as(GoldenSamples.path(format, entry)).isNotNull();
                    body = in.readAllBytes();
                }
                assertThat(BodyShape.of(body, format == ErrorFormat.PROBLEM_DETAILS).format()).contains(format);
                assertThat(BodyShape.of(body, false).format()).as("without the media type").contains(format);
                assertThat(ErrorReader.standard().read(body).bodyShape().format()).contains(format);
            }
        }
    }

    private static Reason readFailure(byte[] body) {
        ErrorBodyException e = org.assertj.core.api.Assertions.catchThrowableOfType(ErrorBodyException.class,
                () -> ErrorReader.standard().read(body));
        assertThat(e).as("the reader refuses the body").isNotNull();
        return e.reason();
    }
}
