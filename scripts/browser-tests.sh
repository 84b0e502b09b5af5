#!/usr/bin/env bash
# Browser tests of the website side (examples/web): the server's own tests, then the demo page driven
# in headless Chromium through Selenium, then the support report's HTML page. Installs what is
# missing: Debian's chromium and chromium-driver (apt-get), Selenium from PyPI into .build/browser-venv.
# Screenshots go to .build/browser-artifacts/. Usage: scripts/browser-tests.sh [--attendant PATH] [--install-only]
set -euo pipefail
cd "$(dirname "$0")/.."

attendant=""
install_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --attendant) attendant="$2"; shift 2 ;;
    --install-only) install_only=true; shift ;;
    *) echo "browser-tests: unknown option '$1'. Options: --attendant PATH, --install-only" >&2; exit 64 ;;
  esac
done

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=false
apt_install() {
  $apt_updated || as_root apt-get update -qq
  apt_updated=true
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" > /dev/null
}

chromium_bin=$(command -v chromium || command -v chromium-browser || true)
driver_bin=$(command -v chromedriver || true)
if [ -z "$chromium_bin" ] || [ -z "$driver_bin" ]; then
  echo "browser-tests: installing chromium and chromium-driver with apt-get" >&2
  apt_install chromium chromium-driver fonts-dejavu-core
  chromium_bin=$(command -v chromium)
  driver_bin=$(command -v chromedriver)
fi

venv=.build/browser-venv
if ! "$venv/bin/python" -c 'import selenium' 2> /dev/null; then
  echo "browser-tests: installing Selenium into $venv" >&2
  rm -rf "$venv"
  if ! python3 -m venv "$venv" 2> /dev/null; then
    # Debian's own python3 makes venvs only with python3-venv.
    apt_install python3-venv
    rm -rf "$venv"
    python3 -m venv "$venv"
  fi
  "$venv/bin/pip" install -q --disable-pip-version-check 'selenium>=4.11,<5'
fi
$install_only && exit 0

if [ -z "$attendant" ]; then
  attendant=.build/release/attendant
  [ -x "$attendant" ] || attendant=.build/debug/attendant
  if [ ! -x "$attendant" ]; then
    echo "browser-tests: building attendant (swift build)" >&2
    swift build > /dev/null
  fi
fi

# The server's own tests (standard library only), then the browser. `timeout` bounds a stuck browser.
timeout 300 python3 examples/web/test_server.py --attendant "$attendant"
timeout 300 "$venv/bin/python" scripts/browser_tests.py --attendant "$attendant" \
  --chromium "$chromium_bin" --chromedriver "$driver_bin"
# The support report's HTML page (attendant report --format html), from disk.
timeout 180 "$venv/bin/python" scripts/report_browser_test.py --attendant "$attendant" \
  --chromium "$chromium_bin" --chromedriver "$driver_bin"
