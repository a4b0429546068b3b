package dev.sevzero.fakeslack;

import com.google.gson.JsonObject;

/** A modal currently open for a user (opened with views.open or views.push). */
public record FakeView(
    String id, String callbackId, String privateMetadata, JsonObject view, String user) {}
