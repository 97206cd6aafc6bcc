package dev.restfault.json.databind;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.core.model.InnerError;
import dev.restfault.core.model.PartnerApiError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.core.model.ProblemDetail;
import dev.restfault.json.ErrorWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class RestfaultModuleTest {

    private final JsonMapper mapper = JsonMapper.builder().addModule(new RestfaultModule()).build();
    private final ErrorWriter writer = ErrorWriter.standard();

    private final PartnerCenterError pc = PartnerCenterError.builder().code("badRequest").description("Invalid.")
            .source("Orders").addData(PartnerCenterError.of("required", "name is required", "name")).build();
    private final PartnerApiError pa = PartnerApiError.builder().code("conflict").message("Exists.").target("t")
            .innerError(InnerError.of("a", "A", InnerError.of("b", null)))
            .addDetail(PartnerApiError.of("d", "D")).build();
    private final ProblemDetail problem = ProblemDetail.builder().title("Not found").status(404).detail("Gone.")
            .code("notFound").source("Orders").extension("requestId", "r1").build();

    @Test
    void writesTheSameBytesAsTheStreamingWriter() {
        assertThat(mapper.writeValueAsBytes(pc)).isEqualTo(writer.writePartnerCenter(pc));
        assertThat(mapper.writeValueAsBytes(pa)).isEqualTo(writer.writePartnerApi(pa));
        assertThat(mapper.writeValueAsBytes(problem)).isEqualTo(writer.writeProblem(problem));
        assertThat(mapper.writeValueAsString(InnerError.of("a", "A", InnerError.of("b", null))))
                .isEqualTo("{\"code\":\"a\",\"message\":\"A\",\"innerError\":{\"code\":\"b\"}}");
    }

    @Test
    void readsBackWhatItWrites() {
        assertThat(mapper.readValue(mapper.writeValueAsBytes(pc), PartnerCenterError.class)).isEqualTo(pc);
        assertThat(mapper.readValue(mapper.writeValueAsBytes(pa), PartnerApiError.class)).isEqualTo(pa);
        assertThat(mapper.readValue(mapper.writeValueAsBytes(problem), ProblemDetail.class)).isEqualTo(problem);
        InnerError inner = InnerError.of("x", "y", InnerError.of(null, "z"));
        assertThat(mapper.readValue(mapper.writeValueAsString(inner), InnerError.class)).isEqualTo(inner);
    }

    @Test
    void readsTolerantlyLikeTheReader() {
        assertThat(mapper.readValue("{\"code\":1002,\"description\":\"d\",\"source\":\"PartnerFD\",\"x\":[1]}",
                PartnerCenterError.class)).isEqualTo(PartnerCenterError.of("1002", "d", "PartnerFD"));
        assertThat(mapper.readValue("{\"error\":{\"code\":\"c\",\"message\":\"m\",\"innererror\":{\"code\":\"i\"}}}",
                PartnerApiError.class)).isEqualTo(
                        PartnerApiError.builder().code("c").message("m").innerError(InnerError.of("i", null)).build());
        assertThat(mapper.readValue("{\"code\":\"c\",\"message\":\"unwrapped\"}", PartnerApiError.class))
                .isEqualTo(PartnerApiError.of("c", "unwrapped"));
    }

    @Test
    void worksForMembersOfUserTypes() {
        Envelope env = new Envelope("r-1", pc, List.of(InnerError.of("a", null)));
        String json = mapper.writeValueAsString(env);
        assertThat(json).isEqualTo("{\"requestId\":\"r-1\",\"error\":" + new String(writer.writePartnerCenter(pc), UTF_8)
                + ",\"inner\":[{\"code\":\"a\"}]}");
        assertThat(mapper.readValue(json, Envelope.class)).isEqualTo(env);
        assertThat(mapper.readValue("{\"requestId\":\"r\",\"error\":null,\"inner\":[]}", Envelope.class).error()).isNull();
    }

    @Test
    void whatTheTypeCannotHoldIsADatabindError() {
        assertThatThrownBy(() -> mapper.readValue("{\"code\":\"c\"}", PartnerCenterError.class))
                .isInstanceOf(DatabindException.class).hasMessageContaining("description");
        assertThatThrownBy(() -> mapper.readValue("[1]", PartnerCenterError.class))
                .isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> mapper.readValue("\"text\"", PartnerApiError.class))
                .isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> mapper.readValue("{}", ProblemDetail.class))
                .isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"foo\":1}", InnerError.class))
                .isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"code\":\"c\",\"description\":\"d\",\"data\":["
                + "1,".repeat(300) + "1]}", PartnerCenterError.class)).isInstanceOf(DatabindException.class)
                .hasMessageContaining("256");
    }

    @Test
    void problemReadFromAnotherShapeCarriesItsMembers() {
        ProblemDetail p = mapper.readValue("{\"statusCode\":429,\"message\":\"slow down\"}", ProblemDetail.class);
        assertThat(p.status()).contains(429);
        assertThat(p.detail()).contains("slow down");
        Map<String, Object> asMap = mapper.readValue(mapper.writeValueAsString(p),
                new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(asMap).containsEntry("status", 429).containsEntry("detail", "slow down");
    }
}
