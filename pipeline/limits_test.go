package pipeline

import (
	"fmt"
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/pipeline/config"
)

func TestLimitStrata(t *testing.T) {
	cfg := &config.Config{Strata: "site", Columns: map[string]config.Column{"site": {Header: "sted", Type: "text"}}}
	values := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("Sted %d", i)
		}
		return out
	}
	long := strings.Repeat("x", 300<<10)
	tests := []struct {
		name   string
		strata []string
		want   string   // error; "" for none
		names  []string // strata after the limits
	}{
		{"50 strata", values(50), "", values(50)},
		{"51 strata", values(51), `strata: column site (header "sted") has 51 different values among the included rows; at most 50`, nil},
		{"long name cut", []string{"A", long}, "", []string{"A", strings.Repeat("x", 199) + "…"}},
		{"two names alike after the cut", []string{long + "1", long + "2"}, "agree in their first 199 characters", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Cohort{Strata: tt.strata}
			err := limitStrata(cfg, c)
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error %v, want %q", err, tt.want)
				}
				return
			}
			if err != nil || strings.Join(c.Strata, "|") != strings.Join(tt.names, "|") {
				t.Errorf("error %v, strata %.80q", err, c.Strata)
			}
		})
	}
}
