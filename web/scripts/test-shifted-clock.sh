#!/usr/bin/env bash
# Runs test suites with the clock moved to another instant, to prove they pass on any weekday and at any hour.
# libfaketime (Debian's `faketime` package) turns the instant into a fixed offset from the real clock, passed to
# every child process through LD_PRELOAD and FAKETIME: Vitest, the throwaway PostgreSQL, the Next server and
# Chromium all see the same shifted clock, which keeps running from the given instant.
#
# Usage: web/scripts/test-shifted-clock.sh <instant> [integration|e2e|unit ...]   (default: integration)
#   <instant> is a UTC date-time such as '2026-12-06 23:50:00', or 'next-sunday-23:50' for the coming Sunday
#   (a week ahead if today is Sunday) at 23:50 UTC, computed when the script runs.
# Example: npm run test:shifted -- '2027-03-28 00:30:00' integration e2e
set -euo pipefail
cd "$(dirname "$0")/../.."
export TZ=UTC NEXT_TELEMETRY_DISABLED=1

if [ $# -lt 1 ]; then
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
instant=$1
shift
if [ "$instant" = "next-sunday-23:50" ]; then
  instant="$(date -u -d 'next sunday' +%F) 23:50:00"
fi
command -v faketime >/dev/null || {
  echo "test-shifted-clock: faketime is missing (Debian: apt-get install faketime)" >&2
  exit 2
}
date -u -d "$instant" >/dev/null 2>&1 || {
  echo "test-shifted-clock: not a date-time: '$instant'" >&2
  exit 2
}
[ $# -gt 0 ] || set -- integration
for suite in "$@"; do
  case "$suite" in
    unit | integration | e2e) ;;
    *)
      echo "test-shifted-clock: unknown suite '$suite' (unit, integration or e2e)" >&2
      exit 2
      ;;
  esac
done

echo "[shifted clock] $instant UTC: $(faketime "$instant" date -u '+%A %F %T %Z'), suites: $*"
status=0
for suite in "$@"; do
  case "$suite" in
    unit | integration) faketime "$instant" npx vitest run --project "$suite" || status=1 ;;
    e2e) faketime "$instant" npx playwright test -c web/playwright.config.ts || status=1 ;;
  esac
done
exit $status
