package dev.restfault.testkit.load;

import static dev.restfault.testkit.ScriptedServer.After.CLOSE;
import static dev.restfault.testkit.ScriptedServer.After.KEEP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.testkit.ScriptedServer;
import dev.restfault.testkit.ScriptedServer.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** The three renderings of a load report, on a real run against a server that breaks both promises. */
class LoadReportsTest {

    /**
     * GET answered 200 and kept; a POST answered with an HTML page that carries a bidi override and
     * markup, then the connection closed silently.
     */
    private static LoadReport badRun() throws IOException {
        try (ScriptedServer server = new ScriptedServer(r -> {
            if (r.method.equals("GET")) {
                return Reply.of(ScriptedServer.ok(r, ""), KEEP);
            }
            String page = "<html><body>Method \u202Enot allowed <script>x</script></body></html>";
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            return new Reply(("HTTP/1.1 405 Method Not Allowed\r\nContent-Type: text/html\r\nContent-Length: " + body.length
                    + "\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1), CLOSE);
        })) {
            return LoadRunner.builder(server.baseUrl()).mix(LoadMix.parse("get,post-json")).connections(1).requests(10).build().run();
        }
    }

    @Test
    void textShowsTheFailuresTheirCauseTheViolationsAndLatency() throws IOException {
        String text = LoadReports.text(badRun());
        assertThat(text).startsWith("restfault check --load http://127.0.0.1:")
                .contains("1 connection, ", "(bound: 10 requests)", "mix get=1,post-json=1")
                .containsPattern("requests +10 ")
                .containsPattern("answered +6")
                .containsPattern("  405 +5")
                .containsPattern("broken connections +4  connection closed without a response")
                .containsPattern("  after post-json -> 405 +4")
                .containsPattern("off-contract answers +5")
                .containsPattern("  body-not-json +5")
                .contains("e.g. post-json POST /api/ -> 405: body-not-json:")
                .containsPattern("latency \\(ms\\) +answers +p50 +p90 +p99 +max")
                .containsPattern("  successes +1 ")
                .containsPattern("  errors +5 ")
                .endsWith("10 requests, 4 broken connections, 0 other failures, 5 off-contract answers: not conformant\n");
    }

    @Test
    void jsonIsParseableAsciiAndHasEveryCount() throws IOException {
        String json = LoadReports.json(badRun());
        assertThat(json).isASCII().doesNotContain("\u202E")
                .contains("\"conformant\":false", "\"requests\":10", "\"answered\":6", "\"statuses\":{\"200\":1,\"405\":5}",
                        "\"broken-connection\":4", "\"no-response\":0", "\"brokenConnectionsAfter\":{\"post-json -> 405\":4}",
                        "\"offContractAnswers\":5", "\"rule\":\"body-not-json\"", "\"answers\":5",
                        "\"request\":\"post-json POST /api/\"", "\"status\":405", "\"plannedRequests\":10",
                        "\"latency\":{\"successes\":{\"count\":1,");
        try (JsonParser p = JsonFactory.builder().build().createParser(ObjectReadContext.empty(), json)) {
            int tokens = 0;
            while (p.nextToken() != null) {
                tokens++;
            }
            assertThat(tokens).isGreaterThan(50);
            assertThat(p.currentToken()).isNull();
        }
    }

    @Test
    void htmlEscapesWhatTheServerSent() throws IOException {
        String html = LoadReports.html(badRun());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("not conformant", "broken after <code>post-json -&gt; 405</code>",
                "<code>body-not-json</code>").doesNotContain("<script>").endsWith("</html>\n");
    }
}
