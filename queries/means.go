package queries

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/awskg/awskg/graph"
)

// The means reading answers a question that asks how to do something ("how
// do I run DB migrations on only one instance?") with the setting, key or
// parameter a best-matching line names for it: the names in code of the
// clause that says what the question asks ("leader_only: true runs on one
// instance only (DB migrations!)", "can use leader_only to only run on a
// single instance"). Notes write such means as identifiers (snake_case,
// camelCase) the dictionary does not know; a clause that names none gives
// no answer, so services and features stay with the other readings.

// meansPrior is what a means reading is worth before its words are matched,
// beside the evidence reading's -0.3.
const meansPrior = 0.7

// minMeansCoverage is the share of the question's term weight the clause
// must hold (a long question states conditions no one clause repeats: "...
// after the source bundle is extracted but before the new version is
// deployed. What .ebextensions setting do I use?").
const minMeansCoverage = 0.4

// askedMeans returns the stems of the verb by which a question asks how its
// asker does something ("how do I run ...": run; "how can we ...", "how to
// ..."), and after a causative ("how can I make a migration run on one
// instance") the stems of the words after it, one of which is the action;
// for "what setting do I use" the stems of the rest of the question; nil
// when it asks no such thing or asks for a path ("how do I get events into
// Slack").
func (e *Engine) askedMeans(a *analysis) []string {
	if a.path {
		return nil
	}
	ws := a.words
	for i := 0; i+2 < len(ws); i++ {
		if e.lx.QuestionSurface("subject", ws[i].lower) {
			if k := e.usedAt(ws, i); k > 0 {
				// "... run on only one instance. What setting do I use?":
				// the action is a word of the rest of the question
				var out []string
				for j, w := range ws {
					if (j < i || j > k) && !w.stop && w.stem != "" {
						out = append(out, w.stem)
					}
				}
				return out
			}
			continue
		}
		if ws[i].lower != "how" {
			continue
		}
		k := i + 2
		if ws[i+1].lower != "to" {
			if i+3 >= len(ws) || !e.lx.QuestionSurface("yesno", ws[i+1].lower) && !e.lx.QuestionSurface("aux", ws[i+1].lower) || !e.lx.QuestionSurface("actor", ws[i+2].lower) {
				continue
			}
			k = i + 3
		}
		if !e.lx.QuestionSurface("causative", ws[k].lower) {
			return append([]string{ws[k].stem}, e.lx.Synonyms(ws[k].stem)...)
		}
		var out []string
		for _, w := range ws[k+1:] {
			if !w.stop && w.stem != "" {
				out = append(out, w.stem)
			}
		}
		return out
	}
	return nil
}

// usedAt returns the index of the instrument verb ("use") of a question
// that asks what its asker uses, "what [noun] do I use", whose wh-word is
// at i; 0 when it asks no such thing.
func (e *Engine) usedAt(ws []qword, i int) int {
	for j := i + 1; j+2 < len(ws) && j <= i+3; j++ {
		if (e.lx.QuestionSurface("yesno", ws[j].lower) || e.lx.QuestionSurface("aux", ws[j].lower)) && e.lx.QuestionSurface("actor", ws[j+1].lower) {
			if e.lx.QuestionSurface("instrument", ws[j+2].lower) {
				return j + 2
			}
			return 0
		}
	}
	return 0
}

// meansCandidate answers a question that asks how to do something with the
// names in code of the clause of a best-matching line that holds the asked
// verb (or a synonym) and minMeansCoverage of the question, its heading
// path's words and, for a line's last clause, a flattened slide's next line
// that goes on with it counting ("Can use leader_only to only run on a
// single instance. E.g." / "migrate database"); a clause that opens with
// "to" and names none takes them from the line before ("leader_only" / "to
// only run on a single instance"). Nil when the question asks no means or
// no such clause names one.
func (e *Engine) meansCandidate(a *analysis) *candidate {
	verbs := e.askedMeans(a)
	if len(verbs) == 0 || len(a.terms) == 0 {
		return nil
	}
	total := 0.0
	for _, t := range a.terms {
		total += t.weight
	}
	if total == 0 {
		return nil
	}
	for _, h := range a.hits {
		st := e.ix.Statement(h.i)
		// the clauses that hold the asked verb, first: most lines hold none
		// and need no more reading
		cls := e.noteClauses(st.Text)
		owns := make([][]string, len(cls))
		holds := false
		for j, cl := range cls {
			if own := e.lx.Terms(cl); slices.ContainsFunc(verbs, func(v string) bool { return containsStr(own, v) }) {
				owns[j], holds = own, true
			}
		}
		if !holds {
			continue
		}
		section := e.lx.Terms(st.Section) // "ebextensions: how do I ..." of a line under ".ebextensions and friends"
		next := e.continuation(h.i)
		best, bestCov := "", 0.0
		for j, own := range owns {
			if own == nil {
				continue // "how do I run ...": a clause that says to run it, not one that names what the question names
			}
			terms := append(own, section...)
			if next != nil && !slices.ContainsFunc(cls[j+1:], func(c string) bool { return !e.lx.QuestionSurface("abbreviation", strings.ToLower(c)) }) {
				terms = append(terms, next...)
			}
			got := 0.0
			for _, t := range a.terms {
				if t.in(terms) {
					got += t.weight
				}
			}
			if cov := got / total; cov > bestCov {
				best, bestCov = cls[j], cov
			}
		}
		if bestCov < minMeansCoverage {
			continue
		}
		names := e.codeNames(a, best)
		src := st.Source
		if len(names) == 0 && strings.HasPrefix(strings.ToLower(best), "to ") && h.i > 0 {
			prev := e.ix.Statement(h.i - 1)
			if sameFile(prev.Source, st.Source) {
				names, src = e.codeNames(a, prev.Text), prev.Source
			}
		}
		if len(names) == 0 {
			continue
		}
		answers := make([]Answer, len(names))
		for j, n := range names {
			answers[j] = Answer{Name: n, Kind: string(graph.KindConcept), Detail: st.Text, Sources: []string{src}}
		}
		c := &candidate{typ: candEvidence, result: &Result{Intent: "evidence", Answers: answers}}
		c.ctx = st.Terms
		c.prior = -0.3 + bestCov*0.45 + meansPrior
		c.reading = fmt.Sprintf("the setting the best-matching line names for it (%s)", st.Source)
		return c
	}
	return nil
}

