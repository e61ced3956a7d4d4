// Command evaluate turns an employment programme's Excel extract and a cohort
// config into a funder-ready report with bootstrap confidence intervals.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
