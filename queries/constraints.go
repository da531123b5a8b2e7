package queries

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// The constraint stage of answering: a reading that answers with a list of
// things ("Elastic Beanstalk's deployment policies") is narrowed to those
// whose own attributes the question states ("... keep full capacity during
// the deploy"): a thing keeps when one of its relations is named by words
// of the question its reading does not already hold ("capacity during
// deploy") and its value by more of them ("full"). The narrowed reading is
// a candidate of its own, scored like every other.

// Bounds of the attribute constraint: the best readings it narrows, and
// the answers a reading may have to be narrowed (a list, not a catalogue).
const (
	maxConstrainedReadings = 8
	minConstrainedEnds     = 3
	maxConstrainedEnds     = 60
)

// minUnnamedValueTerms is how many of the question's free words a value
// must hold to narrow a list by a relation the question does not name:
// "active-passive DR" in the column "Typical use" for "which routing
// policy would you pick for active-passive DR"; one word alone ("yes",
// "region") says too little. They must weigh minLineConstraintShare of the
// free words too: "blue green" says little of "a canary release where blue
// stays live and only a percentage of traffic goes to green".
const minUnnamedValueTerms = 2

// saysEnough reports whether a value holding the question's free words
// said (stems) narrows a list by a relation the question does not name
// (see minUnnamedValueTerms); total is the free words' weight.
func (e *Engine) saysEnough(a *analysis, said []string, total float64) bool {
	if len(said) < minUnnamedValueTerms {
		return false
	}
	w := 0.0
	for _, t := range a.terms {
		if containsStr(said, t.stem) {
			w += t.weight
		}
	}
	return w >= minLineConstraintShare*total
}

// scored enumerates a question's readings, scores them, adds the readings
// the attribute constraint narrows, and sorts them best first; each
// candidate's keep is set.
func (e *Engine) scored(ctx context.Context, a *analysis) ([]*candidate, error) {
	e.linkNamesakes(ctx, a)
	cands, err := e.candidates(ctx, a)
	if err != nil {
		return nil, err
	}
	for _, c := range cands {
		c.keep = e.score(ctx, a, c)
	}
	sortCandidates(cands)
	var more []*candidate
	for _, c := range cands {
		if len(more) == maxConstrainedReadings {
			break
		}
		d, err := e.attributeConstraint(ctx, a, c)
		if err != nil {
			return nil, err
		}
		// the things whose attribute the question states, and those whose
		// own lines say most of it ("deploy software patches
		// automatically across groups of instances"), are two readings
		// the scorer weighs
		ds := []*candidate{d, e.lineConstraint(a, c), e.markConstraint(a, c)}
		if d == nil && ds[1] == nil && ds[2] == nil {
			ds[0] = e.stepChain(a, c)
		}
		ds = append(ds, e.leadConstraint(a, c))
		for _, d := range ds {
			if d != nil {
				d.keep = e.score(ctx, a, d)
				more = append(more, d)
			}
		}
	}
	if len(more) > 0 {
		cands = append(cands, more...)
		sortCandidates(cands)
	}
	return cands, nil
}

