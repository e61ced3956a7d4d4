package pipeline

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// The attacker of issue 11: it reads only a results.json, as a hostile
// reader would, and tries every structural relation between the published
// numbers — a count and its complement, a total and its parts (statuses,
// strata, exit categories), risk tables per stratum and in total (at risk
// and cumulative exits at each time, exits and censoring between times,
// those who left before the first time), sensitivity rows against the
// main row, and (issue 14) the description tables (a field's rows against
// the group size, with a value against missing, bands against those with a
// value, each row's strata against its total), the intake (periods against
// the included, strata against each period and each stratum's periods
// against its size) and each measure's horizons (like a risk table, from
// the measure's denominator) and each further strata field's groups
// (sizes, measures and risk tables against the same totals as the first
// field's: across two partitions of the same people). It propagates bounds through the sums and reports every count
// of 1 … min_cell−1 that it can read or pin down exactly. It shares no code
// with the disclosure pass: it is the independent check.

type published struct {
	Flow struct {
		Included int             `json:"included"`
		Status   map[string]*int `json:"status"`
	} `json:"flow"`
	Describe  []pubDescription `json:"describe"`
	Intake    *pubIntake       `json:"intake"`
	Measures  []pubMeasure     `json:"measures"`
	ByStratum []struct {
		Stratum  string       `json:"stratum"`
		N        *int         `json:"n"`
		Measures []pubMeasure `json:"measures"`
	} `json:"by_stratum"`
	ByStrata  []pubStrataField `json:"by_strata"`
	Retention *struct {
		Points    []pubPoint `json:"points"`
		ByStratum []struct {
			Points []pubPoint `json:"points"`
		} `json:"by_stratum"`
		Incidence []struct {
			Points []pubPoint `json:"points"`
		} `json:"cumulative_incidence"`
		Competing []string   `json:"competing"`
		States    []pubState `json:"states"`
	} `json:"retention"`
	Exits *struct {
		Denominator *int         `json:"denominator"`
		Categories  []pubMeasure `json:"categories"`
	} `json:"exits"`
	Costs *struct {
		Count *int `json:"count"`
	} `json:"costs"`
	Sensitivity []struct {
		Measures []pubMeasure `json:"measures"`
	} `json:"sensitivity"`
	Comparison *pubComparison `json:"comparison"`
	Effects    []pubEffect    `json:"effects"`
	Disclosure struct {
		MinCell int    `json:"min_cell"`
		Zeros   string `json:"zeros"`
	} `json:"disclosure"`
}

type pubMeasure struct {
	ID          string   `json:"id"`
	Among       string   `json:"among"`
	Count       *int     `json:"count"`
	Denominator *int     `json:"denominator"`
	Missing     *int     `json:"missing"`
	Estimate    *float64 `json:"estimate"`
	Horizons    *struct {
		N      *int `json:"n"`
		Points []struct {
			NRisk  *int `json:"n_risk"`
			NEvent *int `json:"n_event"`
		} `json:"points"`
	} `json:"horizons"`
}

type pubPoint struct {
	NRisk  *int `json:"n_risk"`
	NEvent *int `json:"n_event"`
}

// attacker holds the unknowns (each published slot, shown or hidden, and
// the unpublished remainders) and the sums that tie them.
type attacker struct {
	min      int
	names    []string
	lo, hi   []int
	shown    []bool
	sums     [][]int // total, parts…
	combos   []combo // signed sums a reader would compute
	universe int     // nobody counts more than this
	byName   map[string]int
}

type combo struct {
	name  string
	terms map[int]int // var → coefficient
}

func newAttacker(min, universe int) *attacker {
	return &attacker{min: min, universe: universe, byName: map[string]int{}}
}

// slot is a published number: shown (exact) or hidden (at least lo).
func (a *attacker) slot(name string, v *int, lo int) int {
	if id, ok := a.byName[name]; ok {
		return id
	}
	id := len(a.names)
	a.names = append(a.names, name)
	a.byName[name] = id
	a.shown = append(a.shown, v != nil)
	if v != nil {
		a.lo, a.hi = append(a.lo, *v), append(a.hi, *v)
	} else {
		a.lo, a.hi = append(a.lo, lo), append(a.hi, a.universe)
	}
	return id
}

func (a *attacker) unknown(name string) int { return a.slot(name, nil, 0) }

func (a *attacker) sum(total int, parts ...int) {
	a.sums = append(a.sums, append([]int{total}, parts...))
}

// diff records x − y − … as a count a reader would compute.
func (a *attacker) diff(name string, plus []int, minus []int) {
	c := combo{name: name, terms: map[int]int{}}
	for _, p := range plus {
		c.terms[p]++
	}
	for _, m := range minus {
		c.terms[m]--
	}
	a.combos = append(a.combos, c)
}

// attack returns every small count it can read or derive from results.json.
func attack(resultsJSON []byte) ([]string, error) { return attackKnowing(resultsJSON, nil) }

