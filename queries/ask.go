package queries

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// MaxQuestionBytes bounds a question; longer ones are rejected.
const MaxQuestionBytes = 4096

// Examples are questions shown when a question is out of reach.
var Examples = []string{
	"which services support cross-account",
	"what is the multi-region feature of DynamoDB",
	"which services notify SNS natively",
	"how do I get data from CloudWatch Logs to Athena",
	"order the DR strategies from cheapest to most expensive",
	"what are the OpsWorks lifecycle events",
	"compare CodeDeploy and Elastic Beanstalk",
	"what is CloudTrail",
}

// question is a parsed question.
type question struct {
	text   string
	lower  string
	ents   []string // entities named, in order (services, features, components...)
	weak   []string // entities named, weak aliases included
	vocab  []string // capabilities and strategies named
	region string
}

var regionRe = regexp.MustCompile(`\b(us|eu|ap|sa|ca|me|af)-(east|west|north|south|central|northeast|southeast|northwest|southwest)-\d\b`)

func (e *Engine) parse(text string) question {
	q := question{text: text, lower: strings.ToLower(text), region: regionRe.FindString(strings.ToLower(text))}
	for _, m := range e.dict.Find(text) {
		if m.ID == "" {
			continue
		}
		e.classify(&q, m.ID, &q.ents)
	}
	for _, m := range e.dict.FindWeak(text) {
		if m.ID == "" {
			continue
		}
		n := e.names[m.ID]
		if n.Kind == graph.KindCapability || n.Kind == graph.KindStrategy {
			continue
		}
		if !containsStr(q.weak, m.ID) {
			q.weak = append(q.weak, m.ID)
		}
	}
	return q
}

func (e *Engine) classify(q *question, id string, ents *[]string) {
	n, ok := e.names[id]
	if !ok {
		return
	}
	switch n.Kind {
	case graph.KindCapability, graph.KindStrategy:
		if !containsStr(q.vocab, id) {
			q.vocab = append(q.vocab, id)
		}
	case graph.KindPath, graph.KindLevel:
	default:
		if !containsStr(*ents, id) {
			*ents = append(*ents, id)
		}
	}
}

func (q question) has(re *regexp.Regexp) bool { return re.MatchString(q.lower) }

