package ingest

func (p *parser) parseMarkdown(text string) {}
