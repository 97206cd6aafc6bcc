package dev.restfault.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerTest {

    private static final String CLASS_PATH = String.join(File.pathSeparator, List.of(
            "/repo/benchmarks/end-to-end/target/classes",
            "/m2/org/apache/tomcat/embed/tomcat-embed-core/11.0.27/tomcat-embed-core-11.0.27.jar",
            "/m2/org/springframework/boot/spring-boot-tomcat/4.1.2/spring-boot-tomcat-4.1.2.jar",
            "/m2/org/springframework/boot/spring-boot-starter-tomcat/4.1.2/spring-boot-starter-tomcat-4.1.2.jar",
            "/m2/org/eclipse/jetty/jetty-server/12.1.14/jetty-server-12.1.14.jar",
            "/m2/org/eclipse/jetty/ee11/jetty-ee11-servlet/12.1.14/jetty-ee11-servlet-12.1.14.jar",
            "/m2/org/springframework/boot/spring-boot-jetty/4.1.2/spring-boot-jetty-4.1.2.jar",
            "/m2/org/springframework/boot/spring-boot-starter-jetty-runtime/4.1.2/spring-boot-starter-jetty-runtime-4.1.2.jar",
            "/m2/org/springframework/boot/spring-boot-webmvc/4.1.2/spring-boot-webmvc-4.1.2.jar",
            "/m2/jakarta/servlet/jakarta.servlet-api/6.1.0/jakarta.servlet-api-6.1.0.jar",
            "/m2/org/springframework/spring-webmvc/7.0.10/spring-webmvc-7.0.10.jar",
            "/m2/org/springframework/spring-webflux/7.0.10/spring-webflux-7.0.10.jar",
            "/m2/org/springframework/boot/spring-boot-webflux/4.1.2/spring-boot-webflux-4.1.2.jar",
            "/m2/org/springframework/boot/spring-boot-reactor-netty/4.1.2/spring-boot-reactor-netty-4.1.2.jar",
            "/m2/io/projectreactor/netty/reactor-netty-http/1.3.8/reactor-netty-http-1.3.8.jar",
            "/m2/io/netty/netty-codec-http/4.2.18.Final/netty-codec-http-4.2.18.Final.jar",
            "/m2/io/projectreactor/reactor-core/3.8.8/reactor-core-3.8.8.jar"));

    /** Jars every server keeps: Netty itself (Lettuce needs it too) and Reactor's core are no server. */
    private static final List<String> SHARED = List.of(
            "/m2/io/netty/netty-codec-http/4.2.18.Final/netty-codec-http-4.2.18.Final.jar",
            "/m2/io/projectreactor/reactor-core/3.8.8/reactor-core-3.8.8.jar");

    @Test
    void tomcatsClassPathHasNoJettyJars() {
        assertThat(Server.TOMCAT.classPath(CLASS_PATH).split(File.pathSeparator)).containsExactly(
                "/repo/benchmarks/end-to-end/target/classes",
                "/m2/org/apache/tomcat/embed/tomcat-embed-core/11.0.27/tomcat-embed-core-11.0.27.jar",
                "/m2/org/springframework/boot/spring-boot-tomcat/4.1.2/spring-boot-tomcat-4.1.2.jar",
                "/m2/org/springframework/boot/spring-boot-starter-tomcat/4.1.2/spring-boot-starter-tomcat-4.1.2.jar",
                "/m2/org/springframework/boot/spring-boot-webmvc/4.1.2/spring-boot-webmvc-4.1.2.jar",
                "/m2/jakarta/servlet/jakarta.servlet-api/6.1.0/jakarta.servlet-api-6.1.0.jar",
                "/m2/org/springframework/spring-webmvc/7.0.10/spring-webmvc-7.0.10.jar",
                SHARED.get(0), SHARED.get(1));
    }

    @Test
    void reactorNettysClassPathHasNoServletStackSoBootStartsAReactiveApplication() {
        assertThat(Server.REACTOR_NETTY.classPath(CLASS_PATH).split(File.pathSeparator)).containsExactly(
                "/repo/benchmarks/end-to-end/target/classes",
                "/m2/jakarta/servlet/jakarta.servlet-api/6.1.0/jakarta.servlet-api-6.1.0.jar",
                "/m2/org/springframework/spring-webflux/7.0.10/spring-webflux-7.0.10.jar",
                "/m2/org/springframework/boot/spring-boot-webflux/4.1.2/spring-boot-webflux-4.1.2.jar",
                "/m2/org/springframework/boot/spring-boot-reactor-netty/4.1.2/spring-boot-reactor-netty-4.1.2.jar",
                "/m2/io/projectreactor/netty/reactor-netty-http/1.3.8/reactor-netty-http-1.3.8.jar",
                SHARED.get(0), SHARED.get(1));
    }

    @Test
    void jettysClassPathHasNoTomcatJars() {
        assertThat(Server.JETTY.classPath(CLASS_PATH).split(File.pathSeparator)).containsExactly(
                "/repo/benchmarks/end-to-end/target/classes",
                "/m2/org/eclipse/jetty/jetty-server/12.1.14/jetty-server-12.1.14.jar",
                "/m2/org/eclipse/jetty/ee11/jetty-ee11-servlet/12.1.14/jetty-ee11-servlet-12.1.14.jar",
                "/m2/org/springframework/boot/spring-boot-jetty/4.1.2/spring-boot-jetty-4.1.2.jar",
                "/m2/org/springframework/boot/spring-boot-starter-jetty-runtime/4.1.2/spring-boot-starter-jetty-runtime-4.1.2.jar",
                "/m2/org/springframework/boot/spring-boot-webmvc/4.1.2/spring-boot-webmvc-4.1.2.jar",
                "/m2/jakarta/servlet/jakarta.servlet-api/6.1.0/jakarta.servlet-api-6.1.0.jar",
                "/m2/org/springframework/spring-webmvc/7.0.10/spring-webmvc-7.0.10.jar",
                SHARED.get(0), SHARED.get(1));
    }

    @Test
    void aSuiteLeavesOutMoreJarsAndAModuleNotPackagedYetCountsAsItsJar() {
        String classPath = String.join(File.pathSeparator, List.of(
                "/repo/restfault-throttling/target/classes",
                "/repo/restfault-core/target/classes",
                "/m2/io/lettuce/lettuce-core/7.2.0/lettuce-core-7.2.0.jar",
                "/m2/io/netty/netty-codec-http/4.2.18.Final/netty-codec-http-4.2.18.Final.jar"));
        assertThat(Server.TOMCAT.classPath(classPath, List.of("restfault-throttling-", "lettuce-core-"))
                .split(File.pathSeparator)).containsExactly(
                "/repo/restfault-core/target/classes",
                "/m2/io/netty/netty-codec-http/4.2.18.Final/netty-codec-http-4.2.18.Final.jar");
        assertThat(Server.TOMCAT.classPath(classPath).split(File.pathSeparator)).hasSize(4);
    }

    @Test
    void serversAreNamedCaseInsensitively() {
        assertThat(Server.of("Jetty")).isEqualTo(Server.JETTY);
        assertThatThrownBy(() -> Server.of("undertow")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown server 'undertow'").hasMessageContaining("tomcat");
    }
}
