package main

import (
	"bytes"
	"io"
	"os"
	"strings"
)

// IOStreams carries every input and output of a command, so tests can use
// in-memory buffers and commands can adapt to terminals.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY  bool
	stdoutTTY bool
	stderrTTY bool
	color     bool
	width     int
}

// System returns streams on the process's standard files.
func System() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		stdinTTY: isTerminal(os.Stdin), stdoutTTY: isTerminal(os.Stdout), stderrTTY: isTerminal(os.Stderr), width: 100}
	s.color = s.stdoutTTY && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
	return s
}

// Test returns in-memory streams and the buffers behind them.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut, width: 100}, in, out, errOut
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

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
	return "\x1b[" + code + "m" + t + "\x1b[0m"
}

// Table prints aligned rows on a terminal; truncates cells to keep lines in
// the terminal width.
func (s *IOStreams) Table(header []string, rows [][]string) {
	widths := make([]int, len(header))
	limit := []int{4, 34, 60, 40}
	for i, h := range header {
		widths[i] = runeLen(h)
	}
	for _, r := range rows {
		for i, c := range r {
			if i < len(widths) {
				widths[i] = max(widths[i], min(runeLen(c), limitAt(limit, i)))
			}
		}
	}
	line := func(cells []string, bold bool) {
		var b strings.Builder
		for i, c := range cells {
			c = truncate(c, widths[i])
			pad := widths[i] - runeLen(c)
			if bold {
				c = s.Bold(c)
			} else if i == len(cells)-1 {
				c = s.Dim(c)
			}
			b.WriteString(c)
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", pad+2))
			}
		}
		io.WriteString(s.Out, strings.TrimRight(b.String(), " ")+"\n")
	}
	line(header, true)
	for _, r := range rows {
		line(r, false)
	}
}

func limitAt(l []int, i int) int {
	if i < len(l) {
		return l[i]
	}
	return 40
}

func runeLen(s string) int { return len([]rune(s)) }

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n <= 1 {
		return string(r[:n])
	}
	return string(r[:n-1]) + "…"
}
