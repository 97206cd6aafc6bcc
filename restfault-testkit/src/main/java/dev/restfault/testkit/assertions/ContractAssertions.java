package dev.restfault.testkit.assertions;

import dev.restfault.testkit.check.ObservedResponse;
import dev.restfault.testkit.check.ResponseHeaders;
import java.net.http.HttpResponse;

/**
 * Entry points of the contract assertions for users' integration tests:
 *
 * <pre>{@code
 * import static dev.restfault.testkit.assertions.ContractAssertions.assertThat;
 *
 * HttpResponse<byte[]> response = http.send(request, BodyHandlers.ofByteArray());
 * assertThat(response).isContractError(404).hasCode("notFound");
 * }</pre>
 *
 * These overloads coexist with AssertJ's own {@code Assertions.assertThat} under static import:
 * Java picks the most specific one.
 */
public final class ContractAssertions {

    private ContractAssertions() {
    }

    /**
     * Assertions on a {@code java.net.http} response; the request's method, ids and language are
     * taken into account (see {@link ObservedResponse#of(HttpResponse)}).
     */
    public static ContractResponseAssert assertThat(HttpResponse<byte[]> response) {
        return new ContractResponseAssert(response == null ? null : ObservedResponse.of(response));
    }

    /** Assertions on a response captured some other way. */
    public static ContractResponseAssert assertThat(ObservedResponse response) {
        return new ContractResponseAssert(response);
    }

    /**
     * Assertions on a plain status, headers and body triple.
     *
     * @param headers null means none; body null means empty
     * @throws IllegalArgumentException if {@code status} is outside 100..599
     */
    public static ContractResponseAssert assertThatResponse(int status, ResponseHeaders headers, byte[] body) {
        return new ContractResponseAssert(ObservedResponse.of(status, headers, body));
    }
}
