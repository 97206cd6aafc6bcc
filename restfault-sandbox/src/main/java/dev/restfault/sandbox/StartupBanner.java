package dev.restfault.sandbox;

import dev.restfault.sandbox.config.SandboxProperties;
import dev.restfault.sandbox.config.SandboxProperties.Access;
import dev.restfault.sandbox.config.SandboxProperties.Token;
import dev.restfault.sandbox.console.ConsoleConfiguration;
import dev.restfault.sandbox.security.TokenAuthenticator;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Prints the banner once the sandbox listens: the URL, the tokens, three {@code curl} lines that
 * provoke errors, and where the console and the OpenAPI document are. Printed to standard output
 * on purpose: it is for the person who just typed {@code java -jar}, not for the log.
 * {@code --sandbox.banner=false} turns it off.
 */
@Component
class StartupBanner implements ApplicationListener<ApplicationReadyEvent> {

    private final SandboxProperties properties;
    private final TokenAuthenticator tokens;

    StartupBanner(SandboxProperties properties, TokenAuthenticator tokens) {
        this.properties = properties;
        this.tokens = tokens;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!properties.banner() || !(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        print(System.out, web.getWebServer().getPort(), ManagementFactory.getRuntimeMXBean().getUptime());
    }

    void print(PrintStream out, int port, long uptimeMillis) {
        String url = "http://localhost:" + port;
        String rw = token(Access.READ_WRITE).map(Token::value).orElse("<read-write token>");
        String ro = token(Access.READ_ONLY).map(Token::value).orElse("<read-only token>");
        StringBuilder b = new StringBuilder();
        b.append('\n');
        b.append("  restfault sandbox is listening on ").append(url).append("  (started in ")
                .append(uptimeMillis).append(" ms)\n");
        b.append('\n');
        for (Token t : tokens.tokens()) {
            b.append(String.format("  %-10s token: %s%n", t.access() == Access.READ_WRITE ? "read-write" : "read-only", t.value()));
        }
        b.append('\n');
        b.append("  Try:\n");
        b.append("    curl -i ").append(url).append("/v1/customers                                        # 401, no token\n");
        b.append("    curl -i -H 'Authorization: Bearer ").append(ro).append("' -H 'X-Locale: fr-FR' \\\n")
                .append("         -H 'Content-Type: application/json' -d '{}' ").append(url).append("/v1/customers   # 403, in French\n");
        b.append("    curl -i -H 'Authorization: Bearer ").append(rw).append("' \\\n")
                .append("         ").append(url).append("/partner/v1/customers/c0000000-0000-4000-8000-000000000009  # 404, Partner API format\n");
        b.append('\n');
        b.append("  Console (Swagger UI, every endpoint and its errors): ").append(url).append(ConsoleConfiguration.CONSOLE).append('\n');
        b.append("  OpenAPI document: ").append(url).append(ConsoleConfiguration.API_DOCS).append('\n');
        b.append("  Every endpoint: GET ").append(url).append("/  and restfault-sandbox/README.md\n");
        out.print(b);
        out.flush();
    }

    private Optional<Token> token(Access access) {
        return tokens.tokens().stream().filter(t -> t.access() == access).findFirst();
    }
}
