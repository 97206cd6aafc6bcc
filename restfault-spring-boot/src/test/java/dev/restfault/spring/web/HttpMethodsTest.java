package dev.restfault.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The methods an {@code Allow} lists: the implicit ones added, in one order whatever order they came in. */
class HttpMethodsTest {

    @Test
    void headFollowsGetAndOptionsIsAlwaysThere() {
        assertThat(HttpMethods.withImplicit(List.of("GET"))).containsExactly("GET", "HEAD", "OPTIONS");
        assertThat(HttpMethods.withImplicit(List.of("POST"))).containsExactly("POST", "OPTIONS");
    }

    /** Spring reports a path's methods in hash-map order, which changes from one start to the next. */
    @Test
    void theOrderIsSpringsWhateverTheOrderGiven() {
        List<String> expected = List.of("GET", "HEAD", "PATCH", "DELETE", "OPTIONS");
        assertThat(HttpMethods.withImplicit(List.of("DELETE", "PATCH", "GET"))).isEqualTo(expected);
        assertThat(HttpMethods.withImplicit(List.of("patch", " get ", "DELETE", "GET"))).isEqualTo(expected);
        assertThat(HttpMethods.withImplicit(List.of("OPTIONS", "DELETE", "HEAD", "GET", "PATCH"))).isEqualTo(expected);
    }

    @Test
    void otherMethodsComeLastAsGiven() {
        assertThat(HttpMethods.withImplicit(List.of("PROPFIND", "GET", "MKCOL"))).containsExactly("GET", "HEAD", "OPTIONS",
                "PROPFIND", "MKCOL");
    }

    @Test
    void nothingServedIsEmptyAndBlanksAreSkipped() {
        assertThat(HttpMethods.withImplicit(List.of())).isEmpty();
        assertThat(HttpMethods.withImplicit(Arrays.asList(null, " ", ""))).isEmpty();
        assertThat(HttpMethods.withImplicit(Arrays.asList(null, "put"))).containsExactly("PUT", "OPTIONS");
    }
}
