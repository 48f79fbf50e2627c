#!/usr/bin/env bash
# Starts the demo (the store simulator with a seeded store, and Orchard against it): see README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/provision.sh"
install_packages
exec node_modules/.bin/tsx scripts/demo.ts
