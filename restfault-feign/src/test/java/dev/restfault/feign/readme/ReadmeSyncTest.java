package dev.restfault.feign.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.client.testing.ReadmeBlocks;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The READMEs show the examples of {@link ReadmeExamplesTest} and of the Spring Cloud OpenFeign
 * test verbatim (modulo indentation), with imports those tests really use: an example edited in
 * one place and not the other fails the build.
 */
class ReadmeSyncTest {

    private static final Path[] SOURCES = {
        Path.of("src/test/java/dev/restfault/feign/readme/ReadmeExamplesTest.java"),
        Path.of("src/test/java/dev/restfault/feign/autoconfigure/SpringCloudOpenFeignTest.java")};

    @Test
    void theModuleReadmeShowsEveryExample() throws IOException {
        assertThat(ReadmeBlocks.shown(Path.of("README.md"), SOURCES)).containsExactly("feign", "springCloud");
    }

    @Test
    void theProjectReadmeShowsTheFeignExample() throws IOException {
        assertThat(ReadmeBlocks.shown(Path.of("../README.md"), SOURCES)).containsExactly("feign");
    }
}
