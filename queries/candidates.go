package queries

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// The second stage of answering: enumerate candidate readings of a question
// from the graph itself. Every candidate is data: where it starts, the
// relation it follows, the edges it stands on and the words that describe
// it. score.go scores them all with one function; answer.go shapes the best.

// candidateType is the shape of a reading.
type candidateType string

const (
	candRelation  candidateType = "relation"  // the ends of one relation of an entity
	candKind      candidateType = "kind"      // every node of a kind
	candPath      candidateType = "path"      // a chain from one entity to another
	candRank      candidateType = "rank"      // nodes ordered by a ranked column
	candCompare   candidateType = "compare"   // two entities side by side
	candYesNo     candidateType = "yes-no"    // whether the notes relate two things
	candDescribe  candidateType = "describe"  // everything about one entity
	candPredicate candidateType = "predicate" // the subjects of one relation, whatever its objects
	candEntity    candidateType = "entity"    // the entity the best-matching note lines are about
	candEvidence  candidateType = "evidence"  // the note lines that match best
	candAlias     candidateType = "alias"     // the entity a name the question gives stands for
)

// candidate is one reading of a question.
type candidate struct {
	typ     candidateType
	anchor  string // the node it starts from; "" for kind and evidence
	via     string // the feature or variant of the anchor it goes through
	pred    string // the relation followed; "" when several
	inverse bool   // the anchor is the relation's object; answers are subjects
	edges   []graph.Edge
	ends    []string // answer node IDs, in answer order
	ordered bool     // ends are in a meaningful order

	also []string // the question's other entities read by the same relation alongside anchor (see parallelCandidates)

	rel     []string   // stems that name the relation (lexicon words, verb phrase)
	ctx     []string   // stems of the via node's name and of lines about it
	vocab   []string   // the anchor's own world (see anchorVocab): sorted, shared, never appended to
	details [][]string // stems of each line's words about it (evidence), one list per detail
	names   []string   // stems of the answers' names

	result   *Result  // ready-made answers (path, rank, compare, yes/no, evidence)
	keep     []string // the ends the question's other entities constrain it to; nil when none
	narrowed bool     // the attribute constraint narrowed it (see constraints.go)
	denied   bool     // narrowed to the answers whose lines deny what a negated question asks (see lineConstraint)
	ledBy    string   // narrowed to the answers listed under a line that names this entity of the question (see leadConstraint)
	reading  string   // how the question was read, for the user
	prior    float64  // what the reading is worth before its words are matched
	feat     features // what the scoring function weighs (see score.go)
	score    float64
	links    int // how many of the question's links it accounts for

	deniedByRelation bool // a yes/no verdict whose relation is itself a denial ("noNotify")
}

// maxCandidateEnds bounds the answers of one candidate read for scoring.
const maxCandidateEnds = 400

// maxCandidateDetails bounds the lines of one candidate whose words are
// matched against the question (the first ones, in edge order).
const maxCandidateDetails = 200

// candidates enumerates the readings of an analysed question.
func (e *Engine) candidates(ctx context.Context, a *analysis) ([]*candidate, error) {
	var out []*candidate
	ids := a.linkIDs()
	for _, id := range a.anchorIDs() {
		cs, err := e.relationCandidates(ctx, a, id)
		if err != nil {
			return nil, err
		}
		out = append(out, cs...)
	}
	out = append(out, e.parallelCandidates(a, out)...)
	have := map[string]bool{}
	for _, c := range out {
		if c.typ == candRelation && !c.inverse && c.via == "" {
			have[c.anchor+"\x00"+c.pred] = true
		}
	}
	out = append(out, e.statementCandidates(ctx, a, have)...)
	out = append(out, e.kindCandidates(ctx, a)...)
	out = append(out, e.predicateCandidates(ctx, a)...)
	if c, err := e.pathCandidate(ctx, a); err != nil {
		return nil, err
	} else if c != nil {
		out = append(out, c)
	}
	out = append(out, e.rankCandidates(ctx, a)...)
	seq, err := e.sequenceCandidates(ctx, a)
	if err != nil {
		return nil, err
	}
	out = append(out, seq...)
	if c, err := e.compareCandidate(ctx, a); err != nil {
		return nil, err
	} else if c != nil {
		out = append(out, c)
	}
	if c := e.choiceCandidate(a); c != nil {
		out = append(out, c)
	}
	if c := e.optionChoiceCandidate(a); c != nil {
		out = append(out, c)
	}
	// a yes/no question: the relation the notes state between the two
	// things it names, and the line that matches it best; a relation that
	// denies it outweighs a line that does not ("CloudWatch alarms is NOT
	// an event source")
	yn := e.yesNoCandidate(ctx, a)
	if yn != nil {
		out = append(out, yn)
	}
	if yn == nil || yn.result.Intent != "yes-no" || yn.result.Answers[0].Name != "no" || yn.prior <= weakVerdictPrior && (yn.links < len(a.strongLinkIDs()) || !yn.deniedByRelation) {
		// (a relation that denies it only weakly, on lines that leave out
		// a thing the question names by name, lets the best line decide
		// as well: "SCPs aren't available ..." of SCPs and Organizations
		// for "do SCPs restrict the organization's management account";
		// so does a weak "no" a relation's lines give where the relation
		// itself denies nothing: "Can deliver trails from multiple
		// accounts into the same bucket" for "can trails from several
		// accounts go to one S3 bucket", against a line on S3's
		// cross-account access that speaks of a different account)
		if c := e.verdictCandidate(a); c != nil {
			out = append(out, c)
		}
	}
	if len(ids) > 0 {
		c, err := e.describeCandidate(ctx, a, e.mainLink(a))
		if err != nil {
			return nil, err
		}
		if c != nil {
			out = append(out, c)
		}
	}
	if c := e.evidenceCandidate(ctx, a); c != nil {
		out = append(out, c)
	}
	if c := e.countedCandidate(a); c != nil {
		out = append(out, c)
	}
	if c := e.focusValueCandidate(a); c != nil {
		out = append(out, c)
	}
	if c := e.verbArgCandidate(a); c != nil {
		out = append(out, c)
	}
	if c := e.meansCandidate(a); c != nil {
		out = append(out, c)
	}
	if c := e.requirementCandidate(a); c != nil {
		out = append(out, c)
	} else {
		// the lines that say what it needs, when no one line lists what a
		// capability of it takes
		nc, err := e.needsCandidate(ctx, a)
		if err != nil {
			return nil, err
		}
		if nc != nil {
			out = append(out, nc)
		}
	}
	kc, err := e.keyedValueCandidate(ctx, a)
	if err != nil {
		return nil, err
	}
	if kc != nil {
		out = append(out, kc)
	}
	if c := e.entityCandidate(ctx, a); c != nil {
		out = append(out, c)
	}
	if c := e.partCandidate(ctx, a); c != nil {
		out = append(out, c)
	}
	if c := e.namedAfterCandidate(a); c != nil {
		out = append(out, c)
	}
	if c := e.kindIdentifierCandidate(a); c != nil {
		out = append(out, c)
	}
	out = append(out, e.aliasCandidates(a)...)
	return out, nil
}

// parallelPrior is what a comparison's side-by-side reading is worth
// beyond its first thing's own.
const parallelPrior = 0.05

// parallelCandidates reads a comparison of things by one relation ("max
// value size: Parameter Store Standard vs Secrets Manager"): for each
// relation that two or more of the entities the question names have, the
// relation of each of them, their answers side by side (anchor first,
// the others in also). nil unless the question compares.
func (e *Engine) parallelCandidates(a *analysis, cs []*candidate) []*candidate {
	if !a.compare {
		return nil
	}
	strong := a.strongLinkIDs()
	if len(strong) < 2 {
		return nil
	}
	for _, id := range strong {
		if a.timesLinked(id) > 1 {
			// "CodeDeploy triggers vs CloudWatch alarms: which service do
			// CodeDeploy triggers push to?": named again, one side is asked
			return nil
		}
	}
	groups := map[string][]*candidate{}
	var keys []string
	for _, c := range cs {
		if c.typ != candRelation || c.via != "" || c.pred == "" || len(c.ends) == 0 || !containsStr(strong, c.anchor) {
			continue
		}
		k := c.pred + "\x00" + strconv.FormatBool(c.inverse)
		if slices.ContainsFunc(groups[k], func(o *candidate) bool { return o.anchor == c.anchor }) {
			continue
		}
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], c)
	}
	var out []*candidate
	for _, k := range keys {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		m := ownCopy(g[0])
		m.details = slices.Clone(g[0].details)
		m.names = slices.Clone(g[0].names)
		m.also = nil
		readings := []string{g[0].reading}
		for _, o := range g[1:] {
			m.also = append(m.also, o.anchor)
			m.edges = append(m.edges, o.edges...)
			for _, id := range o.ends {
				if !containsStr(m.ends, id) {
					m.ends = append(m.ends, id)
				}
			}
			m.details = append(m.details, o.details...)
			m.names = append(m.names, o.names...)
			readings = append(readings, o.reading)
		}
		m.reading = strings.Join(readings, "; ")
		m.prior += parallelPrior // it reads every thing compared, each alone reads one
		out = append(out, m)
	}
	return out
}

