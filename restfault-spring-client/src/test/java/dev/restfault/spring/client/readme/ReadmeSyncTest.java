package dev.restfault.spring.client.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.client.retry.RetryListener;
import dev.restfault.client.testing.ReadmeBlocks;
import dev.restfault.spring.client.autoconfigure.RestfaultClientProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
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

    private static final Path SOURCE = Path.of("src/test/java/dev/restfault/spring/client/readme/ReadmeExamplesTest.java");

    @Test
    void theModuleReadmeShowsEveryExample() throws IOException {
        assertThat(ReadmeBlocks.shown(Path.of("README.md"), SOURCE))
                .containsExactly("restClient", "restTemplate", "webClient", "httpInterface");
    }

    @Test
    void theProjectReadmeShowsTheRestClientAndWebClientExamples() throws IOException {
        assertThat(ReadmeBlocks.shown(Path.of("../README.md"), SOURCE)).containsExactly("restClient", "webClient");
    }

    @Test
    void thePropertiesExampleBinds() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher fence = ReadmeBlocks.FENCE.matcher(readme);
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
        assertThat(bound.contractVersion()).isEqualTo("v1");
        assertThat(bound.retry().maxAttempts()).isEqualTo(4);
        assertThat(bound.retry().maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(bound.errorBodyTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(bound.toContract(RetryListener.NONE).errorBodyTimeout()).isEqualTo(Duration.ofSeconds(10));
    }
}
