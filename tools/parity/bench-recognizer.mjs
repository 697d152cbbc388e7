// Reference speed of face-api's recognizer on tfjs-wasm, for the Java/Node ratio in docs/benchmarks.md.
//   node tools/parity/bench-recognizer.mjs <labelled-set-dir> [faces=16] [rounds=5]
// Uses the first <faces> images of the set (labels.csv order, sorted), decoded with sharp (= OpenCV pixels), and
// prints one JSON line: median ms/face at batch 1 (computeFaceDescriptor per face, preprocessing included) and at
// batch 16 (one computeFaceDescriptor call on 16 faces), plus mean process CPU ms/face for each.
import path from 'node:path';
import fs from 'node:fs';
import { faceapi, tf, initWasm, loadNets, readImage } from './common.mjs';

const [setDir, facesArg, roundsArg] = process.argv.slice(2);
if (!setDir) throw new Error('usage: bench-recognizer.mjs <labelled-set-dir> [faces] [rounds]');
const faces = Number(facesArg || 16), rounds = Number(roundsArg || 5);
const files = fs.readFileSync(path.join(setDir, 'labels.csv'), 'utf8').trim().split('\n').slice(1)
  .map((l) => l.slice(0, l.lastIndexOf(',')).trim()).sort().slice(0, faces);
const backend = await initWasm();
await loadNets(['face_recognition_model']);
const net = faceapi.nets.faceRecognitionNet;
const inputs = files.map((f) => readImage(path.join(setDir, f)).tensor);

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
async function time(fn) { const t = process.hrtime.bigint(); await fn(); return Number(process.hrtime.bigint() - t) / 1e6; }

for (const x of inputs.slice(0, 3)) await net.computeFaceDescriptor(x); // warm-up
await net.computeFaceDescriptor(inputs);
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const single = [];
let c0 = cpuMs();
for (let r = 0; r < rounds; r++) for (const x of inputs) single.push(await time(() => net.computeFaceDescriptor(x)));
const batch1CpuMsPerFace = (cpuMs() - c0) / single.length;
const batch = [];
c0 = cpuMs();
for (let r = 0; r < rounds; r++) batch.push((await time(() => net.computeFaceDescriptor(inputs))) / inputs.length);
const batch16CpuMsPerFace = (cpuMs() - c0) / (rounds * inputs.length);
console.log(JSON.stringify({ backend, tfjs: tf.version_core, faces: inputs.length, rounds,
  batch1MsPerFace: median(single), batch16MsPerFace: median(batch), batch1CpuMsPerFace, batch16CpuMsPerFace }));