// continuation returns the words of the first clause of the line that goes
// on with statement i in a flattened slide: the next statement of the same
// file when it opens lower-case ("... a single instance. E.g." /
// "migrate database"), past one that is an abbreviation alone ("E.g.");
// nil when none does.
func (e *Engine) continuation(i int) []string {
	src := e.ix.StatementSource(i)
	for j := i + 1; j < e.ix.NumStatements() && j <= i+2; j++ {
		if !sameFile(e.ix.StatementSource(j), src) {
			return nil
		}
		text := e.ix.StatementText(j)
		if e.lx.QuestionSurface("abbreviation", strings.ToLower(text)) {
			continue // "E.g." cut off as a sentence of its own goes on in the next
		}
		if startsLower(text) {
			return e.lx.Terms(e.noteClauses(text)[0])
		}
		return nil
	}
	return nil
}

// startsLower reports whether a text opens with a lower-case letter.
func startsLower(text string) bool {
	for _, r := range text {
		return unicode.IsLower(r)
	}
	return false
}

// sameFile reports whether two "file:line" sources cite one file.
func sameFile(x, y string) bool {
	i, j := strings.LastIndexByte(x, ':'), strings.LastIndexByte(y, ':')
	return i > 0 && j > 0 && x[:i] == y[:j]
}

// noteClauses splits a line at the marks that end a clause in notes: ";"
// and a sentence's ". " (not an abbreviation's: "E.g. migrate database").
// A dash joins a name to what it says of it ("option_settings -- set the
// instance type"), an arrow a goal to its means ("\"run DB migration only
// on one instance\" -> container_commands + leader_only"). See also
// clauses, which splits at "but" too.
func (e *Engine) noteClauses(text string) []string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '.' && i+1 < len(text) && text[i+1] == ' ' {
			w := text[strings.LastIndexAny(text[:i], " (;")+1 : i+1]
			if !e.lx.QuestionSurface("abbreviation", strings.ToLower(w)) {
				b.WriteByte(';')
				continue
			}
		}
		b.WriteByte(text[i])
	}
	var out []string
	for _, c := range strings.Split(b.String(), ";") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// codeNames returns the identifiers a clause writes (see identifier) that
// the dictionary does not name, in order, less those the question writes:
// "leader_only" of "leader_only: true runs on one instance only".
func (e *Engine) codeNames(a *analysis, clause string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(clause, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '.' && r != '-'
	}) {
		f = strings.Trim(f, ".-_")
		if !identifier(f) || containsStr(out, f) {
			continue
		}
		if _, ok := e.dict.Exact(f); ok && !strings.Contains(f, "_") {
			continue // "CloudWatch": a name the dictionary knows, not a setting
		}
		if strings.Contains(strings.ToLower(a.text), strings.ToLower(f)) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// identifier reports whether a word is written as a setting or key in code:
// letters joined by underscores ("leader_only", "option_settings"), or a
// lower-case word with a capital inside ("minSize", "runOrder"). A
// capitalised camel-case word is as often a product's name ("WebSocket")
// as a key, and is not taken (ingest's isIdentifier, which reads code in
// flattened slides, takes it).
func identifier(w string) bool {
	if strings.ContainsAny(w, ".-") {
		return false
	}
	letters := 0
	camel := false
	for i, r := range w {
		if unicode.IsLetter(r) {
			letters++
		}
		if i > 0 && unicode.IsUpper(r) {
			camel = true
		}
	}
	first, _ := utf8.DecodeRuneInString(w)
	return letters >= 3 && (strings.Contains(w, "_") || camel && unicode.IsLower(first))
}
