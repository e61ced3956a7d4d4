package main

import (
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

// writeXLSX writes the participants as sheet Deltagere of scale.xlsx,
// dates as Excel date cells (dd-mm-yyyy), as a jobcentre's export has
// them, streamed so 10⁶ rows need little memory.
func writeXLSX(dir string, n int) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	if err := f.SetSheetName("Sheet1", "Deltagere"); err != nil {
		return err
	}
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("dd-mm-yyyy")})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter("Deltagere")
	if err != nil {
		return err
	}
	hdr := make([]any, len(headers))
	for i, h := range headers {
		hdr[i] = h
	}
	if err := sw.SetRow("A1", hdr); err != nil {
		return err
	}
	date := func(t any) any { return excelize.Cell{StyleID: style, Value: t} }
	row, line := make([]any, len(headers)), 1
	eachRow(n, func(p person) {
		if err != nil {
			return
		}
		line++
		row[0], row[1], row[2], row[3] = p.id, p.site, date(p.start), nil
		if !p.end.IsZero() {
			row[3] = date(p.end)
		}
		row[4], row[5], row[6], row[7] = p.reason, p.hours, p.education, date(followup)
		cell, _ := excelize.CoordinatesToCellName(1, line)
		err = sw.SetRow(cell, row)
	})
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(filepath.Join(dir, "scale.xlsx"))
}

func ptr[T any](v T) *T { return &v }
