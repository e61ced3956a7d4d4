package rules

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// readmeEnv declares the fields the config reference's examples use.
var readmeEnv = Env{"reason": Text, "site": Text, "x": Text, "status": Text, "navn": Text,
	"hours": Number, "age": Number, "education": Bool, "start": Date, "end": Date, "followup": Date,
	"entry": Date, "exit": Date, "a": Date, "b": Date}

// referenceExpressions are the code spans of data/cohorts/README.md and the
// quoted strings of data/cohorts/*.yaml, unquoted: every expression of the
// config reference, among other things that do not compile.
func referenceExpressions(t *testing.T) (readme, yamls []string) {
	dir := filepath.Join("..", "..", "data", "cohorts")
	raw, err := os.ReadFile(filepath.Join(dir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	fence := regexp.MustCompile("(?s)```.*?```")
	for _, block := range fence.FindAllString(string(raw), -1) { // config examples
		for _, m := range regexp.MustCompile(`"([^"\n]+)"`).FindAllStringSubmatch(block, -1) {
			readme = append(readme, m[1])
		}
	}
	for _, m := range regexp.MustCompile("`([^`\n]+)`").FindAllStringSubmatch(fence.ReplaceAllString(string(raw), ""), -1) {
		src := m[1]
		if _, after, ok := strings.Cut(src, ": "); ok && strings.HasPrefix(after, `"`) {
			src = after // a config line such as include: "…"
		}
		readme = append(readme, strings.Trim(src, `"`))
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`"([^"]+)"`).FindAllStringSubmatch(string(raw), -1) {
			yamls = append(yamls, m[1])
		}
	}
	if len(readme) < 100 || len(files) < 5 {
		t.Fatalf("found %d code spans and %d configs; has the reference moved?", len(readme), len(files))
	}
	return readme, yamls
}

// yamlEnv declares every field of the bundled configs with its type.
func yamlEnv(t *testing.T) Env {
	env := Env{"status": Text, "entry": Date, "exit": Date}
	files, _ := filepath.Glob(filepath.Join("..", "..", "data", "cohorts", "*.yaml"))
	kinds := map[string]Kind{"text": Text, "number": Number, "date": Date, "bool": Bool}
	re := regexp.MustCompile(`(?m)^\s+(\w+):\s*\{header: [^,]+, type: (\w+)`)
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		for _, m := range re.FindAllStringSubmatch(string(raw), -1) {
			if k, ok := kinds[m[2]]; ok {
				env[m[1]] = k
			}
		}
	}
	return env
}

// TestPlanMatchesRows: every expression of the config reference gives the
// same values (and the same first error) column-wise as row by row, on
// rows with missing values; and every rule of the bundled configs has a
// plan.
func TestPlanMatchesRows(t *testing.T) {
	readme, yamls := referenceExpressions(t)
	compiled, planned := 0, 0
	for _, set := range []struct {
		srcs  []string
		env   Env
		allIn bool // each must compile and have a plan
	}{{readme, readmeEnv, false}, {yamls, yamlEnv(t), true}} {
		f := testFrame(set.env, 500, 1, append(textsOf(set.srcs), "gennemført", "Næstved"))
		for _, src := range set.srcs {
			r := compileAny(src, set.env)
			if r == nil {
				continue
			}
			compiled++
			if r.Planned() {
				planned++
			}
			if set.allIn && !r.Planned() && r.Kind != Text {
				t.Errorf("%q (a bundled config's rule) has no plan", src)
			}
			sameOnFrame(t, r, f)
		}
	}
	if compiled < 40 || planned < 35 {
		t.Errorf("only %d reference expressions compiled, %d with a plan", compiled, planned)
	}
}

// compileAny compiles src as a yes/no or a date rule, or gives nil.
func compileAny(src string, env Env) *Rule {
	for _, k := range []Kind{Bool, Date} {
		if r, err := Compile("test", src, env, k); err == nil {
			return r
		}
	}
	return nil
}

