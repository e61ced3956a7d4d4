package reports

// htmlStyle is report.html's only style sheet: readable on a phone (the
// page never scrolls sideways; a wide table scrolls in its wrapper) and
// printed on A4 one section per page, like the PDF.
const htmlStyle = `:root { color: #1a1a1a; background: #fff; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; line-height: 1.45; margin: 0 auto; max-width: 50rem; padding: 0 1rem 2rem; }
header { border-bottom: 1px solid #b4b4b4; color: #3c3c3c; font-size: .9rem; margin-bottom: 1rem; padding-top: .5rem; }
header p { margin: .25rem 0; }
.draft { color: #b00000; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: .5rem 0 1rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 .75rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
p, li { overflow-wrap: break-word; }
.note { color: #464646; font-size: .85rem; font-style: italic; }
nav ol { padding-left: 1.25rem; }
a { color: #0b4f8a; }
.table-wrap { margin: .75rem 0 1.25rem; max-width: 100%; overflow-x: auto; }
.table-wrap:focus { outline: 2px solid #0b4f8a; }
table { border-collapse: collapse; font-size: .9rem; }
caption { caption-side: top; font-weight: bold; padding: .25rem 0; text-align: left; }
th, td { border-bottom: 1px solid #c8c8c8; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #e6e6e6; }
tbody th { font-weight: normal; }
.num { text-align: right; white-space: nowrap; }
.mid { text-align: center; }
.indent { padding-left: 1.5rem; }
tr.total th, tr.total td { font-weight: bold; }
abbr[title] { cursor: help; text-decoration: underline dotted; }
figure { margin: 1rem 0; }
figure svg { display: block; height: auto; max-width: 100%; width: 100%; }
figcaption { font-size: .9rem; font-weight: bold; margin-top: .25rem; }
footer { border-top: 1px solid #b4b4b4; color: #5a5a5a; font-size: .8rem; margin-top: 2rem; }
@page { size: A4; margin: 22mm 18mm 20mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
  .table-wrap { overflow: visible; }
  figure, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`
