// The police dashboard in headless Debian Chromium, driven by playwright-core, as officers use it. Run by
// GongGrid.Dashboard.Tests, which starts the silo, plays the night and presses the alarm button when asked
// ("ask: …" on standard output, the answer on standard input). Prints "ok - …" per check, screenshots each screen.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const env = name => process.env[name] ?? fail(`${name} is not set`);
const url = env('DASHBOARD_URL'), screenshots = env('SCREENSHOTS'), downloads = env('DOWNLOADS');
const commune = env('COMMUNE'), otherCommune = env('OTHER_COMMUNE'), officer = env('DISTRICT_OFFICER'), night = env('NIGHT');

/** Ends the checks: the message is printed as "not ok - …" once the browser is closed. */
function fail(message) {
  throw new Error(message);
}

const ok = message => console.log(`ok - ${message}`);
const answers = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

async function ask(question) {
  console.log(`ask: ${question}`);
  const { value, done } = await answers.next();
  if (done) fail(`no answer to "${question}"`);
  return value;
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gonggrid-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
  acceptDownloads: true,
  locale: 'vi-VN',
  timezoneId: 'Asia/Ho_Chi_Minh',
});

async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage });
}

const countOf = async (page, kind) => Number((await page.textContent(`.counts .count[data-kind=${kind}] .value`)).replace(/\D/g, ''));

async function signIn(page, token) {
  await page.goto(url);
  await page.fill('#token', token);
  await page.click('#sign-in button[type=submit]');
  await page.waitForSelector('#who:not(:empty)');
}

