// Unveil web page: enroll, list/delete identities, live recognition events. Plain JS, no external resources.
'use strict';
const API = '/api/v1';
const $ = (id) => document.getElementById(id);
// The key lives in this tab's sessionStorage only: localStorage kept an admin key on disk for every later visitor of
// the browser profile. A key saved there by an earlier version is removed.
localStorage.removeItem('unveil.apiKey');
let apiKey = sessionStorage.getItem('unveil.apiKey') || '';
let streamAbort = null;

function setStatus(text, ok) {
  const s = $('status');
  s.textContent = text;
  s.className = ok ? 'ok' : 'err';
}

async function api(path, options = {}) {
  const headers = Object.assign({'X-Api-Key': apiKey}, options.headers || {});
  const res = await fetch(API + path, Object.assign({}, options, {headers}));
  if (res.status === 204) return null;
  const body = await res.json().catch(() => ({reason: res.statusText}));
  if (!res.ok) {
    const err = new Error(body.reason || ('HTTP ' + res.status));
    err.body = body;
    throw err;
  }
  return body;
}

function text(tag, value, cls) {
  const el = document.createElement(tag);
  el.textContent = value;
  if (cls) el.className = cls;
  return el;
}

async function loadIdentities() {
  const tbody = $('identities');
  try {
    const list = await api('/identities');
    tbody.replaceChildren();
    for (const id of list) {
      const tr = document.createElement('tr');
      tr.dataset.id = id.id;
      tr.append(text('td', id.name), text('td', id.id), text('td', id.count),
        text('td', (id.meanQuality || 0).toFixed(2)), text('td', new Date(id.updatedMs).toLocaleString()));
      const td = document.createElement('td');
      const del = text('button', 'Delete', 'delete');
      del.type = 'button';
      del.onclick = async () => {
        if (!confirm('Delete ' + id.name + '?')) return;
        try {
          await api('/identities/' + encodeURIComponent(id.id), {method: 'DELETE'});
          setStatus('deleted ' + id.name, true);
          loadIdentities();
        } catch (e) { setStatus(e.message, false); }
      };
      td.append(del);
      tr.append(td);
      tbody.append(tr);
    }
    $('galleryCount').textContent = '(' + list.length + ')';
    setStatus('connected', true);
  } catch (e) {
    setStatus(e.message, false);
  }
}

$('enrollForm').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const form = new FormData();
  form.append('name', $('name').value);
  for (const f of $('images').files) form.append('images', f, f.name);
  const out = $('enrollResult');
  out.replaceChildren(text('li', 'enrolling…'));
  try {
    const res = await api('/identities', {method: 'POST', body: form});
    out.replaceChildren(text('li', 'enrolled ' + res.identity.name + ' (' + res.added + ' images)', 'ok'));
    for (const im of res.images) out.append(text('li', im.source + ': ' + im.status + (im.reason ? ' — ' + im.reason : ''),
      im.status === 'accepted' ? 'ok' : 'err'));
    $('enrollForm').reset();
    loadIdentities();
  } catch (e) {
    out.replaceChildren(text('li', e.message, 'err'));
    const details = e.body && e.body.details;
    if (Array.isArray(details)) for (const im of details)
      out.append(text('li', im.source + ': ' + im.status + (im.reason ? ' — ' + im.reason : '') + (im.detail ? ' (' + im.detail + ')' : ''), 'err'));
  }
});

function thumb(b64, label) {
  const img = document.createElement('img');
  img.alt = label;
  img.title = label;
  if (b64) img.src = 'data:image/png;base64,' + b64;
  return img;
}

function showEvent(e) {
  const row = document.createElement('div');
  const unknown = !e.identityId;
  row.className = 'event' + (unknown ? ' unknown' : '') + (e.retroactive ? ' retro' : '');
  row.dataset.eventId = e.eventId;
  const t = e.thumbnails || {};
  row.append(thumb(t.aligned, 'aligned face'), thumb(t.mask, 'occlusion mask'), thumb(t.repaired, 'repaired face'));
  row.append(text('span', unknown ? (e.unknownId || 'unknown') : (e.name + ' (' + e.identityId + ')'), 'who'));
  row.append(text('span', e.type + ' · camera ' + e.cameraId + ' · track ' + e.trackId + ' · similarity '
    + e.similarity.toFixed(3) + ' · margin ' + e.margin.toFixed(3) + ' · ' + e.frames + ' frames'
    + (e.occlusionRatio > 0 ? ' · occluded ' + Math.round(e.occlusionRatio * 100) + '%' : '')
    + (e.inpainted ? ' · inpainted' : '') + ' · ' + new Date(e.captureTimeMs).toLocaleTimeString()));
  const box = $('events');
  box.prepend(row);
  while (box.children.length > 200) box.lastChild.remove();
}

// Server-Sent Events over fetch (EventSource cannot send the X-Api-Key header).
async function streamEvents() {
  if (streamAbort) streamAbort.abort();
  streamAbort = new AbortController();
  const signal = streamAbort.signal;
  try {
    const recent = await api('/events?limit=20');
    $('events').replaceChildren();
    recent.slice().reverse().forEach(showEvent);
    const res = await fetch(API + '/events/stream', {headers: {'X-Api-Key': apiKey, 'Accept': 'text/event-stream'}, signal});
    if (!res.ok) throw new Error('event stream: HTTP ' + res.status);
    $('liveState').textContent = '● live';
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    for (;;) {
      const {value, done} = await reader.read();
      if (done) break;
      buf += decoder.decode(value, {stream: true});
      let cut;
      while ((cut = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, cut);
        buf = buf.slice(cut + 2);
        const data = block.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trimStart()).join('\n');
        if (data) showEvent(JSON.parse(data));
      }
    }
  } catch (e) {
    if (signal.aborted) return;
    $('liveState').textContent = '(disconnected: ' + e.message + ')';
  }
  if (!signal.aborted) setTimeout(streamEvents, 3000);
}

$('saveKey').onclick = () => {
  apiKey = $('apiKey').value.trim();
  sessionStorage.setItem('unveil.apiKey', apiKey);
  loadIdentities();
  streamEvents();
};

$('apiKey').value = apiKey;
if (apiKey) { loadIdentities(); streamEvents(); } else setStatus('enter an API key', false);