// attributeConstraint narrows a list reading (a relation's, or every thing
// of a kind) to the answers whose
// attributes the question states (see above); nil when it is no list
// reading, when no answer's attribute is named, or when every answer's is.
func (e *Engine) attributeConstraint(ctx context.Context, a *analysis, c *candidate) (*candidate, error) {
	if c.typ != candRelation && c.typ != candKind || len(c.ends) < minConstrainedEnds || len(c.ends) > maxConstrainedEnds || c.keep != nil {
		return nil, nil
	}
	// the question's words the reading does not already hold
	free := make([]bool, len(a.terms))
	nFree, freeWeight := 0, 0.0
	hyphenParts := make([][]string, len(a.terms)) // a hyphenated word's parts ("active-passive" → activ, passiv), read once
	for i, t := range a.terms {
		if !t.in(c.rel) && !e.lx.IsStop(t.stem) && !a.words[t.pos].stop {
			free[i] = true
			nFree++
			freeWeight += t.weight
			hyphenParts[i] = e.hyphenParts(t)
		}
	}
	if nFree < 2 && !slices.ContainsFunc(a.terms, func(t term) bool { return nounNegated(e.lx, a, t.pos) }) {
		return nil, nil // an attribute and its value, or an attribute denied ("no downtime")
	}
	// an attribute is a column the list's things share ("capacity during
	// deploy" of each deployment policy in a table), not a relation one
	// of them happens to have: each thing's relations that name a free
	// word, as runs of pairs of one predicate, and how many things have
	// each such relation
	type run struct {
		na    []string // the free words the relation names
		pairs []graph.PredicateObject
	}
	runs := make([][]run, len(c.ends))
	shared := map[int32]int{}
	for k, end := range c.ends {
		pairs, err := e.outPairs(ctx, a, end)
		if err != nil {
			return nil, fmt.Errorf("read attributes of %s: %w", end, err)
		}
		for i := 0; i < len(pairs); {
			key, j := pairs[i].PredicateKey, i+1 // (pairs come by predicate)
			for j < len(pairs) && pairs[j].PredicateKey == key {
				j++
			}
			var na []string
			for _, ti := range e.openRelationTerms(a, pairs[i].Predicate, key) {
				if free[ti] {
					na = append(na, a.terms[ti].stem)
				}
			}
			// a column the question does not name ("Typical use") still
			// narrows when its value says enough of the question
			// ("active-passive DR"; see minUnnamedValueTerms)
			runs[k] = append(runs[k], run{na: na, pairs: pairs[i:j]})
			shared[key]++
			i = j
		}
	}
	var kept, named []string              // named: the things that have an attribute the question names
	said := make([][]string, len(c.ends)) // the question's words each thing's attributes say
	consumed := false                     // a value matched the question's denial of a noun ("no downtime")
	for k, end := range c.ends {
		for _, r := range runs[k] {
			if containsStr(kept, end) {
				break // its first attribute the question describes says which words
			}
			if shared[r.pairs[0].PredicateKey] < 2 {
				continue
			}
			for _, p := range r.pairs {
				if k := e.names[p.Object].Kind; k != graph.KindValue && k != graph.KindConcept {
					continue // a value ("full", "15 minutes"), not another thing it relates to
				}
				if !containsStr(named, end) && len(r.na) > 0 {
					named = append(named, end)
				}
				val := e.nameStems(p.Object)
				valNeg := e.deniesValue(e.names[p.Object].Name)
				var nv []string
				holds := false // the value holds a free word the question gives, in either sense
				for ti, t := range a.terms {
					// (a word of the asked-for phrase, "deployment strategies",
					// says what the answers are: it names a column, "DR", not a
					// value, "complete deploy")
					if free[ti] && !containsStr(r.na, t.stem) && !containsStr(a.focus, t.stem) && (t.in(val) || len(hyphenParts[ti]) > 0 && holdsAll(val, hyphenParts[ti]) || containsStr(val, particleOf(a, t))) {
						holds = true
						// "no extra costs" is no answer to "which come with
						// extra costs", nor "downtime" to "no downtime"
						if nounNegated(e.lx, a, t.pos) == valNeg {
							nv = append(nv, t.stem)
							consumed = consumed || valNeg
						}
					}
				}
				// a value that only denies ("none") answers a question that
				// denies the attribute ("which have no downtime": downtime
				// "none"), one named by a word besides the asked-for
				// phrase's
				bare := !holds && valNeg && slices.ContainsFunc(a.terms, func(t term) bool {
					return containsStr(r.na, t.stem) && !containsStr(a.focus, t.stem) && nounNegated(e.lx, a, t.pos)
				})
				consumed = consumed || bare
				// a check mark ("✅") says the attribute holds; a cross ("❌")
				// that it does not: the thing is named, not kept
				if len(r.na) == 0 {
					if !e.saysEnough(a, nv, freeWeight) {
						continue
					}
					if !containsStr(named, end) {
						named = append(named, end) // (a column the question does not name names only the things whose value says it)
					}
				}
				if len(nv) > 0 || bare || e.checkMark(e.names[p.Object].Name) {
					if !containsStr(kept, end) {
						kept = append(kept, end)
					}
					for _, w := range slices.Concat(r.na, nv) {
						if !containsStr(said[k], w) {
							said[k] = append(said[k], w)
						}
					}
					break // one value of an attribute says it
				}
			}
		}
	}
	if a.negated && !consumed && len(kept) > 0 {
		// "which policies do not keep full capacity": of the things whose
		// attribute the notes give, those whose value is another
		var other []string
		for _, end := range named {
			if !containsStr(kept, end) {
				other = append(other, end)
			}
		}
		kept = other
	}
	var words []string
	for k, end := range c.ends {
		if containsStr(kept, end) || a.negated && !consumed {
			for _, w := range said[k] {
				if !containsStr(words, w) {
					words = append(words, w)
				}
			}
		}
	}
	if len(kept) == 0 || len(kept) == len(c.ends) {
		return nil, nil
	}
	d := *c
	d.ends = kept
	d.edges, d.details = nil, nil
	for _, ed := range c.edges {
		if containsStr(kept, c.answerOf(ed)) {
			d.edges = append(d.edges, ed)
			for _, l := range ed.Details {
				d.details = append(d.details, e.textStems(l))
			}
		}
	}
	// the attribute's words count as the lines' words do: they narrow the
	// reading, they do not name its relation
	d.ctx = append(append([]string{}, c.ctx...), words...)
	d.keep, d.feat, d.score, d.narrowed = nil, features{}, 0, true
	d.reading = c.reading + ", where " + strings.Join(words, " ")
	return &d, nil
}

