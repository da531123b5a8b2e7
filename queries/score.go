package queries

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// The third stage of answering: one function scores every candidate
// against the question. A candidate earns what the question's content words
// find in its relation words (full weight), its evidence (a little over
// half) and its answers' names (a third), each word weighted by how rare it
// is in the notes; then what its shape is worth: answers of the kind asked
// for, polarity that agrees, the question's other entities accounted for.

// Field weights of a matched word.
const (
	weightRelation = 1.0
	weightContext  = 0.55
	weightNames    = 0.35
	// weightJoined is what a word matched only as the compound it makes
	// with its neighbour ("timeout" for "times out") weighs beside the
	// words as written
	weightJoined = 0.8
)

// minScore is the score below which no candidate answers and the evidence
// fallback (or an honest error) takes over.
const minScore = 0.3

// A candidate's features: what the scoring function weighs. Each is a
// number the candidate and the question give (a share, a count, a flag);
// the score is their weighted sum (see weights).
const (
	featPrior            = iota // what the reading is worth before its words are matched (candidate type and shape)
	featCoverage                // share of the question's term weight its words cover (relation, evidence, names)
	featSupport                 // support of the best note line it stands on, 0-1
	featTyped                   // 1 for a relation the ontology types (curated)
	featQualifierVia            // 1 when it goes through the variant the question's qualifier names ("manual")
	featKindFit                 // share of its answers of the kind asked for
	featKindMiss                // 1 when none of its answers is of the kind asked for
	featValueMiss               // 1 when a value is asked for and it answers with names only
	featFocus                   // 1 when its relation holds a word of the asked-for noun phrase, 1 more when it holds the kind word that closes it
	featNegAgree                // 1 when a denied relation answers a negated question
	featNegPred                 // 1 when a denied relation answers a question that denies nothing
	featNegQuestion             // 1 when a stated relation answers a negated question
	featOnlyAgree               // 1 when an exclusive relation answers an "only" question
	featOnlyPred                // 1 when an exclusive relation answers another question
	featOrder                   // 1 when an ordering question gets ordered answers
	featUnordered               // 1 when an ordering question gets one thing with no order (how two things relate)
	featRole                    // +1 when it reads the question's word order's direction, -1 the other way
	featVia                     // 1 when it starts at a feature of the entity, not the entity
	featNamed                   // 1 when the question names every answer
	featMissing                 // entities of the question a ready-made result does not account for
	featIgnored                 // entities it ignores, when it starts at one of the question's
	featIgnoredFar              // entities it ignores, when it starts elsewhere
	featPart                    // entities it accounts for by starting at their part or the noun they qualify
	featViaName                 // entities it accounts for by a feature named after them
	featQualifierMisread        // entities it reads at their qualifier ("CloudWatch Logs" of "CloudWatch Logs subscription filter")
	featConstrained             // 1 when another entity narrows its answers
	featInSection               // entities its lines' heading paths name (it reads them in context)
	featNotVerdict              // 1 when a yes/no question gets a reading that is no verdict
	featUnsupported             // 1 when a relation stands on no line the question's search ranks
	featExample                 // 1 when its answers hold an example the question gives ("allatonce etc")
	featNarrowed                // 1 when the constraint stage narrowed its answers to those the question's words describe
	featCountFit                // 1 when it gives as many answers as the question says it asks for ("the two kinds")
	featDenied                  // entities the question rules out ("no load balancer") that its relation names
	featValueUnasked            // 1 when it answers with values alone a question that asks what does something
	featOptionMiss              // 1 when a question that offers two options and asks for one gets neither
	featOtherScene              // qualifiers of the reading's subject ("ec2" of "ec2 appspec") whose lines are all about another thing of their kind (under "Deploy to Lambda")
	featNamedInLine             // entities of the question, besides its subject and answers, that the lines it stands on name ("As part of CodeDeploy operations, EventBridge can be set up with the following targets")
	featTypeBias                // first of one bias per candidate type (see candidateTypes)
	numFeatures          = featTypeBias + len(candidateTypeOrder)
)

// featureNames name the features for `ask --explain`; the type biases
// are named by their candidate type.
var featureNames = [featTypeBias]string{
	featPrior:            "prior",
	featCoverage:         "coverage",
	featSupport:          "support",
	featTyped:            "typed",
	featQualifierVia:     "qualifierVia",
	featKindFit:          "kindFit",
	featKindMiss:         "kindMiss",
	featValueMiss:        "valueMiss",
	featFocus:            "focus",
	featNegAgree:         "negAgree",
	featNegPred:          "negPred",
	featNegQuestion:      "negQuestion",
	featOnlyAgree:        "onlyAgree",
	featOnlyPred:         "onlyPred",
	featOrder:            "order",
	featUnordered:        "unordered",
	featRole:             "role",
	featVia:              "via",
	featNamed:            "named",
	featMissing:          "missing",
	featIgnored:          "ignored",
	featIgnoredFar:       "ignoredFar",
	featPart:             "part",
	featViaName:          "viaName",
	featQualifierMisread: "qualifierMisread",
	featConstrained:      "constrained",
	featInSection:        "inSection",
	featNotVerdict:       "notVerdict",
	featUnsupported:      "unsupported",
	featExample:          "example",
	featNarrowed:         "narrowed",
	featCountFit:         "countFit",
	featDenied:           "denied",
	featValueUnasked:     "valueUnasked",
	featOptionMiss:       "optionMiss",
	featOtherScene:       "otherScene",
	featNamedInLine:      "namedInLine",
}

// candidateTypeOrder numbers the candidate types for their bias features.
var candidateTypeOrder = [...]candidateType{candRelation, candKind, candPath, candRank, candCompare, candYesNo, candDescribe, candPredicate, candEntity, candEvidence, candAlias}

// features is a candidate's feature vector.
type features [numFeatures]float64

// weights of the scoring function, one per feature.
var weights = features{
	featPrior:            1,
	featCoverage:         1,
	featSupport:          0.4,
	featTyped:            0.05,
	featQualifierVia:     0.25,
	featKindFit:          0.2,
	featKindMiss:         -0.1,
	featValueMiss:        -0.3,
	featFocus:            0.1,
	featNegAgree:         0.25,
	featNegPred:          -0.4,
	featNegQuestion:      -0.35,
	featOnlyAgree:        0.15,
	featOnlyPred:         -0.1,
	featOrder:            0.1,
	featUnordered:        -0.3,
	featRole:             0.1,
	featVia:              -0.05,
	featNamed:            -0.5,
	featMissing:          -0.3,
	featIgnored:          -0.2,
	featIgnoredFar:       -0.4,
	featPart:             0.15,
	featViaName:          0.2,
	featQualifierMisread: -0.2,
	featConstrained:      0.25,
	featInSection:        0,
	featNotVerdict:       -1.0,
	featUnsupported:      -0.05,
	featExample:          0.3,
	featNarrowed:         0.1,
	featCountFit:         0.15,
	featDenied:           -0.3,
	featValueUnasked:     -0.5,
	featOptionMiss:       -0.5,
	featOtherScene:       -0.2,
	featNamedInLine:      0.1,
}

