package extract

import (
	"archive/zip"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// writeZip writes a package from part name to content, as other programs
// write them (excelize cannot be made to write these shapes).
func writeZip(t testing.TB, dir, name string, parts map[string]string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	must(t, err)
	zw := zip.NewWriter(f)
	for _, n := range sortedKeys(parts) {
		w, err := zw.Create(n)
		must(t, err)
		_, err = w.Write([]byte(parts[n]))
		must(t, err)
	}
	must(t, zw.Close())
	must(t, f.Close())
	return p
}

func sortedKeys(m map[string]string) []string {
	var k []string
	for n := range m {
		k = append(k, n)
	}
	for i := range k {
		for j := i + 1; j < len(k); j++ {
			if k[j] < k[i] {
				k[i], k[j] = k[j], k[i]
			}
		}
	}
	return k
}

const (
	nsMain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relWS  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
)

// packageParts gives a minimal package around one sheet's XML.
func packageParts(sheetXML, sst, styles, wbPr string) map[string]string {
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0"?><workbook ` + nsMain + `>` + wbPr +
			`<sheets><sheet name="Deltagere" sheetId="1" r:id="rId2"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId2" Type="` + relWS + `" Target="/xl/worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
			`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": sheetXML,
		"xl/styles.xml":            styles,
	}
	if sst != "" {
		parts["xl/sharedStrings.xml"] = sst
	}
	return parts
}

// LibreOffice: shared strings with rich runs, a custom DD/MM/YYYY format
// with a locale tag, explicit s and t attributes.
var libreOffice = packageParts(
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet `+nsMain+`><dimension ref="A1:C3"/><sheetData>
<row r="1" spans="1:3"><c r="A1" s="0" t="s"><v>0</v></c><c r="B1" s="0" t="s"><v>1</v></c><c r="C1" s="0" t="s"><v>2</v></c></row>
<row r="2" spans="1:3"><c r="A2" s="0" t="s"><v>3</v></c><c r="B2" s="1"><v>43831</v></c><c r="C2" s="2"><v>1234.5</v></c></row>
<row r="3" spans="1:3"><c r="A3" s="0" t="s"><v>4</v></c><c r="B3" s="1" t="n"><v>43862</v></c><c r="C3" s="0" t="s"><v>5</v></c></row>
</sheetData></worksheet>`,
	`<?xml version="1.0" encoding="UTF-8"?><sst `+nsMain+` count="6" uniqueCount="6">
<si><t>deltager_id</t></si><si><r><rPr><b/></rPr><t>start</t></r><r><t>dato</t></r></si><si><t xml:space="preserve">timer </t></si>
<si><t>A&amp;1</t><rPh sb="0" eb="1"><t>ignored</t></rPh></si><si><t>A&#229;2</t></si><si><t>12,5</t></si></sst>`,
	`<?xml version="1.0"?><styleSheet `+nsMain+`><numFmts count="2"><numFmt numFmtId="164" formatCode="[$-406]DD/MM/YYYY"/>`+
		`<numFmt numFmtId="165" formatCode="#,##0.00\ &quot;kr.&quot;"/></numFmts>`+
		`<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`,
	`<workbookPr/>`)

// openpyxl and .NET writers: inline strings, an x: prefix, rows and
// cells without r, CDATA, comments, and 1904 dates.
var prefixed = packageParts(
	`<?xml version="1.0"?><!-- written by hand --><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row><x:c t="inlineStr"><x:is><x:t>deltager_id</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>startdato</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>timer</x:t></x:is></x:c></x:row>
<x:row><x:c t="inlineStr"><x:is><x:t><![CDATA[A&1]]></x:t></x:is></x:c><x:c s="1"><x:v>42369</x:v></x:c><x:c><x:v>1234.5</x:v></x:c></x:row>
<x:row r="4"><x:c r="A4" t="str"><x:f>"A"&amp;"å2"</x:f><x:v>Aå2</x:v></x:c><x:c r="B4" t="inlineStr"><x:is><x:t>01-02-2020</x:t></x:is></x:c><x:c r="C4" t="inlineStr"><x:is><x:r><x:t>12</x:t></x:r><x:r><x:t>,5</x:t></x:r></x:is></x:c></x:row>
</x:sheetData></x:worksheet>`,
	"",
	`<?xml version="1.0"?><styleSheet `+nsMain+`><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
	`<workbookPr date1904="1"/>`)

func TestHandmadeWorkbooks(t *testing.T) {
	fields := []Field{
		{Name: "id", Header: "deltager_id", Kind: KindID},
		{Name: "start", Header: "startdato", Kind: KindDate},
		{Name: "hours", Header: "timer", Kind: KindNumber},
	}
	for name, parts := range map[string]map[string]string{"libreoffice.xlsx": libreOffice, "prefixed.xlsx": prefixed} {
		t.Run(name, func(t *testing.T) {
			p := writeZip(t, t.TempDir(), name, parts)
			ex, err := Read(Source{Path: p}, fields)
			must(t, err)
			if got := ex.Column("id").ID; !reflect.DeepEqual(got, hashes("A&1", "Aå2")) {
				t.Errorf("id = %x", got)
			}
			if got := dates(ex.Column("start")); !got[0].Equal(day(2020, 1, 1)) || !got[1].Equal(day(2020, 2, 1)) {
				t.Errorf("start = %v", got)
			}
			if got := ex.Column("hours").Num; !reflect.DeepEqual(got, []float64{1234.5, 12.5}) {
				t.Errorf("hours = %v", got)
			}
			if len(ex.Problems) != 0 {
				t.Errorf("problems: %v", ex.Problems)
			}
			if name == "libreoffice.xlsx" {
				compareExtracts(t, ex, readExcelize(t, Source{Path: p}, fields))
			}
		})
	}
}