// namesakeParents returns the services that have feature id and whose
// name its name opens with ("AWS CodeDeploy" of "CodeDeploy AppSpec
// file"), less those in have (the anchors already read, the entities the
// question names, whose own readings stand); nil for any other node.
func (e *Engine) namesakeParents(ctx context.Context, id string, have []string) []string {
	if e.names[id].Kind != graph.KindFeature {
		return nil
	}
	ps, err := e.ix.In(ctx, id, graph.PredFeature)
	if err != nil {
		return nil
	}
	name := strings.ToLower(e.names[id].Name)
	var out []string
	for _, p := range ps {
		pn := e.names[p.Subject]
		if pn.Kind == graph.KindService && strings.HasPrefix(name, strings.ToLower(shortName(pn.Name))+" ") && !containsStr(have, p.Subject) && !containsStr(out, p.Subject) {
			out = append(out, p.Subject)
		}
	}
	return out
}

// mainLink is the entity a question is most about: its first service, else
// its first link.
func (e *Engine) mainLink(a *analysis) string {
	for _, l := range a.links {
		if e.names[l.id].Kind == graph.KindService && l.how != linkFuzzy {
			return l.id
		}
	}
	return a.links[0].id
}

// anchorsOf returns the nodes a link stands for: the node, its qualified
// variants ("Multi-AZ (manual)" for Multi-AZ) and its features and parts.
func (e *Engine) anchorsOf(ctx context.Context, id string) ([]string, error) {
	out := []string{id}
	variants, err := e.ix.In(ctx, id, graph.PredIsA)
	if err != nil {
		return nil, err
	}
	for _, v := range variants {
		out = append(out, v.Subject)
	}
	feats, err := e.ix.Out(ctx, id, graph.PredFeature)
	if err != nil {
		return nil, err
	}
	for _, f := range feats {
		if !containsStr(out, f.Object) {
			out = append(out, f.Object)
		}
	}
	parts, err := e.ix.In(ctx, id, graph.PredPartOf)
	if err != nil {
		return nil, err
	}
	for _, p := range parts {
		if !containsStr(out, p.Subject) {
			out = append(out, p.Subject)
		}
	}
	// nodes the notes named after it: "Amazon EC2 instances" for Amazon EC2
	for _, f := range e.named[id] {
		if !containsStr(out, f) {
			out = append(out, f)
		}
	}
	sibs, err := e.namesakeParts(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, s := range sibs {
		if !containsStr(out, s) {
			out = append(out, s)
		}
	}
	return out, nil
}

// namesakeParts returns, for a feature, the other nodes related to its
// service whose names hold its own words beyond the service's: a note's
// "CloudWatch Logs Subscriptions" (a subheading) and the dictionary's
// "Subscription filter" are one thing written two ways.
func (e *Engine) namesakeParts(ctx context.Context, id string) ([]string, error) {
	if e.names[id].Kind != graph.KindFeature {
		return nil, nil
	}
	parents, err := e.ix.In(ctx, id, graph.PredFeature)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range parents {
		own := without(e.nameStems(id), e.nameStems(p.Subject))
		if len(own) == 0 {
			continue
		}
		for _, c := range stemsOf(e.neighbours(ctx, p.Subject)) {
			if c != id && !containsStr(out, c) && !isVocabKind(e.names[c].Kind) && subset(own, e.nameStems(c)) {
				out = append(out, c)
			}
		}
	}
	return out, nil
}

// familyOf returns the service a service's name extends by words after
// it ("Amazon Kinesis" of "Amazon Kinesis Data Streams"), "" when none.
func (e *Engine) familyOf(id string) string {
	n := e.names[id]
	if n.Kind != graph.KindService {
		return ""
	}
	w := strings.Fields(n.Name)
	for k := len(w) - 1; k >= 2; k-- {
		if f, ok := e.dict.Exact(strings.Join(w[:k], " ")); ok && f != id && e.names[f].Kind == graph.KindService {
			return f
		}
	}
	return ""
}

// without returns the stems of a not in b.
func without(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !containsStr(b, s) {
			out = append(out, s)
		}
	}
	return out
}

// relationCandidates groups the edges around an entity (and around its
// variants and features) by predicate and direction: one candidate each.
func (e *Engine) relationCandidates(ctx context.Context, a *analysis, id string) ([]*candidate, error) {
	anchors, err := e.anchorsOf(ctx, id)
	if err != nil {
		return nil, err
	}
	family := e.familyOf(id)
	if family != "" && !containsStr(anchors, family) {
		// "Kinesis consumers include ..." said of Amazon Kinesis answers
		// for Kinesis Data Streams: the family it is named in
		anchors = append(anchors, family)
	} else {
		family = ""
	}
	// "the appspec.yml lifecycle events": what the notes say of the
	// service a feature is named after (CodeDeploy of "CodeDeploy AppSpec
	// file") answers for the feature too
	parents := e.namesakeParents(ctx, id, append(anchors, a.linkIDs()...))
	anchors = append(anchors, parents...)
	// "kinesis shard write limit": what the notes say of Kinesis Data
	// Streams answers for the family it is named in
	members := map[string]bool{}
	for _, m := range e.members[id] {
		if !containsStr(anchors, m) {
			anchors = append(anchors, m)
			members[m] = true
		}
	}
	variants := map[string]bool{}
	if vs, err := e.ix.In(ctx, id, graph.PredIsA); err == nil {
		for _, v := range vs {
			variants[v.Subject] = true
		}
	}
	var out []*candidate
	for _, at := range anchors {
		via := ""
		if at != id {
			via = at
		}
		if variants[at] && e.names[at].Kind == graph.KindCapability {
			// a qualified variant answers only a question that qualifies
			if q := a.qualifier; q == "" || !strings.Contains(strings.ToLower(e.names[at].Name), q) {
				continue
			}
		}
		for _, inverse := range []bool{false, true} {
			var edges []graph.Edge
			if inverse {
				edges, err = e.ix.In(ctx, at)
			} else {
				edges, err = e.ix.Out(ctx, at)
			}
			if err != nil {
				return nil, fmt.Errorf("read relations of %s: %w", at, err)
			}
			if at == id && inverse && a.qualifier == "" {
				// an unqualified capability covers its variants: "multi-AZ"
				// is manual and implicit multi-AZ together
				for v := range variants {
					if e.names[v].Kind != graph.KindCapability {
						continue
					}
					more, err := e.ix.In(ctx, v)
					if err != nil {
						return nil, fmt.Errorf("read relations of %s: %w", v, err)
					}
					edges = append(edges, more...)
				}
			}
			byPred := map[string][]graph.Edge{}
			var preds []string
			for _, ed := range edges {
				if ed.Predicate == graph.PredHop || ed.Predicate == graph.PredIsA && !inverse {
					continue
				}
				if _, ok := byPred[ed.Predicate]; !ok {
					preds = append(preds, ed.Predicate)
				}
				byPred[ed.Predicate] = append(byPred[ed.Predicate], ed)
			}
			for _, p := range preds {
				c := e.relationCandidate(id, via, p, inverse, byPred[p])
				if c != nil {
					if at == family || members[at] {
						c.prior -= familyDiscount // said of the family or a member, not of the entity itself
					}
					out = append(out, c)
				}
			}
		}
	}
	return out, nil
}

// familyDiscount is what a reading at the family an entity is named in
// ("Amazon Kinesis" for Kinesis Data Streams) is worth less than one at the
// entity.
const familyDiscount = 0.1

