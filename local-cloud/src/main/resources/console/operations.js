// Operations page: queues and their DLQs (redrive), the fault switch, and archive replays.
import { call, say, el, problem } from './api.js';

const status = document.getElementById('ops-status');
const queuesBody = document.querySelector('#queues tbody');
const faultsBody = document.querySelector('#faults tbody');
const replayStatus = document.getElementById('replay-status');

async function loadQueues() {
  const answer = await call('GET', '/_local/queues');
  if (!answer.ok) return say(status, `Queues: ${problem(answer)}`, true);
  const onlyWithDlq = document.getElementById('only-with-dlq').checked;
  const shown = answer.body.queues.filter(q => !onlyWithDlq || q.dlq);
  queuesBody.replaceChildren(...shown.map(q => el('tr', { 'data-queue': q.name },
    el('th', { scope: 'row' }, q.name),
    el('td', { class: 'num visible' }, q.visible),
    el('td', { class: 'num in-flight' }, q.inFlight),
    el('td', {}, q.dlq ? q.dlq.name : '–'),
    el('td', { class: 'num dlq-visible' }, q.dlq ? q.dlq.visible : '–'),
    el('td', {}, q.dlq ? el('button', {
      type: 'button', class: 'secondary', 'data-redrive': q.name, disabled: q.dlq.visible === 0,
      'aria-label': `Redrive ${q.dlq.name} into ${q.name}`, onclick: () => redrive(q),
    }, 'Redrive') : ''))));
}

async function redrive(queue) {
  const answer = await call('POST', `/_local/queues/${encodeURIComponent(queue.name)}/redrive`);
  say(status, answer.ok
    ? `Redrive of ${answer.body.deadLetterQueue}: ${answer.body.moved} message(s) moved back (${answer.body.how}).`
    : `Redrive refused: ${problem(answer)}`, !answer.ok);
  await loadQueues();
}

async function loadFaults() {
  const answer = await call('GET', '/_local/faults');
  if (!answer.ok) return say(status, `Faults: ${problem(answer)}`, true);
  faultsBody.replaceChildren(...(answer.body.faults.length ? answer.body.faults.map(f => el('tr', {},
    el('td', {}, f.target), el('td', {}, f.kind), el('td', { class: 'num' }, f.rate)))
    : [el('tr', {}, el('td', { colspan: 3 }, 'none: every function runs normally'))]));
}

async function setFault(event) {
  event.preventDefault();
  const body = {
    target: document.getElementById('fault-target').value.trim(),
    kind: document.getElementById('fault-kind').value,
    rate: Number(document.getElementById('fault-rate').value),
  };
  const answer = await call('PUT', '/_local/faults', { body });
  say(status, answer.ok ? `Fault on ${body.target}: ${body.kind} at rate ${body.rate}.` : `Fault refused: ${problem(answer)}`,
    !answer.ok);
  await loadFaults();
}

async function clearFaults() {
  const answer = await call('DELETE', '/_local/faults');
  say(status, answer.ok ? 'Every fault cleared.' : `Clearing refused: ${problem(answer)}`, !answer.ok);
  await loadFaults();
}

function localValue(date) {
  return date.toISOString().slice(0, 19);
}

async function loadArchive() {
  const answer = await call('GET', '/_local/archive');
  if (!answer.ok) return say(replayStatus, `Archive: ${problem(answer)}`, true);
  const archive = answer.body;
  document.getElementById('archive-info').textContent =
    `Archive ${archive.archiveName} is ${archive.archiveState} and holds ${archive.eventCount} events.`;
  document.getElementById('replay-gap').textContent = archive.emulatorGap ? `On this emulator: ${archive.emulatorGap}` : '';
  const select = document.getElementById('replay-rule');
  select.replaceChildren(el('option', { value: '' }, 'every rule'),
    ...Object.keys(archive.rules).map(rule => el('option', { value: rule }, rule)));
  const now = new Date();
  document.getElementById('replay-to').value = localValue(now);
  document.getElementById('replay-from').value = localValue(new Date(now.getTime() - 10 * 60 * 1000));
}

async function startReplay(event) {
  event.preventDefault();
  const body = {
    from: `${document.getElementById('replay-from').value}Z`,
    to: `${document.getElementById('replay-to').value}Z`,
    rule: document.getElementById('replay-rule').value,
  };
  const answer = await call('POST', '/_local/archive/replays', { body });
  if (!answer.ok) return say(replayStatus, `Replay refused: ${problem(answer)}`, true);
  say(replayStatus, `Replay ${answer.body.name} is ${answer.body.state}.`);
  pollReplay(answer.body.name, 0);
}

async function pollReplay(name, round) {
  const answer = await call('GET', `/_local/archive/replays/${encodeURIComponent(name)}`);
  if (!answer.ok) return say(replayStatus, `Replay ${name}: ${problem(answer)}`, true);
  say(replayStatus, `Replay ${name} is ${answer.body.state}.`);
  // until it ends: a replay on AWS takes minutes, and a busy emulator's can outlast 30 s too
  if (!['COMPLETED', 'CANCELLED', 'FAILED'].includes(answer.body.state)) {
    setTimeout(() => pollReplay(name, round + 1), Math.min(1000 + 250 * round, 5000));
  }
}

async function loadFunctions() {
  const answer = await call('GET', '/_local/functions');
  if (answer.ok) {
    document.getElementById('functions').replaceChildren(el('option', { value: '*' }, 'every function'),
      ...answer.body.functions.map(name => el('option', { value: name })));
  }
}

document.getElementById('refresh-queues').addEventListener('click', loadQueues);
document.getElementById('only-with-dlq').addEventListener('change', loadQueues);
document.getElementById('fault-form').addEventListener('submit', setFault);
document.getElementById('fault-clear').addEventListener('click', clearFaults);
document.getElementById('replay-form').addEventListener('submit', startReplay);
loadQueues();
loadFunctions();
loadFaults();
loadArchive();
setInterval(loadQueues, 3000);
