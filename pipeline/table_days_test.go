package pipeline

import (
	"testing"
	"time"

	"github.com/danish-eval/evaluate/pipeline/extract"
	"github.com/danish-eval/evaluate/pipeline/rules"
)

// TestDaysShared: rules read the extract's date columns as they are held
// (days), so both must spell a missing day the same way and give the same
// time for every day.
func TestDaysShared(t *testing.T) {
	if extract.NoDay != rules.NoDay {
		t.Fatalf("extract.NoDay %d, rules.NoDay %d", extract.NoDay, rules.NoDay)
	}
	days := []int32{extract.NoDay, -25567, -1, 0, 18262, 84000}
	col := &rules.Column{Kind: rules.Date, Days: days}
	f := rules.Frame{"d": col}
	r, err := rules.Compile("test", "d", rules.Env{"d": rules.Date}, rules.Date)
	if err != nil {
		t.Fatal(err)
	}
	var res rules.Result
	if _, err := r.Run(f, []int32{0, 1, 2, 3, 4, 5}, &res); err != nil {
		t.Fatal(err)
	}
	ec := &extract.Column{Days: days}
	for i := range days {
		want := ec.DateAt(i)
		if got := rules.DayTime(res.Days[i]); got != want || res.OK[i] == want.IsZero() {
			t.Errorf("day %d: rules %v %v, extract %v", days[i], got, res.OK[i], want)
		}
	}
	if got := ec.DateAt(3); got != time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC) {
		t.Errorf("day 0 = %v", got)
	}
}
