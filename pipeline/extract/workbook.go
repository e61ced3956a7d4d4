package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path"
	"strconv"
	"strings"
	"time"
)

// Unpacking limits, the counterparts of excelize's UnzipSizeLimit and
// UnzipXMLSizeLimit: the whole package may not claim to unpack to more than
// unzipSizeLimit, and a part we hold in memory (workbook, styles, shared
// strings) not to more than xmlSizeLimit. archive/zip fails a part that
// unpacks to more than its header claims, so the claims bound the work.
const (
	unzipSizeLimit = 4 << 30
	xmlSizeLimit   = 1 << 30
	bombRatio      = 1000     // compression ratio no real worksheet reaches
	bombMinSize    = 64 << 20 // ... checked for parts at least this large
)

// workbook is what we need of an xlsx package besides the sheet's cells.
type workbook struct {
	zr        *zip.ReadCloser
	name      string // base name, for messages
	parts     map[string]*zip.File
	sheets    []sheetRef
	date1904  bool
	dateStyle []bool // per cellXfs index: the number format is a date
	sstPath   string
	saved     time.Time // docProps/core.xml dcterms:modified; zero if absent
}

type sheetRef struct {
	name, path string
	hidden     bool
}

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// openWorkbook opens the package and reads its workbook, relationships and
// styles. Encrypted workbooks are OLE files holding an "EncryptionInfo"
// stream; other OLE files are old .xls workbooks.
func openWorkbook(file string) (*workbook, error) {
	name := path.Base(strings.ReplaceAll(file, "\\", "/"))
	if err := sniff(file, name); err != nil {
		return nil, err
	}
	zr, err := zip.OpenReader(file)
	if err != nil {
		return nil, fail(ErrNotXLSX, name, "", "not an .xlsx workbook (%v); save it from Excel as .xlsx, or export it as CSV", err)
	}
	wb := &workbook{zr: zr, name: name, parts: map[string]*zip.File{}}
	if err := wb.index(); err != nil {
		zr.Close()
		return nil, err
	}
	if what := wb.packageKind(); what != "" {
		zr.Close()
		return nil, fail(ErrNotXLSX, name, "", "this is %s, not an Excel workbook; open it and save or export the data as .xlsx or CSV", what)
	}
	if err := wb.readMeta(); err != nil {
		zr.Close()
		return nil, err
	}
	return wb, nil
}

func (wb *workbook) Close() error { return wb.zr.Close() }

func sniff(file, name string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, 8)
	if _, err := io.ReadFull(f, head); err != nil {
		return fail(ErrNotXLSX, name, "", "not an .xlsx workbook (the file is empty or truncated)")
	}
	if bytes.Equal(head, oleMagic) {
		if oleHasStream(f, "EncryptionInfo") {
			return fail(ErrEncrypted, name, "", "the workbook is encrypted (password-protected); open it in Excel and save a copy without a password")
		}
		return fail(ErrNotXLSX, name, "", "this is an old Excel 97-2003 workbook (.xls) or another OLE file, not .xlsx; save it as .xlsx")
	}
	if !bytes.HasPrefix(head, []byte("PK")) {
		if what := notZipKind(head); what == "a text file (CSV?)" {
			return fail(ErrNotXLSX, name, "", "this is a text file (CSV?), not an Excel workbook; if it is a CSV, give it the extension .csv")
		} else if what != "" {
			return fail(ErrNotXLSX, name, "", "this is %s, not an Excel workbook; save or export the data as .xlsx or CSV", what)
		}
		return fail(ErrNotXLSX, name, "", "not an .xlsx workbook (not a zip package); save it from Excel as .xlsx, or export it as CSV")
	}
	return nil
}

// oleHasStream looks for a stream name (UTF-16LE) in an OLE file's
// directory. Scanning the bytes avoids a compound-file parser; a
// false positive only changes which of two refusals is given.
func oleHasStream(f *os.File, stream string) bool {
	var pat []byte
	for _, c := range stream {
		pat = append(pat, byte(c), 0)
	}
	buf := make([]byte, 1<<20)
	carry := 0
	for {
		n, err := f.Read(buf[carry:])
		if bytes.Contains(buf[:carry+n], pat) {
			return true
		}
		if err != nil {
			return false
		}
		carry = copy(buf, buf[max(0, carry+n-len(pat)):carry+n])
	}
}

// index maps part names (case-insensitively, as Excel does) and applies
// the unpacking limits.
func (wb *workbook) index() error {
	var total uint64
	for _, f := range wb.zr.File {
		total += f.UncompressedSize64
		if total > unzipSizeLimit {
			return fail(ErrTooLarge, wb.name, "", "the workbook claims to unpack to more than %d GiB (a zip bomb?); refusing to read it", unzipSizeLimit>>30)
		}
		if f.UncompressedSize64 >= bombMinSize && f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > bombRatio {
			return fail(ErrTooLarge, wb.name, "", "part %s is compressed more than %d:1 (a zip bomb?); refusing to read it", f.Name, bombRatio)
		}
		wb.parts[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))] = f
	}
	return nil
}

// open opens a part for streaming.
func (wb *workbook) open(p string) (io.ReadCloser, error) {
	f, ok := wb.parts[lowerPath(p)]
	if !ok {
		return nil, fail(ErrNotXLSX, wb.name, "", "not an .xlsx workbook: part %s is missing", p)
	}
	return f.Open()
}

// readPart reads a small part whole, within xmlSizeLimit.
func (wb *workbook) readPart(p string) ([]byte, error) {
	f, ok := wb.parts[lowerPath(p)]
	if !ok {
		return nil, nil
	}
	if f.UncompressedSize64 > xmlSizeLimit {
		return nil, fail(ErrTooLarge, wb.name, "", "part %s unpacks to more than %d MiB; refusing to read it", p, xmlSizeLimit>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, wb.corrupt(p, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, xmlSizeLimit+1))
	if err != nil {
		return nil, wb.corrupt(p, err)
	}
	return b, nil
}

func (wb *workbook) corrupt(p string, err error) error {
	if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) {
		return fail(ErrCorrupt, wb.name, "", "part %s is damaged (%v); re-save the workbook in Excel", p, err)
	}
	return fail(ErrCorrupt, wb.name, "", "part %s: %v", p, err)
}

type xRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

// rels reads the relationships of a part, resolving targets to part names.
func (wb *workbook) rels(part string) (map[string]string, map[string]string, error) {
	dir, base := path.Split(part)
	b, err := wb.readPart(dir + "_rels/" + base + ".rels")
	if err != nil || b == nil {
		return nil, nil, err
	}
	var r xRels
	if err := xml.Unmarshal(b, &r); err != nil {
		return nil, nil, wb.corrupt(dir+"_rels/"+base+".rels", err)
	}
	byID, byType := map[string]string{}, map[string]string{}
	for _, x := range r.Rels {
		t := x.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		byID[x.ID] = t
		byType[x.Type[strings.LastIndexByte(x.Type, '/')+1:]] = t
	}
	return byID, byType, nil
}

func atoiBytes(b []byte) (int, bool) {
	n, err := strconv.Atoi(string(b))
	return n, err == nil
}

func lowerPath(p string) string { return strings.ToLower(strings.TrimPrefix(p, "/")) }

// partSize is the unpacked size the zip directory gives for a part (0 if
// there is no such part); only an estimate, for sizing.
func (wb *workbook) partSize(p string) int64 {
	if f, ok := wb.parts[lowerPath(p)]; ok {
		return int64(min(f.UncompressedSize64, 1<<40))
	}
	return 0
}
