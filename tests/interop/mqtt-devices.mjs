// Plays the devices of one village with mqtt.js, an MQTT client we did not write, against the village broker an
// edge bridge subscribes to (docs/mqtt.md): MQTT 3.1.1, QoS 1, and every publish waits for its PUBACK, which the
// bridge sends only once the event is in its journal (or refused for good). Prints one line per check and exits 1
// if any failed. What the grid made of the events is checked by GongGrid.Interop.Tests through the gRPC API; the
// bridge's refusals through its /metrics. Environment:
//   MQTT_PORT                 the broker's port on 127.0.0.1
//   GONGGRID_VILLAGE          the bridge's village, ngoc-lac/ngoc-lien/phu-thuong
//   GONGGRID_GONG             a gong of that village (gong-1)
//   GONGGRID_ALARM_BUTTON     an alarm button of that village (alarm-button-1)
//   GONGGRID_UNKNOWN_DEVICE   a device slug not in the roster (gong-9)
//   GONGGRID_NIGHT            the local date (+07:00) of the night the gong strikes its peace round at 22:00
//   GONGGRID_BRIDGE_METRICS   the bridge's /metrics URL: the roster checks wait for its uplink to be up
//   GONGGRID_SPEAKER          optional: a speaker's key (ngoc-lac/cao-thinh/ban-rich/speaker-1); it subscribes to its
//                             …/cmd topic before any device publishes
//   GONGGRID_WAIT_FOR_COMMAND "1": after the device checks, print "waiting for a command" and wait (20 s at most)
//                             for one command to the speaker, then print it as "command <topic> qos=<n> <payload>"
import mqtt from 'mqtt';

const env = (name) => process.env[name] ?? fail(`${name} is not set (see the top of mqtt-devices.mjs)`);
const port = Number(env('MQTT_PORT'));
const village = env('GONGGRID_VILLAGE');
const gong = `${village}/${env('GONGGRID_GONG')}`;
const button = `${village}/${env('GONGGRID_ALARM_BUTTON')}`;
const unknown = `${village}/${env('GONGGRID_UNKNOWN_DEVICE')}`;
const night = env('GONGGRID_NIGHT');
const metricsUrl = env('GONGGRID_BRIDGE_METRICS');
const speaker = process.env.GONGGRID_SPEAKER;
const waitForCommand = process.env.GONGGRID_WAIT_FOR_COMMAND === '1';

const PUBACK_TIMEOUT_MS = 5_000;
const LINK_TIMEOUT_MS = 15_000;
const COMMAND_TIMEOUT_MS = 20_000;
const failures = [];

function fail(message) {
  throw new Error(message);
}

/** 22:00 local on the night plus some seconds, as RFC 3339 with the +07:00 offset. */
function peaceTime(seconds) {
  const at = new Date(Date.parse(`${night}T22:00:00+07:00`) + seconds * 1000);
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 19);
  return `${local}+07:00`;
}

const topic = (device, kind) => `gonggrid/v1/${device}/${kind}`;

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

async function check(name, body) {
  const started = Date.now();
  try {
    const detail = await body();
    console.log(`ok    ${name}${detail ? ` (${detail})` : ''} ${Date.now() - started} ms`);
  } catch (error) {
    failures.push(name);
    console.log(`FAIL  ${name}: ${error?.stack ?? error}`);
  }
}

/** One MQTT 3.1.1 session per device, as each device is its own client. */
async function connect(clientId) {
  const client = mqtt.connect({ host: '127.0.0.1', port, protocolVersion: 4, clientId, clean: true, reconnectPeriod: 0, connectTimeout: 5_000 });
  await withTimeout(new Promise((resolve, reject) => {
    client.once('connect', resolve);
    client.once('error', reject);
  }), 6_000, `${clientId} CONNACK`);
  return client;
}

/** QoS 1 publish; resolves on the PUBACK (mqtt.js resolves publishAsync only then for QoS 1). */
async function publish(client, device, kind, payload) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const packet = await withTimeout(client.publishAsync(topic(device, kind), body, { qos: 1 }), PUBACK_TIMEOUT_MS, `PUBACK for ${kind} from ${device}`);
  return `PUBACK ${packet?.messageId ?? '?'}`;
}