async function run() {
  const page = browser.pages()[0] ?? await browser.newPage();
  page.on('pageerror', error => console.error(`page error: ${error.message}`));

  // Sign in: a wrong token is refused on the page, the district officer's is taken.
  await page.goto(url);
  await page.waitForSelector('#sign-in');
  await shot(page, '01-sign-in');
  await page.fill('#token', 'gg_wrong');
  await page.click('#sign-in button[type=submit]');
  await page.waitForSelector('#sign-in .error');
  ok(`a wrong token is refused: "${await page.textContent('#sign-in .error')}"`);
  await signIn(page, env('DISTRICT_TOKEN'));
  const who = await page.textContent('#who');
  if (!who.includes(officer) || !who.includes('Công an huyện')) fail(`signed in as "${who}"`);
  ok(`signed in: ${who}`);

  // Tonight: the counts move while the night plays, without reloading the page.
  await page.waitForSelector('.counts .count[data-kind=ON_TIME]');
  const labels = await page.$$eval('.counts .count .label', elements => elements.map(element => element.textContent));
  for (const word of ['đúng giờ', 'muộn', 'sớm', 'thiếu tiếng', 'không đánh', 'loa phát']) {
    if (!labels.includes(word)) fail(`tonight's counts have no "${word}" (labels: ${labels.join(', ')})`);
  }
  const pendingBefore = await countOf(page, 'PENDING');
  await page.waitForFunction(before => {
    const pending = Number(document.querySelector('.count[data-kind=PENDING] .value').textContent.replace(/\D/g, ''));
    const onTime = Number(document.querySelector('.count[data-kind=ON_TIME] .value').textContent.replace(/\D/g, ''));
    return pending < before && onTime >= 30;
  }, pendingBefore, { timeout: 120000 });
  ok(`tonight's counts changed live: pending ${pendingBefore} → ${await countOf(page, 'PENDING')}, on time ${await countOf(page, 'ON_TIME')}`);
  const tiles = await page.$$eval('.tile', elements => elements.map(element => element.className));
  if (tiles.length !== 20 || !tiles.some(name => /s-(good|warn|missed)/.test(name))) fail(`commune tiles: ${tiles.join(' ')}`);
  ok(`${tiles.length} commune tiles coloured by state`);
  await shot(page, '02-tonight');

  // An alarm raised through the ingest path shows at the top, flashing.
  const village = (await ask('press the alarm button')).replace(/^pressed /, '').split('/').slice(0, 3).join('/');
  const pressed = Date.now();
  const alarm = `#alarms .alarm[data-village="${village}"]`;
  await page.waitForSelector(`${alarm}.a-RAISED`, { timeout: 5000 });
  const seenAfter = Date.now() - pressed;
  await page.waitForSelector('#alarms.flash', { timeout: 1000 });
  ok(`the alarm showed ${seenAfter} ms after the silo acknowledged the button press, flashing: "${(await page.textContent(alarm)).slice(0, 80)}"`);
  await shot(page, '03-alarm');

  // Acknowledge, then resolve with a note: both recorded under the officer's name.
  await page.click(`${alarm} button.acknowledge`);
  await page.waitForSelector(`${alarm}.a-ACKNOWLEDGED`);
  const acknowledged = await page.textContent(`${alarm} .status`);
  if (!acknowledged.includes(officer)) fail(`acknowledged shows "${acknowledged}"`);
  ok(`acknowledged: "${acknowledged}"`);
  await page.fill(`${alarm} input.note`, 'Cháy rơm sau nhà văn hóa, đã dập tắt');
  await page.click(`${alarm} button.resolve`);
  await page.waitForSelector(`${alarm}.a-RESOLVED`);
  const resolution = await page.textContent(`${alarm} .resolution`);
  if (!resolution.includes('đã dập tắt')) fail(`resolved shows "${resolution}"`);
  ok(`resolved with the note: "${resolution}"`);

  // Drill down: the commune and its villages, then a village's nights.
  await page.click(`.tile[data-key="${commune}"]`);
  await page.waitForSelector('#commune-name');
  const rows = await page.$$eval('table.villages tbody tr', elements => elements.length);
  if (!(await page.textContent('#commune-name')).includes('Ngọc Liên') || rows !== 14) fail(`commune view: ${await page.textContent('#commune-name')}, ${rows} villages`);
  ok(`drilled into Ngọc Liên: ${rows} villages with outcome, start, strikes and striker`);
  await shot(page, '04-commune');
  const heard = await page.textContent('table.villages tbody tr:not(.k-PENDING) a');
  await page.click('table.villages tbody tr:not(.k-PENDING) a');
  await page.waitForSelector('table.nights tbody tr');
  const tonightRow = await page.textContent('table.nights tbody tr:first-child');
  if (!tonightRow.includes('đang diễn ra')) fail(`${heard}'s first night reads "${tonightRow}", not tonight in progress`);
  ok(`${heard}'s nights, tonight first: "${tonightRow}"`);
  await shot(page, '05-village');

  // The map: every village and gong drawn from the roster's coordinates, with proposed gongs.
  await page.click('#nav a[data-view=map]');
  await page.waitForSelector('svg.map .villages circle');
  const drawn = await page.$$eval('svg.map .villages circle', elements => elements.length);
  const gongs = await page.$$eval('svg.map .gongs rect', elements => elements.length);
  const proposals = await page.$$eval('svg.map .proposal', elements => elements.length);
  if (drawn !== 250 || gongs === 0 || proposals === 0) fail(`map: ${drawn} villages, ${gongs} gongs, ${proposals} proposals`);
  ok(`map: ${drawn} villages, ${gongs} gongs, ${proposals} proposed gongs`);
  await shot(page, '06-map');

  await page.click('#nav a[data-view=trends]');
  await page.waitForSelector('svg.trend, #no-trend');
  await shot(page, '07-trends');
  ok('trends view shown');

  // Reports: allowances on screen and as a CSV for Excel (UTF-8 with BOM), the quarterly report of a commune.
  await page.click('#nav a[data-view=reports]');
  const [year, month] = night.split('-').map(Number);
  await page.fill('#allowances-form input[name=year]', String(year));
  await page.fill('#allowances-form input[name=month]', String(month));
  await page.click('#allowances-form button[type=submit]');
  await page.waitForSelector('#allowances table tbody tr');
  const shown = await page.$$eval('#allowances table tbody tr', elements => elements.map(row => [...row.cells].map(cell => cell.textContent)));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#allowances button.csv')]);
  const file = path.join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) fail(`${file} does not start with a UTF-8 byte order mark`);
  const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  if (lines[0] !== 'Thôn,ID,Người đánh,Số đêm đánh,Mức/đêm (đ),Thành tiền (đ)') fail(`CSV header: ${lines[0]}`);
  if (lines.length !== shown.length + 1) fail(`CSV has ${lines.length - 1} rows, the page ${shown.length}`);
  if (!lines.at(-1).startsWith('Tổng cộng,')) fail(`CSV's last row: ${lines.at(-1)}`);
  ok(`allowances CSV ${download.suggestedFilename()}: BOM, ${lines.length - 1} rows as on the page, ending "${lines.at(-1)}"`);
  await page.selectOption('#quarterly-form select[name=commune]', commune);
  await page.fill('#quarterly-form input[name=year]', String(year));
  await page.fill('#quarterly-form input[name=quarter]', String(Math.ceil(month / 3)));
  await page.click('#quarterly-form button[type=submit]');
  await page.waitForSelector('#quarterly table tbody tr');
  const quarterRows = await page.$$eval('#quarterly table tbody tr', elements => elements.length);
  if (quarterRows !== 15) fail(`quarterly report of Ngọc Liên has ${quarterRows} rows, not 14 villages and a total`);
  ok(`quarterly report of Ngọc Liên: ${quarterRows - 1} villages and a total`);
  await shot(page, '08-reports', false); // the allowance table runs to hundreds of rows
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => ['.top', '#alarms', '#allowances-form'].map(selector => getComputedStyle(document.querySelector(selector)).display));
  if (printed.some(display => display !== 'none')) fail(`printing still shows the header, alarms or forms: ${printed.join(', ')}`);
  ok('printing leaves out the header, the alarms and the forms');
  await shot(page, '08-reports-printed', false);
  await page.emulateMedia({ media: 'screen' });

  // Language: English on request, and back.
  await page.click('#language');
  await page.click('#nav a[data-view=tonight]');
  await page.waitForSelector('.counts .count[data-kind=ON_TIME]');
  const english = await page.textContent('.counts .count[data-kind=ON_TIME] .label');
  if (english !== 'on time' || (await page.textContent('#nav a[data-view=tonight]')) !== 'Tonight') fail(`in English the label reads "${english}"`);
  ok('switched to English: "Tonight", "on time"');
  await shot(page, '09-english');
  await page.click('#language');
  await page.waitForSelector('#nav a[data-view=tonight]:text("Tối nay")');
  ok('switched back to Vietnamese');

  // A commune officer sees their commune, and nothing of another, on the page or past it.
  const officerPage = await browser.newPage();
  await signIn(officerPage, env('COMMUNE_TOKEN'));
  await officerPage.waitForSelector('#commune-name');
  if (!(await officerPage.textContent('#commune-name')).includes('Ngọc Liên')) fail('the commune officer does not land on Ngọc Liên');
  ok(`the commune officer lands on Ngọc Liên: "${await officerPage.textContent('#who')}"`);
  await officerPage.goto(`${url}#/commune/${otherCommune}`);
  await officerPage.waitForSelector('#view .error');
  const refusal = await officerPage.textContent('#view .error');
  if (!refusal.includes('outside')) fail(`another commune shows "${refusal}"`);
  ok(`another commune is refused on the page: "${refusal}"`);
  const bypass = await officerPage.evaluate(async ([other]) => {
    const response = await fetch('/dashboard/api/DistrictService/GetCommuneDetail', {
      method: 'POST',
      headers: { authorization: `Bearer ${sessionStorage.getItem('gonggrid.token')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ communeKey: other }),
    });
    return `${response.status} ${(await response.json()).code}`;
  }, [otherCommune]);
  if (bypass !== '403 PERMISSION_DENIED') fail(`bypassing the page: ${bypass}`);
  ok(`bypassing the page, the API refuses too: ${bypass}`);
  await shot(officerPage, '10-commune-officer-refused');
  await officerPage.close();

  // Tonight again, later in the night, on the station's screen and on a phone.
  await page.click('#nav a[data-view=tonight]');
  await page.waitForSelector('.tiles .tile');
  await shot(page, '11-tonight-later');
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) fail(`on a phone the page is ${overflow} px wider than the screen`);
  ok('on a phone-sized screen the page fits its width');
  await shot(page, '12-phone');
}

// The verdict comes last, after the browser and its profile are gone: the test stops this script once it reads it.
let failure = null;
try {
  await run();
} catch (error) {
  failure = error;
} finally {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
if (failure) {
  console.error(failure);
  console.log(`not ok - ${failure.message.split('\n')[0]}`);
  process.exitCode = 1;
} else {
  console.log('dashboard checks passed');
}