var (
	compareRe  = regexp.MustCompile(`\bcompare\b|\bvs\.?\b|\bversus\b|\bdifferences? between\b|\bcompared\b`)
	pathRe     = regexp.MustCompile(`\bfrom\b.+\bto\b|\bpath\b|\bchain\b|\broute\b|\bget\b.+\bto\b|\bpipe\b|\bdata flow\b`)
	rankRe     = regexp.MustCompile(`\border\b|\brank\w*\b|\bsort\w*\b|\bcheapest\b|\bexpensive\b|\blowest\b|\bhighest\b|\bfastest\b|\bslowest\b|\bleast\b|\bbest\b|\bworst\b|\bshortest\b|\blongest\b`)
	noNotifyRe = regexp.MustCompile(`\bno notifications?\b|\bnot notify\b|\bwithout (any )?notifications?\b|\bcannot notify\b|\bno way to notify\b|\bdo(es)? not notify\b|\bdon't notify\b`)
	onlyRe     = regexp.MustCompile(`\bonly\b|\brestricted\b|\bexclusive\w*\b|\bjust\b`)
	eventCue   = regexp.MustCompile(`\blifecycle\b|\bhooks?\b`)
	helperCue  = regexp.MustCompile(`\bhelper scripts?\b|\bscripts\b`)
	aggCue     = regexp.MustCompile(`\baggregat\w*\b`)
	configCue  = regexp.MustCompile(`\bdeployment config\w*\b|\bconfigurations?\b`)
	typeCue    = regexp.MustCompile(`\bdeploy\w*\b.*\b(types?|strateg\w*|options?|methods?|modes?)\b|\b(types?|strateg\w*|options?|methods?|modes?)\b.*\bdeploy\w*\b`)
	targetCue  = regexp.MustCompile(`\btargets?\b|\binvoke\b`)
	destCue    = regexp.MustCompile(`\bdestinations?\b|\bdeliver\w*\b|\bsend\w*\b|\bwhere do\b|\bgo\b`)
	notifyCue  = regexp.MustCompile(`\bnotif\w*\b|\balert\w*\b|\btrigger\w*\b|\bemit\w*\b|\bpublish\w*\b`)
	notifOnly  = regexp.MustCompile(`\bnotif\w*\b|\balert\w*\b`)
	emitCue    = regexp.MustCompile(`\bemit\w*\b|\bwhich services\b|\bwhat services\b|\bwho\b`)
	featureCue = regexp.MustCompile(`\bcapabilit\w*\b|\bfeatures?\b|\bactions?\b|\bcomponents?\b|\bconsists?\b|\bincludes?\b|\bparts?\b|\btools?\b`)
	describeRe = regexp.MustCompile(`^\s*(what is|what's|what are|tell me about|describe|explain|summari[sz]e|show|about)\b`)
	drCue      = regexp.MustCompile(`\bdisaster recovery\b|\bdr\b`)
	logsCue    = regexp.MustCompile(`\bmanaged logs?\b|\blogs\b.*\bthere\b|\bwhich logs\b|\bwhat logs\b`)
	stratCue   = regexp.MustCompile(`\bstrateg\w*\b`)
	featureQ   = regexp.MustCompile(`\bfeature\b|\bhow does\b|\bhow do\b|\bwhich part\b|\bwhat provides\b|\bprovides?\b`)
	yesNoRe    = regexp.MustCompile(`^\s*(does|do|is|are|can|could|has|have)\b`)
	doesRe     = regexp.MustCompile(`\bwhat does\b.*\bdo\b|\bwhat is\b.*\bfor\b|\bpurpose\b|\bused for\b`)
	warnRe     = regexp.MustCompile(`\bwarn\w*\b|\bdetect\w*\b|\bfindings?\b`)
	limitRe    = regexp.MustCompile(`\blimits?\b|\bquotas?\b|\bmaximum\b|\bmax\b`)
	sameRe     = regexp.MustCompile(`\bsame (aws )?region\b`)
	sendPathRe = regexp.MustCompile(`\b(send|move|stream|ship|deliver|route|export|forward|push|copy)\w*\b.+\b(to|into)\b`)
	whyRe      = regexp.MustCompile(`^\s*(why|where does|where do|what is the source|sources? (of|for))\b`)
)

// Ask answers a question. A question out of reach gives an *graph.Error with
// code ENOTFOUND whose message lists example questions.
func (e *Engine) Ask(ctx context.Context, text string) (*Result, error) {
	text = strings.TrimSpace(text)
	switch {
	case text == "":
		return nil, graph.Errorf(graph.EINVALID, "empty question")
	case len(text) > MaxQuestionBytes:
		return nil, graph.Errorf(graph.EINVALID, "question is %d bytes, over the %d-byte limit", len(text), MaxQuestionBytes)
	case !utf8.ValidString(text):
		return nil, graph.Errorf(graph.EINVALID, "question is not valid UTF-8")
	}
	q := e.parse(text)
	res, err := e.route(ctx, q)
	if err != nil {
		return nil, err
	}
	res.Question = text
	res.Focus = append(append([]string{}, q.ents...), q.vocab...)
	for _, id := range res.Focus {
		res.Understood = append(res.Understood, e.names[id].Name)
	}
	if len(res.Answers) == 0 {
		var names []string
		for _, id := range append(append([]string{}, q.ents...), q.vocab...) {
			names = append(names, e.names[id].Name)
		}
		return nil, &graph.Error{Code: graph.ENOTFOUND, Message: fmt.Sprintf("the notes say nothing that answers %q (read as %s about %s)", text, res.Intent, strings.Join(names, ", "))}
	}
	return res, nil
}

