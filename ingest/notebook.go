package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// A Jupyter notebook (.ipynb) is JSON: {"cells": [{"cell_type":
// "markdown" or "code" or "raw", "source": ["line\n", ...] or "text"},
// ...], "metadata": ..., "nbformat": 4}. Study notes kept in one are its
// markdown cells; its code cells are code samples.

// isNotebook reports whether a note is a Jupyter notebook: named *.ipynb,
// or JSON that opens an object with "cells" and says its "nbformat".
func isNotebook(name, text string) bool {
	if strings.EqualFold(path.Ext(name), ".ipynb") {
		return true
	}
	t := strings.TrimLeft(text, " \t\r\n\ufeff")
	return strings.HasPrefix(t, "{") && strings.Contains(t, `"cells"`) && strings.Contains(t, `"nbformat"`)
}

// notebookCell is one cell of a notebook: its type and its source strings,
// each with the 1-based note line it sits on.
type notebookCell struct {
	typ   string
	lines []string
	at    []int
}

// notebookToMarkdown rewrites a Jupyter notebook as Markdown: its markdown
// cells as they are written, its code cells as fenced code, raw cells and
// outputs left out; each line cites the note line its source string sits
// on (a JSON string holds no raw line break, so a source string is on one
// line). It fails, with the decoder's error, on a text that is no
// notebook (no "cells" list of objects).
func notebookToMarkdown(src string) (noteMarkdown, error) {
	b := []byte(strings.TrimPrefix(src, "\ufeff"))
	c := &jsonConv{dec: json.NewDecoder(bytes.NewReader(b)), src: b, line: 1}
	c.out.text = splitLines(src)
	if t, _, err := c.token(); err != nil {
		return noteMarkdown{}, eofCut(err)
	} else if t != json.Delim('{') {
		return noteMarkdown{}, errors.New("not a notebook: no JSON object")
	}
	found := false
	for c.dec.More() {
		t, _, err := c.token()
		if err != nil {
			return noteMarkdown{}, eofCut(err)
		}
		if t != "cells" {
			if err := c.skip(); err != nil {
				return noteMarkdown{}, eofCut(err)
			}
			continue
		}
		found = true
		if err := c.notebookCells(); err != nil {
			return noteMarkdown{}, eofCut(err)
		}
	}
	if !found {
		return noteMarkdown{}, errors.New(`not a notebook: no "cells"`)
	}
	return c.out, nil
}

// eofCut reads an end of input inside a value as a value cut short.
func eofCut(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// notebookCells reads the "cells" list and writes each cell.
func (c *jsonConv) notebookCells() error {
	if t, _, err := c.token(); err != nil {
		return err
	} else if t != json.Delim('[') {
		return errors.New(`not a notebook: "cells" is no list`)
	}
	for c.dec.More() {
		cell, err := c.notebookCell()
		if err != nil {
			return err
		}
		c.writeCell(cell)
	}
	_, _, err := c.token() // "]"
	return err
}

// notebookCell reads one cell object: its type and its source, any other
// field skipped.
func (c *jsonConv) notebookCell() (notebookCell, error) {
	var cell notebookCell
	if t, _, err := c.token(); err != nil {
		return cell, err
	} else if t != json.Delim('{') {
		return cell, fmt.Errorf("not a notebook: a cell is a %v, not an object", t)
	}
	for c.dec.More() {
		t, _, err := c.token()
		if err != nil {
			return cell, err
		}
		switch t {
		case "cell_type":
			v, _, err := c.token()
			if err != nil {
				return cell, err
			}
			cell.typ, _ = v.(string)
		case "source":
			if err := c.notebookSource(&cell); err != nil {
				return cell, err
			}
		default:
			if err := c.skip(); err != nil {
				return cell, err
			}
		}
	}
	_, _, err := c.token() // "}"
	return cell, err
}

// notebookSource reads a cell's source: a list of strings, or one string.
func (c *jsonConv) notebookSource(cell *notebookCell) error {
	t, n, err := c.token()
	if err != nil {
		return err
	}
	add := func(s string, n int) {
		c.quote(n, "", s)
		for _, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
			cell.lines = append(cell.lines, strings.TrimRight(l, " \t\r"))
			cell.at = append(cell.at, n)
		}
	}
	switch v := t.(type) {
	case string:
		add(v, n)
		return nil
	case json.Delim:
		if v != '[' {
			return errors.New("not a notebook: a cell's source is an object")
		}
	default:
		return nil
	}
	for c.dec.More() {
		t, n, err := c.token()
		if err != nil {
			return err
		}
		if s, ok := t.(string); ok {
			add(s, n)
		}
	}
	_, _, err = c.token() // "]"
	return err
}

// writeCell writes one cell as Markdown: a markdown cell's lines, a code
// cell's lines fenced; a blank line after either.
func (c *jsonConv) writeCell(cell notebookCell) {
	if len(cell.lines) == 0 {
		return
	}
	switch cell.typ {
	case "markdown":
		for k, l := range cell.lines {
			c.emit(l, cell.at[k])
		}
	case "code":
		c.emit("```", cell.at[0])
		for k, l := range cell.lines {
			c.emit(l, cell.at[k])
		}
		c.emit("```", cell.at[len(cell.at)-1])
	default:
		return // a raw cell is for the notebook's converter, not the reader
	}
	c.emit("", cell.at[len(cell.at)-1])
}
