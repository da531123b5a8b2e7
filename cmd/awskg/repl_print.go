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
	t := newAligned([]int{4, 34, 60, 40}, rows)
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

// aligned prints rows in columns of common widths, cells truncated to the
// limits; the last column dim.
type aligned struct{ widths []int }

func newAligned(limits []int, rows [][]string) aligned {
	rows = escapeRows(rows)
	var w []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(w) {
				w = append(w, 0)
			}
			w[i] = max(w[i], min(runeLen(c), limitAt(limits, i)))
		}
	}
	return aligned{widths: w}
}

func (a aligned) row(s *IOStreams, w io.Writer, cells []string) {
	var b strings.Builder
	b.WriteString("  ")
	for i, c := range escapeCells(cells) {
		c = truncate(c, a.widths[i])
		pad := a.widths[i] - runeLen(c)
		if i == len(cells)-1 {
			c = s.Dim(c)
		}
		if i == 0 {
			b.WriteString(strings.Repeat(" ", pad) + c + "  ")
			continue
		}
		b.WriteString(c)
		if i < len(cells)-1 {
			b.WriteString(strings.Repeat(" ", pad+2))
		}
	}
	io.WriteString(w, strings.TrimRight(b.String(), " ")+"\n")
}
