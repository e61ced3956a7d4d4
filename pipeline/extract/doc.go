// Package extract reads a participant extract (.xlsx or .csv, one row per
// participant) into typed columns, following DESIGN.md §5.
//
// Read maps each configured Field to one workbook column by its header
// (ignoring case, surrounding space, '_' versus space and Unicode
// normalisation), types every cell of the mapped columns, and returns an
// Extract: one entry per non-blank data row in each column, the sheet row
// of each, and a Problem for every unreadable cell. Unmapped columns are
// not typed or kept. Fatal conditions (missing file, sheet or column; not
// an .xlsx; encrypted; too large or a zip bomb; a workbook over MaxRows rows or a CSV over its max_rows;
// CPR-shaped values in a non-id column) are errors whose sentences name
// the file and sheet and wrap a sentinel for errors.Is.
//
// # Rules the caller relies on
//
//   - Blank rows are not data, wherever they are: a row counts when any
//     cell, mapped or not, has a value. Blank rows between the header and
//     the last data row are counted in Extract.BlankRows; every non-blank
//     row is returned, so the flow adds up to Extract.Rows.
//   - An unreadable cell is Missing and has a Problem whose Reason (e.g.
//     "unreadable date") is the flow's exclusion reason for its row.
//   - Dates: a number cell with a date format is an Excel serial (1900
//     system with Lotus's fictitious 1900-02-29, serial 60, refused; 1904
//     system when workbookPr date1904 says so). A number cell without a
//     date format, or text, is a serial only with five digits
//     (1927-2173), since "2020" or "20200131" are not serials. Text dates:
//     yyyy-mm-dd (optionally with hh:mm[:ss]), and day-first d-m-yyyy,
//     d.m.yyyy, d/m/yyyy, d-m-yy (yy 00-68 → 20yy, 69-99 → 19yy, as POSIX).
//     A day that does not exist (31-02-2020) is a problem, never moved.
//     Text years after 2199 are problems; a date before 1900 is a problem
//     with its own reason ("date before 1900"). A time of day is dropped
//     (31-12-2020 10:00 is 31 December, so start <= date('2020-12-31')
//     holds) and stated in a Note.
//   - Merged cells (<mergeCells>, after the cells): a range down one mapped
//     column fills every data row of the range with its top cell's value;
//     a range across columns is only stated. Both are Notes, as are an
//     absent optional column and a mapped column with no value at all.
//   - A formula cell of a mapped column without a saved value is a fatal
//     error naming the cell (ErrFormula): reading it as blank would hide
//     what Excel shows.
//   - Extract.Saved is docProps/core.xml's dcterms:modified, the bound for
//     the dates a row can hold (the pipeline decides whether to use it).
//   - Numbers: number cells as stored; text with a decimal comma and dot
//     (or space) thousands groups (1.234.567,5). The comma is always a
//     decimal mark. A lone dot is a decimal point (12.5), except in the
//     shape 1.234 (1-3 digits, not starting with 0, a dot, 3 digits),
//     which the rest of the column decides: other values with a decimal
//     comma or dot-grouped thousands make it 1234, other values with a
//     decimal point make it 1.234. Without such evidence a ';'-separated
//     CSV (Danish Excel) reads 1234, a ','-separated one 1.234, and a
//     workbook text cell is a problem; so is a column with both kinds.
//   - Yes/no: ja/nej, yes/no, 1/0, sand(t)/falsk, true/false, x (any
//     case). A blank is "no" only in a column whose every non-blank cell
//     is x (the tick convention); elsewhere a blank is missing.
//   - Text is trimmed; a date-formatted number in a text column is shown
//     as yyyy-mm-dd; an Excel error value (#N/A) is a problem.
//   - Privacy: a Problem never quotes an id column's value, nor a value
//     containing a CPR-shaped number (ddmmyy-ssss, with or without the
//     dash, with a real day in 19yy or 20yy; 9 digits in a number cell,
//     where the leading 0 was lost), which is described instead. A CPR-
//     shaped value in a non-id column (anywhere inside a text column's
//     value) is a fatal error naming the column and first cell only.
//   - CSV: UTF-8 (BOM optional) when the whole file is valid UTF-8, else
//     Windows-1252 (Danish Excel's "CSV (semikolonsepareret)"); UTF-16LE
//     with its BOM (Excel's "Unicode-tekst"); Extract.Encoding says which.
//     A UTF-8 BOM on a file that is not UTF-8 is an error naming the line.
//     Separator ';', ',' or tab by count on the lines up to the header
//     (';' on a tie, then tab), RFC 4180 quotes. Problem.Row is the line
//     on which the record starts; cells are named as in Excel (E14).
//   - Limits: the source must be a regular file (CheckFile, before it is
//     opened); a cell holds at most 32,767 characters as in Excel (CSV and
//     xlsx alike), a CSV record at most 16 MB.
//   - A zip package that is not a workbook (.docx, .pptx, .ods, a plain
//     zip) or a PDF or text file named .xlsx is refused saying what it is.
//   - Sheet: Source.Sheet by name (exact, else as headers match); empty
//     means the first visible worksheet with a value. HeaderRow is 1-based;
//     rows above it are ignored.
//
// # How it is fast and compact (issue 17)
//
// A column holds 4 to 16 bytes a row and nothing for the collector to
// scan: text as dictionary codes, ids as 128-bit hashes, dates as days
// since 1970 (Column.Days, NoDay where missing; DateAt gives the time),
// numbers as float64, yes/no and missing as a byte; row numbers are runs of
// consecutive rows (RowMap), one run for an extract without gaps.
//
// A UTF-8 CSV is read in blocks of whole records (csv_blocks.go: split
// after a newline outside quotes), parsed and typed on every core into
// builders of their own and absorbed in file order (build_absorb.go),
// while one goroutine reads, hashes (Source.SHA256) and splits the file:
// one pass over its bytes. Anything the block reader would stop on (not
// UTF-8, a damaged record, a limit, a header that is not where it should
// be) hands the file to the record-by-record reader, so every message and
// decision is that reader's; tests compare the two at many block sizes.
// A worksheet runs in three stages on the cores: inflating (ahead.go),
// tokenizing (cell values as views into an arena, no allocation a cell),
// and typing in batches (xlsx_typing.go). The text date shapes
// dd-mm-yyyy and yyyy-mm-dd and plain integers are read without time.Time
// or ParseFloat (fastDay, plainInt), tested against the general path.
//
// # Departure from DESIGN.md §5 (for the issue note)
//
// DESIGN.md says "stream with excelize Rows() and RawCellValue". That
// takes ≈ 40 s for 10⁶ rows × 8 columns, so the sheet is instead streamed
// by a small hand-written tokenizer over archive/zip (sheet.go, xmltok.go),
// with the workbook part, relationships, styles and shared strings read
// by this package too (meta.go, sst.go): excelize keeps the sheet path and
// shared strings private, and excelize.OpenFile would first unpack every
// worksheet to a temporary file. The same limits apply as excelize's
// UnzipSizeLimit/UnzipXMLSizeLimit (workbook.go: 4 GiB claimed in all,
// 1 GiB for a part held in memory, a >1000:1 part refused as a zip bomb;
// archive/zip refuses parts that unpack to more than they claim), plus a
// 1 MB bound on a single cell or tag. excelize remains the reference: the
// tests read each test workbook both ways (oracle_test.go, excelize Rows()
// with RawCellValue) and require identical columns and problems.
package extract