func (e *Engine) route(ctx context.Context, q question) (*Result, error) {
	x := ""
	if len(q.ents) > 0 {
		x = q.ents[0]
	}
	for _, id := range q.ents {
		if e.names[id].Kind == graph.KindService {
			x = id
			break
		}
	}
	switch {
	case (whyRe.MatchString(q.lower) || yesNoRe.MatchString(q.lower)) && x != "" && len(q.vocab) > 0:
		return e.capabilityOf(ctx, q, x)
	case q.has(compareRe) && len(q.ents) >= 2:
		return e.compare(ctx, q.ents[0], q.ents[1])
	case q.has(rankRe) && e.rankMetric(q) != "":
		return e.rank(ctx, q)
	case q.has(pathRe) && (len(q.ents) > 0 || len(q.weak) > 0) && !q.has(typeCue),
		q.has(sendPathRe) && len(q.ents) >= 2 && !q.has(notifOnly) && e.entityAfterLastTo(q):
		return e.path(ctx, q)
	case q.has(sameRe) && !strings.Contains(q.lower, "multi"):
		return e.inOf(ctx, "same-region", graph.NodeID(graph.KindConcept, "same region"), graph.PredSameRegion)
	case q.has(noNotifyRe):
		return e.noNotification(ctx)
	case q.region != "" && (q.has(onlyRe) || strings.Contains(q.lower, "available")):
		return e.onlyIn(ctx, q)
	}
	if x != "" {
		switch {
		case e.rankMetric(q) != "" && (e.names[x].Kind == graph.KindDR || e.names[x].Kind == graph.KindStrategy):
			return e.levelOf(ctx, q, x)
		case q.has(doesRe) && !q.has(warnRe):
			return e.outOf(ctx, "does", x, false, graph.PredDoes)
		case q.has(warnRe) && strings.Contains(q.lower, "what"):
			return e.outOf(ctx, "warns-about", x, false, graph.PredWarns)
		case q.has(limitRe):
			return e.outOf(ctx, "limits", x, false, graph.PredLimit)
		case e.propertyOf(q) != "":
			return e.property(ctx, q, x)
		case q.has(eventCue):
			return e.outOf(ctx, "lifecycle-events", x, true, graph.PredEvent)
		case q.has(helperCue):
			return e.outOf(ctx, "helper-scripts", x, false, graph.PredHelper)
		case q.has(aggCue):
			return e.outOf(ctx, "aggregates", x, false, graph.PredAggregate)
		case q.has(configCue) && strings.Contains(q.lower, "deploy"):
			return e.deployConfigs(ctx, q, x)
		case q.has(typeCue) && len(q.vocab) == 0:
			return e.deployTypes(ctx, x)
		case q.has(targetCue):
			return e.targets(ctx, q, graph.PredTargets)
		case q.has(destCue) && !q.has(emitCue) && !q.has(notifOnly):
			return e.targets(ctx, q, graph.PredDelivers)
		case q.has(notifyCue) && len(q.vocab) == 0:
			if q.has(emitCue) || e.objectOfCue(q, x, notifyCue) {
				return e.inOfFiltered(ctx, q, "notified-by", x, graph.PredNotifies)
			}
			return e.outOf(ctx, "notifies", x, false, graph.PredNotifies)
		case len(q.vocab) > 0 && q.has(featureQ):
			return e.capabilityFeature(ctx, q, x)
		case q.has(featureCue) && len(q.vocab) == 0:
			return e.features(ctx, x)
		}
	}
	switch {
	case len(q.vocab) > 0:
		return e.capabilityServices(ctx, q)
	case q.has(drCue) && q.has(stratCue) || q.has(drCue) && strings.Contains(q.lower, "what are"):
		return e.ofKind(ctx, "dr-strategies", graph.KindDR)
	case q.has(logsCue):
		return e.ofKind(ctx, "managed-logs", graph.KindLog)
	case q.has(stratCue) && strings.Contains(q.lower, "deploy"):
		return e.ofKind(ctx, "deployment-strategies", graph.KindStrategy)
	case x != "" && (q.has(describeRe) || len(strings.Fields(q.lower)) <= 3):
		return e.describe(ctx, x)
	}
	return nil, e.outOfReach(q)
}

