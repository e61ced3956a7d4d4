package browsercheck

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Check opens the page at htmlPath in a new tab and reports what it shows
// (see Report). The error is for a page that could not be checked at all: a
// file that is not there, a browser that died, ctx ending.
func (b *Browser) Check(ctx context.Context, htmlPath string, opt Options) (Report, error) {
	abs, err := filepath.Abs(htmlPath)
	if err == nil {
		_, err = os.Stat(abs)
	}
	if err != nil {
		return Report{}, fmt.Errorf("browsercheck: %w", err)
	}
	tab, cancel := chromedp.NewContext(b.ctx)
	stop := context.AfterFunc(ctx, cancel)
	b.closing.Add(1)
	defer func() {
		stop()
		go func() { defer b.closing.Done(); cancel() }()
	}()
	rep, err := check(tab, abs, opt)
	if ctx.Err() != nil {
		err = context.Cause(ctx) // the browser's error would only say the tab closed
	}
	if err != nil {
		return Report{}, fmt.Errorf("browsercheck %s: %w", htmlPath, err)
	}
	rep.Path = htmlPath
	return rep, nil
}

// check runs the checks in the tab, one width after another.
func check(tab context.Context, abs string, opt Options) (Report, error) {
	widths := opt.Widths
	if len(widths) == 0 {
		widths = DefaultWidths
	}
	w := watch(tab, abs)
	err := chromedp.Do(tab,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{})
			return err
		}),
		// Our own scripts must run even where the page forbids scripts.
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Call(ctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true})
			return err
		}),
		chromedp.EmulateViewport(int64(widths[0]), viewportHeight),
		chromedp.Navigate((&url.URL{Scheme: "file", Path: abs}).String()),
	)
	if err != nil {
		return Report{}, err
	}
	var rep Report
	if rep.Axe, err = chromedp.Run(tab, inject()); err != nil {
		return Report{}, fmt.Errorf("inject axe-core: %w", err)
	}
	for _, width := range widths {
		if err := checkWidth(tab, width, &rep); err != nil {
			return Report{}, fmt.Errorf("at %d px: %w", width, err)
		}
	}
	if rep.Unnamed, err = chromedp.Run(tab, chromedp.Evaluate[[]Element](`window.__browsercheck.unnamed()`)); err != nil {
		return Report{}, err
	}
	hasMeta, err := chromedp.Run(tab, chromedp.Evaluate[bool](`window.__browsercheck.viewportMeta()`))
	if err != nil {
		return Report{}, err
	}
	rep.NoViewportMeta = !hasMeta
	rep.Console, rep.Requests, err = w.finish(tab)
	return rep, err
}

// checkWidth lays the page out at width and adds its layout and axe-core's
// violations to rep.
func checkWidth(tab context.Context, width int, rep *Report) error {
	if err := chromedp.Do(tab, chromedp.EmulateViewport(int64(width), viewportHeight)); err != nil {
		return err
	}
	l, err := chromedp.Run(tab, chromedp.Evaluate[Layout](`window.__browsercheck.layout()`, chromedp.EvalAwaitPromise))
	if err != nil {
		return err
	}
	l.Width = width
	rep.Layouts = append(rep.Layouts, l)
	found, err := chromedp.Run(tab, runAxe())
	if err != nil {
		return fmt.Errorf("axe-core: %w", err)
	}
	rep.Violations = mergeViolations(rep.Violations, found, width)
	return nil
}

// jsString writes v as a JavaScript literal.
func jsString(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only strings and string slices come here
	}
	return string(b)
}
