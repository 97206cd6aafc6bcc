package dev.restfault.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

    private static PartnerCenterError field(String name) {
        return PartnerCenterError.of("invalidField", "The field " + name + " is invalid.", name);
    }

    @Test
    void partnerCenterErrorKeepsItsValues() {
        PartnerCenterError e = PartnerCenterError.builder()
                .code("badRequest").description("Two fields are invalid.").source("sandbox")
                .addData(field("email")).addData(field("companyName")).build();
        assertThat(e.code()).isEqualTo("badRequest");
        assertThat(e.source()).isEqualTo("sandbox");
        assertThat(e.data()).extracting(PartnerCenterError::source).containsExactly("email", "companyName");
        assertThat(e.depth()).isEqualTo(2);
        assertThat(e.toBuilder().build()).isEqualTo(e).hasSameHashCodeAs(e);
        assertThat(e.toString()).contains("badRequest").contains("2 entries");
    }

    @Test
    void codeMustBeNonBlankAndDescriptionNonEmpty() {
        assertThatThrownBy(() -> PartnerCenterError.builder().description("d").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("code must not be null");
        assertThatThrownBy(() -> PartnerCenterError.builder().code(" \t").description("d").build())
                .hasMessage("code must not be blank");
        assertThatThrownBy(() -> PartnerCenterError.builder().code("c").build())
                .hasMessage("description must not be null");
        assertThatThrownBy(() -> PartnerCenterError.builder().code("c").description("").build())
                .hasMessage("description must not be empty");
        assertThatThrownBy(() -> PartnerCenterError.builder().code("c".repeat(1025)).description("d").build())
                .hasMessage("code is 1025 UTF-16 code units long, max 1024");
    }

    @Test
    void aLongDescriptionIsCutNotRejected() {
        PartnerCenterError e = PartnerCenterError.of("c", "説".repeat(2000), "s");
        assertThat(e.description()).hasSize(1024).endsWith("…");
    }

    @Test
    void sourceIsNeverNull() {
        assertThat(PartnerCenterError.builder().code("c").description("d").source(null).build().source()).isEmpty();
    }

    @Test
    void dataIsBoundedInSizeAndDepth() {
        List<PartnerCenterError> many = new ArrayList<>(Collections.nCopies(257, field("x")));
        assertThatThrownBy(() -> PartnerCenterError.builder().code("c").description("d").data(many).build())
                .hasMessage("data has 257 entries, max 256");
        assertThat(PartnerCenterError.builder().code("c").description("d").data(many.subList(0, 256)).build().data()).hasSize(256);

        PartnerCenterError nested = field("leaf");
        for (int i = 0; i < 7; i++) {
            nested = PartnerCenterError.builder().code("c").description("d").addData(nested).build();
        }
        assertThat(nested.depth()).isEqualTo(8);
        PartnerCenterError tooDeep = nested;
        assertThatThrownBy(() -> PartnerCenterError.builder().code("c").description("d").addData(tooDeep).build())
                .hasMessage("data nests 9 levels deep, max 8");

        List<PartnerCenterError> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> PartnerCenterError.builder().code("c").description("d").data(withNull).build())
                .hasMessage("data[0] must not be null");
    }

    @Test
    void dataIsImmutable() {
        PartnerCenterError e = PartnerCenterError.builder().code("c").description("d").addData(field("x")).build();
        assertThatThrownBy(() -> e.data().add(field("y"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void partnerApiErrorWithInnerErrorChain() {
        InnerError inner = InnerError.of("innerErrorCode", "Unauthorized referral access",
                InnerError.of("deeper", null));
        PartnerApiError e = PartnerApiError.builder()
                .code("unAuthorized").message("Caller is not authorized to access the resource.")
                .target("referral").innerError(inner).build();
        assertThat(e.target()).contains("referral");
        assertThat(e.innerError()).get().extracting(InnerError::depth).isEqualTo(2);
        assertThat(e.innerError().orElseThrow().deepest().code()).contains("deeper");
        assertThat(e.toBuilder().build()).isEqualTo(e);
    }

    @Test
    void innerErrorRules() {
        assertThatThrownBy(() -> InnerError.of(null, null)).hasMessage("innerError needs a code or a message");
        assertThatThrownBy(() -> InnerError.of(" ", null)).hasMessage("innerError.code must not be blank");
        assertThatThrownBy(() -> InnerError.of(null, "")).hasMessage("description must not be empty");
        InnerError chain = InnerError.of("c", null);
        for (int i = 1; i < 16; i++) {
            chain = InnerError.of("c" + i, null, chain);
        }
        InnerError full = chain;
        assertThat(full.depth()).isEqualTo(16);
        assertThatThrownBy(() -> InnerError.of("c", null, full)).hasMessage("innerError chain is 17 long, max 16");
    }

    @Test
    void partnerCenterToPartnerApiAndBack() {
        PartnerCenterError pc = PartnerCenterError.builder()
                .code("badRequest").description("Invalid.").source("sandbox").addData(field("email")).build();
        PartnerApiError api = pc.toPartnerApi();
        assertThat(api.code()).isEqualTo("badRequest");
        assertThat(api.message()).isEqualTo("Invalid.");
        assertThat(api.target()).contains("sandbox");
        assertThat(api.details()).singleElement().satisfies(d -> assertThat(d.target()).contains("email"));
        assertThat(api.toPartnerCenter("unused")).isEqualTo(pc);
    }

    @Test
    void partnerApiInnerErrorBecomesADataEntryInPartnerCenter() {
        PartnerApiError api = PartnerApiError.builder().code("unAuthorized").message("No.")
                .innerError(InnerError.of("outer", "o", InnerError.of("innermost", "The real reason."))).build();
        PartnerCenterError pc = api.toPartnerCenter("svc");
        assertThat(pc.source()).isEqualTo("svc");
        assertThat(pc.data()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("innermost");
            assertThat(d.description()).isEqualTo("The real reason.");
            assertThat(d.source()).isEqualTo("innerError");
        });
    }

    @Test
    void anInnerErrorAtTheDeepestLevelIsLeftOutRatherThanBreakingTheBound() {
        PartnerApiError leaf = PartnerApiError.builder().code("leaf").message("m")
                .innerError(InnerError.of("inner", "why")).build();
        PartnerApiError nested = leaf;
        for (int i = 0; i < 7; i++) {
            nested = PartnerApiError.builder().code("c" + i).message("m").addDetail(nested).build();
        }
        assertThat(nested.depth()).isEqualTo(8);
        PartnerCenterError converted = nested.toPartnerCenter("svc");
        assertThat(converted.depth()).isEqualTo(8);
        // One level up, the leaf's inner error fits and is kept.
        PartnerCenterError shallow = PartnerApiError.builder().code("top").message("m").addDetail(leaf).build()
                .toPartnerCenter("svc");
        assertThat(shallow.data().get(0).data()).extracting(PartnerCenterError::source).containsExactly("innerError");
    }

    @Test
    void problemDetailBridge() {
        PartnerCenterError pc = PartnerCenterError.builder()
                .code("notFound").description("No customer 42.").source("sandbox").addData(field("id")).build();
        ProblemDetail p = ProblemDetail.from(pc, 404, "Not found");
        assertThat(p.type()).isEqualTo("about:blank");
        assertThat(p.status()).contains(404);
        assertThat(p.title()).contains("Not found");
        assertThat(p.detail()).contains("No customer 42.");
        assertThat(p.code()).contains("notFound");
        assertThat(p.toPartnerCenter("x", "y", "z")).isEqualTo(pc);
        assertThat(p.toBuilder().build()).isEqualTo(p);

        ProblemDetail bare = ProblemDetail.builder().title("Oops").build();
        assertThat(bare.toPartnerCenter("internalServerError", "fallback", "svc"))
                .isEqualTo(PartnerCenterError.of("internalServerError", "Oops", "svc"));
        assertThat(ProblemDetail.builder().build().toPartnerCenter("c", "fallback", null).description()).isEqualTo("fallback");
    }

    @Test
    void problemDetailValidation() {
        assertThatThrownBy(() -> ProblemDetail.builder().status(99).build()).hasMessage("status must be within 100..599, was 99");
        assertThatThrownBy(() -> ProblemDetail.builder().status(600).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProblemDetail.builder().extension("a", null).build())
                .hasMessage("extension names and values must not be null");
        assertThat(ProblemDetail.builder().type("").build().type()).isEqualTo(ProblemDetail.ABOUT_BLANK);
        ProblemDetail withExt = ProblemDetail.builder().extension("traceId", "abc").build();
        assertThat(withExt.extensions()).containsEntry("traceId", "abc");
        assertThatThrownBy(() -> withExt.extensions().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void problemDataIsBoundedLikePartnerCenterData() {
        PartnerCenterError nested = field("leaf");
        for (int i = 0; i < 6; i++) {
            nested = PartnerCenterError.builder().code("c").description("d").addData(nested).build();
        }
        assertThat(ProblemDetail.builder().data(List.of(nested)).build().data()).hasSize(1); // 7 + 1 = 8
        PartnerCenterError deeper = PartnerCenterError.builder().code("c").description("d").addData(nested).build();
        assertThatThrownBy(() -> ProblemDetail.builder().data(List.of(deeper)).build())
                .hasMessage("data nests 9 levels deep, max 8");
    }

    @Test
    void aBuilderDoesNotShareItsListWithTheCaller() {
        List<PartnerCenterError> mine = new ArrayList<>(List.of(field("a")));
        PartnerCenterError.Builder b = PartnerCenterError.builder().code("c").description("d").data(mine);
        PartnerCenterError built = b.addData(field("b")).build();
        assertThat(mine).hasSize(1);
        mine.add(field("z"));
        assertThat(built.data()).hasSize(2);
        PartnerCenterError fromList = PartnerCenterError.builder().code("c").description("d").data(mine).build();
        mine.clear();
        assertThat(fromList.data()).hasSize(2);
    }

    @Test
    void errorFormatsKnowTheirContentTypes() {
        assertThat(ErrorFormat.PARTNER_CENTER.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(ErrorFormat.PARTNER_API.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(ErrorFormat.PROBLEM_DETAILS.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void onlyThePartnerApiFormatIsNotLocalized() {
        java.util.Locale ja = java.util.Locale.JAPAN;
        assertThat(ErrorFormat.PARTNER_CENTER.isLocalized()).isTrue();
        assertThat(ErrorFormat.PROBLEM_DETAILS.isLocalized()).isTrue();
        assertThat(ErrorFormat.PARTNER_API.isLocalized()).isFalse();
        assertThat(ErrorFormat.PARTNER_CENTER.textLocale(ja)).isEqualTo(ja);
        assertThat(ErrorFormat.PROBLEM_DETAILS.textLocale(ja)).isEqualTo(ja);
        assertThat(ErrorFormat.PARTNER_API.textLocale(ja)).isEqualTo(dev.restfault.core.i18n.SupportedLocales.EN_US);
        assertThat(ErrorFormat.PARTNER_CENTER.textLocale(null)).isEqualTo(dev.restfault.core.i18n.SupportedLocales.EN_US);
    }
}

