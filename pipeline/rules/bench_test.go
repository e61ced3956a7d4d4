package rules

import "testing"

// BenchmarkEvalBool measures one evaluation of a typical outcome rule.
func BenchmarkEvalBool(b *testing.B) {
	rows := map[string]map[string]any{
		"present": {"hours": 12.0, "education": false, "reason": "gennemført", "start": day("2020-01-01"), "end": nil, "followup": day("2021-12-31")},
		"missing": {"hours": nil, "education": true, "reason": "", "start": day("2020-01-01"), "end": nil, "followup": day("2021-12-31")},
	}
	for _, src := range []string{"hours > 0 || education", "reason == 'gennemført'", "weeks(start, end ?? followup) >= 4 && hours >= 10"} {
		r, err := Compile("bench", src, env, Bool)
		if err != nil {
			b.Fatal(err)
		}
		for name, row := range rows {
			b.Run(src+"/"+name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					_, _, _ = r.Bool(row)
				}
			})
		}
	}
}

// BenchmarkRun1e5 evaluates typical rules on 10⁵ rows with missing values,
// column-wise (plan) and row by row (expr), per row.
func BenchmarkRun1e5(b *testing.B) {
	f := testFrame(env, 100_000, 1, []string{"gennemført", "afbrudt"})
	rows := make([]int32, 100_000)
	for i := range rows {
		rows[i] = int32(i)
	}
	for _, src := range []string{"hours > 0 || education", "reason == 'gennemført'", "weeks(start, end ?? followup) >= 4 && hours >= 10"} {
		r, err := Compile("bench", src, env, Bool)
		if err != nil || !r.Planned() {
			b.Fatal(src, err)
		}
		for name, rule := range map[string]*Rule{"plan": r, "rows": r.RowByRow()} {
			b.Run(src+"/"+name, func(b *testing.B) {
				var res Result
				for b.Loop() {
					if _, err := rule.Run(f, rows, &res); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(rows)), "ns/row")
			})
		}
	}
}
