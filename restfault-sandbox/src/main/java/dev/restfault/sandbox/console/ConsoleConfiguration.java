package dev.restfault.sandbox.console;

import dev.restfault.sandbox.ApiPaths;
import dev.restfault.sandbox.config.SandboxProperties.Access;
import dev.restfault.sandbox.config.SandboxProperties.Token;
import dev.restfault.sandbox.security.TokenAuthenticator;
import dev.restfault.springdoc.ErrorComponents;
import dev.restfault.springdoc.OperationSecurity;
import dev.restfault.springdoc.SecurityInspector;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The console: the sandbox's OpenAPI document ({@value #API_DOCS}) and Swagger UI
 * ({@value #CONSOLE}), served by springdoc, with every operation's contract errors added by
 * restfault-springdoc. This class gives the document its description (the demo tokens, the
 * formats, the languages, the simulation), the bearer-token security scheme on the operations the
 * token check guards, and tags that group the operations as the README does.
 *
 * <p>Both paths are outside {@code /v1} and {@code /partner/v1}, so none of the API's guards (token,
 * rate limit, bound on requests in flight, maintenance, body limit) applies to them. Since anyone
 * can read the document, it shows the value of a token only when it is one of the built-in demo
 * tokens ({@link #DEMO_TOKEN_VALUES}, public in the README anyway); a token the operator configured
 * is named, with its access, but its value is never published.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration {

    /** Where Swagger UI is served (springdoc.swagger-ui.path). */
    public static final String CONSOLE = "/console";
    /** Where the OpenAPI document is served (springdoc.api-docs.path). */
    public static final String API_DOCS = "/v3/api-docs";
    /** The name of the security scheme of the demo tokens. */
    static final String TOKEN_SCHEME = "token";

    /**
     * The values of the built-in demo tokens ({@code application.properties}): published in the
     * README, so the document may show them. Any other value is a secret the operator chose.
     */
    static final Set<String> DEMO_TOKEN_VALUES = Set.of("sandbox-rw-token", "sandbox-ro-token");

    private static final List<Tag> TAGS = List.of(
            new Tag().name("Simulation").description("Any error status on demand, with its headers and body; broken on demand. No token needed."),
            new Tag().name("Customers").description("List, create, read and update customers: each error for a real reason."),
            new Tag().name("Credit").description("A customer's credit limit, from an upstream that can be made to fail (see Admin)."),
            new Tag().name("Not implemented").description("Resources the Partner Center API documents and the sandbox does not implement: 501."),
            new Tag().name("Admin").description("Maintenance, the upstream's mode, and a diagnostic that fails on purpose. Read-write token only."),
            new Tag().name("Partner API").description("The same resources under /partner/v1, answering errors in the Partner API format."),
            new Tag().name("Index").description("What the sandbox serves."));

    @Bean
    OpenAPI sandboxOpenApi(TokenAuthenticator tokens) {
        return new OpenAPI()
                .info(new Info().title("restfault sandbox").version("0.1.0").description(description(tokens.tokens())))
                .components(new Components().addSecuritySchemes(TOKEN_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("One of the sandbox's tokens: " + list(tokens.tokens()) + ".")))
                .tags(TAGS);
    }

    /**
     * Puts the token scheme on every operation the token check guards, and a tag on every
     * operation. Which operations are guarded comes from the same {@link SecurityInspector} that
     * tells restfault-springdoc where 401 and 403 are answered.
     */
    @Bean
    OpenApiCustomizer sandboxConsoleCustomizer(List<SecurityInspector> inspectors) {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
                String concrete = path.getKey().replaceAll("\\{[^}]*}", "x").replace("**", "x");
                for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                    Operation operation = op.getValue();
                    operation.setTags(List.of(tag(path.getKey())));
                    OperationSecurity refused = OperationSecurity.NONE;
                    for (SecurityInspector i : inspectors) {
                        refused = refused.or(i.inspect(op.getKey().name(), concrete, null));
                    }
                    if (refused.challenges()) {
                        operation.setSecurity(List.of(new SecurityRequirement().addList(TOKEN_SCHEME)));
                    }
                }
            }
        };
    }

    /**
     * Publishes every Bean Validation pattern of the sandbox's own parameters and request bodies
     * in OpenAPI's dialect ({@link EcmaPattern}): springdoc copies them as Java wrote them, inline
     * {@code (?i)} and whole-value matching included. restfault's error components are left as
     * restfault-springdoc converted them.
     */
    @Bean
    OpenApiCustomizer sandboxPatternCustomizer() {
        return openApi -> {
            if (openApi.getPaths() != null) {
                for (PathItem path : openApi.getPaths().values()) {
                    publishPatterns(path.getParameters());
                    for (Operation operation : path.readOperations()) {
                        publishPatterns(operation.getParameters());
                    }
                }
            }
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
                Set<String> restfaults = ErrorComponents.schemas().keySet();
                openApi.getComponents().getSchemas().forEach((name, schema) -> {
                    if (!restfaults.contains(name)) {
                        publishPattern(schema, 0);
                    }
                });
            }
        };
    }

    private static void publishPatterns(List<Parameter> parameters) {
        if (parameters != null) {
            for (Parameter parameter : parameters) {
                publishPattern(parameter.getSchema(), 0);
            }
        }
    }

    /** Rewrites {@code schema}'s pattern and those of the schemas it holds, a few levels deep. */
    private static void publishPattern(Schema<?> schema, int depth) {
        if (schema == null || depth > 8) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null && !EcmaPattern.isPublished(pattern)) {
            schema.setPattern(EcmaPattern.of(pattern));
        }
        if (schema.getProperties() != null) {
            for (Schema<?> property : schema.getProperties().values()) {
                publishPattern(property, depth + 1);
            }
        }
        publishPattern(schema.getItems(), depth + 1);
    }

    private static String tag(String path) {
        if (path.startsWith(ApiPaths.PARTNER_API + "/") && !path.startsWith(ApiPaths.PARTNER_API + "/simulate/")) {
            return "Partner API";
        }
        String rest = path.startsWith(ApiPaths.PARTNER_API) ? path.substring(ApiPaths.PARTNER_API.length())
                : path.startsWith(ApiPaths.PARTNER_CENTER) ? path.substring(ApiPaths.PARTNER_CENTER.length()) : path;
        if (rest.startsWith("/simulate/")) {
            return "Simulation";
        }
        if (rest.startsWith("/admin/")) {
            return "Admin";
        }
        if (rest.startsWith("/invoices") || rest.contains("/subscriptions")) {
            return "Not implemented";
        }
        if (rest.endsWith("/credit")) {
            return "Credit";
        }
        if (rest.startsWith("/customers")) {
            return "Customers";
        }
        return "Index";
    }

    private static String list(List<Token> tokens) {
        StringBuilder b = new StringBuilder();
        for (Token t : tokens) {
            if (b.length() > 0) {
                b.append(", ");
            }
            String access = t.access() == Access.READ_WRITE ? "read-write" : "read-only";
            if (DEMO_TOKEN_VALUES.contains(t.value())) {
                b.append('`').append(t.value()).append("` (").append(access).append(')');
            } else {
                // Anyone can read this document: a configured token is named, never shown.
                b.append("the ").append(access).append(" token `").append(t.name())
                        .append("` (its value is configured on the server, not published here)");
            }
        }
        return b.toString();
    }

    private static String description(List<Token> tokens) {
        return """
                A small Partner Center-style service that answers each of the contract's error statuses \
                **because something real happened**, and any status on demand under `/v1/simulate/{status}`.

                **Tokens.** Press *Authorize* and paste one of the sandbox's tokens: %s. \
                Without a token, `/v1/customers` answers 401 with the OAuth challenge; with the read-only token, \
                a write answers 403. The simulation needs no token.

                **Formats.** Errors under `/v1` are Partner Center errors `{code, description, data, source}`; \
                under `/partner/v1`, Partner API errors `{"error": {code, message, target, details}}`; \
                a request whose `Accept` prefers `application/problem+json` gets RFC 9457 problem details. \
                Every error response below lists the statuses restfault really answers for the operation, \
                with the body of each format and an example per error code.

                **Languages.** `X-Locale` (or `Accept-Language`): en-US, fr-FR, ja-JP, zh-TW.

                **Try it.** `GET /v1/simulate/404`; `GET /v1/customers` without a token (401); \
                `GET /v1/simulate/503?retryAfter=30`; `GET /v1/simulate/502?fault=html`.
                """.formatted(list(tokens));
    }
}
