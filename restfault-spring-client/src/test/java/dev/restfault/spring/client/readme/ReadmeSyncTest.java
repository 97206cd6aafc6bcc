package dev.restfault.spring.client.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.spring.client.autoconfigure.RestfaultClientProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The READMEs show the examples of {@link ReadmeExamplesTest} verbatim (modulo indentation), with
 * imports the test really uses, and the properties example binds to
 * {@link RestfaultClientProperties}: an example edited in one place and not the other fails the
 * build.
 */
class ReadmeSyncTest {

    private static final Pattern BLOCK = Pattern.compile("// README-BEGIN (\\w+)\\n(.*?)\\n\\s*// README-END \\1", Pattern.DOTALL);
    private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    private static String source() throws IOException {
        return Files.readString(Path.of("src/test/java/dev/restfault/spring/client/readme/ReadmeExamplesTest.java"),
                StandardCharsets.UTF_8);
    }

    @Test
    void theModuleReadmeShowsEveryExample() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(shown(readme)).containsExactly("restClient", "restTemplate", "webClient", "httpInterface");
    }

    @Test
    void theProjectReadmeShowsTheRestClientAndWebClientExamples() throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        assertThat(shown(readme)).containsExactly("restClient", "webClient");
    }

    /** The examples {@code readme} shows verbatim; every import in their fences is the test's. */
    private static List<String> shown(String readme) throws IOException {
        String source = source();
        List<String> names = new ArrayList<>();
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
        return names;
    }

    @Test
    void thePropertiesExampleBinds() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher fence = FENCE.matcher(readme);
        Map<String, String> properties = new LinkedHashMap<>();
        while (fence.find()) {
            if (fence.group(1).equals("properties") && fence.group(2).contains("restfault.client.")) {
                fence.group(2).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
                    int eq = l.indexOf('=');
                    properties.put(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
                });
            }
        }
        assertThat(properties).isNotEmpty();
        RestfaultClientProperties bound = new Binder(new MapConfigurationPropertySource(properties))
                .bind("restfault.client", RestfaultClientProperties.class).get();
        assertThat(bound.locale()).isEqualTo(Locale.FRANCE);
        assertThat(bound.retry().maxAttempts()).isEqualTo(4);
        assertThat(bound.errorBodyTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(bound.toContract(dev.restfault.client.retry.RetryListener.NONE)).isNotNull();
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