// outOfReach explains a question no family matches: a misspelt name gets
// "did you mean", anything else example questions.
func (e *Engine) outOfReach(q question) error {
	var hints []string
	for _, w := range strings.Fields(q.text) {
		w = strings.Trim(w, "?!.,;:'\"()")
		if len([]rune(w)) < 5 || stopWords[strings.ToLower(w)] {
			continue
		}
		if _, ok := e.dict.Exact(w); ok {
			continue
		}
		// a misspelling, not another word: at most one edit per four letters
		for _, s := range e.suggest(w, 1, max(1, len([]rune(w))/4)) {
			if !containsStr(hints, s) {
				hints = append(hints, s)
			}
		}
	}
	if len(hints) > 0 {
		return graph.Errorf(graph.ENOTFOUND, "cannot answer %q: did you mean %s?", q.text, strings.Join(quoteAll(hints), " or "))
	}
	return graph.Errorf(graph.ENOTFOUND, "cannot answer %q: it names no service, capability or relation awskg knows; try e.g. %s", q.text, `"`+strings.Join(Examples[:4], `", "`)+`"`)
}

// ---- families ------------------------------------------------------------

func (e *Engine) outOf(ctx context.Context, intent, x string, ordered bool, preds ...string) (*Result, error) {
	ids := append([]string{x}, e.featuresOf(ctx, x)...)
	var edges []graph.Edge
	for _, id := range ids {
		out, err := e.ix.Out(ctx, id, preds...)
		if err != nil {
			return nil, fmt.Errorf("read %s of %s: %w", intent, id, err)
		}
		edges = append(edges, out...)
		if len(edges) > 0 && id == x {
			break // the entity's own edges win over its features'
		}
	}
	return &Result{Intent: intent, Answers: e.collect(edges, object, ordered)}, nil
}

func (e *Engine) inOf(ctx context.Context, intent, x string, preds ...string) (*Result, error) {
	edges, err := e.ix.In(ctx, x, preds...)
	if err != nil {
		return nil, fmt.Errorf("read %s of %s: %w", intent, x, err)
	}
	return &Result{Intent: intent, Answers: e.foldFeatures(ctx, e.collect(edges, subject, false))}, nil
}

func (e *Engine) inOfFiltered(ctx context.Context, q question, intent, x string, preds ...string) (*Result, error) {
	// Services that integrate with an event router (a node the notes give
	// targets for) emit events to it.
	if out, err := e.ix.Out(ctx, x, graph.PredTargets); err == nil && len(out) > 0 {
		preds = append(preds, graph.PredIntegrates)
	}
	res, err := e.inOf(ctx, intent, x, preds...)
	if err != nil {
		return nil, err
	}
	res.Answers = e.filterByContent(q, res.Answers)
	return res, nil
}

// featuresOf returns the features of a node.
func (e *Engine) featuresOf(ctx context.Context, id string) []string {
	out, err := e.ix.Out(ctx, id, graph.PredFeature)
	if err != nil {
		return nil
	}
	var ids []string
	for _, ed := range out {
		ids = append(ids, ed.Object)
	}
	return ids
}

// foldFeatures replaces a feature by its service when the service is also
// answered, keeping the feature's name in the detail.
func (e *Engine) foldFeatures(ctx context.Context, answers []Answer) []Answer {
	idx := map[string]int{}
	for i, a := range answers {
		idx[a.ID] = i
	}
	drop := map[int]bool{}
	for i, a := range answers {
		if a.Kind != string(graph.KindFeature) {
			continue
		}
		parents, err := e.ix.In(ctx, a.ID, graph.PredFeature)
		if err != nil {
			continue
		}
		for _, p := range parents {
			if j, ok := idx[p.Subject]; ok && j != i {
				pa := &answers[j]
				if !strings.Contains(pa.Detail, a.Name) {
					pa.Detail = strings.TrimPrefix(pa.Detail+" | "+a.Name+": "+a.Detail, " | ")
				}
				for _, s := range a.Sources {
					if !containsStr(pa.Sources, s) {
						pa.Sources = append(pa.Sources, s)
					}
				}
				sort.Strings(pa.Sources)
				drop[i] = true
				break
			}
		}
	}
	var out []Answer
	for i, a := range answers {
		if !drop[i] {
			out = append(out, a)
		}
	}
	return out
}

