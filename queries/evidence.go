package queries

import (
	"container/heap"
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// Evidence: when no relation reads a question well, the note statements
// that match it best answer it. Statements are ranked by BM25 over their
// stems, boosted when they are about (or name) the question's entities; the
// best one's named things answer, filtered by the kind the question asks
// for.

// BM25 parameters (the usual defaults).
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// synonymWeight is what a question word's synonym earns in a statement,
// as a share of the word's own weight.
const synonymWeight = 0.3

// hit is a statement with its score and the share of the question's term
// weight it covers.
type hit struct {
	i     int
	score float64
	cov   float64
}

// search ranks statements for a question: BM25 over its terms (and, at a
// discount, their synonyms) plus a bonus per linked entity the statement is
// about or names. It returns the limit
// best, by score then position.
func (e *Engine) search(a *analysis, limit int) []hit {
	n := e.ix.NumStatements()
	if n == 0 {
		return nil
	}
	avgLen := e.ix.AvgTerms()
	sc := newScratch(n)
	defer sc.free()
	total := 0.0
	opposite := e.oppositeStems(a)
	for _, t := range a.terms {
		total += t.weight
		// the term itself and the compound it makes with its neighbour
		// ("roll back": rollback), then its synonyms at a discount ("stop"
		// finds "prevent"), and its opposites in full when a yes/no question asks
		// one side ("enabled" finds "disabled": a line that states the
		// other side decides it too); a statement counts the term once, at
		// its best
		syns := e.lx.Synonyms(t.stem)
		full := slices.Concat([]string{t.stem}, t.alts, opposite[t.stem]) // the stems that count in full
		if t.joined != "" && !containsStr(full, t.joined) {
			full = append(full, t.joined)
		}
		for _, alt := range t.alts {
			// "turned on" (its alternative "enable") finds "disabled" too
			for _, o := range opposite[alt] {
				if !containsStr(full, o) {
					full = append(full, o)
				}
			}
		}
		var got map[int32]bool
		if len(syns) > 0 || len(full) > 1 {
			got = map[int32]bool{}
		}
		stems, partWeight := append(full, syns...), 1.0
		if len(t.parts) > 1 && e.docFreq(t.stem) == 0 {
			// a hyphenated or camel-case word no line holds whole
			// ("cfn-hup"): the lines hold its parts, each a share of it
			stems, partWeight, got = t.parts, 1/float64(len(t.parts)), nil
			full = t.parts
		}
		for v, stem := range stems {
			w := t.weight * partWeight
			if v >= len(full) {
				w *= synonymWeight
			}
			stmts, counts := e.ix.StatementsWith(stem)
			for k, j := range stmts {
				if got != nil {
					if got[j] {
						continue
					}
					got[j] = true
				}
				i := int(j)
				tf := int(counts[k])
				norm := float64(tf) * (bm25K1 + 1) / (float64(tf) + bm25K1*(1-bm25B+bm25B*float64(e.ix.StatementLen(i))/avgLen))
				sc.touch(i)
				sc.score[i] += w * norm
				sc.covered[i] += w
			}
		}
	}
	ids := a.linkIDs()
	if len(ids) > 0 {
		for _, i := range sc.touched {
			sc.score[i] += e.aboutBonus(int(i), ids)
		}
		// statements about the entities that share no word still count a little
		for _, id := range ids {
			for _, j := range e.ix.StatementsAbout(id) {
				if i := int(j); !sc.seen[i] {
					sc.touch(i)
					sc.score[i] = e.aboutBonus(i, ids) / 2
				}
			}
		}
	}
	better := func(x, y hit) bool {
		if x.score != y.score {
			return x.score > y.score
		}
		return x.i < y.i
	}
	// the best (limit, or the shortlist whose heading paths count), kept in
	// a heap whose root is the worst of them
	keep := limit
	if len(ids) > 0 {
		keep = max(limit, sectionShortlist)
	}
	top := &hitHeap{better: better}
	for _, j := range sc.touched {
		i := int(j)
		c := 0.0
		if total > 0 {
			c = sc.covered[i] / total
		}
		h := hit{i: i, score: sc.score[i], cov: c}
		if len(top.hits) < keep {
			heap.Push(top, h)
		} else if keep > 0 && better(h, top.hits[0]) {
			top.hits[0] = h
			heap.Fix(top, 0)
		}
	}
	hits := top.hits
	order := func(x, y hit) int {
		if better(x, y) {
			return -1
		}
		return 1
	}
	if len(ids) > 0 {
		slices.SortFunc(hits, order)
		for k := range hits[:min(len(hits), sectionShortlist)] {
			hits[k].score += e.sectionBonusOf(hits[k].i, ids)
		}
	}
	slices.SortFunc(hits, order)
	return hits[:min(len(hits), limit)]
}

// hitHeap is a heap of hits whose root is the worst.
type hitHeap struct {
	hits   []hit
	better func(x, y hit) bool
}

func (h *hitHeap) Len() int           { return len(h.hits) }
func (h *hitHeap) Less(i, j int) bool { return h.better(h.hits[j], h.hits[i]) }
func (h *hitHeap) Swap(i, j int)      { h.hits[i], h.hits[j] = h.hits[j], h.hits[i] }
func (h *hitHeap) Push(x any)         { h.hits = append(h.hits, x.(hit)) }
func (h *hitHeap) Pop() any {
	x := h.hits[len(h.hits)-1]
	h.hits = h.hits[:len(h.hits)-1]
	return x
}

// scratch holds the per-statement sums of one search, dense (a search of
// a common word touches a good part of the statements); its arrays are
// reused by later searches.
type scratch struct {
	score, covered []float64
	seen           []bool
	touched        []int32 // statements with a score, in the order touched
}

var scratchPool sync.Pool

func newScratch(n int) *scratch {
	sc, _ := scratchPool.Get().(*scratch)
	if sc == nil || len(sc.score) < n {
		return &scratch{score: make([]float64, n), covered: make([]float64, n), seen: make([]bool, n)}
	}
	return sc
}

func (sc *scratch) touch(i int) {
	if !sc.seen[i] {
		sc.seen[i] = true
		sc.touched = append(sc.touched, int32(i))
	}
}

// free clears what the search touched and gives the arrays back.
func (sc *scratch) free() {
	for _, i := range sc.touched {
		sc.score[i], sc.covered[i], sc.seen[i] = 0, 0, false
	}
	sc.touched = sc.touched[:0]
	scratchPool.Put(sc)
}

// aboutBonus is what statement i earns for being about the question's
// entities: its subject is one, or it names them, or its subject is a
// feature of one ("Allow real-time delivery of log events" under
// CloudWatch Logs' "Subscriptions"); see also sectionBonusOf.
func (e *Engine) aboutBonus(i int, ids []string) float64 {
	b := 0.0
	subject := e.ix.StatementSubject(i)
	for _, id := range ids {
		switch {
		case subject == id || containsStr(e.featureParents(subject), id):
			b += 1.5 // a feature's line is its entity's too
		case e.ix.StatementNames(i, id):
			b += 1.0
		}
	}
	return b
}

// featureParents returns the nodes that have feature id (graph.PredFeature
// edges into it), memoised; nil for a node that is no feature.
func (e *Engine) featureParents(id string) []string {
	if id == "" || e.names[id].Kind != graph.KindFeature {
		return nil
	}
	if v, ok := e.parents.Load(id); ok {
		return v.([]string)
	}
	var out []string
	edges, err := e.ix.In(context.Background(), id, graph.PredFeature)
	if err == nil {
		for _, ed := range edges {
			if !containsStr(out, ed.Subject) {
				out = append(out, ed.Subject)
			}
		}
	}
	e.parents.Store(id, out)
	return out
}

// lineAbout reports whether the note line of statement i, in any of its
// sentences ("When you invoke a function synchronously, Lambda runs ..."),
// or its section is about one of the question's entities.
func (e *Engine) lineAbout(i int, ids []string) bool {
	src := e.ix.StatementSource(i)
	lo := i
	for lo > 0 && e.ix.StatementSource(lo-1) == src {
		lo--
	}
	for j := lo; j < e.ix.NumStatements() && e.ix.StatementSource(j) == src; j++ {
		if e.aboutBonus(j, ids)+e.sectionBonusOf(j, ids) > 0 {
			return true
		}
	}
	return false
}

// linkRarity is how rare an entity is among the statements, as BM25 weighs
// a word, relative to an average one: 1 at idf linkIDFMean, more for a
// rare entity ("subscription filter"), down to 0.5 for one every section
// names.
func (e *Engine) linkRarity(id string) float64 {
	n := float64(e.ix.NumStatements())
	df := float64(len(e.ix.StatementsAbout(id)))
	idf := math.Log(1 + (n-df+0.5)/(df+0.5))
	return max(0.5, idf/linkIDFMean)
}

// linkIDFMean is the idf linkRarity counts as average.
const linkIDFMean = 4.0

// sectionBonusOf is what statement i earns for the entities its heading
// path names and it does not: "CodeDeploy Agent is not required" under
// "Deploy to ECS".
func (e *Engine) sectionBonusOf(i int, ids []string) float64 {
	b := 0.0
	subject := e.ix.StatementSubject(i)
	names := e.sectionNamesOf(i)
	for _, id := range ids {
		if subject != id && !e.ix.StatementNames(i, id) && containsStr(names, id) {
			b += sectionBonus
		}
	}
	return b
}

// sectionShortlist is how many of the best statements a search weighs the
// heading paths of (reading the entities of every statement's path would
// cost a question on a big corpus more than the rest of it).
const sectionShortlist = 64

// sectionBonus is what a statement earns for an entity its heading path
// names (but it does not).
const sectionBonus = 0.75

// sectionNamesOf returns the entities statement i's heading path names,
// memoised by the path's key (a search asks for thousands of statements).
func (e *Engine) sectionNamesOf(i int) []string {
	key := e.ix.StatementSectionKey(i)
	e.secMu.RLock()
	ids, ok := e.secNames[key]
	e.secMu.RUnlock()
	if ok {
		return ids
	}
	ids = e.sectionNames(e.ix.StatementSection(i))
	e.secMu.Lock()
	if e.secNames == nil {
		e.secNames = map[int32][]string{}
	}
	e.secNames[key] = ids
	e.secMu.Unlock()
	return ids
}

// sectionNames returns the entities a heading path names.
func (e *Engine) sectionNames(section string) []string {
	var ids []string
	for _, m := range e.dict.Find(section) {
		if m.ID != "" && !containsStr(ids, m.ID) {
			ids = append(ids, m.ID)
		}
	}
	return ids
}

// evidenceCandidate answers from the best-matching statement: the things it
// names that the question does not, of the kind asked for; else what its
// open relations relate.
func (e *Engine) evidenceCandidate(ctx context.Context, a *analysis) *candidate {
	hits := e.search(a, 5)
	if len(hits) == 0 || hits[0].cov == 0 {
		return nil
	}
	ids := a.linkIDs()
	topics := e.topicsOf(ctx, a)
	if dim := e.askedDimension(a); dim != "" && a.wantsOnly(graph.KindValue) {
		// the lines that write a quantity of the asked dimension first
		var writes, rest []hit
		for _, h := range hits {
			if e.writesDimension(h, dim) {
				writes = append(writes, h)
			} else {
				rest = append(rest, h)
			}
		}
		hits = append(writes, rest...)
	}
	c, k := e.evidenceFrom(ctx, a, hits, ids, topics, false)
	if containsKind(a.wants, graph.KindValue) {
		// a line that gives a bare number ("the default runOrder value
		// for an action is 1", "Is limited to 50 per account") answers a
		// value question when it matches better than the line the first
		// pass took, or no line gives a quantity
		if b, kb := e.evidenceFrom(ctx, a, hits[:min(len(hits), k)], ids, topics, true); b != nil && kb < k {
			return b
		}
	}
	return c
}

// answeringLine returns the statement that answers what statement i states
// as a problem: the next one in its section opens with a pronoun that
// points back at it ("Can not monitor memory usage, available disk space,
// swap usage" over "This can be achieved with the Unified CloudWatch
// Agent") and names something the question does not (ids), where i names
// nothing besides; -1 for any other line.
func (e *Engine) answeringLine(i int, ids []string) int {
	j := i + 1
	if !e.sameSection(i, j) || slices.ContainsFunc(e.ix.Statement(i).Mentions, func(id string) bool { return !containsStr(ids, id) }) {
		return -1
	}
	next := e.ix.Statement(j)
	if !e.pointsBack(next.Text) || !slices.ContainsFunc(next.Mentions, func(id string) bool { return !containsStr(ids, id) }) {
		return -1
	}
	return j
}

// pointsBack reports whether a text opens with a pronoun that stands for
// what the line before it says, a word of the lexicon's anaphor group
// ("This can be achieved with ...", "It needs ...").
func (e *Engine) pointsBack(text string) bool {
	w, _, _ := strings.Cut(strings.TrimLeft(text, "-*•· \t"), " ")
	return e.lx.QuestionSurface("anaphor", strings.ToLower(w))
}

// askedLabel returns the label of a glossed item line ("Inbound endpoint:
// ...") whose last word is the head noun of the phrase the question's
// wh-word opens ("which Route 53 Resolver endpoint"), when the label says
// more than the question does and its gloss does not repeat the noun; ""
// for any other line.
func (e *Engine) askedLabel(a *analysis, text string) string {
	label := ingest.ItemLabel(text)
	if label == "" || strings.ContainsAny(label, "\"“") {
		return ""
	}
	lw := e.lx.Terms(label)
	if len(lw) < 2 {
		return "" // a bare noun labels nothing the question can ask which of
	}
	head := lw[len(lw)-1]
	gloss := text
	if k := strings.Index(text, label); k >= 0 {
		gloss = text[k+len(label):]
	}
	if !containsStr(e.whPhrase(a), head) || containsStr(e.lx.Terms(gloss), head) {
		return ""
	}
	if !slices.ContainsFunc(lw[:len(lw)-1], func(w string) bool { return !slices.ContainsFunc(a.words, func(q qword) bool { return q.stem == w }) }) {
		return "" // the question names the labelled thing itself
	}
	if _, known := e.dict.Exact(label); known {
		return "" // a name the dictionary knows: the line's names answer
	}
	return label
}

// whPhrase returns the stems of the words a question's first wh-word opens,
// up to the first function word after it ("which Route 53 Resolver
// endpoint do we create" → rout, 53, resolv, endpoint).
func (e *Engine) whPhrase(a *analysis) []string {
	var out []string
	open := false
	for _, w := range a.words {
		if !open {
			open = e.lx.QuestionSurface("wh", w.lower)
			continue
		}
		if w.stop {
			if len(out) > 0 {
				break
			}
			continue
		}
		out = append(out, w.stem)
	}
	return out
}

// askedDimensions are the lexicon's question-word groups that ask for a
// quantity of one dimension, each named after it (see ingest.Quantity).
var askedDimensions = []string{"duration", "size"}

// askedDimension returns the dimension of the quantity a question asks for
// ("how long ..." asks a duration), "" when it asks none in particular.
func (e *Engine) askedDimension(a *analysis) string {
	for _, dim := range askedDimensions {
		for i := range a.words {
			if e.phraseAt(a.words, i, dim) > 0 {
				return dim
			}
		}
	}
	return ""
}

// writesDimension reports whether hit h's line, matching at least
// minValueLineCoverage of the question, writes a quantity of dimension dim.
func (e *Engine) writesDimension(h hit, dim string) bool {
	if h.cov < minValueLineCoverage {
		return false
	}
	return slices.ContainsFunc(ingest.Quantities(e.ix.StatementText(h.i)), func(q ingest.Quantity) bool { return q.Dimension == dim })
}

// A line's quantities answer a value question they hold minValueLineCoverage
// of, with valueLineBonus on the evidence prior.
const (
	minValueLineCoverage = 0.5
	valueLineBonus       = 0.3
)

// maxKeyedLines bounds the best-matching lines keyedValueCandidate reads.
const maxKeyedLines = 60

// keyedValueCandidate answers a question that asks for a value keyed by
// another value it gives ("how long does CloudWatch keep metric data points
// at 60-second resolution?"): the value a fact ties to a value node equal to
// the given one (the table row "60s | 15d" reads 60s —data retention→ 15d),
// or the quantity a best-matching line writes right after the given one in
// the same clause ("1-minute points 15 days, 5-minute points 63 days, 1-hour
// points 455 days"). Of those, the one whose words (relation and line) hold
// most of the question's; nil when the question gives no quantity, asks for
// no value, or no fact or line pairs the given value with another.
func (e *Engine) keyedValueCandidate(ctx context.Context, a *analysis) (*candidate, error) {
	if !containsKind(a.wants, graph.KindValue) {
		return nil, nil
	}
	keys := ingest.Quantities(a.text)
	if len(keys) == 0 {
		return nil, nil
	}
	// the best pair found for each key, by its score: how much of the
	// question its words hold, and the share of the question's entities
	// its line (heading path too) or its key's own facts hold
	type pair struct {
		ans        Answer
		rel, terms []string
		links      int
		score      float64
	}
	best := make([]*pair, len(keys))
	all := make([][]Answer, len(keys)) // every value paired with each key
	consider := func(k int, p pair) {
		p.score = overlap(a.terms, p.rel, p.terms)
		if strong := len(a.strongLinkIDs()); strong > 0 {
			p.score += float64(p.links) / float64(strong)
		}
		all[k] = append(all[k], p.ans)
		if best[k] == nil || p.score > best[k].score {
			best[k] = &p
		}
	}
	for _, h := range a.hits[:min(len(a.hits), maxKeyedLines)] {
		st := e.ix.Statement(h.i)
		for _, p := range e.pairedValues(st.Text, keys) {
			// the heading a pair stands under says what it pairs
			// ("Retention" over "5 min | 63 days")
			terms := append(slices.Clip(st.Terms), e.textStems(st.Section)...)
			consider(p.key, pair{ans: Answer{Name: p.value.Text, Kind: string(graph.KindValue), Detail: st.Text, Sources: []string{st.Source}}, terms: terms, links: e.heldLinks(a, h.i)})
		}
	}
	for _, n := range e.valueNodes() {
		key := keyIndex(keys, n.q)
		if key < 0 {
			continue
		}
		out, err := e.ix.Out(ctx, n.id)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", n.id, err)
		}
		// the question's entities the key's own facts hold: "CloudWatch
		// Metrics —resolution→ 60s" holds CloudWatch, whose feature it is
		in, err := e.ix.In(ctx, n.id)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", n.id, err)
		}
		links := 0
		for _, id := range a.strongLinkIDs() {
			feats := e.featuresOf(ctx, id)
			if slices.ContainsFunc(in, func(ed graph.Edge) bool { return ed.Subject == id || containsStr(feats, ed.Subject) }) {
				links++
			}
		}
		for _, ed := range out {
			if e.names[ed.Object].Kind != graph.KindValue {
				continue
			}
			var terms []string
			for _, d := range ed.Details {
				terms = append(terms, e.textStems(d)...)
			}
			for _, src := range ed.Sources {
				if i, ok := e.ix.StatementAt(src); ok {
					terms = append(terms, e.textStems(e.ix.StatementSection(i))...)
				}
			}
			consider(key, pair{ans: e.answer(ed.Object, ed), rel: e.relationWords(ed.Predicate, false), terms: terms, links: links})
		}
	}
	// one answer for each key the notes pair ("1-minute ... vs 1-hour
	// datapoints": two), in the question's order; the candidate weighs
	// as its weakest pair
	c := &candidate{typ: candEvidence, result: &Result{Intent: "evidence"}, ends: []string{}}
	score := math.Inf(1)
	var keyNames, srcs []string
	for k, p := range best {
		if p == nil {
			continue
		}
		c.result.Answers = append(c.result.Answers, sameValue(p.ans, all[k]))
		c.rel = append(c.rel, p.rel...)
		c.ctx = append(c.ctx, p.terms...)
		c.links = max(c.links, p.links)
		score = min(score, p.score)
		keyNames = append(keyNames, keys[k].Text)
		srcs = append(srcs, p.ans.Sources...)
		// the question's word that gives the key ("5-minute") is what the
		// pair is found by, though the notes spell it "300s (5min)"
		for _, t := range a.terms {
			if qs := ingest.Quantities(t.stem); len(qs) == 1 && sameQuantity(qs[0], keys[k]) {
				c.rel = append(c.rel, t.stem)
			}
		}
	}
	if len(c.result.Answers) == 0 {
		return nil, nil
	}
	c.prior = countedPrior + 0.3*score
	c.reading = fmt.Sprintf("the values the notes pair with %s (%s)", strings.Join(keyNames, ", "), strings.Join(srcs, ","))
	return c, nil
}

