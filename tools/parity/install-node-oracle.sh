#!/usr/bin/env bash
# Installs the Node parity oracle (face-api on tfjs-wasm; sharp only to decode images pixel-identically to OpenCV's
# imdecode, both libjpeg-turbo) into $FACEAPI_NODE_DIR (default ~/.cache/unveil/node-oracle). Never tfjs-node.
set -euo pipefail
DIR="${FACEAPI_NODE_DIR:-$HOME/.cache/unveil/node-oracle}"
mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || npm init -y >/dev/null
npm install --ignore-scripts --no-audit --no-fund \
  @tensorflow/tfjs@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0 @vladmandic/face-api@1.7.15 sharp@0.35.5
echo "node oracle ready in $DIR"
