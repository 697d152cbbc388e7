// Unveil web page: camera snapshots (latest frame per camera with the boxes of its recent events), visits (one row per camera track), filters, people and their visits, "this is X" on an unknown,
// enrollment with upload progress, rename and delete. Plain JS, no external resources (the CSP allows none).
'use strict';
const API = '/api/v1';
const $ = (id) => document.getElementById(id);
// The key lives in this tab's sessionStorage only: localStorage kept an admin key on disk for every later visitor of
// the browser profile. A key saved there by an earlier version is removed.
localStorage.removeItem('unveil.apiKey');
let apiKey = sessionStorage.getItem('unveil.apiKey') || '';
let streamAbort = null;
let people = [];
const visits = new Map();
const cameras = new Set();
let filter = {};
// unknown id -> the person an operator said it is ("this is X"), for this tab: the events already recorded keep the
// unknown id (the recognizer's RETROACTIVE events name later sightings)
const identified = new Map();
// Rows kept on the page: a visit is a few events, so this covers the events the API returns at once (500).
const MAX_VISITS = 300;

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

function postJson(path, body, method = 'POST') {
  return api(path, {method, headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
}

// A multipart upload with progress (fetch reports none): resolves with the JSON body, rejects like api().
function upload(path, form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', API + path);
    xhr.setRequestHeader('X-Api-Key', apiKey);
    xhr.upload.onprogress = (ev) => { if (ev.lengthComputable) onProgress(ev.loaded / ev.total); };
    xhr.onload = () => {
      let body;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = {reason: xhr.statusText}; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else { const err = new Error(body.reason || ('HTTP ' + xhr.status)); err.body = body; reject(err); }
    };
    xhr.onerror = () => reject(new Error('upload failed: the service could not be reached'));
    xhr.send(form);
  });
}

function text(tag, value, cls) {
  const el = document.createElement(tag);
  el.textContent = value;
  if (cls) el.className = cls;
  return el;
}

function button(label, cls, onClick) {
  const b = text('button', label, cls);
  b.type = 'button';
  b.onclick = onClick;
  return b;
}

// An image only when there is one: an <img> without a picture showed as a black square or a broken image.
function thumb(b64, label, cls) {
  if (!b64) return null;
  const img = document.createElement('img');
  img.alt = label;
  img.title = label;
  if (cls) img.className = cls;
  img.src = 'data:image/png;base64,' + b64;
  return img;
}

function clock(ms) {
  return new Date(ms).toLocaleTimeString();
}

// ---- visits: one row per camera track, built from its events ----

function visitKey(e) {
  return e.cameraId + '/' + e.trackId;
}

function addEvent(map, e) {
  const k = visitKey(e);
  let v = map.get(k);
  if (!v) {
    v = {key: k, camera: e.cameraId, track: e.trackId, first: e.captureTimeMs, last: e.captureTimeMs, decision: null,
      face: null, faceScore: -2, repaired: null, occlusion: 0, inpainted: false, retro: false, events: 0};
    map.set(k, v);
  }
  v.events++;
  v.first = Math.min(v.first, e.captureTimeMs);
  v.last = Math.max(v.last, e.captureTimeMs);
  // the latest decision wins; a retroactive match names a past unknown
  if (!v.decision || e.retroactive || e.captureTimeMs >= v.decision.captureTimeMs) v.decision = e;
  if (e.retroactive) v.retro = true;
  const t = e.thumbnails || {};
  if (t.aligned && e.similarity > v.faceScore) { v.face = t.aligned; v.faceScore = e.similarity; }
  if (e.inpainted && t.repaired) v.repaired = t.repaired;
  v.occlusion = Math.max(v.occlusion, e.occlusionRatio || 0);
  v.inpainted = v.inpainted || !!e.inpainted;
  cameras.add(e.cameraId);
  rememberBox(e);
  return v;
}

// ---- cameras: the latest frame of each camera (GET /cameras), refreshed while the tab is visible ----

