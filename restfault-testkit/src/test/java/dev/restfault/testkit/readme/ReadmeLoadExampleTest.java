package dev.restfault.testkit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.testkit.LoopbackServers;
import dev.restfault.testkit.load.LoadMix;
import dev.restfault.testkit.load.LoadReport;
import dev.restfault.testkit.load.LoadReports;
import dev.restfault.testkit.load.LoadRunner;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's load-run example, verbatim between the BEGIN/END markers, run against a real
 * loopback API; and a check that the README shows it unchanged.
 */
class ReadmeLoadExampleTest {

    private static final Pattern BLOCK = Pattern.compile("// README-BEGIN (\\w+)\\n(.*?)\\n\\s*// README-END \\1", Pattern.DOTALL);

    @Test
    void load() throws IOException {
        try (LoopbackServers.Running api = LoopbackServers.conformant()) {
            URI baseUrl = api.baseUrl();
            String token = LoopbackServers.GOOD_TOKEN;
            // README-BEGIN load
            LoadReport report = LoadRunner.builder(baseUrl)
                    .resource("orders")
                    .token(token)
                    .connections(8)                          // keep-alive connections, one thread each
                    .requests(1_000)                         // and/or .duration(...): a bound is required
                    .mix(LoadMix.parse("get=2,post-json=1,malformed-json=1"))   // default: LoadMix.standard()
                    .build()
                    .run();
            System.out.print(LoadReports.text(report));      // or json(report), html(report)
            assertThat(report.brokenConnections()).isZero();
            assertThat(report.violations()).isEmpty();       // every answer kept the contract
            assertThat(report.isConformant()).isTrue();
            // README-END load
            assertThat(report.answersByStatus()).containsOnlyKeys(200, 400);
            assertThat(report.answered()).isEqualTo(1_000);
        }
    }

    @Test
    void theReadmeShowsTheExampleVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/restfault/testkit/readme/ReadmeLoadExampleTest.java"),
                StandardCharsets.UTF_8);
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        Matcher m = BLOCK.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
            assertThat(readme).as("README shows example '%s' verbatim", m.group(1)).contains(dedent(m.group(2)));
        }
        assertThat(names).containsExactly("load");
    }

    private static String dedent(String block) {
        String[] lines = block.split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
