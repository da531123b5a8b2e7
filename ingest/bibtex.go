package ingest

import (
	"errors"
	"path"
	"regexp"
	"strings"

	"github.com/nickng/bibtex"
)

// BibTeX: an annotated reading list (a .bib file of the docs and papers
// read for the exam), each entry's title a topic and its note, annote or
// abstract fields what the reader learnt from it. nickng/bibtex reads the
// entries (braces, quotes, @string macros); bibtexToMarkdown writes each
// entry's title as a heading and its annotations as Markdown text, each
// citing the note line its field starts on. Authors, years, urls and
// other bibliographic fields are no notes.

// isBibTeX reports whether a note is a BibTeX file: named *.bib, or a text
// whose first non-blank, non-comment line opens an entry ("@article{").
func isBibTeX(name, text string) bool {
	if strings.ToLower(path.Ext(name)) == ".bib" {
		return true
	}
	for _, l := range splitLines(text) {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "%") {
			continue
		}
		return bibEntryStart.MatchString(t)
	}
	return false
}

// bibEntryStart matches the line an entry opens on: "@online{key,".
var bibEntryStart = regexp.MustCompile(`^@([A-Za-z]+)\s*[{(]\s*([^,\s]*)`)

// bibFieldStart matches the line a field starts on: "  note = {".
var bibFieldStart = regexp.MustCompile(`^\s*([A-Za-z][A-Za-z0-9_-]*)\s*=`)

// bibTextFields are the fields whose text is the notes, in the order they
// are written out under the entry's title.
var bibTextFields = []string{"note", "annote", "annotation", "abstract", "comment", "comments", "review", "keywords"}

// errNoEntries is the error of a BibTeX file that holds no entry with a
// title or annotation.
var errNoEntries = errors.New("no entry with a title or annotation")

// bibtexToMarkdown rewrites a BibTeX note as Markdown (see isBibTeX). It
// fails when nickng/bibtex cannot read it or it holds no entry to read.
func bibtexToMarkdown(src string) (noteMarkdown, error) {
	lines := splitLines(src)
	// a "%" comment line is no BibTeX to the parser (it reads nothing
	// after one): blank it, keeping the line count
	clean := make([]string, len(lines))
	for i, l := range lines {
		if !strings.HasPrefix(strings.TrimSpace(l), "%") {
			clean[i] = l
		}
	}
	bib, err := bibtex.Parse(strings.NewReader(strings.Join(clean, "\n")))
	if err != nil {
		return noteMarkdown{}, err
	}
	// where each entry and each of its fields starts, by note line
	type entryLines struct {
		line   int
		fields map[string]int
	}
	var starts []entryLines
	for i, l := range clean {
		t := strings.TrimSpace(l)
		if m := bibEntryStart.FindStringSubmatch(t); m != nil {
			if ty := strings.ToLower(m[1]); ty != "string" && ty != "comment" && ty != "preamble" {
				starts = append(starts, entryLines{line: i + 1, fields: map[string]int{}})
			}
			t = strings.TrimSpace(t[len(m[0]):])
			t = strings.TrimPrefix(t, ",")
		}
		if len(starts) == 0 {
			continue
		}
		if m := bibFieldStart.FindStringSubmatch(t); m != nil {
			e := starts[len(starts)-1]
			if _, seen := e.fields[strings.ToLower(m[1])]; !seen {
				e.fields[strings.ToLower(m[1])] = i + 1
			}
		}
	}
	out := noteMarkdown{text: lines}
	text := false
	for k, e := range bib.Entries {
		at := entryLines{line: 1, fields: map[string]int{}}
		if k < len(starts) {
			at = starts[k]
		}
		lineOf := func(field string) int {
			if n, ok := at.fields[field]; ok {
				return n
			}
			return at.line
		}
		if t := bibText(e.Fields["title"]); t != "" {
			n := lineOf("title")
			out.add("", n)
			out.add("## "+t, n)
			out.add("", n)
			text = true
		}
		for _, f := range bibTextFields {
			if t := bibText(e.Fields[f]); t != "" {
				n := lineOf(f)
				out.add(t, n)
				out.add("", n)
				text = true
			}
		}
	}
	if !text {
		return noteMarkdown{}, errNoEntries
	}
	return out, nil
}

// bibText returns a field's text, its protective braces and line breaks
// gone; "" for a missing field.
func bibText(s bibtex.BibString) string {
	if s == nil {
		return ""
	}
	t := strings.NewReplacer("{", "", "}", "", `\&`, "&", `\%`, "%", `\_`, "_", `\$`, "$", "~", " ").Replace(s.String())
	return strings.Join(strings.Fields(t), " ")
}
