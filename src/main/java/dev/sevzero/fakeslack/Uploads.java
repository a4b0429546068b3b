package dev.sevzero.fakeslack;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Files the bot uploads through the external upload flow: reserved, then received, then shared in a
 * channel (or kept private).
 */
final class Uploads {
  private final Clock clock;
  private final Ids ids;
  private final Channels channels;
  private final Messages messages;
  private final Map<String, PendingUpload> pendingUploads = new HashMap<>();
  private final List<FakeUpload> uploads = new ArrayList<>();

  Uploads(Clock clock, Ids ids, Channels channels, Messages messages) {
    this.clock = clock;
    this.ids = ids;
    this.channels = channels;
    this.messages = messages;
  }

  synchronized String reserveUpload(String filename, int length) {
    if (filename == null || filename.isEmpty() || length < 1) {
      throw new ApiError("invalid_arguments");
    }
    String id = ids.newId('F');
    pendingUploads.put(id, new PendingUpload(filename));
    return id;
  }

  /** The upload URL's POST; false if the file id was never reserved. */
  synchronized boolean receiveUpload(String fileId, byte[] bytes) {
    PendingUpload p = pendingUploads.get(fileId);
    if (p == null) {
      return false;
    }
    p.bytes = bytes;
    return true;
  }

  synchronized JsonObject completeUpload(
      String fileId, String title, String channelId, String comment, String threadTs) {
    PendingUpload p = pendingUploads.get(fileId);
    if (p == null || p.bytes == null) {
      throw new ApiError("file_not_found");
    }
    if (channelId != null) {
      channels.requireBotMember(channelId);
    }
    pendingUploads.remove(fileId);
    String t = title == null ? p.filename : title;
    uploads.add(new FakeUpload(fileId, channelId, p.filename, t, p.bytes, comment));
    JsonObject file =
        Json.obj(
            "id",
            fileId,
            "name",
            p.filename,
            "title",
            t,
            "size",
            p.bytes.length,
            "user",
            FakeSlack.BOT_USER_ID,
            "created",
            clock.instant().getEpochSecond(),
            "channels",
            channelId == null ? List.of() : List.of(channelId));
    if (channelId != null) {
      messages.shareFile(channelId, comment, threadTs, file);
    }
    return file;
  }

  synchronized List<FakeUpload> all() {
    return List.copyOf(uploads);
  }

  // Mutable, only touched under this object's lock.
  private static final class PendingUpload {
    final String filename;
    byte[] bytes;

    PendingUpload(String filename) {
      this.filename = filename;
    }
  }
}
