package ingest

import "strings"

// parseBlog groups the lines of a blog post (001-style): a heading is a line
// followed by a line that is exactly "#", bullets are "•" indented two
// spaces per level, everything else is prose. Arrow chains such as
// "logs > subscription filter > s3" stay whole in their bullet.
func (p *parser) parseBlog(lines []srcLine) {
	runs := labelRuns(lines)
	for i := 0; i < len(lines); i++ {
		l := &lines[i]
		switch l.kind {
		case itemText, itemCode:
		default:
			continue // blank, skipped, or a "#" rule without a title above it
		}
		if i+1 < len(lines) && lines[i+1].kind == itemHashRule && l.text != "" {
			p.heading(l.num, l.text)
			i++
			continue
		}
		switch {
		case l.list:
			p.add(Block{Kind: BlockBullet, Line: l.num, Depth: wikiDepth(l.indent), Ordinal: l.ordinal, Text: l.text})
		case l.kind == itemCode:
			if b := p.last(); b != nil && b.Kind == BlockCode && b.EndLine == l.num-1 {
				b.Text += "\n" + l.text
				b.EndLine = l.num
			} else {
				p.add(Block{Kind: BlockCode, Line: l.num, Text: l.text})
			}
		case runs[i]:
			// "simple: one record, ..." / "weighted: % split by weight"
			// under "routing policies": a run of labelled lines is a list
			// written without its bullet marks, each label an item; a
			// short line over the run that ends with ":" ("3 types:")
			// heads it
			depth := 0
			if b := p.last(); b != nil && b.Kind == BlockBullet && b.EndLine == l.num-1 {
				depth = b.Depth
				if !runLabel(b.Text) {
					depth++
				}
			}
			p.add(Block{Kind: BlockBullet, Line: l.num, Depth: depth, Text: l.text})
		case i+1 < len(lines) && lines[i+1].num == l.num+1 && isShortHead(l.text) && runs[i+1]:
			p.add(Block{Kind: BlockBullet, Line: l.num, Text: l.text})
		default:
			p.add(Block{Kind: BlockParagraph, Line: l.num, Text: l.text})
		}
	}
}

// minLabelRun is the fewest labelled lines in a row that labelRuns reads
// as a list.
const minLabelRun = 3

// maxRunLabelWords bounds the words of a line's label (see runLabel).
const maxRunLabelWords = 3

// runLabel reports whether a line opens with a short label and a colon:
// "endpoint hc: ip or domain, http / https / tcp".
func runLabel(text string) bool {
	label, rest, ok := strings.Cut(text, ": ")
	if !ok || strings.TrimSpace(rest) == "" {
		return false
	}
	n := countFields(label)
	return n > 0 && n <= maxRunLabelWords && !strings.ContainsAny(label, ",.;()")
}

// isShortHead reports whether a line is a short head over a list: a few
// words ending with ":" ("3 types:").
func isShortHead(text string) bool {
	t := strings.TrimSpace(text)
	return strings.HasSuffix(t, ":") && countFields(t) <= maxRunLabelWords && !strings.Contains(strings.TrimSuffix(t, ":"), ":")
}

// labelRuns reports, by line index, the labelled plain lines (runLabel,
// no bullet mark) that stand in a run of at least minLabelRun such lines
// with no blank line between them.
func labelRuns(lines []srcLine) []bool {
	out := make([]bool, len(lines))
	plain := func(k int) bool {
		l := lines[k]
		return l.kind == itemText && !l.list && runLabel(l.text)
	}
	for lo := 0; lo < len(lines); {
		if !plain(lo) {
			lo++
			continue
		}
		hi := lo
		for hi+1 < len(lines) && lines[hi+1].num == lines[hi].num+1 && plain(hi+1) {
			hi++
		}
		if hi-lo+1 >= minLabelRun {
			for k := lo; k <= hi; k++ {
				out[k] = true
			}
		}
		lo = hi + 1
	}
	return out
}
