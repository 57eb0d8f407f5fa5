// Calls a running GongGrid silo with grpc-js, a gRPC implementation we did not write, and checks that the wire
// protocol, status codes, deadlines and all call shapes interoperate. Prints one line per check and exits 1 if any
// check failed. GongGrid.Interop.Tests starts the silo (memory storage, samples/ngoc-lac.roster.json) and runs this
// with:
//   GONGGRID_ADDRESS          http://127.0.0.1:PORT
//   GONGGRID_CLOCK            the silo's --clock start (it runs at --speed 1), for device times the silo calls "now"
//   GONGGRID_DISTRICT_TOKEN   DistrictPolice, scope ngoc-lac
//   GONGGRID_COMMUNE_TOKEN    CommunePolice, scope ngoc-lac/ngoc-lien
//   GONGGRID_BRIDGE_TOKEN     EdgeBridge, scope ngoc-lac/ngoc-lien/phu-thuong
// Field names are kept as in the .proto files (keepCase), enums are their names, 64-bit integers strings.
import assert from 'node:assert/strict';
import http2 from 'node:http2';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const env = (name) => process.env[name] ?? fail(`${name} is not set (see the top of ${path.basename(fileURLToPath(import.meta.url))})`);
const address = new URL(env('GONGGRID_ADDRESS'));
const clockStart = Date.parse(env('GONGGRID_CLOCK'));
const tokens = { district: env('GONGGRID_DISTRICT_TOKEN'), commune: env('GONGGRID_COMMUNE_TOKEN'), bridge: env('GONGGRID_BRIDGE_TOKEN') };
const startedAt = Date.now();

// Keys in samples/ngoc-lac.roster.json.
const DISTRICT = 'ngoc-lac';
const OTHER_COMMUNE = 'ngoc-lac/cao-thinh';
const BRIDGE_VILLAGE = 'ngoc-lac/ngoc-lien/phu-thuong';
const GONG = `${BRIDGE_VILLAGE}/gong-1`;
const ALARM_BUTTON = `${BRIDGE_VILLAGE}/alarm-button-1`;
const OUT_OF_SCOPE_GONG = `${OTHER_COMMUNE}/ban-rich/gong-1`;

const CHECK_TIMEOUT_MS = 15_000;
const protoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/Api/Protos');
const definition = protoLoader.loadSync(
  ['gonggrid/v1/district.proto', 'gonggrid/v1/alarm.proto', 'gonggrid/v1/ingest.proto', 'grpc/health/v1/health.proto'],
  { includeDirs: [protoRoot], keepCase: true, longs: String, enums: String, defaults: true, oneofs: true },
);
const packages = grpc.loadPackageDefinition(definition);
const v1 = packages.gonggrid.v1;
const insecure = grpc.credentials.createInsecure();
const districtClient = new v1.DistrictService(address.host, insecure);
const alarmClient = new v1.AlarmService(address.host, insecure);
const ingestClient = new v1.IngestService(address.host, insecure);
const healthClient = new packages.grpc.health.v1.Health(address.host, insecure);

function fail(message) {
  throw new Error(message);
}

