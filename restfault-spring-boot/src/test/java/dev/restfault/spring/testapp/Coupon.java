package dev.restfault.spring.testapp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.restfault.core.exception.ContractException;

/**
 * A request body whose creator refuses an expired coupon with a contract error: the exception
 * reaches restfault wrapped by Jackson and by Spring's message converter.
 */
public record Coupon(String code) {

    @JsonCreator
    public Coupon(@JsonProperty("code") String code) {
        if ("EXPIRED".equals(code)) {
            throw ContractException.builder(422).code("couponExpired").description("The coupon has expired.").build();
        }
        this.code = code;
    }
}