// capabilityNodes returns the capability node a question means: a
// qualified one ("Multi-AZ (manual)") when the question qualifies it, else
// the base node and all its qualified variants.
func (e *Engine) capabilityNodes(ctx context.Context, q question, c string) []string {
	variants, err := e.ix.In(ctx, c, graph.PredIsA)
	if err != nil {
		return []string{c}
	}
	qual := ""
	switch {
	case regexp.MustCompile(`\bmanual\w*\b|\bexplicit\w*\b|\benabled?\b|\bturn\w* on\b|\bconfigure\b`).MatchString(q.lower):
		qual = "(manual)"
	case regexp.MustCompile(`\bimplicit\w*\b|\bautomatic\w*\b|\bby default\b|\bbuilt[- ]in\b|\bout of the box\b|\bnative\w*\b|\balready\b`).MatchString(q.lower):
		qual = "(implicit)"
	}
	if qual != "" {
		for _, v := range variants {
			if strings.HasSuffix(e.names[v.Subject].Name, qual) {
				return []string{v.Subject}
			}
		}
	}
	ids := []string{c}
	for _, v := range variants {
		ids = append(ids, v.Subject)
	}
	return ids
}

var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`which what who whose services service aws amazon support supports supported supporting have has had can could do does did
		the a an of for to in on with are is was be been being that this these those enabled enable need needs list show me all work works working
		capability capabilities concept any into from one several multiple across many other more their its it they them there
		deployment deployments deploy strategy strategies feature features able use used using offer offers provide provides
		give gives kind kinds type types i we you how why where when get notify notifies notified notification notifications emit emits
		send sends trigger triggers implicitly implicit automatically manually manual explicitly default`) {
		stopWords[w] = true
	}
}

// capabilityServices answers "which services have capability C".
func (e *Engine) capabilityServices(ctx context.Context, q question) (*Result, error) {
	c := q.vocab[0]
	var edges []graph.Edge
	for _, id := range e.capabilityNodes(ctx, q, c) {
		in, err := e.ix.In(ctx, id, graph.PredSupports, graph.PredProvides)
		if err != nil {
			return nil, fmt.Errorf("read services with %s: %w", id, err)
		}
		edges = append(edges, in...)
	}
	answers := e.foldFeatures(ctx, e.collect(edges, subject, false))
	answers = e.filterByContent(q, answers)
	return &Result{Intent: "capability-services", Answers: answers}, nil
}

// filterByContent keeps the answers whose name or detail shares a content
// word with the question, when the question has such words and some answers
// share them: "... collect logs, events or configuration data from several
// accounts" keeps CloudTrail, CloudWatch Logs, EventBridge and Config.
func (e *Engine) filterByContent(q question, answers []Answer) []Answer {
	vocabWords := map[string]bool{}
	for _, c := range append(append([]string{}, q.vocab...), q.ents...) {
		n := e.names[c]
		for _, a := range append([]string{n.Name}, n.Aliases...) {
			for _, w := range ingest.Tokens(a) {
				vocabWords[w] = true
			}
		}
	}
	var stems []string
	for _, w := range ingest.Tokens(q.lower) {
		if stopWords[w] || vocabWords[w] || len(w) < 3 {
			continue
		}
		stems = append(stems, stem(w))
	}
	if len(stems) == 0 {
		return answers
	}
	var keep []Answer
	for _, a := range answers {
		text := a.Name + " " + strings.Join(a.details, " ")
		if n, ok := e.names[a.ID]; ok {
			text += " " + strings.Join(n.Aliases, " ")
		}
		hit := false
		for _, w := range ingest.Tokens(text) {
			for _, s := range stems {
				if strings.HasPrefix(w, s) {
					hit = true
				}
			}
		}
		if hit {
			keep = append(keep, a)
		}
	}
	if len(keep) == 0 {
		return answers
	}
	return keep
}

