package results

// Reason is why an extract row is not in the cohort. Every row ends in the
// flow: included, or excluded with one reason (the first that applies, in
// ReasonOrder), so the flow always adds up to the rows read.
type Reason string

// The exclusion reasons, as results.json writes them. The first five are
// cells that could not be read (pipeline/extract names them the same).
const (
	ReasonDate       Reason = "unreadable date"
	ReasonNumber     Reason = "unreadable number"
	ReasonBool       Reason = "unreadable yes/no value"
	ReasonText       Reason = "unreadable text"
	ReasonEarly      Reason = "date before 1900"
	ReasonMissingID  Reason = "missing id"
	ReasonDuplicate  Reason = "duplicate id"
	ReasonEpisode    Reason = "another episode of the same id"
	ReasonNoEntry    Reason = "missing entry date"
	ReasonNoExit     Reason = "missing exit date"
	ReasonExitBefore Reason = "exit before entry"
	ReasonAfterSaved Reason = "date after the extract was saved"
	ReasonInclude    Reason = "outside the include rule"
	ReasonUndecided  Reason = "include rule undecided (missing value)"
	ReasonNoStatus   Reason = "no status rule matched"
	ReasonStatusMiss Reason = "status undecided (missing value)"
	ReasonTotalRow   Reason = "total row (I alt, Total …)"
)

// ReasonOrder lists every reason in the order rows are checked; the flow
// reports each, with its count, in this order.
var ReasonOrder = []Reason{ReasonTotalRow, ReasonDate, ReasonNumber, ReasonBool, ReasonText, ReasonEarly,
	ReasonMissingID, ReasonDuplicate, ReasonEpisode, ReasonNoEntry, ReasonNoExit, ReasonExitBefore,
	ReasonAfterSaved, ReasonInclude, ReasonUndecided, ReasonNoStatus, ReasonStatusMiss}