// relationCandidate builds one relation candidate.
func (e *Engine) relationCandidate(anchor, via, pred string, inverse bool, edges []graph.Edge) *candidate {
	c := &candidate{typ: candRelation, anchor: anchor, via: via, pred: pred, inverse: inverse, edges: edges}
	seen := map[string]bool{}
	for _, ed := range edges {
		end := ed.Object
		if inverse {
			end = ed.Subject
		}
		if seen[end] {
			continue
		}
		if n, ok := e.names[end]; !ok || n.Kind == graph.KindPath {
			continue
		}
		seen[end] = true
		c.ends = append(c.ends, end)
		if ed.Position > 0 && !inverse {
			c.ordered = true // (a position orders a list's items; read backwards, the answers are the lists' owners)
		}
		if len(c.ends) >= maxCandidateEnds {
			break
		}
	}
	if len(c.ends) == 0 || len(c.ends) == 1 && c.ends[0] == anchor {
		return nil
	}
	c.rel = e.relationWords(pred, inverse)
	if via != "" {
		c.ctx = append(c.ctx, e.nameStems(via)...)
	}
	c.vocab = e.anchorVocab(anchor)
	for _, ed := range edges {
		for _, d := range ed.Details {
			if len(c.details) == maxCandidateDetails {
				break
			}
			c.details = append(c.details, e.textStems(d))
		}
	}
	for _, end := range c.ends {
		c.names = append(c.names, e.nameStems(end)...)
	}
	c.reading = e.readingOf(c)
	c.links = 1
	return c
}

// relationWords are the stems that name a predicate in a direction: the
// lexicon's words for a typed predicate (with the predicate's own name
// words), the phrase of an open relation.
func (e *Engine) relationWords(pred string, inverse bool) []string {
	key := pred
	if inverse {
		key = "^" + pred
	}
	if w, ok := e.relWords.Load(key); ok {
		return w.([]string)
	}
	var out []string
	if phrase, _, ok := graph.ParseRelation(pred); ok {
		// "send notification step": ingest marks a list of steps so; the
		// mark says what kind of answer it holds (see kindFit), not what
		// the steps are about
		if p, _ := graph.CutStep(phrase); p != "" {
			phrase = p
		}
		out = e.lx.Terms(phrase)
		for _, w := range strings.Fields(phrase) {
			// a relation named by a kind word ("service": the services
			// under "Services") keeps it, common as it is
			if (e.relational[ingest.Stem(w)] || len(e.lx.Kinds(w)) > 0) && !containsStr(out, ingest.Stem(w)) {
				out = append(out, ingest.Stem(w))
			}
		}
		// the phrase's words as the notes write them: ingest names a
		// relation by lemmas ("send to", "datum"), a question is read
		// by stems ("sent", "data")
		for _, w := range out[:len(out):len(out)] {
			for _, f := range e.ix.Forms(w) {
				if !containsStr(out, f) {
					out = append(out, f)
				}
			}
		}
		// two words of the phrase as the one word a question may write
		// them as: "CloudWatch log" (split at its capitals) as
		// "cloudwatch", "times out" as "timeout"
		fs := strings.Fields(phrase)
		for i := 0; i+1 < len(fs); i++ {
			if lettersOnly(fs[i]) && lettersOnly(fs[i+1]) {
				if st := ingest.Stem(fs[i] + fs[i+1]); !containsStr(out, st) {
					out = append(out, st)
				}
			}
		}
		// the phrase's words in other words: "consist" matches "made up of"
		for _, w := range out[:len(out):len(out)] {
			for _, syn := range e.lx.Synonyms(w) {
				if !containsStr(out, syn) {
					out = append(out, syn)
				}
			}
		}
	} else {
		if pw, ok := e.lx.Predicate(pred); ok {
			// both directions' words: the question's word order, not its
			// verb, tells subject from object (see roleFit)
			out = append(out, pw.Forward...)
			for _, w := range pw.Inverse {
				if !containsStr(out, w) {
					out = append(out, w)
				}
			}
		}
		for _, w := range splitPredicate(pred) {
			if s := ingest.Stem(w); !containsStr(out, s) && !e.lx.IsStop(w) {
				out = append(out, s)
			}
		}
	}
	e.relWords.Store(key, out)
	return out
}

