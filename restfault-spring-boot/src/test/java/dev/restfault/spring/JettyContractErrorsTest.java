package dev.restfault.spring;

import org.springframework.boot.builder.SpringApplicationBuilder;

/** The contract over embedded Jetty 12, which keeps keep-alive connections open after error responses. */
class JettyContractErrorsTest extends AbstractContractErrorsTest {

    @Override
    WebStack stack() {
        return WebStack.SERVLET;
    }

    @Override
    SpringApplicationBuilder application() {
        return servletApplication(TOMCAT_AUTOCONFIG);
    }

    @Override
    boolean closesConnectionAfter(int status) {
        return false;
    }

    /** Jetty passes TRACE on; restfault's filter answers it. */
    @Override
    boolean refusesTraceItself() {
        return false;
    }

    /** Jetty sends 100 Continue only when the application asks for the body. */
    @Override
    boolean sends100ContinueItself() {
        return false;
    }

    /** Jetty's sendError handling consumes what has arrived, else says Connection: close. */
    @Override
    boolean settlesUnreadBodyBeforeItsErrorPage() {
        return true;
    }

    /** Jetty lets the application answer after a failed read: restfault's error goes out. */
    @Override
    boolean answersAFailedBodyReadItself() {
        return false;
    }

    /** restfault reads the rest of a body over the bound after the error, before Jetty closes. */
    @Override
    boolean lingersBeforeClosing() {
        return true;
    }
}