// attackKnowing is attack with outside knowledge: know adds the sums a
// reader knows from elsewhere (that one group lies within another).
func attackKnowing(resultsJSON []byte, know func(a *attacker, r *published)) ([]string, error) {
	var r published
	if err := json.Unmarshal(resultsJSON, &r); err != nil {
		return nil, err
	}
	if r.Disclosure.MinCell <= 0 {
		return nil, nil
	}
	a := newAttacker(r.Disclosure.MinCell, r.Flow.Included*4+10)
	a.flow(&r)
	a.measures(&r)
	a.strata(&r)
	a.exits(&r)
	a.retention(&r)
	a.byStrata(&r)
	a.variants(&r)
	a.describe(&r)
	a.intake(&r)
	a.horizons(&r)
	a.comparison(&r)
	if r.Costs != nil && r.Costs.Count != nil {
		a.slot("saving count", r.Costs.Count, 0)
	}
	if know != nil {
		know(a, &r)
	}
	return a.findings(r.Flow.Included), nil
}

func (a *attacker) hiddenLo(r *published) int {
	if r.Disclosure.Zeros == "suppress" {
		return 0
	}
	return 1
}

func (a *attacker) flow(r *published) {
	all := a.slot("included", &r.Flow.Included, 0)
	var parts []int
	for _, name := range sortedKeys(r.Flow.Status) {
		parts = append(parts, a.slot("status "+name, r.Flow.Status[name], a.hiddenLo(r)))
	}
	a.sum(all, parts...)
}

// population is the published number a measure's denominator equals.
func (a *attacker) population(r *published, among string) (int, bool) {
	switch among {
	case "started":
		return a.byName["included"], true
	case "ended":
		return -1, false
	}
	id, ok := a.byName["status "+among]
	return id, ok
}

func (a *attacker) share(prefix string, m pubMeasure) (num, den int) {
	num = a.slot(prefix+" count", m.Count, 0)
	den = a.slot(prefix+" denominator", m.Denominator, 0)
	miss := a.slot(prefix+" missing", m.Missing, 0)
	rest := a.unknown(prefix + " complement")
	a.sum(den, num, miss, rest)
	a.diff(prefix+" denominator − count", []int{den}, []int{num})
	return num, den
}

func (a *attacker) measures(r *published) {
	for _, m := range r.Measures {
		_, den := a.share("measure "+m.ID, m)
		if pop, ok := a.population(r, m.Among); ok {
			a.sum(pop, den) // same people: a one-part sum is an equality
		}
	}
}

func (a *attacker) strata(r *published) {
	if len(r.ByStratum) == 0 {
		return
	}
	var sizes []int
	nums := make([][]int, len(r.Measures))
	dens := make([][]int, len(r.Measures))
	for _, st := range r.ByStratum {
		n := a.slot("stratum "+st.Stratum, st.N, a.hiddenLo(r))
		sizes = append(sizes, n)
		for j, m := range st.Measures {
			num, den := a.share(fmt.Sprintf("%s in %s", m.ID, st.Stratum), m)
			nums[j], dens[j] = append(nums[j], num), append(dens[j], den)
			if m.Among == "started" {
				a.sum(n, den)
			}
		}
	}
	a.sum(a.byName["included"], sizes...)
	for j, m := range r.Measures {
		a.sum(a.byName["measure "+m.ID+" count"], nums[j]...)
		a.sum(a.byName["measure "+m.ID+" denominator"], dens[j]...)
	}
}

func (a *attacker) exits(r *published) {
	if r.Exits == nil {
		return
	}
	base := a.slot("exit base", r.Exits.Denominator, 0)
	var parts []int
	for _, c := range r.Exits.Categories {
		num, den := a.share("exit "+c.ID, c)
		a.sum(base, den)
		parts = append(parts, num)
	}
	a.sum(base, append(parts, a.unknown("exit none"))...)
}

func (a *attacker) retention(r *published) {
	ret := r.Retention
	if ret == nil {
		return
	}
	all := a.byName["included"]
	total := a.riskTable(r, "", all, ret.Points, nil)
	for s, st := range ret.ByStratum {
		name := fmt.Sprintf(" in stratum %d", s)
		if s < len(r.ByStratum) {
			name = " in " + r.ByStratum[s].Stratum
		}
		n := a.unknown("stratum size" + name)
		if s < len(r.ByStratum) {
			n = a.byName["stratum "+r.ByStratum[s].Stratum]
		}
		cells := a.riskTable(r, name, n, st.Points, nil)
		for k := range cells {
			total[k] = append(total[k], cells[k][0])
		}
	}
	for _, rel := range total {
		if len(rel) > 1 {
			a.sum(rel[0], rel[1:]...)
		}
	}
	var exits [][]int
	for e, inc := range ret.Incidence {
		var ek []int
		for k, p := range inc.Points {
			ek = append(ek, a.slot(fmt.Sprintf("exit type %d by time %d", e, k), p.NEvent, 0))
		}
		exits = append(exits, ek)
		a.riskTable(r, fmt.Sprintf(" (exit type %d)", e), all, inc.Points, ek)
	}
	a.censoredBetween(ret.Points, exits)
	a.states(r, total, exits)
}