// splitPredicate splits a typed predicate's name into words:
// "deploymentConfig" → deployment, config; "rank:deploy-time" → rank,
// deploy, time.
func splitPredicate(p string) []string {
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, strings.ToLower(b.String()))
			b.Reset()
		}
	}
	for _, r := range p {
		switch {
		case r == ':' || r == '-' || r == '_' || r == ' ':
			flush()
		case r >= 'A' && r <= 'Z':
			flush()
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	flush()
	return words
}

// nameStems are the stems of a node's name and aliases.
func (e *Engine) nameStems(id string) []string {
	if w, ok := e.nameWords.Load(id); ok {
		return w.([]string)
	}
	n := e.names[id]
	var out []string
	for _, s := range append([]string{n.Name}, n.Aliases...) {
		for _, t := range e.lx.Terms(s) {
			if !containsStr(out, t) {
				out = append(out, t)
			}
		}
	}
	e.nameWords.Store(id, out)
	return out
}

// textStems are the content stems of a text, memoised: details repeat
// across questions.
func (e *Engine) textStems(text string) []string {
	if w, ok := e.textWords.Load(text); ok {
		return w.([]string)
	}
	out := e.lx.Terms(text)
	e.textWords.Store(text, out)
	return out
}

// readingOf says in words how a candidate reads the question.
func (e *Engine) readingOf(c *candidate) string {
	name := e.names[c.anchor].Name
	if c.via != "" {
		name = e.names[c.via].Name
	}
	rel := c.pred
	if phrase, pol, ok := graph.ParseRelation(c.pred); ok {
		rel = phrase
		switch pol {
		case graph.Negative:
			rel = "not " + rel
		case graph.Exclusive:
			rel = "only " + rel
		}
	}
	if c.inverse {
		return fmt.Sprintf("what %s %s", rel, name)
	}
	return fmt.Sprintf("%s %s what", name, rel)
}

// kindCandidates read "what are the DR strategies", "which logs are
// there": every node of a kind the question's focus names.
func (e *Engine) kindCandidates(ctx context.Context, a *analysis) []*candidate {
	var out []*candidate
	for _, k := range a.wants {
		if k == graph.KindService || k == graph.KindValue || k == graph.KindFeature {
			continue // too broad to list whole
		}
		var ends []string
		var edges []graph.Edge
		for _, n := range e.sortedNodes() {
			if n.Kind != k {
				continue
			}
			out, err := e.ix.Out(ctx, n.ID)
			if err != nil || len(out) == 0 {
				continue
			}
			ends = append(ends, n.ID)
			edges = append(edges, out...)
		}
		if len(ends) == 0 || len(ends) > 60 {
			continue
		}
		c := &candidate{typ: candKind, ends: ends, edges: edges, reading: fmt.Sprintf("every %s", k)}
		// how much of the asked-for phrase names this kind; the question's
		// names must sit inside that phrase ("disaster recovery strategies")
		c.prior = overlap(a.focusAll, e.kindWords(k), nil) - 0.1
		c.links = a.linksWithin(a.focusAll)
		if c.links < len(a.strongLinkIDs()) {
			// "what are the steps ... to migrate a git repo to CodeCommit":
			// the question's entity owns the things asked for; every node
			// of the kind ignores it
			c.prior -= kindIgnoresEntity
		}
		for _, end := range ends {
			c.names = append(c.names, e.nameStems(end)...)
		}
		// a word of the asked-for phrase that is no word of the kind and
		// that neither the things' names nor their facts' relations hold
		// asks for things of the kind the notes do not list as such: with
		// the rest of the question not about them either, "what rotation
		// approach keeps the app up while database credentials get
		// rotated" is no question for every strategy ("which deployment
		// strategies in the general table incur downtime" is one)
		kw := e.kindStems[k]
		var odd []term // the phrase's words that are no words of the kind nor of the names
		for _, t := range a.focusAll {
			if !t.in(kw) && !t.in(c.names) {
				odd = append(odd, t)
			}
		}
		if len(odd) > 0 {
			// (the relations' words only then: most questions for a kind
			// name it by its own words)
			if words := e.edgeWords(c.names, edges); slices.ContainsFunc(odd, func(t term) bool { return !t.in(words) }) {
				c.prior -= max(0, unaskedShare(a, words)-unaskedFree) * unaskedCost
			}
		}
		out = append(out, c)
	}
	return out
}

// edgeWords returns words and the stems of the edges' relations, in a new
// slice.
func (e *Engine) edgeWords(words []string, edges []graph.Edge) []string {
	out := slices.Clone(words)
	for _, ed := range edges {
		out = append(out, e.relationWords(ed.Predicate, false)...)
	}
	return out
}

// A kind candidate loses unaskedCost for each share of the question's term
// weight it leaves unasked (unaskedShare) over unaskedFree: a word or two
// ("which deployment strategies cause downtime") costs nothing.
const (
	unaskedFree = 0.3
	unaskedCost = 2.0
)

// unaskedShare is the share of the question's term weight outside its
// asked-for phrase (a.focusAll) that words do not hold: 0 for "what are
// the DR strategies", most of it for "what rotation approach keeps the app
// up while database credentials get rotated".
func unaskedShare(a *analysis, words []string) float64 {
	total, out := 0.0, 0.0
	for _, t := range a.terms {
		total += t.weight
		if !slices.ContainsFunc(a.focusAll, func(f term) bool { return f.pos == t.pos }) && !t.in(words) {
			out += t.weight
		}
	}
	if total == 0 {
		return 0
	}
	return out / total
}

// kindIgnoresEntity is what a kind candidate loses when the question names
// an entity outside its asked-for phrase.
const kindIgnoresEntity = 0.4

// kindWords are the stems the lexicon gives a node kind.
func (e *Engine) kindWords(k graph.NodeKind) []string {
	var out []string
	for _, w := range e.kindStems[k] {
		out = append(out, w)
	}
	return out
}

// pathCandidate reads "how do I get X into Y", "the chain from X to Y":
// the chains the notes write between two linked entities, or from one to
// the words after "to".
func (e *Engine) pathCandidate(ctx context.Context, a *analysis) (*candidate, error) {
	if !a.path || a.negated && len(a.wants) > 0 && !e.focusNamesPath(a) {
		// "which services can't notify SNS directly and only send via
		// CloudWatch Events": things of a kind a denial picks, no chain
		return nil, nil
	}
	from, to, toWords, after := e.pathEnds(a)
	if from == "" {
		return nil, nil
	}
	// words after the end that name a relation carry the path on
	var extend []string
	for _, p := range e.flowPreds {
		if overlap(after, e.relationWords(p, false), nil) > 0 {
			extend = append(extend, p)
		}
	}
	chains, err := e.chainsTo(ctx, from, to, toWords, extend)
	if err != nil {
		return nil, err
	}
	if len(chains) == 0 && to != "" {
		// "an SNS alert when ... my CloudWatch Logs": the ends named the
		// other way round
		if chains, err = e.chainsTo(ctx, to, from, nil, nil); err != nil {
			return nil, err
		}
		if len(chains) > 0 {
			from, to = to, from
		}
	}
	if len(chains) == 0 && slices.ContainsFunc(a.words, func(w qword) bool { return w.linked < 0 && e.lx.QuestionSurface("chain_nouns", w.lower) }) {
		// a question that asks for the chain by a noun ("give the
		// chain") and no line writes one: one joined from several lines
		c, ok, err := e.bfs(ctx, from, to, toWords, true)
		if err != nil {
			return nil, err
		}
		if ok {
			chains = []chain{c}
		}
	}
	if len(chains) == 0 {
		return nil, nil
	}
	e.rankChains(a, chains)
	res := &Result{Intent: "path", Answers: e.hopAnswers(chains[0])}
	for _, c := range chains[1:] {
		res.Alternatives = append(res.Alternatives, e.hopAnswers(c))
	}
	c := &candidate{typ: candPath, anchor: from, result: res, ordered: true}
	for _, h := range chains[0].hops {
		c.ends = append(c.ends, h.id)
		c.names = append(c.names, e.nameStems(h.id)...)
	}
	c.rel = e.pathWords
	c.prior = 0.25
	c.links = 1
	if to != "" {
		// a chain the notes write from one named thing to another: the
		// question's own words ("get", "data") name no relation
		c.links = a.strongLinks()
		c.prior = 1.0
		if len(chains[0].hops) <= 2 || chains[0].joined {
			// no hop between the two named things: the path tells what the
			// question already says ("a subscription filter on CloudWatch
			// Logs ... where can it send"); a chain joined from several
			// lines' relations is one reading of the words among others
			c.prior = 0.25
		}
	}
	c.reading = fmt.Sprintf("path from %s", e.names[from].Name)
	if to != "" {
		c.reading += " to " + e.names[to].Name
	} else if len(toWords) > 0 {
		c.reading += " to " + strings.Join(toWords, " ")
	}
	return c, nil
}

// rankChains orders the chains a path question may mean, shortest first
// as chainsTo gives them, but a chain whose lines hold more of the
// question's words first ("near real time" under "CloudWatch Logs ->
// Subscription Filter -> Kinesis Firehose -> AWS ES") and one through a
// thing the question rules out ("the non-Lambda way") last.
func (e *Engine) rankChains(a *analysis, chains []chain) {
	if len(chains) < 2 {
		return
	}
	ruled := e.ruledOut(a)
	fit := make(map[string]float64, len(chains))
	for _, c := range chains {
		f := overlap(a.terms, nil, e.chainWords(c))
		if c.caveats > 0 {
			f = -f // "Lambda (cannot cross account)": the words it shares with the question it denies
		}
		for _, h := range c.hops {
			if containsStr(ruled, h.id) {
				f--
			}
		}
		fit[hopKey(c.hops)] = f
	}
	sort.SliceStable(chains, func(i, j int) bool { return fit[hopKey(chains[i].hops)] > fit[hopKey(chains[j].hops)] })
}

// chainWords are the terms of the lines a chain is written on: its first
// line, the lines an arrow opens after it, and a parenthesis that closes
// it on a line of its own ("(near real time)").
func (e *Engine) chainWords(c chain) []string {
	i, ok := e.ix.StatementAt(c.source)
	if !ok {
		return nil
	}
	words := slices.Clone(e.ix.StatementTerms(i))
	for j := i + 1; e.sameSection(i, j); j++ {
		t := strings.TrimSpace(e.ix.Statement(j).Text)
		aside := strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")")
		if e.ix.StatementSource(j) != e.ix.StatementSource(j-1) && !arrowLed(t) && !aside {
			break
		}
		words = append(words, e.ix.StatementTerms(j)...)
		if aside {
			break
		}
	}
	return words
}

// ruledOut returns the entities a question rules out: a word that joins a
// negation of the lexicon and a name X by a hyphen ("non-Lambda"), and a
// name right after a negation ("without Lambda").
func (e *Engine) ruledOut(a *analysis) []string {
	var out []string
	for i, w := range a.words {
		if neg, rest, ok := strings.Cut(w.lower, "-"); ok && e.lx.Negates(neg) {
			if id, ok := e.dict.Exact(rest); ok {
				out = append(out, id)
			}
		}
		if i+1 < len(a.words) && e.lx.Negates(w.lower) && a.words[i+1].linked >= 0 {
			out = append(out, a.links[a.words[i+1].linked].id)
		}
	}
	return out
}

// chainCandidate is a sequence reading that answers with hops in order,
// anchored at anchor (the entity or the chain it starts from): its ends
// and names are the hops'. The caller sets its words, links and reading.
func (e *Engine) chainCandidate(anchor string, hops []hop) *candidate {
	c := &candidate{typ: candPath, anchor: anchor, ordered: true, prior: 0.25,
		result: &Result{Intent: "path", Answers: e.hopAnswers(chain{hops: hops})}}
	for _, h := range hops {
		c.ends = append(c.ends, h.id)
		c.names = append(c.names, e.nameStems(h.id)...)
	}
	return c
}

