package ingest

// parseBlog groups the lines of a blog post (001-style): a heading is a line
// followed by a line that is exactly "#", bullets are "•" indented two
// spaces per level, everything else is prose. Arrow chains such as
// "logs > subscription filter > s3" stay whole in their bullet.
func (p *parser) parseBlog(lines []srcLine) {
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
		default:
			p.add(Block{Kind: BlockParagraph, Line: l.num, Text: l.text})
		}
	}
}
