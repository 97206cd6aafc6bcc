package dev.restfault.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MediaTypeTest {

    @Test
    void readsTheTypeAndParametersLeniently() {
        MediaType m = MediaType.parse(" Application/JSON ; Charset=\"UTF-8\" ; q");
        assertThat(m.essence()).isEqualTo("application/json");
        assertThat(m.isJson()).isTrue();
        assertThat(m.isProblemJson()).isFalse();
        assertThat(m.isErrorMediaType()).isTrue();
        assertThat(m.charset()).contains("UTF-8");
        assertThat(m.parameter("CHARSET")).contains("UTF-8");
        assertThat(m.parameter("q")).isEmpty();
        assertThat(m.parameter(null)).isEmpty();
        assertThat(m.value()).isEqualTo(" Application/JSON ; Charset=\"UTF-8\" ; q");
        assertThat(m).hasToString(m.value()).isEqualTo(MediaType.parse(m.value()));
    }

    @Test
    void problemDetailsHaveTheirOwnMediaType() {
        assertThat(MediaType.parse("application/problem+json").isProblemJson()).isTrue();
        assertThat(MediaType.parse("application/problem+json;charset=utf-8").isErrorMediaType()).isTrue();
        assertThat(MediaType.parse("application/problem+xml").isErrorMediaType()).isFalse();
        assertThat(MediaType.parse("text/html").isErrorMediaType()).isFalse();
    }

    @Test
    void oddValuesAreReadNotRejected() {
        assertThat(MediaType.parse("").essence()).isEmpty();
        assertThat(MediaType.parse(";;;").essence()).isEmpty();
        assertThat(MediaType.parse(";;;").charset()).isEmpty();
        assertThat(MediaType.parse("application/json; charset=a; charset=b").charset()).contains("b");
        assertThat(MediaType.parse("application/json; charset=\"").charset()).contains("\"");
        // Only the first MAX_PARAMETERS parameters are read: a hostile value stays cheap.
        MediaType many = MediaType.parse("application/json" + "; a=b".repeat(10_000) + "; charset=latin1");
        assertThat(many.isJson()).isTrue();
        assertThat(many.charset()).isEmpty();
        assertThatThrownBy(() -> MediaType.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Content-Type value must not be null");
    }
}
