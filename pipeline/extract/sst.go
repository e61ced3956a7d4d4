package extract

import (
	"errors"
	"io"
)

// readSST reads the shared string table: each <si> is the concatenation of
// its <t> texts, leaving out phonetic runs (<rPh>), as Excel shows it.
func (wb *workbook) readSST() ([]string, error) {
	f, ok := wb.parts[lowerPath(wb.sstPath)]
	if wb.sstPath == "" || !ok {
		return nil, nil
	}
	if f.UncompressedSize64 > xmlSizeLimit {
		return nil, fail(ErrTooLarge, wb.name, "", "the shared strings unpack to more than %d MiB; refusing to read them", xmlSizeLimit>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, wb.corrupt(wb.sstPath, err)
	}
	defer rc.Close()
	z := newXMLTok(rc)
	var (
		out   []string
		cur   []byte
		inRPh bool
		inSI  bool
		tmp   []byte
	)
	for {
		err := z.next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, wb.corrupt(wb.sstPath, err)
		}
		name, closing, self := tagName(z.tag)
		switch string(name) {
		case "sst":
			if !closing && !self {
				if n, ok := attrInt(z.tag, "uniqueCount"); ok && n > 0 {
					out = make([]string, 0, min(n, int(f.UncompressedSize64/5)+1))
				}
			}
		case "si":
			switch {
			case self:
				out = append(out, "")
			case closing:
				out = append(out, decodeBstr(string(cur)))
				inSI = false
			default:
				cur, inSI = cur[:0], true
			}
		case "rPh":
			inRPh = !closing && !self
		case "t":
			if closing && inSI && !inRPh {
				if tmp, err = unescape(tmp[:0], z.text); err != nil {
					return nil, wb.corrupt(wb.sstPath, err)
				}
				cur = append(cur, tmp...)
			}
		}
	}
}

func attrInt(tag []byte, key string) (int, bool) {
	v, ok := attr(tag, key)
	if !ok {
		return 0, false
	}
	return atoiBytes(v)
}
