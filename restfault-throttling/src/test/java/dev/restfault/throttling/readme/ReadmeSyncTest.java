package dev.restfault.throttling.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The module's README shows the examples of {@link ReadmeExamplesTest} verbatim (modulo
 * indentation), and the repository's README the ones of its throttling section: an example edited
 * in one place and not the other fails the build.
 */
class ReadmeSyncTest {

    private static final List<String> ROOT_README_EXAMPLES = List.of("tenantLimit", "check");

    private static final Pattern BLOCK = Pattern.compile("// README-BEGIN (\\w+)\\n(.*?)\\n\\s*// README-END \\1", Pattern.DOTALL);

    @Test
    void everyExampleBlockAppearsInTheReadme() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/restfault/throttling/readme/ReadmeExamplesTest.java"),
                StandardCharsets.UTF_8);
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String rootReadme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        Matcher m = BLOCK.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
            String example = dedent(m.group(2));
            assertThat(readme).as("README shows example '%s' verbatim", m.group(1)).contains(example);
            if (ROOT_README_EXAMPLES.contains(m.group(1))) {
                assertThat(rootReadme).as("the repository's README shows example '%s' verbatim", m.group(1)).contains(example);
            }
        }
        assertThat(names).containsExactly("tenantLimit", "limits", "check", "redis", "metrics");
    }

    static String dedent(String block) {
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
