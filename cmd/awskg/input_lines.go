package main

import (
	"bufio"
	"errors"
	"io"
)

// maxInputLine bounds the bytes kept of one line of `ask --file` or of the
// REPL's piped input. A longer line is reported as such and skipped; the
// lines after it are read as usual (bufio.Scanner stopped at it, with
// "token too long", dropping every later line).
const maxInputLine = 1 << 20

// inputLines reads lines of any length, keeping at most max bytes of each.
type inputLines struct {
	r   *bufio.Reader
	max int
	n   int // the number of the line last read, from 1
}

func newInputLines(r io.Reader, max int) *inputLines {
	return &inputLines{r: bufio.NewReaderSize(r, 64<<10), max: max}
}

// next returns the next line without its "\n" or "\r\n" (only its first
// max bytes if it is longer: size > max tells) and its length in bytes;
// io.EOF after the last line.
func (l *inputLines) next() (text string, size int, err error) {
	var kept []byte
	var last byte
	for {
		chunk, err := l.r.ReadSlice('\n')
		if err == nil {
			chunk = chunk[:len(chunk)-1] // the "\n"
		}
		if len(chunk) > 0 {
			last = chunk[len(chunk)-1]
		}
		size += len(chunk)
		if room := l.max - len(kept); room > 0 {
			kept = append(kept, chunk[:min(room, len(chunk))]...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if errors.Is(err, io.EOF) && size == 0 {
			return "", 0, io.EOF
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return "", 0, err
		}
		break
	}
	l.n++
	if last == '\r' {
		size--
		kept = kept[:min(len(kept), size)]
	}
	return string(kept), size, nil
}
