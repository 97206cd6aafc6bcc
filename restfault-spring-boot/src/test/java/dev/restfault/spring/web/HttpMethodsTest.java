package dev.restfault.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;

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

    /**
     * Spring's own names take a shortcut (a bit each, the answer per set computed once): for every
     * set of them, shuffled and with a repeat, the answer is the one the same set spelled in lower
     * case gets the general way, and the same list each time it is asked.
     */
    @Test
    void springsOwnNamesGetWhatAnySpellingOfThemGets() {
        RequestMethod[] all = RequestMethod.values();
        Random random = new Random(7);
        for (int set = 1; set < 1 << all.length; set++) {
            List<String> upper = new ArrayList<>();
            for (RequestMethod m : all) {
                if ((set & (1 << m.ordinal())) != 0) {
                    upper.add(m.name());
                }
            }
            upper.add(upper.get(random.nextInt(upper.size())));
            Collections.shuffle(upper, random);
            List<String> lower = upper.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
            List<String> answer = HttpMethods.withImplicit(upper);
            assertThat(answer).as("set %s", upper).isEqualTo(HttpMethods.withImplicit(lower));
            assertThat(HttpMethods.withImplicit(upper)).isSameAs(answer);
        }
    }
}
