// The alarm bar (báo động) at the top of every view: pushed live from the silo's alarm watch, flashing (and, when
// the officer turned sound on, beeping) when a new alarm is raised; acknowledge and resolve with a note, recorded
// by the silo under the signed-in officer's name.
import { call, follow } from './api.js';
import { h, show } from './dom.js';
import { dateTime, t, term } from './i18n.js';

export function startAlarms(root, app) {
  const alarms = new Map();
  // Notes being typed, by alarm id: the bar is redrawn whenever any alarm changes, and a redraw must not wipe them.
  const notes = new Map();
  const draw = () => show(root, alarms.size === 0
    ? h('p', { class: 'quiet' }, `${t('alarms')}: ${t('noAlarms')}`)
    : h('ul', {}, [...alarms.values()].sort((a, b) => String(b.raisedAt).localeCompare(String(a.raisedAt))).map(alarm => row(alarm, app, draw, notes))));
  draw();
  return follow('live/alarms', { district: app.district, commune: app.commune }, {
    onEvent: ({ alarm, snapshot }, type) => {
      if (type !== 'alarm') return;
      const isNew = !alarms.has(alarm.alarmId) && alarm.status === 'ALARM_STATUS_RAISED';
      alarms.set(alarm.alarmId, alarm);
      draw();
      if (isNew && !snapshot) raised(root);
    },
  });
}

function row(alarm, app, draw, notes) {
  const status = term(alarm.status, 'ALARM_STATUS_');
  const note = h('input', {
    class: 'note', placeholder: t('notePlaceholder'), 'aria-label': t('notePlaceholder'),
    value: notes.get(alarm.alarmId) ?? '', oninput: () => notes.set(alarm.alarmId, note.value),
  });
  const problem = h('span', { class: 'error' });
  const act = async (method, request) => {
    try {
      Object.assign(alarm, await call('AlarmService', method, { villageKey: alarm.villageKey, alarmId: alarm.alarmId, ...request }));
      draw();
    } catch (error) {
      problem.textContent = error.message;
    }
  };
  const place = [app.names.get(alarm.villageKey.split('/').slice(0, 2).join('/')), app.names.get(alarm.villageKey)].filter(Boolean).join(' › ');
  return h('li', { class: `alarm a-${alarm.status.replace('ALARM_STATUS_', '')}`, 'data-id': alarm.alarmId, 'data-village': alarm.villageKey },
    h('strong', { class: 'kind' }, `${t('alarms')}: ${term(alarm.kind, 'ALARM_KIND_')}`),
    h('span', { class: 'place' }, place || alarm.villageKey),
    h('span', {}, dateTime(alarm.raisedAt)),
    h('span', {}, term(alarm.source, 'ALARM_SOURCE_')),
    h('span', { class: 'status' }, alarm.acknowledgedBy ? `${status} ${t('by')} ${alarm.acknowledgedBy}` : status),
    alarm.status === 'ALARM_STATUS_RESOLVED' ? h('span', { class: 'resolution' }, `${alarm.resolutionNote} (${dateTime(alarm.resolvedAt)})`) : null,
    alarm.status === 'ALARM_STATUS_RAISED' ? h('button', { type: 'button', class: 'acknowledge', onclick: () => act('AcknowledgeAlarm', {}) }, t('acknowledge')) : null,
    alarm.status !== 'ALARM_STATUS_RESOLVED'
      ? h('span', { class: 'resolve-form' }, note, h('button', { type: 'button', class: 'resolve', onclick: () => act('ResolveAlarm', { note: note.value }) }, t('resolve')))
      : null,
    problem);
}

function raised(root) {
  root.classList.remove('flash');
  void root.offsetWidth; // restart the animation when a second alarm comes during the first one's flash
  root.classList.add('flash');
  root.addEventListener('animationend', () => root.classList.remove('flash'), { once: true });
  if (document.getElementById('sound').checked) beep();
}

/** Three short tones, like the gong's three rapid blows, made in the page (no sound file to ship). */
function beep() {
  const audio = new AudioContext();
  [0, 0.35, 0.7].forEach(start => {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.3, audio.currentTime + start);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + start + 0.3);
    tone.connect(gain).connect(audio.destination);
    tone.start(audio.currentTime + start);
    tone.stop(audio.currentTime + start + 0.3);
  });
}
