package dev.restfault.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.http.RequestIds;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Checks one error response against docs/contract.md, whatever the status: the headers every error
 * carries, the body's shape (validated against the shipped JSON Schema of its format), the
 * source, the language, and that nothing internal leaks. Then, fluently, what is specific to
 * the case: code, description, data entries, status headers.
 */
final class ErrorCheck {

    static final String SOURCE = "restfault-sandbox";

    private final Reply reply;
    private final ErrorFormat format;
    private final Locale locale;
    private final JsonNode error;

    private ErrorCheck(Reply reply, int status, ErrorFormat format, Locale requested) {
        this.reply = reply;
        this.format = format;
        // The Partner API variant's messages are not localized (docs/contract.md, section
        // Localization): always en-US.
        this.locale = format == ErrorFormat.PARTNER_API ? SupportedLocales.EN_US : requested;
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);

        String contentType = reply.header("Content-Type").orElseThrow(() -> new AssertionError("no Content-Type: " + reply));
        if (format == ErrorFormat.PROBLEM_DETAILS) {
            assertThat(contentType).isEqualToIgnoringCase("application/problem+json");
        } else {
            // Jetty writes "application/json;charset=utf-8": same media type, same parameter.
            assertThat(contentType.replace(" ", "").toLowerCase(Locale.ROOT)).isEqualTo("application/json;charset=utf-8");
        }
        assertThat(reply.all("Cache-Control")).containsExactly("no-store");
        assertThat(reply.all("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(reply.header("Content-Language")).contains(locale.toLanguageTag());
        assertThat(reply.header("MS-CorrelationId")).hasValueSatisfying(id -> assertThat(RequestIds.isValid(id)).isTrue());
        assertThat(reply.header("MS-RequestId")).hasValueSatisfying(id -> assertThat(RequestIds.isValid(id)).isTrue());

        String body = reply.body();
        assertThat(SchemaCheck.violations(format, body)).as("schema violations of %s", body).isEmpty();
        for (String internal : List.of("Exception", "java.", "jakarta.", "springframework", "at dev.", "hunter2", "jdbc:")) {
            assertThat(body).as("internal detail in %s", body).doesNotContain(internal);
        }
        JsonNode root = reply.json();
        this.error = format == ErrorFormat.PARTNER_API ? root.path("error") : root;
        assertThat(error.isObject()).isTrue();
        assertThat(text(error, "source", "target", "source")).isEqualTo(SOURCE);
        String list = format == ErrorFormat.PARTNER_API ? "details" : "data";
        if (error.has(list)) {
            // docs/contract.md, section Wire formats: the list is omitted when empty, never [].
            assertThat(error.path(list).size()).as("empty %s in %s", list, body).isPositive();
        }
        String description = description();
        assertThat(description).isNotEmpty();
        assertThat(description.length()).isLessThanOrEqualTo(1024);
        if (format == ErrorFormat.PROBLEM_DETAILS) {
            assertThat(error.path("status").asInt()).isEqualTo(status);
            assertThat(error.path("title").asString()).isEqualTo(ExpectedTexts.reason(status, locale));
        }
    }

    /** Checks what every error carries; {@code requested} is the language the request asked for. */
    static ErrorCheck of(Reply reply, int status, ErrorFormat format, Locale requested) {
        return new ErrorCheck(reply, status, format, requested);
    }

    /** The language the body must be in (en-US for the Partner API format). */
    Locale locale() {
        return locale;
    }

    ErrorCheck code(String code) {
        assertThat(text(error, "code", "code", "code")).isEqualTo(code);
        return this;
    }

    /**
     * The description must be {@code expected} in the body's language, and for a language other
     * than English must differ from the English text: proof that it was translated.
     */
    ErrorCheck description(Function<Locale, String> expected) {
        assertThat(description()).isEqualTo(expected.apply(locale));
        if (!locale.getLanguage().equals("en")) {
            assertThat(description()).isNotEqualTo(expected.apply(SupportedLocales.EN_US));
        }
        return this;
    }

    /** The {@code data} (or {@code details}) entries, as {@code code@source} pairs, in any order. */
    ErrorCheck data(String... codeAtSource) {
        List<String> actual = new ArrayList<>();
        for (JsonNode d : entries()) {
            assertThat(text(d, "description", "message", "description")).isNotBlank();
            actual.add(text(d, "code", "code", "code") + "@" + text(d, "source", "target", "source"));
        }
        assertThat(actual).containsExactlyInAnyOrder(codeAtSource);
        return this;
    }

    /** The description of the entry whose source is {@code source}. */
    String dataDescription(String source) {
        for (JsonNode d : entries()) {
            if (source.equals(text(d, "source", "target", "source"))) {
                return text(d, "description", "message", "description");
            }
        }
        throw new AssertionError("no data entry for " + source + " in " + reply.body());
    }

    ErrorCheck noData() {
        assertThat(entries()).isEmpty();
        return this;
    }

    ErrorCheck header(String name, String value) {
        assertThat(reply.all(name)).as("header %s", name).containsExactly(value);
        return this;
    }

    ErrorCheck noHeader(String name) {
        assertThat(reply.header(name)).as("header %s", name).isEmpty();
        return this;
    }

    String description() {
        return text(error, "description", "message", "detail");
    }

    Reply reply() {
        return reply;
    }

    private List<JsonNode> entries() {
        JsonNode array = error.path(format == ErrorFormat.PARTNER_API ? "details" : "data");
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private String text(JsonNode node, String partnerCenter, String partnerApi, String problem) {
        String name = format == ErrorFormat.PARTNER_CENTER ? partnerCenter
                : format == ErrorFormat.PARTNER_API ? partnerApi : problem;
        JsonNode v = node.path(name);
        return v.isString() ? v.asString() : null;
    }
}
