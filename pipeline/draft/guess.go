package draft

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/danish-eval/evaluate/pipeline/extract"
	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// known is a field the draft recognises by its header.
type known struct {
	field    string
	kind     extract.Kind
	optional bool
	guess    bool // the type is guessed from the values (an outcome may be yes/no or hours)
}

// knownHeaders maps a header key (see headerKey) to its field. Several
// columns may claim one field; the first in the sheet gets it.
var knownHeaders = func() map[string]known {
	m := map[string]known{}
	add := func(k known, headers ...string) {
		for _, h := range headers {
			m[headerKey(h)] = k
		}
	}
	add(known{"id", extract.KindID, false, false}, "deltager_id", "deltagerid", "deltagernummer", "deltager nr",
		"participant_id", "borger_id", "person_id", "id", "løbenummer", "løbenr")
	add(known{"start", extract.KindDate, false, false}, "startdato", "start date", "start", "opstartsdato", "begyndelsesdato")
	add(known{"end", extract.KindDate, true, false}, "slutdato", "end date", "end", "ophørsdato", "afslutningsdato")
	add(known{"reason", extract.KindText, false, false}, "afslutningsårsag", "end_reason", "årsag", "status",
		"ophørsårsag", "reason", "exit reason")
	add(known{"hours", extract.KindNumber, false, false}, "lønnede timer", "paid hours", "løntimer", "timer med løn")
	add(known{"education", extract.KindBool, false, false}, "uddannelse", "education", "ordinær uddannelse")
	add(known{"self_supporting", extract.KindBool, false, false}, "selvforsørgende", "self_supporting", "selvforsørgelse")
	add(known{"site", extract.KindText, false, false}, "sted", "site", "centre", "center", "afdeling", "lokation", "location")
	add(known{"consultant", extract.KindText, false, false}, "konsulent", "consultant", "sagsbehandler", "caseworker", "mentor")
	add(known{"followup", extract.KindDate, false, false}, "opfølgningsdato", "follow-up", "follow-up date", "opfølgning")
	add(known{"age", extract.KindNumber, false, false}, "alder", "age")
	add(known{"sex", extract.KindText, false, false}, "køn", "sex", "gender")
	// A date an outcome happened (a measure's at:), before the word rule
	// that would read "job" as a yes/no employment column.
	add(known{"first_job", extract.KindDate, false, false}, "første_job", "første job", "first_job_date", "first job date", "first_job")
	return m
}()

// wordRules recognise a header by a word in it, when knownHeaders does
// not have it: "Årsag til afslutning", "Beskæftigelse efter 3 mdr". The
// first rule with a word in the header key (see headerKey) wins, so the
// end reason comes before the end date and the jobcentre before a job.
var wordRules = []struct {
	k     known
	words []string
}{
	{known{"reason", extract.KindText, false, false}, []string{"årsag", "reason", "afgangsårsag"}},
	{known{"followup", extract.KindDate, false, false}, []string{"opfølgning", "followup"}},
	{known{"start", extract.KindDate, false, false}, []string{"startdato", "startdate", "opstart", "påbegyndelse", "begyndelse", "henvisningsdato", "start"}},
	{known{"end", extract.KindDate, true, false}, []string{"slutdato", "enddate", "ophør", "afslutning", "afsluttet", "slut", "exitdate", "afgangsdato"}},
	{known{"site", extract.KindText, false, false}, []string{"jobcenter", "kommune", "afdeling", "municipality", "department", "sted", "site"}},
	{known{"hours", extract.KindNumber, false, false}, []string{"lønnedetimer", "løntimer", "paidhours", "timermedløn"}},
	{known{"self_supporting", extract.KindBool, false, true}, []string{"selvforsørg", "selfsupport"}},
	{known{"employment", extract.KindBool, false, true}, []string{"beskæftig", "employ", "ordinærtjob", "job", "arbejde"}},
	{known{"education", extract.KindBool, false, true}, []string{"uddannelse", "education"}},
	{known{"birth_date", extract.KindDate, false, false}, []string{"fødselsdato", "født", "birthdate", "dateofbirth"}},
	{known{"age", extract.KindNumber, false, false}, []string{"alder", "age"}},
	{known{"sex", extract.KindText, false, false}, []string{"køn", "gender"}},
	{known{"benefit", extract.KindText, false, false}, []string{"ydelse", "benefit"}},
	{known{"target_group", extract.KindText, false, false}, []string{"målgruppe", "targetgroup"}},
}

// recognise finds the field a header names: by the whole header first,
// then by a word in it (byWord).
func recognise(header string) (k known, ok, byWord bool) {
	key := headerKey(header)
	if k, ok := knownHeaders[key]; ok {
		return k, true, false
	}
	for _, r := range wordRules {
		for _, w := range r.words {
			if strings.Contains(key, w) {
				return r.k, true, true
			}
		}
	}
	return known{}, false, false
}

// cprHeaders name a CPR number; such a column is never read.
var cprHeaders = keySet("cpr", "cpr-nr", "cpr nr", "cprnummer", "cpr nummer", "cpr-nummer",
	"personnummer", "personnr", "person nummer", "civil registration number")

// nameHeaders name a person; such a column is never read either.
var nameHeaders = keySet("navn", "name", "fornavn", "efternavn", "fulde navn", "first name", "last name",
	"full name", "surname", "adresse", "address", "e-mail", "email", "telefon", "phone", "tlf")

// quietWords in a header keep a column's values out of the draft: they may
// name people (a caseworker, a mentor) or be contact details.
var quietWords = []string{"navn", "name", "konsulent", "consultant", "sagsbehandler", "caseworker",
	"mentor", "adresse", "address", "mail", "telefon", "phone", "tlf", "cpr"}

