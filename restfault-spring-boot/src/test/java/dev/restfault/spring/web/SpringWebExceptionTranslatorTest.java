package dev.restfault.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.server.ErrorRequest;
import dev.restfault.server.ExceptionTranslator;
import dev.restfault.server.RequestFacts;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.server.ResponseStatusException;

/** Translation rules that the HTTP tests do not reach: switches and hostile framework values. */
class SpringWebExceptionTranslatorTest {

    /** A request in {@code locale} whose path serves {@code allowed}, as the renderer hands it over. */
    private static ErrorRequest request(Locale locale, List<String> allowed) {
        return ErrorRequest.of(RequestFacts.builder("GET", "/x").allowedMethods(() -> allowed).build(),
                ErrorFormat.PARTNER_CENTER, locale);
    }

    private static final ErrorRequest ENGLISH_GET = request(SupportedLocales.EN_US, List.of("GET"));

    private static SpringWebExceptionTranslator translator(boolean details) {
        // The hand-made field errors below stand for Bean Validation violations.
        ViolationDescriber violations = new ViolationDescriber(ContractMessages.defaults(), null, null, null, error -> true);
        return new SpringWebExceptionTranslator(ContractMessages.defaults(), violations, details);
    }

    /** What a Spring MVC application asks: MVC's own 404s first, then spring-web's translations. */
    private static java.util.Optional<ContractException> mvc(Throwable failure, ErrorRequest request) {
        for (ExceptionTranslator t : dev.restfault.spring.servlet.ServletTranslators.builtIn(ContractMessages.defaults(),
                List.of(translator(true)))) {
            java.util.Optional<ContractException> e = t.translate(failure, request);
            if (e.isPresent()) {
                return e;
            }
        }
        return java.util.Optional.empty();
    }

    private static BindException twoViolations() {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(Map.of(), "item");
        result.addError(new FieldError("item", "name", "", false, new String[] {"NotBlank"}, null, "must not be blank"));
        result.addError(new FieldError("item", "quantity", 0, false, new String[] {"Min"}, null, "must be at least 1"));
        return new BindException(result);
    }

    @Test
    void validationDetailsCanBeSwitchedOff() {
        ContractException on = translator(true).translate(twoViolations(), ENGLISH_GET).orElseThrow();
        assertThat(on.data()).extracting(e -> e.source()).containsExactly("name", "quantity");
        assertThat(on.data()).extracting(e -> e.code()).containsExactly("notBlank", "min");
        assertThat(on.data()).extracting(e -> e.description()).containsExactly("must not be blank", "must be at least 1");

        ContractException off = translator(false).translate(twoViolations(), ENGLISH_GET).orElseThrow();
        assertThat(off.status()).isEqualTo(400);
        assertThat(off.data()).isEmpty();
        assertThat(off.resolveDescription(ContractMessages.defaults(), SupportedLocales.EN_US))
                .isEqualTo(ContractMessages.defaults().get(ContractMessages.VALIDATION_FAILED, SupportedLocales.EN_US, 2));
    }

    @Test
    void aBindingErrorThatIsNoConstraintViolationNeverGetsSpringsMessage() {
        ViolationDescriber plain = new ViolationDescriber(ContractMessages.defaults(), null, null, null, error -> false);
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(Map.of(), "paging");
        result.addError(new FieldError("paging", "page", "<script>", true, new String[] {"typeMismatch"}, null,
                "Failed to convert property value of type 'java.lang.String' to required type 'int'; For input string: \"<script>\""));
        ContractException e = new SpringWebExceptionTranslator(ContractMessages.defaults(), plain, true)
                .translate(new BindException(result), request(SupportedLocales.FR_FR, List.of())).orElseThrow();
        assertThat(e.data()).extracting(d -> d.description())
                .containsExactly(ContractMessages.defaults().get(RequestElementErrors.INVALID_PARAMETER, SupportedLocales.FR_FR, "page"));
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
        ContractException c = translator(true).translate(e, ENGLISH_GET).orElseThrow();
        assertThat(c.status()).isEqualTo(409);
        assertThat(c.headers()).containsEntry("X-Safe", "yes").doesNotContainKeys("X-Evil", "ETag");
        assertThat(c.description()).contains("Taken.");
    }

    @Test
    void springsOwnDetailsAreNotSentButTheApplicationsAre() {
        ContractException spring = mvc(new org.springframework.web.servlet.resource.NoResourceFoundException(
                        org.springframework.http.HttpMethod.GET, "/<script>", "<script>"), ENGLISH_GET).orElseThrow();
        assertThat(spring.status()).isEqualTo(404);
        assertThat(spring.description()).isEmpty();
        assertThat(mvc(new IllegalStateException("x"), ENGLISH_GET)).isEmpty();
        ContractException bare405 = translator(true)
                .translate(new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED), ENGLISH_GET).orElseThrow();
        assertThat(bare405.allow()).containsExactly("GET", "HEAD", "OPTIONS");
    }
}
