#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the graph package's tests
# (graph/postgres_test.go) and exports AWSKG_TEST_POSTGRES pointing at it.
#
# Meant for a Debian machine, run as root (CI is). Two ways to use it:
#
#   # from .ci/run (sourced): start, test, stop on exit
#   source .ci/postgres.sh || exit 1
#   trap awskg_pg_stop EXIT
#   go test ./...
#
#   # as a command: start, run the command with AWSKG_TEST_POSTGRES set, stop
#   bash .ci/postgres.sh go test ./graph/ -run Postgres
#
# It installs the "postgresql" Debian package when no server binaries are
# found, initialises a data directory under a fresh mktemp directory (as the
# postgres user when run as root), starts the server on 127.0.0.1 on the first
# free port from AWSKG_PG_PORT (default 54329) with pg_ctl -w, and creates the
# role and database awskg (password awskg, CREATEDB: the tests create and drop
# one database per run). awskg_pg_stop stops the server and removes the
# directory; it is safe to call twice. Nothing listens beyond the loopback
# address, and the unix socket lives in the temporary directory.

awskg_pg_log() { printf '%s\n' "postgres.sh: $*" >&2; }

# awskg_pg_bindir prints the newest /usr/lib/postgresql/*/bin.
awskg_pg_bindir() {
	local d
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	[[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]] || return 1
	printf '%s\n' "$d"
}

# awskg_pg_as_owner runs a command as the server's owner.
awskg_pg_as_owner() {
	if [[ $(id -u) -eq 0 ]]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

awskg_pg_port_free() {
	! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

awskg_pg_start() {
	local bindir port tmp
	if ! bindir=$(awskg_pg_bindir); then
		if [[ $(id -u) -ne 0 ]]; then
			awskg_pg_log "no PostgreSQL under /usr/lib/postgresql and not root: install the postgresql package"
			return 1
		fi
		awskg_pg_log "installing PostgreSQL from Debian packages"
		export DEBIAN_FRONTEND=noninteractive
		{ apt-get update -q && apt-get install -y -q postgresql; } >&2 || {
			awskg_pg_log "apt-get install postgresql failed"
			return 1
		}
		bindir=$(awskg_pg_bindir) || {
			awskg_pg_log "postgresql installed but no server binaries under /usr/lib/postgresql"
			return 1
		}
	fi
	if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
		awskg_pg_log "no postgres user to run the server as"
		return 1
	fi

	port=${AWSKG_PG_PORT:-54329}
	while ! awskg_pg_port_free "$port"; do
		port=$((port + 1))
		if ((port > ${AWSKG_PG_PORT:-54329} + 100)); then
			awskg_pg_log "no free port from ${AWSKG_PG_PORT:-54329}"
			return 1
		fi
	done

	tmp=$(mktemp -d "${TMPDIR:-/tmp}/awskg-pg.XXXXXX") || return 1
	chmod 0755 "$tmp"
	[[ $(id -u) -eq 0 ]] && chown postgres: "$tmp"
	AWSKG_PG_DIR=$tmp
	AWSKG_PG_BIN=$bindir

	if ! awskg_pg_as_owner "$bindir/initdb" -D "$tmp/data" -U postgres -E UTF8 --locale=C.UTF-8 \
		--auth-local=trust --auth-host=scram-sha-256 >"$tmp/initdb.log" 2>&1; then
		awskg_pg_log "initdb failed:"
		cat "$tmp/initdb.log" >&2
		awskg_pg_stop
		return 1
	fi
	# Throwaway server: durability off for speed.
	if ! awskg_pg_as_owner "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
		-o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
		start >/dev/null; then
		awskg_pg_log "pg_ctl start failed:"
		cat "$tmp/server.log" >&2
		awskg_pg_stop
		return 1
	fi
	if ! awskg_pg_as_owner psql -X -q -v ON_ERROR_STOP=1 -h "$tmp" -p "$port" -U postgres -d postgres \
		-c "CREATE ROLE awskg LOGIN PASSWORD 'awskg' CREATEDB" \
		-c "GRANT pg_signal_backend TO awskg" \
		-c "CREATE DATABASE awskg OWNER awskg" >&2; then
		awskg_pg_log "creating the awskg role and database failed"
		awskg_pg_stop
		return 1
	fi
	export AWSKG_TEST_POSTGRES="postgres://awskg:awskg@127.0.0.1:$port/awskg?sslmode=disable"
	local version
	version=$(awskg_pg_as_owner psql -X -A -t -h "$tmp" -p "$port" -U postgres -d postgres -c "SHOW server_version" 2>/dev/null)
	echo "PostgreSQL ${version:-?} started on 127.0.0.1:$port (data in $tmp/data); AWSKG_TEST_POSTGRES is set"
}

# awskg_pg_stop stops the server started by awskg_pg_start and removes its files.
awskg_pg_stop() {
	[[ -n "${AWSKG_PG_DIR:-}" ]] || return 0
	if [[ -f "$AWSKG_PG_DIR/data/postmaster.pid" ]]; then
		awskg_pg_as_owner "$AWSKG_PG_BIN/pg_ctl" -D "$AWSKG_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 ||
			awskg_pg_log "pg_ctl stop failed (see $AWSKG_PG_DIR/server.log)"
	fi
	rm -rf "$AWSKG_PG_DIR"
	unset AWSKG_PG_DIR AWSKG_TEST_POSTGRES
}

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
	# Sourced: start and leave the stop to the caller.
	awskg_pg_start
else
	# Run as a command: start, run "$@" if given, stop.
	set -u
	awskg_pg_start || exit 1
	trap awskg_pg_stop EXIT
	if [[ $# -gt 0 ]]; then
		"$@"
		exit $?
	fi
	echo "no command given: the server is stopped again (source this script to keep it running)"
fi