func stem(w string) string {
	r := []rune(w)
	if len(r) > 5 {
		return string(r[:5])
	}
	return strings.TrimSuffix(w, "s")
}

// capabilityFeature answers "what is the multi-region feature of DynamoDB".
func (e *Engine) capabilityFeature(ctx context.Context, q question, x string) (*Result, error) {
	c := q.vocab[0]
	caps := e.capabilityNodes(ctx, q, c)
	var edges []graph.Edge
	for _, f := range e.featuresOf(ctx, x) {
		if e.names[f].Kind != graph.KindFeature {
			continue
		}
		out, err := e.ix.Out(ctx, f, graph.PredSupports, graph.PredProvides)
		if err != nil {
			return nil, fmt.Errorf("read features of %s: %w", x, err)
		}
		for _, ed := range out {
			if containsStr(caps, ed.Object) {
				edges = append(edges, ed)
			}
		}
	}
	if len(edges) > 0 {
		return &Result{Intent: "capability-feature", Answers: e.collect(edges, subject, false)}, nil
	}
	out, err := e.ix.Out(ctx, x, graph.PredSupports)
	if err != nil {
		return nil, fmt.Errorf("read capabilities of %s: %w", x, err)
	}
	for _, ed := range out {
		if containsStr(caps, ed.Object) {
			edges = append(edges, ed)
		}
	}
	return &Result{Intent: "capability-feature", Answers: e.collect(edges, subject, false)}, nil
}

func (e *Engine) features(ctx context.Context, x string) (*Result, error) {
	return e.outOf(ctx, "features", x, false, graph.PredFeature)
}

// deployTypes answers "what deployment types does Elastic Beanstalk
// support": the notes' own lists of types first, else every strategy.
func (e *Engine) deployTypes(ctx context.Context, x string) (*Result, error) {
	out, err := e.ix.Out(ctx, x, graph.PredDeployType)
	if err != nil {
		return nil, fmt.Errorf("read deployment types of %s: %w", x, err)
	}
	if len(out) == 0 {
		all, err := e.ix.Out(ctx, x, graph.PredSupports)
		if err != nil {
			return nil, fmt.Errorf("read strategies of %s: %w", x, err)
		}
		for _, ed := range all {
			if e.names[ed.Object].Kind == graph.KindStrategy {
				out = append(out, ed)
			}
		}
	}
	return &Result{Intent: "deployment-types", Answers: e.collect(out, object, false)}, nil
}

// deployConfigs answers "what deployment configurations does CodeDeploy
// support for Lambda": the configurations of the service's feature for that
// platform.
func (e *Engine) deployConfigs(ctx context.Context, q question, x string) (*Result, error) {
	var platform string
	for _, id := range q.ents {
		if id != x && e.names[id].Kind == graph.KindService {
			platform = id
			break
		}
	}
	targets := []string{x}
	if platform != "" {
		pname := strings.ToLower(shortName(e.names[platform].Name))
		targets = nil
		for _, f := range e.featuresOf(ctx, x) {
			if strings.Contains(strings.ToLower(e.names[f].Name), pname) {
				targets = append(targets, f)
			}
		}
		if len(targets) == 0 {
			targets = []string{x}
		}
	}
	var edges []graph.Edge
	for _, t := range targets {
		out, err := e.ix.Out(ctx, t, graph.PredConfig)
		if err != nil {
			return nil, fmt.Errorf("read deployment configurations of %s: %w", t, err)
		}
		edges = append(edges, out...)
	}
	return &Result{Intent: "deployment-configs", Answers: e.collect(edges, object, false)}, nil
}

func shortName(s string) string {
	return strings.TrimPrefix(strings.TrimPrefix(s, "AWS "), "Amazon ")
}

