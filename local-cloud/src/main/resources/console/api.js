// The console's only way out: HTTP calls to the local cloud (the shop's API and /_local/ endpoints).
// Failures are shown on the page, never thrown into the browser's console.

const TOKEN_SUBJECTS = { customer: 'console-customer', admin: 'console-admin' };

/** Calls the local cloud; answers {ok, status, body} with the body parsed when it is JSON. */
export async function call(method, path, { body, token, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (token) init.headers.authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (unreachable) {
    return { ok: false, status: 0, body: { message: 'the local cloud does not answer' } };
  }
  const text = await response.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch (notJson) { parsed = text; }
  return { ok: response.ok, status: response.status, body: parsed };
}

/** A development token of the local identity provider for a role, kept for this browser tab. */
export async function token(role) {
  const key = `console.token.${role}`;
  const kept = JSON.parse(sessionStorage.getItem(key) || 'null');
  if (kept && kept.expiresAt > Date.now() / 1000 + 60) return kept.token;
  const answer = await call('POST', '/_local/tokens', { body: { role, subject: TOKEN_SUBJECTS[role] } });
  if (!answer.ok) throw new Error(`no ${role} token: ${answer.status}`);
  sessionStorage.setItem(key, JSON.stringify(answer.body));
  return answer.body.token;
}

/** The role the visitor acts as (customer or admin), remembered for this tab. */
export function role() {
  return sessionStorage.getItem('console.role') || 'customer';
}

export function setRole(value) {
  sessionStorage.setItem('console.role', value);
}

/** Orders placed from this tab: [{orderId, role, placedAt}], newest first. */
export function placedOrders() {
  return JSON.parse(sessionStorage.getItem('console.orders') || '[]');
}

export function rememberOrder(orderId, asRole) {
  const orders = placedOrders().filter(o => o.orderId !== orderId);
  orders.unshift({ orderId, role: asRole, placedAt: new Date().toISOString() });
  sessionStorage.setItem('console.orders', JSON.stringify(orders.slice(0, 20)));
}

/** The role an order was placed as (its owner), customer when unknown. */
export function ownerOf(orderId) {
  const found = placedOrders().find(o => o.orderId === orderId);
  return found ? found.role : 'customer';
}

/** Shows a message in a status element (a live region), as an error when asked. */
export function say(element, text, isError = false) {
  element.textContent = text;
  element.classList.toggle('error', isError);
}

/** Creates an element with attributes and children. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A problem answer's text: the API's message or detail, else the status. */
export function problem(answer) {
  const body = answer.body || {};
  return body.detail || body.message || body.title || `HTTP ${answer.status}`;
}

export function money(amountMinor, currency) {
  return `${(amountMinor / 100).toFixed(2)} ${currency}`;
}
