package results

// Problem is one row or cell of the extract that could not be used, for
// the list sent back to the data supplier (problems.xlsx): where it is, as
// Excel shows it, and why. Message is the cell's problem in words (quoting
// the cell only as privacy.Quote allows); for a row, Reason says why.
type Problem struct {
	Sheet   string
	Row     int // the sheet row (CSV: the line)
	Cell    string
	Header  string
	Reason  Reason
	Message string
}
