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

    @Override
    boolean closesConnectionAfter(int status) {
        return status == 400 || status == 500 || status == 501 || status == 503;
    }

    /** Tomcat refuses TRACE in its connector (allowTrace is false by default). */
    @Override
    boolean refusesTraceItself() {
        return true;
    }
}
