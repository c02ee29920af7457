#!/usr/bin/env bash
# Sets up stepwise on a fresh Debian/Ubuntu machine: system packages (Chromium for the
# sandbox phone and web devices, a CJK font so Chinese renders, the adb client), npm
# dependencies, and the build. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# The headless shell lets `stepwise mcp` begin the sandbox's frames itself (faster screenshots).
command -v chromium-headless-shell >/dev/null 2>&1 || need+=(chromium-headless-shell)
command -v adb >/dev/null 2>&1 || need+=(adb)
fc-list 2>/dev/null | grep -qi 'wqy' || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing system packages: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
npm ci --no-audit --no-fund
npm run build
