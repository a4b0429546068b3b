package dev.sevzero.fakeslack;

import static dev.sevzero.fakeslack.WebApi.Tokens.BOT;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The external upload flow behind the SDK's filesUploadV2: reserve a URL, POST the bytes to it,
 * then complete (which shares the file in the channel).
 */
final class FileMethods {
  static final String UPLOAD_PATH = "/upload/";

  private FileMethods() {}

  static void register(WebApi api, Workspace ws) {
    api.register(
        "files.getUploadURLExternal",
        BOT,
        p -> {
          String fileId = ws.uploads().reserveUpload(p.get("filename"), p.intOr("length", 0));
          return Json.obj(
              "upload_url", api.baseUrl() + UPLOAD_PATH.substring(1) + fileId, "file_id", fileId);
        });
    api.serveRaw(
        UPLOAD_PATH, (fileId, bytes) -> ws.uploads().receiveUpload(fileId, bytes) ? 200 : 404);
    api.register(
        "files.completeUploadExternal",
        BOT,
        p -> {
          JsonArray files = p.array("files");
          if (files == null || files.isEmpty()) {
            throw new ApiError("invalid_arguments");
          }
          String channel = p.get("channel_id");
          if (channel == null && !p.list("channels").isEmpty()) {
            channel = p.list("channels").get(0);
          }
          List<JsonObject> completed = new ArrayList<>();
          for (JsonElement f : files) {
            JsonObject file = f.getAsJsonObject();
            completed.add(
                ws.uploads()
                    .completeUpload(
                        Json.str(file, "id"),
                        Json.str(file, "title"),
                        channel,
                        p.get("initial_comment"),
                        p.get("thread_ts")));
          }
          return Json.obj("files", completed);
        });
  }
}
