package queries

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// The requirement reading answers a question that asks what is needed for
// something a named thing does under a capability ("What do I need to set
// up so CodePipeline can deploy into another AWS account?": CodePipeline,
// cross-account) with the items of a line about that thing that names the
// capability and lists what it takes ("Cross-account: artifact bucket
// encrypted with a customer managed KMS key + bucket policy + a role in the
// other account", "1) customer managed KMS key for the artifact bucket, 2)
// bucket policy ..., 3) cross-account IAM role ..."), each item read as the
// noun phrase it opens with.

// requirementPrior is what a requirement reading is worth before its words
// are matched, beside the evidence reading's -0.3.
const requirementPrior = 1.2

// minRequirementItems is how many items a line must list.
const minRequirementItems = 2

// numberedItemRe finds the markers of a numbered inline list: "1) ",
// "(2) ", "3. ".
var numberedItemRe = regexp.MustCompile(`(?:^|[\s,;])\(?\d\)\s+|(?:^|\s)\d\.\s+`)

// asksRequirement reports whether a question asks what something needs:
// a word of the lexicon's requirement group ("need", "require",
// "prerequisites").
func (e *Engine) asksRequirement(a *analysis) bool {
	return slices.ContainsFunc(a.words, func(w qword) bool { return e.lx.QuestionSurface("requirement", w.lower) })
}

// requirementCandidate answers a requirement question (asksRequirement)
// that names an entity and a capability with the items of the line that
// names the capability, is most about the entity (its subject, a name it
// writes, or its heading path's: aboutBonus, sectionBonusOf; the first in
// the statements' order of those as much about it) and lists
// minRequirementItems or more. Nil when the question asks no such thing or
// no line lists it.
func (e *Engine) requirementCandidate(a *analysis) *candidate {
	if !e.asksRequirement(a) {
		return nil
	}
	var ents, caps []string
	for _, id := range a.strongLinkIDs() {
		switch k := e.names[id].Kind; {
		case k == graph.KindCapability:
			caps = append(caps, id)
		case isTopicKind(k):
			ents = append(ents, id)
		}
	}
	if len(ents) == 0 || len(caps) == 0 {
		return nil
	}
	best, bestScore := -1, 0.0
	var items []string
	for _, j := range e.ix.StatementsAbout(caps[0]) {
		i := int(j)
		if !e.ix.StatementNames(i, caps[0]) {
			continue
		}
		score := e.aboutBonus(i, ents) + e.sectionBonusOf(i, ents)
		if score == 0 || score <= bestScore {
			continue
		}
		var its []string
		for _, it := range e.requirementItems(e.ix.StatementText(i)) {
			if !e.namedByQuestion(a, it) && !e.lx.ImperativeVerb(strings.ToLower(firstField(it))) {
				its = append(its, it) // not "CodePipeline" nor "Trigger CodeDeploy" of a table's row
			}
		}
		if len(its) >= minRequirementItems {
			best, bestScore, items = i, score, its
		}
	}
	if best >= 0 {
		st := e.ix.Statement(best)
		answers := make([]Answer, len(items))
		for k, it := range items {
			answers[k] = Answer{Name: it, Kind: string(graph.KindConcept), Detail: st.Text, Sources: []string{st.Source}}
		}
		c := &candidate{typ: candEvidence, result: &Result{Intent: "evidence", Answers: answers}, ends: []string{}}
		c.ctx = st.Terms
		// the reading answers what the question asks to set up, need or
		// have: its asked verb ("set up") is the reading's own word
		c.rel = append(c.rel, e.askedVerbs(a)...)
		for _, w := range a.words {
			if e.lx.QuestionSurface("requirement", w.lower) || e.lx.QuestionSurface("particle", w.lower) {
				c.rel = append(c.rel, w.stem)
			}
		}
		c.prior = -0.3 + requirementPrior
		c.links = len(ents) + 1
		c.reading = fmt.Sprintf("what the line on %s and %s lists (%s)", e.names[ents[0]].Name, e.names[caps[0]].Name, st.Source)
		return c
	}
	return nil
}

// firstField returns the first word of a text.
func firstField(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// requirementItems returns the noun phrases a line lists after its label
// ("Cross-account: A + B + C"): its items split at numbered markers, " + ",
// or else commas and semicolons outside parentheses, each read as the noun
// phrase it opens with (see phraseAfter); an item that names a thing and
// what it comes with ("artifact bucket encrypted with a customer managed
// KMS key", "KMS key w/ key policy") gives both, a bare noun with the place
// that says which ("role in the other account"). Nil when it lists fewer
// than minRequirementItems.
func (e *Engine) requirementItems(text string) []string {
	if k := strings.Index(text, ": "); k >= 0 && k < len(text)/2 {
		text = text[k+2:]
	}
	text = strings.ReplaceAll(text, " w/ ", " with ")
	var parts []string
	switch {
	case len(numberedItemRe.FindAllStringIndex(text, -1)) >= minRequirementItems:
		parts = numberedItemRe.Split(text, -1)
	case strings.Count(text, " + ") >= minRequirementItems-1:
		parts = strings.Split(text, " + ")
	default:
		parts = ingest.SplitOutsideParens(text, ",;")
	}
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		ws := splitWords(p)
		head, next := e.phraseAfter(p, ws, 0, nil)
		if head == "" {
			continue
		}
		if hw := splitWords(head); len(hw) == 1 && next+1 < len(ws) && e.lx.IsPreposition(ws[next].lower) && ws[next].lower != "with" {
			// "a role in the other account that the pipeline assumes": a
			// bare noun is the thing its place says
			if pp, _ := e.phraseAfter(p, ws, next+1, nil); pp != "" {
				from := strings.Index(p, head)
				head = p[from : from+strings.Index(p[from:], pp)+len(pp)]
			}
		}
		if next < len(ws) && ws[next].lower == "with" {
			// "artifact bucket encrypted with a customer managed KMS key",
			// "KMS key w/ key policy": the one and what it comes with
			if hw := splitWords(head); len(hw) > 1 && strings.HasSuffix(hw[len(hw)-1].lower, "ed") {
				head = head[:hw[len(hw)-1].start-1]
			}
			if with, _ := e.phraseAfter(p, ws, next+1, nil); with != "" {
				out = appendNew(out, strings.TrimSpace(head))
				head = with
			}
		}
		out = appendNew(out, strings.TrimSpace(head))
	}
	if len(out) < minRequirementItems {
		return nil
	}
	return out
}

// appendNew appends s to list unless it is empty or there already.
func appendNew(list []string, s string) []string {
	if s == "" || containsStr(list, s) {
		return list
	}
	return append(list, s)
}
