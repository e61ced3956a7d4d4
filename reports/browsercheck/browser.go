package browsercheck

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sync"

	"github.com/chromedp/chromedp"
)

// ErrNoChromium is returned by Check when Find finds no browser.
var ErrNoChromium = errors.New("chromium not found: install Debian's chromium package or set $CHROMIUM")

// candidates are the browsers Find tries after $CHROMIUM, in order: Debian's
// package first, then the names other systems use.
var candidates = []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"}

// Find returns the browser to run: $CHROMIUM when it is set (even when it
// names nothing, so that a wrong setting fails loudly instead of skipping),
// else the first of candidates on this machine.
func Find() (string, bool) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		if abs, err := exec.LookPath(p); err == nil {
			return abs, true
		}
		return p, true
	}
	for _, name := range candidates {
		if abs, err := exec.LookPath(name); err == nil {
			return abs, true
		}
	}
	return "", false
}

// Browser is one running headless Chromium; each Check opens its own tab, so
// a test binary starts the browser once and checks many pages with it.
type Browser struct {
	ctx    context.Context // the browser's first tab; new tabs derive from it
	cancel context.CancelFunc
	// closing counts the tabs still closing: Check does not wait for that
	// (Chromium takes half a second to drop a closed tab), Close does.
	closing sync.WaitGroup
}

// NewBrowser starts the Chromium at path. It runs until Close or until ctx
// ends, so ctx should have no deadline; give each Check its own.
func NewBrowser(ctx context.Context, path string) (*Browser, error) {
	b, err := start(ctx, path)
	if err != nil && ctx.Err() == nil {
		// On a busy machine Chromium has crashed while starting, once in
		// some dozens of starts; a second start has always worked.
		b, err = start(ctx, path)
	}
	return b, err
}

func start(ctx context.Context, path string) (*Browser, error) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		// CI runs as root, where Chromium's sandbox will not start.
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		// Every request is failed in the page (see watch), and this keeps
		// anything the page-level interception misses, such as a WebSocket,
		// from resolving a host name.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		// Colours and fonts as a reader's screen shows them, not as the
		// host's configuration may tweak them.
		chromedp.Flag("force-color-profile", "srgb"),
	)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil {
		bcancel()
		acancel()
		return nil, fmt.Errorf("start %s: %w", path, err)
	}
	return &Browser{ctx: bctx, cancel: func() { bcancel(); acancel() }}, nil
}

// Close stops the browser and waits for it to exit.
func (b *Browser) Close() {
	b.closing.Wait()
	b.cancel()
}

// Check starts a browser (see Find), checks one page with it and stops it.
// To check several pages, use NewBrowser and Browser.Check.
func Check(ctx context.Context, htmlPath string, opt Options) (Report, error) {
	if _, err := os.Stat(htmlPath); err != nil {
		return Report{}, fmt.Errorf("browsercheck: %w", err)
	}
	path, ok := Find()
	if !ok {
		return Report{}, ErrNoChromium
	}
	b, err := NewBrowser(ctx, path)
	if err != nil {
		return Report{}, err
	}
	defer b.Close()
	return b.Check(ctx, htmlPath, opt)
}
