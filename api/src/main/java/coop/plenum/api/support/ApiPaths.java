package coop.plenum.api.support;

import org.springframework.web.server.ServerWebExchange;

/** Which requests are the JSON API's: {@code /api} and everything under it, as the API's security chain sees it. */
public final class ApiPaths {

    private ApiPaths() {
    }

    public static boolean isApi(ServerWebExchange exchange) {
        return isApi(exchange.getRequest().getPath().pathWithinApplication().value());
    }

    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/api?") || path.startsWith("/api#");
    }
}