// sequenceCandidates read "what states does an instance go through, in
// order, when it scales out": a chain the notes write that starts at a
// named thing, its later hops in order, and the chains the lines that match
// the question best write (without the hops the question names first).
// Only a question that asks for an order has them, and a path question the
// best lines' chains ("IAM keys leak on a public GitHub repo: the chain
// from detection to the fix" - "Can scan github looking for public IAM
// keys -> CloudWatch event -> Step functions that invoke lambdas").
func (e *Engine) sequenceCandidates(ctx context.Context, a *analysis) ([]*candidate, error) {
	if !(a.order || a.path && (len(a.wants) == 0 || e.focusNamesPath(a))) || a.superlative {
		// "which log types get delivered to S3 only": a path word in a
		// question for things of a kind asks for them, not a chain ("the
		// chain of services" does)
		return nil, nil
	}
	if a.wantsOnly(graph.KindValue) {
		// "Canary10Percent5Minutes - what share of traffic goes first and
		// how long before the rest shifts?": the order words of a question
		// for values ask no sequence
		return nil, nil
	}
	var out []*candidate
	seen := map[string]bool{}
	for _, id := range a.linkIDs() {
		if !a.order {
			break // a path question's chains start where it says (pathCandidate)
		}
		paths, err := e.ix.In(ctx, id, graph.PredHop)
		if err != nil {
			return nil, fmt.Errorf("read paths through %s: %w", id, err)
		}
		for _, p := range paths {
			if p.Position != 1 || seen[p.Subject] {
				continue
			}
			seen[p.Subject] = true
			hops, err := e.hops(ctx, p.Subject)
			if err != nil {
				return nil, err
			}
			if len(hops) < 3 {
				continue
			}
			c := e.chainCandidate(id, hops[1:])
			c.links = 1
			c.rel = e.sequenceWords
			c.reading = fmt.Sprintf("the steps after %s, in order", e.names[id].Name)
			out = append(out, c)
		}
	}
	// the chains the best-matching lines write, whatever they start at:
	// "launch: Pending -> Pending:Wait -> Pending:Proceed -> InService"
	for k, h := range a.hits {
		if k == maxChainLines {
			break
		}
		st := e.ix.Statement(h.i)
		srcs := []string{st.Source}
		if next := nextLine(st.Source); strings.HasSuffix(strings.TrimSpace(st.Text), ":") && next != "" {
			// "... the scripts from appspec.yml run as:" over "ApplicationStop
			// -> DownloadBundle -> ...": a line that ends with a colon
			// introduces the chain on the next
			srcs = append(srcs, next)
		}
		var facts []int32
		for _, src := range srcs {
			if e.statesDenied(a, src) {
				// "In case we use a Load Balancer: BeforeBlockTraffic ->
				// BlockTraffic -> ..." for "... without a load balancer":
				// the chain of the scene the question rules out
				continue
			}
			facts = append(facts, e.ix.FactsFrom(src)...)
		}
		for _, f := range facts {
			fact := e.ix.Fact(f)
			if fact.Predicate != graph.PredHop || fact.Position != 1 || seen[fact.Subject] {
				continue
			}
			seen[fact.Subject] = true
			hops, err := e.hops(ctx, fact.Subject)
			if err != nil {
				return nil, err
			}
			ends := len(hops) > 1 && containsStr(a.linkIDs(), hops[0].id) && containsStr(a.linkIDs(), hops[len(hops)-1].id)
			for !(a.path && ends) && len(hops) > 0 && containsStr(a.linkIDs(), hops[0].id) {
				// "on scale out": the step the question starts from (a
				// path that starts and ends where the question says holds
				// both: "how do logs in S3 get into CloudWatch Logs")
				hops = hops[1:]
			}
			if len(hops) < 3 {
				continue
			}
			c := e.chainCandidate(fact.Subject, hops)
			c.rel = e.sequenceWords
			if !a.order {
				c.rel = e.pathWords
			}
			c.ctx = st.Terms
			c.links = e.statementLinks(a, h.i)
			c.reading = fmt.Sprintf("the chain a best-matching line writes, in order (%s)", st.Source)
			out = append(out, c)
		}
	}
	if a.order && a.count >= 3 {
		// "Order the three steps of the Systems Manager operating model":
		// a chain of as many hops on a line about what the question names
		// ("Group resources -> Visualize data -> Take action" under its
		// overview), whatever words the line holds
		ids := a.strongLinkIDs()
		for _, f := range e.ix.FactsOf(graph.PredHop) {
			fact := e.ix.Fact(f)
			if fact.Position != 1 || seen[fact.Subject] || len(ids) == 0 {
				continue
			}
			i, ok := e.ix.StatementAt(fact.Source)
			if !ok || !e.lineAbout(i, ids) && !containsStr(ids, e.ix.StatementSubject(i)) {
				continue
			}
			hops, err := e.hops(ctx, fact.Subject)
			if err != nil {
				return nil, err
			}
			if len(hops) != a.count {
				continue
			}
			seen[fact.Subject] = true
			c := e.chainCandidate(fact.Subject, hops)
			c.links = len(ids)
			c.rel = e.sequenceWords
			c.ctx = e.ix.StatementTerms(i)
			c.reading = fmt.Sprintf("the %d-hop chain a line about it writes, in order (%s)", a.count, fact.Source)
			out = append(out, c)
		}
	}
	return out, nil
}

// statesDenied reports whether the note line at source ("file:N") is about
// or mentions an entity the question rules out (a.denied).
func (e *Engine) statesDenied(a *analysis, source string) bool {
	if len(a.denied) == 0 {
		return false
	}
	i, ok := e.ix.StatementAt(source)
	if !ok {
		return false
	}
	if e.namesDenied(a, e.ix.Statement(i)) {
		return true
	}
	// or it sits in a list whose head does: "- with a load balancer the
	// run is wrapped:" over "- after step 7: BeforeAllowTraffic -> ..."
	if h, ok := e.listHeadOf(i); ok {
		return e.namesDenied(a, e.ix.Statement(h))
	}
	return false
}

// namesDenied reports whether a statement is about or names an entity the
// question rules out, other than to deny it too.
func (e *Engine) namesDenied(a *analysis, st graph.Statement) bool {
	if !slices.ContainsFunc(a.denied, func(id string) bool { return st.Subject == id || containsStr(st.Mentions, id) }) {
		return false
	}
	// a line that denies it as well ("in-place lifecycle events (no load
	// balancer), in order") is about the question's scene
	for _, m := range e.dict.Find(st.Text) {
		if containsStr(a.denied, m.ID) && !e.negatedAt(st.Text, m.Start) {
			return true
		}
	}
	return false
}

// maxListHeadLines is how many note lines above a line listHeadOf looks
// for the head of its list.
const maxListHeadLines = 4

// listHeadOf returns the statement of the line that heads the list a
// statement's line is in: the nearest line above it, in the same section
// and with every line between stated, that ends with a colon ("with a load
// balancer the run is wrapped:"). ok is false when no such line is within
// maxListHeadLines.
func (e *Engine) listHeadOf(i int) (int, bool) {
	file, n, ok := splitSource(e.ix.StatementSource(i))
	if !ok {
		return 0, false
	}
	for k := 1; k <= maxListHeadLines && n-k > 0; k++ {
		j, ok := e.ix.StatementAt(lineSource(file, n-k))
		if !ok || !e.sameSection(i, j) {
			return 0, false
		}
		if opensList(e.ix.StatementText(j)) {
			return j, true
		}
	}
	return 0, false
}

// negatedAt reports whether a negation word, or one and an article, comes
// right before byte offset at of text ("no load balancer", "without a
// load balancer").
func (e *Engine) negatedAt(text string, at int) bool {
	ws := strings.Fields(text[:at])
	for k := len(ws) - 1; k >= 0 && k >= len(ws)-2; k-- {
		w := strings.ToLower(strings.Trim(ws[k], "([,;:"))
		if e.lx.Negates(w) {
			return true
		}
		if !e.lx.QuestionSurface("determiner", w) {
			return false
		}
	}
	return false
}

// nextLine returns the source ("file:N") of the line after a source, ""
// when it is no such source.
func nextLine(src string) string {
	file, n, ok := splitSource(src)
	if !ok {
		return ""
	}
	return lineSource(file, n+1)
}

// lineSource is the source ("file:N") of line n of a note.
func lineSource(file string, n int) string {
	return file + ":" + strconv.Itoa(n)
}

// maxChainLines is how many of the best-matching lines a sequence question
// takes the chains of.
const maxChainLines = 40

// pathEnds finds where a path question starts and ends: the entity after
// "from" (else the first linked), and the entity after the last "to"/"into"
// (else the words there).
func (e *Engine) pathEnds(a *analysis) (from, to string, toWords []string, after []term) {
	toAt, fromAt := -1, -1
	for i, w := range a.words {
		switch w.lower {
		case "to", "into":
			toAt = i
		case "from":
			fromAt = i
		}
	}
	// a path starts at a thing the question names before a phrase the
	// notes made a concept of ("Near-real-time path for getting
	// CloudWatch Logs into ...")
	links := slices.Clone(a.links)
	slices.SortStableFunc(links, func(x, y link) int {
		switch {
		case !x.concept && y.concept:
			return -1
		case x.concept && !y.concept:
			return 1
		}
		return 0
	})
	for _, l := range links {
		// "from X to Y": X ends at the "to"; a "to" before the "from" ("how
		// to get an SNS alert from ... CloudWatch Logs") bounds nothing
		if fromAt >= 0 && l.start > a.words[fromAt].start && (toAt < fromAt || l.start < a.words[toAt].start) {
			from = l.id
			break
		}
	}
	if from == "" {
		for _, l := range links {
			if toAt < 0 || l.start < a.words[toAt].start {
				from = l.id
				break
			}
		}
	}
	if toAt < 0 && fromAt >= 0 && from != "" {
		// "raise a CloudWatch alarm from log data": the thing named before
		// "from" is where the path ends
		for _, l := range a.links {
			if l.end <= a.words[fromAt].start && l.id != from {
				to = l.id
			}
		}
		if to != "" {
			return from, to, nil, nil
		}
	}
	if toAt < 0 {
		// no "to": the first and the last entity named, unless they are
		// written side by side as one noun phrase ("CloudWatch Logs
		// subscription filter", "CodeDeploy agent"): a thing, not two ends
		strong := a.strongLinkIDs()
		if len(strong) >= 2 && !a.adjacentLinks(strong[0], strong[len(strong)-1]) {
			return strong[0], strong[len(strong)-1], nil, nil
		}
	}
	if toAt >= 0 {
		for _, l := range a.links {
			if l.start > a.words[toAt].start && l.id != from {
				to = l.id
				for _, t := range a.terms {
					if a.words[t.pos].start >= l.end {
						after = append(after, t)
					}
				}
				break
			}
		}
		if to == "" {
			for _, w := range a.words[toAt+1:] {
				if !w.stop {
					toWords = append(toWords, ingest.Key(w.text))
				}
			}
		}
	}
	return from, to, toWords, after
}

