package dev.restfault.json.readme;

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
 * restfault-json/README.md shows the examples of {@link ReadmeJsonExamplesTest} verbatim (modulo
 * indentation): an example edited in one place and not the other fails the build.
 */
class ReadmeJsonSyncTest {

    private static final Pattern BLOCK =
            Pattern.compile("// README-BEGIN (\\w+)\\n(.*?)\\n\\s*// README-END \\1", Pattern.DOTALL);

    @Test
    void everyExampleBlockAppearsInTheReadme() throws IOException {
        String source = Files.readString(
                Path.of("src/test/java/dev/restfault/json/readme/ReadmeJsonExamplesTest.java"), StandardCharsets.UTF_8);
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        Matcher m = BLOCK.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
            assertThat(readme).as("README shows example '%s' verbatim", m.group(1)).contains(dedent(m.group(2)));
        }
        assertThat(names).containsExactly("write", "read", "shapes", "limits", "schemas", "databind");
    }

    /** The project README shows the writing and reading examples too. */
    @Test
    void theProjectReadmeShowsTheWriteAndReadExamples() throws IOException {
        String source = Files.readString(
                Path.of("src/test/java/dev/restfault/json/readme/ReadmeJsonExamplesTest.java"), StandardCharsets.UTF_8);
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        Matcher m = BLOCK.matcher(source);
        List<String> shown = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).equals("write") || m.group(1).equals("read")) {
                assertThat(readme).as("project README shows example '%s' verbatim", m.group(1)).contains(dedent(m.group(2)));
                shown.add(m.group(1));
            }
        }
        assertThat(shown).containsExactly("write", "read");
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
