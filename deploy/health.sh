#!/usr/bin/env bash
# Health of a deployment started by deploy/run.sh: nginx and every replica answer
# /_stcore/health with "ok". Prints one line each; exit 0 when all answer, 1 otherwise.
#
#   deploy/health.sh /tmp/ita-deploy.XXXXXX      # the run dir run.sh printed
set -uo pipefail
RUN_DIR="${1:?usage: deploy/health.sh RUN_DIR}"
ADDRESS="${ITA_REPLICA_ADDRESS:-127.0.0.1}"
PYTHON="${PYTHON:-python3}"
status=0
check() {  # check NAME PORT
    if "$PYTHON" -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://$ADDRESS:$2/_stcore/health', timeout=3).read().strip() != b'ok')" 2>/dev/null; then
        echo "ok    $1 :$2"
    else
        echo "DOWN  $1 :$2"
        status=1
    fi
}
check nginx "$(cat "$RUN_DIR/nginx.port")"
for port in $(cat "$RUN_DIR/ports"); do
    check replica "$port"
done
[[ -s "$RUN_DIR/restarts.log" ]] && echo "restarts: $(wc -l <"$RUN_DIR/restarts.log") (see $RUN_DIR/restarts.log)"
exit "$status"