// rankCandidates read "order the DR strategies from cheapest to most
// expensive", "which strategy has the lowest RTO": the nodes a ranked
// column ("rank:cost") orders, sorted.
func (e *Engine) rankCandidates(ctx context.Context, a *analysis) []*candidate {
	if !a.order {
		return nil
	}
	var out []*candidate
	strong := a.strongLinkIDs()
	for _, p := range e.rankPreds {
		// the ranked nodes: the subjects of the predicate's facts, by name
		seen := map[string]bool{}
		var ranked []graph.Node
		for _, fi := range e.ix.FactsOf(p) {
			if id := e.ix.Fact(fi).Subject; !seen[id] {
				seen[id] = true
				if n, ok := e.names[id]; ok {
					ranked = append(ranked, n)
				}
			}
		}
		sortByName(ranked)
		var answers []Answer
		for _, n := range ranked {
			edges, err := e.ix.Out(ctx, n.ID, p)
			if err != nil || len(edges) == 0 {
				continue
			}
			answers = append(answers, e.answer(n.ID, edges...))
		}
		// "rank all-at-once, blue/green and rolling by deploy time": the
		// things the question names, when it names two or more of them
		var asked []Answer
		for _, ans := range answers {
			if containsStr(strong, ans.ID) {
				asked = append(asked, ans)
			}
		}
		if len(asked) >= 2 {
			answers = asked
		}
		if len(answers) < 2 {
			continue
		}
		e.sortByRank(ctx, answers, p, !a.ascending)
		c := &candidate{typ: candRank, pred: p, ordered: true, result: &Result{Intent: "rank", Answers: answers}}
		if len(asked) >= 2 {
			c.links = len(asked) // the entities it ranks are the question's
		}
		// the words the ranked things share say what they are ("DR",
		// "strategy"); one thing's own words ("High Availability, Fault
		// Tolerance, and Disaster Recovery" of the exam domains) say
		// nothing of the ranking
		count := map[string]int{}
		for _, ans := range answers {
			c.ends = append(c.ends, ans.ID)
			seen := map[string]bool{}
			for _, st := range e.nameStems(ans.ID) {
				if seen[st] {
					continue
				}
				seen[st] = true
				if count[st]++; count[st] == (len(answers)+1)/2 {
					c.names = append(c.names, st) // half the things hold it
				}
			}
		}
		c.rel = e.relationWords(p, false)
		c.prior = 0.1
		col := strings.TrimPrefix(p, graph.PredRank+":")
		// the question names the ranked column ("RTO", "cost",
		// "cheapest"): worth the more, the more of its words it names
		colWords := splitPredicate(col)
		named := 0
		for _, w := range colWords {
			st := ingest.Stem(w)
			for _, t := range a.terms {
				if t.stem == st || containsStr(e.lx.Synonyms(st), t.stem) {
					named++
					break
				}
			}
		}
		if named > 0 {
			c.prior = 0.1 + 0.6*float64(named)/float64(len(colWords))
		}
		if a.superlative && !a.sequence && len(answers) > 0 {
			// "which strategy has the lowest RTO": the first, with its ties
			top := e.rankOf(ctx, answers[0].ID, p)
			var firsts []Answer
			for _, ans := range answers {
				if e.rankOf(ctx, ans.ID, p) == top {
					firsts = append(firsts, ans)
				}
			}
			c.result.Answers = firsts
		}
		c.reading = fmt.Sprintf("ordered by %s", col)
		out = append(out, c)
	}
	return out
}

// compareCandidate reads "compare X and Y", "difference between X and Y".
func (e *Engine) compareCandidate(ctx context.Context, a *analysis) (*candidate, error) {
	ids := a.linkIDs()
	if strong := a.strongLinkIDs(); len(strong) >= 2 {
		// "latency difference between kinesis data streams and kinesis
		// firehose": the two named things, not a word linked weakly
		ids = strong
	}
	if !a.compare || len(ids) < 2 {
		return nil, nil
	}
	// a difference is what one has and the other has not; of those, the
	// relations the question's words name, when it names some ("where can
	// each deliver")
	named := map[string]bool{}
	for _, p := range e.ix.Predicates() {
		if overlap(a.terms, e.relationWords(p, false), nil) > 0 {
			named[p] = true
		}
	}
	res, err := e.compare(ctx, ids[0], ids[1], func(pred string, inX, inY bool) bool {
		return inX != inY && named[pred]
	})
	if err == nil && len(res.Answers) == 0 {
		res, err = e.compare(ctx, ids[0], ids[1], func(_ string, inX, inY bool) bool { return inX != inY })
	}
	if err != nil || len(res.Answers) == 0 {
		return nil, err
	}
	// one answer per thing, though two relations relate it
	seen := map[string]bool{}
	answers := res.Answers[:0]
	for _, ans := range res.Answers {
		if !seen[ans.ID] {
			seen[ans.ID] = true
			answers = append(answers, ans)
		}
	}
	res.Answers = answers
	c := &candidate{typ: candCompare, anchor: ids[0], result: res, links: 2, prior: 0.3}
	c.rel = e.compareWords
	c.reading = fmt.Sprintf("%s compared with %s", e.names[ids[0]].Name, e.names[ids[1]].Name)
	return c, nil
}

// choiceCandidate reads a comparison that asks for one of the things it
// names ("Kinesis Data Streams vs Firehose - which one do I need for
// real-time delivery?", "pilot light or warm standby: which runs the full
// system?"): the option one of whose own lines holds most of the question's
// other words. Nil when the question asks no such choice or no line of
// either option holds any of them.
func (e *Engine) choiceCandidate(a *analysis) *candidate {
	ids := a.strongLinkIDs()
	if !a.compare || !a.single && !e.whichOne(a) || len(ids) < 2 {
		return nil
	}
	var rest []term
	for _, t := range a.terms {
		if !t.in(e.nameStems(ids[0])) && !t.in(e.nameStems(ids[1])) && !containsStr(e.compareWords, t.stem) {
			rest = append(rest, t)
		}
	}
	bestID, bestLine, best, second := "", -1, 0.0, 0.0
	for _, id := range ids[:2] {
		about := e.ix.StatementsAbout(id)
		for _, st := range about[:min(len(about), maxAboutLines)] {
			v := 0.0
			for _, t := range rest {
				if t.in(e.ix.StatementTerms(int(st))) {
					v += t.weight
				}
			}
			switch {
			case v > best && id != bestID:
				second, best, bestID, bestLine = best, v, id, int(st)
			case v > best:
				best, bestLine = v, int(st)
			case v > second && id != bestID:
				second = v
			}
		}
	}
	if bestID == "" || best == second {
		return nil // no line tells them apart
	}
	st := e.ix.Statement(bestLine)
	ans := e.answer(bestID)
	ans.Detail, ans.Sources = st.Text, []string{st.Source}
	c := &candidate{typ: candCompare, anchor: bestID, ends: []string{bestID}, result: &Result{Intent: string(candCompare), Answers: []Answer{ans}}, links: 2, prior: 0.3}
	c.rel = e.compareWords
	c.ctx = st.Terms
	c.reading = fmt.Sprintf("which of %s and %s: %s (%s)", e.names[ids[0]].Name, e.names[ids[1]].Name, e.names[bestID].Name, st.Source)
	return c
}

