package dev.restfault.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The restfault sandbox: a small Partner Center-style service, in memory, on Jetty, that
 * answers each of the contract's error statuses for a real reason, in the Partner Center and
 * Partner API formats and in en-US, fr-FR, ja-JP and zh-TW. See the module's README.
 *
 * <p>{@code java -jar restfault-sandbox.jar [--server.port=8080] [--sandbox.*=...]}
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SandboxApplication {

    /** Starts the sandbox; arguments are Spring Boot's ({@code --name=value}). */
    public static void main(String[] args) {
        SpringApplication.run(SandboxApplication.class, args);
    }
}