// sameValue returns a value answer named by the most explicit spelling
// any of others gives the same amount in, citing the lines of all of them:
// "15d" of a table and "15 days" of a sentence are one answer, "15 days";
// "15m" (months) and "455 days" within valueTolerance of each other too.
func sameValue(ans Answer, others []Answer) Answer {
	q := ingest.Quantities(ans.Name)
	if len(q) != 1 {
		return ans
	}
	out := ans
	out.Sources = slices.Clone(ans.Sources)
	for _, o := range others {
		oq := ingest.Quantities(o.Name)
		if len(oq) != 1 || !nearlySame(q[0], oq[0]) {
			continue
		}
		for _, src := range o.Sources {
			if !containsStr(out.Sources, src) {
				out.Sources = append(out.Sources, src)
			}
		}
		if unitLetters(o.Name) > unitLetters(out.Name) {
			out.Name, out.Detail = o.Name, o.Detail
		}
	}
	return out
}

// nearlySame reports whether two quantities give one amount within
// valueTolerance, under either reading of a unit with two ("15m": minutes
// or months, see ingest.Quantity.Alternative).
func nearlySame(x, y ingest.Quantity) bool {
	xs, ys := []ingest.Quantity{x}, []ingest.Quantity{y}
	if alt, ok := x.Alternative(); ok {
		xs = append(xs, alt)
	}
	if alt, ok := y.Alternative(); ok {
		ys = append(ys, alt)
	}
	for _, a := range xs {
		for _, b := range ys {
			if a.Dimension == b.Dimension && math.Abs(a.Value-b.Value) <= valueTolerance*math.Max(math.Abs(a.Value), 1e-9) {
				return true
			}
		}
	}
	return false
}

// valueTolerance is how far apart, as a share, two spellings of one
// amount may be: months and days convert only nearly (15 months, 455 days).
const valueTolerance = 0.02

// unitLetters counts the letters of a value's spelling: "15 days" spells
// its unit out, "15d" does not.
func unitLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// keyedValue is a value a line pairs with a given one: keys[key], then
// value.
type keyedValue struct {
	key   int
	value ingest.Quantity
}

// pairedValues returns the values a text writes right after one of keys
// in the same clause (see namesPair): "1-minute points 15 days, 5-minute
// points 63 days" pairs 63 days with a key of 5 minutes; a quantity equal to
// a key is no value.
func (e *Engine) pairedValues(text string, keys []ingest.Quantity) []keyedValue {
	var out []keyedValue
	qs := ingest.Quantities(text)
	for k := 0; k+1 < len(qs); k++ {
		key, next := keyIndex(keys, qs[k]), qs[k+1]
		if key >= 0 && keyIndex(keys, next) < 0 && e.namesPair(text[qs[k].End:next.Start]) {
			out = append(out, keyedValue{key, next})
		}
	}
	return out
}

// keyIndex returns the index of the key equal to q, -1 when none is.
func keyIndex(keys []ingest.Quantity, q ingest.Quantity) int {
	return slices.IndexFunc(keys, func(k ingest.Quantity) bool { return sameQuantity(k, q) })
}

// namesPair reports whether the text between two quantities pairs them as
// key and value: content words only ("1-hour points 455 days"), no clause
// mark and no function word ("one minute or one second", "1 to 35 days"
// are alternatives and ranges).
func (e *Engine) namesPair(between string) bool {
	if strings.ContainsAny(between, ",;.|()") {
		return false
	}
	ws := splitWords(between)
	for _, w := range ws {
		if e.lx.IsStop(w.lower) {
			return false
		}
	}
	return len(ws) > 0
}

// keyedAnswers narrows value answers to those their line pairs with a
// value the question gives ("how long are 5-minute points kept?" of "15
// days", "63 days", "455 days" read from "1-minute points 15 days,
// 5-minute points 63 days, 1-hour points 455 days": 63 days), when some
// but not all are; the answers as they are otherwise.
func (e *Engine) keyedAnswers(a *analysis, answers []Answer) []Answer {
	if len(answers) < 2 {
		return answers
	}
	keys := ingest.Quantities(a.text)
	if len(keys) == 0 {
		return answers
	}
	keyed := func(ans Answer) bool {
		qa := ingest.Quantities(ans.Name)
		return len(qa) > 0 && slices.ContainsFunc(e.pairedValues(ans.Detail, keys), func(p keyedValue) bool { return sameQuantity(p.value, qa[0]) })
	}
	var kept []Answer
	for _, ans := range answers {
		if keyed(ans) {
			kept = append(kept, ans)
		}
	}
	if len(kept) == 0 || len(kept) == len(answers) {
		return answers
	}
	return kept
}

// sameQuantity reports whether two quantities are the same amount of the
// same dimension ("60-second" and "60s", "1-hour" and "3600s").
func sameQuantity(x, y ingest.Quantity) bool {
	return x.Dimension != "" && x.Dimension == y.Dimension && math.Abs(x.Value-y.Value) <= 1e-9*math.Max(1, math.Abs(x.Value))
}

// leadingValue returns the number a line opens with when a dash follows it
// ("1000 – Asia Pacific (Tokyo), Europe (Frankfurt)": 1000), "" for any
// other line.
func leadingValue(text string) string {
	ns := ingest.Numbers(text)
	if len(ns) == 0 || ns[0].Start != 0 {
		return ""
	}
	rest := strings.TrimSpace(text[ns[0].End:])
	for _, d := range []string{"– ", "- ", "— "} {
		if strings.HasPrefix(rest, d) {
			return ns[0].Text
		}
	}
	return ""
}

// countName names a value answer: a count of things the question names
// by its number alone ("max subscription filters per log group?" is
// answered "2", not "2 subscription filters"), any other quantity as the
// line writes it.
func countName(a *analysis, q ingest.Quantity) string {
	f := strings.Fields(q.Text)
	if q.Dimension != "count" || len(f) < 2 {
		return q.Text
	}
	noun := ingest.Stem(strings.ToLower(f[len(f)-1]))
	if slices.ContainsFunc(a.words, func(w qword) bool { return w.stem == noun }) {
		return f[0]
	}
	return q.Text
}

// maxCountedGap bounds the words between a number and the noun it counts
// ("5 CloudWatch alarms": one).
const maxCountedGap = 2

// countedNouns returns the stems of the nouns a question asks the count of:
// the content words, up to the next function word, after one of the
// lexicon's count phrases ("how many alarms", "number of stages"); nil when
// it asks no count.
func (e *Engine) countedNouns(a *analysis) []string {
	var out []string
	for i := range a.words {
		n := e.phraseAt(a.words, i, "count")
		if n == 0 {
			continue
		}
		for j := i + n; j < len(a.words) && j < i+n+3 && !a.words[j].stop; j++ {
			out = append(out, a.words[j].stem)
		}
	}
	return out
}

// countsOf returns the numbers of a text that one of nouns (stems) follows
// within maxCountedGap words: "5" of "up to 5 CloudWatch alarms" for
// "alarm". Numbers that are part of a quantity with a unit are no counts.
func countsOf(nouns []string, text string) []ingest.Quantity {
	if len(nouns) == 0 {
		return nil
	}
	var out []ingest.Quantity
	for _, n := range ingest.Numbers(text) {
		rest := strings.Fields(text[n.End:])
		for k := 0; k < len(rest) && k <= maxCountedGap; k++ {
			w := strings.ToLower(strings.Trim(rest[k], ".,;:()"))
			if containsStr(nouns, ingest.Stem(w)) {
				out = append(out, n)
				break
			}
			if strings.ContainsAny(rest[k], ",;.") {
				break // the clause ended
			}
		}
	}
	// a spelled-out number right before its noun ("Only ONE external
	// connection per repository"), but not "one or more" nor "one of"
	fields := strings.Fields(text)
	at := 0
	for k, f := range fields {
		start := at + strings.Index(text[at:], f)
		at = start + len(f)
		v, ok := ingest.NumberWord(f)
		if !ok || wordNumberDigits(f) || k+1 == len(fields) {
			continue
		}
		for g := k + 1; g < len(fields) && g <= k+1+maxCountedGap; g++ {
			w := strings.ToLower(strings.Trim(fields[g], ".,;:()"))
			if g == k+1 && (w == "or" || w == "of") {
				break
			}
			if containsStr(nouns, ingest.Stem(w)) {
				out = append(out, ingest.Quantity{Text: f, Value: v, Low: v, Dimension: "number", Start: start, End: start + len(f)})
				break
			}
			if strings.ContainsAny(fields[g], ",;.") {
				break
			}
		}
	}
	return out
}

