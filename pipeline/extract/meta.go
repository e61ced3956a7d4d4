package extract

import (
	"encoding/xml"
	"strconv"
	"strings"
	"time"
)

type xWorkbook struct {
	Pr *struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []struct {
		Name  string     `xml:"name,attr"`
		State string     `xml:"state,attr"`
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"sheets>sheet"`
}

type xStyles struct {
	NumFmts []struct {
		ID   int    `xml:"numFmtId,attr"`
		Code string `xml:"formatCode,attr"`
	} `xml:"numFmts>numFmt"`
	Xfs []struct {
		NumFmtID int `xml:"numFmtId,attr"`
	} `xml:"cellXfs>xf"`
}

// readMeta reads which sheets exist and where, the date system, the
// date-formatted styles, and where the shared strings are. encoding/xml
// is fine here: these parts are small. Struct tags name local names only,
// so Strict OOXML's other namespaces decode too.
func (wb *workbook) readMeta() error {
	_, rootRels, err := wb.rels("")
	if err != nil {
		return err
	}
	wb.saved = wb.readSaved(rootRels["core-properties"])
	wbPath := rootRels["officeDocument"]
	if wbPath == "" {
		wbPath = "xl/workbook.xml"
	}
	b, err := wb.readPart(wbPath)
	if err != nil {
		return err
	}
	if b == nil {
		return fail(ErrNotXLSX, wb.name, "", "not an .xlsx workbook (it has no workbook part; is it another kind of zip file?)")
	}
	var w xWorkbook
	if err := xml.Unmarshal(b, &w); err != nil {
		return wb.corrupt(wbPath, err)
	}
	if w.Pr != nil {
		wb.date1904, _ = strconv.ParseBool(w.Pr.Date1904)
	}
	byID, byType, err := wb.rels(wbPath)
	if err != nil {
		return err
	}
	for _, s := range w.Sheets {
		ref := sheetRef{name: s.Name, hidden: s.State == "hidden" || s.State == "veryHidden"}
		for _, a := range s.Attrs {
			if a.Name.Local == "id" && a.Name.Space != "" {
				ref.path = byID[a.Value]
			}
		}
		// Chart sheets and dialog sheets have no cells to read.
		if strings.Contains(strings.ToLower(ref.path), "worksheets/") {
			wb.sheets = append(wb.sheets, ref)
		}
	}
	wb.sstPath = byType["sharedStrings"]
	return wb.readStyles(byType["styles"])
}

// readStyles marks each cell style (cellXfs index, the s attribute of a
// cell) whose number format shows a date or time.
func (wb *workbook) readStyles(p string) error {
	if p == "" {
		return nil
	}
	b, err := wb.readPart(p)
	if err != nil || b == nil {
		return err
	}
	var st xStyles
	if err := xml.Unmarshal(b, &st); err != nil {
		return wb.corrupt(p, err)
	}
	custom := map[int]string{}
	for _, f := range st.NumFmts {
		custom[f.ID] = f.Code
	}
	wb.dateStyle = make([]bool, len(st.Xfs))
	for i, xf := range st.Xfs {
		if code, ok := custom[xf.NumFmtID]; ok {
			wb.dateStyle[i] = customDateFmt(code)
		} else {
			wb.dateStyle[i] = builtinDateFmt(xf.NumFmtID)
		}
	}
	return nil
}

// isDateStyle reports whether cell style s has a date format.
func (wb *workbook) isDateStyle(s int) bool {
	return s >= 0 && s < len(wb.dateStyle) && wb.dateStyle[s]
}

type xCore struct {
	Modified string `xml:"modified"`
}

// readSaved reads when the workbook was last saved. It bounds the dates
// a row can hold (a date after it is a typo such as 2199); a missing or
// unreadable part only means there is no bound.
func (wb *workbook) readSaved(p string) time.Time {
	if p == "" {
		p = "docProps/core.xml"
	}
	b, err := wb.readPart(p)
	if err != nil || b == nil {
		return time.Time{}
	}
	var c xCore
	if xml.Unmarshal(b, &c) != nil {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(c.Modified))
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}
