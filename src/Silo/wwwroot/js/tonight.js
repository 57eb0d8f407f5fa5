// Tonight: the district's counts by outcome and its communes coloured by state, pushed live; a commune's villages;
// a village's recent nights.
import { call, follow } from './api.js';
import { h, show } from './dom.js';
import { number, night, percent, t, time } from './i18n.js';
import { communeState, count, kindOf, kinds, onTime } from './outcomes.js';

function countsBar(counts) {
  return h('div', { class: 'counts' },
    h('div', { class: 'count rate' }, h('span', { class: 'label' }, t('onTimeRate')),
      h('span', { class: 'value', id: 'on-time-rate' }, percent(onTime(counts), Number(counts.villages)))),
    kinds.map(kind => h('div', { class: `count k-${kind}`, 'data-kind': kind },
      h('span', { class: 'label' }, t(kind)), h('span', { class: 'value' }, number(count(counts, kind))))),
    h('div', { class: 'count' }, h('span', { class: 'label' }, t('villages')), h('span', { class: 'value' }, number(counts.villages))));
}

const liveBadge = () => h('span', { class: 'live', id: 'live' }, t('live'));

function followTonight(root, params, draw) {
  return follow('live/tonight', params, {
    onEvent: draw,
    onState: state => { const badge = root.querySelector('#live'); if (badge) badge.textContent = t(state); },
    onError: error => show(root, h('p', { class: 'error', role: 'alert' }, `${t('refused')}: ${error.message}`)),
  });
}

export function renderTonight(root, app) {
  return followTonight(root, { district: app.district }, summary => show(root,
    h('h2', {}, `${summary.name} — ${t('night')} ${night(summary.night)} `, h('small', {}, summary.isFinal ? t('final') : t('open')), ' ', liveBadge()),
    countsBar(summary.totals),
    h('div', { class: 'tiles' }, summary.communes.map(commune =>
      h('a', { class: `tile s-${communeState(commune.counts)}`, href: `#/commune/${commune.communeKey}`, 'data-key': commune.communeKey },
        h('strong', {}, commune.name),
        h('span', { class: 'tile-rate' }, `${number(onTime(commune.counts))}/${number(commune.counts.villages)} ${t('ON_TIME')}`),
        h('span', { class: 'bar' }, kinds.map(kind => h('i', { class: `k-${kind}`, style: `flex:${count(commune.counts, kind)}` }))),
        h('small', {}, kinds.filter(kind => kind !== 'ON_TIME' && count(commune.counts, kind) > 0)
          .map(kind => `${t(kind)} ${number(count(commune.counts, kind))}`).join(' · ')))))));
}

export function renderCommune(root, app, communeKey) {
  return followTonight(root, { district: app.district, commune: communeKey }, detail => show(root,
    app.commune ? null : h('a', { href: '#/tonight', class: 'back' }, `← ${t('back')}`),
    h('h2', { id: 'commune-name' }, `${t('commune')} ${detail.name} — ${t('night')} ${night(detail.night)} `, liveBadge()),
    h('p', {}, `${t('officer')}: ${detail.officer?.name ?? ''} ${detail.officer?.phone ?? ''}`),
    countsBar(detail.counts),
    h('table', { class: 'villages' },
      h('thead', {}, h('tr', {}, [t('village'), t('outcome'), t('struckAt'), t('strikes'), t('striker')].map(label => h('th', {}, label)))),
      h('tbody', {}, detail.villages.map(village => h('tr', { class: `k-${kindOf(village.outcome)}`, 'data-key': village.villageKey },
        h('td', {}, h('a', { href: `#/village/${village.villageKey}` }, village.name)),
        h('td', { class: 'outcome' }, t(kindOf(village.outcome))),
        h('td', {}, time(village.outcome?.roundStartedAt)),
        h('td', { class: 'n' }, number(village.outcome?.strikeCount)),
        h('td', {}, village.strikerId || '—'))))),
    h('div', { class: 'columns' },
      h('section', {}, h('h3', {}, t('devicesNeedingVisit')), h('ul', {}, detail.devicesNeedingAttention.map(device =>
        h('li', {}, `${device.place || device.deviceKey}: ${deviceProblems(device).join(', ')}`)))),
      h('section', {}, h('h3', {}, t('coverageGaps')), h('ul', {}, detail.coverageGaps.flatMap(village => village.gaps.map(gap =>
        h('li', {}, `${village.villageName} — ${gap.clusterName}: ${number(gap.households)} ${t('households')}`))))))));
}

export function deviceProblems(device) {
  const problems = [];
  if (!device.online) problems.push(t('offline'));
  if (device.condition === 'DEVICE_CONDITION_DAMAGED') problems.push(t('damaged'));
  if (device.condition === 'DEVICE_CONDITION_LOST') problems.push(t('lost'));
  if (device.batteryPercent !== undefined && device.batteryPercent <= 20) problems.push(`${t('lowBattery')} ${device.batteryPercent}%`);
  return problems;
}

export function renderVillage(root, app, villageKey) {
  let stopped = false;
  const communeKey = villageKey.split('/').slice(0, 2).join('/');
  // The history lists final nights, newest first; tonight, still open, comes from the commune's live detail.
  Promise.all([
    call('DistrictService', 'GetVillageHistory', { villageKey, nights: 30 }),
    call('DistrictService', 'GetCommuneDetail', { communeKey }),
  ]).then(([history, detail]) => {
    if (stopped) return;
    const tonight = detail.villages.find(village => village.villageKey === villageKey);
    const nights = tonight && !history.nights.some(entry => entry.outcome.night === tonight.outcome.night) ? [tonight, ...history.nights] : history.nights;
    show(root,
      h('a', { href: `#/commune/${communeKey}`, class: 'back' }, `← ${t('back')}`),
      h('h2', {}, `${t('village')} ${app.names.get(villageKey) ?? villageKey} — ${t('history')}`),
      h('p', {}, `${number(history.onTimeNights)}/${number(history.finalNights)} ${t('onTimeNights')} (${percent(history.onTimeNights, history.finalNights)})`),
      h('table', { class: 'nights' },
        h('thead', {}, h('tr', {}, [t('night'), t('outcome'), t('struckAt'), t('strikes'), t('striker')].map(label => h('th', {}, label)))),
        h('tbody', {}, nights.map(entry => h('tr', { class: `k-${kindOf(entry.outcome)}` },
          h('td', {}, night(entry.outcome.night), entry.outcome.isFinal ? '' : ` (${t('open')})`),
          h('td', { class: 'outcome' }, t(kindOf(entry.outcome))),
          h('td', {}, time(entry.outcome.roundStartedAt)),
          h('td', { class: 'n' }, number(entry.outcome.strikeCount)),
          h('td', {}, entry.strikerId || '—'))))));
  }, error => show(root, h('p', { class: 'error', role: 'alert' }, `${t('refused')}: ${error.message}`)));
  return () => { stopped = true; };
}
