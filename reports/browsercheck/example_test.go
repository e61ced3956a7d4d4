package browsercheck_test

import (
	"context"
	"fmt"
	"time"

	"github.com/danish-eval/evaluate/reports/browsercheck"
)

// A test binary starts one browser and checks each page in a tab of its own;
// a test skips where Find finds no browser, and reports each of
// rep.Problems() with t.Error.
func ExampleBrowser_Check() {
	path, ok := browsercheck.Find()
	if !ok {
		fmt.Println("chromium not found: install Debian's chromium package to run the browser checks")
		return
	}
	b, err := browsercheck.NewBrowser(context.Background(), path)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer b.Close()
	for _, page := range []string{"out/pva/report.html", "out/portfolio/report.html"} {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		rep, err := b.Check(ctx, page, browsercheck.Options{Widths: []int{390, 1280}})
		cancel()
		if err != nil {
			fmt.Println(err)
			continue
		}
		for _, p := range rep.Problems() {
			fmt.Println(p)
		}
	}
}