// yesNoCandidate reads "does X support Y", "can X notify Y": yes when the
// notes relate the two (no when what they say is denied).
func (e *Engine) yesNoCandidate(ctx context.Context, a *analysis) *candidate {
	ids := a.strongLinkIDs()
	if len(ids) < 2 {
		return nil
	}
	if a.yesno && a.beyond {
		// "does Macie protect data stores other than S3": how the notes
		// relate Macie and S3 says nothing of what else it protects
		return nil
	}
	if _, _, ok := a.optionLinks(); ok {
		// "should I use Kinesis Data Streams or Kinesis Firehose?" asks
		// which, not how the notes relate the two
		return nil
	}
	x := ids[0]
	var best []graph.Edge
	for _, y := range ids[1:] {
		toward := a.towardLink(e.lx, y)
		variants, err := e.variantsOf(ctx, y) // read once, not per edge: an anchor may have thousands
		if err != nil {
			continue
		}
		for _, at := range e.mustAnchors(ctx, x) {
			for _, inverse := range []bool{false, true} {
				var edges []graph.Edge
				var err error
				if inverse {
					edges, err = e.ix.In(ctx, at)
				} else {
					edges, err = e.ix.Out(ctx, at)
				}
				if err != nil {
					continue
				}
				for _, ed := range edges {
					end := ed.Object
					if inverse {
						end = ed.Subject
					}
					if inverse && toward && flowPredicate(ed.Predicate) {
						// "can I publish an SNS message to CodeDeploy": that
						// CodeDeploy notifies SNS is the other way round
						continue
					}
					if end == y || variants[end] {
						best = append(best, ed)
					}
				}
			}
		}
	}
	if len(best) == 0 {
		return e.exclusiveVerdict(ctx, a, x, ids[1:])
	}
	// the relation whose words match the question best decides
	var tops []graph.Edge
	topScore := -1.0
	for _, ed := range best {
		s := overlap(a.terms, e.relationWords(ed.Predicate, false), nil)
		switch {
		case s > topScore:
			tops, topScore = append(tops[:0], ed), s
		case s == topScore:
			tops = append(tops, ed)
		}
	}
	top := tops[0]
	if !a.yesno {
		// "why is CloudTrail cross-account": how the notes relate the two,
		// with their words
		other := e.otherEnd(ctx, x, top)
		ans := e.answer(other, top)
		c := &candidate{typ: candYesNo, anchor: x, result: &Result{Intent: "connection", Answers: []Answer{ans}}, links: 2, prior: 0.1}
		switch {
		case e.lx.QuestionWord("why", a.words[0].stem):
			c.prior = 0.6
		case len(a.focus) > 0:
			// "what are the SSM actions ... EC2": the question asks for
			// things of a kind, not for how the two it names relate
			c.prior = -0.2
		}
		c.rel = e.relationWords(top.Predicate, false)
		c.ends = []string{other}
		c.reading = fmt.Sprintf("how the notes relate %s and %s: %s", e.names[top.Subject].Name, e.names[top.Object].Name, top.Predicate)
		return c
	}
	// between relations that match the question as well, a denial
	// decides: notes deny on purpose ("Triggers to SNS only (no lambda
	// unlike CodeCommit)" against "targets: sns / lambda" that another
	// note files under the same service)
	verdict := "yes"
	for _, ed := range tops {
		if e.verdictOf(ctx, a, x, ed) == "no" {
			top, verdict = ed, "no"
			break
		}
	}
	// a question that opens with its auxiliary asks yes or no: the verdict
	// stands ahead of a list of what one of the two relates to
	c := edgeVerdict(x, verdict, top)
	c.deniedByRelation, _ = polarityOf(top.Predicate)
	for _, src := range top.Sources {
		// the lines that state the relation: the question's other names
		// and words they hold ("logs > subscription filter > lambda (cannot
		// cross account, ...)" for "can a subscription filter ... deliver
		// to another account")
		i, ok := e.ix.StatementAt(src)
		if !ok {
			continue
		}
		c.details = append(c.details, e.ix.StatementTerms(i))
		n := 0
		for _, id := range ids {
			if id == top.Subject || id == top.Object || containsStr(e.mustAnchors(ctx, x), id) || e.ix.StatementSubject(i) == id || e.ix.StatementNames(i, id) {
				n++
			}
		}
		c.links = max(c.links, n)
	}
	c.rel = e.relationWords(top.Predicate, false)
	c.ends = []string{}
	c.reading = fmt.Sprintf("whether %s %s %s", e.names[top.Subject].Name, top.Predicate, e.names[top.Object].Name)
	if len(ids) > 2 && c.links <= 2 {
		// "can I do an in-place deployment of an ECS service with
		// CodeDeploy": that CodeDeploy supports in-place deployments, on
		// lines that say nothing of ECS, leaves out a thing the question
		// names, and decides it only weakly
		c.prior = weakVerdictPrior
	} else if best, missed := bestLineOverlap(a, c.rel, c.details); best < minVerdictCoverage && missed >= 2 {
		// "do I need to install the CodeDeploy agent for ECS": that the
		// notes relate CodeDeploy and ECS decides nothing the relation's
		// words and lines do not hold (install, agent); a question that is
		// mostly names ("can a logs subscription filter with a lambda
		// destination deliver to another account") is decided by how the
		// names relate
		c.prior = weakVerdictPrior
	}
	return c
}

// exclusiveVerdict reads a yes/no question on two things the notes do not
// relate (x and one of others) by a relation of x the notes restrict with
// "only" to something else: "it only protects data in S3" under Macie
// answers "does Macie protect data in RDS databases?" with no. The
// restriction must hold at least minExclusiveCoverage of the question's
// term weight in its words; nil when none does.
func (e *Engine) exclusiveVerdict(ctx context.Context, a *analysis, x string, others []string) *candidate {
	if !a.yesno {
		return nil // "where can a Lambda destination send ...": no verdict asked
	}
	var top graph.Edge
	topScore := 0.0
	for _, at := range e.mustAnchors(ctx, x) {
		edges, err := e.ix.Out(ctx, at)
		if err != nil {
			continue
		}
		for _, ed := range edges {
			if _, only := polarityOf(ed.Predicate); !only || containsStr(others, ed.Object) {
				continue
			}
			if s := overlap(a.terms, e.relationWords(ed.Predicate, false), nil); s > topScore {
				top, topScore = ed, s
			}
		}
	}
	if topScore < minExclusiveCoverage {
		return nil
	}
	c := edgeVerdict(x, "no", top)
	c.rel = e.relationWords(top.Predicate, false)
	c.ends = []string{}
	c.reading = fmt.Sprintf("whether %s: only %s", e.names[x].Name, e.names[top.Object].Name)
	return c
}

// edgeVerdict is the yes/no candidate at anchor x whose verdict edge ed
// states: the answer's detail is the edge's lines, its sources theirs.
func edgeVerdict(x, verdict string, ed graph.Edge) *candidate {
	ans := Answer{Name: verdict, Kind: "verdict", Detail: strings.Join(ed.Details, " | "), Sources: ed.Sources}
	if ans.Sources == nil {
		ans.Sources = []string{}
	}
	return &candidate{typ: candYesNo, anchor: x, result: &Result{Intent: "yes-no", Answers: []Answer{ans}}, links: 2, prior: 0.7}
}

// minExclusiveCoverage is the share of a yes/no question's term weight an
// "only" relation's words must hold for exclusiveVerdict to read it.
const minExclusiveCoverage = 0.15

// otherEnd returns the end of a relation edge that is not x (or a node x
// must be read as, see mustAnchors): the other thing a question names.
func (e *Engine) otherEnd(ctx context.Context, x string, ed graph.Edge) string {
	if ed.Object == x || containsStr(e.mustAnchors(ctx, x), ed.Object) {
		return ed.Subject
	}
	return ed.Object
}

// flowPredicate reports a typed predicate that says something goes from
// its subject to its object (notifies, targets, deliversTo, flowsTo).
func flowPredicate(p string) bool {
	switch p {
	case graph.PredNotifies, graph.PredTargets, graph.PredDelivers, graph.PredFlowsTo:
		return true
	}
	return false
}

// deniesOf reports whether a line of a relation denies it of entity id
// (the thing a yes-or-no question asks about besides its subject): a
// negation denies what its part of the line names, or the line's thing
// when it names nothing else ("Triggers to SNS only (no lambda unlike
// CodeCommit)" denies Lambda, not SNS); "only" restricts to what the line
// names, so it denies id only when the line does not name id.
func (e *Engine) deniesOf(a *analysis, line, id string) bool {
	names := []string{e.names[id].Name}
	for _, l := range a.links {
		if l.id == id && !containsStr(names, l.text) {
			names = append(names, l.text)
		}
	}
	lower := strings.ToLower(line)
	named := slices.ContainsFunc(names, func(n string) bool { return n != "" && strings.Contains(lower, strings.ToLower(n)) })
	if e.negates(line) {
		if !named {
			return true
		}
		for _, n := range names {
			if len(e.deniedOf(line, n)) > 0 {
				return true
			}
		}
	}
	return e.restricts(line) && !named
}

// verdictOf is what edge ed, between anchor x and another thing the
// question names, says to a yes/no question: "no" when its relation
// denies, the line that states it denies the other end, or its lines
// state the opposite of the question's words; "yes" otherwise.
func (e *Engine) verdictOf(ctx context.Context, a *analysis, x string, ed graph.Edge) string {
	if neg, _ := polarityOf(ed.Predicate); neg {
		return "no"
	}
	if e.deniesOf(a, e.verdictLine(a, ed.Details), e.otherEnd(ctx, x, ed)) {
		// "Triggers to SNS only (no lambda unlike CodeCommit)": the line
		// that relates the two denies it
		return "no"
	}
	if e.linesOppose(a, ed.Sources) {
		// "These health checks are disabled by default" (the line's next
		// sentence) states the opposite of "are they turned on by default"
		return "no"
	}
	return "yes"
}

