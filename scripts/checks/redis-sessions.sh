#!/usr/bin/env bash
# The runbook's redis-cli session checks, run against a real redis-server (Debian's, on
# 127.0.0.1 and a free port, started and stopped here) seeded with session keys: they must
# find and count exactly the session keys, and list their TTLs. Only host, port and TLS are
# adapted (the runbook's commands target ElastiCache with --tls).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
command -v redis-server >/dev/null || { echo "redis-server missing (scripts/setup.sh installs it)"; exit 1; }
build_topograph
work=$(mktemp -d)
port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes --pidfile "$work/redis.pid" --logfile "$work/redis.log"
cleanup() { [ -f "$work/redis.pid" ] && kill "$(cat "$work/redis.pid")" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 50); do redis-cli -p "$port" PING >/dev/null 2>&1 && break; sleep 0.1; done

# Seed: 15 sessions with a TTL, 2 without (a bug the TTL listing must show), and other keys.
# 17 sessions stay under the runbook's `head -20`, so SCAN's order cannot hide one.
for i in $(seq 1 15); do redis-cli -p "$port" SET "session:user-$i" "{\"user\":$i}" EX 1800 >/dev/null; done
redis-cli -p "$port" SET session:forever x >/dev/null
redis-cli -p "$port" SET session:forever-too x >/dev/null
for i in $(seq 1 10); do redis-cli -p "$port" SET "cache:item-$i" x >/dev/null; done

.build/debug/topograph runbook Docs/examples/session-store.yaml --stage V1 > "$work/runbook.md"
# The redis-cli lines of the runbook's AWS section, as written, with the endpoint adapted.
grep -E '^redis-cli ' "$work/runbook.md" | grep -v ' PING$' > "$work/commands.sh"
[ -s "$work/commands.sh" ] || { echo "no redis-cli commands found in the runbook"; exit 1; }
sed -i -e "s/--tls //g" -e "s/-h \"\$REDIS_HOST\" -p 6379/-h 127.0.0.1 -p $port/g" "$work/commands.sh"
cat "$work/commands.sh"

list=$(sed -n 1p "$work/commands.sh")
count=$(sed -n 2p "$work/commands.sh")
ttls=$(sed -n 3p "$work/commands.sh")
keys=$(bash -c "$list" | sort)
total=$(bash -c "$count" | tr -d ' ')
ttl_out=$(bash -c "$ttls")
echo "found $(echo "$keys" | wc -l) keys, count says $total"
[ "$(echo "$keys" | wc -l)" -eq 17 ] || { echo "FAIL: expected 17 session keys, got: $keys"; exit 1; }
[ "$total" = "17" ] || { echo "FAIL: the count command printed '$total', expected 17"; exit 1; }
echo "$keys" | grep -q '^cache:' && { echo "FAIL: the scan listed non-session keys"; exit 1; }
echo "$ttl_out" | grep -q '^session:forever -1$' && echo "$ttl_out" | grep -q '^session:forever-too -1$' || { echo "FAIL: TTL listing did not show -1 for a key without expiry"; echo "$ttl_out"; exit 1; }
echo "$ttl_out" | grep -Eq '^session:user-[0-9]+ (1[0-7][0-9]{2}|1800)$' || { echo "FAIL: TTL listing did not show the sessions' TTLs"; echo "$ttl_out"; exit 1; }

# The rolling-update check: capture, (a deployment happens), capture, compare.
before=$(grep -E '^redis-cli .*sessions-before' "$work/runbook.md" | sed -e "s/--tls //g" -e "s/-h \"\$REDIS_HOST\" -p 6379/-h 127.0.0.1 -p $port/g" -e "s|/tmp/|$work/|g")
after=$(grep -E '^redis-cli .*sessions-after' "$work/runbook.md" | sed -e "s/--tls //g" -e "s/-h \"\$REDIS_HOST\" -p 6379/-h 127.0.0.1 -p $port/g" -e "s|/tmp/|$work/|g")
bash -c "$before"
redis-cli -p "$port" DEL session:user-3 >/dev/null      # a session lost during the "rollout"
bash -c "$after"
lost=$(comm -23 "$work/sessions-before.txt" "$work/sessions-after.txt")
[ "$lost" = "session:user-3" ] || { echo "FAIL: the before/after comparison should name session:user-3, got '$lost'"; exit 1; }
echo "redis-sessions: the runbook's commands found 17 sessions, their TTLs, and the one lost in the rollout"