// riskTable adds one table's slots and the counts a reader derives from
// it; it returns, per time and kind, the slot (for the sums over strata).
func (a *attacker) riskTable(r *published, where string, n int, pts []pubPoint, events []int) [][]int {
	var out [][]int
	var prevR, prevE = -1, -1
	for k, p := range pts {
		rk := a.slot(fmt.Sprintf("at risk at time %d%s", k, where), p.NRisk, 0)
		ek := a.slot(fmt.Sprintf("exits by time %d%s", k, where), p.NEvent, 0)
		if events != nil {
			ek = events[k]
		}
		out = append(out, []int{rk}, []int{ek})
		if k == 0 {
			a.diff("left before the first time"+where, []int{n}, []int{rk})
			a.diff("left before the first time without the exit"+where, []int{n}, []int{rk, ek})
		} else {
			a.diff(fmt.Sprintf("left between times %d and %d%s", k-1, k, where), []int{prevR}, []int{rk})
			a.diff(fmt.Sprintf("exits between times %d and %d%s", k-1, k, where), []int{ek}, []int{prevE})
			a.diff(fmt.Sprintf("censored between times %d and %d%s", k-1, k, where), []int{prevR, prevE}, []int{rk, ek})
		}
		prevR, prevE = rk, ek
	}
	return out
}

// censoredBetween: with competing exits, those who left between two times
// minus every kind of exit between them were censored.
func (a *attacker) censoredBetween(pts []pubPoint, exits [][]int) {
	if len(exits) < 2 {
		return
	}
	for k := 1; k < len(pts); k++ {
		plus := []int{a.byName[fmt.Sprintf("at risk at time %d", k-1)]}
		minus := []int{a.byName[fmt.Sprintf("at risk at time %d", k)]}
		for _, ek := range exits {
			plus, minus = append(plus, ek[k-1]), append(minus, ek[k])
		}
		a.diff(fmt.Sprintf("censored (all exits) between times %d and %d", k-1, k), plus, minus)
	}
}

// variants: a sensitivity row against the main row of the same measure.
func (a *attacker) variants(r *published) {
	for v, s := range r.Sensitivity {
		for _, m := range s.Measures {
			prefix := fmt.Sprintf("variant %d %s", v+1, m.ID)
			num, den := a.share(prefix, m)
			mn, ok1 := a.byName["measure "+m.ID+" count"]
			md, ok2 := a.byName["measure "+m.ID+" denominator"]
			if ok1 && ok2 {
				a.diff(prefix+" count − main count", []int{num}, []int{mn})
				a.diff(prefix+" denominator − main denominator", []int{den}, []int{md})
			}
		}
	}
}

// findings propagates bounds through the sums and lists what is small.
func (a *attacker) findings(included int) []string {
	a.propagate()
	small := func(v int) bool { return v > 0 && v < a.min }
	var out []string
	for id, name := range a.names {
		exact := a.lo[id] == a.hi[id]
		switch {
		case a.shown[id] && !strings.HasPrefix(name, "included") && small(a.lo[id]):
			out = append(out, fmt.Sprintf("shown: %s = %d", name, a.lo[id]))
		case !a.shown[id] && exact && small(a.lo[id]):
			out = append(out, fmt.Sprintf("derived: %s = %d", name, a.lo[id]))
		}
	}
	for _, s := range a.sums {
		if v, ok := a.unknownParts(s); ok && small(v) {
			out = append(out, fmt.Sprintf("derived: the hidden parts of %s add up to %d", a.names[s[0]], v))
		}
	}
	for _, c := range a.combos {
		if v, ok := a.value(c); ok && small(abs(v)) {
			out = append(out, fmt.Sprintf("derived: %s = %d", c.name, v))
		}
	}
	return out
}

func (a *attacker) propagate() {
	for range len(a.names) + 1 {
		changed := false
		for _, s := range a.sums {
			t, parts := s[0], s[1:]
			lo, hi := 0, 0
			for _, p := range parts {
				lo, hi = lo+a.lo[p], hi+a.hi[p]
			}
			changed = a.narrow(t, lo, hi) || changed
			for _, p := range parts {
				changed = a.narrow(p, a.lo[t]-(hi-a.hi[p]), a.hi[t]-(lo-a.lo[p])) || changed
			}
		}
		if !changed {
			return
		}
	}
}

func (a *attacker) narrow(id, lo, hi int) bool {
	changed := false
	if lo > a.lo[id] {
		a.lo[id], changed = lo, true
	}
	if hi < a.hi[id] {
		a.hi[id], changed = hi, true
	}
	return changed
}

func (a *attacker) unknownParts(s []int) (int, bool) {
	t := s[0]
	if a.lo[t] != a.hi[t] {
		return 0, false
	}
	v, unknown := a.lo[t], 0
	for _, p := range s[1:] {
		if a.lo[p] == a.hi[p] {
			v -= a.lo[p]
		} else {
			unknown++
		}
	}
	return v, unknown >= 2
}

func (a *attacker) value(c combo) (int, bool) {
	v := 0
	for id, k := range c.terms {
		if a.lo[id] != a.hi[id] {
			return 0, false
		}
		v += k * a.lo[id]
	}
	return v, true
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
