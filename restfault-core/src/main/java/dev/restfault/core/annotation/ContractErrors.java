package dev.restfault.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Holds several {@link ContractError} declarations on one method or class; the compiler writes it
 * when {@code @ContractError} is repeated, so applications seldom write it themselves.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ContractErrors {

    /** The declared errors, in the order written. */
    ContractError[] value();
}