// focusModifierShare is featFocus for a relation that holds a word of the
// asked-for phrase but not its head.
const focusModifierShare = 0.5

// terms lists a feature vector's weighted non-zero terms, largest first
// by size ("coverage=+0.62"): the sum dot makes, spelt out.
func (w *features) terms(f *features) []string {
	type term struct {
		name string
		v    float64
	}
	var ts []term
	for i := range f {
		v := w[i] * f[i]
		if v == 0 {
			continue
		}
		name := ""
		if i < featTypeBias {
			name = featureNames[i]
		} else {
			name = "bias:" + string(candidateTypeOrder[i-featTypeBias])
		}
		ts = append(ts, term{name, v})
	}
	slices.SortStableFunc(ts, func(x, y term) int { return cmp.Compare(math.Abs(y.v), math.Abs(x.v)) })
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = fmt.Sprintf("%s=%+.2f", t.name, t.v)
	}
	return out
}

// dot is the weighted sum of a feature vector.
func (w *features) dot(f *features) float64 {
	s := 0.0
	for i := range f {
		s += w[i] * f[i]
	}
	return s
}

// score rates a candidate: it fills c.feat and c.score and returns the ends
// that satisfy the question's other entities (nil when none constrains it).
func (e *Engine) score(ctx context.Context, a *analysis, c *candidate) []string {
	keep := e.measure(ctx, a, c)
	if len(keep) > 0 && c.typ == candRelation {
		// a reading another entity narrows is measured by what it keeps:
		// the lines and names of the kept answers, not of the ones it
		// drops ("Run Command", kept for "EC2 instances", does not say
		// "deploy software patches automatically across groups of
		// instances" of Patch Manager); only what its words find, as the
		// entities it accounts for stay those of the whole reading
		d := e.keptReading(c, keep)
		e.measure(ctx, a, d)
		for _, k := range []int{featCoverage, featSupport, featUnsupported} {
			c.feat[k] = d.feat[k]
		}
	}
	c.score = weights.dot(&c.feat)
	return keep
}

// keptReading returns a copy of a reading narrowed to the answers in
// keep: its ends, the edges that give them, their lines (at most
// maxCandidateDetails) and their names.
func (e *Engine) keptReading(c *candidate, keep []string) *candidate {
	d := *c
	d.ends = slices.DeleteFunc(slices.Clone(c.ends), func(x string) bool { return !containsStr(keep, x) })
	d.edges, d.details, d.names = nil, nil, nil
	for _, ed := range c.edges {
		if !containsStr(keep, c.answerOf(ed)) {
			continue
		}
		d.edges = append(d.edges, ed)
		for _, l := range ed.Details {
			if len(d.details) < maxCandidateDetails {
				d.details = append(d.details, e.textStems(l))
			}
		}
	}
	for _, end := range d.ends {
		d.names = append(d.names, e.nameStems(end)...)
	}
	return &d
}

