package queries

import (
	"fmt"
	"slices"
	"strings"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// The option-choice reading answers a question that offers two options by
// the words it writes them in, named or not ("firehose vs data streams -
// which one lets me replay records?", "CodeCommit: triggers or
// notifications - which one is built on CloudWatch Events rules?"): the
// option one of whose lines (a line that holds its words, or under a
// heading that does) holds most of the question's other words, a word the
// line denies ("Firehose does NOT store data -> no replay") counting
// against it. choiceCandidate does the same for two named entities by
// their lines about them.

// maxOfferedWords bounds the words of one option offered around "vs" or
// "or".
const maxOfferedWords = 3

// optionChoicePrior is what an option-choice reading is worth before its
// words are matched (choiceCandidate's 0.3, less: its options are words).
const optionChoicePrior = 0.25

// option is one of the two a question offers: its words as written and
// their content stems.
type option struct {
	text  string
	stems []string
}

// offeredOptions returns the two options a question offers around "vs",
// "versus" or "or": up to maxOfferedWords words on either side, the left
// one opening the question or a clause of it, the right one ended by a mark
// between words, a function word or a preposition. "or" offers options only in a question that
// asks which ("which one", "which ..."), opens with them ("Standard or
// Express workflows for ...?") or ends with them after a mark ("... -
// Standard or Express workflow?"), which closes says. ok is false when it
// offers none.
func (e *Engine) offeredOptions(a *analysis) (x, y option, closes, ok bool) {
	ws := a.words
	gap := func(i int) string { return a.text[ws[i-1].end:ws[i].start] } // text between words i-1 and i
	for k := 1; k+1 < len(ws); k++ {
		w := ws[k].lower
		if w != "vs" && w != "versus" && w != "or" {
			continue
		}
		// the left option opens the question or its clause: "CodeCommit:
		// triggers or notifications", not "which service notifies SNS or
		// SQS"
		var l, r []qword
		opens, afterMark := false, false
		for i := k - 1; i >= 0 && len(l) < maxOfferedWords; i-- {
			if ws[i].stop || e.lx.IsPreposition(ws[i].lower) || e.lx.QuestionSurface("wh", ws[i].lower) {
				break
			}
			l = append([]qword{ws[i]}, l...)
			if i == 0 || strings.ContainsAny(gap(i), ":;,-?()") {
				opens, afterMark = true, i > 0
				break
			}
		}
		if !opens {
			continue
		}
		for i := k + 1; i < len(ws) && len(r) < maxOfferedWords; i++ {
			if i > k+1 && strings.ContainsAny(gap(i), ":;,-?()") || ws[i].stop || e.lx.IsPreposition(ws[i].lower) || e.lx.QuestionSurface("wh", ws[i].lower) {
				break
			}
			r = append(r, ws[i])
		}
		if len(l) == 0 || len(r) == 0 {
			continue
		}
		// (or ends it after a mark: "a high-volume workload in Step
		// Functions - Standard or Express workflow?")
		closes = w == "or" && afterMark && r[len(r)-1].end == ws[len(ws)-1].end
		if w == "or" && !e.whichAsked(a) && ws[0].start != l[0].start && !closes {
			continue
		}
		return e.optionOf(a, l), e.optionOf(a, r), closes, true
	}
	return option{}, option{}, false, false
}

// whichAsked reports whether a question holds "which".
func (e *Engine) whichAsked(a *analysis) bool {
	return slices.ContainsFunc(a.words, func(w qword) bool { return w.lower == "which" })
}

// optionOf makes an option of a run of the question's words.
func (e *Engine) optionOf(a *analysis, ws []qword) option {
	o := option{text: a.text[ws[0].start:ws[len(ws)-1].end]}
	for _, w := range ws {
		if w.stem != "" && !containsStr(o.stems, w.stem) {
			o.stems = append(o.stems, w.stem)
		}
	}
	return o
}

// optionChoiceCandidate reads a question that offers two options and asks
// for one (analysis.offers) and is no choice of two named entities
// (choiceCandidate reads those): the option whose best line holds more of
// the question's other words than the other's best line. Nil when it offers none, an
// option has no line, or no line tells them apart.
func (e *Engine) optionChoiceCandidate(a *analysis) *candidate {
	if !a.offers {
		return nil
	}
	x, y := a.offered[0], a.offered[1]
	if _, _, named := a.optionLinks(); named {
		return nil
	}
	var rest []term
	for _, t := range a.terms {
		if !containsStr(x.stems, t.stem) && !containsStr(y.stems, t.stem) && !containsStr(e.compareWords, t.stem) {
			rest = append(rest, t)
		}
	}
	if len(rest) == 0 {
		return nil
	}
	sections := map[int32][]string{}
	type best struct {
		v    float64
		line int
	}
	var bests [2]best
	for k, o := range []option{x, y} {
		bests[k].line = -1
		for i := 0; i < e.ix.NumStatements(); i++ {
			terms := e.ix.StatementTerms(i)
			if !holdsAll(terms, o.stems) {
				key := e.ix.StatementSectionKey(i)
				sec, seen := sections[key]
				if !seen {
					sec = e.lx.Terms(e.ix.StatementSection(i))
					sections[key] = sec
				}
				if !holdsAll(sec, o.stems) {
					continue
				}
			}
			text := strings.ToLower(e.ix.StatementText(i))
			if slices.ContainsFunc(o.stems, func(st string) bool { return e.deniesWord(text, st) }) {
				// "filter traces by user id: annotation (not metadata)"
				// speaks against the option it denies
				continue
			}
			v := 0.0
			for _, t := range rest {
				if t.in(terms) && !e.deniesWord(text, t.stem) {
					v += t.weight
				}
			}
			if v > bests[k].v {
				bests[k] = best{v, i}
			}
		}
	}
	win, lose := 0, 1
	if bests[1].v > bests[0].v {
		win, lose = 1, 0
	}
	if bests[win].line < 0 || bests[win].v == bests[lose].v {
		return nil // no line tells them apart
	}
	o := []option{x, y}[win]
	st := e.ix.Statement(bests[win].line)
	ans := Answer{Name: o.text, Kind: string(graph.KindConcept), Detail: st.Text, Sources: []string{st.Source}}
	c := &candidate{typ: candCompare, result: &Result{Intent: string(candCompare), Answers: []Answer{ans}}, ends: []string{}, prior: optionChoicePrior}
	c.rel = e.compareWords
	c.ctx = st.Terms
	for _, id := range a.strongLinkIDs() {
		// the things the question names that the line is about ("Step
		// Functions" of a line under its heading) are accounted for
		if e.holds(bests[win].line, id) || e.lineAbout(bests[win].line, []string{id}) {
			c.links++
		}
	}
	c.reading = fmt.Sprintf("which of %s and %s: %s (%s)", x.text, y.text, o.text, st.Source)
	return c
}

// holdsAll reports whether words hold every stem.
func holdsAll(words, stems []string) bool {
	for _, s := range stems {
		if !containsStr(words, s) {
			return false
		}
	}
	return true
}

// deniesWord reports whether a lower-case line denies the word of a stem:
// a negation (the lexicon's) one or two words before it ("no replay",
// "does NOT store").
func (e *Engine) deniesWord(text, stem string) bool {
	ws := splitWords(text)
	for i, w := range ws {
		if ingest.Stem(w.lower) != stem {
			continue
		}
		for j := max(0, i-2); j < i; j++ {
			if e.lx.IsNegation(ws[j].lower) {
				return true
			}
		}
	}
	return false
}

// answersOption reports whether a candidate answers with one of the
// options the question offers: an answer whose name holds every word of
// one (by stem; "Amazon Kinesis Data Streams" holds "data streams").
func (e *Engine) answersOption(a *analysis, c *candidate) bool {
	var names []string
	if c.result != nil {
		for _, ans := range c.result.Answers {
			names = append(names, ans.Name)
		}
	} else {
		for _, id := range c.ends {
			names = append(names, e.names[id].Name)
		}
	}
	for _, n := range names {
		var stems []string
		for _, w := range splitWords(n) {
			stems = append(stems, ingest.Stem(w.lower))
		}
		for _, o := range a.offered {
			if holdsAll(stems, o.stems) {
				return true
			}
		}
	}
	return false
}
