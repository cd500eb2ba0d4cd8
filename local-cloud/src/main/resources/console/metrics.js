// Metrics page: orders by outcome and saga duration percentiles, from the functions' EMF lines.
import { call, say, el, problem } from './api.js';

const status = document.getElementById('metrics-status');
const windowSelect = document.getElementById('window');

async function load() {
  const answer = await call('GET', `/_local/metrics?minutes=${encodeURIComponent(windowSelect.value)}`);
  if (!answer.ok) return say(status, `Metrics: ${problem(answer)}`, true);
  const metrics = answer.body;
  const placed = (metrics.outcomes.find(o => o.metric === 'OrdersPlaced') || { count: 0 }).count;
  document.querySelector('#outcomes tbody').replaceChildren(...metrics.outcomes.map(o => el('tr', { 'data-metric': o.metric },
    el('th', { scope: 'row' }, o.label),
    el('td', {}, el('code', {}, o.metric)),
    el('td', { class: 'num count' }, o.count),
    el('td', {}, el('div', {
      class: 'bar', role: 'img', 'aria-label': `${o.count} of ${placed} placed`,
      style: `width: ${placed ? Math.min(100, (100 * o.count) / placed) : 0}%`,
    })))));
  const saga = metrics.sagaDurationMs;
  document.querySelector('#saga tbody').replaceChildren(...[
    ['sagas timed', saga.count], ['p50', saga.p50], ['p90', saga.p90], ['p99', saga.p99], ['max', saga.max],
  ].map(([name, value]) => el('tr', { 'data-stat': name }, el('th', { scope: 'row' }, name),
    el('td', { class: 'num' }, Math.round(value)))));
  say(status, `Since ${metrics.since}; refreshed ${new Date().toISOString().slice(11, 19)} UTC.`);
}

document.getElementById('window-form').addEventListener('submit', event => { event.preventDefault(); load(); });
windowSelect.addEventListener('change', load);
load();
setInterval(load, 5000);
