#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine, and nothing twice:
#   pnpm (from the npm registry: corepack cannot verify it here), the workspace's dependencies,
#   and with --browser Debian's Chromium for the browser tests (Playwright cannot download one).
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ "${1:-}" = "--browser" ] && [ ! -x "$CHROMIUM_PATH" ]; then
  echo "bootstrap: installing Debian's chromium (about a minute, once)"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "bootstrap: installing pnpm $PNPM_VERSION"
  npm install -g --no-fund --no-audit "pnpm@$PNPM_VERSION" >/dev/null
fi

if [ -n "${CI:-}" ]; then
  pnpm install --frozen-lockfile
else
  pnpm install --prefer-offline
fi
