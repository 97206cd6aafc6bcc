package dev.restfault.spring;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The contract over embedded Tomcat. Tomcat closes the keep-alive connection after a response
 * whose status is one of 400, 408, 411, 413, 414, 500, 501 and 503 (its
 * {@code Http11Processor.statusDropsConnection}), sending {@code Connection: close}.
 */
class TomcatContractErrorsTest extends AbstractContractErrorsTest {

    @Override
    WebStack stack() {
        return WebStack.SERVLET;
    }

    @Override
    SpringApplicationBuilder application() {
        return servletApplication(JETTY_AUTOCONFIG);
    }

    /**
     * A connection timeout of 2 s, which bounds a single read of a stalled body (Tomcat's blocking
     * reads have no other timeout); idle keep-alive connections keep Tomcat's default.
     */
    @Override
    java.util.List<String> serverProperties() {
        return java.util.List.of("server.tomcat.connection-timeout=2s", "server.tomcat.keep-alive-timeout=60s");
    }

    @Override
    boolean closesConnectionAfter(int status) {
        return status == 400 || status == 500 || status == 501 || status == 503;
    }

    /** Tomcat refuses TRACE in its connector (allowTrace is false by default). */
    @Override
    boolean refusesTraceItself() {
        return true;
    }

    /** Tomcat sends 100 Continue once it has read the headers (continueResponseTiming=immediately). */
    @Override
    boolean sends100ContinueItself() {
        return true;
    }

    /** Tomcat leaves the body to the error page, which restfault renders. */
    @Override
    boolean settlesUnreadBodyBeforeItsErrorPage() {
        return false;
    }

    /** Tomcat sends 408 or 400 itself after a failed read (InputBuffer.handleReadException). */
    @Override
    boolean answersAFailedBodyReadItself() {
        return true;
    }

    /** Tomcat closes the request's input, then the connection, after an error that says Connection: close. */
    @Override
    boolean lingersBeforeClosing() {
        return false;
    }
}
