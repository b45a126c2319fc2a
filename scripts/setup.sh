#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Idempotent set-up, run as root. On a host with the Debian 13 package set it installs the
# packages natively; on Debian 12 it creates (once) a Debian 13 build root with debootstrap
# and installs the package list into it every time (apt is a no-op when nothing changed).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

[ "$(id -u)" = 0 ] || { tidings_log "set-up must run as root (it installs packages)"; exit 1; }
export DEBIAN_FRONTEND=noninteractive

install_missing() {  # runs apt only when a package is missing
    local runner=("$@") missing
    missing=$("${runner[@]}" dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${TIDINGS_PACKAGES[@]}" 2>/dev/null |
        awk '$2!="installed" {print $1}' || true)
    # dpkg-query omits packages it has never heard of: count those too.
    local known
    known=$("${runner[@]}" dpkg-query -W -f='${Package}\n' "${TIDINGS_PACKAGES[@]}" 2>/dev/null || true)
    for p in "${TIDINGS_PACKAGES[@]}"; do
        grep -qx "$p" <<<"$known" || missing+=" $p"
    done
    if [ -z "${missing// /}" ]; then
        tidings_log "all ${#TIDINGS_PACKAGES[@]} packages present"
        return 0
    fi
    tidings_log "installing:$(echo $missing | tr '\n' ' ')"
    "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${TIDINGS_PACKAGES[@]}" ||
        { "${runner[@]}" apt-get update && "${runner[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y --no-install-recommends "${TIDINGS_PACKAGES[@]}"; }
}

if tidings_host_is_native; then
    tidings_log "native host: installing packages here"
    install_missing
    exit 0
fi

root=$TIDINGS_BUILDROOT
start=$(date +%s)
if [ ! -e "$root/.tidings-bootstrapped" ]; then
    command -v debootstrap >/dev/null || { apt-get install -y debootstrap || { apt-get update && apt-get install -y debootstrap; }; }
    mirror=$(tidings_host_mirror)
    tidings_log "creating Debian 13 build root in $root"
    rm -rf "$root"
    mkdir -p "$root"
    debootstrap --variant=minbase trixie "$root" "$mirror"
    echo "deb $mirror trixie main" >"$root/etc/apt/sources.list"
    # Package scripts must not start services (Dovecot, Postfix) inside the root.
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod 755 "$root/usr/sbin/policy-rc.d"
    echo 'APT::Install-Recommends "false";' >"$root/etc/apt/apt.conf.d/90tidings"
    touch "$root/.tidings-bootstrapped"
    tidings_log "debootstrap took $(( $(date +%s) - start )) s"
fi
cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
echo 'postfix postfix/main_mailer_type select No configuration' |
    "$TIDINGS_SRC/scripts/in-root.sh" --no-setup debconf-set-selections
install_missing "$TIDINGS_SRC/scripts/in-root.sh" --no-setup
tidings_log "set-up done in $(( $(date +%s) - start )) s"