// openRelationTerms returns the indices of the question's terms that an
// open relation's predicate (key its PredicateKey) names, nil for a typed
// one or one that names none, read once per question: the attribute
// constraint reads thousands of a large graph's predicates for each
// reading it narrows, and a cached index list (most are nil) costs less
// than a cached word list.
func (e *Engine) openRelationTerms(a *analysis, pred string, key int32) []int {
	if w, ok := a.predTerms[key]; ok {
		return w
	}
	var out []int
	if _, _, open := graph.ParseRelation(pred); open {
		if words := e.relationWords(pred, false); len(words) > 0 {
			for i, t := range a.terms {
				// (a hyphenated word names the relation that holds its
				// parts apart: "cross-zone" the "cross zone default")
				if parts := e.hyphenParts(t); t.in(words) || len(parts) > 0 && holdsAll(words, parts) {
					out = append(out, i)
				}
			}
		}
	}
	if a.predTerms == nil {
		a.predTerms = map[int32][]int{}
	}
	a.predTerms[key] = out
	return out
}

// outPairs returns the (predicate, object) pairs leaving id (see
// graph.Index.OutPairs), read once per question: the readings a question
// narrows share their things.
func (e *Engine) outPairs(ctx context.Context, a *analysis, id string) ([]graph.PredicateObject, error) {
	if p, ok := a.outPairs[id]; ok {
		return p, nil
	}
	p, err := e.ix.OutPairs(ctx, id)
	if err != nil {
		return nil, err
	}
	if a.outPairs == nil {
		a.outPairs = map[string][]graph.PredicateObject{}
	}
	a.outPairs[id] = p
	return p, nil
}

// checkMark reports a value that opens with a check mark symbol ("✅",
// "✔ (one batch out)"), not a word ("yes"), which a column may hold as a
// value of its own.
func (e *Engine) checkMark(v string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(v))
	return r > unicode.MaxASCII && e.lx.CellMark(v) > 0
}

// minLineConstraintTerms is how many of the question's free words an
// answer's own lines must say for the line constraint to narrow to it.
const minLineConstraintTerms = 2

// minLineConstraintShare is the share of the free words' weight the
// best answer's lines must say: a common word or two ("resource after")
// of a question about something else narrows nothing.
const minLineConstraintShare = 0.35

// minLineConstrainedEnds is the fewest answers the line constraint
// narrows when the question asks for one thing: of two ("which Vault Lock
// mode ...": "Governance mode", "Compliance mode") the one whose line says
// what the question asks is an answer of its own. A question that asks
// for several ("what can it send to") narrows a list of minConstrainedEnds.
const minLineConstrainedEnds = 2

// unlabelled returns a table row's statement, its "; "-separated cells,
// each without the short label before its first ": " ("Health checks:
// yes; Typical use: multi-region active-active" → "yes; multi-region
// active-active"); a statement with fewer than two labelled parts is no
// row's, and stays as it is.
func unlabelled(text string) string {
	parts := strings.Split(text, "; ")
	labelled := 0
	for _, p := range parts {
		if label, _, ok := strings.Cut(p, ": "); ok && len(strings.Fields(label)) <= maxCellLabelWords {
			labelled++
		}
	}
	if labelled < 2 {
		return text // one label is a line's own ("multi-region read & write: dynamodb global table"), no row's columns
	}
	for k, p := range parts {
		if label, rest, ok := strings.Cut(p, ": "); ok && len(strings.Fields(label)) <= maxCellLabelWords {
			parts[k] = rest
		}
	}
	return strings.Join(parts, "; ")
}

// maxCellLabelWords bounds the words of a label unlabelled drops.
const maxCellLabelWords = 4

