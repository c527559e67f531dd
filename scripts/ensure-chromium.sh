#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (a test tool's own browser download does not work
# here). Install it, with CJK fonts, when it is missing and we may; otherwise say what to do.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q .; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium and fonts-noto-cjk (apt) for the browser tests…" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  exit 0
fi
echo "The browser tests need Chromium and CJK fonts: sudo apt-get install chromium fonts-noto-cjk" >&2
exit 1
