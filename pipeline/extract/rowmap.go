package extract

import "sort"

// RowMap gives each data row's sheet row (CSV: line) without an int a
// row: the rows are kept as runs of consecutive numbers, so an extract
// without blank or multi-line rows is one run, whatever its size (a []int
// would take 80 MB at 10⁷ rows). The zero value is empty.
type RowMap struct {
	n     int
	start []int // data row index where each run starts
	first []int // sheet row of each run's first data row
}

// Len is the number of data rows.
func (m *RowMap) Len() int { return m.n }

// At is the sheet row of data row i.
func (m *RowMap) At(i int) int {
	k := sort.Search(len(m.start), func(k int) bool { return m.start[k] > i }) - 1
	return m.first[k] + i - m.start[k]
}

// Add appends the next data row's sheet row, which must be after the last.
func (m *RowMap) Add(row int) {
	if k := len(m.start) - 1; k < 0 || m.first[k]+m.n-m.start[k] != row {
		m.start = append(m.start, m.n)
		m.first = append(m.first, row)
	}
	m.n++
}

// Index is the data row whose sheet row is row, if any.
func (m *RowMap) Index(row int) (int, bool) {
	k := sort.Search(len(m.first), func(k int) bool { return m.first[k] > row }) - 1
	if k < 0 {
		return 0, false
	}
	i := m.start[k] + row - m.first[k]
	end := m.n
	if k+1 < len(m.start) {
		end = m.start[k+1]
	}
	return i, i < end
}

// All lists every data row's sheet row (for tests and small extracts).
func (m *RowMap) All() []int {
	out := make([]int, m.n)
	for i := range out {
		out[i] = m.At(i)
	}
	return out
}

// appendMap appends the rows of p after m's.
func (m *RowMap) appendMap(p *RowMap) {
	for k := range p.start {
		end := p.n
		if k+1 < len(p.start) {
			end = p.start[k+1]
		}
		m.Add(p.first[k])
		if rest := end - p.start[k] - 1; rest > 0 {
			// the run continues m's last run, which Add just began or extended
			m.n += rest
		}
	}
}
