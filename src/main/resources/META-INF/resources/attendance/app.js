// DigiLit's offline attendance page (issue #16, docs/decisions/DD009-20261202-offline-attendance.md). Plain
// JavaScript, no build. Everything the facilitator does is written to IndexedDB first: marks are events with an id
// made here, queued until the server acknowledges them; the last download (sessions, rosters, texts) lets the page
// work with no network, after the browser was closed or the phone restarted.
'use strict';

const API = '/attendance/api';
const BATCH_SIZE = 50;
const DB_NAME = 'digilit-attendance';
const FALLBACK = {
  title: 'Attendance', sync: 'Send now', online: 'Online', offline: 'Offline', unsent: '{0} marks not yet sent',
  'all-sent': 'All marks sent', expired: 'Your login has expired. Unsent marks are kept on this phone.',
  'login-again': 'Log in again', logout: 'Log out', 'logout-unsent': '{0} marks are not yet sent. Log out anyway? '
    + 'They stay on this phone and are sent after the next login.', loading: 'Loading…', 'no-sessions': 'No upcoming sessions.',
  present: 'P', absent: 'A', late: 'L', 'present-long': 'Present', 'absent-long': 'Absent', 'late-long': 'Late',
  scan: 'Scan a learner card', 'walk-in': 'Walk-in', 'walk-in-name': 'Full name', 'walk-in-phone': 'Phone',
  'walk-in-add': 'Add', join: 'Username or identity number', 'join-add': 'Find', 'join-offline': 'Finding a learner needs the network: scan their card instead.',
  'not-found': 'No account found.', 'card-code': 'Code on the card', 'card-use': 'Use code', close: 'Close',
  'scan-hint': 'Point the camera at the card\'s QR code.', 'scan-no-camera': 'No camera: type the code printed under the QR code.',
  'card-invalid': 'This is not a learner card.', 'not-sent': 'not sent', 'sync-failed': 'Could not send: {0}',
  refused: 'The server refused some marks: {0}', 'persist-denied': 'This browser may clear stored marks when space runs low: send them soon.',
  'out-of-window': 'marked outside the session\'s time', 'walk-in-invalid': 'Give a name and a phone number.',
};

let db;
let state = { data: null, texts: FALLBACK, local: {}, queue: [] };
let syncing = false;

function t(key, ...args) {
  let text = (state.texts && state.texts[key]) || FALLBACK[key] || key;
  args.forEach((a, i) => { text = text.replace('{' + i + '}', a); });
  return text;
}

