package dev.sevzero.http;

/** Answers the requests of one route. */
@FunctionalInterface
public interface WebHandler {
  WebReply handle(WebRequest request) throws Exception;
}
