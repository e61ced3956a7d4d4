package pipeline

import (
	"time"

	"github.com/danish-eval/evaluate/pipeline/rules"
)

// Day is a calendar day as days since 1970-01-01 (UTC), as the extract and
// the rules hold dates; noDay is none. Four bytes and no pointer, where a
// time.Time is 24 bytes with a pointer the collector follows: a million
// people's dates are not worth scanning.
type Day int32

const noDay Day = rules.NoDay

// Time is midnight UTC of the day, the zero time for noDay.
func (d Day) Time() time.Time { return rules.DayTime(int32(d)) }

// dayOf is t's calendar day (UTC), noDay for the zero time.
func dayOf(t time.Time) Day { return Day(rules.DayOf(t)) }