// ---- IndexedDB ---------------------------------------------------------------------------------------------------
function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const d = request.result;
      d.createObjectStore('queue', { keyPath: 'id' });
      d.createObjectStore('kv');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function tx(stores, mode, work) {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(stores, mode);
    let result;
    Promise.resolve(work(transaction)).then(r => { result = r; });
    transaction.oncomplete = () => resolve(result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

function req(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const kvGet = key => tx(['kv'], 'readonly', t => req(t.objectStore('kv').get(key)));
const kvPut = (key, value) => tx(['kv'], 'readwrite', t => { t.objectStore('kv').put(value, key); });
const queueAll = () => tx(['queue'], 'readonly', t => req(t.objectStore('queue').getAll()));

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---- Marks ---------------------------------------------------------------------------------------------------------
async function mark(sessionId, learner, status, method, card) {
  const item = { id: uuid(), kind: 'mark', batchId: null, body: {
    id: null, sessionId, learner, status, method, capturedAt: new Date().toISOString(), card: card || null } };
  item.body.id = item.id;
  const key = sessionId + '/' + learner;
  state.local[key] = { status, method, capturedAt: item.body.capturedAt };
  await tx(['queue', 'kv'], 'readwrite', t => {
    t.objectStore('queue').put(item);
    t.objectStore('kv').put(state.local, 'local');
  });
  state.queue = await queueAll();
  render();
}

async function addWalkIn(sessionId, fullName, phone) {
  const id = uuid();
  const walkIn = { id, kind: 'walkin', batchId: null,
    body: { id, sessionId, fullName, phone, capturedAt: new Date().toISOString() } };
  const session = state.data.sessions.find(s => s.id === sessionId);
  session.roster.push({ username: 'walkin:' + id, fullName: fullName + ' (' + t('walk-in') + ')', status: null });
  await tx(['queue', 'kv'], 'readwrite', t => {
    t.objectStore('queue').put(walkIn);
    t.objectStore('kv').put(state.data, 'data');
  });
  await mark(sessionId, 'walkin:' + id, 'PRESENT', 'MANUAL');
}

// ---- Sync ----------------------------------------------------------------------------------------------------------
class LoginExpired extends Error {}

async function call(path, options) {
  let response;
  try {
    response = await fetch(API + path, Object.assign({ credentials: 'same-origin', redirect: 'manual',
      cache: 'no-store' }, options));
  } catch (e) {
    throw new Error(t('offline'));
  }
  if (response.type === 'opaqueredirect' || response.status === 401) {
    throw new LoginExpired();
  }
  return response;
}

function csrfHeaders() {
  const csrf = state.data && state.data.csrf;
  const headers = { 'Content-Type': 'application/json' };
  if (csrf) headers[csrf.header] = csrf.token;
  return headers;
}

async function download() {
  const response = await call('/sessions', { method: 'GET' });
  if (!response.ok) throw new Error(response.status);
  const data = await response.json();
  state.texts = Object.assign({}, FALLBACK, data.texts || {});
  state.data = data;
  if (data.lang) document.documentElement.lang = data.lang;
  await tx(['kv'], 'readwrite', t => {
    t.objectStore('kv').put(data, 'data');
    t.objectStore('kv').put(state.texts, 'texts');
  });
}

// Every queued item gets a batch id before it is sent, stored first: a batch sent again after a lost answer carries
// the same id and the same marks, so the server recognises the replay.
async function assignBatches() {
  await tx(['queue'], 'readwrite', async t => {
    const store = t.objectStore('queue');
    const items = await req(store.getAll());
    let batchId = null;
    let count = 0;
    for (const item of items.filter(i => !i.batchId)) {
      if (!batchId || count === BATCH_SIZE) { batchId = uuid(); count = 0; }
      item.batchId = batchId;
      count++;
      store.put(item);
    }
  });
}

async function sendBatches() {
  await assignBatches();
  const items = await queueAll();
  const batches = new Map();
  for (const item of items) {
    if (!batches.has(item.batchId)) batches.set(item.batchId, []);
    batches.get(item.batchId).push(item);
  }
  for (const [batchId, batchItems] of batches) {
    const body = {
      batchId, sentAt: new Date().toISOString(),
      walkIns: batchItems.filter(i => i.kind === 'walkin').map(i => i.body),
      marks: batchItems.filter(i => i.kind === 'mark').map(i => i.body),
    };
    let response = await call('/sync', { method: 'POST', headers: csrfHeaders(), body: JSON.stringify(body) });
    if (response.status === 403 && !(await isRefusal(response.clone()))) {
      await download(); // a stale CSRF token: take the current one and try once more
      response = await call('/sync', { method: 'POST', headers: csrfHeaders(), body: JSON.stringify(body) });
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({ error: String(response.status) }));
      throw new Error(t('refused', problem.error));
    }
    const result = await response.json();
    await kvPut('clockOffsetMs', result.clockOffsetMs);
    await tx(['queue'], 'readwrite', t => {
      const store = t.objectStore('queue');
      result.acknowledged.forEach(id => store.delete(id));
    });
  }
}

async function isRefusal(response) {
  try { return (await response.json()).error === 'attendance.error.not-yours'; } catch (e) { return false; }
}

async function sync() {
  if (syncing) return;
  syncing = true;
  setMessage('');
  try {
    if (!state.data || !state.data.csrf) await download();
    await sendBatches();
    await download();
    // Marks the server holds now show as the server says; only what is still queued keeps its local state.
    const queued = new Set((await queueAll()).filter(i => i.kind === 'mark').map(i => i.body.sessionId + '/' + i.body.learner));
    state.local = Object.fromEntries(Object.entries(state.local).filter(([k]) => queued.has(k)));
    await kvPut('local', state.local);
    document.getElementById('login').hidden = true;
  } catch (e) {
    if (e instanceof LoginExpired) {
      document.getElementById('login').hidden = false;
    } else if (navigator.onLine) {
      setMessage(t('sync-failed', e.message));
    }
  } finally {
    syncing = false;
    state.queue = await queueAll();
    render();
  }
}

// ---- Join at the door ------------------------------------------------------------------------------------------
async function joinAtDoor(sessionId, text) {
  if (!navigator.onLine) { setMessage(t('join-offline')); return; }
  try {
    const response = await call('/join', { method: 'POST', headers: csrfHeaders(),
      body: JSON.stringify({ sessionId, text }) });
    if (response.status === 404) { setMessage(t('not-found')); return; }
    if (!response.ok) throw new Error(response.status);
    const learner = await response.json();
    const session = state.data.sessions.find(s => s.id === sessionId);
    if (!session.roster.some(l => l.username === learner.username)) session.roster.push(learner);
    await kvPut('data', state.data);
    await mark(sessionId, learner.username, 'PRESENT', 'MANUAL');
  } catch (e) {
    if (e instanceof LoginExpired) document.getElementById('login').hidden = false;
    else setMessage(t('sync-failed', e.message));
  }
}

// A learner card's code: DLC1.<username>.<check>. The check is verified by the server at sync; the phone only reads it.
function cardUsername(code) {
  const m = /^DLC1\.(.+)\.([A-Z0-9]{10})$/i.exec((code || '').trim());
  return m ? m[1].toLowerCase() : null;
}

async function scanned(sessionId, code) {
  const username = cardUsername(code);
  if (!username) { setMessage(t('card-invalid')); return false; }
  const session = state.data.sessions.find(s => s.id === sessionId);
  if (!session.roster.some(l => l.username === username)) {
    session.roster.push({ username, fullName: username, status: null });
    await kvPut('data', state.data);
  }
  await mark(sessionId, username, 'PRESENT', 'QR', code.trim());
  return true;
}

let scanning = null;
async function openScanner(sessionId) {
  const dialog = document.getElementById('scan-dialog');
  const video = document.getElementById('video');
  const hint = document.getElementById('scan-hint');
  scanning = { sessionId, stream: null, timer: null };
  document.getElementById('card-code').value = '';
  dialog.showModal();
  hint.textContent = t('scan-hint');
  video.hidden = false;
  try {
    scanning.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    video.srcObject = scanning.stream;
    await video.play();
    const detect = await qrDetector();
    const loop = async () => {
      if (!scanning) return;
      const code = await detect(video);
      if (code && await scanned(sessionId, code)) { closeScanner(); return; }
      if (scanning) scanning.timer = setTimeout(loop, 250);
    };
    loop();
  } catch (e) {
    hint.textContent = t('scan-no-camera');
    video.hidden = true; // no black box where no camera shows anything
  }
}

// How a camera frame is read, best first:
// 1. the browser's own BarcodeDetector, where it has one that reads QR codes (Chrome on Android, Safari);
// 2. ZXing's JavaScript port, from the html5-qrcode WebJar (Maven Central). The service worker caches it when it
//    installs, so it works with no network; it is loaded only on phones that need it;
// 3. only if that file could not be loaded (an old cache) and the phone is online: the server's decoder (ZXing).
// The code printed under the QR code can always be typed instead.
const QR_DECODER = '/webjars/html5-qrcode/2.2.1/third_party/zxing-js.umd.min.js';
let zxingLoading = null;

async function qrDetector() {
  if ('BarcodeDetector' in window) {
    try {
      const formats = BarcodeDetector.getSupportedFormats ? await BarcodeDetector.getSupportedFormats() : ['qr_code'];
      if (formats.includes('qr_code')) {
        const detector = new BarcodeDetector({ formats: ['qr_code'] });
        return video => detectHere(detector, video);
      }
    } catch (e) { /* fall through to the JavaScript decoder */ }
  }
  try {
    const zxing = await loadZxing();
    return video => detectWithZxing(zxing, video);
  } catch (e) {
    return video => detectOnServer(video);
  }
}

function loadZxing() {
  if (!zxingLoading) {
    zxingLoading = new Promise((resolve, reject) => {
      if (window.ZXing) { resolve(window.ZXing); return; }
      const script = document.createElement('script');
      script.src = QR_DECODER;
      script.onload = () => (window.ZXing ? resolve(window.ZXing) : reject(new Error('ZXing')));
      script.onerror = () => reject(new Error('ZXing'));
      document.head.append(script);
    }).catch(e => { zxingLoading = null; throw e; });
  }
  return zxingLoading;
}

async function detectHere(detector, video) {
  try { const codes = await detector.detect(video); return codes.length ? codes[0].rawValue : null; } catch (e) { return null; }
}

// One frame, scaled to at most 800 px wide, read by ZXing (QR codes only, trying harder: a phone held at an angle).
function frame(video) {
  const width = video.videoWidth || video.naturalWidth || video.width;
  const height = video.videoHeight || video.naturalHeight || video.height;
  if (!width || !height) return null;
  const canvas = document.getElementById('canvas');
  canvas.width = Math.min(800, width);
  canvas.height = Math.round(canvas.width * height / width);
  canvas.getContext('2d', { willReadFrequently: true }).drawImage(video, 0, 0, canvas.width, canvas.height);
  return canvas;
}

function detectWithZxing(zxing, source) {
  const canvas = frame(source);
  if (!canvas) return null;
  try {
    const hints = new Map([[zxing.DecodeHintType.POSSIBLE_FORMATS, [zxing.BarcodeFormat.QR_CODE]],
      [zxing.DecodeHintType.TRY_HARDER, true]]);
    const bitmap = new zxing.BinaryBitmap(new zxing.HybridBinarizer(new zxing.HTMLCanvasElementLuminanceSource(canvas)));
    return new zxing.QRCodeReader().decode(bitmap, hints).getText();
  } catch (e) {
    return null; // no QR code in this frame
  }
}

async function detectOnServer(video) {
  if (!navigator.onLine) return null;
  const canvas = frame(video);
  if (!canvas) return null;
  const blob = await new Promise(r => canvas.toBlob(r, 'image/jpeg', 0.8));
  try {
    const headers = csrfHeaders();
    headers['Content-Type'] = 'application/octet-stream';
    const response = await call('/decode', { method: 'POST', headers, body: blob });
    return response.ok ? (await response.json()).text : null;
  } catch (e) { return null; }
}

function closeScanner() {
  if (scanning) {
    clearTimeout(scanning.timer);
    if (scanning.stream) scanning.stream.getTracks().forEach(track => track.stop());
  }
  scanning = null;
  document.getElementById('scan-dialog').close();
}

// ---- Rendering ---------------------------------------------------------------------------------------------------
function setMessage(text) { document.getElementById('message').textContent = text; }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'onclick' || k === 'onsubmit') node[k] = v; else if (v !== null && v !== undefined) node.setAttribute(k, v);
  });
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

