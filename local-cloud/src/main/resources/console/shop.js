// Shop page: the catalogue with stock, acting as customer or admin, placing and cancelling orders.
import { call, token, role, setRole, placedOrders, rememberOrder, ownerOf, say, el, problem, money } from './api.js';

const status = document.getElementById('shop-status');
const orderStatus = document.getElementById('order-status');
const categorySelect = document.getElementById('category');
const productSelect = document.getElementById('product');
const catalogueBody = document.querySelector('#catalogue tbody');
const placedBody = document.querySelector('#placed tbody');

async function loadCategories() {
  const answer = await call('GET', '/_local/categories');
  if (!answer.ok) return say(status, `Categories: ${problem(answer)}`, true);
  categorySelect.replaceChildren(...answer.body.categories.map(c => el('option', { value: c.categoryId }, c.name)));
  if (answer.body.categories.length === 0) say(status, 'The catalogue is empty: no category has products yet.');
  await loadCatalogue();
}

async function loadCatalogue() {
  const category = categorySelect.value;
  if (!category) return;
  const listing = await call('GET', `/products?category=${encodeURIComponent(category)}&limit=50`);
  if (!listing.ok) return say(status, `Catalogue: ${problem(listing)}`, true);
  const admin = await token('admin');
  const rows = await Promise.all(listing.body.items.map(async product => {
    const stock = await call('GET', `/inventory/${encodeURIComponent(product.productId)}`, { token: admin });
    return { product, stock: stock.ok ? stock.body : null };
  }));
  catalogueBody.replaceChildren(...rows.map(({ product, stock }) => el('tr', { 'data-product-id': product.productId },
    el('th', { scope: 'row' }, product.name, el('br'), el('code', { class: 'hint' }, product.productId)),
    el('td', { class: 'num' }, money(product.price.amountMinor, product.price.currency)),
    el('td', { class: 'num available' }, stock ? stock.available : '–'),
    el('td', { class: 'num reserved' }, stock ? stock.reserved : '–'),
    el('td', {}, role() === 'admin'
      ? el('button', { type: 'button', class: 'secondary', onclick: () => restock(product) }, `Restock ${product.name} by 10`)
      : el('span', { class: 'hint' }, 'act as admin to restock')))));
  productSelect.replaceChildren(...listing.body.items.map(p =>
    el('option', { value: p.productId }, `${p.name} · ${money(p.price.amountMinor, p.price.currency)}`)));
}

async function restock(product) {
  const answer = await call('POST', `/inventory/${encodeURIComponent(product.productId)}/restock`,
    { token: await token('admin'), body: { quantity: 10 } });
  say(status, answer.ok ? `Restocked ${product.name}.` : `Restock refused: ${problem(answer)}`, !answer.ok);
  await loadCatalogue();
}

async function placeOrder(event) {
  event.preventDefault();
  const asRole = role();
  const body = {
    lines: [{ productId: productSelect.value, quantity: Number(document.getElementById('quantity').value) }],
    shippingAddress: {
      recipientName: document.getElementById('recipient').value,
      line1: document.getElementById('line1').value,
      city: document.getElementById('city').value,
      postalCode: document.getElementById('postal').value,
      countryCode: document.getElementById('country').value,
    },
    paymentMethodRef: document.getElementById('payment').value,
  };
  say(orderStatus, 'Placing the order…');
  const answer = await call('POST', '/orders', {
    token: await token(asRole), body, headers: { 'idempotency-key': crypto.randomUUID() },
  });
  if (!answer.ok) return say(orderStatus, `The order was refused (${answer.status}): ${problem(answer)}`, true);
  const orderId = answer.body.orderId;
  rememberOrder(orderId, asRole);
  orderStatus.replaceChildren(`Order ${orderId} accepted (${answer.status}). `,
    el('a', { href: `/_local/console/order.html?id=${encodeURIComponent(orderId)}`, id: 'follow-order' }, 'Follow it live'));
  await showPlaced();
}

async function cancel(orderId) {
  const answer = await call('POST', `/orders/${encodeURIComponent(orderId)}/cancel`, { token: await token(ownerOf(orderId)) });
  say(orderStatus, answer.ok ? `Cancellation of ${orderId} accepted.` : `Cancel refused (${answer.status}): ${problem(answer)}`,
    !answer.ok);
  await showPlaced();
}

async function showPlaced() {
  const orders = placedOrders();
  const rows = await Promise.all(orders.map(async o => {
    const answer = await call('GET', `/orders/${encodeURIComponent(o.orderId)}`, { token: await token(o.role) });
    return { ...o, status: answer.ok ? answer.body.status : `unreadable (${answer.status})` };
  }));
  placedBody.replaceChildren(...rows.map(o => el('tr', {},
    el('td', {}, el('a', { href: `/_local/console/order.html?id=${encodeURIComponent(o.orderId)}` }, o.orderId)),
    el('td', {}, o.role),
    el('td', { class: 'order-status' }, o.status),
    el('td', {}, el('button', {
      type: 'button', class: 'danger', 'aria-label': `Cancel order ${o.orderId}`, onclick: () => cancel(o.orderId),
    }, 'Cancel')))));
}

function chooseRole(value) {
  setRole(value);
  document.getElementById(`role-${value}`).checked = true;
  loadCatalogue();
}

document.querySelectorAll('input[name=role]').forEach(radio => radio.addEventListener('change', () => chooseRole(radio.value)));
document.getElementById(`role-${role()}`).checked = true;
categorySelect.addEventListener('change', loadCatalogue);
document.getElementById('refresh-catalogue').addEventListener('click', loadCatalogue);
document.getElementById('order-form').addEventListener('submit', placeOrder);
loadCategories();
showPlaced();
