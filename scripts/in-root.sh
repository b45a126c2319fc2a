#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one command in the build environment: natively on a Debian 13 host, otherwise inside
# the Debian 13 build root through unshare + chroot. The checkout is bind-mounted at the same
# absolute path; every mount lives in a private mount namespace and dies with the command.
# Usage: scripts/in-root.sh [--no-setup] CMD [ARGS...]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

if [ "${1:-}" = --no-setup ]; then shift; fi
if tidings_host_is_native || [ -e /.tidings-build-root ]; then
    exec "$@"
fi
root=$TIDINGS_BUILDROOT
[ -e "$root/.tidings-bootstrapped" ] || { tidings_log "no build root at $root: run scripts/setup.sh"; exit 1; }
touch "$root/.tidings-build-root"

# Only what a build, test or GUI needs crosses into the root.
envs=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
      LANG=C.UTF-8 TERM="${TERM:-dumb}")
for v in CI DISPLAY WAYLAND_DISPLAY XDG_RUNTIME_DIR CTEST_PARALLEL_LEVEL TIDINGS_KEEP_SERVERS TIDINGS_BENCH_MESSAGES TIDINGS_BENCH_STORAGE TIDINGS_BENCH_QUICK \
         QT_QPA_PLATFORM QT_DEBUG_PLUGINS TIDINGS_CONFIG_DIR CMAKE_BUILD_TYPE; do
    [ -n "${!v:-}" ] && envs+=("$v=${!v}")
done
xauth_file=${XAUTHORITY:-$HOME/.Xauthority}
[ -n "${DISPLAY:-}" ] && [ -f "$xauth_file" ] && envs+=("XAUTHORITY=$xauth_file")

exec unshare --mount --propagation private --fork -- /bin/bash -c '
set -e
root=$1 src=$2 cwd=$3 xauth=$4; shift 4
mount --bind /proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --bind /sys "$root/sys"
mkdir -p "$root$src" && mount --bind "$src" "$root$src"
if [ -d /tmp/.X11-unix ]; then mkdir -p "$root/tmp/.X11-unix" && mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"; fi
if [ -n "$xauth" ] && [ -f "$xauth" ]; then
    mkdir -p "$root$(dirname "$xauth")" && touch "$root$xauth" && mount --bind "$xauth" "$root$xauth"
fi
if [ -n "${XDG_RUNTIME_DIR:-}" ] && [ -d "$XDG_RUNTIME_DIR" ]; then
    mkdir -p "$root$XDG_RUNTIME_DIR" && mount --bind "$XDG_RUNTIME_DIR" "$root$XDG_RUNTIME_DIR"
fi
case "$cwd" in "$src"*) ;; *) cwd=$src ;; esac
exec chroot "$root" /bin/bash -c "cd \"\$0\" && exec env -i \"\$@\"" "$cwd" "$@"
' tidings-root "$root" "$TIDINGS_SRC" "$PWD" "$( [ -n "${DISPLAY:-}" ] && echo "$xauth_file" )" "${envs[@]}" "$@"
