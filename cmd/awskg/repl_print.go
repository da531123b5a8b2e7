package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/awskg/awskg/queries"
)

// printShow prints what :show found: on a terminal, the node, then one
// heading per predicate with its relations in aligned, numbered columns
// (the numbers :why takes); piped, one relation per line as
// predicate<TAB>name<TAB>detail<TAB>sources.
func (s *session) printShow(d *queries.Description, took time.Duration) {
	out := s.io
	if !out.IsStdoutTTY() {
		for _, g := range d.Groups {
			for _, r := range g.Relations {
				fmt.Fprintf(out.Out, "%s\t%s\t%s\t%s\n", relationLabel(g), r.Other.Name, strings.TrimPrefix(detailOf(r.Edge), ": "), strings.Join(r.Edge.Sources, ","))
			}
		}
		return
	}
	head := out.Bold(d.Node.Name) + out.Dim(fmt.Sprintf(" (%s, %s)", d.Node.Kind, d.Node.ID))
	fmt.Fprintln(out.Out, head)
	if len(d.Node.Aliases) > 0 {
		fmt.Fprintf(out.Out, "%s %s\n", out.Dim("aliases:"), strings.Join(d.Node.Aliases, ", "))
	}
	var rows [][]string
	for _, g := range d.Groups {
		for _, r := range g.Relations {
			rows = append(rows, []string{fmt.Sprint(len(rows) + 1), r.Other.Name, strings.TrimPrefix(detailOf(r.Edge), ": "), shortSources(r.Edge.Sources)})
		}
	}
	t := newAligned(out, rows)
	i := 0
	for _, g := range d.Groups {
		fmt.Fprintf(out.Out, "%s %s\n", out.Cyan(relationLabel(g)), out.Dim(fmt.Sprintf("(%d)", len(g.Relations))))
		for range g.Relations {
			t.row(out, out.Out, rows[i])
			i++
		}
	}
	fmt.Fprintln(out.Out, out.Dim(fmt.Sprintf("%d relations in %d groups in %s", len(rows), len(d.Groups), took.Round(100*time.Microsecond))))
}

// aligned prints rows in columns of common widths fitted to the terminal
// (see IOStreams.Table), indented, the numbers right-aligned, the last
// column dim.
type aligned struct{ widths []int }

// alignedIndent is the indent of the rows of :show under their headings.
const alignedIndent = "  "

func newAligned(s *IOStreams, rows [][]string) aligned {
	return aligned{widths: fitColumns(nil, escapeRows(rows), s.TerminalWidth(), len(alignedIndent))}
}

func (a aligned) row(s *IOStreams, w io.Writer, cells []string) {
	s.tableLine(w, alignedIndent, escapeCells(cells), a.widths, false, true)
}
