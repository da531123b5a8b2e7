package queries

import (
	"cmp"
	"context"
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

// needsPrior is what a needs reading is worth before its words are
// matched, beside the evidence reading's -0.3 and the requirement
// reading's requirementPrior: a section's lines say less than one line
// that lists all a capability takes.
const needsPrior = 1.0

// needsScan is how many statements before and after a statement about a
// linked thing the needs reading looks at in the same section.
const needsScan = 8

// asksNeedOf reports whether a question asks what something needs as the
// thing it wants back: a word of the lexicon's obligation group before
// "to" ("what has to be in place"), or one of its requirement group that
// no object follows ("what do I need in place before ...", "what does it need
// to be managed", "the prerequisites for ...", "ECS blue/green - what do I
// need?"); "which sources need a Lambda function" names what is needed and
// asks which things need it.
func (e *Engine) asksNeedOf(a *analysis) bool {
	// the wh-word is what is needed: "what do I need", "what has to be",
	// "what are the prerequisites", not "which VPC endpoints do I need"
	wh := slices.IndexFunc(a.words, func(w qword) bool { return w.start >= a.askAt && e.lx.QuestionSurface("subject", w.lower) })
	if wh < 0 || wh+1 == len(a.words) || !e.lx.QuestionSurface("aux", a.words[wh+1].lower) && !e.lx.QuestionSurface("obligation", a.words[wh+1].lower) && !e.lx.QuestionWord("yesno", a.words[wh+1].stem) {
		return false
	}
	for i, w := range a.words {
		if w.start < a.askAt || !e.lx.QuestionSurface("requirement", w.lower) && !e.lx.QuestionSurface("obligation", w.lower) {
			continue
		}
		if i+2 < len(a.words) && a.words[i+1].lower == "to" {
			// "what has to be in place", "what does it need to be
			// managed"; "what do I need to configure" asks what to
			// configure (verbArgCandidate)
			return e.lx.QuestionSurface("passive", a.words[i+2].lower) && (i+3 == len(a.words) || !e.lx.ImperativeVerb(a.words[i+3].lower))
		}
		if !e.lx.QuestionSurface("requirement", w.lower) {
			continue
		}
		if i+1 == len(a.words) {
			return true
		}
		next := a.words[i+1]
		if strings.ContainsAny(a.text[w.end:next.start], ",;:-?") {
			return true
		}
		if e.lx.IsPreposition(next.lower) || next.linked < 0 && (e.lx.QuestionSurface("clause", next.lower) || e.lx.QuestionSurface("particle", next.lower)) {
			return true
		}
	}
	return false
}

// needsCandidate answers a question that asks what something needs
// (asksNeedOf) with what the lines about the things it names say is
// needed. The rarest of the things decide first (a line on DynamoDB is no
// line on its global tables; see needLines); in the section of the line
// most about them, each line that states a need (the lexicon's needs
// group) gives the noun phrases it needs (needItems), when those lines
// share a word with the question (sharesContentTerm). Nil when the
// question asks no such thing or no line states a need.
func (e *Engine) needsCandidate(ctx context.Context, a *analysis) (*candidate, error) {
	if a.yesno || !e.asksNeedOf(a) {
		return nil, nil
	}
	ids := a.strongLinkIDs()
	if len(ids) == 0 {
		return nil, nil
	}
	// the rarest things the question names decide: a line on DynamoDB is
	// no line on its global tables
	rarity := make(map[string]float64, len(ids))
	for _, id := range ids {
		rarity[id] = e.linkRarity(id)
	}
	tiers := slices.Clone(ids)
	slices.SortStableFunc(tiers, func(x, y string) int { return cmp.Compare(rarity[y], rarity[x]) })
	best, about := -1, ""
	var lines []int
	for k := 0; k < len(tiers) && best < 0; {
		n := k + 1
		for n < len(tiers) && rarity[tiers[n]] == rarity[tiers[k]] {
			n++
		}
		var err error
		if best, lines, err = e.needLines(ctx, tiers[k:n]); err != nil {
			return nil, err
		}
		about, k = tiers[k], n
	}
	if best < 0 {
		return nil, nil
	}
	if !e.sharesContentTerm(a, best, lines) {
		return nil, nil
	}
	slices.Sort(lines)
	var answers []Answer
	var terms []string
	for _, i := range lines {
		if !e.sameSection(best, i) {
			continue
		}
		st := e.ix.Statement(i)
		for _, it := range e.needItems(st.Text) {
			if e.namedByQuestion(a, it) || slices.ContainsFunc(answers, func(x Answer) bool { return strings.EqualFold(x.Name, it) }) {
				continue
			}
			answers = append(answers, Answer{Name: it, Kind: string(graph.KindConcept), Detail: st.Text, Sources: []string{st.Source}})
		}
		terms = append(terms, st.Terms...)
	}
	if len(answers) == 0 {
		return nil, nil
	}
	c := &candidate{typ: candEvidence, result: &Result{Intent: "evidence", Answers: answers}, ends: []string{}}
	c.ctx = terms
	c.rel = append(c.rel, e.askedVerbs(a)...)
	for _, w := range a.words {
		if e.lx.QuestionSurface("requirement", w.lower) || e.lx.QuestionSurface("particle", w.lower) {
			c.rel = append(c.rel, w.stem)
		}
	}
	c.prior = -0.3 + needsPrior
	c.links = len(ids)
	c.reading = fmt.Sprintf("what the lines on %s say it needs (%s)", e.names[about].Name, e.ix.StatementSource(best))
	return c, nil
}

// statementsRelating returns the statements that name an entity or whose
// lines a fact about it was drawn from, in order.
func (e *Engine) statementsRelating(ctx context.Context, id string) ([]int, error) {
	seen := map[int]bool{}
	for _, j := range e.ix.StatementsAbout(id) {
		seen[int(j)] = true
	}
	for _, dir := range []func(context.Context, string, ...string) ([]graph.Edge, error){e.ix.Out, e.ix.In} {
		edges, err := dir(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("read facts of %s: %w", id, err)
		}
		for _, ed := range edges {
			for _, src := range ed.Sources {
				if i, ok := e.ix.StatementAt(src); ok {
					seen[i] = true
				}
			}
		}
	}
	out := make([]int, 0, len(seen))
	for i := range seen {
		out = append(out, i)
	}
	slices.Sort(out)
	return out, nil
}

// needLines returns the statements that state a need (needItems) within
// needsScan of a statement relating one of ids, in their section, scored
// by how much they and the line before them are about ids (relatesBonus,
// sectionBonusOf): the best one (-1 when none) and all of them, in order.
func (e *Engine) needLines(ctx context.Context, ids []string) (int, []int, error) {
	score := func(i int) float64 {
		s := 0.0
		for _, id := range ids {
			s += e.relatesBonus(i, id) + e.sectionBonusOf(i, []string{id})
			if e.sameSection(i-1, i) {
				s += 0.5 * e.relatesBonus(i-1, id)
			}
		}
		return s
	}
	seen := map[int]bool{}
	best, bestScore := -1, 0.0
	var lines []int
	for _, id := range ids {
		seeds, err := e.statementsRelating(ctx, id)
		if err != nil {
			return -1, nil, err
		}
		for _, j := range seeds {
			for i := j - needsScan; i <= j+needsScan; i++ {
				if seen[i] || !e.sameSection(j, i) {
					continue
				}
				seen[i] = true
				if len(e.needItems(e.ix.StatementText(i))) == 0 {
					continue
				}
				s := score(i)
				if s == 0 {
					continue
				}
				lines = append(lines, i)
				if s > bestScore || s == bestScore && i < best {
					best, bestScore = i, s
				}
			}
		}
	}
	slices.Sort(lines)
	return best, lines, nil
}

// sharesContentTerm reports whether the need lines in best's section (or
// the line before each) hold a word of the question other than a name it
// links, a preposition or a word of its need ("need", "have", "up"), or the
// question has no such word ("requirements for S3 Cross-Region
// Replication"): "Must be in the same region as pipeline" says nothing of
// deploying into a prod account.
func (e *Engine) sharesContentTerm(a *analysis, best int, lines []int) bool {
	var content []term
	for _, t := range a.terms {
		w := a.words[t.pos]
		if w.linked >= 0 || w.stop || e.lx.QuestionSurface("requirement", w.lower) || e.lx.QuestionSurface("obligation", w.lower) || e.lx.QuestionSurface("particle", w.lower) || e.lx.IsPreposition(w.lower) {
			continue
		}
		content = append(content, t)
	}
	if len(content) == 0 {
		return true
	}
	for _, i := range lines {
		if !e.sameSection(best, i) {
			continue
		}
		words := e.ix.StatementTerms(i)
		if e.sameSection(i-1, i) {
			words = append(slices.Clone(words), e.ix.StatementTerms(i-1)...)
		}
		if slices.ContainsFunc(content, func(t term) bool { return t.in(words) }) {
			return true
		}
	}
	return false
}

// relatesBonus is aboutBonus for one entity, or 1 when only a fact drawn
// from the statement's line relates it ("Can enable Global Table" gives
// DynamoDB Streams —can enable→ DynamoDB Global Tables, though the line's
// words name no alias of it).
func (e *Engine) relatesBonus(i int, id string) float64 {
	if b := e.aboutBonus(i, []string{id}); b > 0 {
		return b
	}
	for _, f := range e.ix.FactsFrom(e.ix.StatementSource(i)) {
		if fact := e.ix.Fact(f); fact.Subject == id || fact.Object == id {
			return 1
		}
	}
	return 0
}

// needItems returns what a note line says is needed, after the first word
// of the lexicon's needs group: the noun phrases it names ("Require
// DynamoDB streams and empty table": both; "Must have versioning enabled":
// "versioning enabled", past the verb), the place a "be" puts it in
// ("Buckets must be in different regions": "different regions"), or the
// subject of a state ("versioning MUST be ON ...": "versioning"). Nil when
// the line states no need, or needs an action with no thing named ("Needs
// to be enabled on bucket level").
func (e *Engine) needItems(text string) []string {
	ws := splitWords(text)
	k := slices.IndexFunc(ws, func(w qword) bool { return e.lx.QuestionSurface("needs", w.lower) })
	if k < 0 {
		return nil
	}
	if q := strings.IndexByte(text, '?'); q > ws[k].start {
		return nil // "What must exist before Config records anything? | 1) ...": a question's cell
	}
	for j := k - 1; j >= 0 && !breaks(text, ws, j+1); j-- {
		if e.lx.Negates(ws[j].lower) {
			return nil // "No CI/CD infrastructure needs to be managed"
		}
	}
	at := k + 1
	if at < len(ws) && ws[at].lower == "to" {
		at++
	}
	if at < len(ws) && e.lx.QuestionSurface("passive", ws[at].lower) {
		at++
		if at < len(ws) && e.lx.IsPreposition(ws[at].lower) {
			if p, _ := e.phraseAfter(text, ws, at+1, nil); p != "" {
				return []string{p}
			}
		}
		// "versioning MUST be ON in both buckets": what must be so
		if k == 0 || breaks(text, ws, k) {
			return nil
		}
		if s := strings.TrimSpace(e.compoundBefore(text, ws, k-1)); s != "" {
			return []string{s}
		}
		return nil
	}
	if at < len(ws) && (e.lx.ImperativeVerb(ws[at].lower) || e.lx.QuestionSurface("light", ws[at].lower)) {
		at++ // "Must have versioning enabled", "needs to install the agent"
	}
	if at >= len(ws) {
		return nil
	}
	var out []string
	for _, part := range ingest.SplitOutsideParens(text[ws[at].start:], ",;+") {
		for _, p := range strings.Split(part, " and ") {
			pw := splitWords(p)
			if len(pw) == 0 {
				continue
			}
			if np, _ := e.phraseAfter(p, pw, 0, nil); np != "" {
				out = appendNew(out, strings.TrimSpace(np))
			}
		}
		if len(out) > 0 && strings.ContainsAny(part, ".") {
			break
		}
	}
	return out
}
