package ingest

import (
	"errors"
	"path"
	"strings"

	"github.com/asticode/go-astisub"
)

// Subtitles (SubRip .srt, WebVTT .vtt): the captions of a course video or
// a talk, kept as notes. go-astisub reads them; subtitlesToMarkdown writes
// their text as Markdown paragraphs, the captions of one sentence joined
// on one line (a sentence runs across cues: "Log data can take up to 12
// hours" | "to become available for export,"), each citing the note line
// its first caption is on. Cue numbers, timings and settings are no text.

// isSubtitles reports whether a note is a subtitle file: named *.srt or
// *.vtt, or a text that opens with the "WEBVTT" signature.
func isSubtitles(name, text string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".srt", ".vtt":
		return true
	}
	return strings.HasPrefix(strings.TrimLeft(text, " \t\r\n\ufeff"), "WEBVTT")
}

// errNoCaptions is the error of a subtitle file that holds no caption.
var errNoCaptions = errors.New("no caption")

// maxCaptionParagraphWords bounds the words of one paragraph of joined
// captions: a transcript that never ends a sentence is still read in
// pieces.
const maxCaptionParagraphWords = 80

// subtitlesToMarkdown rewrites a subtitle file as Markdown paragraphs (see
// isSubtitles). It fails on a text go-astisub cannot read as SubRip or
// WebVTT, or that holds no caption.
func subtitlesToMarkdown(name, src string) (noteMarkdown, error) {
	lines := splitLines(src)
	var subs *astisub.Subtitles
	var err error
	if strings.ToLower(path.Ext(name)) == ".vtt" || strings.HasPrefix(strings.TrimLeft(src, " \t\r\n\ufeff"), "WEBVTT") {
		subs, err = astisub.ReadFromWebVTT(strings.NewReader(src))
	} else {
		subs, err = astisub.ReadFromSRT(strings.NewReader(src))
	}
	if err != nil {
		return noteMarkdown{}, err
	}
	if len(subs.Items) == 0 {
		return noteMarkdown{}, errNoCaptions
	}
	out := noteMarkdown{text: make([]string, len(lines))}
	// the captions' own lines are the note's text to quote; cue numbers
	// and timings are left out
	next := 0 // the note line the next caption is looked for from
	var para []string
	paraLine := 0
	flush := func() {
		if len(para) == 0 {
			return
		}
		out.add(strings.Join(para, " "), paraLine)
		out.add("", paraLine)
		para, paraLine = nil, 0
	}
	words := 0
	for _, it := range subs.Items {
		for _, l := range it.Lines {
			t := strings.TrimSpace(l.String())
			if t == "" {
				continue
			}
			at := captionLine(lines, next, t)
			if at >= 0 {
				out.text[at] = t
				next = at + 1
			}
			if len(para) == 0 {
				paraLine = max(1, at+1)
			}
			para = append(para, t)
			words += len(strings.Fields(t))
			if captionEnds(t) || words >= maxCaptionParagraphWords {
				flush()
				words = 0
			}
		}
	}
	flush()
	return out, nil
}

// captionLine finds the 0-based note line at or after from that holds a
// caption's text (its markup removed); -1 when none does.
func captionLine(lines []string, from int, caption string) int {
	for k := from; k < len(lines); k++ {
		if l := strings.TrimSpace(lines[k]); l != "" && (l == caption || strings.Contains(stripTags(l), caption)) {
			return k
		}
	}
	return -1
}

// stripTags removes the inline tags of a caption ("<i>", "</b>", "<v
// Speaker>", "{\an8}").
func stripTags(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '<' || r == '{':
			depth++
		case (r == '>' || r == '}') && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// captionEnds reports whether a caption ends a sentence: its last
// character, before closing quotes or brackets, is ".", "!" or "?".
func captionEnds(t string) bool {
	t = strings.TrimRight(t, "\"')]”’ ")
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?")
}
