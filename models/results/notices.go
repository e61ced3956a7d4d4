package results

// Notice is something about the data that the reader of a report must
// know because it changed what was counted: rows that matched no status,
// cells filled from a merge, a column that was absent or blank, dates
// whose time of day was dropped, rows dated after the extract was saved.
// Kind names it; the other fields are its particulars. Every run prints
// them on stderr; the flow and methods pages state them.
type Notice struct {
	Kind   string       `json:"kind"`
	Field  string       `json:"field,omitempty"`
	Header string       `json:"header,omitempty"`
	Cells  string       `json:"cells,omitempty"`
	Rule   string       `json:"rule,omitempty"`
	Count  int          `json:"count"`
	Date   string       `json:"date,omitempty"`
	Values []ValueCount `json:"values,omitempty"`
}

// The kinds of Notice.
const (
	NoticeUnmatched    = "unmatched"     // rows matching no status rule (Values: their most frequent texts)
	NoticeUndecided    = "undecided"     // rows a rule could not decide for a missing value (Rule)
	NoticeTimeOfDay    = "time_of_day"   // dates with a time of day; the date is used
	NoticeMerged       = "merged"        // vertically merged cells filled their range
	NoticeMergedAcross = "merged_across" // cells merged across columns; the first holds the value
	NoticeAbsent       = "absent"        // an optional mapped column is not in the sheet
	NoticeBlank        = "blank"         // a mapped column has no value at all
	NoticeAfterSaved   = "after_saved"   // rows with a date after the extract was saved (Date)
)

// ValueCount is one text value of a field and how many rows held it;
// Count is nil when disclosure control hides it.
type ValueCount struct {
	Field string `json:"field"`
	Value string `json:"value"`
	Count *int   `json:"count"`
}
