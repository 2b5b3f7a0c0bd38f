# lrs.sh: a real xAPI LRS on loopback for the end-to-end tests, sourced
# after tests/e2e/lib.sh. lrs_setup installs Node (from Debian, when
# missing and possible) and the pinned packages of tests/lrs/package-lock.json
# into a cache outside the source tree, keyed by the lockfile's hash (the
# source tree may be read-only, as in distcheck). lrs_start runs
# tests/lrs/lrs.js in the background and waits until it answers; lrs_stop
# ends it by its own pid (also on exit). Test credentials: see lrs.js.
# Set LRS_CACHE before sourcing lib.sh (which replaces HOME).

LRS_DIR="$KC_SRC/tests/lrs"
LRS_PID=""
LRS_PORT=""

# Node and npm from Debian when missing; exit 77 (skip) when impossible.
lrs_node() {
	command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 &&
		return 0
	if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
		apt-get update -qq >/dev/null 2>&1
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm \
			>/dev/null 2>&1
	fi
	command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 &&
		return 0
	echo "SKIP: node and npm are missing and cannot be installed" >&2
	exit 77
}

# The pinned packages in $LRS_CACHE/<hash>/node_modules, installed once.
lrs_setup() {
	lrs_node
	mkdir -p "$LRS_CACHE" 2>/dev/null || LRS_CACHE=/tmp/klantcoach-lrs-$(id -u)
	mkdir -p "$LRS_CACHE" || return 1
	key=$(sha256sum "$LRS_DIR/package-lock.json" | cut -c1-16)
	LRS_MODULES="$LRS_CACHE/$key/node_modules"
	[ -d "$LRS_MODULES" ] && return 0
	(
		flock 9
		[ -d "$LRS_MODULES" ] && exit 0
		tmp=$(mktemp -d "$LRS_CACHE/new.XXXXXX") || exit 1
		cp "$LRS_DIR/package.json" "$LRS_DIR/package-lock.json" "$tmp/" &&
		npm_config_cache="$LRS_CACHE/npm" npm ci --prefix "$tmp" \
			--ignore-scripts --no-audit --no-fund --loglevel=error \
			>"$tmp/npm.log" 2>&1 &&
		mkdir -p "$LRS_CACHE/$key" &&
		mv "$tmp/node_modules" "$LRS_MODULES" || {
			cat "$tmp/npm.log" >&2; rm -rf "$tmp"; exit 1; }
		rm -rf "$tmp"
	) 9>"$LRS_CACHE/.lock"
}

# lrs_start: a fresh, empty LRS; sets LRS_PORT and LRS_URL.
lrs_start() {
	mkdir -p "$T/lrs-store"
	rm -f "$T/lrs.port"
	NODE_PATH="$LRS_MODULES" node "$LRS_DIR/lrs.js" "$T/lrs.port" \
		"$T/lrs-store" >"$T/lrs.log" 2>&1 &
	LRS_PID=$!
	i=0
	while [ ! -s "$T/lrs.port" ] && [ $i -lt 600 ]; do
		kill -0 "$LRS_PID" 2>/dev/null || break
		sleep 0.05; i=$((i + 1))
	done
	if [ ! -s "$T/lrs.port" ]; then
		echo "LRS did not start:" >&2; cat "$T/lrs.log" >&2
		lrs_stop
		return 1
	fi
	LRS_PORT=$(cat "$T/lrs.port")
	LRS_URL="http://127.0.0.1:$LRS_PORT/xAPI"
}

lrs_stop() {
	[ -n "$LRS_PID" ] || return 0
	kill "$LRS_PID" 2>/dev/null
	wait "$LRS_PID" 2>/dev/null
	LRS_PID=""
}

# lrs_get USER:SECRET QUERY: GET /statements?QUERY, the JSON on stdout.
lrs_get() {
	curl -sf -u "$1" -H 'X-Experience-API-Version: 1.0.3' \
		"$LRS_URL/statements${2:+?$2}"
}

# lrs_validate FILE...: every statement valid for Learning Locker.
lrs_validate() {
	NODE_PATH="$LRS_MODULES" node "$LRS_DIR/validate.js" "$@"
}

# lrs_ids USER:SECRET [QUERY]: the ids of every statement USER may read,
# sorted, one per line (all pages).
lrs_ids() {
	NODE_PATH="$LRS_MODULES" node "$LRS_DIR/statements.js" --ids \
		"$LRS_URL" "$@"
}

# lrs_file_ids FILE: the ids of the statements in a JSON array file.
lrs_file_ids() {
	node "$LRS_DIR/statements.js" --ids --file "$1"
}

# lrs_ready: for a test of the program against the LRS: installed,
# started, stopped at exit; short waits between tries.
lrs_ready() {
	trap 'lrs_stop; rm -rf "$T"' EXIT
	export KLANTCOACH_LRS_WACHT=20
	lrs_setup || { fail "installing the LRS packages"; finish; exit 1; }
	lrs_start || { fail "starting the LRS"; finish; exit 1; }
}

# Trainees and coaches on the test LRS, each with a home of their own.
# trainee X NAME KEY SHARE [AUTO]: home X with a config for the test LRS;
# automatic sync only when AUTO is ja.
trainee() {
	mkdir -p "$T/$1/.config/klantcoach"
	cat > "$T/$1/.config/klantcoach/klantcoach.ini" <<EOT
[cursist]
naam = "$2"
niveau = B

[lrs]
adres = "$LRS_URL"
organisatie = "https://leren.voorbeeld.nl"
antwoorden-delen = $4
automatisch = ${5:-nee}
EOT
	printf '%s\n' "$3" > "$T/$1/.config/klantcoach/lrs-sleutel"
	chmod 600 "$T/$1/.config/klantcoach/lrs-sleutel"
}
as() { who=$1; shift; HOME="$T/$who" kc "$@"; }
play() {	# play WHO SCENARIO: a whole session with an undo; every
	# reflection answer is "1"
	{ printf '1\n2\nt\n'; yes 1 | head -n 40; } |
		as "$1" --plain play "$2" > "$T/play.out" 2>&1 ||
		fail "$1 plays $2"
}
