package dev.sevzero.slack.transport;

import com.google.gson.ExclusionStrategy;
import com.google.gson.FieldAttributes;
import com.google.gson.Gson;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
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

  /**
   * {@link #gson} without the copy of the message that {@code chat.postMessage} and {@code
   * chat.update} send back: nothing reads it, and its blocks made parsing the header's answer, on
   * the path of its pin, cost twice as much as any other.
   */
  private final Gson gsonWithoutEcho;

  SharedGsonMethodsClient(SlackHttpClient http, String token) {
    super(http, token);
    setEndpointUrlPrefix(http.getConfig().getMethodsEndpointUrlPrefix());
    gson = GsonFactory.createSnakeCase(http.getConfig());
    gsonWithoutEcho =
        gson.newBuilder().addDeserializationExclusionStrategy(new SkipEchoedMessage()).create();
  }

  private static final class SkipEchoedMessage implements ExclusionStrategy {

    @Override
    public boolean shouldSkipField(FieldAttributes field) {
      return field.getName().equals("message")
          && (field.getDeclaringClass() == ChatPostMessageResponse.class
              || field.getDeclaringClass() == ChatUpdateResponse.class);
    }

    @Override
    public boolean shouldSkipClass(Class<?> type) {
      return false;
    }
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
      T parsed =
          (type == ChatPostMessageResponse.class || type == ChatUpdateResponse.class
                  ? gsonWithoutEcho
                  : gson)
              .fromJson(body, type);
      parsed.setHttpResponseHeaders(response.headers().toMultimap());
      getSlackHttpClient().runHttpResponseListeners(response, body);
      return parsed;
    }
  }
}
