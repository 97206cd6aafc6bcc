package dev.restfault.benchmarks.e2e.app;

import dev.restfault.core.exception.ContractException;

/** restfault's setup: the application throws {@link ContractException}, as the starter's README shows. */
final class ContractFailures implements Failures {

    @Override
    public RuntimeException notFound(String description) {
        return ContractException.notFound(description);
    }

    @Override
    public RuntimeException unauthorized() {
        // The challenge's cid comes from restfault.challenge.cid, as an application configures it.
        return ContractException.unauthorized();
    }
}
