#!/bin/sh
# Side-by-side timing of `padlock match` and R (glm + MatchIt) on the same generated CSV.
# Usage: benchmarks/run_vs_matchit.sh [TREATED] [CONTROLS]   (defaults 1000 100000)
#        SKIP_R_REPLACE=1 skips R's 6:1 run with replacement (MatchIt 4.5.1 takes many minutes at 1M controls)
# Needs: a built tree (./mvnw -B -o -q -DskipTests package), R with MatchIt, GNU time (/usr/bin/time).
# padlock runs through its launcher ./padlock, with the launcher's JVM options (PADLOCK_JAVA_OPTS overrides them).
# For each side: wall-clock seconds and CPU seconds (user + system, all threads) of the whole process, peak RSS;
# padlock's own step times (--verbose) and R's (read / glm / matchit / summary). On a shared machine the CPU
# seconds are the steadier measure; every ratio is R / padlock from the same run.
set -e
cd "$(dirname "$0")/.."
T=${1:-1000}
C=${2:-100000}
DIR=$(mktemp -d)
CSV="$DIR/data.csv"
java -cp "padlock-bench/target/padlock-bench.jar:padlock-bench/target/lib/*" org.padlock.bench.SyntheticData "$T" "$C" 1 "$CSV"
./padlock --version > /dev/null  # the launcher rebuilds here, not inside a timed run, if sources changed
export PADLOCK_NO_BUILD=1
echo "data: $T treated, $C controls, 8 covariates (x1..x7, 5-level factor f): $CSV; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
TIME="/usr/bin/time -f %e_s_%U_u_%S_s_%M_kB"
stat_of() { grep -o '[0-9.]*_s_[0-9.]*_u_[0-9.]*_s_[0-9]*_kB' "$1" | tail -1; }
wall() { echo "$1" | cut -d_ -f1; }
cpu() { echo "$1" | awk -F_ '{print $3 + $5}'; }
rss() { echo "$1" | awk -F_ '{printf "%.0f MB", $7 / 1024}'; }
# step FILE NAME [1|2]: a --verbose step's wall-clock (1, the default) or CPU (2) seconds
step() { grep "^time: $2" "$1" | head -1 | sed "s/.*: \([0-9.]*\) s (CPU \([0-9.]*\) s)\$/\\${3:-1}/"; }
run_padlock() {
  $TIME ./padlock match --data "$CSV" --id id --treatment treat \
    --covariates x1,x2,x3,x4,x5,x6,x7,f --factors f --caliper 0.2 $1 --out "$DIR/matched.csv" --json --verbose \
    > "$DIR/padlock.json" 2> "$DIR/padlock.err" || { cat "$DIR/padlock.err"; exit 1; }
  P=$(stat_of "$DIR/padlock.err")
  FIT=$(step "$DIR/padlock.err" "propensity fit")
  MATCH=$(step "$DIR/padlock.err" "matching")
  PFM=$(echo "$FIT + $MATCH" | bc)
  PFMCPU=$(echo "$(step "$DIR/padlock.err" "propensity fit" 2) + $(step "$DIR/padlock.err" "matching" 2)" | bc)
  echo "  padlock match: wall $(wall "$P") s, CPU $(cpu "$P") s, peak RSS $(rss "$P")"
  echo "    steps: $(grep '^time: ' "$DIR/padlock.err" | sed 's/^time: //' | tr '\n' ';')"
  echo "    propensity fit + matching: $PFM s (CPU $PFMCPU s); treated matched: $(grep -o '"n_treated_matched" : [0-9]*' "$DIR/padlock.json" | grep -o '[0-9]*$')"
}
run_r() {
  $TIME Rscript benchmarks/matchit_bench.R "$CSV" "$1" "$2" "$3" > "$DIR/r.out" 2> "$DIR/r.err" || { cat "$DIR/r.err"; exit 1; }
  R=$(stat_of "$DIR/r.err")
  GLM=$(grep -o 'glm_s [0-9.]*' "$DIR/r.out" | cut -d' ' -f2)
  MI=$(grep -o 'matchit_s [0-9.]*' "$DIR/r.out" | cut -d' ' -f2)
  echo "  R ($1 matcher): wall $(wall "$R") s, CPU $(cpu "$R") s, peak RSS $(rss "$R")"
  echo "    $(head -1 "$DIR/r.out")"
  echo "  ratios R / padlock: whole process wall $(echo "scale=2; $(wall "$R") / $(wall "$P")" | bc), CPU $(echo "scale=2; $(cpu "$R") / $(cpu "$P")" | bc);" \
       "R glm alone / padlock whole process $(echo "scale=2; $GLM / $(wall "$P")" | bc);" \
       "R glm alone / padlock fit + matching $(echo "scale=2; $GLM / $PFM" | bc) (by padlock's CPU $(echo "scale=2; $GLM / $PFMCPU" | bc));" \
       "R matchit() (its glm + matching) / padlock fit + matching $(echo "scale=2; $MI / $PFM" | bc)"
}
echo "design 1:1 without replacement, caliper 0.2 SD"
run_padlock ""
run_r compiled 1 FALSE
if [ "$C" -le 100000 ]; then run_r fixed 1 FALSE; fi
echo "design 6:1 with replacement, caliper 0.2 SD"
run_padlock "--ratio 6 --replace"
if [ -n "${SKIP_R_REPLACE-}" ]; then
  echo "  R skipped (SKIP_R_REPLACE): MatchIt 4.5.1's 6:1 matcher takes many minutes at this size; R's glm is in the 1:1 line"
else
  run_r compiled 6 TRUE
  echo "  (MatchIt 4.5.1's compiled matcher is wrong for k:1 with replacement: its time is shown, not its matches)"
fi
rm -rf "$DIR"
