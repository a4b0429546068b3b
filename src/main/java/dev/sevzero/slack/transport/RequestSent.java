package dev.sevzero.slack.transport;

import dev.sevzero.deliveries.Dispatcher;
import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Tells the dispatcher when a Web API request has left, on the thread making the call: a chain's
 * next step (the header after the channel) then goes out before the deliveries held back for it
 * start competing for the cores. Every Web API call the bot makes is a POST with a body.
 */
final class RequestSent extends EventListener {

  @Override
  public void requestBodyEnd(Call call, long byteCount) {
    Dispatcher.requestSent();
  }
}
