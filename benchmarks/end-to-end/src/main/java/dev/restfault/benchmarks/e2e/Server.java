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
 * <p>A reactive server (Reactor Netty) is added here with the jars that belong to the others.
 */
public enum Server {

    TOMCAT("tomcat", "Tomcat", List.of("jetty-", "spring-boot-jetty-", "spring-boot-starter-jetty-")),
    JETTY("jetty", "Jetty", List.of("tomcat-", "spring-boot-tomcat-", "spring-boot-starter-tomcat-"));

    private final String id;
    private final String webServerName;
    private final List<String> foreignJarPrefixes;

    Server(String id, String webServerName, List<String> foreignJarPrefixes) {
        this.id = id;
        this.webServerName = webServerName;
        this.foreignJarPrefixes = foreignJarPrefixes;
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
        List<String> kept = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path fileName = Path.of(entry).getFileName();
            String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
            boolean foreign = name.endsWith(".jar") && foreignJarPrefixes.stream().anyMatch(name::startsWith);
            if (!foreign) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
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
}
