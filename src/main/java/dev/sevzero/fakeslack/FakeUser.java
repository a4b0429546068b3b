package dev.sevzero.fakeslack;

/** A workspace member; {@code name} is the handle people type after "@". */
public record FakeUser(String id, String name, boolean isBot) {}
