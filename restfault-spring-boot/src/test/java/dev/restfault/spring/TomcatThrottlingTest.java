package dev.restfault.spring;

/** Throttling on embedded Tomcat. */
class TomcatThrottlingTest extends AbstractThrottlingTest {

    @Override
    String otherServerAutoConfiguration() {
        return AbstractContractErrorsTest.JETTY_AUTOCONFIG;
    }
}
