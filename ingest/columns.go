package ingest

import (
	"strings"
	"unicode"
)

// Two-column notes (Cornell notes): a cue or question on the left, the
// notes that answer it on the right, one "|" at the same place on every
// line between them, a record spread over several lines and records parted
// by a line with both sides blank:
//
//	What must exist before Config    | 1) configuration recorder  2) delivery
//	records anything?                | channel. Delivery channel = S3 bucket
//	                                 |
//
// columnsToMarkdown writes each record as a heading (the cue) over the
// notes, rejoined: the lines of one item or sentence wrapped in the column
// are one line again.

// minColumnLines is the fewest lines with the column bar a two-column note
// has.
const minColumnLines = 8

// columnBar returns the byte offset of the bar that parts a two-column
// note's columns, -1 when the note is none: at least minColumnLines lines,
// and nine in ten of the lines with a "|", hold exactly one, at the same
// offset, with a cue or notes beside it (a Markdown table's rows hold
// several; a flattened table's cells end with theirs).
func columnBar(lines []string) int {
	count := map[int]int{}
	withBar, full := 0, 0
	for _, l := range lines {
		if strings.Count(l, "|") == 0 {
			continue
		}
		withBar++
		if strings.Count(l, "|") != 1 {
			continue
		}
		i := strings.IndexByte(l, '|')
		count[i]++
		if strings.TrimSpace(l[i+1:]) != "" && i > 0 {
			full++
		}
	}
	best, n := -1, 0
	for i, c := range count {
		if c > n || c == n && i < best {
			best, n = i, c
		}
	}
	if best <= 0 || n < minColumnLines || 10*n < 9*withBar || 2*full < n {
		return -1
	}
	return best
}

// isColumnNote reports whether a text note is written in two columns.
func isColumnNote(text string) bool {
	if strings.Count(text, "|") < minColumnLines {
		return false
	}
	// most notes with bars are tables: a line with two bars or more in
	// the first ones says so before the note is split
	multi, single := 0, 0
	for rest := text; rest != "" && multi+single < 4*minColumnLines; {
		l := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		switch strings.Count(l, "|") {
		case 0:
		case 1:
			single++
		default:
			multi++
		}
	}
	if 10*single < 9*(single+multi) {
		return false
	}
	return columnBar(splitLines(text)) >= 0
}

// columnRule reports a line of rule characters, maybe with a title in it
// ("----- SYSTEMS MANAGER -----", "=====", "-----+-----"), and the title.
func columnRule(l string) (title string, ok bool) {
	t := strings.TrimSpace(l)
	if len(t) < 3 {
		return "", false
	}
	lead := strings.IndexFunc(t, func(r rune) bool { return !strings.ContainsRune("-=_+*~", r) })
	if lead < 3 && lead != -1 {
		return "", false
	}
	if lead == -1 {
		return "", true
	}
	trail := strings.LastIndexFunc(t, func(r rune) bool { return !strings.ContainsRune("-=_+*~", r) })
	if len(t)-1-trail < 3 {
		return "", false
	}
	return strings.TrimSpace(t[lead : trail+1]), true
}

// columnsToMarkdown rewrites a two-column note as Markdown (see above).
// Lines outside the columns pass as they are, a rule with a title in it
// is a heading, and the header row over the first rule is dropped.
func columnsToMarkdown(lines []string) noteMarkdown {
	bar := columnBar(lines)
	out := noteMarkdown{text: lines}
	emit := out.add
	var (
		cue      []string
		cueLine  int
		notes    []string // the record's notes, one entry per item or run of text
		noteLine []int
		inRecord bool
	)
	flush := func() {
		if !inRecord {
			return
		}
		if len(cue) > 0 {
			emit("", cueLine)
			emit("#### "+strings.Join(cue, " "), cueLine)
			emit("", cueLine)
		}
		for k, n := range notes {
			emit(n, noteLine[k])
			if !strings.HasPrefix(n, "- ") {
				emit("", noteLine[k])
			}
		}
		emit("", cueLine)
		cue, notes, noteLine, inRecord = nil, nil, nil, false
	}
	addNote := func(s string, n int, indented bool) {
		item := strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "• ")
		newSentence := len(notes) > 0 && !indented && endsSentence(notes[len(notes)-1]) && startsUpperOrDigit(s)
		if len(notes) > 0 && !item && !newSentence && (indented || !strings.HasPrefix(notes[len(notes)-1], "- ")) {
			// the wrapped rest of the item or sentence above
			last := notes[len(notes)-1]
			if strings.HasSuffix(last, "-") && !strings.HasSuffix(last, " -") && startsLower(s) {
				notes[len(notes)-1] = last + s // "read-" + "prohibited"
			} else {
				notes[len(notes)-1] = last + " " + s
			}
			return
		}
		if item {
			s = "- " + strings.TrimSpace(s[strings.IndexByte(s, ' ')+1:])
		}
		notes = append(notes, s)
		noteLine = append(noteLine, n)
	}
	header := true         // the first column line over a rule names the columns
	prevLeftEmpty := false // the last line in the columns had notes only
	for i, l := range lines {
		n := i + 1
		if strings.Count(l, "|") == 1 && strings.IndexByte(l, '|') == bar {
			left := strings.TrimSpace(l[:bar])
			rawRight := l[bar+1:]
			right := strings.TrimSpace(rawRight)
			if header && i+1 < len(lines) {
				if _, rule := columnRule(lines[i+1]); rule && left != "" && right != "" {
					header = false
					continue // "CUE / QUESTION | NOTES"
				}
			}
			header = false
			if left == "" && right == "" {
				flush()
				prevLeftEmpty = false
				continue
			}
			if left != "" && prevLeftEmpty {
				flush() // a cue after lines of notes only opens the next record
			}
			prevLeftEmpty = left == ""
			if !inRecord {
				inRecord, cueLine = true, n
			}
			if left != "" {
				cue = append(cue, left)
			}
			if right != "" {
				indented := len(rawRight)-len(strings.TrimLeftFunc(rawRight, unicode.IsSpace)) > 1
				addNote(right, n, indented)
			}
			continue
		}
		flush()
		prevLeftEmpty = false
		if title, ok := columnRule(l); ok {
			if title != "" && !strings.Contains(title, "|") {
				emit("", n)
				emit("## "+title, n)
				emit("", n)
			} else {
				emit("", n)
			}
			continue
		}
		emit(l, n)
	}
	flush()
	return out
}