// targets answers "what are the targets of X" and "where does X deliver".
func (e *Engine) targets(ctx context.Context, q question, pred string) (*Result, error) {
	x := q.ents[0]
	// the most specific entity: a component or feature named after a service
	for _, id := range q.ents {
		if k := e.names[id].Kind; k == graph.KindComponent || k == graph.KindFeature {
			x = id
		}
	}
	preds := []string{graph.PredTargets, graph.PredDelivers, graph.PredFlowsTo}
	intent := "targets"
	if pred == graph.PredDelivers {
		intent = "destinations"
	}
	out, err := e.ix.Out(ctx, x, preds...)
	if err != nil {
		return nil, fmt.Errorf("read %s of %s: %w", intent, x, err)
	}
	// Direct target statements win over path hops when the notes have them.
	var direct []graph.Edge
	for _, ed := range out {
		if ed.Predicate == pred {
			direct = append(direct, ed)
		}
	}
	if len(direct) >= 3 {
		out = direct
	}
	return &Result{Intent: intent, Answers: e.collect(out, object, false)}, nil
}

// noNotification answers "which services have no notification at all":
// services whose every notification channel is marked absent.
func (e *Engine) noNotification(ctx context.Context) (*Result, error) {
	var edges []graph.Edge
	for _, n := range e.Nodes() {
		if n.Kind != graph.KindService {
			continue
		}
		no, err := e.ix.Out(ctx, n.ID, graph.PredNoNotify)
		if err != nil {
			return nil, fmt.Errorf("read notifications of %s: %w", n.ID, err)
		}
		if len(no) == 0 {
			continue
		}
		yes, err := e.ix.Out(ctx, n.ID, graph.PredNotifies)
		if err != nil {
			return nil, fmt.Errorf("read notifications of %s: %w", n.ID, err)
		}
		if len(yes) == 0 {
			edges = append(edges, no...)
		}
	}
	return &Result{Intent: "no-notification", Answers: e.collect(edges, subject, false)}, nil
}

func (e *Engine) onlyIn(ctx context.Context, q question) (*Result, error) {
	id := graph.NodeID(graph.KindConcept, q.region)
	in, err := e.ix.In(ctx, id, graph.PredOnlyIn)
	if err != nil {
		return nil, fmt.Errorf("read what exists only in %s: %w", q.region, err)
	}
	return &Result{Intent: "region-only", Answers: e.collect(in, subject, false)}, nil
}

func (e *Engine) ofKind(ctx context.Context, intent string, kind graph.NodeKind) (*Result, error) {
	var answers []Answer
	for _, n := range e.Nodes() {
		if n.Kind != kind {
			continue
		}
		out, err := e.ix.Out(ctx, n.ID)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", n.ID, err)
		}
		if len(out) == 0 {
			continue
		}
		a := e.answer(n.ID, out...)
		a.Detail = e.summarize(out)
		answers = append(answers, a)
	}
	if kind == graph.KindDR {
		e.sortByRank(ctx, answers, "cost", false)
	}
	return &Result{Intent: intent, Answers: answers}, nil
}

// summarize lists a node's relations: "deliversTo: Amazon S3, Amazon CloudWatch".
func (e *Engine) summarize(edges []graph.Edge) string {
	var parts []string
	byPred := map[string][]string{}
	var preds []string
	for _, ed := range edges {
		if _, ok := byPred[ed.Predicate]; !ok {
			preds = append(preds, ed.Predicate)
		}
		name := e.names[ed.Object].Name
		if !containsStr(byPred[ed.Predicate], name) {
			byPred[ed.Predicate] = append(byPred[ed.Predicate], name)
		}
	}
	for _, p := range preds {
		parts = append(parts, p+": "+strings.Join(byPred[p], ", "))
	}
	return strings.Join(parts, "; ")
}

// objectOfCue reports whether the entity comes after the question's verb:
// "what can trigger a Lambda function" asks what notifies Lambda, "what can
// CodeCommit notify" what CodeCommit notifies.
func (e *Engine) objectOfCue(q question, x string, cue *regexp.Regexp) bool {
	loc := cue.FindStringIndex(q.lower)
	if loc == nil {
		return false
	}
	for _, m := range e.dict.Find(q.text) {
		if m.ID == x {
			return m.Start > loc[0]
		}
	}
	return false
}

