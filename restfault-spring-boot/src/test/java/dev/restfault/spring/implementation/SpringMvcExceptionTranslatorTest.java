package dev.restfault.spring.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.SupportedLocales;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.server.ResponseStatusException;

/** Translation rules that the HTTP tests do not reach: switches and hostile framework values. */
class SpringMvcExceptionTranslatorTest {

    private static SpringMvcExceptionTranslator translator(boolean details) {
        // The hand-made field errors below stand for Bean Validation violations.
        ViolationDescriber violations = new ViolationDescriber(ContractMessages.defaults(), null, null,
                request -> SupportedLocales.EN_US, null, error -> true);
        return new SpringMvcExceptionTranslator(violations, details, request -> List.of("GET"));
    }

    private static BindException twoViolations() {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(Map.of(), "item");
        result.addError(new FieldError("item", "name", "", false, new String[] {"NotBlank"}, null, "must not be blank"));
        result.addError(new FieldError("item", "quantity", 0, false, new String[] {"Min"}, null, "must be at least 1"));
        return new BindException(result);
    }

    @Test
    void validationDetailsCanBeSwitchedOff() {
        ContractException on = translator(true).translate(twoViolations(), null).orElseThrow();
        assertThat(on.data()).extracting(e -> e.source()).containsExactly("name", "quantity");
        assertThat(on.data()).extracting(e -> e.code()).containsExactly("notBlank", "min");
        assertThat(on.data()).extracting(e -> e.description()).containsExactly("must not be blank", "must be at least 1");

        ContractException off = translator(false).translate(twoViolations(), null).orElseThrow();
        assertThat(off.status()).isEqualTo(400);
        assertThat(off.data()).isEmpty();
        assertThat(off.resolveDescription(ContractMessages.defaults(), SupportedLocales.EN_US))
                .isEqualTo(ContractMessages.defaults().get(ContractMessages.VALIDATION_FAILED, SupportedLocales.EN_US, 2));
    }

    @Test
    void aBindingErrorThatIsNoConstraintViolationNeverGetsSpringsMessage() {
        ViolationDescriber plain = new ViolationDescriber(ContractMessages.defaults(), null, null,
                request -> SupportedLocales.FR_FR, null, error -> false);
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(Map.of(), "paging");
        result.addError(new FieldError("paging", "page", "<script>", true, new String[] {"typeMismatch"}, null,
                "Failed to convert property value of type 'java.lang.String' to required type 'int'; For input string: \"<script>\""));
        ContractException e = new SpringMvcExceptionTranslator(plain, true, request -> List.of())
                .translate(new BindException(result), null).orElseThrow();
        assertThat(e.data()).extracting(d -> d.description())
                .containsExactly(ContractMessages.defaults().get(SpringMvcExceptionTranslator.INVALID_PARAMETER, SupportedLocales.FR_FR, "page"));
    }

    @Test
    void headersWithControlCharactersAreDroppedNotPassedThrough() {
        ResponseStatusException e = new ResponseStatusException(HttpStatus.CONFLICT, "Taken.") {
            private static final long serialVersionUID = 1L;

            @Override
            public org.springframework.http.HttpHeaders getHeaders() {
                org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
                h.add("X-Safe", "yes");
                h.add("X-Evil", "a\r\nSet-Cookie: b=c");
                h.add("ETag", "not-quoted");
                return h;
            }
        };
        ContractException c = translator(true).translate(e, null).orElseThrow();
        assertThat(c.status()).isEqualTo(409);
        assertThat(c.headers()).containsEntry("X-Safe", "yes").doesNotContainKeys("X-Evil", "ETag");
        assertThat(c.description()).contains("Taken.");
    }

    @Test
    void springsOwnDetailsAreNotSentButTheApplicationsAre() {
        ContractException spring = translator(true)
                .translate(new org.springframework.web.servlet.resource.NoResourceFoundException(
                        org.springframework.http.HttpMethod.GET, "/<script>", "<script>"), null).orElseThrow();
        assertThat(spring.status()).isEqualTo(404);
        assertThat(spring.description()).isEmpty();
        assertThat(translator(true).translate(new IllegalStateException("x"), null)).isEmpty();
        ContractException bare405 = translator(true)
                .translate(new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED), null).orElseThrow();
        assertThat(bare405.allow()).containsExactly("GET", "HEAD", "OPTIONS");
    }
}
