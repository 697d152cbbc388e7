#!/usr/bin/env bash
# Issue 25, re-run from outside: starts `unveil run` (embedded broker, every role, one looping camera of CelebA
# photos), runs the checks of Robustness.java against it (poison record, write races, upload bombs, slow clients) and
# samples the process's RSS every second. Results: OUT/results.txt (lines "RESULT name value"), OUT/rss.csv, OUT/run.log.
# Needs `mvn -DskipTests package` first and the shared data (UNVEIL_SHARED_DATA or ../shared/data).
# Usage: tools/robustness/run.sh [OUT] [CHECK...]   (checks: poison races bombs slow; default all)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(mkdir -p "${1:-/tmp/unveil-robustness}" && cd "${1:-/tmp/unveil-robustness}" && pwd)
shift || true
CHECKS=${*:-poison races bombs slow}
CP="$ROOT/deploy/target/unveil.jar:$ROOT/deploy/target/lib/*"
SHARED=${UNVEIL_SHARED_DATA:-$ROOT/../shared/data}
GALLERY_PORT=${GALLERY_PORT:-18080}
METRICS_PORT=${METRICS_PORT:-19464}
KEY=robustness-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
mapfile -t FACES < <(ls "$SHARED"/celeba-subset/images/*.jpg | head -8)
mkdir -p "$OUT/classes"
javac -nowarn -d "$OUT/classes" -cp "$CP" "$ROOT/tools/robustness/Robustness.java"   # once, not per check
tool() { java -cp "$OUT/classes:$CP" Robustness "$@"; }

[ -f "$OUT/camera.mp4" ] || tool video "$OUT/camera.mp4" "${FACES[@]}"
rm -rf "$OUT/data"
java -jar "$ROOT/deploy/target/unveil.jar" run --data-dir "$OUT/data" --metrics-port "$METRICS_PORT" \
  --camera lobby="$OUT/camera.mp4" --set camera.lobby.loop=true --set camera.lobby.realtime=true \
  --set gallery.port="$GALLERY_PORT" --set gallery.admin-key="$KEY" >"$OUT/run.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
echo "t_s,rss_mb" >"$OUT/rss.csv"
( t=0; while kill -0 $PID 2>/dev/null; do
    echo "$t,$(awk '/VmRSS/ {print int($2/1024)}' /proc/$PID/status 2>/dev/null)" >>"$OUT/rss.csv"; sleep 1; t=$((t+1)); done ) &
for i in $(seq 600); do
  curl -fs -o /dev/null "http://127.0.0.1:$METRICS_PORT/health" && break
  kill -0 $PID 2>/dev/null || { echo "unveil run exited:"; tail -20 "$OUT/run.log"; exit 1; }
  sleep 1
done
echo "RESULT startup_s $i" | tee "$OUT/results.txt"
ARGS=(--url "http://127.0.0.1:$GALLERY_PORT" --key "$KEY" --metrics "http://127.0.0.1:$METRICS_PORT" --data-dir "$OUT/data")
for f in "${FACES[@]}"; do ARGS+=(--face "$f"); done
for c in $CHECKS; do
  t0=$(date +%s)
  tool "$c" "${ARGS[@]}" 2>>"$OUT/tool.log" | tee -a "$OUT/results.txt" || echo "RESULT $c.failed see tool.log" | tee -a "$OUT/results.txt"
  echo "RESULT $c.wall_s $(( $(date +%s) - t0 ))" | tee -a "$OUT/results.txt"
done
echo "RESULT rss_peak_mb $(awk '/VmHWM/ {print int($2/1024)}' /proc/$PID/status)" | tee -a "$OUT/results.txt"
echo "RESULT rss_max_sampled_mb $(cut -d, -f2 "$OUT/rss.csv" | sort -n | tail -1)" | tee -a "$OUT/results.txt"
echo "RESULT stack_traces_in_log $(grep -c '^\s*at ' "$OUT/run.log" || true)" | tee -a "$OUT/results.txt"