// lineConstraint narrows a list reading to the answers whose own lines
// say more of the question's words than the other answers' lines do,
// when the notes state the distinction in prose, not as an attribute
// ("which Elastic Beanstalk policy gives the fastest rollback, though it
// costs the most": of the policies, the one whose line says "fastest
// rollback but highest cost"). A word every answer's lines say
// distinguishes none; the best answers must say at least
// minLineConstraintTerms words holding minLineConstraintShare of the free
// words' weight, and some answer less. A reading another entity of the
// question narrowed already is narrowed from all its answers: "EC2
// instances" keeps Run Command of Systems Manager's features, the words
// "deploy software patches" keep Patch Manager, and the scorer weighs the
// two. nil when it does not narrow.
func (e *Engine) lineConstraint(a *analysis, c *candidate) *candidate {
	fewest := minConstrainedEnds
	if a.single {
		fewest = minLineConstrainedEnds
	}
	if c.typ != candRelation && c.typ != candKind || len(c.ends) < fewest || len(c.ends) > maxConstrainedEnds {
		return nil
	}
	var named []string // the names the reading starts from
	for _, id := range []string{c.anchor, c.via} {
		if id != "" {
			named = append(named, e.nameStems(id)...)
		}
	}
	var free []term
	for _, t := range a.terms {
		// (a generic word, "values", "options", says what is asked for,
		// not which of them)
		if !t.in(c.rel) && !t.in(named) && !t.in(c.names) && !e.lx.IsStop(t.stem) && !e.lx.QuestionWord("generic", t.stem) && !e.lx.IsPreposition(t.stem) {
			free = append(free, t) // (a preposition, "during", tells no answer's line apart)
		}
	}
	if len(free) < minLineConstraintTerms {
		return nil
	}
	// the stems of each answer's own lines; a question that denies ("which
	// hooks can't run scripts") of a reading that does not reads only the
	// lines that deny, its facts' and the other lines that name it
	// ("DownloadBundle and Install are reserved for the agent - you cannot
	// attach scripts")
	neg, _ := polarityOf(c.pred)
	denied := a.negated && !neg && e.deniesVerb(a)
	// otherwise a word the question does not deny counts where a line
	// says it, not where it denies it ("no downtime" says nothing of the
	// strategies "where a failed deployment means downtime"), and one it
	// denies ("with no extra costs", "reserved so I can't attach scripts")
	// where a line denies it
	lines := make([][]string, len(c.ends))
	deny := make([][]string, len(c.ends))
	for _, ed := range c.edges {
		k := slices.Index(c.ends, c.answerOf(ed))
		if k < 0 {
			continue
		}
		details := ed.Details
		for _, src := range ed.Sources {
			// an item says what the line that leads its list says
			// ("Canary" under "CodeDeploy offers 3 deployment types for
			// Lambda functions:")
			if i, ok := e.ix.StatementAt(src); ok {
				// and what the answer's own line says of it: a table row's
				// other cells ("OldestInstance | Useful when upgrading to a
				// new EC2 instance type"), without their columns' labels
				// (a row's "Health checks: no" says no health checks)
				details = append(slices.Clip(details), unlabelled(e.ix.StatementText(i)))
				if l := e.leadOf(i); l >= 0 {
					details = append(details, e.ix.StatementText(l))
				}
			}
		}
		for _, d := range details {
			ds := e.deniedStems(d)
			if denied {
				lines[k] = append(lines[k], ds...)
				continue
			}
			deny[k] = append(deny[k], ds...)
			for _, st := range e.textStems(d) {
				if !containsStr(ds, st) {
					lines[k] = append(lines[k], st)
				}
			}
		}
	}
	if denied {
		for k, end := range c.ends {
			for _, j := range e.statementsNaming(end) {
				lines[k] = append(lines[k], e.deniedOf(e.ix.Statement(int(j)).Text, e.names[end].Name)...)
			}
		}
	}
	says := make([][]string, len(c.ends)) // the free words each answer's lines say
	weight := make([]float64, len(c.ends))
	total := 0.0
	for _, t := range free {
		total += t.weight
		of := lines
		if !denied && e.termDenied(a, t.pos) {
			of = deny
		}
		n := 0
		for k := range of {
			if t.in(of[k]) {
				n++
			}
		}
		if n == len(of) {
			continue // said of every answer: it tells none apart
		}
		for k := range of {
			if t.in(of[k]) && !containsStr(says[k], t.stem) {
				says[k] = append(says[k], t.stem)
				weight[k] += t.weight
			}
		}
	}
	best := 0
	for k := range says {
		if weight[k] > weight[best] {
			best = k
		}
	}
	if len(says[best]) < minLineConstraintTerms || weight[best] < minLineConstraintShare*total {
		return nil
	}
	var kept, words []string
	for k, w := range says {
		if weight[k] == weight[best] {
			kept = append(kept, c.ends[k])
			for _, s := range w {
				if !containsStr(words, s) {
					words = append(words, s)
				}
			}
		}
	}
	if len(kept) == len(c.ends) {
		return nil
	}
	d := e.narrowedTo(c, kept, words)
	d.denied = denied
	d.reading = c.reading + ", where its line says " + strings.Join(asWritten(a, words), " ")
	if denied {
		d.reading = c.reading + ", where its line denies " + strings.Join(asWritten(a, words), " ")
	}
	return d
}

