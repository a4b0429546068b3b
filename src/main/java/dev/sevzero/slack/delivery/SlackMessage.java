package dev.sevzero.slack.delivery;

/**
 * A message to post, as stored in a delivery's payload. Exactly one of {@code channel}, {@code
 * incident} (its channel, looked up when delivering) and {@code user} (a DM) is set.
 *
 * @param blocks Block Kit as JSON, or null for text only
 * @param notice what to tell people if Slack refuses it for good ("Could not page @bob"), or null
 *     to only log it
 * @param tell who to tell by DM when the refusal cannot be told in the incident's channel, or null
 * @param tellIn the channel to tell it in instead of a DM (the rotation's refusals go to {@code
 *     ONCALL_CHANNEL}), or null
 */
record SlackMessage(
    String channel,
    Long incident,
    String user,
    String text,
    String blocks,
    String notice,
    String tell,
    String tellIn) {}
