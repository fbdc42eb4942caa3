#!/bin/sh
# Side-by-side timing of `padlock estimate` and R on the same generated CSV (org.padlock.bench.ClusteredData):
# WLS + CR1 (R: lm + sandwich::vcovCL HC1, and estimatr::lm_robust se_type "stata"), CR2 with Satterthwaite df
# (R: clubSandwich vcovCR CR2 + coef_test), the random-intercept model by REML (R: lme4::lmer), and padlock's
# wild cluster bootstrap with B = 9,999 (no R counterpart installed here). Whole processes (start, CSV read,
# fit, output), peak RSS from GNU time; each R / padlock ratio is from the same run.
# Usage: benchmarks/run_estimators_vs_r.sh [PUPILS] [SCHOOLS] [COVARIATES]   (defaults 100000 500 20)
# Environment: SKIP="cr2 mixed ..." leaves out R's side of those models (R's clubSandwich at 1M pupils takes
# over 5 minutes and 12 GB); ONLY="cr1" runs only the listed models (cr1 cr2 mixed wild). padlock runs through
# its launcher ./padlock with the launcher's JVM options; PADLOCK_JAVA_OPTS replaces them (e.g.
# PADLOCK_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmx12g" at 6M pupils).
# Needs: a built tree (./mvnw -B -o -q -DskipTests package), R with sandwich, clubSandwich, estimatr, lme4.
set -e
cd "$(dirname "$0")/.."
N=${1:-100000}
G=${2:-500}
K=${3:-20}
DIR=$(mktemp -d)
CSV="$DIR/data.csv"
java -cp "padlock-bench/target/padlock-bench.jar:padlock-bench/target/lib/*" org.padlock.bench.ClusteredData "$N" "$G" "$K" 1 "$CSV"
COVS=$(seq -s, 1 "$K" | sed 's/\([0-9]*\)/x\1/g')
./padlock --version > /dev/null  # the launcher rebuilds here, not inside a timed run, if sources changed
export PADLOCK_NO_BUILD=1
echo "data: $N pupils, $G schools, $K covariates: $CSV"
TIME=""
if [ -x /usr/bin/time ]; then TIME="/usr/bin/time -f %e_s_%M_kB"; fi
now() { date +%s.%N; }
mem() { grep -o '[0-9.]*_s_[0-9]*_kB' "$1" | tail -1; }
padlock() {
  s=$(now)
  $TIME ./padlock estimate --data "$CSV" --outcome y --treatment treat --covariates "$COVS" \
    "$@" --json > "$DIR/p.json" 2> "$DIR/p.err" || { cat "$DIR/p.err"; exit 1; }
  e=$(now)
  echo "$e - $s" | bc
}
rside() {
  s=$(now)
  $TIME Rscript benchmarks/estimators_bench.R "$CSV" "$1" > "$DIR/r.out" 2> "$DIR/r.err" || { cat "$DIR/r.err"; exit 1; }
  e=$(now)
  echo "$e - $s" | bc
}
want() { [ -z "$ONLY" ] || echo " $ONLY " | grep -q " $1 "; }
estimates() { grep -o '"estimate" : [-0-9.eE]*\|"std_error" : [-0-9.eE]*\|"df" : [-0-9.eE]*' "$DIR/p.json" | head -3 | tr '\n' ' '; }
show() {  # label padlock-seconds r-label r-mode
  if echo " $SKIP " | grep -q " $4 "; then
    echo "$1: padlock ${2}s ($(mem "$DIR/p.err")); $3 skipped"
    echo "    padlock: $(estimates)"
    return
  fi
  R=$(rside "$4")
  echo "$1: padlock ${2}s ($(mem "$DIR/p.err")); $3 ${R}s ($(mem "$DIR/r.err")); R / padlock $(echo "scale=2; $R / $2" | bc)"
  echo "    padlock: $(estimates)"
  echo "    R: $(cat "$DIR/r.out")"
}
if want cr1; then
  P=$(padlock --weights w --cluster school --se cr1)
  show "WLS + CR1" "$P" "lm + vcovCL" cr1
  show "WLS + CR1" "$P" "lm_robust(stata)" lm_robust
fi
if want cr2; then
  P=$(padlock --weights w --cluster school --se cr2)
  show "CR2 + Satterthwaite" "$P" "clubSandwich vcovCR + coef_test" cr2
fi
if want mixed; then
  P=$(padlock --model mixed --group school)
  show "random intercept REML" "$P" "lmer" mixed
fi
if want wild; then
  P=$(padlock --weights w --cluster school --se wild --bootstrap-reps 9999 --seed 1)
  echo "wild bootstrap B=9999: padlock ${P}s ($(mem "$DIR/p.err")); no R counterpart installed (fwildclusterboot)"
fi
rm -rf "$DIR"
