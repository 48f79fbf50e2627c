#!/usr/bin/env bash
# Sourced by scripts/demo.sh and scripts/test.sh: makes a fresh machine ready. Node 22 (from the npm
# registry, scripts/env.sh), the project's packages, and for the tests Debian's Chromium and
# PostgreSQL, started on 127.0.0.1:5432 with the password the tests use. Safe to run again.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ORCHARD_ROOT"

install_packages() {
  # Reinstall when package-lock.json changed since the last install, or on a fresh clone.
  local stamp=node_modules/.orchard-lock-stamp
  if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
    local started=$SECONDS
    echo "orchard: installing the npm packages (about a minute; nothing is compiled)" >&2
    npm ci --no-audit --no-fund --loglevel=error
    echo "orchard: npm packages installed in $((SECONDS - started)) s" >&2
    cp package-lock.json "$stamp"
  fi
  # Shopify's published GraphQL schemas, from Shopify's npm package (checked by its integrity hash).
  npx tsx scripts/shopify-schemas.ts
}

install_debian_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "orchard: please install these Debian packages (as root): ${missing[*]}" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

start_postgres() {
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    local version
    version=$(ls /etc/postgresql | sort -n | tail -1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  # The tests connect as postgres/postgres over TCP, as on a stock Debian install (scram-sha-256).
  if [ "$(id -u)" -eq 0 ] && ! PGPASSWORD=postgres psql -q -h 127.0.0.1 -U postgres -d postgres -c "select 1" >/dev/null 2>&1; then
    su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\""
  fi
}
