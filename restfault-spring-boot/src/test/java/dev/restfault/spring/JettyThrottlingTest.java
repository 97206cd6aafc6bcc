package dev.restfault.spring;

/** Throttling on embedded Jetty. */
class JettyThrottlingTest extends AbstractThrottlingTest {

    @Override
    String otherServerAutoConfiguration() {
        return AbstractContractErrorsTest.TOMCAT_AUTOCONFIG;
    }
}
