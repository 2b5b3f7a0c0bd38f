#!/bin/sh
# lrs.sh: the test LRS itself (tests/lrs): it installs from the pinned
# lockfile outside the source tree, listens on loopback only, checks the
# credentials, keeps one trainee from reading another's statements, and the
# validator rejects a broken statement. The sync tests build on this.
LRS_CACHE=${KC_LRS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/klantcoach-lrs}
. "$KC_SRC/tests/e2e/lib.sh"
. "$KC_SRC/tests/lrs/lrs.sh"
trap 'lrs_stop; rm -rf "$T"' EXIT

lrs_setup || { fail "installing the LRS packages"; finish; exit 1; }
case $LRS_MODULES in "$KC_SRC"/*) fail "packages inside the source tree" ;; *) ok ;; esac
lrs_start || { fail "starting the LRS"; finish; exit 1; }

listening=$(ss -ltnpH 2>/dev/null | grep "pid=$LRS_PID," | awk '{print $4}')
expect_eq "the LRS listens on loopback only" \
	"$(printf '%s\n' "$listening" | grep -vc '^127\.0\.0\.1:')" 0
expect_contains "the LRS port is one of them" "$listening" "127.0.0.1:$LRS_PORT"

stmt() {	# stmt UUID-SUFFIX ACCOUNT
	printf '{"id":"00000000-0000-5000-8000-%s","actor":{"objectType":"Agent",' "$1"
	printf '"account":{"homePage":"https://voorbeeld.nl","name":"%s"}},' "$2"
	printf '"verb":{"id":"http://adlnet.gov/expapi/verbs/initialized"},'
	printf '"object":{"id":"https://voorbeeld.nl/s/a"},'
	printf '"timestamp":"2023-11-14T22:13:20.000Z"}'
}
post() {	# post USER:SECRET JSON: the HTTP status
	curl -s -o "$T/post.out" -w '%{http_code}' -u "$1" \
		-H 'X-Experience-API-Version: 1.0.3' \
		-H 'Content-Type: application/json' -d "$2" "$LRS_URL/statements"
}
expect_eq "trainee A writes" "$(post cursist-a:geheim-a "[$(stmt 00000000000a a)]")" 200
expect_eq "the same statement again is accepted" \
	"$(post cursist-a:geheim-a "[$(stmt 00000000000a a)]")" 200
expect_eq "trainee B writes" "$(post cursist-b:geheim-b "[$(stmt 00000000000b b)]")" 200
expect_eq "a wrong secret is refused" "$(post cursist-a:fout "[$(stmt 00000000000c a)]")" 401
expect_eq "same id, other content: conflict" \
	"$(post cursist-a:geheim-a "[$(stmt 00000000000a x)]")" 409
expect_eq "a broken statement: bad request" "$(post coach:geheim-c '[{"x":1}]')" 400

ids() { sed 's/"id":"\([^"]*\)","actor"/\n\1\n/g' | grep -- '-5000-8000-' | sort | tr '\n' ' '; }
expect_eq "trainee A reads only its own" "$(lrs_get cursist-a:geheim-a | ids)" \
	"00000000-0000-5000-8000-00000000000a "
expect_eq "trainee B reads only its own" "$(lrs_get cursist-b:geheim-b | ids)" \
	"00000000-0000-5000-8000-00000000000b "
expect_eq "the coach reads both" "$(lrs_get coach:geheim-c | ids)" \
	"00000000-0000-5000-8000-00000000000a 00000000-0000-5000-8000-00000000000b "

printf '[%s]\n' "$(stmt 00000000000a a)" > "$T/good.json"
lrs_validate "$T/good.json" > "$T/v.out"; rc=$?
expect_eq "validator accepts a good statement" "$rc" 0
printf '{"actor":{"mbox":"geen-mail"},"verb":{},"object":{}}\n' > "$T/bad.json"
lrs_validate "$T/bad.json" > "$T/v.out"; rc=$?
expect_eq "validator rejects a broken one" "$rc" 1
expect_contains "validator names the statement" "$(cat "$T/v.out")" "bad.json: statement 1"

pid=$LRS_PID
lrs_stop
expect_eq "stopped by its own pid" "$(kill -0 "$pid" 2>/dev/null && echo alive)" ""
finish
