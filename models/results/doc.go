// Package results holds the schema of results.json (evaluate/results/v1)
// and the rules about it: what a report publishes, as typed values, shared
// by pipeline (which computes and discloses them) and reports (which only
// presents them). Field order is fixed by the structs; numbers are
// unrounded; a suppressed figure is nil (JSON null), never NaN.
package results
