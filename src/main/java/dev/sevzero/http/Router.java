package dev.sevzero.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One route, one handler: a request goes to the handler registered for its exact path and method.
 * An unknown path gets 404, a known path with another method 405 naming the allowed one.
 */
public final class Router {

  private record Route(String method, WebHandler handler) {}

  private final Map<String, Route> routes = new LinkedHashMap<>();

  public Router get(String path, WebHandler handler) {
    return add("GET", path, handler);
  }

  public Router post(String path, WebHandler handler) {
    return add("POST", path, handler);
  }

  private synchronized Router add(String method, String path, WebHandler handler) {
    if (routes.putIfAbsent(path, new Route(method, handler)) != null) {
      throw new IllegalArgumentException("two handlers for " + path);
    }
    return this;
  }

  WebReply dispatch(WebRequest request) throws Exception {
    Route route;
    synchronized (this) {
      route = routes.get(request.path());
    }
    if (route == null) {
      return WebReply.text(404, "not found");
    }
    if (!route.method().equalsIgnoreCase(request.method())) {
      return WebReply.text(405, "method not allowed").withHeader("Allow", route.method());
    }
    return route.handler().handle(request);
  }
}
