package diff

import "testing"

func TestWords(t *testing.T) {
	for _, c := range []struct {
		set  []string
		want string
	}{
		{[]string{"measures.employment.count = hours >= 10"}, "employment: count = hours >= 10"},
		{[]string{"measures.employment.target.at_least = 0.3", "measures.education.among = started"},
			"employment: target at least = 0.3; education: among = started"},
		{[]string{"cohort.include = weeks(start, end ?? followup) >= 4"}, "included if = weeks(start, end ?? followup) >= 4"},
		{[]string{"retention.times = [4, 26]"}, "retention times = [4, 26]"},
		{[]string{"cohort.status.completed = reason == 'x'"}, "status completed if reason == 'x'"},
		{[]string{"exits.categories.job = hours > 0"}, "exit job if hours > 0"},
		{[]string{"bootstrap.methods = [percentile]"}, "bootstrap methods = [percentile]"},
		{[]string{"no value"}, "no value"},
		{nil, ""},
	} {
		if got := Words(c.set); got != c.want {
			t.Errorf("Words(%q) = %q, want %q", c.set, got, c.want)
		}
	}
}
