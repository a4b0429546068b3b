package dev.sevzero.fakeslack;

import com.google.gson.JsonObject;

/** Thrown by a method handler to answer {"ok":false,"error":code, ...extra}. */
final class ApiError extends RuntimeException {
  final String code;
  final JsonObject extra;

  ApiError(String code) {
    this(code, new JsonObject());
  }

  ApiError(String code, JsonObject extra) {
    super(code, null, false, false);
    this.code = code;
    this.extra = extra;
  }
}