function time(iso) {
  return new Date(iso).toLocaleString(document.documentElement.lang || undefined,
    { weekday: 'short', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
}

// The end of a session: its hour only (the day is the start's). Taking the last word of time() showed the date in
// Vietnamese, where the hour comes first ("14:29 Th 4, 02/12").
function hour(iso) {
  return new Date(iso).toLocaleTimeString(document.documentElement.lang || undefined, { hour: '2-digit', minute: '2-digit' });
}

function render() {
  document.querySelectorAll('[data-t]').forEach(node => { node.textContent = t(node.dataset.t); });
  const online = navigator.onLine;
  const network = document.getElementById('network');
  network.textContent = online ? t('online') : t('offline');
  network.className = 'network ' + (online ? 'online' : 'offline');
  const unsentMarks = state.queue.filter(i => i.kind === 'mark').length;
  const unsent = document.getElementById('unsent');
  unsent.textContent = unsentMarks ? t('unsent', unsentMarks) : t('all-sent');
  unsent.className = 'unsent' + (unsentMarks ? '' : ' zero');
  unsent.dataset.count = unsentMarks;
  if (state.data) document.getElementById('user').textContent = state.data.displayName;
  const main = document.getElementById('main');
  main.replaceChildren();
  if (!state.data) { main.append(el('p', {}, t('loading'))); return; }
  if (!state.data.sessions.length) { main.append(el('p', { class: 'empty' }, t('no-sessions'))); }
  const pending = new Set(state.queue.filter(i => i.kind === 'mark').map(i => i.body.sessionId + '/' + i.body.learner));
  for (const session of state.data.sessions) {
    const card = el('section', { class: 'session', 'data-session': session.id },
      el('h2', {}, session.course),
      el('p', { class: 'meta' }, `${time(session.startsAt)} – ${hour(session.endsAt)} · ${session.place} · ${session.organisation}`),
      el('div', { class: 'tools' },
        el('button', { type: 'button', class: 'scan', onclick: () => openScanner(session.id) }, t('scan'))));
    for (const learner of session.roster) {
      const key = session.id + '/' + learner.username;
      const local = state.local[key];
      const current = local ? local.status : learner.status;
      const buttons = ['PRESENT', 'ABSENT', 'LATE'].map(status => el('button', {
        type: 'button', class: status, 'aria-pressed': String(current === status),
        'aria-label': t(status.toLowerCase() + '-long') + ': ' + learner.fullName, title: t(status.toLowerCase() + '-long'),
        onclick: () => mark(session.id, learner.username, status, 'MANUAL') }, t(status.toLowerCase())));
      card.append(el('div', { class: 'learner', 'data-learner': learner.username },
        el('span', { class: 'name' }, learner.fullName,
          el('small', {}, learner.username.startsWith('walkin:') ? t('walk-in') : learner.username,
            pending.has(key) ? ' · ' + t('not-sent') : '')),
        el('span', { class: 'marks' }, buttons)));
    }
    const join = el('form', { class: 'inline join', onsubmit: e => {
      e.preventDefault(); const input = e.target.querySelector('input'); joinAtDoor(session.id, input.value); input.value = ''; } },
      el('input', { name: 'join', placeholder: t('join'), 'aria-label': t('join'), autocomplete: 'off' }),
      el('button', { type: 'submit' }, t('join-add')));
    const walkIn = el('form', { class: 'inline walk-in', onsubmit: e => {
      e.preventDefault();
      const name = e.target.elements.name.value.trim();
      const phone = e.target.elements.phone.value.trim();
      if (!name || !/^\+?[0-9 .-]{6,20}$/.test(phone)) { setMessage(t('walk-in-invalid')); return; }
      addWalkIn(session.id, name, phone); } },
      el('input', { name: 'name', placeholder: t('walk-in-name'), 'aria-label': t('walk-in-name'), autocomplete: 'off' }),
      el('input', { name: 'phone', placeholder: t('walk-in-phone'), 'aria-label': t('walk-in-phone'), inputmode: 'tel' }),
      el('button', { type: 'submit' }, t('walk-in-add')));
    card.append(join, walkIn);
    main.append(card);
  }
}

// ---- Start ---------------------------------------------------------------------------------------------------------
async function logout() {
  const unsent = state.queue.filter(i => i.kind === 'mark').length;
  if (unsent && !confirm(t('logout-unsent', unsent))) return;
  const form = el('form', { method: 'post', action: '/logout' });
  if (state.data && state.data.csrf) form.append(el('input', { type: 'hidden', name: state.data.csrf.parameter, value: state.data.csrf.token }));
  document.body.append(form);
  form.submit();
}

async function start() {
  db = await openDb();
  state.data = (await kvGet('data')) || null;
  state.texts = Object.assign({}, FALLBACK, (await kvGet('texts')) || {});
  state.local = (await kvGet('local')) || {};
  state.queue = await queueAll();
  if (state.data && state.data.lang) document.documentElement.lang = state.data.lang;
  render();
  if (navigator.storage && navigator.storage.persist) {
    navigator.storage.persist().then(granted => { if (!granted && state.queue.length) setMessage(t('persist-denied')); });
  }
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js', { scope: '/attendance/' }).catch(() => {});
  document.getElementById('sync').onclick = () => sync();
  document.getElementById('logout').onclick = () => logout();
  document.getElementById('scan-close').onclick = () => closeScanner();
  document.getElementById('card-form').onsubmit = async e => {
    e.preventDefault();
    if (scanning && await scanned(scanning.sessionId, document.getElementById('card-code').value)) closeScanner();
  };
  window.addEventListener('online', () => { render(); sync(); });
  window.addEventListener('offline', () => render());
  window.addEventListener('beforeunload', e => {
    if (state.queue.length && !navigator.onLine) { e.preventDefault(); e.returnValue = ''; }
  });
  sync();
}

start();
