// Reports: the quarterly commune report and the monthly striker allowances, on screen, as CSV, and printable.
import { call } from './api.js';
import { download } from './csv.js';
import { h, show } from './dom.js';
import { districtToday, number, percent, t } from './i18n.js';
import { count, kinds } from './outcomes.js';

export function renderReports(root, app) {
  const today = districtToday();
  const quarterly = h('section', { id: 'quarterly', class: 'report' });
  const allowances = h('section', { id: 'allowances', class: 'report' });
  show(root, quarterlyForm(app, today, quarterly), quarterly, allowancesForm(app, today, allowances), allowances);
  return () => {};
}

const numberInput = (name, value, min, max) => h('input', { name, type: 'number', value, min, max, class: 'short' });

function quarterlyForm(app, today, output) {
  const communes = app.commune ? app.places.communes.filter(commune => commune.key === app.commune) : app.places.communes;
  return h('form', { class: 'card no-print', id: 'quarterly-form', onsubmit: async event => {
    event.preventDefault();
    const form = new FormData(event.target);
    const request = { communeKey: form.get('commune'), year: Number(form.get('year')), quarter: Number(form.get('quarter')) };
    await report(output, () => call('DistrictService', 'GetQuarterlyReport', request), quarterlyTable);
  } },
  h('h2', {}, t('quarterly')),
  h('label', {}, `${t('commune')} `, h('select', { name: 'commune' }, communes.map(commune => h('option', { value: commune.key }, commune.name)))),
  h('label', {}, ` ${t('year')} `, numberInput('year', today.year, 2000, 2100)),
  h('label', {}, ` ${t('quarter')} `, numberInput('quarter', Math.ceil(today.month / 3), 1, 4)),
  h('button', { type: 'submit' }, t('show')));
}

function allowancesForm(app, today, output) {
  return h('form', { class: 'card no-print', id: 'allowances-form', onsubmit: async event => {
    event.preventDefault();
    const form = new FormData(event.target);
    const request = { districtKey: app.district, communeKey: app.commune, year: Number(form.get('year')), month: Number(form.get('month')) };
    await report(output, () => call('DistrictService', 'GetStrikerAllowances', request), allowanceTable);
  } },
  h('h2', {}, t('allowances')),
  h('label', {}, `${t('year')} `, numberInput('year', today.year, 2000, 2100)),
  h('label', {}, ` ${t('month')} `, numberInput('month', today.month, 1, 12)),
  h('button', { type: 'submit' }, t('show')));
}

async function report(output, ask, table) {
  try {
    const { title, fileName, rows } = table(await ask());
    const [head, ...body] = rows;
    show(output,
      h('h3', {}, title),
      h('p', { class: 'no-print' },
        h('button', { type: 'button', class: 'csv', onclick: () => download(fileName, rows) }, t('downloadCsv')), ' ',
        h('button', { type: 'button', onclick: () => window.print() }, t('print'))),
      h('table', {}, h('thead', {}, h('tr', {}, head.map(label => h('th', {}, label)))),
        h('tbody', {}, body.map(row => h('tr', {}, row.map(cell => h('td', { class: typeof cell === 'number' ? 'n' : '' }, typeof cell === 'number' ? number(cell) : cell)))))));
  } catch (error) {
    show(output, h('p', { class: 'error', role: 'alert' }, `${t('refused')}: ${error.message}`));
  }
}

function quarterlyTable(quarter) {
  const rows = quarter.villages.map(village => [
    village.name, village.onTimeNights, village.finalNights, percent(village.onTimeNights, village.finalNights),
    ...kinds.filter(kind => kind !== 'PENDING').map(kind => count(village.nights, kind)),
    village.alarms.reduce((sum, alarm) => sum + alarm.count, 0), village.devices.length]);
  return {
    title: `${t('quarterly')}: ${quarter.name} — ${t('quarter')} ${quarter.quarter}/${quarter.year} · ${percent(quarter.onTimeNights, quarter.finalNights)}`,
    fileName: `bao-cao-quy-${quarter.communeKey.split('/')[1]}-${quarter.year}-q${quarter.quarter}.csv`,
    rows: [[t('village'), t('onTimeNightsColumn'), t('finalNights'), t('onTimeRate'), ...kinds.filter(kind => kind !== 'PENDING').map(t), t('alarmsCount'), t('devices')],
      ...rows, [t('total'), quarter.onTimeNights, quarter.finalNights, percent(quarter.onTimeNights, quarter.finalNights)]],
  };
}

function allowanceTable(report) {
  const rows = report.villages.flatMap(village => village.strikers.map(striker => [
    village.name, striker.strikerId, striker.name, striker.nightsStruck, Number(striker.nightlyRateVnd), Number(striker.amountVnd)]));
  return {
    title: `${t('allowances')}: ${t('month')} ${report.month}/${report.year} · ${t('total')} ${number(report.totalVnd)} đ`,
    fileName: `phu-cap-danh-keng-${report.year}-${String(report.month).padStart(2, '0')}.csv`,
    rows: [[t('village'), 'ID', t('striker'), t('nightsStruck'), t('rate'), t('amount')], ...rows, [t('total'), '', '', '', '', Number(report.totalVnd)]],
  };
}
