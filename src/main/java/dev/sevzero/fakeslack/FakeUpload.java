package dev.sevzero.fakeslack;

/** A file completed with files.completeUploadExternal (channel is null for an unshared file). */
public record FakeUpload(
    String fileId,
    String channel,
    String filename,
    String title,
    byte[] bytes,
    String initialComment) {}
