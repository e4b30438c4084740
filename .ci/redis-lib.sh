# .ci/redis-lib.sh — shell functions the .ci/with-redis-* scripts source:
# logging, installing redis-server, free loopback ports, readiness probes,
# supervising servers a fault test kills, and stopping what they started.

log() { echo "${0##*/}: $*" >&2; }

# need_redis installs redis-server and redis-cli (Debian: redis-server,
# which depends on redis-tools) when missing; redis-server --sentinel
# runs a sentinel, so the redis-sentinel package is not needed.
need_redis() {
	command -v redis-server >/dev/null && command -v redis-cli >/dev/null && return
	local sudo=()
	if [[ $(id -u) -ne 0 ]]; then
		command -v sudo >/dev/null || { log "redis-server missing and not root (no sudo)"; exit 1; }
		sudo=(sudo)
	fi
	log "installing redis-server"
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
}

# free_ports N prints N distinct loopback ports, each free together with
# port+10000 (a cluster node's bus port).
free_ports() {
	command -v python3 >/dev/null || { free_ports_bash "$1"; return; }
	python3 - "$1" <<'PY'
import random, socket, sys
n, out = int(sys.argv[1]), []
def free(p):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p))
        return True
    except OSError:
        return False
    finally:
        s.close()
while len(out) < n:
    p = random.randint(20000, 29999)  # bus ports 30000-39999 never collide with these
    if p not in out and free(p) and free(p + 10000):
        out.append(p)
print(" ".join(map(str, out)))
PY
}

# free_ports_bash N is free_ports without python3: a port is taken as
# free when nothing accepts a connection on it (bash's /dev/tcp).
free_ports_bash() {
	local out=() p
	while [[ ${#out[@]} -lt $1 ]]; do
		p=$((20000 + RANDOM % 10000))
		[[ " ${out[*]} " == *" $p "* ]] && continue
		(exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
		(exec 3<>"/dev/tcp/127.0.0.1/$((p + 10000))") 2>/dev/null && continue
		out+=("$p")
	done
	echo "${out[*]}"
}

# cli PORT ARGS... runs redis-cli against a loopback port.
cli() { local p=$1; shift; redis-cli -h 127.0.0.1 -p "$p" "$@" 2>/dev/null; }

# wait_for SECONDS CMD... retries CMD every 0.2s until it succeeds.
wait_for() {
	local n=$(($1 * 5)); shift
	for _ in $(seq "$n"); do
		"$@" && return 0
		sleep 0.2
	done
	return 1
}

# pids of the servers started, stopped by stop_all.
pids=()
stop_all() {
	local p
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}

# pong PORT succeeds when the server on PORT answers PING.
pong() { [[ $(cli "$1" ping) == PONG ]]; }

# supervise READY CMD... runs CMD (a redis-server) in the background and,
# each time it dies (a fault test SIGKILLs a primary), runs it again once
# the command line READY succeeds (checked every 0.2 s; at most 60 s), so
# a killed primary comes back with its data directory as a replica of the
# node promoted in its place and later tests find the engine whole. The
# supervisor's pid goes to pids; stop_all's SIGTERM stops it and its
# server.
supervise() {
	local ready=$1
	shift
	(
		child=""
		trap 'if [[ -n $child ]]; then kill "$child" 2>/dev/null; wait "$child" 2>/dev/null; fi; exit 0' TERM
		while :; do
			"$@" &
			child=$!
			wait "$child" 2>/dev/null || true
			child=""
			log "$1 $2 $3 exited at $(date +%T.%N | cut -c1-12); restarting it once: $ready"
			for _ in $(seq 300); do
				$ready && break
				sleep 0.2
			done
			log "restarting $1 $2 $3 at $(date +%T.%N | cut -c1-12)"
			sleep 0.5 # a server that cannot start is not restarted in a busy loop
		done
	) &
	pids+=($!)
}