function bearer(token) {
  const metadata = new grpc.Metadata();
  if (token) metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

/** A unary call as a promise; the error carries grpc-js's status code. */
function unary(client, method, request, { token, timeoutMs = 10_000 } = {}) {
  return new Promise((resolve, reject) =>
    client[method](request, bearer(token), { deadline: Date.now() + timeoutMs }, (error, reply) => (error ? reject(error) : resolve(reply))));
}

async function expectStatus(promise, code) {
  const error = await promise.then(
    (reply) => fail(`expected ${statusName(code)}, the call succeeded: ${JSON.stringify(reply).slice(0, 200)}`),
    (thrown) => thrown,
  );
  assert.equal(error.code, code, `expected ${statusName(code)}, got ${statusName(error.code)}: ${error.details ?? error.message}`);
  return error;
}

function statusName(code) {
  return Object.keys(grpc.status).find((name) => grpc.status[name] === code) ?? String(code);
}

/** The silo's clock now: it started at GONGGRID_CLOCK a little before this script and runs at real speed. */
function siloNow(offsetMs = 0) {
  const millis = clockStart + (Date.now() - startedAt) + offsetMs;
  return { seconds: String(Math.floor(millis / 1000)), nanos: (millis % 1000) * 1_000_000 };
}

/** Reads a stream's next message, failing after a few seconds instead of hanging. */
async function nextMessage(iterator, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no ${what} within 5 s`)), 5_000); });
  try {
    const { value, done } = await Promise.race([iterator.next(), timeout]);
    assert.ok(!done, `the stream ended before ${what}`);
    return value;
  } finally {
    clearTimeout(timer);
  }
}

/** Reads ingest responses until every event id in `eventIds` is acknowledged; returns disposition by event id. */
async function acksFor(iterator, eventIds) {
  const dispositions = new Map();
  while (eventIds.some((id) => !dispositions.has(id))) {
    const response = await nextMessage(iterator, `acks for ${eventIds.filter((id) => !dispositions.has(id)).join(', ')}`);
    assert.equal(response.body, 'acks', `expected acks, got ${response.body}`);
    for (const ack of response.acks.acks) dispositions.set(ack.event_id, ack.disposition);
  }
  return dispositions;
}

function strike(sequence) {
  return { device_key: GONG, event_id: `interop-strike-${sequence}`, device_time: siloNow(4_000 * sequence), sequence: String(sequence), strike: {} };
}

const checks = [
  ['health Check without a token is SERVING', async () => {
    const reply = await unary(healthClient, 'Check', { service: '' });
    assert.equal(reply.status, 'SERVING');
  }],

  ['unary GetNightSummary for the sample district: 250 villages in 20 communes', async () => {
    const summary = await unary(districtClient, 'GetNightSummary', { district_key: DISTRICT }, { token: tokens.district });
    assert.equal(summary.district_key, DISTRICT);
    assert.equal(summary.night, '2026-11-22');
    assert.equal(summary.totals.villages, 250);
    assert.equal(summary.communes.length, 20);
    assert.equal(summary.communes.reduce((sum, commune) => sum + commune.counts.villages, 0), 250);
  }],

  ['GetNightSummary without a token is UNAUTHENTICATED', async () => {
    await expectStatus(unary(districtClient, 'GetNightSummary', { district_key: DISTRICT }), grpc.status.UNAUTHENTICATED);
  }],

  ['commune police asking for another commune get PERMISSION_DENIED', async () => {
    await expectStatus(
      unary(districtClient, 'GetCommuneDetail', { commune_key: OTHER_COMMUNE }, { token: tokens.commune }),
      grpc.status.PERMISSION_DENIED);
  }],

  ['a malformed night is INVALID_ARGUMENT naming the field', async () => {
    const error = await expectStatus(
      unary(districtClient, 'GetNightSummary', { district_key: DISTRICT, night: '22/11/2026' }, { token: tokens.district }),
      grpc.status.INVALID_ARGUMENT);
    assert.match(error.details, /night/);
  }],

  ['a grpc-js deadline of 300 ms on an open alarm stream ends it DEADLINE_EXCEEDED', async () => {
    const call = alarmClient.WatchAlarms({ district_key: DISTRICT }, bearer(tokens.district), { deadline: Date.now() + 300 });
    const started = Date.now();
    const error = await new Promise((resolve) => {
      call.on('data', () => {});
      call.on('error', resolve);
      call.on('end', () => resolve(null));
    });
    assert.ok(error, 'the stream ended without an error');
    assert.equal(error.code, grpc.status.DEADLINE_EXCEEDED, `got ${statusName(error.code)}: ${error.details}`);
    assert.ok(Date.now() - started < 5_000, 'the deadline was not enforced promptly');
  }],

  ['the server itself ends a call at its grpc-timeout (raw HTTP/2, no client timer)', async () => {
    const { status, elapsed } = await rawWatchAlarms('200m');
    assert.equal(status, String(grpc.status.DEADLINE_EXCEEDED), `grpc-status ${status}`);
    assert.ok(elapsed >= 180 && elapsed < 5_000, `ended after ${elapsed} ms`);
  }],

  ['bidi Ingest: batches APPLIED by event id, resent DUPLICATE, out-of-scope device ends the stream PERMISSION_DENIED', async () => {
    const call = ingestClient.Ingest(bearer(tokens.bridge), { deadline: Date.now() + CHECK_TIMEOUT_MS });
    const responses = call[Symbol.asyncIterator]();
    const batches = [[1, 2, 3], [4, 5, 6], [7, 8, 9]].map((sequences) => sequences.map(strike));
    for (const batch of batches) call.write({ events: batch });
    const ids = batches.flat().map((event) => event.event_id);
    const applied = await acksFor(responses, ids);
    for (const id of ids) assert.equal(applied.get(id), 'DISPOSITION_APPLIED', `${id}: ${applied.get(id)}`);

    call.write({ events: batches[0] });
    const resent = await acksFor(responses, batches[0].map((event) => event.event_id));
    for (const [id, disposition] of resent) assert.equal(disposition, 'DISPOSITION_DUPLICATE', `${id}: ${disposition}`);

    call.write({ events: [{ ...strike(10), device_key: OUT_OF_SCOPE_GONG }] });
    const error = await nextMessage(responses, 'the end of the stream').then(
      (response) => fail(`expected the stream to end, got ${JSON.stringify(response)}`),
      (thrown) => thrown);
    assert.equal(error.code, grpc.status.PERMISSION_DENIED, `got ${statusName(error.code)}: ${error.details ?? error.message}`);
  }],

  ['the ingested round shows in GetCommuneDetail: 9 strikes for the village', async () => {
    const detail = await unary(districtClient, 'GetCommuneDetail', { commune_key: 'ngoc-lac/ngoc-lien' }, { token: tokens.commune });
    const village = detail.villages.find((candidate) => candidate.village_key === BRIDGE_VILLAGE);
    assert.ok(village, `${BRIDGE_VILLAGE} is not in the commune detail`);
    assert.equal(village.outcome.strike_count, 9, JSON.stringify(village.outcome));
  }],

  ['server streaming WatchAlarms receives an alarm raised while it is open', async () => {
    const watch = alarmClient.WatchAlarms({ district_key: DISTRICT }, bearer(tokens.district), { deadline: Date.now() + CHECK_TIMEOUT_MS });
    const alarms = watch[Symbol.asyncIterator]();
    await new Promise((resolve, reject) => { watch.once('metadata', resolve); watch.once('error', reject); });
    try {
      const press = { device_key: ALARM_BUTTON, event_id: 'interop-fire-1', device_time: siloNow(), sequence: '1', alarm_button: { kind: 'ALARM_KIND_FIRE' } };
      const ingest = ingestClient.Ingest(bearer(tokens.bridge), { deadline: Date.now() + CHECK_TIMEOUT_MS });
      ingest.write({ events: [press] });
      const acks = await acksFor(ingest[Symbol.asyncIterator](), [press.event_id]);
      assert.equal(acks.get(press.event_id), 'DISPOSITION_APPLIED');
      ingest.end();

      const event = await nextMessage(alarms, 'the raised alarm');
      assert.equal(event.snapshot, false);
      assert.equal(event.alarm.village_key, BRIDGE_VILLAGE);
      assert.equal(event.alarm.kind, 'ALARM_KIND_FIRE');
      assert.equal(event.alarm.status, 'ALARM_STATUS_RAISED');
    } finally {
      watch.cancel();
    }
  }],

  ['a grpc-js client cancels a server stream mid-way (CANCELLED) and the server serves the next calls', async () => {
    for (let round = 0; round < 10; round++) {
      const watch = alarmClient.WatchAlarms({ district_key: DISTRICT }, bearer(tokens.district));
      const ended = new Promise((resolve) => { watch.on('error', resolve); watch.on('end', () => resolve(null)); });
      const first = await nextMessage(watch[Symbol.asyncIterator](), 'the snapshot of live alarms');
      assert.equal(first.snapshot, true);
      watch.cancel();
      const error = await ended;
      assert.equal(error?.code, grpc.status.CANCELLED, `got ${error ? statusName(error.code) : 'a clean end'}`);
    }
    const live = await unary(alarmClient, 'ListLiveAlarms', { district_key: DISTRICT }, { token: tokens.district });
    assert.equal(live.alarms.length, 1);
  }],
];

/** WatchAlarms over node:http2 with only a grpc-timeout header: whatever ends the call, the server did. */
function rawWatchAlarms(timeout) {
  const message = Buffer.concat([Buffer.from([0x0a, DISTRICT.length]), Buffer.from(DISTRICT)]);
  const frame = Buffer.alloc(5 + message.length);
  frame.writeUInt32BE(message.length, 1);
  message.copy(frame, 5);
  return new Promise((resolve, reject) => {
    const session = http2.connect(address.origin);
    session.on('error', reject);
    const started = Date.now();
    const stream = session.request({
      ':method': 'POST',
      ':path': '/gonggrid.v1.AlarmService/WatchAlarms',
      'content-type': 'application/grpc',
      te: 'trailers',
      'grpc-timeout': timeout,
      authorization: `Bearer ${tokens.district}`,
    });
    let status;
    stream.on('response', (headers) => { status ??= headers['grpc-status']; });
    stream.on('trailers', (trailers) => { status = trailers['grpc-status']; });
    stream.on('data', () => {});
    stream.on('error', reject);
    stream.on('close', () => {
      session.close();
      resolve({ status, elapsed: Date.now() - started });
    });
    stream.end(frame);
  });
}

async function withTimeout(run) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`did not finish within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS); });
  try {
    await Promise.race([run(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

let failed = 0;
for (const [name, run] of checks) {
  try {
    await withTimeout(run);
    console.log(`ok    ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL  ${name}\n        ${String(error?.stack ?? error).replaceAll('\n', '\n        ')}`);
  }
}
for (const client of [districtClient, alarmClient, ingestClient, healthClient]) client.close();
console.log(`grpc-interop: ${checks.length - failed} of ${checks.length} checks passed against ${address.origin}`);
process.exit(failed === 0 ? 0 : 1);