// capabilityOf answers "does X support C" and "why is X cross-account":
// X's own statements of C, then its features'.
func (e *Engine) capabilityOf(ctx context.Context, q question, x string) (*Result, error) {
	caps := e.capabilityNodes(ctx, q, q.vocab[0])
	out, err := e.ix.Out(ctx, x, graph.PredSupports, graph.PredProvides)
	if err != nil {
		return nil, fmt.Errorf("read capabilities of %s: %w", x, err)
	}
	var edges []graph.Edge
	for _, ed := range out {
		if containsStr(caps, ed.Object) {
			edges = append(edges, ed)
		}
	}
	if len(edges) == 0 {
		return e.capabilityFeature(ctx, q, x)
	}
	res := &Result{Intent: "capability-of", Answers: e.collect(edges, object, false)}
	for i := range res.Answers {
		res.Answers[i].Detail = e.names[x].Name + ": " + res.Answers[i].Detail
	}
	return res, nil
}

// propertyOf returns the property a question asks about ("data retention"),
// "" if it names none the graph holds.
func (e *Engine) propertyOf(q question) string {
	words := " " + strings.Join(ingest.Tokens(q.lower), " ") + " "
	for _, p := range e.properties {
		if strings.Contains(words, " "+strings.ReplaceAll(p, "-", " ")+" ") {
			return p
		}
	}
	return ""
}

// property answers "what is the data retention of Kinesis": the values the
// notes give for X and the services of its family ("Amazon Kinesis Data
// Streams" for "Amazon Kinesis").
func (e *Engine) property(ctx context.Context, q question, x string) (*Result, error) {
	pred := graph.PredProperty + ":" + e.propertyOf(q)
	ids := []string{x}
	prefix := e.names[x].Name + " "
	for _, n := range e.Nodes() {
		if n.Kind == graph.KindService && strings.HasPrefix(n.Name, prefix) {
			ids = append(ids, n.ID)
		}
	}
	var answers []Answer
	for _, id := range ids {
		out, err := e.ix.Out(ctx, id, pred)
		if err != nil {
			return nil, fmt.Errorf("read %s of %s: %w", pred, id, err)
		}
		for _, a := range e.collect(out, object, false) {
			a.Detail = e.names[id].Name + ": " + a.Detail
			answers = append(answers, a)
		}
	}
	return &Result{Intent: "property", Answers: answers}, nil
}

// levelOf answers "what is the RTO of Pilot Light": the levels of one
// metric of a ranked node.
func (e *Engine) levelOf(ctx context.Context, q question, x string) (*Result, error) {
	out, err := e.ix.Out(ctx, x)
	if err != nil {
		return nil, fmt.Errorf("read levels of %s: %w", x, err)
	}
	metric := e.rankMetric(q)
	var edges []graph.Edge
	for _, ed := range out {
		if strings.HasPrefix(ed.Predicate, "rank:") && strings.Contains(ed.Predicate, metric) {
			edges = append(edges, ed)
		}
	}
	return &Result{Intent: "level", Answers: e.collect(edges, object, false)}, nil
}

// entityAfterLastTo reports whether the question names an entity after its
// last "to": "send CloudWatch Logs to Elasticsearch", not "what can a
// subscription filter send to".
func (e *Engine) entityAfterLastTo(q question) bool {
	i := strings.LastIndex(q.lower, " to ")
	if i < 0 {
		return false
	}
	for _, m := range e.dict.Find(q.text[i:]) {
		if m.ID != "" {
			return true
		}
	}
	return false
}

// Subgraph returns the part of the graph a result stands on, for rendering,
// computing it on first use: answering does not need it.
func (e *Engine) Subgraph(ctx context.Context, res *Result) graph.Subgraph {
	if len(res.Subgraph.Nodes) == 0 && len(res.Answers) > 0 {
		res.Subgraph = e.subgraphOf(ctx, res)
	}
	return res.Subgraph
}
