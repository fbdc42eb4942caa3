#!/bin/sh
# Side-by-side timing of `padlock match` and R (glm + MatchIt) on the same generated CSV.
# Usage: benchmarks/run_vs_matchit.sh [TREATED] [CONTROLS]   (defaults 1000 100000)
# Needs: a built tree (./mvnw -B -o -q -DskipTests package), R with MatchIt, GNU time (/usr/bin/time) if present.
set -e
cd "$(dirname "$0")/.."
T=${1:-1000}
C=${2:-100000}
DIR=$(mktemp -d)
CSV="$DIR/data.csv"
java -cp "padlock-bench/target/padlock-bench.jar:padlock-bench/target/lib/*" org.padlock.bench.SyntheticData "$T" "$C" 1 "$CSV"
echo "data: $T treated, $C controls, 8 covariates (x1..x7, 5-level factor f): $CSV"
TIME=""
if [ -x /usr/bin/time ]; then TIME="/usr/bin/time -f %e_s_%M_kB"; fi
now() { date +%s.%N; }
run_padlock() {
  s=$(now)
  $TIME java -jar padlock-cli/target/padlock.jar match --data "$CSV" --id id --treatment treat \
    --covariates x1,x2,x3,x4,x5,x6,x7,f --factors f --caliper 0.2 $1 --out "$DIR/matched.csv" --json \
    > "$DIR/padlock.json" 2> "$DIR/padlock.err" || { cat "$DIR/padlock.err"; exit 1; }
  e=$(now)
  echo "$e - $s" | bc
}
run_r() {
  s=$(now)
  $TIME Rscript benchmarks/matchit_bench.R "$CSV" "$1" "$2" "$3" > "$DIR/r.out" 2> "$DIR/r.err" || { cat "$DIR/r.err"; exit 1; }
  e=$(now)
  echo "$e - $s" | bc
}
echo "design 1:1 without replacement, caliper 0.2 SD"
P=$(run_padlock "")
echo "  padlock match (whole process): ${P}s  $(grep -o '[0-9.]*_s_[0-9]*_kB' "$DIR/padlock.err" | tail -1)"
echo "    treated matched: $(grep -o '"n_treated_matched" : [0-9]*' "$DIR/padlock.json")"
for MODE in compiled fixed; do
  R=$(run_r $MODE 1 FALSE)
  echo "  R glm + MatchIt ($MODE matcher) (whole process): ${R}s  $(grep -o '[0-9.]*_s_[0-9]*_kB' "$DIR/r.err" | tail -1)"
  echo "    $(head -1 "$DIR/r.out")"
  echo "  ratio R / padlock: $(echo "scale=2; $R / $P" | bc)"
done
echo "design 6:1 with replacement, caliper 0.2 SD"
P=$(run_padlock "--ratio 6 --replace")
echo "  padlock match (whole process): ${P}s  $(grep -o '[0-9.]*_s_[0-9]*_kB' "$DIR/padlock.err" | tail -1)"
R=$(run_r compiled 6 TRUE)
echo "  R glm + MatchIt (compiled matcher; 4.5.1 is wrong for k:1 with replacement, timing only): ${R}s  $(grep -o '[0-9.]*_s_[0-9]*_kB' "$DIR/r.err" | tail -1)"
echo "    $(head -1 "$DIR/r.out")"
echo "  ratio R / padlock: $(echo "scale=2; $R / $P" | bc)"
rm -rf "$DIR"