const SNAPSHOT_EVERY_MS = 3000;
// Boxes of events captured this close to a snapshot's frame are drawn on it (the service samples frames every 2 s).
const BOX_WINDOW_MS = 2500;
const BOXES_PER_CAMERA = 20;
// the SVG namespace, as the HTML parser gave it to the page's <svg> template (no URL spelled out in the page's code)
const SVG = $('svgTemplate').content.firstElementChild.namespaceURI;
const recentBoxes = new Map();
let snapshotTimer = null;

function rememberBox(e) {
  if (!e.box || e.retroactive) return;
  const list = recentBoxes.get(e.cameraId) || [];
  list.push({box: e.box, at: e.captureTimeMs, label: e.name || e.unknownId || 'unknown', unknown: !e.identityId});
  while (list.length > BOXES_PER_CAMERA) list.shift();
  recentBoxes.set(e.cameraId, list);
}

// <img> cannot send the X-Api-Key header: the snapshot is fetched and shown as a data: URL (the CSP allows those).
async function snapshotImage(c) {
  const res = await fetch(c.snapshot, {headers: {'X-Api-Key': apiKey}});
  if (!res.ok) throw new Error('snapshot of ' + c.cameraId + ': HTTP ' + res.status);
  const blob = await res.blob();
  const img = document.createElement('img');
  img.alt = 'latest frame of camera ' + c.cameraId;
  img.src = await new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
  await img.decode(); // in the page only once it shows
  return img;
}

async function cameraTile(c) {
  const fig = document.createElement('figure');
  fig.className = 'camera';
  fig.dataset.camera = c.cameraId;
  const frame = document.createElement('div');
  frame.className = 'frame';
  frame.append(await snapshotImage(c));
  // boxes in an SVG laid over the image in the frame's own pixels (attributes, not inline styles: the CSP allows none)
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 ' + (c.frameWidth || 1) + ' ' + (c.frameHeight || 1));
  svg.setAttribute('preserveAspectRatio', 'none');
  for (const b of recentBoxes.get(c.cameraId) || []) {
    if (Math.abs(b.at - c.captureTimeMs) > BOX_WINDOW_MS || !c.frameWidth || !c.frameHeight) continue;
    const rect = document.createElementNS(SVG, 'rect');
    for (const [k, v] of Object.entries({x: b.box.x, y: b.box.y, width: b.box.width, height: b.box.height})) rect.setAttribute(k, v);
    rect.setAttribute('class', 'box' + (b.unknown ? ' unknown' : ''));
    rect.dataset.label = b.label;
    const tip = document.createElementNS(SVG, 'title');
    tip.textContent = b.label;
    rect.append(tip);
    svg.append(rect);
  }
  frame.append(svg);
  fig.append(frame, text('figcaption', c.cameraId + ' · ' + clock(c.captureTimeMs)));
  return fig;
}

async function loadCameras() {
  clearTimeout(snapshotTimer);
  if (!document.hidden) {
    try {
      const list = await api('/cameras');
      list.forEach((c) => cameras.add(c.cameraId));
      fillCameras();
      const tiles = await Promise.all(list.map(cameraTile));
      $('cameraStrip').replaceChildren(...tiles);
      $('camerasState').textContent = list.length ? '' : '(no camera has sent a frame yet)';
    } catch (e) {
      $('camerasState').textContent = '(' + e.message + ')';
    }
  }
  snapshotTimer = setTimeout(loadCameras, SNAPSHOT_EVERY_MS);
}