// measure measures a candidate against the question (c.feat) and returns
// the ends that satisfy the question's other entities.
func (e *Engine) measure(ctx context.Context, a *analysis, c *candidate) []string {
	f := &c.feat
	*f = features{}
	// evidence counts line by line: the words of the one line that holds
	// most of the question, not the union of every line a big relation has
	var best []string
	bestCov := -1.0
	for _, d := range c.details {
		if v := overlap(a.terms, nil, d); v > bestCov {
			best, bestCov = d, v
		}
	}
	inCtx := func(t term) bool { return t.inSplit(nil, c.ctx, best) }
	inVocab := func(t term) bool { return t.inSplit(c.vocab) }
	f[featPrior] = c.prior
	f[featCoverage] = tieredCoverage(a.terms, c.rel, inCtx, inVocab, [][]string{c.names})
	if rel := e.sequenceRelation(a, c); rel != nil {
		f[featCoverage] = tieredCoverage(a.terms, rel, inCtx, inVocab, [][]string{c.names})
	}
	// what the best line it stands on is worth for the question
	switch c.typ {
	case candRelation, candPredicate:
		f[featSupport] = supportFor(a, c.edges)
		if f[featSupport] == 0 {
			f[featUnsupported] = 1
		}
	case candRank:
		// a ranking stands on all its lines: one ranked thing whose own
		// line matches the question does not carry it
		f[featSupport] = meanSupportOfAnswers(a, c.result)
	case candPath, candYesNo, candCompare:
		f[featSupport] = supportOfAnswers(a, c.result)
	}
	for i, t := range candidateTypeOrder {
		if t == c.typ {
			f[featTypeBias+i] = 1
		}
	}
	if c.typ == candRelation {
		// an uncertain link weakens what the words found
		lw := e.linkWeight(a, c.anchor)
		f[featPrior] *= lw
		f[featCoverage] *= lw
		f[featSupport] *= lw
		if _, ok := e.lx.Predicate(c.pred); ok {
			f[featTyped] = 1
		}
		if q := a.qualifier; q != "" && c.via != "" && strings.Contains(strings.ToLower(e.names[c.via].Name), q) {
			f[featQualifierVia] = 1 // "enabled manually": the manual variant
		}
	}
	if len(a.wants) == 0 && c.typ == candRelation && len(c.ends) > 0 && e.asksSubject(a) &&
		!slices.ContainsFunc(c.ends, func(id string) bool { return e.names[id].Kind != graph.KindValue }) {
		// "what can produce records into a Kinesis stream?" asks for the
		// things that do it; "1 MB/s or 1000 messages/s" says how much
		f[featValueUnasked] = 1
	}
	if a.offers && !e.answersOption(a, c) {
		// "firehose vs data streams - which one lets me replay records?"
		// is answered by one of the two, not by where Firehose delivers
		f[featOptionMiss] = 1
	}
	if a.place && len(a.wants) == 0 && c.typ == candRelation && len(c.ends) > 0 {
		named := 0
		for _, id := range c.ends {
			switch e.names[id].Kind {
			case graph.KindService, graph.KindFeature, graph.KindComponent, graph.KindLog:
				named++
			}
		}
		if 2*named < len(c.ends) {
			// "where can an ASG lifecycle hook send its notification?" asks
			// for a place: "Heartbeat timeout", "launch hook" are mostly
			// events and phrases, no services or parts of one
			f[featKindMiss] = 1
		}
	}
	// the kind of answer asked for
	if len(a.wants) > 0 && c.typ == candEvidence && len(c.ends) == 0 && c.result != nil && len(c.result.Answers) > 0 {
		// a line's quantities no node holds ("up to 5 CloudWatch alarms,
		// monitoring time 0-180 minutes") are answers of a kind too
		fit := 0
		for _, ans := range c.result.Answers {
			if containsKind(a.wants, graph.NodeKind(ans.Kind)) {
				fit++
			}
		}
		f[featKindFit] = float64(fit) / float64(len(c.result.Answers))
	}
	if len(a.wants) > 0 && len(c.ends) > 0 {
		fit := 0.0
		// "Events:" over "push to existing branch": a relation the notes
		// name by a kind word says its answers are of that kind
		// (things the dictionary does not know, so none has a kind of its
		// own: a list that mixes in known strategies is read by those)
		named := c.typ == candRelation && e.relationNamesKind(c.pred, a.wants) &&
			!slices.ContainsFunc(c.ends, func(id string) bool { return e.names[id].Kind != graph.KindConcept })
		dim := ""
		if a.wantsOnly(graph.KindValue) {
			dim = e.askedDimension(a) // "how long ...": a duration, not "5%"
		}
		for _, id := range c.ends {
			switch k := e.names[id].Kind; {
			case k == graph.KindValue && dim != "" && !ofDimension(e.names[id].Name, dim):
			case containsKind(a.wants, k), named && k == graph.KindConcept:
				fit++
			case k == graph.KindFeature && containsKind(a.wants, graph.KindService):
				fit += 0.5 // a part of a service stands for it
			}
		}
		f[featKindFit] = fit / float64(len(c.ends))
		if fit == 0 && c.typ != candEvidence {
			// (a line's list of names the dictionary knows of another
			// kind may still be what the question calls its kind:
			// "Kinesis, DynamoDB, SQS" for "which event sources")
			f[featKindMiss] = 1
			if a.wantsOnly(graph.KindValue) {
				// "how long ...": a name never stands for a quantity
				f[featValueMiss] = 1
			}
		}
	}
	rel := c.rel
	if f[featKindMiss] == 1 && f[featTyped] == 1 && len(a.focus) > 0 && containsStr(c.rel, a.focus[len(a.focus)-1]) && e.headAsksKind(a) {
		// "which CodeDeploy lifecycle events can't I script": the
		// lexicon's "events" of "does not notify" is the asked-for noun,
		// and none of its answers is an event; the relation does not
		// read that noun
		head := a.focus[len(a.focus)-1]
		rel = slices.DeleteFunc(slices.Clone(c.rel), func(w string) bool { return w == head })
		f[featCoverage] = tieredCoverage(a.terms, rel, inCtx, inVocab, [][]string{c.names}) * e.linkWeight(a, c.anchor)
	}
	// the phrase's head, its last word, is what is asked for ("hook script
	// properties"); the words before it qualify it
	switch {
	case len(a.focus) > 0 && containsStr(rel, a.focus[len(a.focus)-1]):
		f[featFocus] = 1
	case slices.ContainsFunc(a.focus, func(w string) bool { return containsStr(rel, w) }):
		f[featFocus] = focusModifierShare
	}
	if f[featFocus] > 0 && a.focusKind != "" && containsStr(rel, a.focusKind) {
		// "finding type" names "the finding types" whole, where
		// "finding status" holds only the word before the kind word
		f[featFocus]++
	}
	if neg, _ := polarityOf(c.pred); c.typ == candRelation && !neg {
		for _, id := range a.denied {
			if c.anchor == id || c.via == id || a.relationHolds(id, c.rel) || !isTyped(c.pred) && a.relationNamesMost(id, c.rel) {
				// "ec2-onprem w/ load balancer adds" for "... (no load
				// balancer)": the reading of the scene the question rules
				// out, stated of it or in its relation's words (the note's
				// own words of an open relation holding half its name:
				// "send notification step" of "not a notification rule";
				// a typed predicate's vocabulary, "load" of deliversTo,
				// names no scene)
				f[featDenied]++
			}
		}
	}
	if c.typ == candYesNo && !a.yesno && (containsStr(a.denied, c.anchor) || slices.ContainsFunc(c.ends, func(id string) bool { return containsStr(a.denied, id) })) {
		// "which services deliver to S3 and not to CloudWatch Logs": how
		// the notes relate S3 and the thing ruled out is not what is asked
		f[featDenied]++
	}
	// polarity
	neg, only := polarityOf(c.pred)
	switch {
	case (neg || c.denied) && a.negated:
		f[featNegAgree] = 1
	case neg:
		f[featNegPred] = 1
	case a.negated && (c.typ == candRelation || c.typ == candPredicate):
		f[featNegQuestion] = 1 // "which services have no ...": a stated relation answers the opposite
	}
	switch {
	case only && a.exclusive:
		f[featOnlyAgree] = 1
	case only:
		f[featOnlyPred] = 1
	}
	// (one answer is no order, though its line numbers it: the "256 KB"
	// of a list's item "Max payload between states: 256 KB"; but one is
	// what a superlative, or the question's words, pick from an order)
	ordered := c.ordered && (len(c.ends) != 1 || c.typ != candRelation || a.superlative || c.narrowed)
	if a.order && ordered {
		f[featOrder] = 1
	}
	if a.order && !a.yesno && !ordered && (c.result != nil && len(c.result.Answers) <= 1 || c.ordered && !ordered) && !(a.superlative && a.wantsOnly(graph.KindValue) && !a.sequence) {
		// "codedeploy ec2 lifecycle event order" asks for a sequence, not
		// for how CodeDeploy and EC2 relate (but "the longest timeout"
		// asks for one value, the greatest)
		f[featUnordered] = 1
	}
	if c.narrowed {
		f[featNarrowed] = 1
	}
	if a.count > 1 && c.answerCount() == a.count {
		f[featCountFit] = 1
	}
	if a.yesno && c.typ != candYesNo {
		f[featNotVerdict] = 1 // "Can a Lambda subscription filter send logs to another account?" asks whether, not which
	}
	if c.typ == candRelation {
		f[featRole] = e.roleFit(a, c)
		if c.via != "" {
			f[featVia] = 1 // a feature of the entity, not the entity itself
		}
	}
	// a reading whose every answer is named by the question tells nothing,
	// but for the order a ranking gives them and the entity an alias
	// reading resolves ("what has the feature
	// Maintenance Windows" for "what tasks can a
	// Systems Manager maintenance window run")
	// (a reading of how the notes relate two things the question names
	// answers a yes/no question, not "which services ..." with one of them)
	if len(c.ends) > 0 && (c.typ != candYesNo || !a.yesno && len(a.wants) > 0) && c.typ != candAlias && c.typ != candRank && subset(c.ends, a.linkIDs()) {
		f[featNamed] = 1
	}
	// the question's entities: each one must be where the reading starts,
	// or a constraint its answers satisfy; one it ignores costs
	if c.typ == candEvidence {
		return nil
	}
	return e.linkFit(ctx, a, c)
}