// leadConstraint narrows a relation reading to the answers listed under a
// line that names an entity of the question the reading does not start
// from: "what deployment types does CodeDeploy offer for Lambda functions"
// read as what CodeDeploy supports, narrowed to "Canary", "Linear" and
// "All-at-once" under "CodeDeploy offers 3 deployment types for Lambda
// functions:". nil when no two answers, or every answer, are so listed.
func (e *Engine) leadConstraint(a *analysis, c *candidate) *candidate {
	if c.typ != candRelation || len(c.ends) < minConstrainedEnds || len(c.ends) > maxConstrainedEnds || c.narrowed {
		return nil
	}
	for _, id := range a.strongLinkIDs() {
		if id == c.anchor || id == c.via || containsStr(c.ends, id) || containsStr(a.denied, id) || containsStr(a.ruledOut, id) || e.included(a, id) {
			continue // ("with no load balancer", "including the load balancer ones" ask for no list under it alone)
		}
		if named := e.endsLedBy(c, id); len(named) > 1 && len(named) < len(c.ends) {
			d := e.narrowedTo(c, named, nil)
			d.ledBy = id
			d.reading = c.reading + ", listed under " + e.names[id].Name
			return d
		}
	}
	return nil
}

// maxInclusiveGap bounds the function words between an inclusive word and
// the name it adds (see included).
const maxInclusiveGap = 2

// included reports whether the question adds entity id's things to its
// answers rather than narrowing them to it: it names it with and without,
// or a word of the lexicon's inclusive group comes before its name with at
// most maxInclusiveGap function words between ("including the load
// balancer ones").
func (e *Engine) included(a *analysis, id string) bool {
	if containsStr(a.bothWays, id) {
		return true // "with and without a load balancer"
	}
	for _, l := range a.links {
		if l.id != id {
			continue
		}
		gap := 0
		for i := len(a.words) - 1; i >= 0; i-- {
			if a.words[i].end > l.start {
				continue
			}
			if e.phraseAt(a.words, i, "inclusive") > 0 {
				return true
			}
			if !a.words[i].stop || gap == maxInclusiveGap {
				break
			}
			gap++
		}
	}
	return false
}

// narrowedTo returns a copy of a list reading that keeps only the answers
// kept (IDs, a subset of c.ends) and their edges, with words (stems)
// added to the words it is read by; unscored.
func (e *Engine) narrowedTo(c *candidate, kept, words []string) *candidate {
	d := *c
	d.ends = kept
	d.edges, d.details = nil, nil
	for _, ed := range c.edges {
		if containsStr(kept, c.answerOf(ed)) {
			d.edges = append(d.edges, ed)
			for _, l := range ed.Details {
				d.details = append(d.details, e.textStems(l))
			}
		}
	}
	d.ctx = append(append([]string{}, c.ctx...), words...)
	d.keep, d.feat, d.score, d.narrowed = nil, features{}, 0, true
	return &d
}

// maxMarkWords bounds the words of a mark (see markConstraint).
const maxMarkWords = 5

