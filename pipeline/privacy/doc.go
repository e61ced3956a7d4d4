// Package privacy is the one identifier guard (DESIGN.md §5): every place
// that reads, checks or prints user text asks it whether the text holds a
// CPR number, masks CPR-shaped file, sheet and header names, and decides
// whether a cell may be quoted in a message. Keeping the rule in one place
// means a new spelling is caught everywhere at once.
//
// A CPR number is ddmmyy-ssss. People and programs write it in many ways:
// with an en dash, a non-breaking hyphen, a minus sign, a (non-breaking)
// space, a tab, '_', '/', dots (01.01.90-1234), spaced pairs
// (01 01 90 1234), full-width or other Unicode digits, or without its
// leading zero (10190-1234, as Excel stores 0101901234 as a number).
// Normalize folds all of these to ASCII digits, '-' and ' ' first, and
// ContainsCPR then looks for 9 or 10 digits in short groups whose leading
// six (or five, after a lost zero) digits are a real date.
package privacy
