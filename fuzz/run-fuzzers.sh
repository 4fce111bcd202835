#!/bin/sh
# Build the fuzz targets (importers, project loader round trip, every report
# format; the whole core instrumented) with clang/libFuzzer and run each for
# SECONDS (default 30) from a random seed. Seeds come from tests/data.
# Skips cleanly (exit 0) when clang or libFuzzer is not available.
#
#   fuzz/run-fuzzers.sh 60      explore: random seed, 60 s per target
#   fuzz/run-fuzzers.sh ci      repeat: seed 1, a fixed number of runs
#
# CI uses "ci": a random search that fails on one machine and not on the
# next is a finding nobody can reproduce. With a fixed seed and run count,
# every machine tries the same inputs, so a CI failure fails here too.
# Exploring with random seeds and more time is a job for developers.
set -eu

MODE=${1:-30}
SRC=$(cd "$(dirname "$0")/.." && pwd)
# One build folder per checkout: a meson build folder builds the sources
# it was set up from, so a shared one would fuzz another checkout's code.
SRC_KEY=$(printf '%s' "$SRC" | cksum | cut -d ' ' -f 1)
BUILD=${FUZZ_BUILD_DIR:-${TMPDIR:-/tmp}/huella-fuzz-build-$SRC_KEY}
WORK=${FUZZ_WORK_DIR:-${TMPDIR:-/tmp}/huella-fuzz-work}

if ! command -v clang >/dev/null 2>&1; then
  echo "run-fuzzers: clang not found, skipping"
  exit 0
fi
probe=$(mktemp -d)
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n){(void)d;(void)n;return 0;}\n' \
  > "$probe/p.c"
if ! clang -fsanitize=fuzzer,address "$probe/p.c" -o "$probe/p" >/dev/null 2>&1; then
  echo "run-fuzzers: clang has no libFuzzer (-fsanitize=fuzzer), skipping"
  rm -rf "$probe"
  exit 0
fi
rm -rf "$probe"

if [ ! -f "$BUILD/build.ninja" ]; then
  CC=clang meson setup "$BUILD" "$SRC" -Dfuzzing=true -Dgtk=false --buildtype=debugoptimized
fi
# Regenerate first: the target list below is read from build.ninja, which
# an older build directory has without the newer targets.
ninja -C "$BUILD" build.ninja >/dev/null
ninja -C "$BUILD" $(cd "$BUILD" && ninja -t targets all | sed -n 's|^\(fuzz/fuzz-[a-z0-9-]*\): .*|\1|p' | sort -u)

rm -rf "$WORK"
mkdir -p "$WORK"
DATA="$SRC/tests/data"

seed() {
  target=$1; shift
  mkdir -p "$WORK/$target/corpus"
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$WORK/$target/corpus/" || true
  done
}
seed codecarbon "$DATA"/cc*
seed eco2ai "$DATA"/eco2ai*
seed eit "$DATA"/eit*data.json
seed detect "$DATA"/*
mkdir -p "$WORK/nvidia-smi/corpus" "$WORK/zeus/corpus" "$WORK/carbontracker/corpus"
printf 'timestamp, index, power.draw [W]\n2024/01/01 10:00:00.000, 0, 100.00 W\n2024/01/01 10:00:01.000, 0, [N/A]\n2024/01/01 10:00:02.000, 0, 120.5 W\n' \
  > "$WORK/nvidia-smi/corpus/seed.csv"
printf 'start_time,window_name,elapsed_time,gpu0_energy,gpu1_energy\n1700000000.5,epoch1,60.0,18000.0,36000.0\n' \
  > "$WORK/zeus/corpus/seed.csv"
# carbontracker targets read "standard log NUL output log".
for log in "$DATA"/*_carbontracker.log; do
  out=${log%_carbontracker.log}_carbontracker_output.log
  name=$(basename "$log")
  { cat "$log"; printf '\0'; [ -f "$out" ] && cat "$out"; } > "$WORK/carbontracker/corpus/$name"
done

# The project and report targets start from the example projects.
seed project "$SRC"/data/examples/*.huella
seed report "$SRC"/data/examples/*.huella

# Runs per target in "ci" mode: about 10 s each on a 2-core machine
# (measured with 60 s runs under load on 2026-12-01; the targets differ
# in speed by four orders of magnitude).
ci_runs() {
  case $1 in
    import-codecarbon) echo 8000 ;;
    import-carbontracker) echo 5000 ;;
    import-eit) echo 800 ;;
    import-eco2ai) echo 12000 ;;
    import-nvidia-smi) echo 30000 ;;
    import-zeus) echo 50000 ;;
    import-detect) echo 1000000 ;;
    project) echo 60000 ;;
    report) echo 800 ;;
    *) echo 1000 ;;
  esac
}

status=0
failures=""
# Leaks that are not ours (fontconfig's caches, which every report with
# text reaches) are listed in the suite's suppressions file.
LSAN_OPTIONS="suppressions=$SRC/tests/sanitizers/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS
for target in ${FUZZ_TARGETS:-import-codecarbon import-carbontracker import-eit import-eco2ai \
              import-nvidia-smi import-zeus import-detect project report}; do
  dir=${target#import-}
  if [ "$MODE" = ci ]; then
    runs=$(ci_runs "$target")
    echo "== fuzz-$target: seed 1, $runs runs"
    limit="-seed=1 -runs=$runs"
  else
    echo "== fuzz-$target for ${MODE}s"
    limit="-max_total_time=$MODE"
  fi
  # $limit is two words on purpose.
  # shellcheck disable=SC2086
  if ! (cd "$WORK/$dir" && "$BUILD/fuzz/fuzz-$target" $limit \
      -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$WORK/$dir/" corpus); then
    status=1
    failures="$failures $target"
  fi
done

# A crash found on a CI machine is lost with that machine, so the summary
# carries what is needed to reproduce it here: the sanitizer's report and
# the input itself (base64, when small enough to paste).
if [ -n "$failures" ]; then
  echo "== failures:$failures"
  for target in $failures; do
    dir=${target#import-}
    for artifact in "$WORK/$dir"/crash-* "$WORK/$dir"/leak-* "$WORK/$dir"/timeout-* \
                    "$WORK/$dir"/oom-* "$WORK/$dir"/slow-unit-*; do
      [ -f "$artifact" ] || continue
      size=$(wc -c < "$artifact")
      echo "-- fuzz-$target: $(basename "$artifact") ($size bytes)"
      if [ "$size" -le 16384 ]; then
        base64 "$artifact"
      fi
    done
  done
fi
exit $status
