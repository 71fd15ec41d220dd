package io.mocplatform.devstack.gateway;

import io.mocplatform.devstack.contract.PlatformContract.Route;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway route selection for an HTTP API: a method and path match a route key when every literal segment is
 * equal and every {@code {param}} segment is non-empty; the most specific route (most literal segments) wins.
 * Anything else is not routed, whatever the function behind it would have said.
 */
public final class RouteTable {

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        // Literal segments first, so /images/{imageId} never shadows a literal sibling such as /images/search.
        this.routes = routes.stream()
                .sorted(Comparator.comparingLong((Route r) -> literalSegments(r.path())).reversed())
                .toList();
    }

    public List<Route> routes() {
        return routes;
    }

    /** The route serving {@code method} and {@code rawPath}, with its decoded path parameters. */
    public Optional<Match> match(String method, String rawPath) {
        String[] actual = segments(rawPath);
        for (Route route : routes) {
            if (!route.method().equalsIgnoreCase(method)) {
                continue;
            }
            String[] template = segments(route.path());
            if (template.length != actual.length) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                String part = template[i];
                if (part.startsWith("{") && part.endsWith("}")) {
                    if (actual[i].isEmpty()) {
                        matches = false;
                    } else {
                        parameters.put(part.substring(1, part.length() - 1),
                                URLDecoder.decode(actual[i].replace("+", "%2B"), StandardCharsets.UTF_8));
                    }
                } else {
                    matches = part.equals(actual[i]);
                }
            }
            if (matches) {
                return Optional.of(new Match(route, parameters));
            }
        }
        return Optional.empty();
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private static long literalSegments(String path) {
        return java.util.Arrays.stream(segments(path)).filter(s -> !s.startsWith("{")).count();
    }

    /**
     * A routed request.
     *
     * @param route          the route key that matched
     * @param pathParameters values of the route's {@code {param}} segments, decoded
     */
    public record Match(Route route, Map<String, String> pathParameters) {
    }
}
