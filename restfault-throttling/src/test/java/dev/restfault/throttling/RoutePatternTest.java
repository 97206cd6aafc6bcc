package dev.restfault.throttling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Route patterns: the syntax, the normalization that leaves no way around a limit, hostile paths. */
class RoutePatternTest {

    @Test
    void wholeSegmentWildcardsVariablesAndTrailingDoubleStar() {
        RoutePattern any = RoutePattern.of("/v1/customers/**");
        assertThat(any.matches("/v1/customers")).isTrue();
        assertThat(any.matches("/v1/customers/7/orders/3")).isTrue();
        assertThat(any.matches("/v1/customer")).isFalse();
        assertThat(any.matches("/v1/customersX")).isFalse();
        RoutePattern one = RoutePattern.of("/v1/customers/{id}/orders/*");
        assertThat(one.matches("/v1/customers/7/orders/3")).isTrue();
        assertThat(one.matches("/v1/customers/7/orders")).isFalse();
        assertThat(one.matches("/v1/customers/7/orders/3/lines")).isFalse();
        assertThat(RoutePattern.of("/").matches("/")).isTrue();
        assertThat(RoutePattern.of("/").matches("/a")).isFalse();
        assertThat(RoutePattern.of("/**").matches("/anything/at/all")).isTrue();
        assertThat(RoutePattern.of("/**").matches(null)).isTrue();
        assertThat(RoutePattern.of("/v1/").matches("/v1")).as("a trailing slash changes nothing").isTrue();
        assertThat(RoutePattern.of("/V1").matches("/v1")).as("case-sensitive, as Spring MVC").isFalse();
    }

    @Test
    void everySpellingOfAPathIsTheSamePath() {
        RoutePattern p = RoutePattern.of("/v1/customers/{id}");
        for (String path : new String[] {
                "/v1/customers/7", "/v1//customers/7", "//v1/customers/7/", "/v1/./customers/7", "/v1/customers/7/.",
                "/v1/x/../customers/7", "/../v1/customers/7", "/v1;a=b/customers;c=d/7;e", "/%76%31/customers/7",
                "/v1/customers/7?query=/x/y", "/v1/customers/7#frag", "/v1/customers/%2e/7"}) {
            assertThat(p.matches(path)).as(path).isTrue();
        }
        assertThat(p.matches("/v1/customers/a%2Fb")).as("an encoded slash stays inside its segment").isTrue();
        assertThat(p.matches("/v1/customers/7/%2e%2e/8")).as("a decoded '..' is resolved too").isTrue();
        assertThat(p.matches("/v1/customers/%zz")).as("a malformed escape is kept as sent").isTrue();
        assertThat(p.matches("/v1/%63ustomers/7")).isTrue();
    }

    @Test
    void hostilePathsAreHandledInLinearTime() {
        RoutePattern p = RoutePattern.of("/v1/**");
        assertThat(p.matches("/v1/" + "a/".repeat(100_000))).isTrue();
        assertThat(p.matches("/" + "../".repeat(100_000) + "v1")).isTrue();
        assertThat(p.matches("/v1/" + "%".repeat(50_000))).isTrue();
        assertThat(p.matches("/v1/\u0000\r\n\u2028")).isTrue();
        assertThat(p.matches("/v1/%C3%28")).as("invalid UTF-8 after decoding").isTrue();
        assertThat(p.matches("")).isFalse();
    }

    @Test
    void invalidPatternsAreRefusedWithTheRule() {
        assertThatThrownBy(() -> RoutePattern.of(null)).hasMessage("route pattern must not be null or empty");
        assertThatThrownBy(() -> RoutePattern.of("")).hasMessage("route pattern must not be null or empty");
        assertThatThrownBy(() -> RoutePattern.of("v1")).hasMessage("route pattern must start with '/'");
        assertThatThrownBy(() -> RoutePattern.of("/" + "a".repeat(1024))).hasMessage("route pattern is 1025 characters long, max 1024");
        assertThatThrownBy(() -> RoutePattern.of("/v1//x")).hasMessage("route pattern has an empty, '.' or '..' segment at position 2");
        assertThatThrownBy(() -> RoutePattern.of("/v1/../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoutePattern.of("/**/x")).hasMessage("'**' must be the last segment of a route pattern");
        assertThatThrownBy(() -> RoutePattern.of("/v1/order-*")).hasMessageContaining("only whole-segment '*', '**' and '{name}'");
        assertThatThrownBy(() -> RoutePattern.of("/v1/{id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoutePattern.of("/v1/%20")).hasMessageStartingWith("route pattern contains '%' at index 4");
        assertThatThrownBy(() -> RoutePattern.of("/v1;x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoutePattern.of("/v1?x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoutePattern.of("/v1\r\n")).hasMessageStartingWith("route pattern contains a control character at index 3");
    }

    @Test
    void valueSemantics() {
        assertThat(RoutePattern.of("/a/*")).isEqualTo(RoutePattern.of("/a/*")).hasSameHashCodeAs(RoutePattern.of("/a/*"));
        assertThat(RoutePattern.of("/a/*")).isNotEqualTo(RoutePattern.of("/a/{x}"));
        assertThat(RoutePattern.of("/a/{x}").pattern()).isEqualTo("/a/{x}");
        assertThat(RoutePattern.of("/a/{x}")).hasToString("/a/{x}");
    }
}
