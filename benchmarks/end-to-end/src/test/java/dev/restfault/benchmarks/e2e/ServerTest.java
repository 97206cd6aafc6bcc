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
            "/m2/jakarta/servlet/jakarta.servlet-api/6.1.0/jakarta.servlet-api-6.1.0.jar"));

    @Test
    void tomcatsClassPathHasNoJettyJars() {
        assertThat(Server.TOMCAT.classPath(CLASS_PATH).split(File.pathSeparator)).containsExactly(
                "/repo/benchmarks/end-to-end/target/classes",
                "/m2/org/apache/tomcat/embed/tomcat-embed-core/11.0.27/tomcat-embed-core-11.0.27.jar",
                "/m2/org/springframework/boot/spring-boot-tomcat/4.1.2/spring-boot-tomcat-4.1.2.jar",
                "/m2/org/springframework/boot/spring-boot-starter-tomcat/4.1.2/spring-boot-starter-tomcat-4.1.2.jar",
                "/m2/org/springframework/boot/spring-boot-webmvc/4.1.2/spring-boot-webmvc-4.1.2.jar",
                "/m2/jakarta/servlet/jakarta.servlet-api/6.1.0/jakarta.servlet-api-6.1.0.jar");
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
                "/m2/jakarta/servlet/jakarta.servlet-api/6.1.0/jakarta.servlet-api-6.1.0.jar");
    }

    @Test
    void serversAreNamedCaseInsensitively() {
        assertThat(Server.of("Jetty")).isEqualTo(Server.JETTY);
        assertThatThrownBy(() -> Server.of("undertow")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown server 'undertow'").hasMessageContaining("tomcat");
    }
}
