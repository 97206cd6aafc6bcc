package dev.restfault.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the module's exported surface: a type added to or removed from it is a decision, made here
 * on purpose, not by accident.
 */
class ServerPublicApiTest {

    @Test
    void theModuleExportsOnePackage() {
        ModuleDescriptor descriptor = ErrorRenderer.class.getModule().getDescriptor();
        assertThat(descriptor.name()).isEqualTo("dev.restfault.server");
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("dev.restfault.server");
        assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "dev.restfault.core", "dev.restfault.json");
    }

    @Test
    void thePublicTypesAreTheseAndNoOthers() throws IOException, ClassNotFoundException {
        Set<String> publicTypes = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("target/classes/dev/restfault/server"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.equals("package-info.class")) {
                    Class<?> type = Class.forName("dev.restfault.server." + name.substring(0, name.length() - 6));
                    if (Modifier.isPublic(type.getModifiers())) {
                        publicTypes.add(type.getName().substring("dev.restfault.server.".length()));
                    }
                }
            }
        }
        assertThat(publicTypes).containsExactly("CorrelationIds", "ErrorRenderer", "ErrorRenderer$Builder", "ErrorRequest",
                "ExceptionTranslator", "HeaderLookup", "PathFormat", "RenderedError", "RequestFacts", "RequestFacts$Builder",
                "StatusErrors");
    }
}
