// The peer that bench/run Peer measures Sevzero against: a minimal incident bot written the way the
// Bolt-JS documentation shows, in HTTP mode (Bolt's own HTTPReceiver on node:http). It answers the
// same signed slash commands as Sevzero, with an ephemeral ack like Sevzero's, and after the ack
// does the same chain of Web API calls (channel, header, pin, invites, announcement). Incidents are
// kept in memory: the peer stands for "a small Node bot", not for Sevzero's features.
//
// Environment (the same variables Sevzero reads): SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET,
// SLACK_API_URL (the fake Slack's Web API), PORT, INCIDENTS_CHANNEL, INCIDENT_RESPONDERS.
'use strict';

const { App, LogLevel } = require('@slack/bolt');

const env = (name, fallback) => {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') {
    if (fallback === undefined) {
      throw new Error(`${name} is required`);
    }
    return fallback;
  }
  return value.trim();
};

const incidentsChannel = env('INCIDENTS_CHANNEL', '');
const responders = env('INCIDENT_RESPONDERS', '')
  .split(',')
  .map((id) => id.trim())
  .filter((id) => id !== '');

const app = new App({
  token: env('SLACK_BOT_TOKEN'),
  signingSecret: env('SLACK_SIGNING_SECRET'),
  clientOptions: { slackApiUrl: env('SLACK_API_URL', 'https://slack.com/api/') },
  logLevel: LogLevel.WARN,
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('ok');
      },
    },
  ],
});

const incidents = [];
const SEVERITIES = ['sev0', 'sev1', 'sev2', 'sev3'];

const headline = (incident) =>
  `INC-${incident.number} (${incident.severity.toUpperCase()}) ${incident.title}`;

const channelName = (incident) =>
  `inc-${incident.number}-${incident.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
    .replace(/-+$/, '')
    .slice(0, 80);

const headerBlocks = (incident) => [
  { type: 'header', text: { type: 'plain_text', text: `🚨 ${headline(incident)}` } },
  {
    type: 'section',
    fields: [
      { type: 'mrkdwn', text: '*Status:* Open' },
      { type: 'mrkdwn', text: `*Severity:* ${incident.severity.toUpperCase()}` },
      { type: 'mrkdwn', text: `*Declared:* by <@${incident.declarer}>` },
      { type: 'mrkdwn', text: '*Incident Commander:* _unassigned_' },
    ],
  },
  {
    type: 'actions',
    elements: [
      { type: 'button', action_id: 'ack', text: { type: 'plain_text', text: 'Acknowledge' } },
      { type: 'button', action_id: 'commander', text: { type: 'plain_text', text: "I'm IC" } },
      { type: 'button', action_id: 'resolve', text: { type: 'plain_text', text: 'Resolve' } },
    ],
  },
];

const listBlocks = () => {
  const open = incidents.filter((incident) => incident.open);
  if (open.length === 0) {
    return [{ type: 'section', text: { type: 'mrkdwn', text: 'No open incidents. 🎉' } }];
  }
  return [
    { type: 'header', text: { type: 'plain_text', text: `Open incidents (${open.length})` } },
    ...open.map((incident) => ({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          `*${headline(incident)}* · ` +
          (incident.channel ? `<#${incident.channel}>` : '_channel pending_') +
          ' · IC _unassigned_ · ⚠️ not acknowledged',
      },
    })),
  ];
};

// After the ack, as Sevzero does: create → header → pin on the chain, then invites and the
// announcement.
const setUp = async (client, incident) => {
  const created = await client.conversations.create({ name: channelName(incident) });
  incident.channel = created.channel.id;
  const header = await client.chat.postMessage({
    channel: incident.channel,
    text: headline(incident),
    blocks: headerBlocks(incident),
  });
  await client.pins.add({ channel: incident.channel, timestamp: header.ts });
  await Promise.all([
    client.conversations.invite({
      channel: incident.channel,
      users: [incident.declarer, ...responders].join(','),
    }),
    incidentsChannel === ''
      ? Promise.resolve()
      : client.chat.postMessage({
          channel: incidentsChannel,
          text: `🚨 Incident *${headline(incident)}* declared by <@${incident.declarer}>. Join <#${incident.channel}>.`,
        }),
  ]);
};

app.command('/incident', async ({ command, ack, client, logger }) => {
  const words = command.text.trim().split(/\s+/).filter((word) => word !== '');
  const sub = (words.shift() || '').toLowerCase();
  if (sub === 'list') {
    const open = incidents.filter((incident) => incident.open).length;
    await ack({ response_type: 'ephemeral', text: `${open} open incidents`, blocks: listBlocks() });
    return;
  }
  if (sub !== 'declare' || words.length === 0) {
    await ack({
      response_type: 'ephemeral',
      text: 'Usage: `/incident declare [sev0|sev1|sev2|sev3] <title>` · `/incident list`',
    });
    return;
  }
  const severity = SEVERITIES.includes(words[0].toLowerCase()) ? words.shift().toLowerCase() : 'sev0';
  const incident = {
    number: incidents.length + 1,
    severity,
    title: words.join(' '),
    declarer: command.user_id,
    channel: null,
    open: true,
  };
  incidents.push(incident);
  await ack({
    response_type: 'ephemeral',
    text:
      `🚨 *${headline(incident)}* declared. ` +
      "I'm creating its channel and inviting you and the on-call now.",
  });
  try {
    await setUp(client, incident);
  } catch (error) {
    logger.error(`setting up ${headline(incident)} failed: ${error.message}`);
  }
});

(async () => {
  const port = Number(env('PORT', '3000'));
  await app.start(port);
  console.log(`peer listening on port ${port}`);
})();
