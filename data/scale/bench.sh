#!/usr/bin/env bash
# make bench-scale: the time of every stage and the peak memory of a whole
# `evaluate report` on invented pva-shaped extracts written by data/scale:
# CSV at 10³ … 10⁶ rows (SCALE_MAX=10000000 adds 10⁷), 10⁶ rows with pva's
# three sensitivity variants, and a 10⁶-row workbook, whose `evaluate
# validate` is also timed against R's readxl reading the same sheet (when
# Rscript and readxl are installed). Prints markdown for README.md.
set -euo pipefail
bin=${1:-bin/evaluate}
max=${SCALE_MAX:-1000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/scale" ./data/scale
stages="ingest|select cohort|measures|bootstrap|sensitivity|retention|disclose|render|write"

# row LABEL: one table row from the last run's log and time.
row() {
	local r="| $1" s ms secs kb
	IFS='|' read -ra names <<<"$stages"
	for s in "${names[@]}"; do
		ms=$(awk -v s="$s" '$0 ~ "^scale +"s" +[0-9.]+ ms$" {print $(NF-1)}' "$tmp/log" | tail -1)
		r="$r | $(awk -v m="${ms:-0}" 'BEGIN {printf "%.2f s", m/1000}')"
	done
	read -r secs kb <"$tmp/time"
	echo "$r | $secs | $((kb / 1024)) |"
}

# data_ms: the last run's milliseconds in the stages that read the data
# (all but drawing and writing the report, whose cost does not grow with
# the rows).
data_ms() {
	awk '$0 ~ "^scale +(ingest|select cohort|measures|bootstrap|sensitivity|retention|describe|disclose) +[0-9.]+ ms$" {s += $(NF-1)} END {print s + 0}' "$tmp/log"
}

# report ROWS LABEL [scale flags]: generate, run the whole report, print its row.
report() {
	local n=$1 label=$2
	shift 2
	"$tmp/scale" -rows "$n" -out "$tmp/data" "$@"
	/usr/bin/time -f "%e %M" -o "$tmp/time" "$bin" report --verbose --out "$tmp/out" "$tmp/data/scale.yaml" >/dev/null 2>"$tmp/log"
	row "$label" | tee -a "$tmp/table"
	echo "$n $(cut -d' ' -f1 "$tmp/time") $(data_ms)" >>"$tmp/fit"
}

echo "| rows | ingest | select | measures | bootstrap | sensitivity | retention | disclose | render | write | total (s) | peak RSS (MB) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in 1000 10000 100000 1000000 10000000; do
	[ "$n" -gt "$max" ] && break
	report "$n" "$n"
	rm -rf "$tmp/data" "$tmp/out"
done
cp "$tmp/fit" "$tmp/fit.csv"
report 1000000 "1000000 + 3 variants" -variants
rm -rf "$tmp/data" "$tmp/out"
report 1000000 "1000000 (xlsx)" -xlsx

/usr/bin/time -f "%e %M" -o "$tmp/time" "$bin" validate "$tmp/data/scale.yaml" >/dev/null 2>&1
read -r vsecs vkb <"$tmp/time"
echo
echo "\`evaluate validate\` on the 10⁶-row workbook: $vsecs s, peak RSS $((vkb / 1024)) MB."
if command -v Rscript >/dev/null && Rscript -e 'library(readxl)' >/dev/null 2>&1; then
	rsecs=$(cd "$tmp/data" && Rscript -e 'suppressMessages(library(readxl)); t <- system.time(read_excel("scale.xlsx", sheet = "Deltagere")); cat(t[["elapsed"]])')
	echo "R $(Rscript -e 'cat(format(packageVersion("readxl")))') \`read_excel\` reading the same sheet: $rsecs s (ratio $(awk -v a="$vsecs" -v b="$rsecs" 'BEGIN {printf "%.2f", a/b}'))."
fi

# The growth exponents: least squares of log(time) on log(rows) over the
# CSV rows from 10⁵ up, for the whole run and for the stages that read the
# data (the report's drawing is a fixed cost that flattens the first).
awk '$1 >= 100000 && $3 > 0 {x = log($1); n++; sx += x; sxx += x*x
	y = log($2); sy += y; sxy += x*y; z = log($3); sz += z; sxz += x*z}
	END {if (n >= 2) printf "Time grows as rows^%.2f in the stages that read the data, rows^%.2f for the whole run (least squares on the CSV rows from 10⁵ up).\n",
		(n*sxz - sx*sz) / (n*sxx - sx*sx), (n*sxy - sx*sy) / (n*sxx - sx*sx)}' "$tmp/fit.csv"