// verdictLine returns the line of a relation (one of its details) that
// decides a yes-or-no question: the one that holds most of the question's
// words ("Could also use Lambda's canary functionality with weighted
// aliases" for "can a lambda alias send a percentage of traffic to two
// versions for a canary", not "canary deployment: codedeploy only on
// lambda / ecs", which restricts CodeDeploy); when no line holds any of
// them, all the lines joined, so that any one's denial decides.
func (e *Engine) verdictLine(a *analysis, details []string) string {
	best, bestCov := "", 0.0
	for _, d := range details {
		if v := overlap(a.terms, nil, e.textStems(d)); v > bestCov {
			best, bestCov = d, v
		}
	}
	if bestCov == 0 {
		return strings.Join(details, " | ")
	}
	return best
}

// bestLineOverlap is the share of a question's term weight the relation
// words rel and the best of its lines (each a statement's terms) hold,
// and how many of the question's content words (weight 1 or more) that
// best line and rel miss.
func bestLineOverlap(a *analysis, rel []string, lines [][]string) (float64, int) {
	best, bestLine := overlap(a.terms, rel, nil), []string(nil)
	for _, d := range lines {
		if v := overlap(a.terms, rel, d); v > best {
			best, bestLine = v, d
		}
	}
	missed := 0
	for _, t := range a.terms {
		if t.weight >= 1 && !t.in(rel) && !t.in(bestLine) {
			missed++
		}
	}
	return best, missed
}

// mustAnchors is anchorsOf without errors.
func (e *Engine) mustAnchors(ctx context.Context, id string) []string {
	if v, ok := e.anchors.Load(id); ok {
		return v.([]string)
	}
	out, err := e.anchorsOf(ctx, id)
	if err != nil {
		return []string{id}
	}
	e.anchors.Store(id, out)
	return out
}

// variantsOf returns the nodes that are variants of id (X isA id:
// "Multi-AZ (manual)" of "Multi-AZ"), as a set.
func (e *Engine) variantsOf(ctx context.Context, id string) (map[string]bool, error) {
	in, err := e.ix.In(ctx, id, graph.PredIsA)
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(in))
	for _, ed := range in {
		out[ed.Subject] = true
	}
	return out, nil
}

// describeCandidate reads "what is X", "tell me about X", "X": every
// relation of the entity.
func (e *Engine) describeCandidate(ctx context.Context, a *analysis, id string) (*candidate, error) {
	res, err := e.describe(ctx, id)
	if err != nil || len(res.Answers) == 0 {
		return nil, err
	}
	c := &candidate{typ: candDescribe, anchor: id, result: res, links: 1}
	c.rel = e.describeWords
	if len(a.terms) == 0 {
		c.prior = 0.5 // "what is X", "X": nothing asks for one relation
	}
	c.reading = fmt.Sprintf("everything about %s", e.names[id].Name)
	return c, nil
}

// sortCandidates orders candidates best first, ties broken by type, anchor
// and predicate so the choice never depends on map order.
func sortCandidates(cs []*candidate) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.typ != b.typ {
			return a.typ < b.typ
		}
		if a.anchor != b.anchor {
			return a.anchor < b.anchor
		}
		if a.via != b.via {
			return a.via < b.via
		}
		return a.pred < b.pred
	})
}

// predicateCandidates read "which services have no notification at all",
// "which services can deliver cross-account": the subjects of a relation
// the question's words name, whatever they relate to. A denied relation
// ("noNotify", "rel:not X") keeps the subjects the notes never state the
// relation for.
func (e *Engine) predicateCandidates(ctx context.Context, a *analysis) []*candidate {
	if len(a.wants) == 0 || len(a.terms) == 0 || a.strongLinks() > 0 {
		return nil // a question that names an entity reads relations from it
	}
	var out []*candidate
	for _, p := range e.ix.Predicates() {
		if _, _, open := graph.ParseRelation(p); open {
			continue // one line's phrase is too narrow to stand for every subject
		}
		words := e.relationWords(p, false)
		if overlap(a.terms, words, nil) == 0 {
			continue
		}
		facts := e.factsOf(p)
		var ends []string
		var edges []graph.Edge
		seen := map[string]bool{}
		for _, f := range facts {
			if seen[f.Subject] || !containsKind(a.wants, e.names[f.Subject].Kind) {
				continue
			}
			seen[f.Subject] = true
			ends = append(ends, f.Subject)
		}
		if neg, _ := polarityOf(p); neg {
			pos := e.positiveOf(p)
			var kept []string
			for _, id := range ends {
				if !e.hasPred(id, pos) {
					kept = append(kept, id)
				}
			}
			ends = kept
		}
		if len(ends) == 0 || len(ends) > maxCandidateEnds {
			continue
		}
		for _, f := range facts {
			if containsStr(ends, f.Subject) {
				edges = append(edges, graph.Edge{Subject: f.Subject, Predicate: f.Predicate, Object: f.Object, Details: nonEmpty(f.Detail), Sources: []string{f.Source}})
			}
		}
		c := &candidate{typ: candPredicate, pred: p, inverse: true, edges: edges, ends: ends, rel: words}
		for _, end := range ends {
			c.names = append(c.names, e.nameStems(end)...)
		}
		c.prior = -0.05
		c.reading = fmt.Sprintf("what %s anything", p)
		out = append(out, c)
	}
	return out
}

// factsOf returns the facts of a predicate, in Facts' order.
func (e *Engine) factsOf(pred string) []graph.Fact {
	at := e.ix.FactsOf(pred)
	out := make([]graph.Fact, len(at))
	for i, j := range at {
		out[i] = e.ix.Fact(j)
	}
	return out
}

// positiveOf is the relation a denied one denies: notifies for noNotify,
// rel:X for rel:not X.
func (e *Engine) positiveOf(p string) string {
	if p == graph.PredNoNotify {
		return graph.PredNotifies
	}
	if phrase, pol, ok := graph.ParseRelation(p); ok && pol == graph.Negative {
		return graph.OpenRelation(phrase, graph.Positive)
	}
	return ""
}

// hasPred reports whether a node is the subject of a predicate.
func (e *Engine) hasPred(id, pred string) bool {
	if v, ok := e.subjects.Load(pred); ok {
		return v.(map[string]bool)[id]
	}
	set := map[string]bool{}
	for _, i := range e.ix.FactsOf(pred) {
		set[e.ix.Fact(i).Subject] = true
	}
	e.subjects.Store(pred, set)
	return set[id]
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// anchorVocab are the stems that two or more statements about an entity
// use: the words of its own world ("rule" for EventBridge, "shard" for
// Kinesis), which a question about it may use without naming a relation.
//
// The list is sorted (term.inSplit searches it by halves) and shared by
// every candidate at the anchor: callers must not append to it.
func (e *Engine) anchorVocab(id string) []string {
	if w, ok := e.vocab.Load(id); ok {
		return w.([]string)
	}
	count := map[string]int{}
	for _, i := range e.ix.StatementsAbout(id) {
		if e.negates(e.ix.StatementText(int(i))) {
			// what a line denies of it ("Can not monitor memory usage")
			// is no word of what it is about
			continue
		}
		terms := e.ix.StatementTerms(int(i))
		for j, t := range terms {
			if !containsStr(terms[:j], t) { // a statement's terms are few
				count[t]++
			}
		}
	}
	var out []string
	for t, n := range count {
		if n >= 2 {
			out = append(out, t)
		}
	}
	sort.Strings(out)
	e.vocab.Store(id, out)
	return out
}

// focusNamesPath reports whether the phrase a question asks for names a
// path ("what's the chain of services ...", "which route ...").
func (e *Engine) focusNamesPath(a *analysis) bool {
	for _, t := range a.focusAll {
		if e.lx.QuestionWord("path", t.stem) {
			return true
		}
	}
	return false
}

// answerCount is how many answers a candidate gives: its ready-made
// result's, else its distinct ends.
func (c *candidate) answerCount() int {
	if c.result != nil {
		return len(c.result.Answers)
	}
	n := 0
	for i, id := range c.ends {
		if !slices.Contains(c.ends[:i], id) {
			n++
		}
	}
	return n
}

// lettersOnly reports whether a word is letters only ("cloud", not
// "us-east-1" or "v2").
func lettersOnly(w string) bool {
	return w != "" && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}
