package dev.restfault.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.implementation.SafeText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Property-based: read(write(x)) == x for the three formats, over seeded-random model objects
 * with controls, quotes, non-ASCII, emoji, combining marks and over-long (cut) descriptions.
 * A failure prints the seed; replay with {@code -Drestfault.seed=N}.
 */
class RoundTripPropertyTest {

    private static final int TRIES = 500;
    private final ErrorWriter writer = ErrorWriter.standard();
    private final ErrorReader reader = ErrorReader.standard();

    @Test
    void partnerCenter() {
        Samples.forAll(TRIES, r -> Samples.partnerCenter(r, 1), e -> {
            byte[] json = writer.writePartnerCenter(e);
            SchemaCheck.assertValid(ErrorFormat.PARTNER_CENTER, json);
            assertThat(reader.read(json).partnerCenter()).contains(e);
            assertThat(reader.read(new ByteArrayInputStream(json)).partnerCenter()).contains(e);
        });
    }

    @Test
    void partnerApi() {
        Samples.forAll(TRIES, r -> Samples.partnerApi(r, 1), e -> {
            byte[] json = writer.writePartnerApi(e);
            SchemaCheck.assertValid(ErrorFormat.PARTNER_API, json);
            DecodedError d = reader.read(json);
            assertThat(d.partnerApi()).contains(e);
            assertThat(d.innerError()).isEqualTo(e.innerError());
            assertThat(reader.read(new ByteArrayInputStream(json)).partnerApi()).contains(e);
        });
    }

    @Test
    void problemDetails() {
        Samples.forAll(TRIES, Samples::problem, p -> {
            byte[] json = writer.writeProblem(p);
            SchemaCheck.assertValid(ErrorFormat.PROBLEM_DETAILS, json);
            assertThat(reader.read(json).problem()).contains(p);
            assertThat(reader.read(new ByteArrayInputStream(json)).problem()).contains(p);
        });
    }

    /** Any format, read back and normalized, is the Partner Center error that was written. */
    @Test
    void everyFormatNormalizesBackToTheSameError() {
        List<StatusEntry> entries = StatusCatalog.entries();
        Samples.forAll(TRIES, r -> Samples.partnerCenter(r, 1), e -> {
            StatusEntry entry = entries.get(Math.floorMod(e.hashCode(), entries.size()));
            for (ErrorFormat f : ErrorFormat.values()) {
                byte[] json = writer.write(f, e, entry.status(), entry.reasonPhrase());
                SchemaCheck.assertValid(f, json);
                assertThat(reader.read(json).toPartnerCenter(entry, Locale.US, "")).as("%s", f).isEqualTo(e);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    writer.write(f, e, entry.status(), entry.reasonPhrase(), out);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                assertThat(out.toByteArray()).isEqualTo(json);
            }
        });
    }

    /** Lone surrogates do not survive: they come back as U+FFFD, and everything else is unchanged. */
    @Test
    void loneSurrogatesComeBackAsReplacementCharacters() {
        Samples.forAll(TRIES, r -> {
            StringBuilder sb = new StringBuilder(Samples.text(r, 1, 20));
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                char lone = (char) (r.nextBoolean() ? 0xD800 + r.nextInt(0x400) : 0xDC00 + r.nextInt(0x400));
                sb.insert(r.nextInt(sb.length() + 1), lone);
            }
            return sb.toString();
        }, text -> {
            PartnerCenterError e = PartnerCenterError.of("c", text, text);
            byte[] json = writer.writePartnerCenter(e);
            SchemaCheck.assertValid(ErrorFormat.PARTNER_CENTER, json);
            DecodedError d = reader.read(json);
            String repaired = SafeText.wellFormed(text);
            assertThat(d.partnerCenter()).contains(PartnerCenterError.of("c", repaired, repaired));
            assertThat(repaired.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
        });
    }
}
