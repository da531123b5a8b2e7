package main

import (
	"fmt"
	"strings"
	"time"
)

// progress draws an ingest progress bar on stderr when it is a terminal and
// the ingest has run for over a second.
type progress struct {
	io      *IOStreams
	now     func() time.Time
	start   time.Time
	drawn   bool
	lastLen int
}

func newProgress(io *IOStreams, now func() time.Time) *progress {
	return &progress{io: io, now: now, start: now()}
}

func (p *progress) update(done, total int, bytes int64) {
	if !p.io.IsStderrTTY() || p.now().Sub(p.start) < time.Second {
		return
	}
	const width = 30
	fill := width * done / max(total, 1)
	line := fmt.Sprintf("\ringesting notes [%s%s] %d/%d  %.1f MB", strings.Repeat("=", fill), strings.Repeat(" ", width-fill), done, total, float64(bytes)/1e6)
	fmt.Fprint(p.io.RawErrOut(), line)
	p.drawn, p.lastLen = true, len(line)
}

// done clears the bar.
func (p *progress) done() {
	if p.drawn {
		fmt.Fprint(p.io.RawErrOut(), "\r"+strings.Repeat(" ", p.lastLen)+"\r")
	}
}