async function bridgeLinkUp() {
  const deadline = Date.now() + LINK_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const text = await (await fetch(metricsUrl)).text();
      // gonggrid_bridge_link_up 1, whatever labels the exporter adds (otel_scope_name).
      if (/^gonggrid_bridge_link_up(\{[^}]*\})? 1$/m.test(text)) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  fail(`the bridge's uplink was not up within ${LINK_TIMEOUT_MS} ms (${metricsUrl})`);
}

let speakerClient;
let command;
if (speaker) {
  speakerClient = await connect(`interop-${speaker.split('/').slice(-2).join('-')}`);
  command = new Promise((resolve) => speakerClient.on('message', (received, payload, packet) => resolve({ topic: received, qos: packet.qos, payload: payload.toString('utf8') })));
  await check(`speaker ${speaker} subscribes to its cmd topic with QoS 1`, async () => {
    const granted = await withTimeout(speakerClient.subscribeAsync(`gonggrid/v1/${speaker}/cmd`, { qos: 1 }), PUBACK_TIMEOUT_MS, 'SUBACK');
    if (granted.length !== 1 || granted[0].qos !== 1) fail(`granted ${JSON.stringify(granted)}`);
    return 'SUBACK qos 1';
  });
}

const gongClient = await connect('interop-phu-thuong-gong-1');
const buttonClient = await connect('interop-phu-thuong-alarm-button-1');
const strangerClient = await connect('interop-phu-thuong-gong-9');

await check('the bridge has its roster (uplink up)', bridgeLinkUp);

// The peace round: nine strikes four seconds apart from 22:00:00, the fifth with a Unix-milliseconds time.
const strikes = Array.from({ length: 9 }, (_, index) => ({
  eventId: `interop-g1-${night}-${index + 1}`,
  time: index === 4 ? Date.parse(peaceTime(index * 4)) : peaceTime(index * 4),
  seq: 101 + index,
}));
for (const [index, strike] of strikes.entries()) {
  await check(`strike ${index + 1} of 9 at ${typeof strike.time === 'number' ? `${strike.time} (Unix ms)` : strike.time}`, () => publish(gongClient, gong, 'strike', strike));
}
await check('heartbeat with battery 64 and signal -87', () =>
  publish(gongClient, gong, 'heartbeat', { eventId: `interop-g1-${night}-hb`, time: peaceTime(35), seq: 110, battery: 64, signal: -87 }));
await check('alarm button pressed: fire', () =>
  publish(buttonClient, button, 'alarm', { eventId: `interop-b1-${night}-1`, time: peaceTime(40), seq: 1, alarm: 'fire' }));
await check('strike 3 delivered again with the same eventId (a redelivery)', () => publish(gongClient, gong, 'strike', strikes[2]));

// Refused by the bridge, and still acknowledged so that the broker does not deliver them forever.
await check('invalid JSON is acknowledged (rejected: payload)', () => publish(gongClient, gong, 'strike', '22:00 strike'));
await check('a strike without eventId is acknowledged (rejected: payload)', () =>
  publish(gongClient, gong, 'strike', { time: peaceTime(50), seq: 111 }));
await check('a heartbeat with battery 150 is acknowledged (rejected: payload)', () =>
  publish(gongClient, gong, 'heartbeat', { eventId: `interop-g1-${night}-hb-bad`, time: peaceTime(51), seq: 112, battery: 150 }));
await check(`${unknown} is acknowledged (rejected: unknown-device)`, () =>
  publish(strangerClient, unknown, 'strike', { eventId: `interop-g9-${night}-1`, time: peaceTime(52), seq: 1 }));
await check('a strike from the alarm button is acknowledged (rejected: wrong-kind)', () =>
  publish(buttonClient, button, 'strike', { eventId: `interop-b1-${night}-strike`, time: peaceTime(53), seq: 2 }));

await Promise.all([gongClient, buttonClient, strangerClient].map((client) => client.endAsync()));

if (waitForCommand) {
  if (!speakerClient) fail('GONGGRID_WAIT_FOR_COMMAND needs GONGGRID_SPEAKER');
  console.log(`waiting for a command on gonggrid/v1/${speaker}/cmd`);
  await check('the speaker receives one command', async () => {
    const received = await withTimeout(command, COMMAND_TIMEOUT_MS, 'command');
    console.log(`command ${received.topic} qos=${received.qos} ${received.payload}`);
    return `qos ${received.qos}`;
  });
}
await speakerClient?.endAsync();

console.log(failures.length === 0 ? 'all checks passed' : `${failures.length} check(s) failed: ${failures.join('; ')}`);
process.exit(failures.length === 0 ? 0 : 1);