func keySet(headers ...string) map[string]bool {
	m := map[string]bool{}
	for _, h := range headers {
		m[headerKey(h)] = true
	}
	return m
}

// headerKey is the form headers are recognised in: NFC, lower case,
// without spaces, '_', '-', '.' and '/' ("Start_Date" and "start date"
// are both "startdate"; "CPR-nr." is "cprnr").
func headerKey(h string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(h) {
		switch {
		case unicode.IsSpace(r), strings.ContainsRune("_-./", r):
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// reserved are names a field may not take: the pipeline's computed fields,
// the expression language's words and functions, and rules' own functions.
var reserved = map[string]bool{
	"status": true, "entry": true, "exit": true, "started": true, "ended": true,
	"date": true, "weeks": true, "true": true, "false": true, "nil": true, "not": true, "and": true,
	"or": true, "in": true, "matches": true, "contains": true, "let": true, "if": true, "else": true,
	"len": true, "all": true, "any": true, "none": true, "one": true, "map": true, "filter": true,
	"count": true, "sum": true, "max": true, "min": true, "mean": true, "median": true, "abs": true,
	"int": true, "float": true, "string": true, "type": true, "now": true, "duration": true,
	"round": true, "floor": true, "ceil": true, "upper": true, "lower": true, "trim": true,
	"first": true, "last": true, "keys": true, "values": true, "sort": true, "get": true,
}

// fieldName turns a header into a field name (see snake) that is not a
// word of the expression language and does not start with a digit.
func fieldName(header string) string {
	name := snake(header)
	switch {
	case name == "":
		return ""
	case name[0] >= '0' && name[0] <= '9':
		return "c_" + name
	case reserved[name]:
		return name + "_field"
	}
	return name
}

// snake makes ASCII snake_case of text: æ → ae, ø → oe, å → aa, other
// accents dropped, anything else an underscore.
func snake(header string) string {
	var b strings.Builder
	under := false
	for _, r := range norm.NFC.String(strings.ToLower(header)) {
		s := map[rune]string{'æ': "ae", 'ø': "oe", 'å': "aa"}[r]
		if s == "" {
			for _, d := range norm.NFD.String(string(r)) {
				if d < unicode.MaxASCII && (unicode.IsLetter(d) || unicode.IsDigit(d)) {
					s += string(d)
				}
			}
		}
		if s == "" {
			under = b.Len() > 0
			continue
		}
		if under {
			b.WriteByte('_')
			under = false
		}
		b.WriteString(s)
	}
	return b.String()
}

// idShape matches values that look like an identifier: a short prefix
// and three or more digits (P0001, AB-1234, 20345), or six digits anywhere.
var idShape = regexp.MustCompile(`^[A-Za-z]{0,4}[-_ ]?[0-9]{3,}$|[0-9]{6}`)

// guessKind chooses a type for an unrecognised column from its values.
// note says why when the choice is not clear-cut.
func guessKind(st *stats) (k extract.Kind, note string) {
	n := st.sampled
	ok := func(k extract.Kind) bool { return st.ok[k] == n }
	switch {
	case n == 0:
		return extract.KindText, noValues
	case ok(extract.KindBool) && !allDigits(st):
		return extract.KindBool, ""
	case ok(extract.KindDate) && (!ok(extract.KindNumber) || isoDates(st)):
		return extract.KindDate, ""
	case ok(extract.KindNumber) && ok(extract.KindBool):
		return extract.KindBool, "unsure: only 0 and 1 seen; a number?"
	case ok(extract.KindNumber):
		return extract.KindNumber, ""
	}
	best := extract.KindText
	for _, k := range kinds {
		if st.ok[k]*10 >= n*9 && st.ok[k] > st.ok[best] {
			best = k
		}
	}
	if best == extract.KindText {
		return best, ""
	}
	return best, badValues(st, best)
}

// noValues notes a column with nothing to guess from.
var noValues = fmt.Sprintf("unsure: no values in the first %d rows", sampleRows)

// badValues notes how many sampled values do not read as kind k.
func badValues(st *stats, k extract.Kind) string {
	if bad := st.sampled - st.ok[k]; bad > 0 {
		what := map[extract.Kind]string{extract.KindDate: "dates", extract.KindNumber: "numbers",
			extract.KindBool: "yes/no values"}[k]
		return fmt.Sprintf("unsure: %d of %d sampled values are not %s", bad, st.sampled, what)
	}
	return ""
}

func allDigits(st *stats) bool {
	for v := range st.distinct {
		if strings.Trim(v, "0123456789") != "" {
			return false
		}
	}
	return !st.more
}

// isoDates reports whether the values were written as dates (a date cell
// reads as yyyy-mm-dd text), not as bare five-digit serials.
func isoDates(st *stats) bool {
	for v := range st.distinct {
		if strings.Count(v, "-") != 2 {
			return false
		}
	}
	return true
}

// showable returns the distinct values of a status-like column, sorted,
// or nil when they may not be shown: too many, any shaped like an id or
// a CPR number, or (outside the reason column) too few repeats to be
// categories rather than people's own values.
func showable(st *stats, reason bool, limit int) []string {
	if st.more || len(st.distinct) == 0 || len(st.distinct) > limit {
		return nil
	}
	if !reason && st.nonBlank < 2*len(st.distinct) {
		return nil
	}
	vals := make([]string, 0, len(st.distinct))
	for v := range st.distinct {
		if idShape.MatchString(v) || privacy.ContainsCPR(v) {
			return nil
		}
		vals = append(vals, v)
	}
	sort.Strings(vals)
	return vals
}

func quiet(header string) bool {
	k := headerKey(header)
	for _, w := range quietWords {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}
