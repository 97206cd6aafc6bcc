package dev.restfault.spring.testapp;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An annotated exception with a reason: the application's text for the client. */
@ResponseStatus(code = HttpStatus.CONFLICT, reason = "The order is locked.")
public class OrderLockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OrderLockedException(String internal) {
        super(internal);
    }
}
