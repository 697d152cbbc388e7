// Shared by make-fixtures.mjs and bench.mjs: face-api 1.7.15 on tfjs 4.22.0 with the WASM backend (never tfjs-node),
// weights decoded with tf.io.decodeWeights from the package's own manifests, images decoded with libjpeg-turbo (wasm)
// and pngjs so the pixels are bit-identical to what OpenCV's imdecode gives the Java port.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import jpegTurbo from '@cwasm/jpeg-turbo';
import { PNG } from 'pngjs';

const require = createRequire(import.meta.url);
export const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
export const tf = faceapi.tf;

export function sharedData() {
  const p = process.env.UNVEIL_SHARED_DATA || path.resolve(repoRoot, '..', 'shared', 'data');
  if (!fs.existsSync(p)) throw new Error(`shared data not found at ${p} (set UNVEIL_SHARED_DATA)`);
  return p;
}

export async function initWasm() {
  const wasmDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  faceapi.tf.setWasmPaths(wasmDir + path.sep);
  await faceapi.tf.setBackend('wasm');
  await faceapi.tf.ready();
  return faceapi.tf.getBackend();
}

const modelDir = path.dirname(require.resolve('@vladmandic/face-api/model/tiny_face_detector_model-weights_manifest.json'));

async function weightMap(name) {
  const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, `${name}-weights_manifest.json`), 'utf8'));
  const specs = manifest.flatMap((g) => g.weights);
  const buffers = manifest.flatMap((g) => g.paths.map((p) => fs.readFileSync(path.join(modelDir, p))));
  const buf = Buffer.concat(buffers);
  return tf.io.decodeWeights(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), specs);
}

export async function loadNets(which = ['tiny_face_detector_model', 'face_landmark_68_model', 'face_recognition_model']) {
  const nets = {
    tiny_face_detector_model: faceapi.nets.tinyFaceDetector,
    face_landmark_68_model: faceapi.nets.faceLandmark68Net,
    face_recognition_model: faceapi.nets.faceRecognitionNet,
  };
  for (const n of which) nets[n].loadFromWeightMap(await weightMap(n));
}

/** RGB int32 tensor [h,w,3] of a JPEG or PNG file (greyscale and RGBA become RGB, as OpenCV IMREAD_COLOR does). */
export function readImage(file) {
  const bytes = fs.readFileSync(file);
  let width; let height; let rgba;
  if (bytes[0] === 0x89 && bytes[1] === 0x50) {
    const png = PNG.sync.read(bytes);
    ({ width, height } = png);
    rgba = png.data;
  } else {
    const img = jpegTurbo.decode(bytes);
    ({ width, height } = img);
    rgba = img.data;
  }
  const rgb = new Int32Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    rgb[3 * i] = rgba[4 * i];
    rgb[3 * i + 1] = rgba[4 * i + 1];
    rgb[3 * i + 2] = rgba[4 * i + 2];
  }
  return { width, height, tensor: tf.tensor3d(rgb, [height, width, 3], 'int32') };
}

export const round = (v, digits = 6) => Number(v.toPrecision(digits));
export const roundAll = (arr, digits = 6) => Array.from(arr, (v) => round(v, digits));
