package ingest

func (p *parser) parseWiki(lines []srcLine) {}
