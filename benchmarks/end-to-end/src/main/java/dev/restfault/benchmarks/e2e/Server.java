package dev.restfault.benchmarks.e2e;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The embedded servers a setup can run on. The harness's class path holds all of them; a server
 * process gets the class path without the other servers' jars, as an application that depends
 * on one server has, so that exactly one starts and nothing of the others is even loaded.
 *
 * <p>The servlet servers run without the reactive stack's jars and the reactive one without the
 * servlet stack's, so that Spring Boot starts the kind of application each is for.
 */
public enum Server {

    TOMCAT("tomcat", "Tomcat", List.of("jetty-", "spring-boot-jetty-", "spring-boot-starter-jetty-"), true),
    JETTY("jetty", "Jetty", List.of("tomcat-", "spring-boot-tomcat-", "spring-boot-starter-tomcat-"), true),
    /** Spring WebFlux's default server: the servlet stack's jars are left out, so Boot starts a reactive application. */
    REACTOR_NETTY("reactor-netty", "Netty", List.of("tomcat-", "spring-boot-tomcat-", "spring-boot-starter-tomcat-", "jetty-",
            "spring-boot-jetty-", "spring-boot-starter-jetty-", "spring-webmvc-", "spring-boot-webmvc-",
            "spring-boot-starter-webmvc-"), false);

    private final String id;
    private final String webServerName;
    private final List<String> foreignJarPrefixes;

    Server(String id, String webServerName, List<String> foreignJarPrefixes, boolean servlet) {
        this.id = id;
        this.webServerName = webServerName;
        List<String> foreign = new ArrayList<>(foreignJarPrefixes);
        if (servlet) {
            foreign.addAll(ReactiveJars.PREFIXES);
        }
        this.foreignJarPrefixes = List.copyOf(foreign);
    }

    /** The name used in options and tables. */
    public String id() {
        return id;
    }

    /** Part of the simple name of Spring Boot's {@code WebServer} class for this server ({@code TomcatWebServer}). */
    public String webServerName() {
        return webServerName;
    }

    /** {@code classPath} without the jars of the other servers (jar file names starting with their prefixes). */
    public String classPath(String classPath) {
        return classPath(classPath, List.of());
    }

    /** {@code classPath} without the jars of the other servers, nor those whose names start with one of {@code alsoLeftOut}. */
    public String classPath(String classPath, List<String> alsoLeftOut) {
        List<String> kept = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            String name = jarName(Path.of(entry));
            boolean foreign = name.endsWith(".jar") && (foreignJarPrefixes.stream().anyMatch(name::startsWith)
                    || alsoLeftOut.stream().anyMatch(name::startsWith));
            if (!foreign) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    /**
     * The file name of a class path entry, in lower case; for a module of this build that is not
     * packaged yet ({@code restfault-x/target/classes}, as the reactor hands it to tests before the
     * package phase), the name its jar will have ({@code restfault-x-classes.jar}).
     */
    private static String jarName(Path entry) {
        Path fileName = entry.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        Path target = entry.getParent();
        if ((name.equals("classes") || name.equals("test-classes")) && target != null && target.getFileName() != null
                && target.getFileName().toString().equals("target") && target.getParent() != null
                && target.getParent().getFileName() != null) {
            return target.getParent().getFileName().toString().toLowerCase(Locale.ROOT) + "-" + name + ".jar";
        }
        return name;
    }

    /** The server named {@code id}, case-insensitively. */
    public static Server of(String id) {
        for (Server server : values()) {
            if (server.id.equalsIgnoreCase(id)) {
                return server;
            }
        }
        throw new IllegalArgumentException("unknown server '" + id + "'; known: " + List.of(values()).stream().map(Server::id).toList());
    }

    /** The reactive stack's jars, left out of a servlet server's class path (a holder: enum constructors cannot read static fields). */
    private static final class ReactiveJars {

        static final List<String> PREFIXES = List.of("reactor-netty-", "spring-boot-reactor-netty-",
                "spring-boot-starter-reactor-netty-", "spring-webflux-", "spring-boot-webflux-", "spring-boot-starter-webflux-");
    }
}
