#!/usr/bin/env bash
# The browser tests drive Debian's Chromium; a test tool's own browser download is not reachable.
set -u
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing: run 'sudo apt-get install -y chromium' (Debian) and try again." >&2
  exit 1
fi
echo "Installing Debian's chromium package (once per machine)..."
(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1
[ -x /usr/bin/chromium ] || { echo "Could not install chromium with apt-get." >&2; exit 1; }
