package ingest

import (
	"errors"
	"path"
	"sort"
	"strings"

	"github.com/emersion/go-ical"
)

// Calendars (iCalendar, RFC 5545): a study plan kept in a calendar, each
// event's SUMMARY a topic and its DESCRIPTION the facts to learn that day.
// go-ical reads the calendar and decodes its text values;
// calendarToMarkdown writes the calendar's name as a heading, each event's
// summary as a heading under it and each line of its description (its
// "\n" escapes) as Markdown text, every line citing the note line its text
// starts on: a property folded over several lines (a line that starts with
// a space continues the one before) cites the line its part starts on.

// isCalendar reports whether a note is an iCalendar file: named *.ics or
// *.ical, or a text that opens with "BEGIN:VCALENDAR".
func isCalendar(name, text string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".ics", ".ical", ".ifb":
		return true
	}
	return strings.HasPrefix(strings.ToUpper(strings.TrimLeft(text, " \t\r\n\ufeff")), "BEGIN:VCALENDAR")
}

// calendarTextProps are the properties whose text is the notes: the rest
// (dates, ids, attendees, rules) say when, not what.
var calendarTextProps = map[string]bool{"SUMMARY": true, "DESCRIPTION": true, "COMMENT": true, "X-WR-CALNAME": true, "X-WR-CALDESC": true}

// calendarProp is one unfolded content line: its name, its raw value, and
// where in the value each of the note lines it was folded over starts
// (starts[k], a byte offset, is on 1-based note line lines[k]).
type calendarProp struct {
	name   string
	value  string
	starts []int
	lines  []int
}

// lineAt returns the note line that byte off of the value is on.
func (p calendarProp) lineAt(off int) int {
	k := sort.SearchInts(p.starts, off+1) - 1 // the last fold starting at or before off
	return p.lines[max(k, 0)]
}

// unfoldCalendar returns the content lines of an iCalendar text whose
// properties calendarTextProps names, unfolded (RFC 5545 3.1).
func unfoldCalendar(lines []string) []calendarProp {
	var out []calendarProp
	cur := -1 // index in out of the property being unfolded; -1 for none kept
	for i, l := range lines {
		l = strings.TrimSuffix(l, "\r")
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if cur >= 0 {
				p := &out[cur]
				p.starts = append(p.starts, len(p.value))
				p.lines = append(p.lines, i+1)
				p.value += l[1:]
			}
			continue
		}
		cur = -1
		colon := strings.IndexByte(l, ':')
		if colon < 0 {
			continue
		}
		name := strings.ToUpper(l[:colon])
		if k := strings.IndexByte(name, ';'); k >= 0 {
			name = name[:k] // parameters ("DESCRIPTION;LANGUAGE=en")
		}
		if !calendarTextProps[name] {
			continue
		}
		out = append(out, calendarProp{name: name, value: l[colon+1:], starts: []int{0}, lines: []int{i + 1}})
		cur = len(out) - 1
	}
	return out
}

// errNoEvents is the error of a calendar that holds no text to read.
var errNoEvents = errors.New("no event with a summary or description")

// calendarToMarkdown rewrites an iCalendar note as Markdown (see
// isCalendar). It fails on a text go-ical cannot read as a calendar, or
// one with no summary or description.
func calendarToMarkdown(src string) (noteMarkdown, error) {
	if _, err := ical.NewDecoder(strings.NewReader(src)).Decode(); err != nil {
		return noteMarkdown{}, err
	}
	lines := splitLines(src)
	out := noteMarkdown{text: lines}
	text := false
	for _, p := range unfoldCalendar(lines) {
		// the value's lines, split at its "\n" escapes before they are
		// decoded, so each knows where it starts
		start := 0
		for start <= len(p.value) {
			end := len(p.value)
			if k := indexNewlineEscape(p.value[start:]); k >= 0 {
				end = start + k
			}
			part := p.value[start:end]
			n := p.lineAt(start)
			prop := ical.NewProp(p.name)
			prop.Value = part
			t, err := prop.Text()
			if err != nil {
				t = part
			}
			if t = strings.TrimSpace(t); t != "" {
				text = true
				switch p.name {
				case "X-WR-CALNAME":
					out.add("# "+t, n)
				case "SUMMARY":
					out.add("", n)
					out.add("## "+t, n)
				default:
					out.add("", n)
					out.add(t, n)
				}
				out.add("", n)
			}
			start = end + 2
		}
	}
	if !text {
		return noteMarkdown{}, errNoEvents
	}
	return out, nil
}

// indexNewlineEscape returns the index of the first "\n" (or "\N") escape
// of an iCalendar text value, an escaped backslash ("\\n") being none; -1
// when there is none.
func indexNewlineEscape(v string) int {
	for i := 0; i+1 < len(v); i++ {
		if v[i] != '\\' {
			continue
		}
		if v[i+1] == 'n' || v[i+1] == 'N' {
			return i
		}
		i++ // the escaped character
	}
	return -1
}
