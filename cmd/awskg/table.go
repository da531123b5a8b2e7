package main

import (
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
)

// columnGap is the space between two columns.
const columnGap = 2

// minColumn is the narrowest a column is cut to when the table does not fit
// (a column whose header or widest cell is narrower keeps that width).
const minColumn = 6

// Table prints rows under a bold header, in columns fitted to the
// terminal's width: when the natural widths do not fit, the widest columns
// give up width first and their cells are cut with "…". Widths are
// measured as the terminal shows the cells (wide East Asian characters and
// most emoji take two columns, combining marks none), control characters
// escaped. The last column is dim.
func (s *IOStreams) Table(header []string, rows [][]string) {
	header, rows = escapeCells(header), escapeRows(rows)
	widths := fitColumns(header, rows, s.TerminalWidth(), 0)
	s.tableLine(s.Out, "", header, widths, true, false)
	for _, r := range rows {
		s.tableLine(s.Out, "", r, widths, false, false)
	}
}

// tableLine writes one line of cells (escaped already) cut and padded to
// widths, after indent; the first column right-aligned when rightFirst.
func (s *IOStreams) tableLine(w io.Writer, indent string, cells []string, widths []int, header, rightFirst bool) {
	var b strings.Builder
	b.WriteString(indent)
	for i, c := range cells {
		if i >= len(widths) {
			break
		}
		c = cutToWidth(c, widths[i])
		pad := strings.Repeat(" ", widths[i]-runewidth.StringWidth(c))
		switch {
		case header:
			c = s.Bold(c)
		case i == len(cells)-1:
			c = s.Dim(c)
		}
		if i == 0 && rightFirst {
			b.WriteString(pad + c)
		} else {
			b.WriteString(c + pad)
		}
		if i < len(cells)-1 {
			b.WriteString(strings.Repeat(" ", columnGap))
		}
	}
	io.WriteString(w, strings.TrimRight(b.String(), " ")+"\n")
}

// fitColumns returns the width of each column of header and rows in a
// table at most total columns wide after indent. Each column is as wide as
// its widest cell when they all fit; otherwise the columns wider than a
// common cap are cut to it (but not below minColumn or their header), the
// cap being the largest that fits, and the columns left over share what
// remains. A table that cannot fit even so keeps those minimum widths.
func fitColumns(header []string, rows [][]string, total, indent int) []int {
	n := len(header)
	for _, r := range rows {
		n = max(n, len(r))
	}
	natural := make([]int, n)
	floor := make([]int, n)
	for i, h := range header {
		natural[i] = runewidth.StringWidth(h)
		floor[i] = natural[i]
	}
	for _, r := range rows {
		for i, c := range r {
			natural[i] = max(natural[i], runewidth.StringWidth(c))
		}
	}
	for i := range floor {
		floor[i] = min(natural[i], max(floor[i], minColumn))
	}
	budget := total - indent - columnGap*max(n-1, 0)
	widthsAt := func(limit int) ([]int, int) {
		w := make([]int, n)
		sum := 0
		for i := range w {
			w[i] = max(min(natural[i], limit), floor[i])
			sum += w[i]
		}
		return w, sum
	}
	widest := 0
	for _, w := range natural {
		widest = max(widest, w)
	}
	if _, sum := widthsAt(widest); sum <= budget {
		return natural
	}
	// the largest cap that fits: sum is monotonic in the cap
	lo, hi := 0, widest
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if _, sum := widthsAt(mid); sum <= budget {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	w, sum := widthsAt(lo)
	// what the cap leaves goes, a column at a time, to the columns it cut
	for i := 0; i < n && sum < budget; i++ {
		if w[i] < natural[i] {
			w[i]++
			sum++
		}
	}
	return w
}

// cutToWidth cuts s to at most width terminal columns, ending it with "…"
// when it is cut.
func cutToWidth(s string, width int) string {
	if runewidth.StringWidth(s) <= width {
		return s
	}
	if width <= 1 {
		return runewidth.Truncate(s, width, "")
	}
	return runewidth.Truncate(s, width, "…")
}