function renderVisit(v) {
  let d = v.decision;
  let was = null;
  if (!d.identityId && identified.has(d.unknownId)) {
    was = d.unknownId;
    d = Object.assign({}, d, identified.get(d.unknownId), {unknownId: null});
  }
  const person = d.identityId && people.find((p) => p.id === d.identityId);
  if (person && person.name !== d.name) d = Object.assign({}, d, {name: person.name}); // renamed since the event
  const unknown = !d.identityId;
  const row = document.createElement('div');
  row.className = 'visit' + (unknown ? ' unknown' : '');
  row.dataset.key = v.key;
  if (unknown && d.unknownId) row.dataset.unknownId = d.unknownId;
  const face = thumb(v.face, 'best face of this visit', 'face');
  if (face) row.append(face);
  const repaired = thumb(v.repaired, 'the face as repaired by inpainting', 'repaired');
  if (repaired) row.append(repaired);
  const who = document.createElement('span');
  who.className = 'who';
  if (unknown) {
    who.append(text('span', d.unknownId || 'unknown'));
    if (d.unknownId) who.append(' ', button('This is…', 'link identify', () => openIdentify(d.unknownId)));
  } else {
    who.append(button(d.name, 'link person', () => openPerson(d.identityId)));
    if (was) who.append(text('span', ' (was ' + was + ')', 'when'));
  }
  row.append(who);
  const secs = Math.round((v.last - v.first) / 1000);
  row.append(text('span', 'camera ' + v.camera + ' · ' + clock(v.first) + (secs > 0 ? ' – ' + clock(v.last) + ' (' + secs + ' s)' : '')
    + ' · similarity ' + d.similarity.toFixed(2), 'when'));
  const badges = document.createElement('span');
  if (v.occlusion > 0) badges.append(text('span', 'occluded ' + Math.round(v.occlusion * 100) + '%', 'badge occluded'));
  if (v.inpainted) badges.append(text('span', 'repaired', 'badge repaired'));
  if (v.retro) badges.append(text('span', 'named later', 'badge retro'));
  row.append(badges);
  return row;
}

function renderVisits(container, map) {
  const list = [...map.values()].sort((a, b) => b.last - a.last).slice(0, MAX_VISITS);
  container.replaceChildren(...list.map(renderVisit));
  if (!list.length) container.append(text('p', 'no visits yet', 'when'));
}

function visitsOf(events) {
  const map = new Map();
  events.slice().reverse().forEach((e) => addEvent(map, e));
  return map;
}

// ---- filters: camera, person (or unknown only) and since through the API, the end of the range here ----

function readFilters() {
  const from = $('fFrom').value ? new Date($('fFrom').value).getTime() : null;
  const to = $('fTo').value ? new Date($('fTo').value).getTime() : null;
  const person = $('fPerson').value;
  return {camera: $('fCamera').value || null, identity: person && person !== '?unknown' ? person : null,
    unknownOnly: person === '?unknown', from, to};
}

function query(f) {
  const q = new URLSearchParams({limit: '500'});
  if (f.camera) q.set('camera', f.camera);
  if (f.identity) q.set('identity', f.identity);
  if (f.from) q.set('since', String(f.from));
  return q.toString();
}

function matches(e, f) {
  return (!f.camera || e.cameraId === f.camera) && (!f.identity || e.identityId === f.identity)
    && (!f.unknownOnly || !e.identityId) && (!f.from || e.captureTimeMs >= f.from) && (!f.to || e.captureTimeMs <= f.to);
}

async function loadVisits() {
  const events = await api('/events?' + query(filter));
  visits.clear();
  events.slice().reverse().filter((e) => matches(e, filter)).forEach((e) => addEvent(visits, e));
  renderVisits($('visits'), visits);
  fillCameras();
}

// The camera filter lists every camera the page knows of: those with a snapshot (GET /cameras, so a camera that sent
// frames but no face yet can be picked) and those seen in events, once each, sorted; the choice made is kept.
function fillCameras() {
  const sel = $('fCamera');
  const want = [...cameras].sort();
  // unchanged: left alone, so the snapshot refresh every 3 s does not rebuild a list the user may have open
  if ([...sel.options].slice(1).map((o) => o.value).join('\n') === want.join('\n')) return;
  const value = sel.value;
  while (sel.options.length > 1) sel.remove(1);
  for (const c of want) sel.append(new Option(c, c));
  sel.value = value;
}

function fillPeople(sel, keep) {
  const value = sel.value;
  while (sel.options.length > keep) sel.remove(keep);
  for (const p of people) sel.append(new Option(p.name, p.id));
  sel.value = [...sel.options].some((o) => o.value === value) ? value : '';
}

$('filters').addEventListener('submit', (ev) => {
  ev.preventDefault();
  filter = readFilters();
  loadVisits().catch((e) => setStatus(e.message, false));
});

$('fClear').onclick = () => {
  $('filters').reset();
  filter = {};
  loadVisits().catch((e) => setStatus(e.message, false));
};

// ---- "this is X" on an unknown ----

let identifying = null;

