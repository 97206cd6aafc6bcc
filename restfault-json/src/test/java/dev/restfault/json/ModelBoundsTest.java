package dev.restfault.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.model.Descriptions;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.InnerError;
import dev.restfault.core.model.ModelLimits;
import dev.restfault.core.model.PartnerApiError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.core.model.ProblemDetail;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The largest errors the model allows are written validly and read back whole: the reader's
 * default limits never reject what the writer can produce.
 */
class ModelBoundsTest {

    private final ErrorWriter writer = ErrorWriter.standard();
    private final ErrorReader reader = ErrorReader.standard();

    private static PartnerCenterError deepest(int depth) {
        PartnerCenterError.Builder b = PartnerCenterError.builder().code("level" + depth)
                .description("d".repeat(Descriptions.MAX_LENGTH)).source("s".repeat(ModelLimits.MAX_TOKEN_LENGTH));
        if (depth < ModelLimits.MAX_DEPTH) {
            b.addData(deepest(depth + 1));
        }
        return b.build();
    }

    @Test
    void deepestAndWidestPartnerCenterError() {
        PartnerCenterError deep = deepest(1);
        assertThat(deep.depth()).isEqualTo(ModelLimits.MAX_DEPTH);
        List<PartnerCenterError> wide = new ArrayList<>();
        for (int i = 0; i < ModelLimits.MAX_ENTRIES; i++) {
            wide.add(PartnerCenterError.of("c" + i, "entry " + i, "field" + i));
        }
        for (PartnerCenterError e : List.of(deep, deep.toBuilder().data(wide).build())) {
            byte[] json = writer.writePartnerCenter(e);
            SchemaCheck.assertValid(ErrorFormat.PARTNER_CENTER, json);
            assertThat(reader.read(json).partnerCenter()).contains(e);
        }
    }

    @Test
    void longestInnerErrorChainAndDeepestDetails() {
        InnerError chain = null;
        for (int i = 0; i < ModelLimits.MAX_INNER_ERROR_DEPTH; i++) {
            chain = InnerError.of("inner" + i, "message " + i, chain);
        }
        assertThat(chain.depth()).isEqualTo(ModelLimits.MAX_INNER_ERROR_DEPTH);
        PartnerApiError e = deepest(1).toPartnerApi().toBuilder().innerError(chain).build();
        assertThat(e.depth()).isEqualTo(ModelLimits.MAX_DEPTH);
        byte[] json = writer.writePartnerApi(e);
        SchemaCheck.assertValid(ErrorFormat.PARTNER_API, json);
        assertThat(reader.read(json).partnerApi()).contains(e);
    }

    @Test
    void problemFromTheDeepestErrorWithMostExtensions() {
        ProblemDetail.Builder b = ProblemDetail.from(deepest(1), 500, "Internal server error").toBuilder();
        for (int i = 0; i < ModelLimits.MAX_ENTRIES; i++) {
            b.extension("x" + i, "v" + i);
        }
        ProblemDetail p = b.build();
        byte[] json = writer.writeProblem(p);
        SchemaCheck.assertValid(ErrorFormat.PROBLEM_DETAILS, json);
        assertThat(reader.read(json).problem()).contains(p);
    }
}
