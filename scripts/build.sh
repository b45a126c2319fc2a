#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Configures and builds in build/ inside the build environment. Two cores: two jobs.
# CI builds (CI set and not "false") treat warnings as errors.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
werror=OFF
case "${CI:-}" in "" | false) ;; *) werror=ON ;; esac
"$TIDINGS_SRC/scripts/in-root.sh" cmake -S "$TIDINGS_SRC" -B "$TIDINGS_BUILD_DIR" -G Ninja \
    -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" -DTIDINGS_WERROR=$werror >/dev/null
"$TIDINGS_SRC/scripts/in-root.sh" cmake --build "$TIDINGS_BUILD_DIR" -j "${TIDINGS_JOBS:-2}"
