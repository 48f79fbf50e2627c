#!/usr/bin/env bash
# Sourced by every entry script: puts a project-local Node 22 first on PATH.
# The machines carry Node 20, which the current Shopify libraries refuse (see docs/decisions/001-toolchain.md);
# Node 22 comes from the npm registry as the `node` package, so nothing is downloaded from anywhere else.
ORCHARD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ORCHARD_NODE_VERSION=22.23.3
ORCHARD_NODE_DIR="$ORCHARD_ROOT/.tools/node"

if ! "$ORCHARD_NODE_DIR/node_modules/node/bin/node" --version 2>/dev/null | grep -q "^v$ORCHARD_NODE_VERSION$"; then
  if node --version 2>/dev/null | grep -q '^v22\.'; then
    : # the machine already has Node 22
  else
    echo "orchard: installing Node $ORCHARD_NODE_VERSION into .tools/node (from the npm registry)" >&2
    mkdir -p "$ORCHARD_NODE_DIR"
    npm install --silent --no-save --prefix "$ORCHARD_NODE_DIR" "node@$ORCHARD_NODE_VERSION" >&2
  fi
fi

if [ -x "$ORCHARD_NODE_DIR/node_modules/node/bin/node" ]; then
  export PATH="$ORCHARD_NODE_DIR/node_modules/node/bin:$PATH"
fi
export PATH="$ORCHARD_ROOT/node_modules/.bin:$PATH"
