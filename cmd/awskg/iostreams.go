package main

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/term"
)

// IOStreams carries every input and output of a command, so tests can use
// in-memory buffers and commands can adapt to terminals.
//
// Out and ErrOut are text: every write passes through textWriter, which
// shows control characters other than tab and newline escaped (\u001b), so
// a note line holding terminal escapes cannot clear the screen or retitle
// the window, and the first failed write is kept for WriteErr. Data formats
// (exports, renderings) go through DataOut.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	out, errOut *stream // the destinations behind Out and ErrOut
	// mark stands for ESC in the colour codes that ansi adds: textWriter
	// turns it into ESC and escapes every other control character. It is
	// random, so no note line can spell it.
	mark string

	stdinTTY  bool
	stdoutTTY bool
	stderrTTY bool
	color     bool
	// width is the terminal's width in columns when termWidth is nil (tests,
	// or a terminal whose size cannot be read); termWidth reads the width
	// of the terminal on stdout, at each call: the window may be resized
	// during a REPL session.
	width     int
	termWidth func() (int, bool)
}

// System returns streams on the process's standard files.
func System() *IOStreams {
	s := newStreams(os.Stdin, os.Stdout, os.Stderr)
	s.stdinTTY, s.stdoutTTY, s.stderrTTY = isTerminal(os.Stdin), isTerminal(os.Stdout), isTerminal(os.Stderr)
	s.color = s.stdoutTTY && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
	s.width = envColumns(os.Getenv("COLUMNS"), defaultWidth)
	if s.stdoutTTY {
		fd := int(os.Stdout.Fd())
		s.termWidth = func() (int, bool) {
			w, _, err := term.GetSize(fd)
			return w, err == nil && w > 0
		}
	}
	return s
}

// defaultWidth is the width of a terminal whose size is not known.
const defaultWidth = 80

// testWidth is the terminal width of in-memory streams (tests), wide enough
// that tables cut only very long cells; SetTerminalWidth changes it.
const testWidth = 160

// envColumns reads $COLUMNS, else def.
func envColumns(v string, def int) int {
	if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n > 0 {
		return n
	}
	return def
}

// TerminalWidth returns the width in columns of the terminal on stdout
// (or of $COLUMNS, else 80, when it cannot be read).
func (s *IOStreams) TerminalWidth() int {
	if s.termWidth != nil {
		if w, ok := s.termWidth(); ok {
			return w
		}
	}
	return s.width
}

// SetTerminalWidth sets the terminal's width (tests).
func (s *IOStreams) SetTerminalWidth(w int) { s.width, s.termWidth = w, nil }

// Test returns in-memory streams and the buffers behind them.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return newStreams(in, out, errOut), in, out, errOut
}

func newStreams(in io.Reader, out, errOut io.Writer) *IOStreams {
	s := &IOStreams{In: in, out: &stream{w: out}, errOut: &stream{w: errOut}, width: testWidth,
		mark: "\x00" + rand.Text() + "\x00"}
	s.Out = &textWriter{dst: s.out, mark: s.mark}
	s.ErrOut = &textWriter{dst: s.errOut, mark: s.mark}
	return s
}

// isTerminal reports whether f is a terminal; a character device such as
// /dev/null is not.
func isTerminal(f *os.File) bool {
	return term.IsTerminal(int(f.Fd()))
}

// DataOut is where a command writes a data format (N-Quads, DOT, SVG, PNG)
// to stdout: the bytes as they are when stdout is a file or a pipe, the
// text writer (control characters escaped) on a terminal.
func (s *IOStreams) DataOut() io.Writer {
	if s.stdoutTTY {
		return s.Out
	}
	return s.out
}

// RawErrOut writes to stderr as is, for the progress bar's carriage
// returns.
func (s *IOStreams) RawErrOut() io.Writer { return s.errOut }

// WriteErr returns the first write to stdout or stderr that failed, nil if
// none did.
func (s *IOStreams) WriteErr() error {
	if s.out == nil || s.errOut == nil {
		return nil
	}
	if err := s.out.failed(); err != nil {
		return err
	}
	return s.errOut.failed()
}

// stream is a destination that remembers its first failed write; later
// writes fail at once with the same error.
type stream struct {
	mu  sync.Mutex
	w   io.Writer
	err error
}

func (s *stream) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		s.err = err
	}
	return n, err
}

func (s *stream) failed() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// textWriter writes text with its control characters escaped.
type textWriter struct {
	dst  io.Writer
	mark string
}

func (w *textWriter) Write(p []byte) (int, error) {
	if _, err := w.dst.Write(escapeControls(p, w.mark)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// escapeControls returns p with each control character other than tab and
// newline (C0, DEL and C1) written as \u00XX, the form JSON reads back, and
// each mark turned into ESC. Text without control characters is returned as
// it is.
func escapeControls(p []byte, mark string) []byte {
	i := controlAt(p)
	if i < 0 {
		return p
	}
	out := make([]byte, 0, len(p)+16)
	for i >= 0 {
		out = append(out, p[:i]...)
		p = p[i:]
		r, size := utf8.DecodeRune(p)
		if mark != "" && bytes.HasPrefix(p, []byte(mark)) {
			out = append(out, 0x1b)
			size = len(mark)
		} else {
			out = fmt.Appendf(out, "\\u%04x", r)
		}
		p = p[size:]
		i = controlAt(p)
	}
	return append(out, p...)
}

// controlAt returns the offset of the first control character of p that is
// not a tab or newline, or -1.
func controlAt(p []byte) int {
	for i := 0; i < len(p); {
		c := p[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		if r >= 0x80 && r <= 0x9f {
			return i
		}
		i += size
	}
	return -1
}

// EscapeText returns s with its control characters escaped as the text
// streams show them.
func EscapeText(s string) string { return string(escapeControls([]byte(s), "")) }

// IsStdoutTTY reports whether output goes to a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStdinTTY reports whether input comes from a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// IsStderrTTY reports whether errors and progress go to a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// SetStderrTTY sets terminal error output (tests).
func (s *IOStreams) SetStderrTTY(v bool) { s.stderrTTY = v }

// SetStdoutTTY sets terminal output (tests).
func (s *IOStreams) SetStdoutTTY(v bool) { s.stdoutTTY = v }

// SetStdinTTY sets terminal input (tests).
func (s *IOStreams) SetStdinTTY(v bool) { s.stdinTTY = v }

// ColorEnabled reports whether output may use ANSI colours.
func (s *IOStreams) ColorEnabled() bool { return s.color }

// Bold wraps text in bold when colour is on.
func (s *IOStreams) Bold(t string) string { return s.ansi("1", t) }

// Dim wraps text in dim grey when colour is on.
func (s *IOStreams) Dim(t string) string { return s.ansi("2", t) }

// Cyan wraps text in cyan when colour is on.
func (s *IOStreams) Cyan(t string) string { return s.ansi("36", t) }

// Red wraps text in red when colour is on.
func (s *IOStreams) Red(t string) string { return s.ansi("31", t) }

func (s *IOStreams) ansi(code, t string) string {
	if !s.color || t == "" {
		return t
	}
	return s.mark + "[" + code + "m" + t + s.mark + "[0m"
}

func escapeCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = EscapeText(c)
	}
	return out
}

func escapeRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = escapeCells(r)
	}
	return out
}
