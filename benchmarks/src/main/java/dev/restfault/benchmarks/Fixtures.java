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

    private Fixtures() {
    }

    static PartnerCenterError restfaultError() {
        return PartnerCenterError.builder()
                .code(CODE)
                .description(DESCRIPTION)
                .source(SOURCE)
                .addData(PartnerCenterError.of("missingField", "companyName is required.", "companyName"))
                .addData(PartnerCenterError.of("malformedField", "email is not an e-mail address.", "email"))
                .build();
    }

    static ErrorPojo pojo() {
        return new ErrorPojo(CODE, DESCRIPTION, SOURCE, List.of(
                new ErrorPojo("missingField", "companyName is required.", "companyName", List.of()),
                new ErrorPojo("malformedField", "email is not an e-mail address.", "email", List.of())));
    }

    /** What a Spring service returns with problem details: the contract's members as properties. */
    static ProblemDetail springProblemDetail() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.BAD_REQUEST, DESCRIPTION);
        p.setType(URI.create("about:blank"));
        p.setTitle("Bad request");
        p.setProperty("code", CODE);
        p.setProperty("source", SOURCE);
        p.setProperty("data", List.of(
                Map.of("code", "missingField", "description", "companyName is required.", "source", "companyName"),
                Map.of("code", "malformedField", "description", "email is not an e-mail address.", "source", "email")));
        return p;
    }
}
