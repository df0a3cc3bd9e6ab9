#!/usr/bin/env bash
# Measures ovs-qos against its performance targets (docs: BENCHMARKS.md) on 1000 interfaces of a
# private ovsdb-server, and prints a table. Builds first; installs Open vSwitch (and hyperfine, for
# the `list` timing) when missing. Takes about 10 minutes; run it on a quiet machine.
#
#   scripts/bench.sh                 the five of the 1000-interface targets
#   scripts/bench.sh transact ready  some of them: transact new-iface steady list ready, and
#                                    first-policing tick transact-size (BENCHMARKS.md, "At 5,000")
#   scripts/bench.sh scale           at 5000 interfaces: first-policing tick transact-size steady list
#                                    ready (about 10 minutes; BENCH_INTERFACES picks another number)
#
# Knobs (environment):
#   BENCH_INTERFACES  how many interfaces the database holds (default 1000; 5000 for `scale`); the
#                     table's second column says which, and targets set for another number are
#                     shown without a verdict
#   BENCH_JAVA_OPTS   -D properties for the benchmark classes, e.g.
#                     BENCH_JAVA_OPTS="-Dbench.seconds=300 -Dbench.interval=10" scripts/bench.sh steady
#   BENCH_QUIET_LOAD  wait before each benchmark until the 1-minute load average is at or below this
#                     (e.g. 0.5), for at most BENCH_QUIET_WAIT seconds (default 900); other builds
#                     sharing the CPU distort every figure, `list` and `ready` most.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

all=(transact new-iface steady list ready)
known=("${all[@]}" first-policing tick transact-size)
scale=(first-policing tick transact-size steady list ready)
interfaces=${BENCH_INTERFACES:-1000}
wanted=()
for w in "$@"; do
  if [ "$w" = scale ]; then
    wanted+=("${scale[@]}")
    interfaces=${BENCH_INTERFACES:-5000}
  else
    wanted+=("$w")
  fi
done
[ "${#wanted[@]}" -eq 0 ] && wanted=("${all[@]}")
for w in "${wanted[@]}"; do
  case " ${known[*]} " in *" $w "*) ;; *) echo "bench: unknown benchmark '$w' (known: ${known[*]} scale)" >&2; exit 2 ;; esac
done
case $interfaces in ''|*[!0-9]*) echo "bench: BENCH_INTERFACES must be a number, not '$interfaces'" >&2; exit 2 ;; esac

scripts/lib/ensure-ovs.sh
if ! command -v hyperfine >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bench: installing hyperfine" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null 2>&1 \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null 2>&1; } \
      || echo "bench: hyperfine unavailable; list is timed by a loop instead" >&2
  else
    echo "bench: hyperfine not installed; list is timed by a loop instead" >&2
  fi
fi

# The runnable jar, the compiled benchmarks, and their class path (from the reactor, never `install`).
./mvnw -B -ntp -q -DskipTests -pl benchmarks -am package dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime
cp="benchmarks/target/classes:$(cat benchmarks/target/bench.classpath)"

out=$(mktemp -d /tmp/ovs-qos-bench.XXXXXX)
results=$out/results.tsv
: > "$results"
echo "bench: machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)," \
  "load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $(ovsdb-server --version | head -1);" \
  "$interfaces interfaces"

declare -A class=(
  [transact]=TransactBenchmark
  [new-iface]=PolicingLatencyBenchmark
  [steady]=SteadyStateBenchmark
  [list]=ListCommandBenchmark
  [ready]=ReadyBenchmark
  [first-policing]=FirstPolicingBenchmark
  [tick]=TickDurationBenchmark
  [transact-size]=TransactSizeBenchmark
)
load1() { cut -d' ' -f1 /proc/loadavg; }
await_quiet() {
  [ -n "${BENCH_QUIET_LOAD:-}" ] || return 0
  local deadline=$((SECONDS + ${BENCH_QUIET_WAIT:-900}))
  while awk -v l="$(load1)" -v q="$BENCH_QUIET_LOAD" 'BEGIN { exit !(l > q) }'; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "bench: load still $(load1) > $BENCH_QUIET_LOAD; measuring anyway" >&2
      return 0
    fi
    sleep 10
  done
}

failed=()
for w in "${wanted[@]}"; do
  await_quiet
  echo "bench: ---- $w (${class[$w]}, $interfaces interfaces) ---- load $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%s\t%s\t%s\t%s\t-\t-\n' "$w" "$interfaces" "load average at start (1/5/15 min)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$results"
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is split into words on purpose
  if ! java -cp "$cp" -Djava.io.tmpdir=/tmp -Dbench.repo="$repo" -Dbench.results="$results" \
      -Dbench.interfaces="$interfaces" ${BENCH_JAVA_OPTS:-} "org.ovsqos.bench.${class[$w]}" \
      2>"$out/$w.err" | tee "$out/$w.out"; then
    failed+=("$w")
    echo "bench: $w failed; its stderr:" >&2
    tail -30 "$out/$w.err" >&2
  fi
done

echo
echo "bench: results (also in $results); load now $(cut -d' ' -f1-3 /proc/loadavg)"
{
  printf 'benchmark\tifaces\tmetric\tvalue\ttarget\tverdict\n'
  cat "$results"
} | column -t -s $'\t'
if [ "${#failed[@]}" -gt 0 ]; then
  echo "bench: FAILED to run: ${failed[*]}" >&2
  exit 1
fi
