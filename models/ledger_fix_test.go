package models

import "testing"

// Fix settles a margin: shown, it is never hidden, so a small part's
// sibling goes instead; hidden, the small part needs no partner.
func TestLedgerFix(t *testing.T) {
	for _, c := range []struct {
		name          string
		totalHidden   bool
		wantBigHidden bool
	}{{"margin shown", false, true}, {"margin hidden", true, false}} {
		l := NewLedger(10, 5, ZerosPublish)
		all, small, big := NewBits(10), NewBits(10), NewBits(10)
		for i := range 10 {
			all.Set(i)
			if i < 2 {
				small.Set(i)
			} else {
				big.Set(i)
			}
		}
		total := l.Publish(all, "total", 1)
		l.Fix(total, c.totalHidden)
		s, b := l.Publish(small, "small", 10), l.Publish(big, "big", 10)
		l.Partition(total, s, b)
		p, err := l.Protect()
		if err != nil {
			t.Fatal(err)
		}
		if p.Hidden(total) != c.totalHidden || !p.Hidden(s) || p.Hidden(b) != c.wantBigHidden {
			t.Errorf("%s: total %v small %v big %v", c.name, p.Hidden(total), p.Hidden(s), p.Hidden(b))
		}
		if p.Primary != 1 || p.Secondary != map[bool]int{true: 1, false: 0}[c.wantBigHidden] {
			t.Errorf("%s: primary %d secondary %d", c.name, p.Primary, p.Secondary)
		}
	}
}
