// One order, live: its status and the sequence diagram of its hops, redrawn as the hops arrive.
import { call, token, ownerOf, say, el, problem } from './api.js';

const POLL_MS = 1000;
// The order service's final statuses (OrderStatus.isFinal): polling stops once one is reached and all is quiet.
const TERMINAL = new Set(['SHIPPED', 'CANCELLED', 'REJECTED', 'PAYMENT_FAILED', 'SHIPMENT_FAILED']);
const LANE_NAMES = { client: 'Client', bus: 'EventBridge bus' };

const status = document.getElementById('journey-status');
const diagram = document.getElementById('diagram');
const cancelButton = document.getElementById('cancel-order');
let orderId = new URLSearchParams(location.search).get('id');
let drawn = '';
let quietPolls = 0;
let timer = null;
let chosen = null;

function laneName(lane) {
  return LANE_NAMES[lane] || `${lane} service`;
}

function draw(journey) {
  const lanes = journey.lanes.length ? journey.lanes : ['client'];
  const column = lane => lanes.indexOf(lane) + 1;
  diagram.style.setProperty('--lanes', lanes.length);
  const nodes = lanes.map((lane, i) => el('div', { class: 'lane', style: `grid-column: ${i + 1}` }, laneName(lane)));
  lanes.forEach((lane, i) => nodes.push(el('div', {
    class: 'lifeline', 'aria-hidden': 'true',
    style: `grid-column: ${i + 1}; grid-row: 2 / span ${Math.max(1, journey.hops.length)}`,
  })));
  journey.hops.forEach((hop, i) => {
    const from = column(hop.from);
    const to = column(hop.to);
    const rightwards = to >= from;
    const classes = ['hop', rightwards ? 'right' : 'left'];
    if (hop.compensation) classes.push('compensation');
    if (hop.failed) classes.push('failed');
    const marks = [hop.compensation ? 'compensation' : null, hop.failed ? 'failed' : null].filter(Boolean);
    nodes.push(el('button', {
      type: 'button', class: classes.join(' '), 'data-hop': hop.n, 'data-kind': hop.kind, 'data-event-type': hop.eventType,
      'data-function': hop.function,
      'aria-pressed': chosen === hop.n ? 'true' : 'false',
      style: `grid-column: ${Math.min(from, to)} / ${Math.max(from, to) + 1}; grid-row: ${i + 2}`,
      onclick: () => open(hop),
    },
    el('span', { class: 'what' }, `${hop.n}. ${laneName(hop.from)} → ${laneName(hop.to)}: ${hop.label}`),
    el('span', { class: 'how' }, [hop.detail, `+${hop.offsetMs} ms`, ...marks].filter(Boolean).join(' · '))));
  });
  // A redraw replaces the buttons: the focus stays on the same hop, so keyboard users do not lose their place.
  const focusedHop = diagram.contains(document.activeElement) ? document.activeElement.dataset.hop : null;
  diagram.replaceChildren(...nodes);
  if (focusedHop) diagram.querySelector(`.hop[data-hop="${focusedHop}"]`)?.focus();
}

async function open(hop) {
  chosen = hop.n;
  diagram.querySelectorAll('.hop').forEach(b => b.setAttribute('aria-pressed', String(Number(b.dataset.hop) === hop.n)));
  const details = document.getElementById('hop-details');
  document.getElementById('details-empty').hidden = true;
  document.getElementById('details-body').hidden = false;
  document.getElementById('details-summary').textContent =
    `Hop ${hop.n}: ${hop.kind} ${hop.eventType} (${hop.detail}), outcome ${hop.outcome ?? '–'}, at ${hop.at}`;
  const body = await call('GET', `/_local/events/${encodeURIComponent(hop.eventId)}`);
  document.getElementById('details-json').textContent = body.ok && body.body.seen
    ? JSON.stringify(body.body.body, null, 2) : 'No message body seen for this hop yet (it is in the event journal only).';
  const query = new URLSearchParams({ correlationId: hop.correlationId });
  if (hop.function) query.set('function', hop.function);
  const logs = await call('GET', `/_local/logs?${query}`);
  document.getElementById('details-logs').textContent = logs.ok && logs.body.lines.length
    ? logs.body.lines.map(line => `${line.timestamp} ${line.level} ${line.function_name}: ${line.message}`).join('\n')
    : 'No log lines with this correlation id.';
  details.focus();
}

async function refresh() {
  const order = await call('GET', `/orders/${encodeURIComponent(orderId)}`, { token: await token(ownerOf(orderId)) });
  const journey = await call('GET', `/_local/orders/${encodeURIComponent(orderId)}/journey`);
  const orderStatus = order.ok ? order.body.status : null;
  document.getElementById('summary-order').textContent = orderId;
  document.getElementById('summary-status').textContent = orderStatus ?? `unreadable (${order.status})`;
  cancelButton.disabled = !order.ok || TERMINAL.has(orderStatus);
  if (!journey.ok) {
    say(status, `Journey: ${problem(journey)}`, true);
  } else {
    document.getElementById('summary-correlation').textContent = `correlation id ${journey.body.correlationIds.join(', ')}`;
    const signature = JSON.stringify(journey.body.hops.map(h => [h.n, h.kind, h.actor, h.eventType, h.outcome]));
    if (signature !== drawn) {
      drawn = signature;
      quietPolls = 0;
      draw(journey.body);
      say(status, `${journey.body.hops.length} hops so far (${journey.body.readsLeftOut} reads of the order not drawn).`);
    } else {
      quietPolls += 1;
    }
  }
  // Keeps watching until the order is settled and nothing new arrived for a while.
  if (orderStatus && TERMINAL.has(orderStatus) && quietPolls >= 5) {
    say(status, `${journey.body.hops.length} hops; the order is ${orderStatus} and its journey is quiet.`);
    timer = null;
    return;
  }
  timer = setTimeout(refresh, POLL_MS);
}

function follow(id) {
  orderId = id;
  drawn = '';
  quietPolls = 0;
  chosen = null;
  document.getElementById('order-id').value = id;
  if (timer) clearTimeout(timer);
  refresh();
}

document.getElementById('find-order').addEventListener('submit', event => {
  event.preventDefault();
  const id = document.getElementById('order-id').value.trim();
  if (!id) return say(status, 'Enter an order id.', true);
  history.replaceState(null, '', `?id=${encodeURIComponent(id)}`);
  follow(id);
});

cancelButton.addEventListener('click', async () => {
  const answer = await call('POST', `/orders/${encodeURIComponent(orderId)}/cancel`, { token: await token(ownerOf(orderId)) });
  say(status, answer.ok ? 'Cancellation accepted: watch the compensation arrive.' : `Cancel refused (${answer.status}): ${problem(answer)}`,
    !answer.ok);
  quietPolls = 0;
  if (!timer) refresh();
});

if (orderId) follow(orderId);
else say(status, 'Enter an order id, or place one on the Shop page.');
