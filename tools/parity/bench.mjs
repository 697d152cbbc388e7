// Reference timings of face-api on tfjs-wasm for the Java benchmark (io.unveil.detector.bench.DetectorBenchmark runs
// this in the same run, on the same pixels). Usage:
//   node bench.mjs --frame frame640x480.png --crop face.png [--iterations 20] [--warmup 3]
// Prints one JSON object: detector ms/frame (TinyFaceDetector 416), landmarks ms/face at batch 1 and 16 (median wall
// ms and mean process CPU ms).
import { faceapi, tf, initWasm, loadNets, readImage } from './common.mjs';

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
}

// median wall ms and mean process CPU ms per call
async function time(fn, iterations, warmup, per = 1) {
  for (let i = 0; i < warmup; i++) await fn();
  const walls = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    walls.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const cpu = process.cpuUsage(cpu0);
  walls.sort((a, b) => a - b);
  return { wallMs: walls[Math.floor(walls.length / 2)] / per, cpuMs: (cpu.user + cpu.system) / 1000 / iterations / per };
}

async function main() {
  const iterations = Number(arg('iterations', 20));
  const warmup = Number(arg('warmup', 3));
  const backend = await initWasm();
  await loadNets(['tiny_face_detector_model', 'face_landmark_68_model']);
  const frame = readImage(arg('frame'));
  const crop = readImage(arg('crop'));
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 });
  const detMs = await time(async () => faceapi.nets.tinyFaceDetector.locateFaces(frame.tensor, options), iterations, warmup);
  const lm1 = await time(async () => faceapi.nets.faceLandmark68Net.detectLandmarks(crop.tensor), iterations, warmup);
  const batch = Array(16).fill(crop.tensor);
  const lm16 = await time(async () => faceapi.nets.faceLandmark68Net.detectLandmarks(batch), Math.max(2, Math.floor(iterations / 4)), 3, 16);
  const faces = (await faceapi.nets.tinyFaceDetector.locateFaces(frame.tensor, options)).length;
  console.log(JSON.stringify({
    backend, tfjs: tf.version.tfjs,
    frame: [frame.width, frame.height], facesInFrame: faces, iterations,
    detector: detMs, landmarksBatch1: lm1, landmarksBatch16: lm16,
  }));
}

main().catch((e) => { console.error(e); process.exit(1); });
