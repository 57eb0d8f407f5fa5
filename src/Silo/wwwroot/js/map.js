// The map, drawn here as SVG from the roster's coordinates (no map tiles: the station may have no internet):
// villages coloured by tonight's outcome, gongs by condition with their earshot, clusters out of earshot of every
// working gong, and a proposed new gong at each.
import { call } from './api.js';
import { h, s, show } from './dom.js';
import { number, t } from './i18n.js';
import { kindOf, kinds } from './outcomes.js';
import { deviceProblems } from './tonight.js';

const metersPerDegree = 111320;
const width = 1000;

export function renderMap(root, app) {
  let stopped = false;
  const scope = { districtKey: app.district, communeKey: app.commune };
  Promise.all([
    outcomes(app),
    call('DistrictService', 'ListDevicesNeedingAttention', scope),
    call('DistrictService', 'ListCoverageGaps', scope),
  ]).then(([outcomeOf, attention, coverage]) => stopped || draw(root, app, outcomeOf, attention.devices, coverage),
    error => show(root, h('p', { class: 'error', role: 'alert' }, `${t('refused')}: ${error.message}`)));
  return () => { stopped = true; };
}

/** Tonight's outcome per village key; a village a district summary does not list as late or worse is on time. */
async function outcomes(app) {
  if (app.commune) {
    const detail = await call('DistrictService', 'GetCommuneDetail', { communeKey: app.commune });
    return key => kindOf(detail.villages.find(village => village.villageKey === key)?.outcome);
  }
  const summary = await call('DistrictService', 'GetNightSummary', { districtKey: app.district });
  const notOnTime = new Map(summary.communes.flatMap(commune => commune.notOnTime.map(village => [village.villageKey, kindOf(village.outcome)])));
  return key => notOnTime.get(key) ?? 'ON_TIME';
}

const mean = values => values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);

function draw(root, app, outcomeOf, devicesNeedingVisit, coverage) {
  const villages = app.places.villages;
  const points = villages.flatMap(village => [village, ...village.devices, ...village.clusters]);
  const north = Math.max(...points.map(p => p.latitude)), south = Math.min(...points.map(p => p.latitude));
  const west = Math.min(...points.map(p => p.longitude)), east = Math.max(...points.map(p => p.longitude));
  const squeeze = Math.cos(((north + south) / 2) * Math.PI / 180);
  const scale = width / Math.max((east - west) * squeeze, 1e-6);
  const height = Math.max((north - south) * scale, 200);
  const x = p => ((p.longitude - west) * squeeze * scale + 20).toFixed(1);
  const y = p => ((north - p.latitude) * scale + 20).toFixed(1);
  const meters = m => (m / metersPerDegree) * scale;
  const visit = new Map(devicesNeedingVisit.map(device => [device.deviceKey, device]));
  const gaps = new Map(coverage.villages.map(village => [village.villageKey, new Set(village.gaps.map(gap => gap.clusterSlug))]));
  const gongs = villages.flatMap(village => village.devices.filter(device => device.kind === 'Gong'));
  const condition = gong => {
    const status = visit.get(gong.key);
    if (!status) return 'ok';
    if (status.condition === 'DEVICE_CONDITION_LOST') return 'lost';
    if (status.condition === 'DEVICE_CONDITION_DAMAGED') return 'damaged';
    return status.online ? 'lowBattery' : 'offline';
  };
  const proposals = villages.flatMap(village => village.clusters.filter(cluster => gaps.get(village.key)?.has(cluster.slug)).map(cluster => ({ village, cluster })));

  const svg = s('svg', { viewBox: `0 0 ${width + 40} ${(height + 40).toFixed(0)}`, class: 'map', role: 'img', 'aria-label': t('map') },
    s('g', { class: 'earshot' }, gongs.filter(gong => condition(gong) === 'ok')
      .map(gong => s('circle', { cx: x(gong), cy: y(gong), r: meters(app.places.audibleRadiusMeters).toFixed(1) }))),
    s('g', { class: 'gaps' }, proposals.map(({ village, cluster }) => s('g', { class: 'proposal' },
      s('title', {}, `${t('proposedGong')}: ${village.name} — ${cluster.name}, ${number(cluster.households)} ${t('households')}`),
      s('circle', { cx: x(cluster), cy: y(cluster), r: 7 }),
      s('path', { d: `M${x(cluster) - 4} ${y(cluster)}h8M${x(cluster)} ${y(cluster) - 4}v8` })))),
    s('g', { class: 'villages' }, villages.map(village => s('circle', {
      cx: x(village), cy: y(village), r: 6, class: `k-${outcomeOf(village.key)}`, 'data-key': village.key,
    }, s('title', {}, `${village.name}: ${t(outcomeOf(village.key))}`)))),
    s('g', { class: 'gongs' }, gongs.map(gong => s('rect', {
      x: (x(gong) - 2.5).toFixed(1), y: (y(gong) - 2.5).toFixed(1), width: 5, height: 5, class: `c-${condition(gong)}`,
    }, s('title', {}, `${t('gong')} ${gong.place}: ${visit.has(gong.key) ? deviceProblems(visit.get(gong.key)).join(', ') : t('ok')}`)))),
    s('g', { class: 'communes' }, app.places.communes.map(commune => {
      const own = villages.filter(village => village.key.startsWith(`${commune.key}/`));
      const middle = { latitude: mean(own.map(v => v.latitude)), longitude: mean(own.map(v => v.longitude)) };
      return s('text', { x: x(middle), y: y(middle), 'text-anchor': 'middle' }, commune.name);
    })));

  show(root,
    h('h2', {}, `${t('map')} — ${app.places.name}`),
    h('div', { class: 'legend' },
      kinds.map(kind => h('span', {}, h('i', { class: `dot k-${kind}` }), t(kind))),
      ['ok', 'offline', 'damaged', 'lost', 'lowBattery'].map(name => h('span', {}, h('i', { class: `square c-${name}` }), `${t('gong')} ${t(name)}`)),
      h('span', {}, h('i', { class: 'proposal-key' }), `${t('proposedGong')} (${number(proposals.length)})`)),
    h('div', { class: 'map-frame' }, svg));
}
