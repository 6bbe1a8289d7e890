package ai.voxworks.conformance;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Rest Assured filter that checks every response against {@link OpenApiContract}, so no case
 * can pass with a response the spec does not allow.
 */
final class ContractFilter implements Filter {

    private final OpenApiContract contract;

    ContractFilter(OpenApiContract contract) {
        this.contract = contract;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            headers.put(h.getName(), h.getValue());
        }
        List<String> problems = contract.violations(response.getStatusCode(), response.getContentType().isEmpty()
                ? null : response.getContentType(), headers, response.asString());
        if (!problems.isEmpty()) {
            throw new AssertionError("GET " + request.getURI() + " answered " + response.getStatusCode()
                    + " outside the contract:\n  - " + String.join("\n  - ", problems));
        }
        return response;
    }
}
