#!/usr/bin/env bash
# Runs every check and test Orchard has, on a fresh machine too: see README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/provision.sh"
install_debian_packages
start_postgres
install_packages
exec npm test
