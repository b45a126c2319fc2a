# SPDX-License-Identifier: GPL-3.0-or-later
# Shared settings for the set-up, build, test and demo scripts. Sourced, not run.

TIDINGS_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The build root lives outside the checkout so a fresh clone reuses it.
TIDINGS_BUILDROOT=${TIDINGS_BUILDROOT:-/var/cache/tidings/trixie-root}
TIDINGS_BUILD_DIR=${TIDINGS_BUILD_DIR:-$TIDINGS_SRC/build}

# Everything a build, a test run and the demo need (Debian 13 package names).
TIDINGS_PACKAGES=(
    build-essential cmake ninja-build pkgconf git ca-certificates
    qt6-base-dev qt6-webengine-dev qt6-networkauth-dev qt6-tools-dev qt6-l10n-tools
    qt6-tools-dev-tools libqt6sql6-sqlite libsqlite3-dev qt6-qpa-plugins qt6-wayland
    libkimap-dev libkmime-dev libksmtp-dev qtkeychain-qt6-dev
    libsasl2-modules libsasl2-modules-kdexoauth2
    dovecot-imapd dovecot-lmtpd postfix openssl
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
    fonts-dejavu-core fonts-noto-core procps psmisc iproute2 poppler-utils
    neomutt time
)

tidings_log() { printf '[tidings] %s\n' "$*" >&2; }

# True when this host itself provides the Debian 13 package set.
tidings_host_is_native() {
    [ "${TIDINGS_NATIVE:-}" = 1 ] && return 0
    [ -r /etc/os-release ] || return 1
    local id version
    id=$(. /etc/os-release; echo "${ID:-}")
    version=$(. /etc/os-release; echo "${VERSION_ID:-0}")
    case "$id" in
        debian) [ "${version%%.*}" -ge 13 ] 2>/dev/null ;;
        ubuntu) [ "${version%%.*}" -ge 25 ] 2>/dev/null ;;
        *) return 1 ;;
    esac
}

# The Debian archive URL of the host's own apt configuration (first non-security entry).
tidings_host_mirror() {
    local url
    url=$( { cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ {print $2}';
             cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
                 awk '$1=="deb" {for (i=2;i<=NF;i++) if ($i ~ /^https?:/) {print $i; break}}'; } |
           grep -v -e security -e nodesource -e google | grep -i debian | head -n1)
    [ -n "$url" ] || { tidings_log "no Debian archive found in the host's apt configuration"; return 1; }
    echo "$url"
}
