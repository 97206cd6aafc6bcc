package dev.restfault.cli;

import static dev.restfault.cli.CliTest.assertJson;
import static dev.restfault.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.cli.CliTest.Run;
import dev.restfault.testkit.LoopbackServers;
import dev.restfault.testkit.ScriptedServer;
import dev.restfault.testkit.ScriptedServer.After;
import dev.restfault.testkit.ScriptedServer.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code restfault check --load} end to end, in-process, against real loopback servers; bounded by request counts. */
class CheckLoadTest {

    /** GET answered 200 and kept; anything else a 405, then the connection closed without saying so. */
    private static ScriptedServer closesSilentlyAfterErrors() throws IOException {
        return new ScriptedServer(r -> r.method.equals("GET") ? Reply.of(ScriptedServer.ok(r, ""), After.KEEP)
                : Reply.of(ScriptedServer.error(r, 405, ""), After.CLOSE));
    }

    @Test
    void aServerThatKeepsItsConnectionsExits0WithAPlainProgressLine() throws IOException {
        try (LoopbackServers.Running server = LoopbackServers.conformant()) {
            Run r = run("check", server.baseUrl().toString(), "--token", LoopbackServers.GOOD_TOKEN, "--resource", "orders",
                    "--load", "--connections", "4", "--requests", "300", "--progress", "plain");
            assertThat(r.code).as(r.out).isZero();
            assertThat(r.out).startsWith("restfault check --load " + server.baseUrl())
                    .contains("4 connections", "(bound: 300 requests)", "mix get=10,post-json=4,malformed-json=2,")
                    .containsPattern("broken connections +0")
                    .containsPattern("latency \\(ms\\) +answers +p50 +p90 +p99 +max")
                    .endsWith("300 requests, 0 broken connections, 0 other failures, 0 off-contract answers: conformant\n")
                    .doesNotContain(LoopbackServers.GOOD_TOKEN);
            // Plain: whole lines, never a carriage return; the last one says the run is done.
            assertThat(r.err).doesNotContain("\r").containsPattern("(?m)^restfault check --load: \\[\\d+\\.\\d s\\] 300 / 300 requests "
                    + "\\([\\d,]+/s\\), [\\d,]+ errors, 0 broken connections, 0 other failures, 0 off-contract, done$");
        }
    }

    @Test
    void brokenConnectionsExit1AndTheLiveLineRewritesItself(@TempDir Path dir) throws IOException {
        try (ScriptedServer server = closesSilentlyAfterErrors()) {
            Run r = run("check", server.baseUrl().toString(), "--load", "--connections", "2", "--requests", "40",
                    "--mix", "get=1,post-json=1", "--progress", "live");
            assertThat(r.code).as(r.out).isEqualTo(1);
            assertThat(r.out).containsPattern("broken connections +\\d+  connection ")
                    .containsPattern("  after post-json -> 405 +\\d+")
                    .contains(": not conformant");
            assertThat(r.err).startsWith("\r[").endsWith(", done\n");

            Run json = run("check", server.baseUrl().toString(), "--load", "--requests", "20", "--mix", "get,post-json",
                    "--report", "json", "--progress", "none");
            assertThat(json.code).isEqualTo(1);
            assertThat(json.err).isEmpty();
            assertJson(json.out);
            assertThat(json.out).contains("\"conformant\":false", "\"requests\":20").containsPattern("\"broken-connection\":[1-9]");

            Path html = dir.resolve("load.html");
            Run h = run("check", server.baseUrl().toString(), "--load", "--requests", "20", "--mix", "get,post-json",
                    "--report", "html", "-o", html.toString(), "--progress", "none");
            assertThat(h.code).isEqualTo(1);
            assertThat(h.out).contains("20 requests, ", "not conformant (report: " + html + ")");
            assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("broken connections");
        }
    }

    @Test
    void usageMistakesExit2AndSendNothing() throws IOException {
        try (ScriptedServer server = closesSilentlyAfterErrors()) {
            String url = server.baseUrl().toString();
            assertThat(run("check", url, "--load").err).contains("restfault check: --load needs --duration SECONDS, --requests M, or both");
            assertThat(run("check", url, "--connections", "4").err).contains("restfault check: --connections applies to --load only");
            assertThat(run("check", url, "--requests", "4").err).contains("--requests applies to --load only");
            assertThat(run("check", url, "--mix", "get").err).contains("--mix applies to --load only");
            assertThat(run("check", url, "--load", "--requests", "10", "--mix", "nope=1").err).contains("no case 'nope' (known: get,");
            assertThat(run("check", url, "--load", "--requests", "10", "--mix", "get=0").err)
                    .contains("weight of 'get' must be within 1..1000, was 0");
            assertThat(run("check", url, "--load", "--requests", "10", "--connections", "0").err)
                    .contains("connections must be within 1..1024");
            assertThat(run("check", url, "--load", "--duration", "0").err).contains("--duration must be within 1..86400 seconds");
            assertThat(run("check", url, "--load", "--requests", "0").err).contains("requests must be within 1..1000000000");
            assertThat(run("check", url, "--load", "--requests", "10", "--body-size", "10").err)
                    .contains("body size must be within 64..1048576 bytes");
            assertThat(run("check", url, "--load", "--requests", "10", "--body-pause", "1001").err)
                    .contains("--body-pause must be within 0..1000 ms");
            assertThat(run("check", url, "--body-pause", "5").err).contains("--body-pause applies to --load only");
            assertThat(run("check", url, "--load", "--requests", "10", "--progress", "fancy").err)
                    .contains("--progress must be auto, live, plain or none");
            assertThat(run("check", url, "--load", "--requests", "10", "--mix", "probe", "--skip",
                    "unknown-path,wrong-method,not-acceptable,malformed-body,no-credentials,bad-token,huge-header,locale,invalid-ids,problem-accept")
                    .err).contains("every case of the mix is skipped: nothing to send");
            for (String[] args : new String[][] {{"--load"}, {"--load", "--requests", "10", "--mix", "\u001b[31m"}}) {
                String[] all = new String[args.length + 2];
                all[0] = "check";
                all[1] = url;
                System.arraycopy(args, 0, all, 2, args.length);
                Run r = run(all);
                assertThat(r.code).isEqualTo(2);
                assertThat(r.err).doesNotContain("\u001b");
            }
            assertThat(server.requests).isEmpty();
        }
    }

    @Test
    void anUnreachableApiExits2AtOnce() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Run r = run("check", "http://127.0.0.1:" + port + "/", "--load", "--duration", "600", "--connections", "2", "--progress", "none");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("could not be reached (connection refused)");
        assertThat(r.out).isEmpty();
    }

    @Test
    void theHelpShowsLoadExamples() {
        Run r = run("check", "--help");
        assertThat(r.out).contains("--load", "--connections", "--duration", "--requests", "--mix", "--body-size", "--body-pause", "--progress",
                "  restfault check http://localhost:8080/ --resource items/1 --load \\\n"
                        + "      --connections 32 --duration 8 --mix get=1,post-json=1\n",
                "reports broken connections");
        // Every example fits the help's 80 columns: none is wrapped in the middle of an option.
        String examples = r.out.substring(r.out.indexOf("Examples:") + "Examples:".length()).strip();
        assertThat(examples.lines()).allSatisfy(line -> assertThat(line).matches("(restfault check|  restfault check| {6}--).*"));
    }
}