// markConstraint narrows a list reading to the answers that a note line
// marks with a qualifier the question asks (a word of the lexicon's
// "implicit" or "manual" groups), in a parenthesis right after the
// answer's name: "OneAtATime (default)" for "the default deployment
// configuration". A mark's other words must be the question's too, and the
// marks that hold most of its words win ("Rolling (default for EB CLI)"
// over "All-at-once (default)" for "the EB CLI's default policy"). nil
// when no answer, or every answer, is so marked.
func (e *Engine) markConstraint(a *analysis, c *candidate) *candidate {
	if c.typ != candRelation && c.typ != candKind || len(c.ends) < minLineConstrainedEnds || len(c.ends) > maxConstrainedEnds {
		return nil
	}
	qualifier := func(w string) bool {
		w = strings.ToLower(w)
		return e.lx.QuestionWord("implicit", w) || e.lx.QuestionWord("manual", w)
	}
	asks := 0 // the qualifier words the question holds
	for _, w := range a.words {
		if qualifier(w.lower) {
			asks++
		}
	}
	if asks == 0 {
		return nil
	}
	// (every word of the question counts: "default" is a qualifier word
	// the analysis sets aside from its terms)
	asked := e.textStems(a.text)
	// (a question that asks two ("which is the default, and which the
	// default with the EB CLI?") keeps every answer so marked; one whose
	// other question asks no qualifier ("which configurations ..., and
	// which is the default?") is not narrowed)
	two := e.asksTwo(a)
	if two && asks < 2 {
		return nil
	}
	var kept, words []string
	most := 0
	for _, end := range c.ends {
		for _, j := range e.statementsNaming(end) {
			text := e.ix.StatementText(int(j))
			if !strings.Contains(text, "(") {
				continue
			}
			for _, m := range e.marksAfter(text, end) {
				if !slices.ContainsFunc(strings.Fields(m), qualifier) {
					continue
				}
				stems := e.textStems(m)
				if len(stems) == 0 || slices.ContainsFunc(stems, func(st string) bool { return !containsStr(asked, st) }) {
					continue
				}
				switch {
				case len(stems) > most && !two:
					most, kept, words = len(stems), []string{end}, slices.Clone(stems)
				case (len(stems) == most || two) && !containsStr(kept, end):
					kept = append(kept, end)
					for _, st := range stems {
						if !containsStr(words, st) {
							words = append(words, st)
						}
					}
				}
			}
		}
	}
	if len(kept) == 0 || len(kept) == len(c.ends) {
		return nil
	}
	d := e.narrowedTo(c, kept, words)
	d.reading = c.reading + ", the ones its lines mark " + strings.Join(asWritten(a, words), " ")
	return d
}

// marksAfter returns the asides of at most maxMarkWords words that a text
// writes in parentheses right after a mention of entity id, as the
// dictionary links names in the notes ("default" of "OneAtATime (default)"
// for the strategy One-at-a-time).
func (e *Engine) marksAfter(text, id string) []string {
	var out []string
	for _, m := range e.dict.Find(text) {
		if m.ID != id {
			continue
		}
		rest := strings.TrimLeft(text[m.End:], " ")
		if !strings.HasPrefix(rest, "(") {
			continue
		}
		end := strings.IndexByte(rest, ')')
		if end < 0 {
			continue
		}
		if mark := strings.TrimSpace(rest[1:end]); mark != "" && len(strings.Fields(mark)) <= maxMarkWords {
			out = append(out, mark)
		}
	}
	return out
}

// deniesVerb reports whether a question negates its verb ("which hooks
// can't run scripts"), not a noun ("no downtime"): a word of the lexicon's
// verbal_negation group, or one ending in "n't".
func (e *Engine) deniesVerb(a *analysis) bool {
	for _, w := range a.words {
		if e.lx.QuestionSurface("verbal_negation", w.lower) || ingest.NotContraction(w.lower) {
			return true
		}
	}
	return false
}

// negationScope is how many words after a negation ("cannot", "not",
// "doesn't") it denies.
const negationScope = 5

// deniedStems returns the stems of the words a text denies: the
// negationScope words after each negation ("you cannot attach scripts",
// "can not be used to run scripts"); nil when it denies nothing.
func (e *Engine) deniedStems(text string) []string {
	ws := splitWords(text)
	var out []string
	for i, w := range ws {
		if !e.lx.Negates(w.lower) {
			continue
		}
		if i+1 >= len(ws) {
			continue
		}
		span := text[ws[i].end:ws[min(len(ws), i+1+negationScope)-1].end]
		if cut := strings.IndexAny(span, "|;()[]"); cut >= 0 {
			span = span[:cut] // "none | can test new version": the next cell's words are not denied
		}
		for _, st := range e.textStems(span) {
			if !containsStr(out, st) {
				out = append(out, st)
			}
		}
	}
	return out
}

