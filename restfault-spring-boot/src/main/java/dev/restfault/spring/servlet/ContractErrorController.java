package dev.restfault.spring.servlet;

import dev.restfault.server.StatusErrors;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Spring Boot's {@code BasicErrorController} at the error path: whatever reaches the
 * container's error page mechanism is rendered in the contract (normally restfault's filter has
 * already done so on the error dispatch). A request for the error path itself, not dispatched by
 * the container, is answered as an unknown resource: 404.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public final class ContractErrorController implements ErrorController {

    private final ServletErrorResponder renderer;

    /** @param renderer renders the dispatched error */
    public ContractErrorController(ServletErrorResponder renderer) {
        this.renderer = renderer;
    }

    /**
     * Renders the error the container dispatched here (its exception or status attribute), or a
     * 404 when the error path was requested directly.
     *
     * @throws IOException if the response cannot be written
     */
    @RequestMapping
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (exception instanceof Throwable) {
            renderer.renderDispatched(request, response, (Throwable) exception);
        } else if (status instanceof Integer && (Integer) status >= 400 && (Integer) status <= 599) {
            renderer.renderStatus(request, response, (Integer) status);
        } else {
            renderer.render(request, response, StatusErrors.of(404));
        }
    }
}
