#!/bin/sh
# The worker container's entry point: `swarm worker NAME --run-dir DIR …`, talking to its
# runner over stdio (notes as JSON lines on stdout, logs on stderr; stdin closing means the
# runner is gone). `exec` makes the worker PID 1's child-less heir, so `docker stop` reaches it.
set -eu
if ! command -v node >/dev/null 2>&1; then
  echo "swarm worker image: no node on PATH ($PATH); the base image must provide Node >= 22" >&2
  exit 70
fi
exec node /opt/swarm/src/cli/bin.ts worker "$@" --channel stdio
