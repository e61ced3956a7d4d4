package pipeline

import "fmt"

// pubState is a row of retention.states as a reader sees it.
type pubState struct {
	Shares []struct {
		State string `json:"state"`
		N     *int   `json:"n"`
	} `json:"shares"`
}

// states adds what competing exits tell a reader: the Kaplan-Meier of time
// in the programme counts all exits, which are the exits of each kind; and
// each state's count is the number the other tables quote (still at risk,
// or that kind's exits so far). total is riskTable's output for the pooled
// table: per time k, total[2k][0] at risk and total[2k+1][0] exits.
func (a *attacker) states(r *published, total [][]int, exits [][]int) {
	ret := r.Retention
	if len(ret.Competing) == 0 || len(exits) == 0 {
		return
	}
	for k := range ret.Points {
		var parts []int
		for _, ek := range exits {
			parts = append(parts, ek[k])
		}
		a.sum(total[2*k+1][0], parts...)
	}
	for k, row := range ret.States {
		for j, s := range row.Shares {
			id := a.slot(fmt.Sprintf("state %s at time %d", s.State, k), s.N, 0)
			if j == 0 {
				a.sum(total[2*k][0], id)
			} else {
				a.sum(exits[j-1][k], id)
			}
		}
	}
}
