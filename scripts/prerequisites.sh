#!/usr/bin/env bash
# Installs what Medborgare needs from Debian's packages, only when it is missing.
#   scripts/prerequisites.sh            PostgreSQL and RabbitMQ server binaries (to run the app)
#   scripts/prerequisites.sh --browser  also Chromium (for the browser tests)
set -euo pipefail

need=()
have_postgres() { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
have_postgres || need+=(postgresql)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || command -v rabbitmq-server >/dev/null 2>&1 || need+=(rabbitmq-server)
if [[ "${1:-}" == "--browser" ]]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
fi

if ((${#need[@]})); then
  echo "Installing ${need[*]} from Debian's packages…"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  # The packages' own init scripts must not start system-wide servers: the AppHost runs private ones.
  printf '#!/bin/sh\nexit 101\n' | $sudo_cmd tee /usr/sbin/policy-rc.d >/dev/null
  $sudo_cmd chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  $sudo_cmd rm -f /usr/sbin/policy-rc.d
fi