function openIdentify(unknownId) {
  identifying = unknownId;
  $('identifyTitle').textContent = unknownId + ' is ';
  fillPeople($('identifyPerson'), 1);
  $('identifyName').value = '';
  $('identifyNameLabel').hidden = false;
  $('identifyBox').hidden = false;
  $('identifyName').focus();
}

$('identifyPerson').onchange = () => { $('identifyNameLabel').hidden = $('identifyPerson').value !== ''; };
$('identifyCancel').onclick = () => { $('identifyBox').hidden = true; };

$('identifyForm').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const target = $('identifyPerson').value;
  const body = target ? {identityId: target} : {name: $('identifyName').value};
  try {
    const res = await postJson('/unknowns/' + encodeURIComponent(identifying) + '/identify', body);
    identified.set(identifying, {identityId: res.identity.id, name: res.identity.name});
    renderVisits($('visits'), visits);
    const alike = (res.similarIdentities || []).map((s) => s.name + ' (' + s.similarity.toFixed(2) + ')');
    setStatus(identifying + ' is now ' + res.identity.name + ' (' + res.added + ' of ' + res.faces + ' faces enrolled)'
      + (alike.length ? '; looks like ' + alike.join(', ') + ': the cameras could name one as the other' : ''), !alike.length);
    $('identifyBox').hidden = true;
    loadIdentities();
  } catch (e) {
    const details = e.body && Array.isArray(e.body.details) ? ': ' + e.body.details.map((d) => d.reason).join(', ') : '';
    setStatus(e.message + details, false);
  }
});

// ---- people ----

let shownPerson = null;

async function openPerson(id) {
  try {
    const p = await api('/identities/' + encodeURIComponent(id));
    shownPerson = p;
    $('personName').textContent = p.name;
    $('personFacts').textContent = p.count + ' enrolled photo' + (p.count === 1 ? '' : 's') + ' · quality ' + (p.meanQuality || 0).toFixed(2)
      + ' · enrolled ' + new Date(p.createdMs).toLocaleString() + (p.metadata && p.metadata.from ? ' · from ' + p.metadata.from : '') + ' · id ' + p.id;
    $('renameTo').value = p.name;
    $('person').hidden = false;
    const events = await api('/events?limit=200&identity=' + encodeURIComponent(id));
    renderVisits($('personVisits'), visitsOf(events));
    $('person').scrollIntoView({block: 'nearest'});
  } catch (e) { setStatus(e.message, false); }
}

$('personClose').onclick = () => { $('person').hidden = true; shownPerson = null; };

$('renameForm').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  if (!shownPerson) return;
  try {
    const p = await postJson('/identities/' + encodeURIComponent(shownPerson.id), {name: $('renameTo').value}, 'PATCH');
    for (const [u, who] of identified) if (who.identityId === p.id) identified.set(u, {identityId: p.id, name: p.name});
    await loadIdentities(); // visits show the current name of each person
    openPerson(p.id);
    setStatus('renamed to ' + p.name, true);
  } catch (e) { setStatus(e.message, false); }
});

async function loadIdentities() {
  const tbody = $('identities');
  try {
    people = await api('/identities');
    people.sort((a, b) => a.name.localeCompare(b.name));
    tbody.replaceChildren();
    for (const id of people) {
      const tr = document.createElement('tr');
      tr.dataset.id = id.id;
      const name = document.createElement('td');
      name.append(button(id.name, 'link person', () => openPerson(id.id)));
      const idCell = text('td', id.id, 'wide');
      tr.append(name, idCell, text('td', id.count), text('td', (id.meanQuality || 0).toFixed(2), 'wide'),
        text('td', new Date(id.updatedMs).toLocaleString(), 'wide'));
      const td = document.createElement('td');
      td.append(button('Delete', 'delete', async () => {
        if (!confirm('Delete ' + id.name + '?')) return;
        try {
          await api('/identities/' + encodeURIComponent(id.id), {method: 'DELETE'});
          setStatus('deleted ' + id.name, true);
          loadIdentities();
        } catch (e) { setStatus(e.message, false); }
      }));
      tr.append(td);
      tbody.append(tr);
    }
    $('galleryCount').textContent = '(' + people.length + ')';
    fillPeople($('fPerson'), 2);
    renderVisits($('visits'), visits);
    setStatus('connected', true);
  } catch (e) {
    setStatus(e.message, false);
  }
}