// deniedOf returns the stems a line denies of the thing named name: the
// line's parts are cut at arrows, commas, semicolons and brackets, and a
// part's denial is of the names in that part, or in the part before it
// when it names none ("BeforeInstall -> Install (cannot run script) ->
// AfterInstall" denies running scripts of Install only; "DownloadBundle
// and Install are reserved - you cannot attach scripts" of both).
func (e *Engine) deniedOf(text, name string) []string {
	parts := strings.FieldsFunc(strings.ReplaceAll(strings.ReplaceAll(text, "->", "\x00"), "→", "\x00"), func(r rune) bool {
		return r == 0 || r == ',' || r == ';' || r == '(' || r == ')'
	})
	want := splitWords(name)
	names := func(part string) bool {
		ws := splitWords(part)
		for i := 0; i+len(want) <= len(ws); i++ {
			ok := true
			for k, w := range want {
				if ws[i+k].lower != w.lower {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
		return false
	}
	var out []string
	for i, p := range parts {
		d := e.deniedStems(p)
		if len(d) == 0 {
			continue
		}
		if names(p) || i > 0 && !e.namesAny(p) && names(parts[i-1]) {
			out = append(out, d...)
		}
	}
	return out
}

// namesAny reports whether a text holds a capitalised word, as a name or
// an identifier does ("Install", "AllowTraffic").
func (e *Engine) namesAny(text string) bool {
	for _, w := range splitWords(text) {
		if r, _ := utf8.DecodeRuneInString(w.text); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// maxNamingStems bounds the words of a name statementsNaming looks up.
const maxNamingStems = 3

// statementsNaming returns the statements about a node or naming it; for
// a node no statement names as an entity (a lifecycle event, a setting),
// those that hold every word of its name. Ascending; nil when none.
func (e *Engine) statementsNaming(id string) []int32 {
	if about := e.ix.StatementsAbout(id); len(about) > 0 {
		return about
	}
	stems := e.lx.Terms(e.names[id].Name)
	if len(stems) == 0 || len(stems) > maxNamingStems {
		return nil
	}
	count := map[int32]int{}
	for _, st := range stems {
		ids, _ := e.ix.StatementsWith(st)
		for _, j := range ids {
			count[j]++
		}
	}
	var out []int32
	for j, n := range count {
		if n == len(stems) {
			out = append(out, j)
		}
	}
	slices.Sort(out)
	return out
}

// stepChain reads a procedure's steps as the chain of things they name, in
// order, for a question that asks for a chain, or for services in order,
// but names no ends ("How do I
// set up automatic remediation of Inspector security findings? give the
// chain of services" over "Install Inspector agent", "Configure assessment
// template to output notification to SNS", "Trigger a Lambda from SNS"):
// the reading's anchor, then each entity a step's line names the first
// time. nil when the reading is no procedure, or its steps name fewer than
// two things besides the anchor.
func (e *Engine) stepChain(a *analysis, c *candidate) *candidate {
	if c.typ != candRelation || c.inverse || len(c.ends) < 2 || c.keep != nil || c.result != nil || !stepRelation(c.pred) {
		return nil
	}
	chain := slices.ContainsFunc(a.words, func(w qword) bool { return w.linked < 0 && e.lx.QuestionWord("chain", w.stem) })
	// "in what order do the services fire": services, in order, where
	// the reading's answers are steps
	services := (a.order || a.sequence) && slices.ContainsFunc(a.words, func(w qword) bool {
		return w.linked < 0 && slices.Contains(e.lx.Kinds(w.lower), graph.KindService)
	})
	if !chain && !services {
		return nil
	}
	hops := []string{c.anchor}
	var answers []Answer
	first := map[string]graph.Edge{}
	for _, end := range c.ends {
		for _, ed := range c.edges {
			if c.answerOf(ed) != end || len(ed.Sources) == 0 {
				continue
			}
			if _, ok := first[c.anchor]; !ok {
				first[c.anchor] = ed
			}
			i, ok := e.ix.StatementAt(ed.Sources[0])
			if !ok {
				continue
			}
			for _, id := range e.ix.Statement(i).Mentions {
				if !slices.Contains(hops, id) && isChainEntity(e.names[id].Kind) {
					hops = append(hops, id)
					first[id] = ed
				}
			}
			break
		}
	}
	if len(hops) < 3 {
		return nil
	}
	for k, id := range hops {
		ans := e.answer(id, first[id])
		ans.Detail = fmt.Sprintf("hop %d", k+1)
		answers = append(answers, ans)
	}
	d := *c
	d.ends = hops
	d.result = &Result{Intent: "path", Answers: answers}
	d.ordered = true
	d.keep, d.feat, d.score, d.narrowed = nil, features{}, 0, true
	d.reading = c.reading + ", as the chain of what its steps name"
	return &d
}

// isChainEntity reports the kinds of node a chain of steps passes through:
// services and their parts, not the concepts and values the steps name.
func isChainEntity(k graph.NodeKind) bool {
	return k == graph.KindService || k == graph.KindFeature
}

// answerOf returns the answer an edge of a list reading gives: its object,
// or its subject for an inverse reading and for a kind reading (whose
// edges are its things' own).
func (c *candidate) answerOf(ed graph.Edge) string {
	if c.inverse || c.typ == candKind {
		return ed.Subject
	}
	return ed.Object
}

// nounNegationScope is how many words before a noun a denial of it ("no
// extra deployment costs") may stand.
const nounNegationScope = 3

// nounNegated reports whether the question's word at index pos is a noun
// phrase's word that a negation before it denies ("no extra costs",
// "without downtime"), not a verb's ("do not keep", "can't run"): a
// negation of the lexicon, not a verbal one, at most nounNegationScope
// words before it.
func nounNegated(lx *ingest.Lexicon, a *analysis, pos int) bool {
	for i := pos - 1; i >= 0 && i >= pos-nounNegationScope; i-- {
		w := a.words[i].lower
		if lx.IsNegation(w) {
			return !lx.QuestionSurface("verbal_negation", w) && !ingest.NotContraction(w)
		}
	}
	return false
}

// termDenied reports whether a negation of any kind stands at most
// negationScope words before the question's word at index pos ("no extra
// costs", "so I can't attach my own scripts").
func (e *Engine) termDenied(a *analysis, pos int) bool {
	for i := pos - 1; i >= 0 && i >= pos-negationScope; i-- {
		if e.lx.Negates(a.words[i].lower) {
			return true
		}
	}
	return false
}

// deniesValue reports whether a value's name holds a negation ("no extra
// costs", "usually none", "not supported").
func (e *Engine) deniesValue(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if e.lx.Negates(strings.Trim(w, ".,;:()")) {
			return true
		}
	}
	return false
}

// asWritten returns the question's own words for stems of its words
// ("charge inter-AZ data" for charg inter-az data, "triggers" for
// trigger), for a reading a person reads; a stem no word has stays as it
// is.
func asWritten(a *analysis, stems []string) []string {
	out := make([]string, 0, len(stems))
	for _, st := range stems {
		w := st
		if k := slices.IndexFunc(a.words, func(w qword) bool { return w.stem == st }); k >= 0 {
			w = a.words[k].text
		}
		out = append(out, w)
	}
	return out
}

// maxLeadItems bounds the run of item lines leadOf walks back over.
const maxLeadItems = 30

// leadOf returns the statement that leads the flat list statement i is an
// item of: the nearest line before it in its section that ends with a
// colon, over a run of item lines (see ingest.FlatItemName) that holds i
// ("CodeDeploy offers 3 deployment types for Lambda functions:" over
// "Canary", "Linear", "All-at-once"); -1 when i is no such item.
func (e *Engine) leadOf(i int) int {
	if !ingest.FlatItemName(e.ix.StatementText(i)) {
		return -1
	}
	for j := i - 1; j >= 0 && i-j <= maxLeadItems && e.sameSection(i, j); j-- {
		text := strings.TrimSpace(e.ix.StatementText(j))
		if strings.HasSuffix(text, ":") {
			return j
		}
		if !ingest.FlatItemName(text) {
			return -1
		}
	}
	return -1
}

// hyphenParts returns the stems of the parts of a term written with
// hyphens ("active-passive" → activ, passiv), for a value whose name's
// words hold them apart ("active-passive DR"), nil for any other term; a
// term has parts of its own only for identifiers (see camelTerms), as a
// hyphenated English word weighs as one word elsewhere.
func (e *Engine) hyphenParts(t term) []string {
	if !strings.Contains(t.stem, "-") {
		return nil
	}
	if parts := e.lx.Terms(strings.ReplaceAll(t.stem, "-", " ")); len(parts) > 1 {
		return parts
	}
	return nil
}

// particleOf returns the stem of the particle of a phrasal verb the term
// opens ("off" of "turned off"), as a value may write it alone (a table's
// "Cross-zone default: off"); "" for any other term.
func particleOf(a *analysis, t term) string {
	if n := t.pos + 1; a.words[t.pos].phrasal != "" && n < len(a.words) {
		return a.words[n].stem
	}
	return ""
}
