/**
 * restfault-feign: the contract's error decoding and retries for OpenFeign, by the same code as
 * restfault-client.
 *
 * <ul>
 *   <li>{@code dev.restfault.feign}: {@link dev.restfault.feign.FeignContract}, which gives a
 *       {@code RequestInterceptor}, an {@code ErrorDecoder}, a {@code Retryer} and a
 *       {@code ResponseInterceptor} for {@code Feign.builder()};</li>
 *   <li>{@code dev.restfault.feign.autoconfigure}: their registration as beans, which Spring
 *       Cloud OpenFeign applies to every {@code @FeignClient}.</li>
 * </ul>
 *
 * <p>Spring is optional ({@code requires static}); Spring Cloud OpenFeign is named only by class
 * name in a condition, so no module of it is required.
 */
module dev.restfault.feign {
    requires transitive dev.restfault.client;
    requires transitive feign.core;

    requires static spring.core;
    requires static spring.beans;
    requires static spring.context;
    requires static spring.boot;
    requires static spring.boot.autoconfigure;

    exports dev.restfault.feign;
    exports dev.restfault.feign.autoconfigure;

    opens dev.restfault.feign.autoconfigure to spring.core, spring.beans, spring.context;
}
