package dev.restfault.springdoc.readme;

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
 * The module's README shows the examples of {@link ReadmeSpringdocExamplesTest} verbatim (modulo
 * indentation): an example edited in one place and not the other fails the build.
 */
class ReadmeSpringdocSyncTest {

    private static final Pattern BLOCK = Pattern.compile("// README-BEGIN (\\w+)\\n(.*?)\\n\\s*// README-END \\1", Pattern.DOTALL);

    @Test
    void everyExampleBlockAppearsInTheReadme() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/restfault/springdoc/readme/ReadmeSpringdocExamplesTest.java"),
                StandardCharsets.UTF_8);
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        Matcher m = BLOCK.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
            assertThat(readme).as("README shows example '%s' verbatim", m.group(1)).contains(dedent(m.group(2)));
        }
        assertThat(names).containsExactly("declare", "reactive", "inspector");
    }

    /** The repository's README shows the declaring method of the example, verbatim. */
    @Test
    void theRepositoryReadmeShowsTheDeclaration() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/restfault/springdoc/readme/ReadmeSpringdocExamplesTest.java"),
                StandardCharsets.UTF_8);
        int start = source.lastIndexOf('\n', source.indexOf("@ContractError(status = 409")) + 1;
        int end = source.indexOf('}', source.indexOf("throw ContractException")) + 1;
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains(dedent(source.substring(start, end)));
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
