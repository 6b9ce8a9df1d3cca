#!/usr/bin/env bash
# Starts the whole app: private PostgreSQL and RabbitMQ, the four services and the web app.
# Extra arguments go to the AppHost (see README).
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh
dotnet build AppHost/Medborgare.AppHost.csproj -nologo -v quiet -clp:ErrorsOnly
exec dotnet run --project AppHost/Medborgare.AppHost.csproj --no-build -- "$@"
