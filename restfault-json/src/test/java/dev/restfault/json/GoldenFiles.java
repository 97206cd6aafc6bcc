package dev.restfault.json;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.model.ErrorFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-scope tool that (re)generates the golden files from {@link GoldenSamples}. Run it after a
 * deliberate change of the writer or the catalog, then review the diff before committing:
 *
 * <pre>
 * java -cp restfault-json/target/test-classes:restfault-json/target/classes:restfault-core/target/classes:$JACKSON \
 *     dev.restfault.json.GoldenFiles restfault-json/src/test/resources
 * </pre>
 */
public final class GoldenFiles {

    private GoldenFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: GoldenFiles <test-resources-directory>");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        int written = 0;
        for (ErrorFormat format : ErrorFormat.values()) {
            for (StatusEntry entry : StatusCatalog.entries()) {
                Path file = root.resolve(GoldenSamples.path(format, entry));
                Files.createDirectories(file.getParent());
                Files.write(file, GoldenSamples.write(format, entry));
                written++;
            }
        }
        System.out.println("wrote " + written + " golden files under " + root.resolve("golden"));
    }
}
