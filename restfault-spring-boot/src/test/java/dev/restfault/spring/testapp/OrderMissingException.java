package dev.restfault.spring.testapp;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An application exception mapped the Spring way, by annotation; its message is internal. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class OrderMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OrderMissingException(String internal) {
        super(internal);
    }
}
