#!/usr/bin/env bash
# make bench-scale: the time of every stage and the peak memory of a whole
# `evaluate report` at 10³ … 10⁶ rows (SCALE_MAX=10000000 adds 10⁷), on
# CSV extracts written by data/scale; SCALE_VARIANTS=1 adds pva's three
# sensitivity variants. Prints a markdown table for README.md.
set -euo pipefail
bin=${1:-bin/evaluate}
max=${SCALE_MAX:-1000000}
variants=${SCALE_VARIANTS:-0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/scale" ./data/scale
stages="ingest|select cohort|measures|bootstrap|sensitivity|retention|disclose|render|write"
echo "| rows | ingest | select | measures | bootstrap | sensitivity | retention | disclose | render | write | total (s) | peak RSS (MB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in 1000 10000 100000 1000000 10000000; do
	[ "$n" -gt "$max" ] && break
	flags=()
	[ "$variants" = 1 ] && flags=(-variants)
	"$tmp/scale" -rows "$n" -out "$tmp/data" "${flags[@]}"
	/usr/bin/time -f "%e %M" -o "$tmp/time" "$bin" report --verbose --out "$tmp/out" "$tmp/data/scale.yaml" >/dev/null 2>"$tmp/log"
	row="| $n"
	IFS='|' read -ra names <<<"$stages"
	for s in "${names[@]}"; do
		ms=$(awk -v s="$s" '$0 ~ "^scale +"s" +[0-9.]+ ms$" {print $(NF-1)}' "$tmp/log" | tail -1)
		row="$row | $(awk -v m="${ms:-0}" 'BEGIN {printf "%.2f s", m/1000}')"
	done
	read -r secs kb <"$tmp/time"
	row="$row | $secs | $((kb / 1024)) |"
	echo "$row"
	rm -rf "$tmp/data" "$tmp/out"
done
