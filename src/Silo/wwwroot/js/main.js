// The dashboard's shell: sign-in with a token, the header (who, language, sound), the alarm bar, and the views
// chosen by the address's #fragment: #/tonight, #/commune/KEY, #/village/KEY, #/map, #/trends, #/reports.
import { ApiError, get, hasToken, setToken } from './api.js';
import { currentLanguage, setLanguage, t } from './i18n.js';
import { h, show } from './dom.js';
import { startAlarms } from './alarms.js';
import { renderTonight, renderCommune, renderVillage } from './tonight.js';
import { renderMap } from './map.js';
import { renderTrends } from './trends.js';
import { renderReports } from './reports.js';

const view = document.getElementById('view');
let app = null;         // { me, district, commune, places }
let stopView = () => {};
let stopAlarms = () => {};

const routes = {
  tonight: () => (app.commune ? renderCommune(view, app, app.commune) : renderTonight(view, app)),
  commune: key => renderCommune(view, app, key),
  village: key => renderVillage(view, app, key),
  map: () => renderMap(view, app),
  trends: () => renderTrends(view, app),
  reports: () => renderReports(view, app),
};

function route() {
  stopView();
  stopView = () => {};
  if (!app) return;
  const [name, ...rest] = location.hash.replace(/^#\//, '').split('/');
  const render = routes[name] ?? routes.tonight;
  document.querySelectorAll('#nav a').forEach(link => link.classList.toggle('current', link.dataset.view === (routes[name] ? name : 'tonight')));
  stopView = render(decodeURIComponent(rest.join('/'))) ?? (() => {});
}

function header() {
  document.title = t('title');
  document.getElementById('title').textContent = t('title');
  document.getElementById('language').textContent = currentLanguage() === 'vi' ? 'English' : 'Tiếng Việt';
  document.getElementById('sign-out').textContent = t('signOut');
  document.getElementById('sound-label').textContent = t('sound');
  document.querySelector('.who').hidden = !app;
  show(document.getElementById('nav'), app ? ['tonight', 'map', 'trends', 'reports'].map(name => h('a', { href: `#/${name}`, 'data-view': name }, t(name))) : []);
  document.getElementById('who').textContent = app ? `${t('signedInAs')} ${app.me.name} · ${t(app.me.role)} · ${app.me.scopes.join(', ')}` : '';
}

function signInForm(message = '') {
  stopAlarms();
  show(document.getElementById('alarms'));
  show(view, h('form', { id: 'sign-in', class: 'card narrow', onsubmit: submit },
    h('h2', {}, t('signInTitle')),
    h('label', { for: 'token' }, t('tokenLabel')),
    h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true }),
    h('button', { type: 'submit' }, t('signIn')),
    message && h('p', { class: 'error', role: 'alert' }, message)));
}

async function submit(event) {
  event.preventDefault();
  setToken(new FormData(event.target).get('token').trim());
  await start();
}

async function start() {
  try {
    const me = await get('me');
    const scope = me.scopes[0] ?? '';
    const district = scope.split('/')[0];
    const commune = me.role === 'CommunePolice' ? scope : '';
    const places = await get('map', { district, commune });
    app = { me, district, commune, places, names: placeNames(places) };
  } catch (error) {
    app = null;
    setToken('');
    header();
    return signInForm(error instanceof ApiError ? `${t('refused')}: ${error.message}` : String(error));
  }
  header();
  stopAlarms = startAlarms(document.getElementById('alarms'), app);
  route();
}

function placeNames(places) {
  const names = new Map([[places.key, places.name], ...places.communes.map(commune => [commune.key, commune.name])]);
  places.villages.forEach(village => names.set(village.key, village.name));
  return names;
}

document.getElementById('language').addEventListener('click', () => {
  setLanguage(currentLanguage() === 'vi' ? 'en' : 'vi');
  header();
  if (app) {
    stopAlarms();
    stopAlarms = startAlarms(document.getElementById('alarms'), app);
    route();
  } else signInForm();
});
document.getElementById('sign-out').addEventListener('click', () => {
  stopView();
  app = null;
  setToken('');
  header();
  signInForm();
});
window.addEventListener('hashchange', route);

setLanguage(currentLanguage());
header();
if (hasToken()) start();
else signInForm();
