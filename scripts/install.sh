#!/usr/bin/env bash
# Installs the `attendant` command: a release build in PREFIX/bin, and the demo content in
# PREFIX/share/attendant, where the installed binary finds it when no --content is given (see the
# README, "Where the demo content is found"). Run it from anywhere; it builds in the repository.
# Usage: scripts/install.sh [--prefix DIR] [--binary FILE]
#   --prefix DIR    where to install (default: ~/.local, so the command is ~/.local/bin/attendant)
#   --binary FILE   install this binary instead of building one (`swift build -c release`)
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${HOME}/.local"
binary=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?install: --prefix needs a folder}"; shift 2 ;;
    --binary) binary="${2:?install: --binary needs a file}"; shift 2 ;;
    *) echo "install: unknown option '$1'. Options: --prefix DIR, --binary FILE" >&2; exit 64 ;;
  esac
done

if [ -z "$binary" ]; then
  swift build -c release --product attendant
  binary=".build/release/attendant"
fi
if [ ! -x "$binary" ]; then
  echo "install: '$binary' is not an executable file." >&2
  exit 66
fi

mkdir -p "$prefix/bin" "$prefix/share"
# Copy to a temporary name, then rename, so that a running `attendant` is never half overwritten.
cp "$binary" "$prefix/bin/.attendant.new"
chmod 755 "$prefix/bin/.attendant.new"
mv -f "$prefix/bin/.attendant.new" "$prefix/bin/attendant"

# The demo content, replaced as a whole so that no file of an older copy is left behind.
share="$prefix/share/attendant"
rm -rf "$share.new"
mkdir -p "$share.new"
cp -R Intents KnowledgeBase "$share.new/"
rm -rf "$share"
mv "$share.new" "$share"

prefix_bin="$(cd "$prefix/bin" && pwd)"
echo "Installed $prefix_bin/attendant, with the demo content in $(cd "$share" && pwd)."
case ":${PATH}:" in
  *":$prefix_bin:"*) echo "Try: attendant check" ;;
  *) echo "$prefix_bin is not on your PATH; add it, for example: export PATH=\"$prefix_bin:\$PATH\"" ;;
esac
