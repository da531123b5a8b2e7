package main

import (
	"time"

	"github.com/schollz/progressbar/v3"
)

// progressDelay is how long work runs before its progress bar shows: a
// short ingest draws nothing.
const progressDelay = time.Second

// progress draws a progress bar (schollz/progressbar) on stderr when it is a
// terminal, once the work has run for progressDelay: one bar per phase
// (parsing notes, writing the store), each cleared when it is done.
type progress struct {
	io    *IOStreams
	now   func() time.Time
	start time.Time
	desc  string // the current phase
	bar   *progressbar.ProgressBar
}

func newProgress(io *IOStreams, now func() time.Time) *progress {
	return &progress{io: io, now: now, start: now()}
}

// update reports the notes parsed so far (ingest.BuildOptions.Progress).
func (p *progress) update(done, total int, _ int64) {
	p.step("parsing notes", done, total)
}

// quads reports the quads written to a store so far.
func (p *progress) quads(done, total int) {
	p.step("writing the store", done, total)
}

// step reports done of total items of the phase desc.
func (p *progress) step(desc string, done, total int) {
	if !p.io.IsStderrTTY() || total <= 0 {
		return
	}
	if desc != p.desc {
		p.done()
		p.desc = desc
	}
	if p.bar == nil {
		if p.now().Sub(p.start) < progressDelay {
			return
		}
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(p.io.RawErrOut()),
			progressbar.OptionSetDescription(desc),
			progressbar.OptionSetWidth(30),
			progressbar.OptionShowCount(),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	// A bar that cannot be drawn costs nothing but the bar: the stream
	// keeps the failed write, which main reports when the command ends.
	_ = p.bar.Set(done)
}

// done clears the bar, if one is drawn.
func (p *progress) done() {
	if p.bar != nil {
		if !p.bar.IsFinished() {
			_ = p.bar.Clear() // as in step
		}
		p.bar = nil
	}
}
