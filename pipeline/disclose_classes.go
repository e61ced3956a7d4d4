package pipeline

import "encoding/binary"

// rowClasses groups the extract rows by everything a published count can
// tell apart — per cohort (the main one and each variant): included or
// not, stratum, status, how many risk-table times lie before their exit,
// and their measure indicators; and the main cohort's groups in further
// strata fields. The ledger then works on these groups
// (a few thousand even for 10⁶ rows) instead of on people: rows in one
// group are in exactly the same published counts.
type rowClasses struct {
	weights []int
	reps    map[*Cohort][]int // per cohort and group: a person of the group, or −1
}

// profileWidth is the bytes per cohort in a row's profile: included,
// stratum (2), status (2), time bin, indicators (4) and missing (4).
const profileWidth = 14

func classifyRows(c *Cohort, counts *Counts, runs []variantRun, times []float64) rowClasses {
	cohorts := []*Cohort{c}
	all := []*Counts{counts}
	offsets := []int{0}
	for _, r := range runs {
		cohorts, all, offsets = append(cohorts, r.cohort), append(all, r.counts), append(offsets, r.offset)
	}
	rows := ledgerRows(c, runs)
	// The main cohort's groups in further strata fields come last.
	width := profileWidth*len(cohorts) + 2*len(c.More)
	prof := make([]byte, rows*width)
	for k, coh := range cohorts {
		for i := range coh.People {
			p := &coh.People[i]
			b := prof[(offsets[k]+int(p.Index))*width+k*profileWidth:]
			b[0] = 1
			binary.LittleEndian.PutUint16(b[1:], uint16(p.Stratum+1))
			binary.LittleEndian.PutUint16(b[3:], uint16(p.Status+1))
			b[5] = byte(timeBin(p.Weeks(), times))
			binary.LittleEndian.PutUint32(b[6:], all[k].Patterns[i])
			binary.LittleEndian.PutUint32(b[10:], all[k].Undecided[i])
			if k == 0 {
				putFieldCodes(prof[int(p.Index)*width+profileWidth*len(cohorts):], c, i)
			}
		}
	}
	return groupProfiles(prof, width, cohorts, offsets)
}

// groupProfiles numbers the distinct profiles of rows in some cohort and
// keeps one person of each group per cohort.
func groupProfiles(prof []byte, width int, cohorts []*Cohort, offsets []int) rowClasses {
	rows := len(prof) / width
	class := make([]int32, rows)
	ids := map[string]int32{}
	out := rowClasses{reps: map[*Cohort][]int{}}
	for r := range rows {
		key := prof[r*width : (r+1)*width]
		if allZeroBytes(key) {
			class[r] = -1
			continue
		}
		id, ok := ids[string(key)]
		if !ok {
			id = int32(len(out.weights))
			ids[string(key)] = id
			out.weights = append(out.weights, 0)
		}
		class[r] = id
		out.weights[id]++
	}
	for k, coh := range cohorts {
		reps := make([]int, len(out.weights))
		for i := range reps {
			reps[i] = -1
		}
		for i, p := range coh.People {
			if id := class[offsets[k]+int(p.Index)]; reps[id] < 0 {
				reps[id] = i
			}
		}
		out.reps[coh] = reps
	}
	return out
}

// timeBin is how many of the (increasing) times lie before w: every
// comparison of w with a time (w > t, w ≤ t) follows from it.
func timeBin(w float64, times []float64) int {
	n := 0
	for _, t := range times {
		if t < w {
			n++
		}
	}
	return min(n, 255)
}

func allZeroBytes(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}
