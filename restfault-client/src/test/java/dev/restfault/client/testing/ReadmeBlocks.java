package dev.restfault.client.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README examples the client integrations keep in tests: blocks of a test source between
 * {@code // README-BEGIN name} and {@code // README-END name}, which a README must show verbatim
 * (modulo indentation), with only imports that the test source has in the same fence.
 */
public final class ReadmeBlocks {

    private static final Pattern BLOCK = Pattern.compile("// README-BEGIN (\\w+)\\n(.*?)\\n\\s*// README-END \\1", Pattern.DOTALL);
    /** A fenced code block: its language and its text. */
    public static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    private ReadmeBlocks() {
    }

    /**
     * The names of the blocks of {@code sources} that {@code readme} shows verbatim, in order;
     * asserts that every {@code import} line of a fence showing one is in that block's source.
     */
    public static List<String> shown(Path readme, Path... sources) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        for (Path file : sources) {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = BLOCK.matcher(source);
            while (m.find()) {
                String block = dedent(m.group(2));
                if (!text.contains(block)) {
                    continue;
                }
                names.add(m.group(1));
                Matcher fence = FENCE.matcher(text);
                while (fence.find()) {
                    if (fence.group(2).contains(block)) {
                        fence.group(2).lines().filter(l -> l.startsWith("import "))
                                .forEach(l -> assertThat(source).as("%s: import of '%s'", readme, m.group(1)).contains(l));
                    }
                }
            }
        }
        return names;
    }

    /** {@code block} without the indentation its lines share, and without trailing space. */
    public static String dedent(String block) {
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
