#!/usr/bin/env bash
# Run K Streamlit replicas of the ITA Dashboard behind nginx, with sticky sessions.
#
#   deploy/run.sh                   # one replica per core (nproc) on 127.0.0.1:8611..., nginx on :8620
#   deploy/run.sh 2                 # 2 replicas on 127.0.0.1:8611-8612
#   ITA_PORT=8080 ITA_LISTEN=0.0.0.0 deploy/run.sh
#   deploy/health.sh RUN_DIR        # nginx and every replica answering? (exit 1 if not)
#
# A replica that exits, or stops answering its health check three times in a row (5 s
# apart), is started again on its port (logged in RUN_DIR/restarts.log).
# Every replica reads the same read-only build (ITA_DB_PATH, built once here before they
# start). nginx runs in the foreground with its own config, pid file and logs in a run
# directory (ITA_RUN_DIR, default a new /tmp/ita-deploy.XXXXXX). Ctrl-C (or TERM) stops
# nginx and every replica. See docs/DEPLOY.md.
set -euo pipefail

K="${1:-$(nproc)}"
if ! [[ "$K" =~ ^[1-9][0-9]?$ ]] || (( K > 16 )); then
    echo "usage: deploy/run.sh K   (K replicas, 1..16)" >&2
    exit 2
fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# DuckDB threads of each replica: the cores shared out between the replicas (one with one
# replica per core), not one per core in every replica (ITA_DB_THREADS overrides)
export ITA_DB_THREADS="${ITA_DB_THREADS:-$(( $(nproc) / K > 1 ? $(nproc) / K : 1 ))}"
PORT="${ITA_PORT:-8620}"
LISTEN="${ITA_LISTEN:-127.0.0.1}"
FIRST_PORT="${ITA_FIRST_PORT:-8611}"
REPLICA_ADDRESS="${ITA_REPLICA_ADDRESS:-127.0.0.1}"
PYTHON="${PYTHON:-python}"
NGINX="${NGINX:-nginx}"
RUN_DIR="${ITA_RUN_DIR:-$(mktemp -d /tmp/ita-deploy.XXXXXX)}"
mkdir -p "$RUN_DIR/tmp"
command -v "$NGINX" >/dev/null || { echo "nginx not found: apt-get install -y nginx" >&2; exit 1; }
cd "$ROOT"

# One published database (the link to the current build, as an absolute path), built before
# the replicas start; every replica opens the same build read-only and follows the link to a
# newer one when an import or a build publishes it.
export ITA_DB_PATH
ITA_DB_PATH="$("$PYTHON" -c 'from ita_dash import config, db; db.ensure_current(); print(config.db_path().absolute())')"
echo "database: $ITA_DB_PATH -> $(readlink "$ITA_DB_PATH")"

PIDS=()
PORTS=()
NGINX_PID=""
cleanup() {
    trap - INT TERM EXIT
    echo "stopping nginx and $K replica(s)"
    if [[ -n "$NGINX_PID" ]]; then kill -QUIT "$NGINX_PID" 2>/dev/null || true; fi
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    exit 0  # never back into the supervising loop (it would start the replicas again)
}
trap cleanup INT TERM EXIT

start_replica() {  # start_replica INDEX: (re)start replica INDEX on its port
    local port=$((FIRST_PORT + $1))
    "$PYTHON" -m streamlit run app.py --server.port "$port" --server.address "$REPLICA_ADDRESS" \
        --server.headless true --server.fileWatcherType none --server.runOnSave false \
        --browser.gatherUsageStats false >>"$RUN_DIR/replica-$port.log" 2>&1 &
    PIDS[$1]=$!
    echo "$!" >"$RUN_DIR/replica-$port.pid"
}

healthy() {  # healthy PORT: the replica (or nginx) answers /_stcore/health with "ok"
    "$PYTHON" -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://$REPLICA_ADDRESS:$1/_stcore/health', timeout=3).read().strip() != b'ok')" 2>/dev/null
}

UPSTREAM=""
for ((i = 0; i < K; i++)); do
    port=$((FIRST_PORT + i))
    start_replica "$i"
    PORTS+=("$port")
    UPSTREAM+="        server $REPLICA_ADDRESS:$port max_fails=0;"$'\n'
done
echo "${PORTS[*]}" >"$RUN_DIR/ports"
echo "$PORT" >"$RUN_DIR/nginx.port"

# Wait until every replica answers its health check (at most 60 s each).
for ((i = 0; i < K; i++)); do
    port=$((FIRST_PORT + i))
    for ((try = 0; try < 120; try++)); do
        if healthy "$port"; then
            break
        fi
        kill -0 "${PIDS[$i]}" 2>/dev/null || { echo "replica $port exited:" >&2; tail -20 "$RUN_DIR/replica-$port.log" >&2; exit 1; }
        sleep 0.5
    done
    echo "replica $i: http://$REPLICA_ADDRESS:$port (pid ${PIDS[$i]})"
done

MAX_MB="$("$PYTHON" -c 'import tomllib; print(tomllib.load(open(".streamlit/config.toml","rb")).get("server",{}).get("maxUploadSize",200))')"
"$PYTHON" - "$ROOT/deploy/nginx.conf.template" "$RUN_DIR/nginx.conf" <<PY
import sys
text = open(sys.argv[1], encoding="utf-8").read()
for key, value in {"@RUN_DIR@": "$RUN_DIR", "@LISTEN@": "$LISTEN:$PORT",
                   "@MAX_BODY@": "$((MAX_MB + 5))m", "@UPSTREAM_SERVERS@": """$UPSTREAM""".rstrip("\n")}.items():
    text = text.replace(key, value)
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
# nginx workers run as an unprivileged user when started by root: let them use the temp dir
if [[ "$(id -u)" == 0 ]]; then chown -R nobody "$RUN_DIR/tmp" 2>/dev/null || true; fi
"$NGINX" -t -q -p "$RUN_DIR" -e "$RUN_DIR/nginx-error.log" -c "$RUN_DIR/nginx.conf"
"$NGINX" -p "$RUN_DIR" -e "$RUN_DIR/nginx-error.log" -c "$RUN_DIR/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
echo "nginx: http://$LISTEN:$PORT -> $K replica(s); run dir $RUN_DIR (pids in *.pid); Ctrl-C stops all"
echo "replica pids: ${PIDS[*]}" >"$RUN_DIR/pids"

# Supervise: restart a replica that exited or stopped answering; stop when nginx stops.
declare -A MISSES
while kill -0 "$NGINX_PID" 2>/dev/null; do
    sleep 5
    for ((i = 0; i < K; i++)); do
        port=$((FIRST_PORT + i))
        if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
            reason="exited"
        elif ! healthy "$port"; then
            MISSES[$i]=$(( ${MISSES[$i]:-0} + 1 ))
            (( MISSES[$i] >= 3 )) || continue
            reason="not answering"
            kill -KILL "${PIDS[$i]}" 2>/dev/null || true
        else
            MISSES[$i]=0
            continue
        fi
        MISSES[$i]=0
        echo "$(date -u +%FT%TZ) replica $port $reason: restarting" | tee -a "$RUN_DIR/restarts.log"
        start_replica "$i"
        echo "replica pids: ${PIDS[*]}" >"$RUN_DIR/pids"
    done
done
