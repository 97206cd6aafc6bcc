package dev.restfault.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfileSummaryTest {

    @Test
    void ownersAreTheLibrariesOfTheFrames() {
        assertThat(ProfileSummary.ownerOf("dev.restfault.json.ErrorWriter.write")).isEqualTo("restfault");
        assertThat(ProfileSummary.ownerOf("dev.restfault.benchmarks.e2e.app.ItemController.item")).isEqualTo("the application");
        assertThat(ProfileSummary.ownerOf("org.springframework.web.servlet.DispatcherServlet.doDispatch")).isEqualTo("Spring");
        assertThat(ProfileSummary.ownerOf("org.apache.coyote.http11.Http11Processor.service")).isEqualTo("Tomcat");
        assertThat(ProfileSummary.ownerOf("org.apache.catalina.connector.OutputBuffer.write")).isEqualTo("Tomcat");
        assertThat(ProfileSummary.ownerOf("org.eclipse.jetty.server.internal.HttpConnection.onFillable")).isEqualTo("Jetty");
        assertThat(ProfileSummary.ownerOf("io.netty.channel.nio.NioEventLoop.run")).isEqualTo("Netty");
        assertThat(ProfileSummary.ownerOf("reactor.netty.http.server.HttpServerOperations.onInboundNext")).isEqualTo("Reactor");
        assertThat(ProfileSummary.ownerOf("reactor.core.publisher.MonoFlatMap$FlatMapMain.onNext")).isEqualTo("Reactor");
        assertThat(ProfileSummary.ownerOf("io.lettuce.core.RedisChannelHandler.dispatch")).isEqualTo("Lettuce");
        assertThat(ProfileSummary.ownerOf("io.github.bucket4j.BucketConfiguration.getBandwidths")).isEqualTo("Bucket4j");
        assertThat(ProfileSummary.ownerOf("tools.jackson.core.json.UTF8JsonGenerator.writeString")).isEqualTo("Jackson");
        assertThat(ProfileSummary.ownerOf("ch.qos.logback.classic.Logger.error")).isEqualTo("logging");
        assertThat(ProfileSummary.ownerOf("org.hibernate.Session.get")).isEqualTo("other");
    }

    @Test
    void theJdksOwnFramesBelongToTheirCaller() {
        assertThat(ProfileSummary.ownerOf("java.util.HashMap.get")).isNull();
        assertThat(ProfileSummary.ownerOf("jdk.internal.misc.Unsafe.park")).isNull();
        assertThat(ProfileSummary.ownerOf("sun.nio.ch.SocketDispatcher.write")).isNull();
    }
}
