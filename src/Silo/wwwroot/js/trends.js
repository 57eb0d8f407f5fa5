// Trends: the on-time rate of each of the last 30 final nights, for the district and each commune, as a chart.
import { get } from './api.js';
import { h, s, show } from './dom.js';
import { night, percent, t } from './i18n.js';

const width = 900, height = 300, left = 50, bottom = 30;

export function renderTrends(root, app) {
  let stopped = false;
  get('trend', { district: app.district, commune: app.commune, nights: 30 }).then(lines => stopped || draw(root, lines),
    error => show(root, h('p', { class: 'error', role: 'alert' }, `${t('refused')}: ${error.message}`)));
  return () => { stopped = true; };
}

function draw(root, lines) {
  const nights = [...new Set(lines.flatMap(line => line.nights.filter(entry => entry.final > 0).map(entry => entry.night)))].sort();
  if (nights.length === 0) return show(root, h('h2', {}, t('trendTitle')), h('p', { class: 'quiet', id: 'no-trend' }, t('noFinalNights')));
  const x = index => left + (nights.length === 1 ? (width - left) / 2 : (index * (width - left - 10)) / (nights.length - 1));
  const y = rate => (height - bottom) * (1 - rate) + 5;
  const path = line => line.nights.filter(entry => entry.final > 0)
    .map((entry, index) => `${index === 0 ? 'M' : 'L'}${x(nights.indexOf(entry.night)).toFixed(1)} ${y(entry.onTime / entry.final).toFixed(1)}`).join('');
  const chart = s('svg', { viewBox: `0 0 ${width} ${height + 10}`, class: 'trend' },
    [0, 0.25, 0.5, 0.75, 1].map(rate => s('g', { class: 'grid' },
      s('line', { x1: left, x2: width, y1: y(rate), y2: y(rate) }),
      s('text', { x: left - 6, y: y(rate) + 4, 'text-anchor': 'end' }, percent(rate, 1)))),
    nights.map((entry, index) => index % Math.ceil(nights.length / 8) === 0
      ? s('text', { x: x(index), y: height, 'text-anchor': 'middle', class: 'axis' }, night(entry)) : null),
    lines.map((line, index) => s('path', { d: path(line), class: index === 0 && lines.length > 1 ? 'total' : 'commune', 'data-key': line.key },
      s('title', {}, line.name))));
  const pick = h('select', { id: 'trend-commune', onchange: event => chart.querySelectorAll('path').forEach(p => p.classList.toggle('picked', p.dataset.key === event.target.value)) },
    lines.map(line => h('option', { value: line.key }, line.name)));
  show(root, h('h2', {}, t('trendTitle')), h('p', {}, pick), chart,
    h('table', {}, h('tbody', {}, lines.map(line => {
      const onTime = line.nights.reduce((sum, entry) => sum + entry.onTime, 0), final = line.nights.reduce((sum, entry) => sum + entry.final, 0);
      return h('tr', {}, h('td', {}, line.name), h('td', { class: 'n' }, percent(onTime, final)));
    }))));
}
