// Runs face-api itself on real photos from ../shared/data and writes the JSON fixtures the Java parity tests compare
// against: detector/src/test/resources/parity/*.json. Usage: npm ci --ignore-scripts && node make-fixtures.mjs
import fs from 'node:fs';
import path from 'node:path';
import { faceapi, tf, initWasm, loadNets, readImage, sharedData, repoRoot, round, roundAll } from './common.mjs';

const out = path.join(repoRoot, 'detector', 'src', 'test', 'resources', 'parity');
const data = sharedData();

function labels(set) {
  const csv = path.join(data, set, 'labels.csv');
  if (!fs.existsSync(csv)) { // masked-faces: no identities, just images/
    return fs.readdirSync(path.join(data, set, 'images')).sort().map((f) => ({ file: `images/${f}`, identity: '' }));
  }
  return fs.readFileSync(csv, 'utf8').trim().split('\n').slice(1)
    .map((l) => { const i = l.lastIndexOf(','); return { file: l.slice(0, i), identity: l.slice(i + 1) }; });
}

/** A deterministic pick: every k-th labelled file. */
function every(list, k, max) {
  return list.filter((_, i) => i % k === 0).slice(0, max);
}

const INPUT_SIZE = 416;
const SCORE_THRESHOLD = 0.5;

async function analyzeFrame(set, file) {
  const img = readImage(path.join(data, set, file));
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize: INPUT_SIZE, scoreThreshold: SCORE_THRESHOLD });
  const results = await faceapi.detectAllFaces(img.tensor, options).withFaceLandmarks().withFaceDescriptors();
  const faces = results.map((r) => ({
    box: roundAll([r.detection.box.x, r.detection.box.y, r.detection.box.width, r.detection.box.height], 7),
    score: round(r.detection.score, 7),
    landmarks: roundAll(r.landmarks.positions.flatMap((p) => [p.x, p.y]), 7),
    // the axis-aligned crop face-api computes its own descriptor from (landmarks' bounding box grown by 20%)
    alignedBox: roundAll([r.alignedRect.box.x, r.alignedRect.box.y, r.alignedRect.box.width, r.alignedRect.box.height], 7),
    descriptor: roundAll(r.descriptor, 7),
  }));
  img.tensor.dispose();
  return { set, file, width: img.width, height: img.height, faces };
}

async function chip(set, file, identity) {
  const img = readImage(path.join(data, set, file));
  const landmarks = await faceapi.nets.faceLandmark68Net.detectLandmarks(img.tensor);
  const descriptor = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(img.tensor);
  img.tensor.dispose();
  return {
    set, file, identity, width: img.width, height: img.height,
    landmarks: roundAll(landmarks.positions.flatMap((p) => [p.x, p.y]), 7),
    descriptor: roundAll(descriptor, 7),
  };
}

async function main() {
  const backend = await initWasm();
  await loadNets();
  fs.mkdirSync(out, { recursive: true });
  const meta = {
    generator: 'tools/parity/make-fixtures.mjs',
    faceApi: '@vladmandic/face-api@1.7.15', tfjs: tf.version.tfjs, backend,
    tinyFaceDetector: { inputSize: INPUT_SIZE, scoreThreshold: SCORE_THRESHOLD, iouThreshold: 0.4 },
    note: 'boxes [x,y,w,h] in image pixels; landmarks 68 (x,y) interleaved in image pixels; descriptors 128-D',
  };

  const frames = [];
  const picks = [
    ['celeba-subset', every(labels('celeba-subset'), 397, 12)],
    ['masked-faces', every(labels('masked-faces'), 83, 12)],
    ['bbt', every(labels('bbt'), 5, 8)],
    ['yale', every(labels('yale'), 41, 4)],
  ];
  for (const [set, items] of picks) {
    for (const it of items) {
      const r = await analyzeFrame(set, it.file);
      frames.push(r);
      process.stderr.write(`\r${set} ${frames.length} frames`);
    }
  }
  process.stderr.write('\n');
  fs.writeFileSync(path.join(out, 'frames.json'), JSON.stringify({ meta, frames }));

  const chips = [];
  for (const it of labels('dlib-johns')) chips.push(await chip('dlib-johns', it.file, it.identity));
  fs.writeFileSync(path.join(out, 'dlib-johns-chips.json'), JSON.stringify({ meta, chips }));
  const faces = frames.reduce((n, f) => n + f.faces.length, 0);
  console.log(`wrote ${frames.length} frames (${faces} faces) and ${chips.length} dlib-johns chips to ${path.relative(repoRoot, out)}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