// sameOnFrame runs r column-wise and row by row on every row of f, and
// on every third, and demands the same values, the same failing row and
// the same error.
func sameOnFrame(t *testing.T, r *Rule, f Frame) {
	t.Helper()
	n := 0
	for _, c := range f {
		n = max(n, len(c.Missing))
	}
	var all, some []int32
	for i := range n {
		all = append(all, int32(i))
		if i%3 == 1 {
			some = append(some, int32(i))
		}
	}
	for _, rows := range [][]int32{all, some} {
		var got, want Result
		at, err := r.Run(f, rows, &got)
		wantAt, wantErr := r.RowByRow().Run(f, rows, &want)
		if r.Planned() && wantErr != nil {
			t.Errorf("%q has a plan, but fails row by row: %v", r.Source, wantErr)
		}
		if at != wantAt || !reflect.DeepEqual(err, wantErr) {
			t.Errorf("%q: fails at %d with %v, row by row at %d with %v", r.Source, at, err, wantAt, wantErr)
			return
		}
		for k := range at {
			if got.OK[k] != want.OK[k] || (r.Kind == Bool && got.Bool[k] != want.Bool[k]) ||
				(r.Kind == Date && got.Days[k] != want.Days[k]) {
				t.Errorf("%q on row %d %v: got %v, row by row %v", r.Source, rows[k], rowOf(f, int(rows[k])), describe(got, k), describe(want, k))
				return
			}
		}
	}
}

func describe(r Result, i int) any {
	switch {
	case !r.OK[i]:
		return "missing"
	case r.Days != nil:
		return DayTime(r.Days[i])
	}
	return r.Bool[i]
}

func rowOf(f Frame, i int) map[string]any {
	row := map[string]any{}
	for name, c := range f {
		row[name] = c.value(i)
	}
	return row
}

// textsOf lists the text literals of the expressions, so that text
// comparisons in a test frame are sometimes true.
func textsOf(srcs []string) []string {
	seen := map[string]bool{}
	for _, src := range srcs {
		_, texts := Uses(src)
		for _, s := range texts {
			seen[s] = true
		}
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// testFrame is n rows of every field of env, drawn from small pools so
// that equal values, zeros, ties and missing values (one in four) occur.
func testFrame(env Env, n int, seed uint64, texts []string) Frame {
	rng := rand.New(rand.NewPCG(seed, 7))
	nums := []float64{0, 1, 4, 10, 12, -1, 3.5, 37, 30}
	dates := []time.Time{day("2018-01-01"), day("2019-06-30"), day("2020-03-31"), day("2020-12-31"),
		day("2021-08-31"), day("2020-01-29"), day("2020-01-01")}
	texts = append([]string{"", "x", "'"}, texts...)
	f := Frame{}
	for name, k := range env {
		c := &Column{Kind: k, Missing: make([]bool, n), Dict: texts}
		for i := range n {
			c.Missing[i] = rng.IntN(4) == 0
			switch k {
			case Text:
				c.Codes = append(c.Codes, uint32(rng.IntN(len(texts))))
			case Number:
				c.Num = append(c.Num, nums[rng.IntN(len(nums))])
			case Date:
				c.Days = append(c.Days, DayOf(dates[rng.IntN(len(dates))]))
			case Bool:
				c.Bool = append(c.Bool, rng.IntN(2) == 0)
			}
		}
		f[name] = c
	}
	return f
}

// TestDateOfTimeOfDay: a date rule only expr can run may give a time of
// day (start + duration); the result is its calendar day, as a cell with a
// time is in the extract, and days before 1970 floor too.
func TestDateOfTimeOfDay(t *testing.T) {
	r, err := Compile("cohort.exit", `start + duration("36h")`, env, Date)
	if err != nil {
		t.Fatal(err)
	}
	if r.Planned() {
		t.Fatal("duration has a plan; the test wants expr's path")
	}
	f := Frame{}
	for name, k := range env {
		f[name] = &Column{Kind: k, Missing: []bool{true, true, true}, Codes: make([]uint32, 3), Dict: []string{""},
			Num: make([]float64, 3), Days: make([]int32, 3), Bool: make([]bool, 3)}
	}
	start := f["start"]
	start.Days, start.Missing = []int32{DayOf(day("2021-03-01")), DayOf(day("1969-12-30")), NoDay}, []bool{false, false, true}
	var res Result
	if _, err := r.Run(f, []int32{0, 1, 2}, &res); err != nil {
		t.Fatal(err)
	}
	want := []time.Time{day("2021-03-02"), day("1969-12-31")}
	for i, w := range want {
		if !res.OK[i] || !DayTime(res.Days[i]).Equal(w) {
			t.Errorf("row %d: %v %v, want %v", i, DayTime(res.Days[i]), res.OK[i], w)
		}
	}
	if res.OK[2] || res.Days[2] != NoDay {
		t.Errorf("missing start: %v %v, want missing", res.Days[2], res.OK[2])
	}
}
