package dev.restfault.testkit.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** A violation's one JSON form: every member, printable ASCII only, the same text once parsed. */
class ViolationTest {

    @Test
    void theJsonFormHoldsRuleExplanationAndEvidence() {
        assertThat(Violation.of(Rule.REQUIRED_HEADER, "401 without WWW-Authenticate", null).toJson())
                .isEqualTo("{\"rule\":\"required-header\",\"explanation\":\"401 without WWW-Authenticate\",\"evidence\":\"\"}");
    }

    @Test
    void everythingBeyondPrintableAsciiIsEscapedAndParsesBackTheSame() {
        // A bidi override, DEL, a C1 control, a line separator, Japanese, an emoji and a quote.
        String hostile = "a\u202Eb\u007Fc\u0085d\u2028e要f\uD83D\uDE00\"g\\";
        Violation v = Violation.of(Rule.LEAK_SQL, "found " + hostile, "at " + hostile);
        String json = v.toJson();
        assertThat(json.chars().filter(c -> c < 0x20 || c > 0x7E)).as(json).isEmpty();
        // Violation itself turned the controls into U+FFFD; the JSON escapes the rest.
        assertThat(json).contains("\\uFFFD", "\\u8981", "\\uD83D\\uDE00", "\\\"g\\\\");
        Map<String, String> parsed = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                parsed.put(name, p.getString());
            }
        }
        assertThat(parsed).containsExactly(Map.entry("rule", "leak-sql"), Map.entry("explanation", v.explanation()),
                Map.entry("evidence", v.evidence()));
    }

    @Test
    void theReportsJsonOutputEscapesDelAndBidiControlsToo() {
        java.io.StringWriter out = new java.io.StringWriter();
        try (tools.jackson.core.JsonGenerator g = dev.restfault.testkit.implementation.AsciiJson.FACTORY
                .createGenerator(tools.jackson.core.ObjectWriteContext.empty(), out)) {
            g.writeString("a\u007Fb\u202Ec\u0085d");
        }
        assertThat(out.toString()).isEqualTo("\"a\\u007Fb\\u202Ec\\u0085d\"");
    }
}
