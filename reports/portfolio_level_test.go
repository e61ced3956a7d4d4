package reports

import (
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
)

// The portfolio names the programmes' common level, and refuses to put
// intervals at different levels side by side.
func TestPortfolioLevel(t *testing.T) {
	k, n, est := 52, 148, 52.0/148
	res := func(id string, level float64) *results.Results {
		return &results.Results{Cohort: results.CohortInfo{ID: id, Title: id, Language: "da"}, Bootstrap: results.BootstrapInfo{Level: level},
			Measures: []results.Measure{{ID: "m", Label: "M", Among: "started", Count: &k, Denominator: &n, Estimate: &est}}}
	}
	p, err := BuildPortfolio("da", []*results.Results{res("a", 0.9), res("b", 0.9)}, []int{0, 0})
	if err != nil || p.Level != 0.9 {
		t.Fatalf("level %v, %v", p, err)
	}
	if got := TextFor(p.Language, p.Level).PortfolioIntro; !strings.Contains(got, "90 %-konfidensinterval") {
		t.Errorf("intro %q", got)
	}
	_, err = BuildPortfolio("da", []*results.Results{res("a", 0.9), res("b", 0.95)}, []int{0, 0})
	if err == nil || !strings.Contains(err.Error(), "b has 0.95") {
		t.Errorf("mixed levels: %v", err)
	}
}
