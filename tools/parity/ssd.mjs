// Parity fixtures for the SSD-MobileNetV1 face detector: face-api's own detections (locateFaces, minConfidence 0.5,
// maxResults 100) on face-api's demo photos (multi-face) and real photos from ../shared/data (masked faces, CelebA).
// Writes detector/src/test/resources/parity/ssd-detections.json.   cd tools/parity && npm ci --ignore-scripts && node ssd.mjs
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { faceapi, tf, initWasm, readImage, sharedData, repoRoot } from './common.mjs';

const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve('@vladmandic/face-api/package.json'));
const MIN_CONFIDENCE = 0.5;
const MAX_RESULTS = 100;

function firstFiles(set, count) {
  const dir = path.join(sharedData(), set);
  const csv = path.join(dir, 'labels.csv');
  const files = fs.existsSync(csv)
    ? fs.readFileSync(csv, 'utf8').trim().split('\n').slice(1).map((l) => l.slice(0, l.lastIndexOf(',')).trim())
    : fs.readdirSync(path.join(dir, 'images')).map((f) => `images/${f}`);
  return files.sort().slice(0, count).map((file) => ({ source: set, file, path: path.join(dir, file) }));
}

const backend = await initWasm();
const manifestPath = path.join(pkgDir, 'model', 'ssd_mobilenetv1_model-weights_manifest.json');
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const bin = fs.readFileSync(path.join(pkgDir, 'model', manifest[0].paths[0]));
const net = faceapi.nets.ssdMobilenetv1;
net.loadFromWeightMap(tf.io.decodeWeights(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength), manifest[0].weights));

const inputs = [
  ...[1, 2, 3, 4, 5, 6].map((i) => ({ source: 'face-api-demo', file: `demo/sample${i}.jpg`, path: path.join(pkgDir, 'demo', `sample${i}.jpg`) })),
  ...firstFiles('masked-faces', 4),
  ...firstFiles('celeba-subset', 2),
];
const fixtures = [];
for (const input of inputs) {
  const img = readImage(input.path);
  const dets = await net.locateFaces(img.tensor, { minConfidence: MIN_CONFIDENCE, maxResults: MAX_RESULTS });
  fixtures.push({
    source: input.source, file: input.file, width: img.width, height: img.height,
    detections: dets.map((d) => ({ box: [d.box.x, d.box.y, d.box.width, d.box.height], score: d.score })),
  });
  img.tensor.dispose();
  console.log(`${input.source}/${input.file}: ${dets.length} faces`);
}
const out = path.join(repoRoot, 'detector', 'src', 'test', 'resources', 'parity', 'ssd-detections.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({
  generator: 'tools/parity/ssd.mjs', faceApi: '@vladmandic/face-api@1.7.15', tfjs: tf.version_core, backend,
  minConfidence: MIN_CONFIDENCE, maxResults: MAX_RESULTS, images: fixtures,
}, null, 1) + '\n');
