package reports

import (
	"strings"
)

// table writes a table in a scrollable, focusable wrapper (a wide table
// scrolls on a phone; the page does not): a caption, column headers with
// scope, the first cell of each row as its row header.
func (h *htmlDoc) table(id string, tb Table) {
	ft := h.t.formatTable(tb)
	h.w(`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="` + id + `">` + "\n")
	h.w("<table>\n<caption id=\"" + id + "\">" + h.text(tableCaption(tb)) + "</caption>\n<thead>\n<tr>")
	for j, head := range ft.head {
		h.w(`<th scope="col"` + alignClass(ft.align, j) + ">" + h.text(head) + "</th>")
	}
	h.w("</tr>\n</thead>\n<tbody>\n")
	for i, row := range ft.rows {
		h.w(rowOpen(tb, i))
		for j, cell := range row {
			h.tableCell(tb, i, j, cell, ft.align)
		}
		h.w("</tr>\n")
	}
	h.w("</tbody>\n</table>\n</div>\n")
}

// tableCaption is a table's title: its caption, else its sheet's name.
func tableCaption(tb Table) string {
	if tb.Caption != "" {
		return tb.Caption
	}
	return tb.Sheet
}

func rowOpen(tb Table, i int) string {
	if tb.Bold[i] {
		return `<tr class="total">`
	}
	return "<tr>"
}

// tableCell writes one cell: the first of a row heads it.
func (h *htmlDoc) tableCell(tb Table, i, j int, cell, align string) {
	class := alignClass(align, j)
	if j < len(tb.Rows[i]) && tb.Rows[i][j].Indent {
		class = ` class="indent"`
		cell = strings.TrimLeft(cell, " ")
	}
	if j == 0 {
		h.w(`<th scope="row"` + class + ">" + h.text(cell) + "</th>")
		return
	}
	h.w("<td" + class + ">" + h.text(cell) + "</td>")
}

// alignClass right-aligns a number column.
func alignClass(align string, j int) string {
	if j < len(align) && align[j] == 'R' {
		return ` class="num"`
	}
	if j < len(align) && align[j] == 'C' {
		return ` class="mid"`
	}
	return ""
}