// overlap is the share of a question's term weight that a candidate's word
// fields cover, each term counted once at its best field's weight.
func overlap(terms []term, rel, ctx []string, names ...[]string) float64 {
	return coverage(terms, rel, func(t term) bool { return t.in(ctx) }, names)
}

// headAsksKind reports whether the asked-for phrase's head is a kind word
// of a kind the question wants ("lifecycle **events**"), not a word of a
// name the question links ("s3 **event** notifications targets").
func (e *Engine) headAsksKind(a *analysis) bool {
	if len(a.focusAll) == 0 {
		return false
	}
	head := a.words[a.focusAll[len(a.focusAll)-1].pos]
	if head.linked >= 0 {
		return false // "s3 event notifications": a word of a name the question links
	}
	return slices.ContainsFunc(e.lx.Kinds(head.lower), func(k graph.NodeKind) bool { return containsKind(a.wants, k) })
}

// coverage is overlap with the context words given as a test (inCtx), for
// a context kept in several lists.
func coverage(terms []term, rel []string, inCtx func(term) bool, names [][]string) float64 {
	return tieredCoverage(terms, rel, inCtx, nil, names)
}

// weightVocab is what a word matched only by the words of every line about
// a reading's anchor (its vocabulary) weighs: less than one of the lines
// the relation stands on, for the vocabulary of a note's own subject holds
// most of the note ("external connection" is CodeArtifact's word, though
// its token lifetime says nothing of it).
const weightVocab = 0.35

