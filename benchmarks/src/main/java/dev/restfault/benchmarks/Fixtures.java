package dev.restfault.benchmarks;

import dev.restfault.core.model.PartnerCenterError;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;

/**
 * The typical error every benchmark uses, in each side's own types: a code, a description of
 * about 100 characters, a source, and two {@code data} entries (two invalid fields).
 */
final class Fixtures {

    static final String CODE = "invalidCustomer";
    static final String DESCRIPTION =
            "The customer cannot be created: two fields of the request body are invalid. Correct them and retry.";
    static final String SOURCE = "customers-service";
    static final String DATA_CODE_1 = "missingField";
    static final String DATA_DESCRIPTION_1 = "companyName is required.";
    static final String DATA_SOURCE_1 = "companyName";
    static final String DATA_CODE_2 = "malformedField";
    static final String DATA_DESCRIPTION_2 = "email is not an e-mail address.";
    static final String DATA_SOURCE_2 = "email";

    private Fixtures() {
    }

    static PartnerCenterError restfaultError() {
        return PartnerCenterError.builder()
                .code(CODE)
                .description(DESCRIPTION)
                .source(SOURCE)
                .addData(PartnerCenterError.of(DATA_CODE_1, DATA_DESCRIPTION_1, DATA_SOURCE_1))
                .addData(PartnerCenterError.of(DATA_CODE_2, DATA_DESCRIPTION_2, DATA_SOURCE_2))
                .build();
    }

    static ErrorPojo pojo() {
        return new ErrorPojo(CODE, DESCRIPTION, SOURCE, List.of(
                new ErrorPojo(DATA_CODE_1, DATA_DESCRIPTION_1, DATA_SOURCE_1, List.of()),
                new ErrorPojo(DATA_CODE_2, DATA_DESCRIPTION_2, DATA_SOURCE_2, List.of())));
    }

    /** What a Spring service returns with problem details: the contract's members as properties. */
    static ProblemDetail springProblemDetail() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.BAD_REQUEST, DESCRIPTION);
        p.setType(URI.create("about:blank"));
        p.setTitle("Bad request");
        p.setProperty("code", CODE);
        p.setProperty("source", SOURCE);
        p.setProperty("data", List.of(
                Map.of("code", DATA_CODE_1, "description", DATA_DESCRIPTION_1, "source", DATA_SOURCE_1),
                Map.of("code", DATA_CODE_2, "description", DATA_DESCRIPTION_2, "source", DATA_SOURCE_2)));
        return p;
    }
}
