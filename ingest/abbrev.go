package ingest

import (
	"sort"
	"strings"
	"unicode"
)

// Note-local abbreviations. Cram notes define their own short forms ("abbr:
// CWL=CloudWatch Logs  SF=subscription filter  EB=EventBridge", "Auto
// Scaling group (ASG)", "KDF (Kinesis Data Firehose)") and then write only
// the short form. A definition whose letters are the initials of its
// expansion, and whose expansion the dictionary links to one entity, makes
// the short form a name of that entity in this note only: "EB" is Elastic
// Beanstalk in one author's notes and EventBridge in another's.

var (
	// "CWL=CloudWatch Logs", "SF = subscription filter": the expansion runs
	// to two spaces, a separator or the end of the text.
	// Lower-case too ("cp = codepipeline, cb = codebuild" in a blog's
	// abbreviations line).
	abbrevEqRe = lazyRE(`\b([A-Za-z][A-Za-z0-9]{1,5})\s?=\s?([A-Za-z][A-Za-z0-9.\- ]{1,48}?)(?:\s{2,}|[,;()\n]|$)`)
	// "Auto Scaling group (ASG)"
	abbrevAfterRe = lazyRE(`\(([A-Z][A-Za-z0-9]{1,5})\)`)
	// "ASG (Auto Scaling group)"
	abbrevBeforeRe = lazyRE(`\b([A-Z][A-Z0-9]{1,5})\s\(([A-Za-z][A-Za-z0-9.\- ]{2,48})\)`)
)

// maxAbbrevWords bounds the words of an expansion.
const maxAbbrevWords = 6

// noteAbbreviations reads the abbreviations a note defines: short form →
// node ID. A short form defined for two different entities is dropped.
// defLines holds the lines of the blocks that define two or more short
// forms with "=" ("abbreviations: cp = codepipeline, cc = codecommit"):
// such a line is a glossary of names, and states no relation.
func noteAbbreviations(doc *Document, dict *Dictionary) (abbrevs map[string]string, defLines map[int]bool) {
	out := map[string]string{}
	clash := map[string]bool{}
	define := func(short, long string) bool {
		long = strings.TrimSpace(long)
		ms := dict.Find(long)
		if len(ms) != 1 || ms[0].ID == "" || ms[0].End-ms[0].Start < len(long)*2/3 {
			return false
		}
		if !initialsMatch(short, long) && !initialsMatch(short, entityName(dict, ms[0].ID)) {
			// ("cp = codepipeline": the initials of the name the
			// expansion links, CodePipeline's C and P)
			return false
		}
		if id, ok := out[short]; ok && id != ms[0].ID {
			clash[short] = true
			return true
		}
		out[short] = ms[0].ID
		return true
	}
	for _, b := range doc.Blocks {
		text := b.Text
		if b.Kind == BlockTable || !strings.ContainsAny(text, "=(") {
			continue
		}
		if strings.IndexByte(text, '=') >= 0 {
			for _, m := range abbrevEqRe.FindAllStringSubmatch(text, -1) {
				define(m[1], m[2])
			}
			for l := b.Line; l <= max(b.Line, b.EndLine); l++ {
				// the block's lines that define two short forms or more
				n := 0
				for _, m := range abbrevEqRe.FindAllStringSubmatch(doc.LineText(l), -1) {
					if _, ok := out[m[1]]; ok && define(m[1], m[2]) {
						n++
					}
				}
				if n >= 2 {
					if defLines == nil {
						defLines = map[int]bool{}
					}
					defLines[l] = true
				}
			}
		}
		if strings.IndexByte(text, '(') < 0 {
			continue // the other two forms have a bracket
		}
		for _, m := range abbrevBeforeRe.FindAllStringSubmatch(text, -1) {
			define(m[1], m[2])
		}
		for _, loc := range abbrevAfterRe.FindAllStringSubmatchIndex(text, -1) {
			short := text[loc[2]:loc[3]]
			words := strings.Fields(text[:loc[0]])
			// the expansion is the shortest run of words before the
			// parenthesis whose initials spell the short form
			for n := 1; n <= maxAbbrevWords && n <= len(words); n++ {
				long := strings.Join(words[len(words)-n:], " ")
				if initialsMatch(short, long) {
					define(short, long)
					break
				}
			}
		}
	}
	for s := range clash {
		delete(out, s)
	}
	return out, defLines
}

// entityName returns the name of a dictionary node without its vendor
// word ("AWS CodePipeline" → "CodePipeline"); "" for an unknown ID.
func entityName(dict *Dictionary, id string) string {
	n, ok := dict.Node(id)
	if !ok {
		return ""
	}
	return strings.TrimPrefix(strings.TrimPrefix(n.Name, "AWS "), "Amazon ")
}

// initialsMatch reports whether a short form spells the initials of a long
// one, read by words and by the capitals inside them ("EventBridge" is E,
// B; "Kinesis Data Firehose" is K, D, F): every letter of the short form,
// in order, starts a word or a capitalised part, the first the first.
func initialsMatch(short, long string) bool {
	var initials []rune
	for _, w := range strings.FieldsFunc(long, func(r rune) bool { return r == ' ' || r == '-' || r == '/' }) {
		prev := rune(0)
		for i, r := range w {
			if i == 0 || unicode.IsUpper(r) && !unicode.IsUpper(prev) || unicode.IsDigit(r) && !unicode.IsDigit(prev) {
				initials = append(initials, unicode.ToUpper(r))
			}
			prev = r
		}
	}
	letters := []rune(strings.ToUpper(short))
	if len(letters) < 2 || len(initials) < 2 || letters[0] != initials[0] {
		return false
	}
	// every short-form letter matches an initial, in order, and no more
	// than two initials are skipped ("KDS" for "Kinesis Data Streams")
	j, skipped := 0, 0
	for _, r := range letters {
		for j < len(initials) && initials[j] != r {
			j++
			skipped++
		}
		if j == len(initials) {
			return false
		}
		j++
	}
	skipped += len(initials) - j
	return skipped <= 1
}

// withAbbreviations adds to a text's mentions the note's own short forms:
// a short form the dictionary did not link becomes a mention, and one it
// linked elsewhere ("EB" as Elastic Beanstalk in a note that defines EB as
// EventBridge) takes the note's meaning. Mentions stay in text order.
func withAbbreviations(text string, ms []Mention, abbrevs map[string]string) []Mention {
	if len(abbrevs) == 0 {
		return ms
	}
	named := false
	for short := range abbrevs {
		if strings.Contains(text, short) {
			named = true
			break
		}
	}
	if !named {
		return ms // most texts hold none: no tokenising
	}
	var add []Mention
	changed := false
	for _, t := range tokenize(text) {
		word := text[t.start:t.end]
		id, ok := abbrevs[word]
		if !ok && strings.HasSuffix(word, "s") {
			id, ok = abbrevs[strings.TrimSuffix(word, "s")] // "LGs"
		}
		if !ok {
			continue
		}
		covered := false
		for k := range ms {
			if ms[k].Start <= t.start && t.end <= ms[k].End {
				covered = true
				if ms[k].Start == t.start && ms[k].End == t.end && ms[k].ID != id {
					if !changed {
						ms = append([]Mention(nil), ms...)
						changed = true
					}
					ms[k].ID = id
				}
				break
			}
		}
		if !covered {
			add = append(add, Mention{ID: id, Start: t.start, End: t.end, Text: word})
		}
	}
	if len(add) == 0 {
		return ms
	}
	out := append(append([]Mention(nil), ms...), add...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}