// wordNumberDigits reports whether a number word is written in digits
// ("5"; countsOf reads those from ingest.Numbers).
func wordNumberDigits(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// evidenceFrom answers from the first of hits that gives answers, passing
// over lines about other things than topics (see topicsOf); bare numbers
// count as a value question's answers only when bare is set. It returns the
// candidate and the index in hits of the line it answers from (nil and
// len(hits) when none answers).
func (e *Engine) evidenceFrom(ctx context.Context, a *analysis, hits []hit, ids, topics []string, bare bool) (*candidate, int) {
	counted := e.countedNouns(a) // read once for the lines below
	for k, h := range hits {
		if sub := e.ix.StatementSubject(h.i); !containsKind(a.wants, e.names[sub].Kind) && e.aboutOther(h.i, topics) {
			// the fallback answers from lines about what the question
			// names: "this has to be enabled on stack level" holds the
			// words of "VPC flow logs can be enabled at what levels" but
			// is about OpsWorks (a line about a thing of the kind asked
			// for may answer: "which service lets me do a canary release"
			// after "ALB has no canary routing")
			continue
		}
		i := h.i
		if j, ok := e.answerOf(h.i); ok {
			// the line asks what the question asks ("which DBs does Secrets
			// Manager rotate out of the box?"): the note's answer to it
			// answers ("=> RDS, Aurora, Redshift, DocumentDB")
			i = j
		}
		if j := e.valueSentence(a, i); j >= 0 {
			i = j
		}
		if j := e.answeringLine(i, ids); j >= 0 {
			i = j
		}
		st := e.ix.Statement(i)
		var (
			ends, items, srcs []string
			answers           []Answer
			head              string
			headAnswer        bool
		)
		if label := e.askedLabel(a, st.Text); label != "" {
			// "Inbound endpoint: on-premises DNS servers forward queries
			// into the VPC" for "which Route 53 Resolver endpoint do we
			// create": the line defines a thing of the noun asked for
			answers = []Answer{{Name: label, Kind: string(graph.KindConcept), Detail: st.Text, Sources: []string{st.Source}}}
		} else {
			ends, answers, head, items, srcs, headAnswer = e.evidenceAnswers(ctx, a, i, h, ids, counted, bare)
		}
		if len(answers) == 0 {
			continue
		}
		c := &candidate{typ: candEvidence, ends: ends, result: &Result{Intent: "evidence", Answers: answers}}
		// the items of a list run over several lines come in the note's
		// order (one line's inline list is no sequence)
		c.ordered = len(items) > 1 && len(items) == len(answers) && srcs[0] != srcs[len(srcs)-1]
		c.ctx = st.Terms
		if i != h.i {
			// the line's sentence the value was taken from, and the one
			// that matched the question
			c.ctx = append(slices.Clone(st.Terms), e.ix.StatementTerms(h.i)...)
		}
		c.prior = -0.3
		// what the statement covers of the question, and whether it is about it
		c.rel = nil
		switch {
		case headAnswer:
			// the items the head answers by state its relation
			c.rel = e.lx.Terms(strings.Join(items, " "))
		case head != "" && len(items) == len(answers):
			// the words that head the line's list name its relation
			c.rel = e.lx.Terms(head)
		}
		c.score = 0
		c.reading = fmt.Sprintf("the note line that matches best (%s)", st.Source)
		if e.aboutBonus(h.i, ids)+e.sectionBonusOf(h.i, ids) > 0 {
			c.prior += 0.1
			c.links = len(ids)
		}
		c.prior += h.cov * 0.45 // the evidence field weighs 0.55 in overlap
		if len(ends) == 0 && len(answers) > 0 && answers[0].Kind == string(graph.KindValue) && h.cov >= minValueLineCoverage {
			// "up to 5 CloudWatch alarms ... a monitoring period of 0-180
			// minutes": the quantities of a line that holds most of a
			// value question answer it, though no relation reads them
			c.prior += valueLineBonus
		}
		return c, k
	}
	return nil, len(hits)
}

// maxKindModifiers bounds the words before its head kindPhrase takes.
const maxKindModifiers = 3

// kindPhrase returns the first noun phrase of text headed by a word of a
// kind the question asks for, other than services, values and logs
// ("multi-user rotation strategy": "strategy" names a strategy, as
// "approach" does in "what rotation approach ..."), with the content words
// before its head (at most maxKindModifiers, up to a function word or
// punctuation), one of them at least not a word of the question; "" when
// the question asks for no such kind or text has no such phrase.
func (e *Engine) kindPhrase(a *analysis, text string) string {
	var kinds []graph.NodeKind
	for _, k := range a.wants {
		if k != graph.KindService && k != graph.KindValue && k != graph.KindLog {
			kinds = append(kinds, k)
		}
	}
	if len(kinds) == 0 {
		return ""
	}
	trim := func(w string) string { return strings.Trim(w, ".,;:!?()[]\"'`*") }
	ws := strings.Fields(text)
	for i := 1; i < len(ws); i++ {
		head := strings.ToLower(trim(ws[i]))
		if !slices.ContainsFunc(e.lx.Kinds(head), func(k graph.NodeKind) bool { return containsKind(kinds, k) }) {
			continue
		}
		from, novel := i, false
		for j := i - 1; j >= 0 && i-j <= maxKindModifiers; j-- {
			m := trim(ws[j])
			lm := strings.ToLower(m)
			if m == "" || strings.TrimRight(ws[j], ".,;:!?)") != ws[j] || e.lx.IsStop(lm) || e.lx.IsPreposition(lm) || e.lx.QuestionSurface("determiner", lm) || len(e.lx.Kinds(lm)) > 0 {
				break // "a", "is", "Notes:": the phrase began after it
			}
			from = j
			if st := ingest.Stem(lm); !slices.ContainsFunc(a.terms, func(t term) bool { return t.stem == st }) {
				novel = true
			}
		}
		if from < i && novel {
			parts := make([]string, 0, i-from+1)
			for _, w := range ws[from : i+1] {
				parts = append(parts, trim(w))
			}
			return strings.Join(parts, " ")
		}
	}
	return ""
}

// maxTopicFeatures bounds the features of one named service topicsOf adds.
const maxTopicFeatures = 200

// topicsOf returns the things a question is about, for the evidence
// fallback's choice of lines: the services, features, logs and components
// it names by name, the features of each service (a line under
// "buildspec.yml" is about CodeBuild) and the service of each feature. A
// capability or a value it names ("cross-Region", "1 second") qualifies
// what it asks; it is no topic.
func (e *Engine) topicsOf(ctx context.Context, a *analysis) []string {
	var out []string
	for _, id := range a.strongLinkIDs() {
		if !isTopicKind(e.names[id].Kind) {
			continue
		}
		out = append(out, id)
		if e.names[id].Kind == graph.KindFeature {
			// a feature's lines sit under its service's heading ("Is
			// limited to 50 per account" under AWS Config's "Aggregation"
			// for AWS Config Aggregators): its service is a topic too
			if in, err := e.ix.In(ctx, id, graph.PredFeature); err == nil {
				for _, ed := range in {
					if !containsStr(out, ed.Subject) {
						out = append(out, ed.Subject)
					}
				}
			}
		}
		feats := e.featuresOf(ctx, id)
		for _, f := range feats[:min(len(feats), maxTopicFeatures)] {
			if !containsStr(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// isTopicKind reports the kinds of thing a line or question is about:
// services, their features, logs and components, not the capabilities,
// values and concepts that qualify them.
func isTopicKind(k graph.NodeKind) bool {
	switch k {
	case graph.KindService, graph.KindFeature, graph.KindLog, graph.KindComponent:
		return true
	}
	return false
}

// aboutOther reports whether statement i is about another entity than the
// question's topics (see topicsOf): its subject is a thing of a topic's
// kind (see isTopicKind), and neither it, its note line nor its heading
// path holds a topic. A line with no subject of its own ("if nobody
// approves within 7 days the action fails"), or one whose subject only
// qualifies (a table row's key), is about nothing else.
func (e *Engine) aboutOther(i int, ids []string) bool {
	if len(ids) == 0 {
		return false
	}
	if sub := e.ix.StatementSubject(i); sub == "" || containsStr(ids, sub) || !isTopicKind(e.names[sub].Kind) {
		return false
	}
	return !slices.ContainsFunc(ids, func(id string) bool { return e.holds(i, id) }) && !e.lineAbout(i, ids)
}

// maxHeadAnswerWords is the most words a line's head holds when it names
// the answer its items qualify.
const maxHeadAnswerWords = 6

// itemsQualifyHead reports whether the items of a "Head: item, item" line
// state what a which-question asks of its answer and the head names it:
// the head holds a word of the question's focus ("which database option")
// or names an entity of the asked kind, and the items hold at least half
// the weight of the question's other terms that the head does not.
func (e *Engine) itemsQualifyHead(a *analysis, head string, items []string) bool {
	if head == "" || len(items) < 2 || len(a.focus) == 0 || a.order || len(strings.Fields(head)) > maxHeadAnswerWords {
		return false
	}
	hs := e.textStems(head)
	if !slices.ContainsFunc(a.focus, func(f string) bool { return containsStr(hs, f) }) {
		return false
	}
	is := e.textStems(strings.Join(items, " "))
	var rest, held float64
	for _, t := range a.terms {
		if containsStr(a.focus, t.stem) || t.in(hs) {
			continue
		}
		rest += t.weight
		if t.in(is) {
			held += t.weight
		}
	}
	return rest > 0 && 2*held >= rest
}

// countedNoun is the stem of the things a question asks the number of:
// the head of the noun phrase after a phrase of the lexicon's count group,
// "number of" or "how many" ("max number
// of CloudWatch alarms per deployment group" → alarm), its last word
// before a preposition, an auxiliary or a verb; "" when it asks no number.
func (e *Engine) countedNoun(a *analysis) string {
	from := -1
	for i := 0; i+1 < len(a.words); i++ {
		if e.lx.QuestionSurface("count", a.words[i].lower+" "+a.words[i+1].lower) {
			from = i + 2
			break
		}
	}
	if from < 0 {
		return ""
	}
	head := ""
	for j := from; j < len(a.words); j++ {
		x := a.words[j]
		if e.lx.IsPreposition(x.lower) || e.lx.QuestionWord("yesno", x.stem) || x.lower == "can" || e.verbLike(x.lower) && head != "" {
			break
		}
		if !x.stop {
			head = x.stem
		}
	}
	return head
}

// maxBoundGap bounds the words between a counted noun and the number that
// bounds it ("branch names (up to 10)").
const maxBoundGap = 3

// boundAfter returns the number a line bounds right after the noun whose
// stem is given, within maxBoundGap words of it and its clause, after an
// upper-bound phrase ("specify particular branch names (up to 10)": 10),
// as a count; nil when it writes none.
func (e *Engine) boundAfter(text, noun string) []ingest.Quantity {
	ws := splitWords(text)
	for i, w := range ws {
		if ingest.Stem(w.lower) != noun {
			continue
		}
		bounded := false
		for j := i + 1; j < len(ws) && j <= i+1+maxBoundGap; j++ {
			if strings.ContainsAny(text[ws[j-1].end:ws[j].start], ",;.") {
				break
			}
			if v, ok := ingest.NumberWord(ws[j].lower); ok && bounded {
				return []ingest.Quantity{{Text: ws[j].text, Value: v, Low: v, Dimension: "count", Start: ws[j].start, End: ws[j].end}}
			}
			if n := e.phraseAt(ws, j, "upper_bound"); n > 0 {
				bounded = true
				j += n - 1
			}
		}
	}
	return nil
}

// maxCountModifiers bounds the words between a number and the noun it
// counts ("25 unique destinations").
const maxCountModifiers = 2

// countBefore returns the number a line writes before the noun whose stem
// is given, with at most maxCountModifiers words and no punctuation between
// ("max 25 unique destinations across all rules": 25 unique destinations;
// "Up to 10 triggers"), as a count; nil when it writes none. "One" is no
// count ("One paying account linked to many").
func (e *Engine) countBefore(text, noun string) []ingest.Quantity {
	ws := splitWords(text)
	for i, w := range ws {
		if ingest.Stem(w.lower) != noun {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-1-maxCountModifiers; j-- {
			if strings.ContainsAny(text[ws[j].end:ws[j+1].start], ",;.:()") || j < i-1 && e.lx.IsStop(ws[j+1].lower) {
				break // (a modifier is a content word: not "one or more containers")
			}
			v, ok := ingest.NumberWord(ws[j].lower)
			if ok && v > 1 {
				return []ingest.Quantity{{Text: text[ws[j].start:w.end], Value: v, Low: v, Dimension: "count", Start: ws[j].start, End: w.end}}
			}
		}
	}
	return nil
}

// countedPrior is what a line's count of the asked-for things is worth
// before the question's other words and entities are matched.
const countedPrior = 0.5

// countedCandidate reads a question that asks how many of a thing ("max
// number of CloudWatch alarms per CodeDeploy deployment group?", "how many
// targets can one rule have?"): the count of those things a line writes
// ("up to 10 alarms"), on the line that holds most of the question's other
// words and names the entities it names. Nil when it asks no number or no
// line counts those things.
func (e *Engine) countedCandidate(a *analysis) *candidate {
	noun := e.countedNoun(a)
	if noun == "" {
		return nil
	}
	ids := a.linkIDs()
	stmts, _ := e.ix.StatementsWith(noun)
	if len(stmts) == 0 {
		// "branch names": a noun no line is indexed by (a function
		// word's stem) is found by the word before it
		for i := 1; i < len(a.words); i++ {
			if a.words[i].stem == noun && !a.words[i-1].stop {
				stmts, _ = e.ix.StatementsWith(a.words[i-1].stem)
				break
			}
		}
	}
	best, bestScore := -1, 0.0
	var bestQ ingest.Quantity
	for _, si := range stmts {
		st := e.ix.Statement(int(si))
		var counts []ingest.Quantity
		for _, q := range ingest.Quantities(st.Text) {
			if f := strings.Fields(q.Text); q.Dimension == "count" && len(f) > 0 && ingest.Stem(f[len(f)-1]) == noun {
				counts = append(counts, q)
				break
			}
		}
		if len(counts) == 0 {
			counts = e.countBefore(st.Text, noun)
		}
		if len(counts) == 0 {
			counts = e.boundAfter(st.Text, noun)
		}
		for _, q := range counts {
			score := overlap(a.terms, nil, st.Terms)
			if len(ids) > 0 {
				score += float64(e.heldLinks(a, int(si))) / float64(len(ids))
			}
			if score > bestScore {
				best, bestScore, bestQ = int(si), score, q
			}
		}
	}
	if best < 0 {
		return nil
	}
	st := e.ix.Statement(best)
	qs := []ingest.Quantity{bestQ}
	if a.twofold {
		// "how long and how many attempts": the line's every value
		qs = ingest.Quantities(st.Text)
	}
	var names []string
	for _, q := range qs {
		names = append(names, countName(a, q))
	}
	// the count of the very things asked about is the answer's shape:
	// worth more than a line that merely matches the words
	return e.lineValues(a, best, bestScore, names, "the count of "+asWritten(a, []string{noun})[0])
}

// lineValues returns the evidence candidate that answers with values one
// line writes (names, in order), as the question asked for them: worth
// countedPrior and a share of score (how much of the question the line
// holds), the line's terms its context. what says what the values are
// ("the count of alarms"); the reading adds the line's source.
func (e *Engine) lineValues(a *analysis, i int, score float64, names []string, what string) *candidate {
	st := e.ix.Statement(i)
	answers := make([]Answer, len(names))
	for k, n := range names {
		answers[k] = Answer{Name: n, Kind: string(graph.KindValue), Detail: st.Text, Sources: []string{st.Source}}
	}
	c := &candidate{typ: candEvidence, result: &Result{Intent: "evidence", Answers: answers}}
	c.ctx = st.Terms
	c.prior = countedPrior + 0.3*score
	c.links = e.heldLinks(a, i)
	c.reading = fmt.Sprintf("%s a line writes (%s)", what, st.Source)
	return c
}

// maxBareLabelWords is the most words a bare label line holds.
const maxBareLabelWords = 3

// labelOverList reports whether a line is a bare label over a line that
// lists (in a flattened outline, "Producers" over "Kinesis SDK, Kinesis
// Producer Library (KPL), Kinesis Agent, CloudWatch Logs"): a few words
// with no punctuation that would make them a clause, a list or a value,
// the first no verb of the lexicon's relations ("Deliver streaming data"
// says what a thing does), and a next line with commas between its items.
func (e *Engine) labelOverList(text, next string) bool {
	return strings.Contains(next, ", ") && e.bareLabel(text)
}

// bareLabel reports whether a line is a label and nothing more: at most
// maxBareLabelWords words, no punctuation that would make them a clause, a
// list or a value, the first no verb of the lexicon's relations.
func (e *Engine) bareLabel(text string) bool {
	f := strings.Fields(text)
	if len(f) == 0 || len(f) > maxBareLabelWords || strings.ContainsAny(text, ",;:.()=!?0123456789") {
		return false
	}
	return !e.relational[ingest.Stem(strings.ToLower(f[0]))]
}

// lineList returns the list statement i answers with, its head and each
// item's source: the names of the item lines a head line ("local cache,
// three modes:") heads; else the list the line holds (lineItems); else,
// when the line answers nothing of its own (answered unset), the names of
// the run of item lines it is one of ("SSE-S3: ...", "SSE-KMS: ...").
func (e *Engine) lineList(a *analysis, i int, answered bool) (head string, items, srcs []string) {
	text := ingest.AnswerText(e.ix.Statement(i).Text) // an answer's list without its "a:" or arrow
	if e.headsNext(i) && !a.wantsOnly(graph.KindValue) && !e.rowAt(i+1) {
		// "execution modes (V2)" over "superseded: default, ...",
		// "queued: ...": a heading heads the run of named items its
		// section opens with (a table's rows are read by its columns)
		if _, names, nsrcs := e.siblingItems(a, i+1); len(names) > 0 {
			return text, names, nsrcs
		}
		if names, nsrcs := e.headedLabels(a, i); len(names) > 0 {
			return text, names, nsrcs
		}
	}
	if strings.HasSuffix(text, ":") && e.sameSection(i, i+1) {
		if _, names, nsrcs := e.siblingItems(a, i+1); len(names) > 0 {
			return strings.TrimSuffix(text, ":"), names, nsrcs
		}
		if names, nsrcs := e.headedNames(a, i); len(names) > 1 {
			return strings.TrimSuffix(text, ":"), names, nsrcs
		}
	}
	j := i + 1
	for e.sameSection(i, j) && e.ix.StatementSource(j) == e.ix.StatementSource(i) {
		j++ // the line's other sentences
	}
	if e.sameSection(i, j) && (arrowLed(e.ix.Statement(j).Text) || !a.wantsOnly(graph.KindValue) && e.labelOverList(text, e.ix.Statement(j).Text)) {
		// "When you invoke a function synchronously, Lambda runs ..." over
		// "-> API Gateway, ALB, Cognito, ...": the line an arrow opens
		// lists what the line before it leads to; so does the line under
		// a bare label ("Producers" over "Kinesis SDK, Kinesis Producer
		// Library (KPL), Kinesis Agent, CloudWatch Logs" in a flattened
		// outline)
		if _, items := e.lineItems(a, e.ix.Statement(j).Text); len(items) > 0 {
			src := e.ix.StatementSource(j)
			for range items {
				srcs = append(srcs, src)
			}
			return text, items, srcs
		}
	}
	if e.sameSection(i, j) && !a.wantsOnly(graph.KindValue) && e.bareLabel(text) {
		// "Service type" over "Replica - places and maintains ..." and
		// "Demon - deploys exactly one task ...": a bare label heads the
		// run of named items after it in a flattened outline
		if _, names, nsrcs := e.siblingItems(a, j); len(names) > 0 {
			return text, names, nsrcs
		}
	}
	if key, kind := ingest.ItemName(text); kind == ingest.ItemRow && !a.single && !a.mentionsWords(e.lx.Terms(key)) {
		// a table row the question does not name (nor asks one thing
		// of): the table's keys are the list, not a list inside one row's
		// cells ("cw alarm treat missing data options" over the rows
		// missing, notBreaching, ...)
		if head, names, nsrcs := e.siblingItems(a, i); len(names) > 0 {
			return head, names, nsrcs
		}
	}
	if head, items = e.lineItems(a, text); len(items) > 0 {
		src := e.ix.StatementSource(i)
		for range items {
			srcs = append(srcs, src)
		}
		return head, items, srcs
	}
	if answered {
		return "", nil, nil
	}
	return e.siblingItems(a, i)
}

// valueSentence returns, for a question that asks only for a value, the
// other sentence of statement i's line that states one when i states none,
// sharing a word of the question ("You set ResourceSignal with Count and
// Timeout" then "The maximum timeout is 12 hours" for "the longest timeout
// I can give a ResourceSignal"); -1 when i states one, or no such sentence.
func (e *Engine) valueSentence(a *analysis, i int) int {
	if !a.wantsOnly(graph.KindValue) || len(ingest.Quantities(e.ix.StatementText(i))) > 0 {
		return -1
	}
	src := e.ix.StatementSource(i)
	for d := 1; d <= maxLineSentences; d++ {
		for _, j := range []int{i + d, i - d} {
			if j < 0 || j >= e.ix.NumStatements() || e.ix.StatementSource(j) != src || len(ingest.Quantities(e.ix.StatementText(j))) == 0 {
				continue
			}
			words := e.ix.StatementTerms(j)
			if slices.ContainsFunc(a.terms, func(t term) bool { return !a.words[t.pos].stop && t.in(words) }) {
				return j
			}
		}
	}
	return -1
}

// coordinatedModifiers returns the capitalised words a line coordinates
// before a noun the question asks for ("Customers with AWS Business or
// Enterprise support can access all checks" for "which support plans":
// Business, Enterprise; "Standard, Advanced and Intelligent-Tiering
// tiers"), nil when it has none.
func (e *Engine) coordinatedModifiers(a *analysis, text string) []string {
	ws := splitWords(text)
	name := func(k int) bool {
		w := ws[k]
		return w.text != "" && unicode.IsUpper([]rune(w.text)[0]) && !e.lx.IsStop(w.lower)
	}
	for i := 1; i+2 < len(ws); i++ {
		if c := ws[i].lower; c != "or" && c != "and" || !containsStr(a.focus, ingest.Stem(ws[i+2].lower)) {
			continue
		}
		if !name(i-1) || !name(i+1) || breaks(text, ws, i+1) || breaks(text, ws, i+2) || breaks(text, ws, i) {
			continue
		}
		items := []string{ws[i-1].text, ws[i+1].text}
		for k := i - 2; k >= 0 && name(k) && strings.TrimSpace(text[ws[k].end:ws[k+1].start]) == ","; k-- {
			items = append([]string{ws[k].text}, items...) // "Standard, Advanced and ..."
		}
		return items
	}
	return nil
}

// arrowLed reports whether a line opens with an arrow ("-> Kinesis,
// DynamoDB, SQS", "→ ..."), continuing the line before it.
func arrowLed(text string) bool {
	t := strings.TrimSpace(text)
	for _, mark := range []string{"- ", "* ", "• "} {
		t = strings.TrimPrefix(t, mark) // "- -> Kinesis, ...": a bullet that opens with the arrow
	}
	for _, arrow := range []string{"->", "→", "=>", "⇒"} {
		if strings.HasPrefix(t, arrow) {
			return true
		}
	}
	return false
}

// headedNames returns the run of lines after head line i that each read as
// a name, not a sentence ("TreatMissingData options:" over "missing",
// "notBreaching", ...), one per line, skipping names the question gives,
// with their sources.
func (e *Engine) headedNames(a *analysis, i int) (names, srcs []string) {
	seen := map[string]bool{}
	for j := i + 1; e.sameSection(i, j); j++ {
		text := strings.TrimSpace(e.ix.Statement(j).Text)
		src := e.ix.StatementSource(j)
		if src == e.ix.StatementSource(j-1) || !ingest.FlatItemName(text) {
			break
		}
		if seen[strings.ToLower(text)] || a.namesText(text) {
			continue
		}
		seen[strings.ToLower(text)] = true
		names = append(names, text)
		srcs = append(srcs, src)
	}
	return names, srcs
}

// headedLabels returns the labels of the run of glossed items that opens
// the section heading statement i heads ("superseded: default, ...",
// "queued: ...", "parallel: ..." under "execution modes (V2)"), those the
// question does not name, with each item's source; nil for fewer than two.
func (e *Engine) headedLabels(a *analysis, i int) (names, srcs []string) {
	seen := map[string]bool{}
	for j := i + 1; e.sameSection(i, j); j++ {
		src := e.ix.StatementSource(j)
		if src == e.ix.StatementSource(j-1) {
			continue // another sentence of the item's line
		}
		label := ingest.ItemLabel(e.ix.Statement(j).Text)
		if label == "" {
			break
		}
		if seen[strings.ToLower(label)] || a.namesText(label) {
			continue
		}
		seen[strings.ToLower(label)] = true
		names = append(names, label)
		srcs = append(srcs, src)
	}
	if len(names) < 2 {
		return nil, nil
	}
	return names, srcs
}

// rowAt reports whether statement i is a table row as its statement reads
// ("Replication type; RDS Multi-AZ: Synchronous; ...").
func (e *Engine) rowAt(i int) bool {
	_, kind := ingest.ItemName(e.ix.Statement(i).Text)
	return kind == ingest.ItemRow
}

// headsNext reports whether statement i is a heading and statement i+1
// opens its section: the last part of i's heading path is i's own text.
func (e *Engine) headsNext(i int) bool {
	if !e.sameSection(i, i+1) {
		return false
	}
	sec := e.ix.StatementSection(i)
	if k := strings.LastIndex(sec, " > "); k >= 0 {
		sec = sec[k+len(" > "):]
	}
	return sec == strings.TrimSpace(e.ix.Statement(i).Text)
}

// sameSection reports whether statements i and j (either may be out of
// range) sit in the same note under the same heading.
func (e *Engine) sameSection(i, j int) bool {
	n := e.ix.NumStatements()
	if i < 0 || j < 0 || i >= n || j >= n {
		return false
	}
	return e.ix.StatementSectionKey(i) == e.ix.StatementSectionKey(j) && noteOf(e.ix.StatementSource(i)) == noteOf(e.ix.StatementSource(j))
}

// siblingItems returns the names of the list statement i is an item of:
// the run of statements around it in its section, each naming its item the
// same way ("SSE-S3: ...", "SSE-KMS: ..."; "Delete (the default ...)",
// "Retain (...)"), with the words of the line heading the run and each
// item's source. Another sentence of an item's line belongs to the run.
// Nil when the run has fewer than two items the question does not name.
func (e *Engine) siblingItems(a *analysis, i int) (head string, names, srcs []string) {
	_, kind := ingest.ItemName(e.ix.Statement(i).Text)
	if kind == ingest.ItemNone {
		return "", nil, nil
	}
	// inRun reports whether statement j, next to from, belongs to the run
	inRun := func(j, from int) bool {
		if !e.sameSection(i, j) {
			return false
		}
		if e.ix.StatementSource(j) == e.ix.StatementSource(from) {
			return true
		}
		_, k := ingest.ItemName(e.ix.Statement(j).Text)
		return k == kind
	}
	lo, hi := i, i
	for lo > 0 && inRun(lo-1, lo) {
		lo--
	}
	for inRun(hi+1, hi) {
		hi++
	}
	if e.sameSection(i, lo-1) {
		head = e.ix.Statement(lo - 1).Text
	}
	seen := map[string]bool{}
	for j := lo; j <= hi; j++ {
		if j > lo && e.ix.StatementSource(j) == e.ix.StatementSource(j-1) {
			continue // the line's first sentence names its item
		}
		name, _ := ingest.ItemName(e.ix.Statement(j).Text)
		if seen[strings.ToLower(name)] || a.namesText(name) {
			continue
		}
		seen[strings.ToLower(name)] = true
		names = append(names, name)
		srcs = append(srcs, e.ix.StatementSource(j))
	}
	if len(names) < 2 {
		return "", nil, nil
	}
	return head, names, srcs
}

// lineItems returns the items of the list a line ends with that the
// question does not name itself, and the words heading them; nil when the
// line holds no list, or a chain ("a -> b -> c") and the question asks for
// no order.
func (e *Engine) lineItems(a *analysis, text string) (head string, items []string) {
	head, items, chain := ingest.LineItems(text, e.lx)
	if chain && !a.order && !a.path {
		return "", nil // a chain's hops answer a question about an order
	}
	if len(items) == 0 {
		if items = e.coordinatedModifiers(a, text); len(items) > 0 {
			head = text // the line around them says what they are
		}
	}
	if len(items) == 0 {
		// a list inside a sentence: the one whose opening words the
		// question shares ("tools like tfsec and cfn-nag to scan for ...")
		best := 0.0
		for _, l := range ingest.InlineLists(text, e.lx) {
			s := 0.0
			for _, w := range e.lx.Terms(l.Before) {
				for _, t := range a.terms {
					if t.stem == w {
						s += t.weight
					}
				}
			}
			if s > best {
				best, head, items = s, l.Before, l.Items
			}
		}
	}
	var out []string
	for k, it := range items {
		if h, ok := ingest.CutArrow(it); ok && k == len(items)-1 {
			it = h // "Hibernated -> fast scale-out": what the list leads to is no item
		}
		if f := strings.Fields(it); k == 0 && len(f) > 1 && containsStr(a.focus, ingest.Stem(strings.ToLower(f[0]))) {
			// "kept in state Stopped, Running or Hibernated" for "which
			// states": the asked-for noun before the first item names
			// the list's kind
			it = strings.Join(f[1:], " ")
		}
		if !a.namesText(it) && !e.lx.IsStop(it) {
			out = append(out, it) // not "you": a pronoun is no item
		}
	}
	if len(out) < 2 {
		return "", nil
	}
	return head, out
}

// evidenceEnds picks the answers a statement gives a question.
func (e *Engine) evidenceEnds(ctx context.Context, a *analysis, st graph.Statement, ids []string) []string {
	inQuestion := map[string]bool{}
	for _, id := range ids {
		inQuestion[id] = true
	}
	var named []string
	for _, id := range st.Mentions {
		if !inQuestion[id] {
			named = append(named, id)
		}
	}
	// the objects of the line's open relations
	var objs []string
	for _, id := range append([]string{st.Subject}, st.Mentions...) {
		if id == "" {
			continue
		}
		out, err := e.ix.Out(ctx, id)
		if err != nil {
			continue
		}
		for _, ed := range out {
			if !containsStr(ed.Sources, st.Source) || inQuestion[ed.Object] || containsStr(objs, ed.Object) {
				continue
			}
			if k := e.names[ed.Object].Kind; k == graph.KindPath || k == graph.KindLevel {
				continue
			}
			if _, _, open := graph.ParseRelation(ed.Predicate); open || len(a.wants) > 0 {
				objs = append(objs, ed.Object)
			}
		}
	}
	pick := func(list []string) []string {
		if len(a.wants) == 0 {
			return list
		}
		var out []string
		for _, id := range list {
			if containsKind(a.wants, e.names[id].Kind) {
				out = append(out, id)
			}
		}
		return out
	}
	for _, list := range [][]string{pick(named), pick(objs)} {
		if len(list) > 0 {
			return list
		}
	}
	if len(a.wants) == 0 {
		if len(objs) > 0 {
			return objs
		}
		if len(named) > 0 {
			return named
		}
	}
	if st.Subject != "" && !inQuestion[st.Subject] && (len(a.wants) == 0 || containsKind(a.wants, e.names[st.Subject].Kind)) {
		return []string{st.Subject}
	}
	return nil
}

// detailFrequencies counts, for a graph without the notes' statements (read
// from quads), the distinct details of its facts holding each stem: the
// word weights (idf) then come from the notes' own words about relations.
// Evidence answers need the notes' lines, so such a graph gives none.
func (e *Engine) detailFrequencies() {
	e.detailDF = map[string]int{}
	seen := map[string]bool{}
	for i := 0; i < e.ix.NumFacts(); i++ {
		d := e.ix.Fact(int32(i)).Detail
		if d == "" || seen[d] {
			continue
		}
		seen[d] = true
		e.detailDocs++
		terms := e.lx.Terms(d)
		for j, t := range terms {
			if !containsStr(terms[:j], t) {
				e.detailDF[t]++
			}
		}
	}
}

// docFreq is the number of statements (else of details) holding a stem.
func (e *Engine) docFreq(stem string) int {
	if e.detailDF != nil {
		return e.detailDF[stem]
	}
	stmts, _ := e.ix.StatementsWith(stem)
	return len(stmts)
}

// nDocs is the number of statements (else of details) word weights count.
func (e *Engine) nDocs() int {
	if e.detailDF != nil {
		return e.detailDocs
	}
	return e.ix.NumStatements()
}

// stemsOf returns a set's keys in order (for stable word lists).
func stemsOf(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for w := range set {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// entityCandidate reads "which service should I use to keep an inventory
// of my resources": the entity of the kind asked for that the note lines
// matching the question best are about.
func (e *Engine) entityCandidate(ctx context.Context, a *analysis) *candidate {
	if len(a.wants) == 0 || a.strongLinks() > 1 || len(a.terms) < 2 {
		return nil
	}
	inQuestion := map[string]bool{}
	for _, id := range a.linkIDs() {
		inQuestion[id] = true
	}
	type credit struct {
		score, cov float64
		src        string
		text       string
	}
	best := map[string]credit{}
	var order []string
	for _, h := range e.search(a, 40) {
		st := e.ix.Statement(h.i)
		id := st.Subject
		if id == "" && len(st.Mentions) > 0 {
			id = st.Mentions[0]
		}
		if id == "" || inQuestion[id] || !containsKind(a.wants, e.names[id].Kind) {
			continue
		}
		if c, ok := best[id]; !ok || h.score > c.score {
			if !ok {
				order = append(order, id)
			}
			best[id] = credit{h.score, h.cov, st.Source, st.Text}
		}
	}
	if len(order) == 0 {
		return nil
	}
	sort.SliceStable(order, func(i, j int) bool { return best[order[i]].score > best[order[j]].score })
	top := best[order[0]]
	ans := e.answer(order[0])
	ans.Detail, ans.Sources = top.text, []string{top.src}
	c := &candidate{typ: candEntity, ends: []string{order[0]}, result: &Result{Intent: string(candEntity), Answers: []Answer{ans}}}
	c.prior = 0.7*top.cov - 0.1
	c.links = a.strongLinks()
	c.reading = fmt.Sprintf("the %s the best-matching note lines are about (%s)", e.names[order[0]].Kind, top.src)
	return c
}

// maxPartHits bounds the best-matching lines partCandidate reads.
const maxPartHits = 40

// partCandidate reads "I need to push OS patches automatically to groups
// of EC2 instances. Which Systems Manager capability should I use?": the
// asked-for phrase names a service and a kind ("Systems Manager
// capability", "Kinesis service", "CloudWatch feature"), so the answer is
// one of the service's parts, its features or the services named in its
// family, the one the note lines that match the question best are about
// (their subject, else the part their heading path names). nil when the phrase
// names no service with two parts or more, or no best line is about one.
func (e *Engine) partCandidate(ctx context.Context, a *analysis) *candidate {
	if len(a.wants) == 0 || a.yesno || a.order || len(a.terms) < 2 || !e.asksOne(a) {
		return nil // "which Beanstalk deployment policies ...": a list of parts
	}
	owner := ""
	for _, t := range a.focusAll {
		if l := a.words[t.pos].linked; l >= 0 && a.links[l].strong() && e.names[a.links[l].id].Kind == graph.KindService {
			owner = a.links[l].id
			break
		}
	}
	if owner == "" {
		return nil
	}
	parts := map[string]bool{}
	for _, f := range e.featuresOf(ctx, owner) {
		parts[f] = true
	}
	for _, m := range e.members[owner] {
		parts[m] = true
	}
	for _, id := range a.linkIDs() {
		delete(parts, id)
	}
	if len(parts) < 2 {
		return nil
	}
	type credit struct {
		score, cov float64
		i          int
	}
	best := map[string]credit{}
	var order []string
	for _, h := range e.search(a, maxPartHits) {
		st := e.ix.Statement(h.i)
		// a line is about its subject, else the part its heading path
		// names ("Query using SQL" under "Kinesis Data Analytics"); a
		// part it only mentions is what it acts on ("Data Analytics
		// performs real-time analysis on Kinesis Streams")
		id := ""
		if parts[st.Subject] {
			id = st.Subject
		} else {
			sec := e.sectionNamesOf(h.i)
			if k := slices.IndexFunc(sec, func(m string) bool { return parts[m] }); k >= 0 {
				id = sec[k]
			}
		}
		if id == "" {
			continue
		}
		if c, ok := best[id]; !ok || h.score > c.score {
			if !ok {
				order = append(order, id)
			}
			best[id] = credit{h.score, h.cov, h.i}
		}
	}
	if len(order) == 0 {
		return nil
	}
	sort.SliceStable(order, func(i, j int) bool { return best[order[i]].score > best[order[j]].score })
	top := best[order[0]]
	st := e.ix.Statement(top.i)
	return e.lineEntityCandidate(a, []string{order[0]}, st, top.cov,
		fmt.Sprintf("the part of %s the best-matching note lines are about (%s)", e.names[owner].Name, st.Source))
}

// lineEntityCandidate is an entity reading whose answers, ends, stand on
// one note line st that holds share cov of the question: each answer
// cites the line, the line's words and the asked-for phrase are its
// relation's words (the line states what the answer does, and the answer
// is of the kind asked for), and it is worth what the line is worth for
// the question, as a relation's support.
func (e *Engine) lineEntityCandidate(a *analysis, ends []string, st graph.Statement, cov float64, reading string) *candidate {
	answers := make([]Answer, 0, len(ends))
	c := &candidate{typ: candEntity, ends: ends, reading: reading}
	for _, id := range ends {
		ans := e.answer(id)
		ans.Detail, ans.Sources = st.Text, []string{st.Source}
		answers = append(answers, ans)
		c.names = append(c.names, e.nameStems(id)...)
	}
	c.result = &Result{Intent: string(candEntity), Answers: answers}
	c.rel = append(slices.Clone(st.Terms), a.focus...)
	c.prior = 0.7*cov - 0.1 + weights[featSupport]*bestSupport(a, []string{st.Source})
	c.links = a.strongLinks()
	return c
}

// maxNamedAfterHits bounds the best-matching lines namedAfterCandidate
// reads.
const maxNamedAfterHits = 20

// namedAfterCandidate reads "which load balancer types can I specify in a
// CodeDeploy deployment group?", "what type of load balancer does ECS
// traffic shifting need?": the asked-for phrase holds a name, and the
// things asked for are the ones named after it ("Application Load
// Balancer", "Network Load Balancer": names that end in its last words),
// those the best-matching line that names any of them names. nil when the
// phrase holds no name or no such line is among the best.
func (e *Engine) namedAfterCandidate(a *analysis) *candidate {
	if a.yesno || a.order || len(a.focusAll) == 0 {
		return nil
	}
	var head []string // the stems the things' names end in
	named := ""
	for _, t := range a.focusAll {
		if l := a.words[t.pos].linked; l >= 0 && a.links[l].strong() {
			ws := e.lx.Terms(a.links[l].text)
			head, named = ws[max(0, len(ws)-2):], a.links[l].id
			break
		}
	}
	if len(head) == 0 {
		return nil
	}
	after := func(id string) bool {
		if id == "" || id == named || containsStr(a.linkIDs(), id) {
			return false
		}
		ns := e.lx.Terms(e.names[id].Name)
		return len(ns) > len(head) && slices.Equal(ns[len(ns)-len(head):], head)
	}
	for _, h := range a.hits[:min(len(a.hits), maxNamedAfterHits)] {
		st := e.ix.Statement(h.i)
		if e.deniesQuestion(a, st.Text) {
			continue // "ALB: ...; no charge for inter-AZ data" names the one that does not, for "which ... charge for inter-AZ data"
		}
		var ends []string
		for _, id := range append([]string{st.Subject}, st.Mentions...) {
			if after(id) && !containsStr(ends, id) {
				ends = append(ends, id)
			}
		}
		if len(ends) == 0 {
			continue
		}
		return e.lineEntityCandidate(a, ends, st, h.cov,
			fmt.Sprintf("the things named after %s the best-matching line names (%s)", e.names[named].Name, st.Source))
	}
	return nil
}

// maxSupportHits bounds the statements that lend candidates support.
const maxSupportHits = 300

// supportOf ranks the statements for a question once: every candidate is
// then worth as much as the best line it stands on.
func (e *Engine) supportOf(a *analysis) {
	a.hits = e.search(a, maxSupportHits)
	a.support = map[string]float64{}
	if len(a.hits) == 0 || a.hits[0].score <= 0 {
		return
	}
	top := a.hits[0].score
	for _, h := range a.hits {
		src := e.ix.StatementSource(h.i)
		if v := h.score / top; v > a.support[src] {
			a.support[src] = v
		}
	}
}

// supportFor is the best support of the lines a candidate's edges cite.
func supportFor(a *analysis, edges []graph.Edge) float64 {
	best := 0.0
	for _, ed := range edges {
		best = max(best, bestSupport(a, ed.Sources))
	}
	return best
}

// supportOfAnswers is the best support of the lines a result's answers cite.
func supportOfAnswers(a *analysis, res *Result) float64 {
	best := 0.0
	if res == nil {
		return 0
	}
	for _, ans := range res.Answers {
		best = max(best, bestSupport(a, ans.Sources))
	}
	return best
}

// meanSupportOfAnswers is the mean over a result's answers of the best
// support of each one's lines, 0-1.
func meanSupportOfAnswers(a *analysis, res *Result) float64 {
	if res == nil || len(res.Answers) == 0 {
		return 0
	}
	sum := 0.0
	for _, ans := range res.Answers {
		sum += bestSupport(a, ans.Sources)
	}
	return sum / float64(len(res.Answers))
}

// bestSupport is the best support of a set of source lines, 0-1.
func bestSupport(a *analysis, srcs []string) float64 {
	best := 0.0
	for _, src := range srcs {
		best = max(best, a.support[src])
	}
	return best
}

// statementCandidates read a question through the lines that match it best:
// each fact such a line states belongs to a relation of its subject (a list
// and its head, a sentence and its objects), whose ends answer.
func (e *Engine) statementCandidates(ctx context.Context, a *analysis, have map[string]bool) []*candidate {
	var out []*candidate
	seen := map[string]bool{}
	for n, h := range a.hits {
		if n >= 5 {
			break
		}
		if len(a.links) == 0 && h.cov < minLineCoverage {
			// a question that names nothing known reads only the lines
			// that hold half its words, as lineAnswers answers with
			continue
		}
		src := e.ix.StatementSource(h.i)
		for _, fi := range e.ix.FactsFrom(src) {
			f := e.ix.Fact(fi)
			key := f.Subject + "\x00" + f.Predicate
			if seen[key] || have[key] {
				continue
			}
			seen[key] = true
			edges, err := e.ix.Out(ctx, f.Subject, f.Predicate)
			if err != nil || len(edges) == 0 {
				continue
			}
			if c := e.relationCandidate(f.Subject, "", f.Predicate, false, edges); c != nil {
				c.links = 0
				c.prior = -0.15 // found through a line, not through the question's names
				out = append(out, c)
			}
		}
	}
	return out
}

// minVerdictCoverage is the share of a yes/no question's term weight the
// best-matching line must hold to decide it.
const minVerdictCoverage = 0.3

// minWeakVerdictCoverage is the share a line must hold to give a weak
// verdict (prior weakVerdictPrior) when none holds minVerdictCoverage.
const (
	minWeakVerdictCoverage = 0.15
	weakVerdictPrior       = 0.3
)

// maxVerdictLines is how many of the best-matching lines a yes/no verdict
// looks through for one that holds enough of the question.
const maxVerdictLines = 5

// verdictCandidate answers a yes/no question from the note line that
// matches it best: a line that denies or restricts what it asks ("CodeDeploy
// Agent is not required", "Triggers to SNS only (no lambda ...)") says no,
// one that states it says yes; a negated question turns the verdict round.
// It is nil for other questions, or when no line holds enough of the
// question.
func (e *Engine) verdictCandidate(a *analysis) *candidate {
	if !a.yesno {
		return nil
	}
	// of the best-matching lines, the one that holds most of the question:
	// BM25 ranks a short line that holds a rare word of it ("Backup &
	// Restore") above one that holds more of it
	// and of those, one about an entity the question names, when one is
	// ("Can provisioned concurrency be configured on $LATEST?" is not
	// decided by a line on the latest EC2 features)
	// a line about the service a named feature is of is about it too
	// ("CodeDeploy Agent is not required" under "Deploy to ECS" for "...
	// a new ECS task definition")
	ids := a.withNamesakes(a.linkIDs())
	about := func(h hit) bool {
		st := e.ix.Statement(h.i)
		return containsStr(ids, st.Subject) || slices.ContainsFunc(st.Mentions, func(m string) bool { return containsStr(ids, m) }) ||
			e.opposesLink(a, h.i, ids)
	}
	pool := append(a.hits[:min(len(a.hits), maxVerdictLines):min(len(a.hits), maxVerdictLines)], e.namingHits(a)...)
	// and a line further down that states the opposite of what it asks of
	// an entity it names ("Store must be in the same region as pipeline"
	// for "... in a different region from the pipeline")
	strongIDs := a.strongLinkIDs()
	for _, h := range a.hits[min(len(a.hits), maxVerdictLines):min(len(a.hits), 2*maxVerdictLines)] {
		if e.opposesLink(a, h.i, strongIDs) {
			pool = append(pool, h)
		}
	}
	// "does Macie protect data stores other than S3": a line that restricts
	// to what the question names ("it only protects data in S3") decides;
	// and a line that holds more of the entities the question names, in
	// itself or its heading path, before one that holds more of its words
	// ("Access logging can done instead to Kinesis Data Firehose (but not
	// both)" under "API Gateway" decides whether API Gateway logs to
	// CloudWatch Logs and Firehose at once, not a line on log groups that
	// "share the same" settings)
	strong := len(a.strongLinkIDs())
	b, bAbout, bOnly, bCov, bRank := -1, false, false, 0.0, 0.0
	for k, h := range pool {
		ab := len(ids) > 0 && about(h)
		text := e.ix.StatementText(h.i)
		// a line that bounds how many of a thing the question asks about
		// decides it as a restricting line does: "CodePipeline can only
		// have one source stage" for "can a pipeline have more than one
		// source stage?"
		// and so does a line that states the opposite of a thing it names
		// ("Store must be in the same region as pipeline" for "can the
		// artifact store be in a different region")
		only := a.beyond && e.restricts(text) || e.boundsAsked(a, text) || e.excludesAsked(a, h.i) || e.opposesLink(a, h.i, strongIDs)
		cov := e.verdictCoverage(a, h)
		if only && cov < minWeakVerdictCoverage {
			only = false
		}
		rank := cov
		if strong > 0 && cov >= minWeakVerdictCoverage {
			rank += heldWeight * float64(e.heldLinks(a, h.i)) / float64(strong)
		}
		if b < 0 || ab && !bAbout || ab == bAbout && (only && !bOnly || only == bOnly && rank > bRank) {
			b, bAbout, bOnly, bCov, bRank = k, ab, only, cov, rank
		}
	}
	// a line that holds too little of it to decide still answers whether,
	// weakly, where a list of things answers nothing it asks
	if b < 0 || bCov < minWeakVerdictCoverage {
		return nil
	}
	weak := bCov < minVerdictCoverage
	after := pool[b+1:]
	if b < min(len(a.hits), maxVerdictLines) {
		after = a.hits[b+1:]
	}
	// a line the ranking put before it still qualifies it: "SCPs do not
	// apply for the master account itself" after the line that holds
	// both entities the question names
	i := e.caveatOf(a, pool[b], append(slices.Clone(pool[:b]), after...))
	st := e.ix.Statement(i)
	text := st.Text
	mark := 0
	if j, ok := e.answerOf(i); ok {
		// the line asks the question ("Does EC2 publish memory utilization
		// by default?"): the answer the note gives it decides, by the
		// yes or no it opens with ("a: No. Memory ..."), else by what it
		// states
		st = e.ix.Statement(j)
		text = ingest.AnswerText(st.Text)
		mark = e.lx.CellMark(text)
	}
	no := mark < 0 || mark == 0 && (e.deniesFor(a, text) && !e.deniesWithQuestion(a, text) || e.opposes(a, text) || e.otherMeans(a, st))
	verdict := "yes"
	if no != a.negated {
		verdict = "no"
	}
	c := &candidate{
		typ:     candYesNo,
		result:  &Result{Intent: "yes-no", Answers: []Answer{{Name: verdict, Kind: "verdict", Detail: st.Text, Sources: []string{st.Source}}}},
		ends:    []string{},
		details: [][]string{st.Terms},
		prior:   0.7,
		reading: fmt.Sprintf("whether the best-matching line states it: %s (%s)", verdict, st.Source),
	}
	if weak {
		c.prior = weakVerdictPrior
	}
	if opt := e.chosenOption(a, st.Text); opt != "" && !e.negates(st.Text) {
		// "should they authenticate with an IAM user ARN or an IAM role
		// ARN?": the option the line states answers, not "yes"
		c.result = &Result{Intent: "choice", Answers: []Answer{{Name: opt, Kind: string(graph.KindConcept), Detail: st.Text, Sources: []string{st.Source}}}}
		c.reading = fmt.Sprintf("the option the best-matching line states (%s)", st.Source)
	}
	c.links = e.statementLinks(a, i)
	return c
}

// opposedSenses returns the lexicon's pairs of opposite senses (see
// analysis.opposed) whose one side a question's text (lower-cased, word by
// word) holds and whose other it does not; the asked side first.
func (e *Engine) opposedSenses(text string) [][2][]string {
	q := strings.ToLower(text)
	var out [][2][]string
	for _, p := range e.lx.Antonyms() {
		switch a, b := holdsAnyWord(q, p[0]), holdsAnyWord(q, p[1]); {
		case a && !b:
			out = append(out, p)
		case b && !a:
			out = append(out, [2][]string{p[1], p[0]})
		}
	}
	return out
}

// oppositeStems maps the stem of each one-word side of a yes/no
// question's opposed senses to the stems of the other side's one-word
// opposites ("enabl" → "disabl"); nil when it asks none.
func (e *Engine) oppositeStems(a *analysis) map[string][]string {
	if len(a.opposed) == 0 {
		return nil
	}
	out := map[string][]string{}
	for _, op := range a.opposed {
		for _, w := range op[0] {
			if strings.Contains(w, " ") {
				continue
			}
			st := ingest.Stem(w)
			for _, o := range op[1] {
				if !strings.Contains(o, " ") && !containsStr(out[st], ingest.Stem(o)) {
					out[st] = append(out[st], ingest.Stem(o))
				}
			}
		}
	}
	return out
}

// opposes reports whether a line states the opposite of what a yes/no
// question asks: the clause of it that holds most of the question's terms
// holds the other side of one of its opposed senses and not the asked one
// ("These health checks are disabled by default" of "... but can be
// enabled", for "are ELB health checks turned on by default").
func (e *Engine) opposes(a *analysis, text string) bool {
	if len(a.opposed) == 0 {
		return false
	}
	best, bestN := "", -1
	for _, cl := range clauses(text) {
		n := 0
		stems := e.textStems(cl)
		for _, t := range a.terms {
			if t.in(stems) {
				n++
			}
		}
		if n > bestN {
			best, bestN = strings.ToLower(cl), n
		}
	}
	for _, op := range a.opposed {
		if holdsAnyWord(best, op[1]) && !holdsAnyWord(best, op[0]) {
			return true
		}
	}
	return false
}

// linesOppose reports whether a sentence of the lines at sources (each
// "file:line") states the opposite of what a yes/no question asks (see
// opposes): "Health checks provided by Elastic Load Balancing (ELB). These
// health checks are disabled by default ..." relates the two the question
// names, and its second sentence answers "turned on by default" no.
func (e *Engine) linesOppose(a *analysis, sources []string) bool {
	if len(a.opposed) == 0 {
		return false
	}
	for _, src := range sources {
		i, ok := e.ix.StatementAt(src)
		for ; ok && i < e.ix.NumStatements() && e.ix.StatementSource(i) == src; i++ {
			if e.opposes(a, e.ix.StatementText(i)) {
				return true
			}
		}
	}
	return false
}

// clauses splits a line at its sentence ends, semicolons and "but": the
// parts that can state opposite things ("disabled by default but can be
// enabled").
func clauses(text string) []string {
	parts := []string{text}
	for _, sep := range []string{". ", "; ", ", but ", " but ", " however "} {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	return parts
}

// holdsAnyWord reports whether a lower-case text holds one of words (each
// a word or a phrase) between word boundaries.
func holdsAnyWord(text string, words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return containsWord(text, w) })
}

// chosenOption returns the one of the two options a yes/no-shaped question
// closes with ("... an IAM user ARN or an IAM role ARN?") that a line
// writes, all its words, when it writes the other's not; "" when the
// question offers no such options or the line writes both or neither.
func (e *Engine) chosenOption(a *analysis, line string) string {
	q := strings.TrimRight(strings.TrimSpace(a.text), "?.! ")
	k := strings.LastIndex(q, " or ")
	if k < 0 {
		return ""
	}
	words := map[string]bool{}
	for _, w := range splitWords(line) {
		words[w.lower] = true
	}
	has := func(opt []string) bool {
		for _, w := range opt {
			if !words[strings.ToLower(strings.Trim(w, ",;:()"))] {
				return false
			}
		}
		return true
	}
	if l, r, ok := a.optionLinks(); ok {
		// "Kinesis Data Streams or Kinesis Firehose": the two things the
		// question names, each by all the words it names it with
		switch hl, hr := has(strings.Fields(l.text)), has(strings.Fields(r.text)); {
		case hl && !hr:
			return e.names[l.id].Name
		case hr && !hl:
			return e.names[r.id].Name
		}
		return ""
	}
	right := e.optionWords(strings.Fields(q[k+4:]))
	if len(right) == 0 || len(right) > maxOptionWords {
		return ""
	}
	before := strings.Fields(q[:k])
	if len(before) < len(right) {
		return ""
	}
	left := e.optionWords(before[len(before)-len(right):])
	if len(left) == 0 || strings.EqualFold(strings.Join(left, " "), strings.Join(right, " ")) {
		return ""
	}
	switch l, r := has(left), has(right); {
	case l && !r:
		return strings.Join(left, " ")
	case r && !l:
		return strings.Join(right, " ")
	}
	return ""
}

// maxOptionWords bounds the words of an option a question closes with.
const maxOptionWords = 4

// optionWords drops the determiners an option opens with ("an IAM role
// ARN" → IAM role ARN).
func (e *Engine) optionWords(ws []string) []string {
	for len(ws) > 0 && e.lx.QuestionSurface("determiner", strings.ToLower(ws[0])) {
		ws = ws[1:]
	}
	return ws
}

// namingHits returns the statements that name at least two of the
// entities a question names by name, with the share of the question's
// words each holds, in statement order: "logs > subscription filter >
// lambda (cannot cross account, ...)" decides a question that is mostly
// names, whose words alone find other lines. Nil for a question naming
// fewer than two.
func (e *Engine) namingHits(a *analysis) []hit {
	ids := a.strongLinkIDs()
	if len(ids) < 2 {
		return nil
	}
	// each entity with the services it is a namesake feature of (a line
	// on Amazon ECS names what "ECS task definition" names)
	groups := make([][]string, len(ids))
	for k, id := range ids {
		groups[k] = a.withNamesakes([]string{id})
	}
	count := map[int32]int{}
	for _, g := range groups {
		seen := map[int32]bool{}
		for _, id := range g {
			for _, j := range e.ix.StatementsAbout(id) {
				if !seen[j] {
					seen[j] = true
					count[j]++
				}
			}
		}
	}
	// and the entities its heading path names: "CodeDeploy Agent is not
	// required" under "Deploy to ECS"
	for j, n := range count {
		for _, g := range groups {
			held := slices.ContainsFunc(g, func(m string) bool { return e.ix.StatementNames(int(j), m) || e.ix.StatementSubject(int(j)) == m })
			if !held && slices.ContainsFunc(e.sectionNamesOf(int(j)), func(id string) bool { return containsStr(g, id) }) {
				n++
			}
		}
		count[j] = n
	}
	total := 0.0
	for _, t := range a.terms {
		total += t.weight
	}
	var out []hit
	for j, n := range count {
		if n < 2 {
			continue
		}
		got := 0.0
		terms := e.ix.StatementTerms(int(j))
		for _, t := range a.terms {
			// a term, or at search's discount a synonym of it ("NOT a
			// destination: DynamoDB, RDS, SQS" for "can Firehose deliver
			// ... into DynamoDB")
			if t.inWord(terms) {
				got += t.weight
			} else if slices.ContainsFunc(e.lx.Synonyms(t.stem), func(s string) bool { return containsStr(terms, s) }) {
				got += t.weight * synonymWeight
			}
		}
		h := hit{i: int(j)}
		if total > 0 {
			h.cov = got / total
		}
		out = append(out, h)
	}
	slices.SortFunc(out, func(x, y hit) int { return x.i - y.i })
	return out
}

// verdictCoverage is the share of a yes/no question a line holds: its
// words' weight, and each entity the question names by name that the line
// is about or names, weighed as a word of the entity's rarity ("can a
// CloudWatch Logs subscription filter with a Lambda destination deliver to
// another account" is mostly names).
func (e *Engine) verdictCoverage(a *analysis, h hit) float64 {
	total := 0.0
	for _, t := range a.terms {
		total += t.weight
	}
	got := h.cov * total
	for _, id := range a.strongLinkIDs() {
		w := linkIDFMean * e.linkRarity(id)
		total += w
		if e.holdsLink(a, h.i, id) {
			got += w
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// heldWeight is what a yes/no line earns, over its coverage, for holding
// all the entities the question names (in itself or its heading path).
const heldWeight = 0.3

// heldLinks counts the entities the question names by name that statement
// i is about, names, or sits under a heading naming, itself or a service
// it is a namesake feature of (a line under "Deploy to ECS" holds "ECS
// task definition").
func (e *Engine) heldLinks(a *analysis, i int) int {
	n := 0
	for _, id := range a.strongLinkIDs() {
		if e.holdsLink(a, i, id) || e.holdsOpposite(a, i, id) {
			n++
		}
	}
	return n
}

// holdsLink reports whether statement i holds entity id (see holds) or a
// service id is a namesake feature of (a.namesakes).
func (e *Engine) holdsLink(a *analysis, i int, id string) bool {
	return e.holds(i, id) || slices.ContainsFunc(a.namesakes[id], func(p string) bool { return e.holds(i, p) })
}

// linkNamesakes sets a.namesakes: for each entity the question names by
// name, the services it is a namesake feature of, less those the question
// names itself: "Will a CloudFormation change set warn me that my stack
// update ..." names CloudFormation, so a line about CloudFormation holds
// that link already and does not hold "stack update" too.
func (e *Engine) linkNamesakes(ctx context.Context, a *analysis) {
	a.namesakes = nil
	ids := a.linkIDs()
	for _, id := range a.strongLinkIDs() {
		if ps := e.namesakeParents(ctx, id, ids); len(ps) > 0 {
			if a.namesakes == nil {
				a.namesakes = map[string][]string{}
			}
			a.namesakes[id] = ps
		}
	}
}

// opposesLink reports whether statement i states the opposite side of a
// sense the question names one of ids by (see holdsOpposite).
func (e *Engine) opposesLink(a *analysis, i int, ids []string) bool {
	return slices.ContainsFunc(ids, func(id string) bool { return e.holdsOpposite(a, i, id) })
}

// holdsOpposite reports whether statement i states the opposite side of a
// sense the question names entity id by: "Store must be in the same region
// as pipeline" speaks to "... in a different region" (Multi-region), the
// other way round (lexicon antonyms).
func (e *Engine) holdsOpposite(a *analysis, i int, id string) bool {
	if len(a.opposed) == 0 {
		return false
	}
	text := ""
	for _, l := range a.links {
		if l.id != id {
			continue
		}
		for _, op := range a.opposed {
			if !containsStr(op[0], strings.ToLower(l.text)) {
				continue // the name is the sense itself, not a word of it ("another" of "another account")
			}
			if text == "" {
				text = strings.ToLower(e.ix.StatementText(i))
			}
			if holdsAnyWord(text, op[1]) {
				return true
			}
		}
	}
	return false
}

// holds reports whether statement i is about entity id, names it, or sits
// under a heading naming it.
func (e *Engine) holds(i int, id string) bool {
	st := e.ix.Statement(i)
	return st.Subject == id || containsStr(st.Mentions, id) || containsStr(e.sectionNamesOf(i), id)
}

// statementLinks counts the entities the question names by name that
// statement i holds (see holds), or that the statements around it in its
// section are about.
func (e *Engine) statementLinks(a *analysis, i int) int {
	n := 0
	var around []string
	for _, id := range a.strongLinkIDs() {
		if e.holds(i, id) {
			n++
			continue
		}
		if around == nil {
			around = e.sectionSubjects(i)
		}
		if containsStr(around, id) {
			n++ // "SSM SecureString is not supported" among CloudFormation's lines under "Template"
		}
	}
	return n
}

// sectionReach bounds how far sectionSubjects looks on each side.
const sectionReach = 12

// sectionSubjects returns the subjects of the statements near statement i
// in its section and note: what a section whose heading names nothing
// ("Template") is about.
func (e *Engine) sectionSubjects(i int) []string {
	out := []string{}
	for j := i - sectionReach; j <= i+sectionReach; j++ {
		if j == i || !e.sameSection(i, j) {
			continue
		}
		if s := e.ix.StatementSubject(j); s != "" && !containsStr(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// noteOf returns the note a source ("file:line") cites; the file part may
// hold colons of its own (a Windows drive).
func noteOf(source string) string {
	if i := strings.LastIndex(source, ":"); i >= 0 {
		return source[:i]
	}
	return source
}

// caveatShare is how much of the best line's match a line that denies must
// have to answer a yes/no question in its place.
const caveatShare = 0.7

// caveatOf returns the statement a yes/no question's verdict stands on: the
// line that matches it best (best), unless a line of the same note among
// the lines ranked after it (after), no sentence before it on its own line,
// denies or
// restricts it and matches nearly as well, or follows the best line in its
// section and shares a word of the question with it. Notes state the
// rule, then its exception ("Weighted aliases split traffic between two versions" /
// "$LATEST can't be used in a weighted alias"); a question about the
// exception matches both.
func (e *Engine) caveatOf(a *analysis, best hit, after []hit) int {
	if t := e.ix.Statement(best.i).Text; e.deniesFor(a, t) || e.opposes(a, t) {
		return best.i
	}
	file := noteOf(e.ix.StatementSource(best.i))
	for _, h := range after {
		// (a sentence before the best one on its own note line is its
		// premise, no exception to it: "The ALB has no static IP address.
		// If clients need fixed IPs, put an NLB in front of it")
		premise := h.i < best.i && e.ix.StatementSource(h.i) == e.ix.StatementSource(best.i)
		if t := e.ix.Statement(h.i).Text; noteOf(e.ix.StatementSource(h.i)) == file && !premise && h.cov >= caveatShare*best.cov && !opensList(t) && e.deniesFor(a, t) {
			return h.i
		}
	}
	for j := best.i + 1; j <= best.i+2; j++ {
		if !e.sameSection(best.i, j) {
			break
		}
		// the next lines qualify it when they themselves hold a word of the
		// question the line does not: "Do not affect service-linked roles"
		// under "SCPs" shares only its heading with "do SCPs restrict the
		// root user in a member account?", and "do not affect the
		// management account" only the "account" the line before, which
		// answers it, holds too
		// (a sentence of the best line's own note line qualifies it when
		// it holds any: "You can't create a CNAME record for example.com")
		t := e.ix.Statement(j).Text
		if opensList(t) {
			break // "does not apply to:" heads the lines after it, not the line before
		}
		sameLine := e.ix.StatementSource(j) == e.ix.StatementSource(best.i)
		var held []string
		if !sameLine {
			held = e.textStems(e.ix.Statement(best.i).Text)
		}
		if e.deniesFor(a, t) && (sharesNewTerm(a, e.textStems(t), held) || sameLine && e.deniesAsked(a, t)) {
			return j
		}
	}
	return best.i
}

// otherMeans reports whether a line opens with a purpose and names the
// means to it ("To block changes use SCPs / IAM"), none of which is a thing
// the question names, while it names none of those either: asked whether
// AWS Config blocks changes, the line says something else does.
func (e *Engine) otherMeans(a *analysis, st graph.Statement) bool {
	lower := strings.ToLower(strings.TrimSpace(st.Text))
	if !slices.ContainsFunc(e.lx.PurposeOpeners(), func(p string) bool { return strings.HasPrefix(lower, p+" ") }) {
		return false
	}
	if _, means, ok := strings.Cut(st.Text, ", "); ok && e.lx.HasQuestionPhrase("instead", means) {
		// "To stop someone deleting the whole stack, enable termination
		// protection instead": a means the line sets against another,
		// when it names none of the things the question asks of
		ms := e.textStems(means)
		return !slices.ContainsFunc(a.words, func(w qword) bool { return w.linked >= 0 && !w.stop && containsStr(ms, w.stem) })
	}
	ids := a.strongLinkIDs()
	if len(ids) == 0 || len(st.Mentions) == 0 {
		return false
	}
	for _, m := range st.Mentions {
		if containsStr(ids, m) {
			return false
		}
	}
	return true
}

// opensList reports whether a line is a label that heads the lines after
// it ("does not apply to:"): what it says is said of them.
func opensList(text string) bool {
	return strings.HasSuffix(strings.TrimSpace(text), ":")
}

// deniesFor reports whether a line says no to a yes/no question: it
// denies or restricts what it states, or bounds an amount below what the
// question asks for (see exceedsBound).
func (e *Engine) deniesFor(a *analysis, text string) bool {
	return e.denies(text) || e.exceedsBound(a, text)
}

// deniesQuestion reports whether a line has a clause that denies what a
// question that denies nothing asks, in the question's own words (see
// deniesAsked): "no charge for inter-AZ data" for "... charge for inter-AZ
// data when you turn it on?".
func (e *Engine) deniesQuestion(a *analysis, text string) bool {
	if a.negated {
		return false
	}
	for _, cl := range clauses(text) {
		if e.denies(cl) && e.deniesAsked(a, cl) {
			return true
		}
	}
	return false
}

// deniesWithQuestion reports whether every denial of a line denies what
// the question denies too, in its words: "... retry individual failed
// stages ... without re-running the full pipeline" for "can CodePipeline
// retry only the failed stage without rerunning the whole pipeline?"
// states what the question asks; it denies nothing of it. Each denial's
// scope is the words after its negating word to the end of its clause;
// it must share a content word with the question's own denied words and
// hold no other word of the question. False when the line restricts
// ("only"), and when the question denies nothing or is read as negated
// (its verdict is turned round instead: see verdictCandidate).
func (e *Engine) deniesWithQuestion(a *analysis, text string) bool {
	asked := negatedScopes(e.lx, a.text)
	if a.negated || len(asked) == 0 || e.restricts(text) {
		return false // (a negated question's verdict turns round on a line that denies as it does)
	}
	var deniedAsked []string
	for _, sc := range asked {
		deniedAsked = append(deniedAsked, sc...)
	}
	questionStems := negatedScopeStems(e.lx, a.text)
	scopes := negatedScopes(e.lx, text)
	if len(scopes) == 0 {
		return false
	}
	for _, sc := range scopes {
		shared := false
		for _, st := range sc {
			switch {
			case containsStr(deniedAsked, st):
				shared = true
			case containsStr(questionStems, st):
				return false // the line denies a word the question asserts
			}
		}
		if !shared {
			return false
		}
	}
	return true
}

// negatedScopes returns, for each word of text that denies ("not",
// "without", "no"; see Lexicon.Negates), the stems of the content words
// after it to the end of its clause (see scopeWords).
func negatedScopes(lx *ingest.Lexicon, text string) [][]string {
	var out [][]string
	for _, cl := range clauses(text) {
		ws := scopeWords(cl)
		for i, w := range ws {
			if !lx.Negates(w) {
				continue
			}
			if sc := contentStems(lx, ws[i+1:]); len(sc) > 0 {
				out = append(out, sc)
			}
		}
	}
	return out
}

// negatedScopeStems returns the stems of every content word of a text, as
// negatedScopes reads them.
func negatedScopeStems(lx *ingest.Lexicon, text string) []string {
	return contentStems(lx, scopeWords(text))
}

// scopeWords returns a text's words in lower case, a hyphenated word read
// as one ("re-running" as "rerunning").
func scopeWords(text string) []string {
	ws := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	})
	out := ws[:0]
	for _, w := range ws {
		if w = strings.ReplaceAll(strings.Trim(w, "-'"), "-", ""); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// contentStems returns the stems of words that are neither function
// words nor negations.
func contentStems(lx *ingest.Lexicon, words []string) []string {
	var out []string
	for _, w := range words {
		if !lx.IsStop(w) && !lx.Negates(w) {
			out = append(out, ingest.Stem(w))
		}
	}
	return out
}

// deniesAsked reports whether a clause that denies (the clause after the
// best line's on its note line: "Linux or Windows, but not both") denies
// nothing but words the question itself uses, function words too ("both"
// for "can an instance be both Linux and Windows?"): it qualifies what the
// question asks, not something else ("but not SQS").
func (e *Engine) deniesAsked(a *analysis, text string) bool {
	asked := 0
	for _, w := range splitWords(text) {
		switch {
		case e.lx.Negates(w.lower) || e.lx.IsStop(w.lower) && !slices.ContainsFunc(a.words, func(q qword) bool { return q.lower == w.lower }):
			// the denial itself, a conjunction or article
		case slices.ContainsFunc(a.words, func(q qword) bool { return q.lower == w.lower }):
			asked++
		default:
			return false
		}
	}
	return asked > 0
}

// amount is a number a text gives: a quantity with a dimension
// (normalised, see ingest.Quantity) or a count of a thing (dim "count",
// noun the stem of the word after the number; "" when the text says only
// "more than one", as "both" does).
type amount struct {
	value float64
	dim   string
	noun  string
	many  bool // read from a word that says "more than one" ("both", "multiple")
}

// upperBounds returns the amounts a line bounds from above: the number
// after one of the lexicon's upper_bound phrases ("at most one external
// connection", "max 2 subscription filters per log group", "up to 15
// minutes"), or one of the thing after an at_most_one phrase ("a single
// account").
func (e *Engine) upperBounds(text string) []amount {
	ws := splitWords(text)
	var out []amount
	for i := 0; i < len(ws); i++ {
		if n := e.phraseAt(ws, i, "at_most_one"); n > 0 {
			// "a single account": one of the thing after it
			out = append(out, e.amountAt(text, ws, i+n-1, 1))
			i += n - 1
			continue
		}
		n := e.phraseAt(ws, i, "upper_bound")
		if n == 0 {
			continue
		}
		// the number right after it, or after one word more ("can only
		// have one source stage")
		for at := i + n; at < min(len(ws), i+n+2); at++ {
			if v, ok := ingest.NumberWord(ws[at].lower); ok {
				out = append(out, e.amountAt(text, ws, at, v))
				break
			}
		}
		i += n - 1
	}
	return out
}

// askedAmounts returns the amounts a question asks about: its numbers (a
// quantity, or a count of the word after the number) and "more than one"
// for a phrase of the lexicon's "more_than_one" group ("both npmjs and
// PyPI").
func (e *Engine) askedAmounts(text string) []amount {
	ws := splitWords(text)
	var out []amount
	for i := 0; i < len(ws); i++ {
		if n := e.phraseAt(ws, i, "more_than_one"); n > 0 {
			out = append(out, amount{value: 2, dim: "count", many: true})
			i += n - 1
			continue
		}
		if v, ok := ingest.NumberWord(ws[i].lower); ok {
			out = append(out, e.amountAt(text, ws, i, v))
		}
	}
	return out
}

// phraseAt returns how many words of ws, from i, one of a lexicon
// group's phrases covers; 0 when none starts there.
func (e *Engine) phraseAt(ws []qword, i int, group string) int {
	for _, pw := range e.lx.QuestionPhrases(group) {
		if i+len(pw) > len(ws) {
			continue
		}
		ok := true
		for k, w := range pw {
			if ws[i+k].lower != w {
				ok = false
				break
			}
		}
		if ok {
			return len(pw)
		}
	}
	return 0
}

// amountAt reads the amount whose number is ws[at] (value v): a quantity
// when the words from it make one with a unit, else a count of the next
// content word.
func (e *Engine) amountAt(text string, ws []qword, at int, v float64) amount {
	if qs := ingest.Quantities(text[ws[at].start:]); len(qs) > 0 && qs[0].Start == 0 && qs[0].Dimension != "count" && qs[0].Dimension != "number" {
		return amount{value: qs[0].Value, dim: qs[0].Dimension}
	}
	for k := at + 1; k < len(ws); k++ {
		if !e.lx.IsStop(ws[k].lower) {
			return amount{value: v, dim: "count", noun: ingest.Stem(ws[k].lower)}
		}
	}
	return amount{value: v, dim: "count"}
}

// boundsAsked reports whether a line bounds from above an amount a yes/no
// question asks about (see exceedsBound): it decides the question whether
// or not the amount exceeds the bound.
func (e *Engine) boundsAsked(a *analysis, line string) bool {
	bounded, _ := e.boundOf(a, line)
	return bounded
}

// exceedsBound reports whether a yes/no question asks for more than its
// line allows: an amount of the question above an upper bound of the line
// of the same dimension (a count of a thing the line names; "both" or
// "multiple" is more than one of whatever the bound counts): "can one repository have
// external connections to both npmjs and PyPI?" against "a repository can
// have at most one external connection".
func (e *Engine) exceedsBound(a *analysis, line string) bool {
	_, exceeds := e.boundOf(a, line)
	return exceeds
}

// boundOf reports whether an upper bound of a line bounds an amount the
// question asks about (same dimension; for a count, the thing the question
// counts is the bound's or a word of the line), and whether that amount
// exceeds it.
func (e *Engine) boundOf(a *analysis, line string) (bounded, exceeds bool) {
	bounds := e.upperBounds(line)
	if len(bounds) == 0 {
		return false, false
	}
	// a line that says "multiple" itself bounds something else: "logs
	// from multiple accounts ... into one bucket in a single account"
	lineMany := slices.ContainsFunc(e.askedAmounts(line), func(x amount) bool { return x.many })
	var stems []string // the line's words, read once a count needs them
	for _, q := range e.askedAmounts(a.text) {
		for _, b := range bounds {
			if q.dim != b.dim || q.many && lineMany {
				continue
			}
			same := q.dim != "count" || q.noun == "" || q.noun == b.noun
			if !same {
				if stems == nil {
					stems = e.textStems(line)
				}
				same = containsStr(stems, q.noun) // "at most 2 per log group" of "3 subscription filters"
			}
			if !same {
				continue
			}
			bounded = true
			if q.value > b.value {
				return true, true
			}
		}
	}
	return bounded, false
}

// sharesNewTerm reports whether terms hold a content word of the question
// (one rarer than the relational function words: weight 1 or more) that
// held does not.
func sharesNewTerm(a *analysis, terms, held []string) bool {
	for _, t := range a.terms {
		if t.weight >= 1 && t.in(terms) && !t.in(held) {
			return true
		}
	}
	return false
}

// denies reports whether a text holds a word that denies or restricts
// ("not", "cannot", "no", "only", "without").
func (e *Engine) denies(text string) bool {
	return e.negates(text) || e.restricts(text)
}

// negates reports whether a text holds a word that denies ("not",
// "cannot", "no", "without"); "only" restricts, it does not deny ("Kinesis
// Data Streams are the only option" chooses it).
func (e *Engine) negates(text string) bool {
	for _, w := range splitWords(text) {
		if e.lx.Negates(w.lower) {
			return true
		}
	}
	return false
}

// restricts reports whether a text restricts what it states ("only",
// "exclusively").
func (e *Engine) restricts(text string) bool {
	for _, w := range splitWords(text) {
		if e.lx.IsExclusive(w.lower) {
			return true
		}
	}
	return false
}

// aliasCandidates read "red/black deployment is another name for what",
// "what is CloudWatch Events called now": a question that asks for a name
// (a word of the lexicon's alias group) and names an entity by another
// name than its own is answered by the entity, on the best-matching note
// line that writes the name it gave. None when no such line is found.
func (e *Engine) aliasCandidates(a *analysis) []*candidate {
	var ask []string
	for _, w := range a.words {
		if w.linked < 0 && e.lx.QuestionSurface("alias", w.lower) {
			ask = append(ask, w.stem)
		}
	}
	if len(ask) == 0 {
		return nil
	}
	var out []*candidate
	for _, l := range a.links {
		if l.how != linkName {
			continue
		}
		name := e.names[l.id].Name
		if strings.Contains(lettersOf(name), lettersOf(l.text)) {
			// the entity's own name: its other names a line writes beside
			// it answer ("blue/green deployment also known as?")
			if c := e.otherNameCandidate(a, l, ask); c != nil {
				out = append(out, c)
			}
			continue
		}
		// the best-matching lines, then the lines about the entity, that
		// write the name
		lines := make([]int, 0, len(a.hits))
		for _, h := range a.hits {
			lines = append(lines, h.i)
		}
		for _, i := range e.ix.StatementsAbout(l.id) {
			lines = append(lines, int(i))
		}
		// a line that writes both names says they are one ("Blue/Green
		// Deployment (aka Red/Black)"); else one that writes the name given
		pick := -1
		for _, i := range lines {
			t := strings.ToLower(e.ix.Statement(i).Text)
			if !strings.Contains(t, strings.ToLower(l.text)) {
				continue
			}
			if pick < 0 {
				pick = i
			}
			if e.writesName(t, l.id) {
				pick = i
				break
			}
		}
		if pick < 0 {
			continue
		}
		st := e.ix.Statement(pick)
		ans := e.answer(l.id)
		ans.Detail, ans.Sources = st.Text, []string{st.Source}
		c := &candidate{typ: candAlias, anchor: l.id, ends: []string{l.id}, links: 1, prior: 1,
			rel: ask, names: e.nameStems(l.id), ctx: st.Terms, result: &Result{Intent: string(candAlias), Answers: []Answer{ans}}}
		c.reading = fmt.Sprintf("the entity %q names: %s (%s)", l.text, name, st.Source)
		out = append(out, c)
	}
	return out
}

// otherNameCandidate answers a question for another name of the entity
// of link l, which the question names by its own: the alias of the entity
// (other letters than its name's, not a spelling of it) that a line among
// the best-matching ones and those about the entity writes beside the
// name the question gave: "Blue/Green Deployment (aka Red/Black)". nil
// when no line writes one.
func (e *Engine) otherNameCandidate(a *analysis, l link, ask []string) *candidate {
	n := e.names[l.id]
	own := lettersOf(n.Name)
	given := lettersOf(l.text)
	lines := make([]int, 0, len(a.hits))
	for _, h := range a.hits {
		lines = append(lines, h.i)
	}
	for _, i := range e.ix.StatementsAbout(l.id) {
		lines = append(lines, int(i))
	}
	for _, i := range lines {
		st := e.ix.Statement(i)
		t := strings.ToLower(st.Text)
		if !strings.Contains(lettersOf(t), given) {
			continue
		}
		for _, al := range n.Aliases {
			if lw := lettersOf(al); lw == own || lw == given || strings.Contains(own, lw) {
				continue // a spelling of the name itself
			}
			k := strings.Index(t, strings.ToLower(al))
			if k < 0 || k > 0 && isWordByte(t[k-1]) || k+len(al) < len(t) && isWordByte(t[k+len(al)]) {
				continue
			}
			written := st.Text[k : k+len(al)]
			c := &candidate{typ: candAlias, anchor: l.id, ends: []string{l.id}, links: 1, prior: 1,
				rel: ask, names: e.nameStems(l.id), ctx: st.Terms,
				result: &Result{Intent: string(candAlias), Answers: []Answer{{Name: written, Kind: string(graph.KindConcept), Detail: st.Text, Sources: []string{st.Source}}}}}
			c.reading = fmt.Sprintf("another name of %s: %s (%s)", n.Name, written, st.Source)
			return c
		}
	}
	return nil
}

// lettersOf returns the lower-case letters and digits of s: "Red/Black" →
// "redblack".
func lettersOf(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writesName reports whether a lower-cased text writes an entity's name,
// or its name without a leading "AWS"/"Amazon".
func (e *Engine) writesName(t, id string) bool {
	return strings.Contains(t, strings.ToLower(shortName(e.names[id].Name)))
}

// maxAnswerGap is how many lines after a question a note's answer to it
// may start: a flashcard's "a:" on the next line, a reply after a blank
// line or a second question.
const maxAnswerGap = 3

// answerOf returns the statement a note answers statement i with when i
// asks a question (its text ends with "?"): the first statement after it
// in the same note that asks nothing, when it starts within maxAnswerGap
// lines of the question before it. Flashcards ("q: Does EC2 publish memory
// utilization by default?" / "a: No. ..."), FAQs, a reply under a quoted
// question ("> Which ones?") and a trap list's "which DBs ...? => RDS,
// Aurora" all answer this way. ok is false when i asks nothing or no
// answer follows.
func (e *Engine) answerOf(i int) (int, bool) {
	if !ingest.Asks(e.ix.StatementText(i)) {
		return 0, false
	}
	file, line, ok := splitSource(e.ix.StatementSource(i))
	if !ok {
		return 0, false
	}
	for j := i + 1; j < e.ix.NumStatements(); j++ {
		f, l, ok := splitSource(e.ix.StatementSource(j))
		if !ok || f != file || l < line || l-line > maxAnswerGap {
			return 0, false
		}
		if !ingest.Asks(e.ix.StatementText(j)) {
			return j, true
		}
		line = l
	}
	return 0, false
}

// splitSource splits a statement's source "file:N" into its file and line.
func splitSource(src string) (string, int, bool) {
	k := strings.LastIndexByte(src, ':')
	if k < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(src[k+1:])
	if err != nil {
		return "", 0, false
	}
	return src[:k], n, true
}

// excludesAsked reports whether statement i restricts ("only", "exclusively")
// to another thing of a kind the question asks about: "Only works for
// Blue/Green deployments" under "Deploy to ECS" for "can CodeDeploy do an
// in-place deployment to an ECS service?" names a strategy, and not the
// one the question names, and is about a thing the question names (its
// subject). Such a line decides the question (no), as a line that bounds
// what it asks does.
func (e *Engine) excludesAsked(a *analysis, i int) bool {
	if !e.restricts(e.ix.StatementText(i)) {
		return false
	}
	st := e.ix.Statement(i)
	asked := a.withNamesakes(a.strongLinkIDs())
	if !containsStr(asked, st.Subject) {
		return false // "Only works for Blue/Green" under ECS says nothing of Lambda
	}
	for _, m := range st.Mentions {
		if containsStr(asked, m) {
			continue
		}
		k := e.names[m].Kind
		if k != graph.KindStrategy && k != graph.KindCapability {
			continue // a line names services for many reasons; a strategy or capability it restricts to is its point
		}
		for _, id := range asked {
			if e.names[id].Kind == k && !slices.Contains(st.Mentions, id) {
				return true
			}
		}
	}
	return false
}

// evidenceAnswers reads the answers of statement i, the line that hit h
// matched (or the answer or sentence it stands for): the things it names
// that the question does not (ends, their IDs), its quantities for a value
// question, the phrase of the kind asked for, or the list it heads or holds
// (head and items, each item's source; headAnswer when the head answers).
func (e *Engine) evidenceAnswers(ctx context.Context, a *analysis, i int, h hit, ids, counted []string, bare bool) (ends []string, answers []Answer, head string, items, srcs []string, headAnswer bool) {
	st := e.ix.Statement(i)
	ends = e.evidenceEnds(ctx, a, st, ids)
	for _, id := range ends {
		ans := e.answer(id)
		ans.Detail = st.Text
		ans.Sources = []string{st.Source}
		answers = append(answers, ans)
	}
	if len(ends) == 0 && containsKind(a.wants, graph.KindValue) {
		// "(min 72 hours)" in a line no relation reads: the line's
		// quantities answer a question that asks for values
		qs := ingest.Quantities(st.Text)
		if bare {
			qs = ingest.Numbers(st.Text)
		} else {
			// "up to 5 CloudWatch alarms" for "how many alarms": a
			// number the question's counted noun follows counts it
			qs = append(countsOf(counted, st.Text), qs...)
		}
		for _, q := range qs {
			answers = append(answers, Answer{Name: countName(a, q), Kind: string(graph.KindValue), Detail: st.Text, Sources: []string{st.Source}})
		}
	}
	if len(answers) == 0 {
		if p := e.kindPhrase(a, st.Text); p != "" {
			// "a multi-user rotation strategy is used where ..." for
			// "what rotation approach keeps the app up": the phrase
			// of the line headed by a word of the kind asked for
			answers = append(answers, Answer{Name: p, Kind: string(graph.KindConcept), Detail: st.Text, Sources: []string{st.Source}})
		}
	}
	if v := leadingValue(st.Text); v != "" && len(answers) == 0 && a.wantsOnly(graph.KindValue) {
		// "1000 – Asia Pacific (Tokyo), Europe (Frankfurt)": the value
		// the line gives for what its dashed list names
		answers = append(answers, Answer{Name: v, Kind: string(graph.KindValue), Detail: st.Text, Sources: []string{st.Source}})
	}
	head, items, srcs = e.lineList(a, i, len(answers) > 0)
	if len(answers) == 0 && !bare && a.wantsOnly(graph.KindValue) && len(ingest.Numbers(st.Text)) > 0 && !slices.ContainsFunc(items, func(it string) bool { return len(ingest.Numbers(it)) > 0 }) {
		// "If you define ... using a JSON file, the default runOrder
		// value for an action is 1": a number answers a value
		// question, not the names listed around it (the pass that
		// reads bare numbers takes the line)
		return nil, nil, "", nil, nil, false
	}
	if len(items) > len(answers) && !(len(answers) > 0 && containsKind(a.wants, graph.KindValue)) {
		// "pool states: Stopped, Running, Hibernated": a list no
		// relation reads (its head names no entity) answers with its
		// items
		answers = answers[:0]
		var named []string
		for k, it := range items {
			answers = append(answers, Answer{Name: it, Kind: string(graph.KindConcept), Detail: st.Text, Sources: []string{srcs[k]}})
			if id, ok := e.dict.Exact(it); ok {
				named = append(named, id)
			}
		}
		// the items the dictionary names, when it names most, give
		// the answers of a line about what the question names their
		// kind ("API Gateway, ALB, Cognito" after a line on Lambda)
		ends = nil
		if 2*len(named) >= len(items) && (len(ids) == 0 || e.lineAbout(h.i, ids)) {
			ends = named
		}
		if e.itemsQualifyHead(a, head, items) {
			// "Aurora Global Database: RPO typically ~1 second, RTO
			// under 1 minute" for "which database option gives about
			// 1 second RPO and RTO under a minute?": the items hold
			// what the question asks of its answer, the head names it
			answers = []Answer{{Name: head, Kind: string(graph.KindConcept), Detail: st.Text, Sources: []string{st.Source}}}
			ends, headAnswer = nil, true
			if id, ok := e.dict.Exact(head); ok {
				ends = []string{id}
				answers[0] = e.answer(id)
				answers[0].Detail, answers[0].Sources = st.Text, []string{st.Source}
			}
		}
	}
	return ends, answers, head, items, srcs, headAnswer
}

// focusValueCandidate reads "what port does the X-Ray daemon listen on":
// a question whose wh-phrase asks for a singular noun that names no kind
// of node ("port", "prefix", "version") is answered by the value a note line
// writes right after that noun ("daemon listens on UDP port 2000", "daemon
// port: UDP 2000"): the noun with its value, and the acronym before the
// noun that qualifies it. Of the lines that write one, the one that holds
// most of the question (and of the entities it names, one at least when
// it names any) answers; a terse
// query of a few words and no wh-word ("xray daemon port") asks for the
// noun it ends with. nil when the question asks for no such noun or no
// line writes it with a value.
func (e *Engine) focusValueCandidate(a *analysis) *candidate {
	if a.focusKind != "" || a.yesno {
		return nil
	}
	noun := ""
	if len(a.focus) > 0 {
		noun = a.focus[len(a.focus)-1]
	} else if n := len(a.words); n > 0 && n <= maxTerseWords && !slices.ContainsFunc(a.words, func(w qword) bool { return e.lx.QuestionSurface("wh", w.lower) }) {
		// a terse query ("xray daemon port") asks for the noun it ends with
		if w := a.words[n-1]; !w.stop && w.linked < 0 {
			noun = w.stem
		}
	}
	if noun == "" {
		return nil
	}
	// the noun as the question writes it: a plural ("which states")
	// asks for several things, not for a value
	if k := slices.IndexFunc(a.words, func(w qword) bool { return w.stem == noun }); k < 0 || ingest.PluralNoun(a.words[k].lower) {
		return nil
	}
	if len(e.lx.Kinds(noun)) > 0 || e.lx.IsStop(noun) || e.lx.QuestionWord("generic", noun) {
		return nil // "which services", "what options": a kind or shape, not a noun of a value
	}
	ids := a.linkIDs()
	stmts, _ := e.ix.StatementsWith(noun)
	best, bestScore, bestValue := -1, 0.0, ""
	for _, si := range stmts {
		st := e.ix.Statement(int(si))
		v := e.valueAfterNoun(st.Text, noun)
		if v == "" {
			continue
		}
		held := e.heldLinks(a, int(si))
		if len(ids) > 0 && held == 0 {
			continue // a line about none of what the question names ("max stacks per region 200")
		}
		score := overlap(a.terms, nil, st.Terms)
		if len(ids) > 0 {
			score += float64(held) / float64(len(ids))
		}
		if score > bestScore {
			best, bestScore, bestValue = int(si), score, v
		}
	}
	if best < 0 {
		return nil
	}
	return e.lineValues(a, best, bestScore, []string{bestValue}, "the "+asWritten(a, []string{noun})[0])
}

// maxTerseWords is the most words of a query with no wh-word that
// focusValueCandidate reads as asking for the noun it ends with.
const maxTerseWords = 5

// valueAfterNoun returns the value a text writes right after a noun
// (stem): "UDP port 2000" of "daemon listens on UDP port 2000", "port:
// UDP 2000" read as "UDP 2000"; a value opens with a digit, or is an
// acronym before a number, or a quantity with its unit ("timeout 900
// seconds" gives "900 seconds"). An upper-case acronym right before the
// noun ("UDP") is part of it. "" when the noun is followed by no value,
// or counts per it ("200 per region": the lexicon's distributive words).
func (e *Engine) valueAfterNoun(text, noun string) string {
	type word struct {
		raw, bare string
		end       int // byte offset after it
	}
	var ws []word
	for i := 0; i < len(text); {
		for i < len(text) && text[i] == ' ' {
			i++
		}
		j := i
		for j < len(text) && text[j] != ' ' {
			j++
		}
		if j > i {
			ws = append(ws, word{raw: text[i:j], bare: strings.Trim(text[i:j], valueTrim), end: j})
		}
		i = j
	}
	for i, w := range ws {
		if i+1 >= len(ws) || ingest.Stem(strings.ToLower(w.bare)) != noun {
			continue
		}
		if i > 0 && e.lx.QuestionSurface("distributive", strings.ToLower(ws[i-1].bare)) {
			continue // "200 per region": a count per unit, not the unit's value
		}
		// "timeout 900 seconds": a quantity with its unit is the value
		rest := strings.TrimLeft(text[w.end:], " ")
		if qs := ingest.Quantities(rest); len(qs) > 0 && qs[0].Start == 0 && qs[0].Dimension != "count" {
			return qs[0].Text
		}
		j := i + 1
		var val []string
		if isAcronym(ws[j].bare) && j+1 < len(ws) && startsWithDigit(ws[j+1].raw) {
			val = append(val, ws[j].bare)
			j++
		}
		if !startsWithDigit(ws[j].raw) {
			continue
		}
		val = append(val, ws[j].bare)
		if strings.HasSuffix(w.raw, ":") || strings.HasSuffix(w.raw, "=") {
			return strings.Join(val, " ") // "port: UDP 2000": the value alone
		}
		head := w.bare
		if i > 0 && isAcronym(ws[i-1].bare) {
			head = ws[i-1].bare + " " + head
		}
		return head + " " + strings.Join(val, " ")
	}
	return ""
}

// valueTrim is what valueAfterNoun trims off a word: punctuation and the
// marks of quotes and emphasis.
const valueTrim = ".,;:()'\"`*="

// isAcronym reports whether a word is an upper-case acronym of two to
// five letters ("UDP", "TCP", "ARN").
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 5 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// startsWithDigit reports whether a word opens with a digit.
func startsWithDigit(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}
