package ingest

func (p *parser) parseBlog(lines []srcLine) {}
