package ingest

func (p *parser) parseText(lines []srcLine) {}