// POST /recognize: each face judged as a camera judges it (masked faces against the masked centroids); nothing is kept.
function whoIsLine(f, i) {
  const seen = f.condition === 'occluded' ? 'masked' + (f.region === 'eyes' ? ' (eyes)' : '') : 'plain';
  const how = seen + ', held to ' + f.threshold.toFixed(2) + (f.centroid && f.centroid !== 'plain' ? ' against the masked photos' : '');
  if (f.known) return text('li', 'face ' + (i + 1) + ': ' + f.name + ' — similarity ' + f.similarity.toFixed(2) + ' (' + how + ')', 'ok');
  const closest = f.closest ? '; closest ' + f.closest.name + ' ' + f.closest.similarity.toFixed(2) : '';
  return text('li', 'face ' + (i + 1) + ': unknown (' + how + closest + ')');
}

$('whoIsForm').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const form = new FormData();
  const file = $('whoIsImage').files[0];
  if (file) form.append('image', file, file.name);
  const out = $('whoIsResult');
  out.replaceChildren(text('li', 'finding the faces…'));
  try {
    const res = await upload('/recognize', form, () => {});
    if (!res.faces.length) out.replaceChildren(text('li', 'no face found on the photo', 'err'));
    else out.replaceChildren(...res.faces.map(whoIsLine));
  } catch (e) {
    out.replaceChildren(text('li', e.message, 'err'));
  }
});

$('enrollForm').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const form = new FormData();
  form.append('name', $('name').value);
  for (const f of $('images').files) form.append('images', f, f.name);
  const out = $('enrollResult');
  const bar = $('uploadProgress');
  bar.value = 0;
  bar.hidden = false;
  out.replaceChildren(text('li', 'uploading…'));
  try {
    const res = await upload('/identities', form, (share) => {
      bar.value = Math.round(share * 100);
      if (share >= 1) out.replaceChildren(text('li', 'uploaded; finding and checking the faces…'));
    });
    out.replaceChildren(text('li', 'enrolled ' + res.identity.name + ' (' + res.added + ' images)', 'ok'));
    for (const im of res.images) out.append(text('li', im.source + ': ' + im.status + (im.reason ? ' — ' + im.reason : ''),
      im.status === 'accepted' ? 'ok' : 'err'));
    for (const s of res.similarIdentities || []) out.append(text('li', 'looks like ' + s.name + ' (similarity '
      + s.similarity.toFixed(2) + '): the cameras could name one as the other; check the photos, or whether '
      + s.name + ' is the same person', 'err'));
    $('enrollForm').reset();
    loadIdentities();
  } catch (e) {
    out.replaceChildren(text('li', e.message, 'err'));
    const details = e.body && e.body.details;
    if (Array.isArray(details)) for (const im of details)
      out.append(text('li', im.source + ': ' + im.status + (im.reason ? ' — ' + im.reason : '') + (im.detail ? ' (' + im.detail + ')' : ''), 'err'));
  } finally {
    bar.hidden = true;
  }
});

// ---- live: Server-Sent Events over fetch (EventSource cannot send the X-Api-Key header) ----

function liveEvent(e) {
  if (!matches(e, filter)) return;
  const v = addEvent(visits, e);
  const box = $('visits');
  const old = box.querySelector('.visit[data-key="' + CSS.escape(v.key) + '"]');
  if (old) old.remove();
  const empty = box.querySelector('p');
  if (empty) empty.remove();
  box.prepend(renderVisit(v));
  while (box.children.length > MAX_VISITS) box.lastChild.remove();
  fillCameras();
}

async function streamEvents() {
  if (streamAbort) streamAbort.abort();
  streamAbort = new AbortController();
  const signal = streamAbort.signal;
  try {
    await loadVisits();
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
        const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
        if (data) liveEvent(JSON.parse(data));
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
  loadCameras();
};

$('apiKey').value = apiKey;
if (apiKey) { loadIdentities(); streamEvents(); loadCameras(); } else setStatus('enter an API key', false);
