// Shared setup for the recognizer/SSD parity and benchmark scripts: loads face-api (node-wasm build) and sharp from
// $FACEAPI_NODE_DIR (see install-node-oracle.sh), decodes images exactly as the Java side does, loads weights with
// tf.io.decodeWeights from the package's own manifest + .bin.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const nodeDir = process.env.FACEAPI_NODE_DIR || path.join(os.homedir(), '.cache', 'unveil', 'node-oracle');
const require = createRequire(path.join(nodeDir, 'package.json'));
export const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
export const tf = faceapi.tf;
export const sharp = require('sharp');
export const sharpVersion = JSON.parse(fs.readFileSync(path.join(nodeDir, 'node_modules/sharp/package.json'))).version;
export const modelDir = path.join(nodeDir, 'node_modules/@vladmandic/face-api/model');
export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const sharedData = path.resolve(process.env.UNVEIL_SHARED_DATA || path.join(repoRoot, '../shared/data'));

export async function init() {
  await tf.setBackend('wasm');
  await tf.ready();
  return tf.getBackend();
}

/** Loads one face-api net from <modelDir>/<name>-weights_manifest.json. */
export function load(net, name) {
  const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, `${name}-weights_manifest.json`)));
  if (manifest.length !== 1 || manifest[0].paths.length !== 1) throw new Error(`${name}: expected one weights file`);
  const bin = fs.readFileSync(path.join(modelDir, manifest[0].paths[0]));
  const ab = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  net.loadFromWeightMap(tf.io.decodeWeights(ab, manifest[0].weights));
  return net;
}

/** RGB pixels of an image file (greyscale and alpha converted), as an int32 [h,w,3] tensor plus its size. */
export async function readImage(file) {
  const { data, info } = await sharp(file).toColourspace('srgb').removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`${file}: expected 3 channels, got ${info.channels}`);
  return { tensor: tf.tensor3d(new Int32Array(data), [info.height, info.width, 3], 'int32'), width: info.width, height: info.height };
}

/** The first `count` files of a labelled set (labels.csv order, sorted by file). */
export function setFiles(set, count) {
  const csv = fs.readFileSync(path.join(sharedData, set, 'labels.csv'), 'utf8').trim().split('\n').slice(1);
  const files = csv.map((l) => l.slice(0, l.lastIndexOf(',')).trim()).sort();
  return count ? files.slice(0, count) : files;
}
