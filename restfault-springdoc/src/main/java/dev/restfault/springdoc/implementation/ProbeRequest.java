package dev.restfault.springdoc.implementation;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request that was never sent: method and path only, no headers, no parameters, no body, no
 * session, as the servlet API would show a bare request for an operation's path. It lets the
 * application's own request matchers and authorization rules be asked what they would do with
 * such a request, instead of guessing from their configuration. Attributes work (matchers cache
 * the parsed path there); everything else answers as for a request that carried nothing.
 * Not thread-safe; one per question.
 */
final class ProbeRequest {

    private ProbeRequest() {
    }

    /**
     * @param method the HTTP method
     * @param path the path within the application, beginning with {@code /}; no query
     * @throws IllegalArgumentException if {@code path} does not begin with {@code /}
     */
    static HttpServletRequest of(String method, String path) {
        Objects.requireNonNull(method, "method");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must begin with /, was " + path);
        }
        Map<String, Object> attributes = new HashMap<>();
        HttpServletMapping mapping = new HttpServletMapping() {
            @Override
            public String getMatchValue() {
                return "";
            }

            @Override
            public String getPattern() {
                return "/";
            }

            @Override
            public String getServletName() {
                return "dispatcherServlet";
            }

            @Override
            public MappingMatch getMappingMatch() {
                return MappingMatch.DEFAULT;
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(ProbeRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "getMethod":
                            return method;
                        case "getRequestURI":
                        case "getServletPath":
                            return path;
                        case "getRequestURL":
                            return new StringBuffer("http://localhost").append(path);
                        case "getContextPath":
                            return "";
                        case "getHttpServletMapping":
                            return mapping;
                        case "getDispatcherType":
                            return DispatcherType.REQUEST;
                        case "getScheme":
                            return "http";
                        case "getServerName":
                        case "getRemoteHost":
                            return "localhost";
                        case "getServerPort":
                            return 80;
                        case "getRemoteAddr":
                        case "getLocalAddr":
                            return "127.0.0.1";
                        case "getProtocol":
                            return "HTTP/1.1";
                        case "getAttribute":
                            return attributes.get((String) args[0]);
                        case "setAttribute":
                            attributes.put((String) args[0], args[1]);
                            return null;
                        case "removeAttribute":
                            attributes.remove((String) args[0]);
                            return null;
                        case "getAttributeNames":
                            return Collections.enumeration(attributes.keySet());
                        case "getHeaders":
                        case "getHeaderNames":
                        case "getParameterNames":
                        case "getLocales":
                            return Collections.emptyEnumeration();
                        case "getParameterMap":
                            return Map.of();
                        case "getIntHeader":
                        case "getContentLength":
                            return -1;
                        case "getDateHeader":
                        case "getContentLengthLong":
                            return -1L;
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "toString":
                            return "probe " + method + " " + path;
                        default:
                            return defaultValue(m.getReturnType());
                    }
                });
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class || type == short.class || type == byte.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
