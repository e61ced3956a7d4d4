package browsercheck

import (
	"context"
	"iter"
	"net/url"
	"sync"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// endMarker is the console message after which the page has written all
// it will: console messages arrive in order, so when it is read, all before
// it have been.
const endMarker = "browsercheck: end of checks"

// watcher records a tab's console problems and its requests, and fails every
// request but the one for the page itself.
type watcher struct {
	self string // the page's own path, as a file: URL's path
	done chan struct{}

	mu       sync.Mutex
	console  []ConsoleMessage
	requests []Request
}

// watch subscribes to the tab's console and paused requests before anything
// loads, so that nothing is missed.
func watch(tab context.Context, self string) *watcher {
	w := &watcher{self: self, done: make(chan struct{})}
	go w.readConsole(chromedp.Console(tab))
	go w.block(tab, chromedp.Events(tab, fetch.RequestPaused))
	return w
}

// readConsole keeps errors, warnings, failed assertions and exceptions.
func (w *watcher) readConsole(msgs iter.Seq2[chromedp.ConsoleMessage, error]) {
	defer close(w.done)
	for m, err := range msgs {
		if err != nil {
			return
		}
		switch m.Type {
		case chromedp.ConsoleDebug:
			if m.Text == endMarker {
				return
			}
		case chromedp.ConsoleError, chromedp.ConsoleWarning, chromedp.ConsoleException, "assert":
			w.mu.Lock()
			w.console = append(w.console, ConsoleMessage{
				Type: string(m.Type), Text: m.Text, URL: m.URL, Line: m.Line + 1,
			})
			w.mu.Unlock()
		}
	}
}

// block lets the page's own file load and fails every other request before
// it leaves the browser, recording it. Errors of the replies are dropped:
// they only come when the tab is closing, and then nothing waits for them.
func (w *watcher) block(tab context.Context, paused iter.Seq2[fetch.EventRequestPaused, error]) {
	for ev, err := range paused {
		if err != nil {
			return
		}
		if w.isSelf(ev.Request.URL) {
			_, _ = chromedp.Call(tab, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
			continue
		}
		w.mu.Lock()
		w.requests = append(w.requests, Request{URL: ev.Request.URL, Type: string(ev.ResourceType)})
		w.mu.Unlock()
		_, _ = chromedp.Call(tab, fetch.FailRequest, fetch.FailRequestParams{
			RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient,
		})
	}
}

func (w *watcher) isSelf(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && u.Scheme == "file" && u.Path == w.self
}

// finish writes endMarker to the console, waits until it has been read and
// returns what was recorded.
func (w *watcher) finish(tab context.Context) ([]ConsoleMessage, []Request, error) {
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](
		`console.debug(`+jsString(endMarker)+`)`)); err != nil {
		return nil, nil, err
	}
	select {
	case <-w.done:
	case <-tab.Done():
		return nil, nil, context.Cause(tab)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.console, w.requests, nil
}
