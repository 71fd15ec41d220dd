# Sourced by the lint scripts: makes sure Node is recent enough and that the pinned linters from
# tools/node/package-lock.json are installed in tools/node/node_modules (npm ci; the only network use).

NODE_TOOLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../node" && pwd)"

ensure_node_tools() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "node and npm are required (Node 20.19+ or 22.12+)" >&2
    return 2
  fi
  local major minor
  IFS=. read -r major minor _ <<<"$(node --version | tr -d v)"
  if (( major < 20 || (major == 20 && minor < 19) || (major == 22 && minor < 12) || major == 21 )); then
    echo "Node $(node --version) is too old for the pinned linters: use 20.19+ or 22.12+" >&2
    return 2
  fi
  # Reinstall when the lock file changed since the last install (npm ci records a copy of it).
  local installed="$NODE_TOOLS_DIR/node_modules/.package-lock.json"
  if [ ! -f "$installed" ] || [ "$NODE_TOOLS_DIR/package-lock.json" -nt "$installed" ]; then
    echo "installing pinned linters into tools/node (npm ci)..."
    (cd "$NODE_TOOLS_DIR" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) >&2 || {
      echo "npm ci failed in tools/node" >&2
      return 2
    }
  fi
}