// tieredCoverage is coverage with a weaker tier of context (inVocab, nil
// for none) between the context and the names.
func tieredCoverage(terms []term, rel []string, inCtx, inVocab func(term) bool, names [][]string) float64 {
	total, got := 0.0, 0.0
	for _, t := range terms {
		total += t.weight
		switch {
		case t.onlyJoined(rel):
			got += t.weight * weightRelation * weightJoined
		case t.in(rel):
			got += t.weight * weightRelation
		case inCtx(t):
			got += t.weight * weightContext
		case inVocab != nil && inVocab(t):
			got += t.weight * weightVocab
		default:
			for _, n := range names {
				if t.in(n) {
					got += t.weight * weightNames
					break
				}
			}
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// sequenceRelation returns the words of a relation whose facts the notes
// number, with the nouns that ask for an order ("order", "sequence";
// lexicon sequence_nouns), when the question asks for an order by one of
// them and the relation's own words hold every other word of it: "What's
// the order of stages in a blue/green deployment?" is read by the stages
// the notes number ("deployment stage"), as well as by a ranking whose
// lexicon words hold "order". nil for any other reading (a numbered
// relation that reads the question's other words less, "after lifecycle
// hook add to instance" for "codedeploy ec2 lifecycle event order", earns
// nothing for the order word).
func (e *Engine) sequenceRelation(a *analysis, c *candidate) []string {
	if !a.order || !c.ordered || c.typ != candRelation || slices.ContainsFunc(e.orderStems, func(w string) bool { return containsStr(c.rel, w) }) {
		return nil
	}
	asked := false
	for _, t := range a.terms {
		switch {
		case containsStr(e.orderStems, t.stem):
			asked = true
		case !t.in(c.rel) && !e.lx.QuestionWord("light", t.stem) && !e.lx.QuestionWord("yesno", t.stem):
			// (a light verb or an auxiliary carries little of a relation:
			// "in what order do the stages of a blue/green deployment
			// happen")
			return nil
		}
	}
	if !asked {
		return nil
	}
	return append(slices.Clip(c.rel), e.orderStems...)
}

// linkWeight is how sure the link of a candidate's anchor is.
func (e *Engine) linkWeight(a *analysis, id string) float64 {
	best := 0.0
	for _, l := range a.links {
		if l.id == id && l.weight() > best {
			best = l.weight()
		}
	}
	if best == 0 {
		return 1
	}
	return best
}

// polarityOf tells whether a predicate denies or restricts.
func polarityOf(pred string) (neg, only bool) {
	if pred == graph.PredNoNotify {
		return true, false
	}
	_, pol, ok := graph.ParseRelation(pred)
	return ok && pol == graph.Negative, ok && pol == graph.Exclusive
}

// linkFit measures how a candidate accounts for the entities the question
// names (c.feat). An entity is accounted for when the reading starts at it
// (or at one of its parts or variants), when the reading goes through a
// feature named after it ("CodeDeploy Lambda" for "... CodeDeploy ... for
// Lambda"), or when some answers relate to it: then those answers are kept
// (returned). Candidates of ready-made results (paths, comparisons, yes/no)
// account for the links they were built from (c.links). An entity the
// reading ignores, or that it answers with, counts as ignored: near when
// the reading starts at another entity of the question, far when it starts
// elsewhere.
func (e *Engine) linkFit(ctx context.Context, a *analysis, c *candidate) []string {
	f := &c.feat
	strong := a.strongLinkIDs()
	if c.typ == candRelation && containsStr(strong, c.anchor) {
		// (only a reading that starts at an entity the question names: one
		// that starts elsewhere, at a thing whose lines name the
		// question's entity, reads the question from the wrong end)
		for _, id := range strong {
			// (not the anchor's own qualifier, "CloudWatch Logs" of
			// "CloudWatch Logs subscription filter", nor an entity its
			// name holds, Lambda of "CodeDeploy Lambda": its lines name
			// them anyway)
			if id != c.anchor && id != c.via && !containsStr(c.ends, id) && !a.namesQualifier(id, c.anchor) && !a.namesQualifier(c.anchor, id) &&
				!e.namesContain(c.anchor, id) && (c.via == "" || !e.namesContain(c.via, id)) && e.detailsName(c, id) {
				f[featNamedInLine]++
			}
		}
	}
	if c.typ != candRelation && c.typ != candPredicate {
		if missing := len(strong) - c.links; missing > 0 {
			f[featMissing] = float64(missing)
		}
		return nil
	}
	// a reading starts at the question's entities when it starts at a name
	// the question gives (at a weak alias only when it gives no name)
	linked := containsStr(strong, c.anchor) || len(strong) == 0 && containsStr(a.linkIDs(), c.anchor)
	ignored := featIgnored
	if !linked {
		ignored = featIgnoredFar
	}
	var keep []string
	constrained := false
	for _, id := range strong {
		var scene []string // the answers stated outside a scene the question rules out
		if linked && c.pred != "" && containsStr(a.denied, id) && !containsStr(a.ruledOut, id) {
			scene = e.sceneNarrows(c, id)
		}
		var named []string // the answers whose identifiers name it
		if linked && c.typ == candRelation && isVocabKind(e.names[id].Kind) {
			named = e.identifiersHolding(c, id)
		}
		switch {
		case id == c.anchor || id == c.via || containsStr(c.also, id):
		case id == c.ledBy:
			// its answers are listed under a line that names it (see
			// leadConstraint): accounted for
		case len(named) > 0 && len(named) < len(c.ends):
			// "lambda canary deployment configs" read as Lambda's
			// configs: the ones whose identifiers name the strategy
			// ("LambdaCanary10Percent5Minutes"), when some do and some do
			// not
			keep = narrowTo(keep, named)
			constrained = true
		case c.typ == candRelation && e.relationNamesEntity(a, id, c.rel):
			// "ECS canary option" for "ECS canary ... configurations" (or
			// "canary deployment configs"): the relation's own words name
			// the entity
			f[featViaName]++
		case containsStr(e.mustAnchors(ctx, id), c.anchor) || a.modifies(id, c.anchor) && !isVocabKind(e.names[id].Kind):
			// "CloudWatch Logs subscription filter": a part of the entity
			// named (or the noun the name qualifies), the more specific
			// reading; a capability that qualifies the noun ("a
			// cross-account CloudWatch Logs subscription") narrows it below
			f[featPart]++
			if a.modifies(id, c.anchor) && !containsStr(e.mustAnchors(ctx, id), c.anchor) && e.otherScene(a, c, id) {
				// (the service whose part the reading starts at is no
				// qualifier of it: CodeDeploy of "codedeploy ... appspec")
				f[featOtherScene]++
			}
		case c.via != "" && e.namesContain(c.via, id):
			f[featViaName]++
		case c.typ == candRelation && !containsStr(c.ends, id) && !isVocabKind(e.names[id].Kind) && e.names[id].Kind != graph.KindService && len(e.endsNaming(c, id)) > 0:
			// "beanstalk max application versions per region" read as
			// Elastic Beanstalk's limits, "1000 Application Versions"
			// among them: the answers that name the entity
			f[featViaName]++
			if named := e.endsNaming(c, id); len(named) < len(c.ends) && !e.listsLink(a, id) {
				// (not when the question lists it among other things it
				// asks the values of: "max number of applications,
				// application versions and environments")
				keep = narrowTo(keep, named)
				constrained = true
			}
		case linked && a.modifies(c.anchor, id) && e.anchorHas(ctx, c, id):
			// "the hooks ... for an ECS blue/green deployment" read at
			// ECS, which the notes say supports blue/green: the strategy
			// qualifies the reading's own subject
		case a.modifies(c.anchor, id) && !containsStr(e.mustAnchors(ctx, c.anchor), id) && !(c.typ == candRelation && a.nextWordIn(id, c.rel)):
			// "CloudWatch Logs subscription filter" read at CloudWatch Logs:
			// the reading starts at the qualifier and ignores the noun (but
			// "codedeploy ec2 lifecycle event order" read as CodeDeploy's
			// lifecycle events reads the noun both names qualify)
			f[featQualifierMisread]++
			f[ignored]++
		case scene != nil:
			// "... without a load balancer" read as CodeDeploy's hooks:
			// the hooks the notes list only under a head that names the
			// load balancer ("In case we have load balancer, ... additional
			// hooks") are not asked for; the rest are
			keep = narrowTo(keep, scene)
		case linked && c.pred != "" && containsStr(a.ruledOut, id):
			// "which services notify SNS but neither EventBridge nor
			// CloudWatch metrics": the answers the same relation does not
			// tie to what the question rules out, nor that thing itself
			// (a narrowing, no evidence the reading is the right one)
			same := append(e.constrainBySame(ctx, c, id), id)
			if f := e.familyOf(id); f != "" {
				// "Target(s): S3, CloudWatch" in a table of logs: what the
				// relation ties to the family's service ties to its member
				// the question rules out ("not to CloudWatch Logs")
				same = append(same, e.constrainBySame(ctx, c, f)...)
			}
			// (a part named after it, "CloudWatch Logs Subscriptions", is it)
			own := " " + ingest.Key(shortName(e.names[id].Name)) + " "
			k := slices.DeleteFunc(slices.Clone(c.ends), func(x string) bool {
				return containsStr(same, x) || strings.HasPrefix(" "+ingest.Key(shortName(e.names[x].Name))+" ", own)
			})
			if len(k) == 0 {
				f[ignored]++
				continue
			}
			keep = narrowTo(keep, k)
		case containsStr(c.ends, id) && containsStr(a.examples, id):
			// "deployment configurations allatonce etc": the example among
			// the answers, the list it was taken from
			f[featExample] = 1
		case containsStr(c.ends, id):
			f[ignored]++ // the question's own entity among the answers: read the wrong way
		case containsStr(a.examples, id):
			f[ignored]++ // an example of the answers that is none of them
		default:
			var k []string
			switch {
			case linked && isVocabKind(e.names[id].Kind):
				// only a reading that starts at the question's entities can
				// be narrowed by its others, and only by what is shared
				// (a capability, a strategy, a concept): "... deliver
				// cross-account"
				k = e.constrainTo(ctx, c, id)
			case linked && c.pred != "" && a.both(c.anchor, id):
				// "delivered to both S3 and CloudWatch": what the reading
				// answers that the same relation also ties to the other
				k = e.constrainBySame(ctx, c, id)
			}
			if k == nil && c.typ == candRelation && !c.narrowed && len(c.ends) >= minConstrainedEnds && len(c.ends) <= maxConstrainedEnds && !containsStr(a.denied, id) && !containsStr(a.ruledOut, id) && !e.included(a, id) {
				if led := e.endsLedBy(c, id); len(led) > 1 && len(led) < len(c.ends) {
					// some answers are listed under a line that names it
					// and the rest are not: the reading that keeps those
					// (leadConstraint) reads it, this one ignores it
					f[ignored]++
					continue
				}
			}
			if k == nil {
				if linked && e.anchorHas(ctx, c, id) {
					// "the hooks ... for an ECS blue/green deployment" read
					// at ECS, which the notes say supports blue/green: no
					// answer narrows by it, the reading's subject has it
					continue
				}
				if e.inSection(c, id) {
					// "Hooks: BeforeInstall -> ..." under "AWS CodeDeploy >
					// Deploy to ECS": ECS's hooks, read in CodeDeploy's
					// context
					f[featInSection]++
					continue
				}
				f[ignored]++
				continue
			}
			constrained = true
			for _, x := range k {
				if !containsStr(keep, x) {
					keep = append(keep, x)
				}
			}
		}
	}
	for _, id := range a.linkIDs() {
		if !containsStr(strong, id) && e.sameValueAmong(c.ends, id) {
			f[ignored]++ // "60 seconds" among the answers of "... at 60-second resolution?"
		}
		if !containsStr(strong, id) && id != c.anchor && c.typ == candRelation && e.names[id].Kind == graph.KindConcept && a.relationSpellsIdentifier(id, c.rel) &&
			!slices.ContainsFunc(strong, func(s string) bool { return containsStr(c.ends, s) }) {
			// "what values can DeletionPolicy take in a cfn template" read
			// as CloudFormation's "deletion policy": the relation is the
			// identifier the question names, a concept of the notes (an
			// event such as AllowTraffic is a thing of its own); not when
			// it answers with another thing the question names ("UpdatePolicy
			// attributes for an auto scaling group" is no list of what
			// UpdatePolicy handles updates to)
			f[featViaName]++
		}
	}
	if constrained && len(keep) > 0 && !slices.ContainsFunc(keep, func(x string) bool { return !containsStr(strong, x) }) {
		// "Which VPC interface endpoints do they need so Systems Manager
		// can manage them?" read as the VPC's interface endpoints, kept to
		// those related to EC2 instances: the one left is a thing the
		// question names itself, no answer; the narrowing found nothing
		constrained, keep = false, nil
	}
	if constrained {
		f[featConstrained] = 1
	}
	if len(keep) == len(c.ends) && len(c.ends) > 1 {
		keep = nil // every answer satisfies it: nothing to filter
	}
	return keep
}

// otherScene reports whether every line of a reading is stated under a
// heading (the one right above it) or a list head that names another thing
// of id's kind, one the question does not name, and none names id:
// "codedeploy ec2 appspec lifecycle events order" read as the hooks listed
// under "Deploy to Lambda" ("appspec hooks (EC2/On-Premises)" names EC2).
func (e *Engine) otherScene(a *analysis, c *candidate, id string) bool {
	kind := e.names[id].Kind
	linked := a.linkIDs()
	names := func(x string) bool { return x == id || e.namesContain(x, id) }
	other := func(x string) bool {
		return x != c.anchor && x != c.via && e.names[x].Kind == kind && !containsStr(linked, x)
	}
	for n, ed := range c.edges {
		if n == maxSectionEdges {
			break
		}
		var ids []string
		for _, src := range ed.Sources {
			// the heading right above is the line's scene; a title above
			// it ("CI/CD on AWS: CodePipeline, CodeBuild, CodeDeploy")
			// names the whole note's
			if i, ok := e.ix.StatementAt(src); ok {
				sec := e.ix.StatementSection(i)
				if k := strings.LastIndex(sec, " > "); k >= 0 {
					sec = sec[k+3:]
				}
				ids = append(ids, e.headNames(sec)...)
			}
		}
		for _, d := range ed.Details {
			if head, _, ok := strings.Cut(d, " — "); ok {
				ids = append(ids, e.headNames(head)...)
			}
		}
		if slices.ContainsFunc(ids, names) || !slices.ContainsFunc(ids, other) {
			return false
		}
	}
	return len(c.edges) > 0
}

// sceneNarrows returns the ends of a reading that some line states
// outside a scene naming id: an edge whose every detail opens with a list
// head that names id ("In case we have load balancer, ... — BlockTraffic")
// is stated only under it. nil when no end is, or every end is (then the
// reading is the scene's own, and the head says nothing to narrow by).
func (e *Engine) sceneNarrows(c *candidate, id string) []string {
	inScene := map[string]bool{}
	outside := map[string]bool{}
	for _, ed := range c.edges {
		end := c.answerOf(ed)
		under := len(ed.Details) > 0
		for _, d := range ed.Details {
			if head, _, ok := strings.Cut(d, " — "); !ok || !containsStr(e.headNames(head), id) {
				under = false
				break
			}
		}
		if under {
			inScene[end] = true
		} else {
			outside[end] = true
		}
	}
	var keep []string
	for _, end := range c.ends {
		if outside[end] || !inScene[end] {
			keep = append(keep, end)
		}
	}
	if len(keep) == 0 || len(keep) == len(c.ends) {
		return nil
	}
	return keep
}

// narrowTo narrows the answers a reading keeps (keep, nil for all of
// them) to those in k.
func narrowTo(keep, k []string) []string {
	if len(keep) == 0 {
		return k
	}
	return slices.DeleteFunc(keep, func(x string) bool { return !containsStr(k, x) })
}

// relationNamesEntity reports whether a relation's words hold every
// content stem of the words by which the question names entity id, but
// for words that only say what kind of thing it is ("deployment" of
// "canary deployment").
func (e *Engine) relationNamesEntity(a *analysis, id string, rel []string) bool {
	return a.relationHoldsBut(id, rel, func(w qword) bool { return len(e.lx.Kinds(w.lower)) > 0 })
}

// sameValueAmong reports whether id is a value node whose quantity one of
// the nodes ids names too ("60-second" and "60 seconds").
func (e *Engine) sameValueAmong(ids []string, id string) bool {
	q, ok := e.valueOf(id)
	if !ok {
		return false
	}
	return slices.ContainsFunc(ids, func(x string) bool {
		qx, ok := e.valueOf(x)
		return ok && sameQuantity(q, qx)
	})
}

// anchorHas reports whether a candidate's anchor has the capability or
// strategy id in the graph (ECS and blue/green).
func (e *Engine) anchorHas(ctx context.Context, c *candidate, id string) bool {
	return isVocabKind(e.names[id].Kind) && e.neighbours(ctx, c.anchor)[id]
}

// constrainTo returns the ends of a candidate that relate to an entity (by
// any edge, either way, or through its variants and features) or whose
// identifier names it (see identifierHolds), nil when none does.
func (e *Engine) constrainTo(ctx context.Context, c *candidate, id string) []string {
	near := e.neighbours(ctx, id)
	keys := e.nameKeys(id)
	var keep []string
	for _, end := range c.ends {
		if near[end] || e.identifierHolds(end, keys) {
			keep = append(keep, end)
		}
	}
	return keep
}

// identifiersHolding returns the ends of a reading whose identifiers hold
// the name of node id (see identifierHolds).
func (e *Engine) identifiersHolding(c *candidate, id string) []string {
	keys := e.nameKeys(id)
	var k []string
	for _, end := range c.ends {
		if e.identifierHolds(end, keys) {
			k = append(k, end)
		}
	}
	return k
}

// nameKeys returns the words of a node's name and of each of its aliases
// (ingest.Key, split), once per node.
func (e *Engine) nameKeys(id string) [][]string {
	if v, ok := e.keys.Load(id); ok {
		return v.([][]string)
	}
	n := e.names[id]
	out := make([][]string, 0, 1+len(n.Aliases))
	for _, name := range append([]string{n.Name}, n.Aliases...) {
		if k := strings.Fields(ingest.Key(name)); len(k) > 0 {
			out = append(out, k)
		}
	}
	e.keys.Store(id, out)
	return out
}

// identifierHolds reports whether the name of node end is one identifier
// whose camel-case words hold one of keys (see nameKeys):
// "LambdaCanary10Percent5Minutes" holds Canary, though no edge ties them.
func (e *Engine) identifierHolds(end string, keys [][]string) bool {
	name := e.names[end].Name
	if name == "" || strings.ContainsAny(name, " \t") {
		return false
	}
	parts := ingest.CamelParts(name)
	for _, k := range keys {
		for i := 0; i+len(k) <= len(parts); i++ {
			if slices.Equal(parts[i:i+len(k)], k) {
				return true
			}
		}
	}
	return false
}

// constrainBySame keeps the ends of a reading that its relation also ties
// to id, in the reading's direction: for "what deliversTo CloudWatch", the
// ends that deliver to id too.
func (e *Engine) constrainBySame(ctx context.Context, c *candidate, id string) []string {
	var keep []string
	for _, end := range c.ends {
		var edges []graph.Edge
		var err error
		if c.inverse {
			edges, err = e.ix.Out(ctx, end, c.pred)
		} else {
			edges, err = e.ix.In(ctx, end, c.pred)
		}
		if err != nil {
			continue
		}
		for _, ed := range edges {
			if ed.Object == id && c.inverse || ed.Subject == id && !c.inverse {
				keep = append(keep, end)
				break
			}
		}
	}
	return keep
}

// neighbours returns, once per entity, the nodes related to it (or to its
// variants and features) by an edge either way, but for the entity's own
// parts; a capability or strategy ("cross-account") also counts the
// services whose feature is related to it, as what has it through a part.
func (e *Engine) neighbours(ctx context.Context, id string) map[string]bool {
	if v, ok := e.near.Load(id); ok {
		return v.(map[string]bool)
	}
	targets := map[string]bool{id: true}
	for _, v := range e.mustAnchors(ctx, id) {
		targets[v] = true
	}
	near := map[string]bool{}
	for t := range targets {
		if out, err := e.ix.Out(ctx, t); err == nil {
			for _, ed := range out {
				if ed.Predicate != graph.PredFeature {
					near[ed.Object] = true
				}
			}
		}
		if in, err := e.ix.In(ctx, t); err == nil {
			for _, ed := range in {
				near[ed.Subject] = true
			}
		}
	}
	if isVocabKind(e.names[id].Kind) {
		var parents []string
		for n := range near {
			if in, err := e.ix.In(ctx, n, graph.PredFeature); err == nil {
				for _, ed := range in {
					parents = append(parents, ed.Subject)
				}
			}
		}
		for _, p := range parents {
			near[p] = true
		}
	}
	for t := range targets {
		delete(near, t)
	}
	e.near.Store(id, near)
	return near
}

// idf is the inverse document frequency of a stem over the notes'
// statements: rare words weigh more.
func (e *Engine) idf(stem string) float64 {
	return math.Log(1 + float64(e.nDocs()+1)/float64(e.docFreq(stem)+1))
}

// relationNamesKind reports whether an open relation's phrase has a head
// noun that names one of the kinds wanted ("event" for events).
func (e *Engine) relationNamesKind(pred string, wants []graph.NodeKind) bool {
	phrase, _, ok := graph.ParseRelation(pred)
	if !ok {
		return false
	}
	ws := strings.Fields(phrase)
	if len(ws) == 0 {
		return false
	}
	// the phrase's head noun is its last word before its verb ("hook" of
	// "hook can actually", from "hooks you can actually use:")
	head := ws[len(ws)-1]
	for i := 1; i < len(ws); i++ {
		if e.lx.HeadVerb(ws[i]) {
			head = ws[i-1]
			break
		}
	}
	for _, k := range e.lx.Kinds(head) {
		if containsKind(wants, k) {
			return true
		}
	}
	return false
}

// roleFit is +1 for a relation read in the direction the question's word
// order gives, -1 for the other direction, 0 when the order says nothing:
// an entity before the relation's word (or after "of", "for", "with") is
// its subject; one after it, its object. "What does Security Hub
// aggregate" reads Security Hub's aggregates; "which services notify SNS"
// reads what notifies SNS.
func (e *Engine) roleFit(a *analysis, c *candidate) float64 {
	// the verb, not the asked-for noun ("which destinations ... deliver"),
	// places the entity; the noun does when it is all there is ("the
	// targets of X"). The sentence that asks holds the verb that counts:
	// "I need X streamed ... . What destinations does a subscription
	// filter support?"
	verb, noun := -1, false
	for _, pass := range [...]struct{ asking, focus bool }{{true, false}, {true, true}, {false, false}, {false, true}} {
		if verb = relationWordAt(a, c, pass.asking, pass.focus); verb >= 0 {
			noun = pass.focus
			break
		}
	}
	if verb < 0 {
		return 0
	}
	if i := e.headWordBefore(a, verb); !noun && i >= 0 && e.lx.QuestionSurface("role_as", a.words[i].lower) {
		noun = true // "act as producers writing into X": X's producers
	}
	if noun && c.anchor != a.referent && slices.ContainsFunc(a.links, func(l link) bool { return l.id == c.anchor && l.start > verb }) {
		// "which repository events can a CodeCommit trigger fire on": the
		// asked-for noun names what the entity relates to, wherever the
		// entity stands
		if c.inverse {
			return -1
		}
		return 1
	}
	if a.referent != "" && a.referentAt < verb {
		// "If I put a subscription filter on a CloudWatch Logs log group,
		// where can it send ...": the pronoun's referent is the subject;
		// the clause's other entities play no part in the verb
		switch {
		case c.anchor == a.referent && !c.inverse:
			return 1
		case c.anchor == a.referent:
			return -1
		default:
			for _, l := range a.links {
				if l.id == c.anchor && l.end <= a.referentAt {
					return 0
				}
			}
		}
	}
	for _, l := range a.links {
		if l.id != c.anchor {
			continue
		}
		// the asked-for noun belongs to the entity wherever it stands:
		// "what destinations does X support", "the targets of X"
		subject := l.start < verb
		if i := e.headWordBefore(a, l.start); i >= 0 {
			switch a.words[i].lower {
			case "of", "for", "with", "in", "on", "by":
				subject = true
			}
		}
		if subject == !c.inverse {
			return 1
		}
		return -1
	}
	return 0
}

// relationWordAt is the byte offset of the first question term the
// candidate's relation holds, among the terms of the asking sentence (or of
// the scene before it) that are (or are not) of the asked-for noun phrase;
// -1 when none.
func relationWordAt(a *analysis, c *candidate, asking, focus bool) int {
	for _, t := range a.terms {
		if a.words[t.pos].stop {
			continue // "What deployment types does X support": "does" asks, it places nothing
		}
		if containsStr(a.focus, t.stem) == focus && (a.words[t.pos].start >= a.askAt) == asking && t.in(c.rel) {
			return a.words[t.pos].start
		}
	}
	return -1
}

// headWordBefore is the index of the word before the noun phrase that ends
// in the entity at byte offset at: past its determiners and the entities
// that qualify it ("for a cross-account CloudWatch Logs subscription" is
// "for"); -1 when none.
func (e *Engine) headWordBefore(a *analysis, at int) int {
	i := wordBefore(a, at)
	for i >= 0 && (e.lx.QuestionSurface("determiner", a.words[i].lower) || a.words[i].linked >= 0) {
		i = wordBefore(a, a.words[i].start)
	}
	return i
}

// wordBefore is the index of the word ending before a byte offset, -1 when none.
func wordBefore(a *analysis, at int) int {
	for i := len(a.words) - 1; i >= 0; i-- {
		if a.words[i].end <= at {
			return i
		}
	}
	return -1
}

// maxSectionEdges bounds the edges of a candidate whose lines inSection
// looks at.
const maxSectionEdges = 40

// inSection reports whether a line a candidate stands on sits under a
// heading that names an entity, or under a list head that does (its fact's
// detail "Notifications without SNS - CloudWatch events only — GuardDuty").
func (e *Engine) inSection(c *candidate, id string) bool {
	own := e.ownTerms(id, c.anchor)
	for n, ed := range c.edges {
		if n == maxSectionEdges {
			break
		}
		for _, src := range ed.Sources {
			i, ok := e.ix.StatementAt(src)
			if !ok {
				continue
			}
			if containsStr(e.sectionNamesOf(i), id) || len(own) > 0 && subset(own, e.lx.Terms(e.ix.StatementSection(i))) {
				// (or under a heading that names the part of the reading's
				// subject by its own words: "Aggregation" in AWS Config's
				// section for "AWS Config aggregators")
				return true
			}
		}
		for _, d := range ed.Details {
			if head, _, ok := strings.Cut(d, " — "); ok && containsStr(e.headNames(head), id) {
				return true
			}
		}
	}
	return false
}

// ownTerms returns the stems of the words entity id's name adds to the
// name of the service it is a part of ("aggreg" of "AWS Config
// Aggregators" under AWS Config); nil when id's name does not open with
// the service's.
func (e *Engine) ownTerms(id, service string) []string {
	if id == "" || service == "" || id == service || e.names[service].Kind != graph.KindService {
		return nil
	}
	name, svc := ingest.Key(shortName(e.names[id].Name)), ingest.Key(shortName(e.names[service].Name))
	rest, ok := strings.CutPrefix(name, svc+" ")
	if !ok {
		return nil
	}
	return e.lx.Terms(rest)
}

// headNames is sectionNames of a list head, memoised: the same heads come
// back for every candidate and every entity of a question.
func (e *Engine) headNames(head string) []string {
	if v, ok := e.heads.Load(head); ok {
		return v.([]string)
	}
	ids := e.sectionNames(head)
	e.heads.Store(head, ids)
	return ids
}

// endsNaming returns the values a candidate answers whose names hold
// entity id's name (see namesContain): they count it ("1000 Application
// Versions" of Elastic Beanstalk's limits for the feature Application
// Version).
func (e *Engine) endsNaming(c *candidate, id string) []string {
	var out []string
	for _, x := range c.ends {
		if x != id && e.names[x].Kind == graph.KindValue && e.namesContain(x, id) {
			out = append(out, x)
		}
	}
	return out
}

// namesContain reports whether a node's name holds another node's name or
// one of its aliases as whole words: "CodeDeploy Lambda" holds "Lambda".
func (e *Engine) namesContain(id, other string) bool {
	name := " " + ingest.Key(e.names[id].Name) + " "
	o := e.names[other]
	for _, n := range append([]string{o.Name}, o.Aliases...) {
		if k := ingest.Key(n); k != "" && strings.Contains(name, " "+k+" ") {
			return true
		}
	}
	return false
}

func isVocabKind(k graph.NodeKind) bool {
	return k == graph.KindCapability || k == graph.KindStrategy || k == graph.KindConcept
}

// detailsName reports whether one of the lines a reading stands on names
// entity id: it holds every word of its name or of one of its aliases.
func (e *Engine) detailsName(c *candidate, id string) bool {
	n := e.names[id]
	for _, name := range append([]string{n.Name}, n.Aliases...) {
		st := e.textStems(name)
		if len(st) == 0 {
			continue
		}
		for _, d := range c.details {
			if !slices.ContainsFunc(st, func(s string) bool { return !containsStr(d, s) }) {
				return true
			}
		}
	}
	return false
}

// endsLedBy returns the answers of a reading (IDs of c.ends) that one of
// their edges' note lines is an item of a list whose lead line names id
// (see leadOf); nil when none is.
func (e *Engine) endsLedBy(c *candidate, id string) []string {
	var out []string
	for _, ed := range c.edges {
		end := c.answerOf(ed)
		if containsStr(out, end) || !containsStr(c.ends, end) {
			continue
		}
		for _, src := range ed.Sources {
			i, ok := e.ix.StatementAt(src)
			if !ok {
				continue
			}
			if l := e.leadOf(i); l >= 0 && e.ix.StatementNames(l, id) {
				out = append(out, end)
				break
			}
		}
	}
	return out
}

// ofDimension reports whether a value's name is a quantity of dimension
// dim (see ingest.Quantity).
func ofDimension(name, dim string) bool {
	q, ok := ingest.ParseQuantity(name)
	return ok && q.Dimension == dim
}
