#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Everything from nothing: set-up (build root included), build, then the whole test suite.
# Exits non-zero on any failure. Extra arguments go to ctest (e.g. -L unit, -R cli).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
t0=$(date +%s)
"$TIDINGS_SRC/scripts/setup.sh"
t1=$(date +%s)
"$TIDINGS_SRC/scripts/build.sh"
t2=$(date +%s)
status=0
# Benchmarks are run on their own (label bench), not as part of the suite.
"$TIDINGS_SRC/scripts/in-root.sh" ctest --test-dir "$TIDINGS_BUILD_DIR" --output-on-failure \
    -j "${TIDINGS_JOBS:-2}" -LE bench "$@" || status=$?
t3=$(date +%s)
tidings_log "set-up $((t1 - t0)) s, build $((t2 - t1)) s, tests $((t3 - t2)) s"
exit $status
