package dev.sevzero.slack.transport;

import com.google.gson.Gson;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import okhttp3.FormBody;
import okhttp3.Response;

/**
 * The SDK's Web API client, parsing every answer with one {@link Gson}. {@link MethodsClientImpl}
 * builds a new Gson for each response, and a new Gson learns each response class again by
 * reflection: that was most of the CPU and nearly all the garbage of our Slack work, which shares
 * two cores with acknowledging commands (bench/README.md). Gson is thread-safe.
 *
 * <p>Form-encoded calls (all but file uploads) come through here. The SDK's per-method call
 * statistics are not kept: {@link SlackClients} turns them off, and nothing of ours reads them.
 */
final class SharedGsonMethodsClient extends MethodsClientImpl {

  private final Gson gson;

  SharedGsonMethodsClient(SlackHttpClient http, String token) {
    super(http, token);
    setEndpointUrlPrefix(http.getConfig().getMethodsEndpointUrlPrefix());
    gson = GsonFactory.createSnakeCase(http.getConfig());
  }

  @Override
  protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(
      FormBody.Builder form, String endpoint, String token, Class<T> type)
      throws IOException, SlackApiException {
    try (Response response = runPostFormWithToken(form, endpoint, token)) {
      String body = response.body().string();
      if (!response.isSuccessful()) {
        throw new SlackApiException(getSlackHttpClient().getConfig(), response, body);
      }
      T parsed = gson.fromJson(body, type);
      parsed.setHttpResponseHeaders(response.headers().toMultimap());
      getSlackHttpClient().runHttpResponseListeners(response, body);
      return parsed;
    }
  }
}
