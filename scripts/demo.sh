#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Everything from nothing, then the client on the embedded demo: throwaway Dovecot and
# Postfix on 127.0.0.1 with a seeded mailbox. Closing the window stops the servers.
# Needs a display (DISPLAY or WAYLAND_DISPLAY); without one, e.g.: xvfb-run -a scripts/demo.sh
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$TIDINGS_SRC/scripts/setup.sh"
"$TIDINGS_SRC/scripts/build.sh" >/dev/null
exec "$TIDINGS_SRC/scripts/in-root.sh" "$TIDINGS_BUILD_DIR/bin/tidings-demo" "$@"
