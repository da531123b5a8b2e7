package ingest

// Statement terms. A statement is found by its own words' terms and by the
// first terms of the list head and the heading it sits under. Extraction
// only stores them, never reads them, so they are read on a goroutine of
// their own while extraction goes on, and set on the statements when it
// ends: a long note's extraction no longer waits for them.

// termJob is what one statement's terms are read from: its text, and the
// list head and heading whose first maxContextTerms terms it also takes
// ("" for none).
type termJob struct {
	text, head, heading string
}

// termBatch is the number of statements sent to the terms goroutine at once.
const termBatch = 64

// termsPass reads the terms of a note's statements, in order, on a
// goroutine that owns its word cache until wait returns.
type termsPass struct {
	words   *WordCache
	batch   []termJob        // jobs not sent yet
	batches chan []termJob   // to the goroutine
	done    chan termsResult // from it, once batches is closed
	sent    [][]termJob      // the batches sent, in order, for a goroutine that failed
	closed  bool             // batches is closed

	// on the goroutine: the texts headTerms and headingTerms are of,
	// those terms, and scratch for a statement's terms
	headFor, headingFor     string
	headTerms, headingTerms []string
	scratch                 []string
}

// termsResult is the terms of every statement, in order; ok is false when
// the goroutine stopped on a panic.
type termsResult struct {
	terms [][]string
	ok    bool
}

// newTermsPass starts the goroutine of a terms pass on words, which the
// pass owns until wait returns.
func newTermsPass(words *WordCache) *termsPass {
	p := &termsPass{words: words, batches: make(chan []termJob, 16), done: make(chan termsResult, 1)}
	go p.run()
	return p
}

// add queues the terms of the next statement.
func (p *termsPass) add(j termJob) {
	if p.batch == nil {
		p.batch = make([]termJob, 0, termBatch)
	}
	p.batch = append(p.batch, j)
	if len(p.batch) == termBatch {
		p.send()
	}
}

// send hands the jobs queued to the goroutine.
func (p *termsPass) send() {
	p.batches <- p.batch
	p.sent = append(p.sent, p.batch)
	p.batch = nil
}

// wait returns the terms of every statement added, in order. When the
// goroutine failed, it reads them here, so a failure shows where the
// extraction's own failures do.
func (p *termsPass) wait() [][]string {
	if len(p.batch) > 0 {
		p.send()
	}
	p.close()
	r := <-p.done
	if r.ok {
		return r.terms
	}
	p.headFor, p.headingFor, p.headTerms, p.headingTerms = "", "", nil, nil
	p.words = NewWordCache(p.words.lx)
	var out [][]string
	for _, b := range p.sent {
		for _, j := range b {
			out = append(out, p.termsOf(j))
		}
	}
	return out
}

// close tells the goroutine that no more statements come, so it ends even
// when the extraction stopped early; wait calls it.
func (p *termsPass) close() {
	if !p.closed {
		close(p.batches)
		p.closed = true
	}
}

// run reads the terms of the batches until they are closed. A panic ends
// the reading (the batches are still drained, so add never blocks) and is
// reported as a failed result.
func (p *termsPass) run() {
	var out [][]string
	defer func() {
		if recover() != nil {
			for range p.batches {
			}
			p.done <- termsResult{}
		}
	}()
	for b := range p.batches {
		for _, j := range b {
			out = append(out, p.termsOf(j))
		}
	}
	p.done <- termsResult{terms: out, ok: true}
}

// termsOf returns a statement's terms: its text's, then the first terms of
// its list head and of its heading.
func (p *termsPass) termsOf(j termJob) []string {
	terms := p.words.appendTerms(p.scratch[:0], j.text)
	if m := p.words.lx.UpperBoundTerm(j.text); m != "" && !containsStr(terms, m) {
		terms = append(terms, m) // "up to 5 alarms" is a maximum
	}
	if j.head != "" {
		if p.headFor != j.head || p.headTerms == nil {
			p.headFor, p.headTerms = j.head, p.contextTerms(j.head)
		}
		terms = append(terms, p.headTerms...)
	}
	if j.heading != "" {
		if p.headingFor != j.heading || p.headingTerms == nil {
			p.headingFor, p.headingTerms = j.heading, p.contextTerms(j.heading)
		}
		terms = append(terms, p.headingTerms...)
	}
	p.scratch = terms
	return cloneStrings(terms)
}

// contextTerms returns the first maxContextTerms terms of a heading or list
// head text.
func (p *termsPass) contextTerms(text string) []string {
	t := p.words.Terms(text)
	return t[:min(len(t), maxContextTerms):min(len(t), maxContextTerms)]
}
