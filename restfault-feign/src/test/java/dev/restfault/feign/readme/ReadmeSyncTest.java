package dev.restfault.feign.readme;

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
 * The READMEs show the examples of {@link ReadmeExamplesTest} and of the Spring Cloud OpenFeign
 * test verbatim (modulo indentation), with imports those tests really use: an example edited in
 * one place and not the other fails the build.
 */
class ReadmeSyncTest {

    private static final Pattern BLOCK = Pattern.compile("// README-BEGIN (\\w+)\\n(.*?)\\n\\s*// README-END \\1", Pattern.DOTALL);
    private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);
    private static final List<Path> SOURCES = List.of(
            Path.of("src/test/java/dev/restfault/feign/readme/ReadmeExamplesTest.java"),
            Path.of("src/test/java/dev/restfault/feign/autoconfigure/SpringCloudOpenFeignTest.java"));

    @Test
    void theModuleReadmeShowsEveryExample() throws IOException {
        assertThat(shown(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8))).containsExactly("feign", "springCloud");
    }

    @Test
    void theProjectReadmeShowsTheFeignExample() throws IOException {
        assertThat(shown(Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8))).containsExactly("feign");
    }

    private static List<String> shown(String readme) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path file : SOURCES) {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = BLOCK.matcher(source);
            while (m.find()) {
                String block = dedent(m.group(2));
                if (!readme.contains(block)) {
                    continue;
                }
                names.add(m.group(1));
                Matcher fence = FENCE.matcher(readme);
                while (fence.find()) {
                    if (fence.group(2).contains(block)) {
                        fence.group(2).lines().filter(l -> l.startsWith("import "))
                                .forEach(l -> assertThat(source).as("README import of '%s'", m.group(1)).contains(l));
                    }
                }
            }
        }
        return names;
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
