package dev.restfault.testkit.check;

import static dev.restfault.testkit.check.CheckerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The header rules ({@link HeaderRules}): ids on every response, the media type, caching and sniffing of every error, the
 * headers the catalog calls for and the form of {@code Allow}, {@code Retry-After} and {@code ETag}.
 * Every rule of the group has a case that breaks it ({@link RuleGroupTest}).
 */
class HeaderRulesTest extends RuleGroupTest {

    /** The rules this group enforces. */
    static final EnumSet<Rule> RULES = EnumSet.of(Rule.CONTENT_TYPE, Rule.CACHE_CONTROL, Rule.NOSNIFF, Rule.CORRELATION_ID, Rule.REQUEST_ID, Rule.REQUIRED_HEADER, Rule.ALLOW, Rule.RETRY_AFTER, Rule.ETAG);

    HeaderRulesTest() {
        super(RULES);
    }

    static Stream<Arguments> violating() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(Rule.CONTENT_TYPE, "text/html", response(404, headers("Content-Type", "text/html"), PC_404)));
        cases.add(Arguments.of(Rule.CONTENT_TYPE, "missing", response(404, headers("Content-Type", null), PC_404)));
        cases.add(Arguments.of(Rule.CONTENT_TYPE, "latin-1", response(404, headers("Content-Type", "application/json; charset=ISO-8859-1"), PC_404)));
        cases.add(Arguments.of(Rule.CACHE_CONTROL, "missing", response(404, headers("Cache-Control", null), PC_404)));
        cases.add(Arguments.of(Rule.CACHE_CONTROL, "cacheable", response(404, headers("Cache-Control", "max-age=3600, public"), PC_404)));
        cases.add(Arguments.of(Rule.NOSNIFF, "missing", response(404, headers("X-Content-Type-Options", null), PC_404)));
        cases.add(Arguments.of(Rule.NOSNIFF, "wrong", response(404, headers("X-Content-Type-Options", "sniff-away"), PC_404)));
        cases.add(Arguments.of(Rule.CORRELATION_ID, "missing", response(404, headers("MS-CorrelationId", null), PC_404)));
        cases.add(Arguments.of(Rule.CORRELATION_ID, "not a GUID", response(404, headers("MS-CorrelationId", "abc\u0001"), PC_404)));
        cases.add(Arguments.of(Rule.CORRELATION_ID, "not echoed", ObservedResponse.builder(404).headers(headers()).body(json(PC_404))
                .sentCorrelationId("99999999-2222-3333-4444-555555555555").build()));
        cases.add(Arguments.of(Rule.REQUEST_ID, "missing on a 200", response(200, ResponseHeaders.of("MS-CorrelationId", CID), "{}")));
        cases.add(Arguments.of(Rule.REQUEST_ID, "not echoed", ObservedResponse.builder(500).headers(headers()).body(json(
                "{\"code\":\"internalServerError\",\"description\":\"An internal error occurred.\",\"source\":\"orders-api\"}"))
                .sentRequestId("99999999-2222-3333-4444-555555555555").build()));
        cases.add(Arguments.of(Rule.REQUIRED_HEADER, "401 without WWW-Authenticate", response(401, headers(),
                "{\"code\":\"unauthorized\",\"description\":\"Sign in.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.REQUIRED_HEADER, "405 without Allow", response(405, headers(),
                "{\"code\":\"methodNotAllowed\",\"description\":\"No.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.ALLOW, "empty Allow", response(405, headers("Allow", " , "),
                "{\"code\":\"methodNotAllowed\",\"description\":\"No.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.ALLOW, "not methods", response(405, headers("Allow", "GET, <script>"),
                "{\"code\":\"methodNotAllowed\",\"description\":\"No.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.RETRY_AFTER, "words", response(429, headers("Retry-After", "soon"),
                "{\"code\":\"tooManyRequests\",\"description\":\"Wait.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.RETRY_AFTER, "a year", response(503, headers("Retry-After", "31536000"),
                "{\"code\":\"serviceUnavailable\",\"description\":\"Later.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.ETAG, "unquoted", response(412, headers("ETag", "v7"),
                "{\"code\":\"preconditionFailed\",\"description\":\"No.\",\"source\":\"orders-api\"}")));
        // ---- more cases ----------------------------------------------------------------------
        cases.add(Arguments.of(Rule.CONTENT_TYPE, "sent twice", response(404, with(headers(), "Content-Type", "application/json"), PC_404)));
        cases.add(Arguments.of(Rule.CONTENT_TYPE, "only semicolons", response(404, headers("Content-Type", ";;;"), PC_404)));
        cases.add(Arguments.of(Rule.CONTENT_TYPE, "problem details in UTF-16", response(404,
                headers("Content-Type", "application/problem+json; charset=utf-16"), PC_404)));
        cases.add(Arguments.of(Rule.CORRELATION_ID, "sent twice", response(404, with(headers(), "MS-CorrelationId", CID), PC_404)));
        cases.add(Arguments.of(Rule.REQUEST_ID, "not a GUID", response(404, headers("MS-RequestId", "req-1"), PC_404)));
        cases.add(Arguments.of(Rule.RETRY_AFTER, "sent twice", response(429, with(headers("Retry-After", "1"), "Retry-After", "2"),
                "{\"code\":\"tooManyRequests\",\"description\":\"Wait.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.ETAG, "a weak tag without quotes on a 404", response(404, headers("ETag", "W/v1"), PC_404)));
        return cases.stream();
    }

    @Override
    Stream<Arguments> cases() {
        return violating();
    }

    /** {@code h} with one more value of {@code name}. */
    static ResponseHeaders with(ResponseHeaders h, String name, String value) {
        ResponseHeaders.Builder b = ResponseHeaders.builder();
        h.asMap().forEach((n, values) -> values.forEach(v -> b.add(n, v)));
        return b.add(name, value).build();
    }

    @Test
    void theCatalogDecidesWhichHeadersAStatusRequires() {
        for (dev.restfault.core.catalog.StatusEntry entry : dev.restfault.core.catalog.StatusCatalog.entries()) {
            List<String> required = entry.headers().stream()
                    .filter(r -> r.requirement() == dev.restfault.core.catalog.HeaderRule.Requirement.ALWAYS)
                    .map(dev.restfault.core.catalog.HeaderRule::name).toList();
            List<Violation> v = CHECKER.check(response(entry.status(), headers(), PC_404));
            assertThat(v).as("%s", entry).filteredOn(x -> x.rule() == Rule.REQUIRED_HEADER).extracting(Violation::explanation)
                    .containsExactlyElementsOf(required.stream().map(name -> entry.status() + " without " + name).toList());
        }
        assertThat(rules(response(401, headers(), PC_404))).contains(Rule.REQUIRED_HEADER);
        assertThat(rules(response(404, headers(), PC_404))).doesNotContain(Rule.REQUIRED_HEADER);
    }

    @Test
    void allowIsJudgedOnlyWhereTheCatalogCallsForIt() {
        // A 400 with a nonsense Allow: the catalog does not call for Allow on a 400.
        assertThat(rules(response(400, headers("Allow", "GET, <script>"),
                "{\"code\":\"badRequest\",\"description\":\"No.\",\"source\":\"s\"}"))).doesNotContain(Rule.ALLOW);
        assertThat(CHECKER.check(response(405, headers("Allow", " , "),
                "{\"code\":\"methodNotAllowed\",\"description\":\"No.\",\"source\":\"s\"}")))
                .extracting(Violation::toString).containsExactly("405-allow: 405 with an empty Allow (Allow:  , )");
    }

    @Test
    void aCharsetIsOptionalButMustBeUtf8() {
        assertThat(CHECKER.check(response(404, headers("Content-Type", "application/json"), PC_404))).isEmpty();
        assertThat(CHECKER.check(response(404, headers("Content-Type", "Application/JSON; Charset=\"UTF-8\""), PC_404))).isEmpty();
        assertThat(CHECKER.check(response(404, headers("Content-Type", "application/json; charset=ISO-8859-1"), PC_404)))
                .extracting(Violation::toString)
                .containsExactly("content-type: charset ISO-8859-1, not utf-8 (Content-Type: application/json; charset=ISO-8859-1)");
        assertThat(CHECKER.check(response(404, headers("Content-Type", ";;;"), PC_404))).extracting(Violation::explanation)
                .containsExactly("an empty media type, not application/json or application/problem+json");
    }

    @Test
    void idsAreJudgedOnEveryResponseAndExplained() {
        assertThat(CHECKER.check(response(200, ResponseHeaders.of("MS-CorrelationId", CID), "{}")))
                .extracting(Violation::toString).containsExactly("request-id: no MS-RequestId");
        String other = "99999999-2222-3333-4444-555555555555";
        assertThat(CHECKER.check(ObservedResponse.builder(404).headers(headers()).body(json(PC_404)).sentCorrelationId(other).build()))
                .extracting(Violation::toString)
                .containsExactly("correlation-id: the request's valid MS-CorrelationId was not echoed (sent " + other + ", received " + CID + ")");
        // An invalid id the request sent need not be echoed: it must be replaced by a GUID.
        assertThat(CHECKER.check(ObservedResponse.builder(404).headers(headers()).body(json(PC_404)).sentRequestId("not-a-guid")
                .build())).isEmpty();
    }

    @Test
    void retryAfterIsJudgedAgainstTheCheckersClock() {
        String body = "{\"code\":\"serviceUnavailable\",\"description\":\"Later.\",\"source\":\"s\"}";
        // The clock is 2026-11-23T12:00:00Z: an hour later is fine, two days later is not.
        assertThat(rules(response(503, headers("Retry-After", "Mon, 23 Nov 2026 13:00:00 GMT"), body))).isEmpty();
        assertThat(rules(response(503, headers("Retry-After", "Wed, 25 Nov 2026 13:00:00 GMT"), body))).containsExactly(Rule.RETRY_AFTER);
    }

    @Test
    void theContentTypeIsReadByCoresMediaType() {
        List<Violation> out = new ArrayList<>();
        assertThat(HeaderRules.checkContentType(ResponseHeaders.empty(), out)).isNull();
        assertThat(out).extracting(Violation::rule).containsExactly(Rule.CONTENT_TYPE);
        out.clear();
        assertThat(HeaderRules.checkContentType(headers("Content-Type", "application/problem+json"), out).isProblemJson()).isTrue();
        assertThat(out).isEmpty();
    }
}
