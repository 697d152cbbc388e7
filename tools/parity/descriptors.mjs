// Parity fixtures for the recognizer: face-api's own 128-D descriptors (FaceRecognitionNet on tfjs-wasm) of real
// images from ../shared/data, whole images as input (so face-api's pad-to-square + bilinear-150 path is exercised on
// non-square photos too). Writes recognize/src/test/resources/parity/descriptors-<set>.json.
//   cd tools/parity && npm ci --ignore-scripts && node descriptors.mjs
import fs from 'node:fs';
import path from 'node:path';
import { faceapi, tf, initWasm, loadNets, readImage, sharedData as sharedDataDir, repoRoot } from './common.mjs';

const SETS = { 'dlib-johns': 0, bbt: 0, 'celeba-subset': 12, orl: 4, yale: 4 };
const sharedData = sharedDataDir();

/** The first `count` files of a labelled set (labels.csv, sorted by file; 0 = all). */
export function setFiles(set, count) {
  const csv = fs.readFileSync(path.join(sharedData, set, 'labels.csv'), 'utf8').trim().split('\n').slice(1);
  const files = csv.map((l) => l.slice(0, l.lastIndexOf(',')).trim()).sort();
  return count ? files.slice(0, count) : files;
}

const backend = await initWasm();
await loadNets(['face_recognition_model']);
const net = faceapi.nets.faceRecognitionNet;
const outDir = path.join(repoRoot, 'recognize/src/test/resources/parity');
fs.mkdirSync(outDir, { recursive: true });
for (const [set, count] of Object.entries(SETS)) {
  if (!fs.existsSync(path.join(sharedData, set))) throw new Error(`missing ${set} under ${sharedData}`);
  const items = [];
  for (const file of setFiles(set, count)) {
    const img = readImage(path.join(sharedData, set, file));
    const d = await net.computeFaceDescriptor(img.tensor);
    items.push({ file, width: img.width, height: img.height, descriptor: Array.from(d) });
    img.tensor.dispose();
  }
  const fixture = {
    generator: 'tools/parity/descriptors.mjs', set, faceApi: '@vladmandic/face-api@1.7.15', tfjs: tf.version_core,
    backend, decoder: '@cwasm/jpeg-turbo + pngjs (pixel-identical to OpenCV imdecode)',
    input: 'whole image file -> face-api computeFaceDescriptor (pad to square, bilinear 150, mean, /255)', items,
  };
  fs.writeFileSync(path.join(outDir, `descriptors-${set}.json`), JSON.stringify(fixture) + '\n');
  console.log(`${set}: ${items.length} descriptors`);
}
