package queries

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// The last stage of answering: shape the best candidate's answers (apply
// the constraints it satisfied, fold features into their services, keep
// the answers the question's remaining words point at), or fall back on the
// evidence, or say honestly what was recognised.

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

// Ask answers a question: link its entities, enumerate the candidate
// readings around them in the graph, score each, shape the best. A question
// that names nothing known and matches no note line gives an *graph.Error
// with code ENOTFOUND saying what was recognised; bad input gives EINVALID.
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
	if err := ctx.Err(); err != nil {
		return nil, &graph.Error{Code: graph.ETIMEOUT, Message: "answer", Err: err}
	}
	if first, second, ok := e.splitCompound(text); ok {
		// "How many times does Lambda retry a failed async invocation,
		// and where can the event go when all attempts fail?": two
		// questions, answered each on its own when each part alone reads
		// better (its reading scores higher) than the whole does; a part
		// that fails leaves the whole question's answer
		whole, score, err := e.askOne(ctx, text)
		ra, sa, errA := e.askOne(ctx, first)
		rb, sb, errB := e.askOne(ctx, second)
		if errA == nil && errB == nil && len(ra.Answers) > 0 && len(rb.Answers) > 0 && (err != nil || min(sa, sb) > score) {
			return joinResults(text, ra, rb), nil
		}
		return whole, err
	}
	res, _, err := e.askOne(ctx, text)
	return res, err
}

// askOne answers a question that is one question (see Ask), with the
// score of the reading it answers by (its fallback's scores none: 0).
func (e *Engine) askOne(ctx context.Context, text string) (*Result, float64, error) {
	res, c, err := e.answerOne(ctx, text)
	if c == nil {
		return res, 0, err
	}
	return res, c.score, err
}

// answerOne answers one question and returns the candidate it answers by,
// nil for the fallback's answer.
func (e *Engine) answerOne(ctx context.Context, text string) (*Result, *candidate, error) {
	a := e.analyze(text)
	e.supportOf(a)
	cands, err := e.scored(ctx, a)
	if err != nil {
		return nil, nil, err
	}
	cands = e.preferWhole(a, cands)
	cands = mergeTies(a, cands)
	cands = e.mergeBounds(a, cands)
	for _, c := range cands {
		if c.score < minScore && c.typ != candDescribe && !(a.yesno && c.typ == candYesNo && c.score > minVerdictScore) {
			break
		}
		if c.typ == candDescribe && len(a.terms) > 0 && c.score < minScore {
			continue
		}
		res, err := e.shape(ctx, a, c, c.keep)
		if err != nil {
			return nil, nil, err
		}
		if len(res.Answers) == 0 {
			continue
		}
		tie, err := e.tieOf(ctx, a, cands, c, res)
		if err != nil {
			return nil, nil, err
		}
		others, err := e.extremeOf(ctx, a, cands, c, res)
		if err != nil {
			return nil, nil, err
		}
		e.finish(a, res, c)
		if tie != nil {
			res.Reading += " + " + tie.reading
		}
		for _, d := range others {
			res.Reading += " + " + d.reading
		}
		return res, c, nil
	}
	if res, err := e.fallback(ctx, a, cands); res != nil || err != nil {
		return res, nil, err
	}
	return nil, nil, e.outOfReach(a)
}

// minCompoundWords is how many words each part of a compound question
// needs after its wh-word to be a question of its own ("and which tier do
// you need", not "- which service?").
const minCompoundWords = 2

// splitCompound splits a question that asks two things, each opened by a
// wh-word (the lexicon's wh surfaces), at a mark or "and" before the
// second: "Which CodeGuru feature flags hardcoded secrets, and which
// service does it suggest for them?". The second part, when it names
// nothing known, is asked of what the first names ("CodeGuru: which
// service does it suggest ..."). ok is false for one question ("how do I
// do a canary deployment - which service?").
func (e *Engine) splitCompound(text string) (first, second string, ok bool) {
	wh := 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if e.lx.QuestionSurface("wh", strings.ToLower(w)) {
			wh++
		}
	}
	if wh < 2 {
		return "", "", false // (one wh-word asks one thing: no analysis spent on it)
	}
	a := e.analyze(text)
	ws := a.words
	whAt := func(i int) bool { return e.lx.QuestionSurface("wh", ws[i].lower) }
	firstWh := -1
	for i := range ws {
		if whAt(i) {
			firstWh = i
			break
		}
	}
	if firstWh < 0 || e.lx.Subordinator(ws[firstWh].lower) {
		return "", "", false // "When I enable DynamoDB Streams, what ...": one question after its clause
	}
	if next := firstWh + 1; ws[firstWh].lower == "how" && next < len(ws) && (ws[next].lower == "do" || e.lx.QuestionSurface("aux", ws[next].lower)) {
		return "", "", false // "How do I get logs into CloudWatch - what has to be installed": the way, asked again
	}
	for i := firstWh + minCompoundWords + 1; i+minCompoundWords < len(ws); i++ {
		if !whAt(i) {
			continue
		}
		and := ws[i-1].lower == "and"
		if gap := strings.TrimSpace(text[ws[i-1].end:ws[i].start]); !and && gap != "," && gap != ";" && gap != "?" && gap != "-" && gap != "–" {
			continue // a wh-word inside the first question ("... that says which ...")
		}
		end := ws[i-1].end
		if and {
			end = ws[i-2].end
		}
		if slices.ContainsFunc(ws[i+1:], func(w qword) bool { return e.lx.QuestionSurface("referent", w.lower) }) {
			return "", "", false // "... and where do they go": asked of the first part's answers
		}
		own := 0 // the second part's own content words, besides the names it gives
		for _, w := range ws[i+1:] {
			if !w.stop && w.linked < 0 {
				own++
			}
		}
		if own < minCompoundWords {
			return "", "", false // "... and what is the maximum": the first part's noun, elided
		}
		first = strings.TrimRight(strings.TrimSpace(text[:end]), ",;-–") + "?"
		second = strings.TrimSpace(text[ws[i].start:])
		if w := ws[i+1].lower; w == "one" || w == "ones" || e.lx.IsPreposition(w) {
			// "... and which one works at the data level", "which for
			// CVE scanning": the one of the kind the first part asks for
			// ("security service")
			if phrase := e.focusPhrase(first); phrase != "" {
				rest := text[ws[i+1].end:]
				if e.lx.IsPreposition(w) {
					rest = text[ws[i].end:]
				}
				second = text[ws[i].start:ws[i].end] + " " + phrase + rest
			}
		}
		// (the first part's own entities, when the second names none)
		var named, firstNames []string
		for _, l := range a.links {
			if !l.strong() {
				continue
			}
			if l.start >= ws[i].start {
				named = append(named, l.id)
			} else if !containsStr(firstNames, l.text) {
				firstNames = append(firstNames, l.text)
			}
		}
		if len(named) == 0 && len(firstNames) > 0 {
			second = strings.Join(firstNames, " ") + ": " + second
		}
		return first, second, true
	}
	return "", "", false
}

// focusPhrase returns the words of the phrase a question's wh-word opens,
// as written ("security service" of "Which security service does threat
// detection"), "" when it has none.
func (e *Engine) focusPhrase(text string) string {
	a := e.analyze(text)
	var ws []string
	for _, t := range a.focusAll {
		ws = append(ws, a.words[t.pos].text)
	}
	return strings.Join(ws, " ")
}

// joinResults answers a compound question with both parts' answers, the
// second's that the first does not give after the first's.
func joinResults(text string, ra, rb *Result) *Result {
	res := *ra
	res.Question = text
	res.Intent = "compound"
	res.Answers = slices.Clone(ra.Answers)
	for _, ans := range rb.Answers {
		if !slices.ContainsFunc(res.Answers, func(x Answer) bool { return strings.EqualFold(x.Name, ans.Name) }) {
			res.Answers = append(res.Answers, ans)
		}
	}
	res.Alternatives = nil
	res.Reading = ra.Reading + "; and " + rb.Reading
	res.Focus = slices.Clone(ra.Focus)
	res.Understood = slices.Clone(ra.Understood)
	for k, id := range rb.Focus {
		if !containsStr(res.Focus, id) {
			res.Focus = append(res.Focus, id)
			res.Understood = append(res.Understood, rb.Understood[k])
		}
	}
	res.Subgraph = graph.Subgraph{}
	return &res
}

// minVerdictScore is what a yes/no question's verdict must score to answer
// when it scores under minScore: a weak verdict still answers what was
// asked, where the fallback would describe the thing the question names.
const minVerdictScore = 0.0

// tieMargin is how close to the best relation reading another one must
// score to answer with it.
const tieMargin = 0.05

// twofoldMargin is tieMargin for a question that asks two values at once.
const twofoldMargin = 0.3

// tieOf adds to the answers of the best reading c (a relation) those of the
// next relation reading when it scores within tieMargin of c and answers at
// most about twice as many: when two readings are that close, answering
// both is right more often than betting on one. It returns the reading it
// added, nil when none.
func (e *Engine) tieOf(ctx context.Context, a *analysis, cands []*candidate, c *candidate, res *Result) (*candidate, error) {
	if c.typ != candRelation || a.order || c.narrowed {
		return nil, nil // an order is one sequence, not the union of two; a narrowed list stays narrow
	}
	for _, d := range cands {
		if d == c || d.typ != candRelation || d.score > c.score || !samePolarity(c.pred, d.pred) {
			continue // a relation the notes deny is no tie of one they state
		}
		if c.feat[featFocus] > 1 && d.feat[featFocus] <= 1 {
			continue // "finding type" reads "the finding types" whole; "find status" only its first word
		}
		margin := tieMargin
		if a.twofold && containsKind(a.wants, graph.KindValue) {
			margin = twofoldMargin // two values asked: the second reading likely holds the second
		}
		if c.score-d.score > margin {
			return nil, nil
		}
		more, err := e.shape(ctx, a, d, d.keep)
		if err != nil {
			return nil, err
		}
		if len(more.Answers) == 0 || len(more.Answers) > 2*len(res.Answers)+2 {
			return nil, nil
		}
		seen := map[string]bool{}
		for _, x := range res.Answers {
			seen[x.ID] = true
		}
		for _, x := range more.Answers {
			if !seen[x.ID] {
				seen[x.ID] = true
				res.Answers = append(res.Answers, x)
			}
		}
		return d, nil
	}
	return nil, nil
}

// extremeMargin is how close to the best reading another reading of the
// same entity and property must score for "the longest ..." to weigh its
// values too (as close as twofoldMargin's second value).
const extremeMargin = 0.3

// extremeOf answers a question for the extreme of a value ("the longest I
// can keep data in a Kinesis data stream") with the one extreme quantity
// (and its equals) of the best reading's values and those of the readings of
// the same entity, within extremeMargin, whose relation shares a content
// word with it: notes that state the same property differently ("data
// retention ... up to 7 days", "retention: ... up to 365 days") are weighed
// together. It returns the readings it drew on besides c.
func (e *Engine) extremeOf(ctx context.Context, a *analysis, cands []*candidate, c *candidate, res *Result) ([]*candidate, error) {
	if !a.superlative || a.sequence || a.twofold || !a.wantsOnly(graph.KindValue) || c.typ != candRelation {
		return nil, nil
	}
	pool := append([]Answer(nil), res.Answers...)
	var used []*candidate
	for _, d := range cands {
		if d == c || d.typ != candRelation || d.anchor != c.anchor || d.inverse != c.inverse || c.score-d.score > extremeMargin || !e.sharesContentWord(c.rel, d.rel) {
			continue
		}
		more, err := e.shape(ctx, a, d, d.keep)
		if err != nil {
			return nil, err
		}
		pool = append(pool, more.Answers...)
		used = append(used, d)
	}
	best, dim, found := 0.0, "", false
	var keep []Answer
	for _, ans := range pool {
		qs := ingest.Quantities(ans.Name)
		if len(qs) != 1 || dim != "" && qs[0].Dimension != dim {
			continue
		}
		v := qs[0].Value
		better := !found || (a.ascending && v < best) || (!a.ascending && v > best)
		switch {
		case better:
			best, dim, found, keep = v, qs[0].Dimension, true, []Answer{ans}
		case v == best && !slices.ContainsFunc(keep, func(k Answer) bool { return k.ID == ans.ID }):
			keep = append(keep, ans)
		}
	}
	if !found {
		return nil, nil
	}
	res.Answers = keep
	var drew []*candidate
	for _, d := range used {
		for _, k := range keep {
			if containsStr(d.ends, k.ID) {
				drew = append(drew, d)
				break
			}
		}
	}
	return drew, nil
}

// sharesContentWord reports whether two relations' words share one that is
// no light verb ("retention" of "data retention" and "retention max").
func (e *Engine) sharesContentWord(x, y []string) bool {
	for _, w := range x {
		if containsStr(y, w) && !e.lx.QuestionWord("light", w) && !e.relational[w] {
			return true
		}
	}
	return false
}

// fallback answers a question that names something known when no reading
// scores well: a yes/no question by its best verdict, however weak (a
// yes or no answers what it asks, a description of the thing it names
// does not); any other by the note lines that match it best, the entity
// they are about, or else everything the notes say about the entity it
// names first. It returns nil, nil when the question names nothing known.
func (e *Engine) fallback(ctx context.Context, a *analysis, cands []*candidate) (*Result, error) {
	if a.yesno {
		for _, c := range cands {
			if c.typ != candYesNo {
				continue
			}
			if res, err := e.answerWith(ctx, a, c); err != nil || res != nil {
				return res, err
			}
		}
	}
	for _, typ := range []candidateType{candEvidence, candEntity} {
		if typ == candEntity && len(a.linkIDs()) == 0 {
			// a question that names nothing: the lines that hold its words
			// ("Canary10Percent5Minutes - what share of traffic ...")
			return e.lineAnswers(a), nil
		}
		for _, c := range cands {
			if c.typ != typ || c.score <= 0 {
				continue
			}
			if res, err := e.answerWith(ctx, a, c); err != nil || res != nil {
				return res, err
			}
		}
	}
	id := e.mainLink(a)
	if id == "" {
		id = a.linkIDs()[0]
	}
	c, err := e.describeCandidate(ctx, a, id)
	if err != nil {
		return nil, err
	}
	if c != nil {
		if res, err := e.answerWith(ctx, a, c); err != nil || res != nil {
			return res, err
		}
	}
	// the entity named has no facts of its own: the lines that hold the
	// question's words
	return e.lineAnswers(a), nil
}

// answerWith shapes a candidate into a finished result; nil when it has no
// answers.
func (e *Engine) answerWith(ctx context.Context, a *analysis, c *candidate) (*Result, error) {
	res, err := e.shape(ctx, a, c, c.keep)
	if err != nil || len(res.Answers) == 0 {
		return nil, err
	}
	e.finish(a, res, c)
	return res, nil
}

// finish fills what every result says about its question.
func (e *Engine) finish(a *analysis, res *Result, c *candidate) {
	res.Question = a.text
	res.Reading = c.reading
	res.Focus = a.linkIDs()
	for _, id := range res.Focus {
		res.Understood = append(res.Understood, e.names[id].Name)
	}
	e.countedAnswers(a, res)
	e.noteSpellings(res)
	spellValues(res)
	if !a.order && !a.sequence {
		e.namesUsed(res)
	}
}

// namesUsed names an answer that recommends a means ("Use an IAM role
// ARN", the lexicon's instrument verbs) by what it uses ("IAM role ARN"):
// asked which method or option, that is the answer; the detail keeps the
// item. Steps asked in order keep their words.
func (e *Engine) namesUsed(res *Result) {
	for i := range res.Answers {
		ans := &res.Answers[i]
		verb, rest, ok := strings.Cut(ans.Name, " ")
		if !ok || !e.lx.QuestionSurface("instrument", strings.ToLower(verb)) {
			continue
		}
		if det, after, ok := strings.Cut(rest, " "); ok && e.lx.QuestionSurface("determiner", strings.ToLower(det)) {
			rest = after
		}
		if rest = strings.TrimSpace(rest); rest != "" {
			rename(ans, rest)
		}
	}
}

// spellValues names a value answer the notes abbreviate with its unit of
// time in full ("63d" → "63 days", see ingest.SpellOut); the detail keeps
// the note's own spelling.
func spellValues(res *Result) {
	for i := range res.Answers {
		ans := &res.Answers[i]
		if name, ok := ingest.SpellOut(ans.Name); ok {
			rename(ans, name)
		}
	}
}

// rename names an answer name, keeping the name it had in its detail.
func rename(ans *Answer, name string) {
	if !strings.Contains(ans.Detail, ans.Name) {
		ans.Detail = strings.TrimPrefix(ans.Detail+" | "+ans.Name, " | ")
	}
	ans.Name = name
}

// maxSpellingSources bounds the source lines read for an answer's
// spelling.
const maxSpellingSources = 5

// noteSpellings names each answer as its own source lines spell it when
// they call it by another of its full names than the dictionary's: notes
// that say "Amazon OpenSearch Service" or "AWS Health" get those names
// back, not "Amazon Elasticsearch Service" or "AWS Personal Health
// Dashboard". A full name is an alias that opens with "AWS " or "Amazon ",
// not a former name ("Amazon CloudWatch Events" stays Amazon EventBridge),
// written so in the line (case counts: "logs" or "lambda functions" are
// words, not names); the one most of the answer's first
// maxSpellingSources lines use is taken, the dictionary's name on a tie.
func (e *Engine) noteSpellings(res *Result) {
	for i := range res.Answers {
		ans := &res.Answers[i]
		n, ok := e.names[ans.ID]
		if !ok || n.Kind == graph.KindValue || ans.Name != n.Name {
			continue
		}
		names := []string{n.Name}
		for _, al := range n.Aliases {
			if shortName(al) != al && !e.dict.Former(al) || al != n.Name && strings.EqualFold(al, n.Name) {
				// (and a spelling in another case: "Delete" where the
				// answer's line writes it so, of the node "DELETE")
				names = append(names, al)
			}
		}
		if len(names) == 1 {
			continue
		}
		slices.SortStableFunc(names, func(x, y string) int { return len(y) - len(x) })
		count := map[string]int{}
		for _, src := range ans.Sources[:min(len(ans.Sources), maxSpellingSources)] {
			k, ok := e.ix.StatementAt(src)
			if !ok {
				continue
			}
			text := e.ix.Statement(k).Text
			for _, name := range names {
				if containsWord(text, name) {
					count[name]++
					break
				}
			}
		}
		best := n.Name
		for _, name := range names {
			if count[name] > count[best] {
				best = name
			}
		}
		ans.Name = best
	}
}

// containsWord reports whether text holds w, as written, between word
// boundaries.
func containsWord(text, w string) bool {
	for at := 0; w != "" && at < len(text); {
		k := strings.Index(text[at:], w)
		if k < 0 {
			return false
		}
		k += at
		end := k + len(w)
		if (k == 0 || !isWordByte(text[k-1])) && (end == len(text) || !isWordByte(text[end])) {
			return true
		}
		at = k + 1
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// countedAnswers answers "how many readers ..." with the number of a count
// that counts what the question counts ("2 readers" → "2"): the question
// names the thing, the number is what it asks for.
func (e *Engine) countedAnswers(a *analysis, res *Result) {
	if !containsKind(a.wants, graph.KindValue) {
		return
	}
	for i := range res.Answers {
		ans := &res.Answers[i]
		if ans.Kind != string(graph.KindValue) {
			continue
		}
		q, ok := ingest.ParseQuantity(ans.Name)
		if !ok || q.Dimension != "count" {
			continue
		}
		num, noun, ok := strings.Cut(strings.TrimSpace(ans.Name), " ")
		if !ok {
			continue
		}
		counted := e.lx.Terms(noun)
		if len(counted) == 0 || !slices.ContainsFunc(a.terms, func(t term) bool { return t.in(counted) }) {
			continue
		}
		ans.Name = num
	}
}

// shape turns a candidate into a result.
func (e *Engine) shape(ctx context.Context, a *analysis, c *candidate, keep []string) (*Result, error) {
	if c.result != nil {
		return c.result, nil
	}
	switch c.typ {
	case candKind:
		answers := make([]Answer, 0, len(c.ends))
		for _, id := range c.ends {
			out, err := e.ix.Out(ctx, id)
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", id, err)
			}
			ans := e.answer(id, out...)
			ans.Detail = e.summarize(out)
			answers = append(answers, ans)
		}
		return &Result{Intent: string(c.typ), Answers: answers}, nil
	}
	edges := c.edges
	if keep != nil {
		var kept []graph.Edge
		for _, ed := range edges {
			end := ed.Object
			if c.inverse {
				end = ed.Subject
			}
			if containsStr(keep, end) {
				kept = append(kept, ed)
			}
		}
		edges = kept
	}
	if c.typ == candRelation && !a.yesno && !a.path && !a.offers {
		// "Which VPC interface endpoints do they need so Systems Manager
		// can manage them?": a thing the question names is no answer to
		// it, when the reading has others (a path's ends are, "the chain
		// from Trusted Advisor to Slack", and so are the options a
		// question offers, "CodeDeploy vs Elastic Beanstalk: which one
		// ...")
		strong := a.strongLinkIDs()
		own := func(ed graph.Edge) bool {
			id := ed.Object
			if c.inverse {
				id = ed.Subject
			}
			// (an example the question gives of its answers is one: "e.g.
			// to catch auto-healing")
			return containsStr(strong, id) && !containsStr(a.examples, id)
		}
		if slices.ContainsFunc(edges, func(ed graph.Edge) bool { return !own(ed) }) {
			edges = slices.DeleteFunc(slices.Clone(edges), own)
		}
	}
	end := object
	if c.inverse {
		end = subject
	}
	answers := e.collect(edges, end, c.ordered)
	if c.inverse && containsKind(a.wants, graph.KindService) {
		// services asked for: a feature answers for its service
		answers = e.foldFeatures(ctx, answers)
	}
	answers = e.filterByContent(a, c, answers)
	answers = e.keepWanted(a, answers)
	if containsKind(a.wants, graph.KindValue) {
		answers = e.keyedAnswers(a, answers)
	}
	if a.single {
		answers = e.singleOut(a, c, answers)
	}
	if containsKind(a.wants, graph.KindValue) {
		answers = projectValues(answers)
	}
	if a.order {
		sortByQuantity(answers, a.ascending)
	}
	return &Result{Intent: string(c.typ), Answers: answers}, nil
}

// projectValues names an answer by the one quantity its name holds, when the
// question asks for values: "Then 5% of the additional requests" answers
// "how many requests does X-Ray sample" with "5%".
func projectValues(answers []Answer) []Answer {
	for i := range answers {
		if answers[i].Kind == string(graph.KindValue) {
			continue
		}
		if qs := ingest.Quantities(answers[i].Name); len(qs) == 1 {
			if answers[i].Detail == "" {
				answers[i].Detail = answers[i].Name
			} else if !strings.Contains(answers[i].Detail, answers[i].Name) {
				answers[i].Detail = answers[i].Name + " | " + answers[i].Detail
			}
			answers[i].Name = qs[0].Text
		}
	}
	return answers
}

// sortByQuantity orders answers by the quantity their name (else their
// detail) holds, when every answer holds one of one dimension: "shortest
// to longest" over retention periods.
func sortByQuantity(answers []Answer, ascending bool) {
	vals := make([]float64, len(answers))
	dim := ""
	for i, a := range answers {
		qs := ingest.Quantities(a.Name)
		if len(qs) == 0 {
			qs = ingest.Quantities(a.Detail)
		}
		if len(qs) == 0 || dim != "" && qs[0].Dimension != dim {
			return
		}
		dim, vals[i] = qs[0].Dimension, qs[0].Value
	}
	idx := make([]int, len(answers))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(x, y int) bool {
		if ascending {
			return vals[idx[x]] < vals[idx[y]]
		}
		return vals[idx[x]] > vals[idx[y]]
	})
	sorted := make([]Answer, len(answers))
	for i, j := range idx {
		sorted[i] = answers[j]
	}
	copy(answers, sorted)
}

// filterByContent keeps, of the nodes that share a capability or strategy,
// the answers whose name or detail holds a content word of the question
// that the reading itself does not explain, when some answers hold one and
// others do not: "... collect logs, events or
// configuration data from several accounts" keeps CloudTrail, CloudWatch
// Logs, EventBridge and Config among the cross-account services.
func (e *Engine) filterByContent(a *analysis, c *candidate, answers []Answer) []Answer {
	if len(answers) < 3 || !isVocabKind(e.names[c.anchor].Kind) || e.names[c.anchor].Kind == graph.KindConcept {
		return answers // only what shares a capability or strategy is a set broad enough to narrow
	}
	var rest []string
	for _, t := range a.terms {
		if t.weight < 1 || t.in(c.rel) || t.in(e.nameStems(c.anchor)) || c.via != "" && t.in(e.nameStems(c.via)) {
			continue
		}
		if containsStr(a.focus, t.stem) || a.words[t.pos].linked >= 0 && a.links[a.words[t.pos].linked].how != linkWeak {
			continue // the asked-for noun, a name: not a constraint
		}
		if e.predicateVerb(a, t.pos) {
			continue // "can span or replicate across regions": how the capability is asked for
		}
		rest = append(rest, t.stem)
	}
	if len(rest) < 2 {
		return answers // one stray word is no constraint
	}
	restWeight := 0.0
	for _, t := range a.terms {
		if containsStr(rest, t.stem) {
			restWeight += t.weight
		}
	}
	var kept []Answer
	most := 0.0
	for _, ans := range answers {
		words := append([]string{}, e.nameStems(ans.ID)...)
		for _, d := range ans.details {
			words = append(words, e.textStems(d)...)
		}
		held := 0.0
		for _, t := range a.terms {
			if containsStr(rest, t.stem) && anyStemMatch(words, []string{t.stem}) {
				held += t.weight
			}
		}
		if anyStemMatch(words, rest) {
			kept = append(kept, ans)
		}
		most = max(most, held)
	}
	if len(kept) == 0 || len(kept) == len(answers) || most < minHeldShare*restWeight {
		// (no answer holds much of those words: "instances", a common word
		// of "auto healing of instances out of the box", narrows nothing)
		return answers
	}
	return kept
}

// minHeldShare is the share of the constraint words' weight some answer's
// words must hold for filterByContent to narrow the answers to those that
// hold any.
const minHeldShare = 0.3

// maxItemBlock is how many note lines under an answer's item itemBlocks
// reads as the item's own.
const maxItemBlock = 6

// itemBlocks returns, for each answer, the stems of each note line that
// follows its first source line in the same note and section, up to the
// next answer's source line (at most maxItemBlock lines): the lines a list
// nests under the item the answer comes from. nil for an answer stated
// with no line after it, or on a line that states another answer too.
func (e *Engine) itemBlocks(answers []Answer) [][][]string {
	out := make([][][]string, len(answers))
	type at struct {
		file string
		line int
	}
	first := make([]at, len(answers))
	for i, ans := range answers {
		if len(ans.Sources) > 0 {
			if f, n, ok := splitSource(ans.Sources[0]); ok {
				first[i] = at{f, n}
			}
		}
	}
	for i, p := range first {
		if p.file == "" {
			continue
		}
		start, ok := e.ix.StatementAt(lineSource(p.file, p.line))
		if !ok {
			continue
		}
		end := p.line + maxItemBlock
		shared := false // a line of several answers ("types: endpoint, calculated, CloudWatch alarm") heads none of them
		for j, q := range first {
			if j != i && q.file == p.file && q.line > p.line && q.line <= end {
				end = q.line - 1
			}
			shared = shared || j != i && q == p
		}
		if shared {
			continue
		}
		for n := p.line + 1; n <= end; n++ {
			k, ok := e.ix.StatementAt(lineSource(p.file, n))
			if !ok || !e.sameSection(start, k) {
				break
			}
			out[i] = append(out[i], e.ix.StatementTerms(k))
		}
	}
	return out
}

// singleOut narrows the answers of a question that asks for one thing
// ("I need my instances kept in a consistent state. Which Systems Manager
// capability do I use?") to those whose own line holds most of the
// question's words that the reading does not explain (weighted by rarity):
// of an answer's details, the note lines it is cited from, the lines nested
// under its item (see itemBlocks) and the lines about it (at most
// maxAboutLines), the one that holds most of them: State
// Manager of Systems Manager's eight features. It keeps every answer when
// no line holds such a word or when they tie.
func (e *Engine) singleOut(a *analysis, c *candidate, answers []Answer) []Answer {
	if len(answers) < 2 {
		return answers
	}
	var rest []term
	for _, t := range a.terms {
		if t.in(c.rel) || t.in(e.nameStems(c.anchor)) || containsStr(a.focus, t.stem) {
			continue
		}
		rest = append(rest, t)
	}
	cover := func(words []string) float64 {
		v := 0.0
		for _, t := range rest {
			if t.in(words) {
				v += t.weight
			}
		}
		return v
	}
	scores := make([]float64, len(answers))
	best := 0.0
	blocks := e.itemBlocks(answers)
	for i, ans := range answers {
		// the lines nested under the answer's item: "pick this for prod
		// when you can't lose capacity" under "RollingWithAdditionalBatch"
		// answers "prod, can't drop below full capacity"
		for _, b := range blocks[i] {
			scores[i] = max(scores[i], cover(b))
		}
		// the line about the answer that holds most of those words
		for _, d := range ans.details {
			scores[i] = max(scores[i], cover(e.textStems(d)))
		}
		// the note lines the answer comes from: "**Retain the content**:
		// the file in the target location is kept and ..." under a head
		// that lists the options
		for _, src := range ans.Sources {
			if st, ok := e.ix.StatementAt(src); ok {
				scores[i] = max(scores[i], cover(e.ix.StatementTerms(st)))
			}
		}
		if ans.ID != "" {
			about := e.ix.StatementsAbout(ans.ID)
			for _, st := range about[:min(len(about), maxAboutLines)] {
				scores[i] = max(scores[i], cover(e.ix.StatementTerms(int(st))))
			}
			// and its name: "Patch Manager" for "push OS patches", though
			// a line on Run Command names patches too
			scores[i] += cover(e.nameStems(ans.ID))
		}
		best = max(best, scores[i])
	}
	if best == 0 {
		return answers
	}
	var kept []Answer
	for i, ans := range answers {
		if scores[i] == best {
			kept = append(kept, ans)
		}
	}
	if len(kept) == len(answers) {
		return answers
	}
	return kept
}

// keepWanted keeps, of answers that mix the kind the question asks for
// ("which deployment policies": strategies) with other things, those of
// that kind, when at least two are and they are at least a third of the
// answers: "Five built-in policies" and "Batch size for rolling policies"
// are lines about the policies, not policies.
func (e *Engine) keepWanted(a *analysis, answers []Answer) []Answer {
	if len(a.wants) == 0 || containsKind(a.wants, graph.KindValue) || containsKind(a.wants, graph.KindService) {
		return answers // "services" is said loosely of features too ("Lambda@Edge")
	}
	var kept []Answer
	for _, ans := range answers {
		if ans.ID != "" && containsKind(a.wants, e.names[ans.ID].Kind) {
			kept = append(kept, ans)
		}
	}
	if len(kept) < 2 || len(kept) == len(answers) || 3*len(kept) < len(answers) {
		return answers
	}
	return kept
}

// maxAboutLines bounds the lines about one answer singleOut reads (the
// first ones, in note order), so a corpus many times the notes' size does
// not cost a question its every line about a big entity.
const maxAboutLines = 2000

// predicateVerb reports whether word i is the question's verb: the word
// after an auxiliary ("can span"), or one joined to it by "or"/"and" ("can
// span or replicate").
func (e *Engine) predicateVerb(a *analysis, i int) bool {
	for i >= 2 && (a.words[i-1].lower == "or" || a.words[i-1].lower == "and") {
		i -= 2
	}
	return i >= 1 && e.lx.QuestionWord("aux", a.words[i-1].lower)
}

// minLineCoverage is the share of a question's term weight the best note
// line must hold for lineAnswers to offer it.
const minLineCoverage = 0.5

// maxLineAnswers is how many note lines lineAnswers offers.
const maxLineAnswers = 3

// lineAnswers answers a question that names nothing known with the note
// lines that hold most of its words (intent evidence, each line's text as
// the answer, clipped), when the best holds at least half of them; nil when
// none does.
func (e *Engine) lineAnswers(a *analysis) *Result {
	hits := a.hits[:min(len(a.hits), maxLineAnswers)] // supportOf's search, best first
	if len(hits) == 0 || hits[0].cov < minLineCoverage {
		return nil
	}
	res := &Result{Intent: string(candEvidence), Reading: "the note lines that match best"}
	for _, h := range hits {
		if h.cov < minLineCoverage {
			continue
		}
		st := e.ix.Statement(h.i)
		res.Answers = append(res.Answers, Answer{Name: ingest.Clip(st.Text), Kind: "line", Detail: st.Text, Sources: []string{st.Source}})
	}
	return res
}

// outOfReach explains a question nothing answers: the entities it
// recognised (and that the notes say nothing matching about them), a
// misspelt name ("did you mean"), or example questions.
func (e *Engine) outOfReach(a *analysis) error {
	if ids := a.linkIDs(); len(ids) > 0 {
		names := make([]string, len(ids))
		for i, id := range ids {
			names[i] = e.names[id].Name
		}
		return graph.Errorf(graph.ENOTFOUND, "the notes say nothing that answers %q (recognised: %s)", a.text, strings.Join(names, ", "))
	}
	var hints []string
	for _, w := range a.words {
		if utf8.RuneCountInString(w.text) < 5 || w.stop {
			continue
		}
		if _, ok := e.dict.Exact(w.text); ok {
			continue
		}
		for _, s := range e.suggest(w.text, 1, max(1, utf8.RuneCountInString(w.text)/4)) {
			if !containsStr(hints, s) && !strings.EqualFold(s, w.text) {
				hints = append(hints, s)
			}
		}
	}
	if len(hints) > 0 {
		return graph.Errorf(graph.ENOTFOUND, "cannot answer %q: did you mean %s?", a.text, strings.Join(quoteAll(hints), " or "))
	}
	return graph.Errorf(graph.ENOTFOUND, "cannot answer %q: it names no service, capability or relation awskg knows and no note line matches it; try e.g. %s", a.text, `"`+strings.Join(Examples[:4], `", "`)+`"`)
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

// foldFeatures replaces a feature by its service, keeping the feature's
// name in the detail.
func (e *Engine) foldFeatures(ctx context.Context, answers []Answer) []Answer {
	idx := map[string]int{}
	for i, a := range answers {
		idx[a.ID] = i
	}
	{
		for i, a := range answers {
			if a.Kind != string(graph.KindFeature) {
				continue
			}
			parents, err := e.ix.In(ctx, a.ID, graph.PredFeature)
			if err != nil || len(parents) == 0 {
				continue
			}
			p := parents[0].Subject
			if _, ok := idx[p]; ok || e.names[p].Kind != graph.KindService {
				continue
			}
			pa := e.answer(p)
			pa.Sources, pa.details = a.Sources, a.details
			pa.Detail = a.Name + ": " + a.Detail
			answers = append(answers, pa)
			idx[p] = len(answers) - 1
			_ = i
		}
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
				pa.Sources = mergeSources(pa.Sources, a.Sources)
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

// Subgraph returns the part of the graph a result stands on, for rendering,
// computing it on first use: answering does not need it.
func (e *Engine) Subgraph(ctx context.Context, res *Result) graph.Subgraph {
	if len(res.Subgraph.Nodes) == 0 && len(res.Answers) > 0 {
		res.Subgraph = e.subgraphOf(ctx, res)
	}
	return res.Subgraph
}

// shortName drops a leading "AWS " or "Amazon ".
func shortName(s string) string {
	return strings.TrimPrefix(strings.TrimPrefix(s, "AWS "), "Amazon ")
}

// Reading is one way awskg read a question, with its score.
type Reading struct {
	Reading string  `json:"reading"`
	Type    string  `json:"type"`
	Score   float64 `json:"score"`
	Answers int     `json:"answers"`
	// Terms are the scoring function's weighted non-zero terms, largest
	// first ("coverage=+0.62"); they sum to Score.
	Terms []string `json:"terms,omitempty"`
}

// Readings returns the n best readings of a question, best first, with the
// scores that ranked them: what `ask --explain` shows.
func (e *Engine) Readings(ctx context.Context, text string, n int) ([]Reading, error) {
	a := e.analyze(strings.TrimSpace(text))
	e.supportOf(a)
	cands, err := e.scored(ctx, a)
	if err != nil {
		return nil, err
	}
	var out []Reading
	var linked, terms []string
	for _, l := range a.links {
		linked = append(linked, fmt.Sprintf("%s=%s(%d)", l.text, l.id, l.how))
	}
	for _, t := range a.terms {
		terms = append(terms, fmt.Sprintf("%s:%.1f", t.stem, t.weight))
	}
	out = append(out, Reading{Type: "analysis", Reading: fmt.Sprintf("links [%s] terms [%s] focus %v wants %v denied %v neg=%v only=%v order=%v asc=%v path=%v yesno=%v",
		strings.Join(linked, " "), strings.Join(terms, " "), a.focus, a.wants, a.denied, a.negated, a.exclusive, a.order, a.ascending, a.path, a.yesno)})
	for _, c := range cands {
		if len(out) == n+1 {
			break
		}
		out = append(out, Reading{Reading: c.reading, Type: string(c.typ), Score: c.score, Answers: len(c.ends), Terms: weights.terms(&c.feat)})
	}
	return out, nil
}

// ownCopy returns a copy of a candidate that owns its edges and ends, for
// folding other readings into it (see foldInto).
func ownCopy(c *candidate) *candidate {
	d := *c
	d.edges = slices.Clone(c.edges)
	d.ends = slices.Clone(c.ends)
	return &d
}

// foldInto folds reading c into merged (an ownCopy): its edges, the answers
// merged lacks, and its predicate in the reading shown.
func foldInto(merged, c *candidate) {
	merged.edges = append(merged.edges, c.edges...)
	for _, id := range c.ends {
		if !containsStr(merged.ends, id) {
			merged.ends = append(merged.ends, id)
		}
	}
	merged.ordered = merged.ordered && c.ordered
	merged.reading += " / " + c.pred
}

// boundSides are the sides of a property's range a question may ask for
// at once ("default and max", "min, max and default"): the suffix of the
// property predicate that holds each side (see ingest's durations: a
// range's ends and an "up to" bound are "-min" and "-max", a default is
// the property itself) and the word whose lexicon synonyms name it.
var boundSides = [...]struct{ suffix, word string }{{"-max", "max"}, {"-min", "min"}, {"", "default"}}

// boundSidesAsked returns the predicate suffixes of the sides a question
// names (see boundSides), in boundSides' order.
func (e *Engine) boundSidesAsked(a *analysis) []string {
	var out []string
	for _, side := range boundSides {
		names := append([]string{ingest.Stem(side.word)}, e.lx.Synonyms(ingest.Stem(side.word))...)
		if slices.ContainsFunc(a.words, func(w qword) bool { return containsStr(names, ingest.Stem(w.lower)) }) {
			out = append(out, side.suffix)
		}
	}
	return out
}

// mergeBounds answers a question that asks for two or more sides of a
// property's range at once ("codebuild build timeout default and max")
// with each: when the best reading is a property of an entity, the
// readings of the same entity's property on the other sides asked are
// folded into it. A question that asks one side is left as it is.
func (e *Engine) mergeBounds(a *analysis, cs []*candidate) []*candidate {
	if len(cs) < 2 || cs[0].typ != candRelation || !strings.HasPrefix(cs[0].pred, graph.PredProperty+":") {
		return cs
	}
	sides := e.boundSidesAsked(a)
	if len(sides) < 2 {
		return cs
	}
	best := cs[0]
	base := strings.TrimSuffix(strings.TrimSuffix(best.pred, "-max"), "-min")
	var want []string
	for _, suf := range sides {
		if p := base + suf; p != best.pred {
			want = append(want, p)
		}
	}
	merged := ownCopy(best)
	rest := []*candidate{merged}
	for _, c := range cs[1:] {
		if c.typ == candRelation && c.anchor == best.anchor && c.via == best.via && c.inverse == best.inverse && containsStr(want, c.pred) {
			want = slices.DeleteFunc(want, func(p string) bool { return p == c.pred })
			foldInto(merged, c)
			merged.ordered = false // the sides are no sequence
			continue
		}
		rest = append(rest, c)
	}
	return rest
}

// stepRelation reports an open relation whose objects are the steps of a
// procedure ("send notification step"): actions, which answer unlike a
// typed predicate, whose objects are things (CodeCommit "notifies" SNS).
func stepRelation(pred string) bool {
	p, _, ok := graph.ParseRelation(pred)
	_, step := graph.CutStep(p)
	return ok && step
}

// isTyped reports a predicate of the ontology, no open relation.
func isTyped(pred string) bool {
	_, _, open := graph.ParseRelation(pred)
	return !open
}

// samePolarity reports whether two predicates state, deny or restrict
// alike: a relation the notes deny reads nothing as one they state does.
func samePolarity(p, q string) bool {
	pn, po := polarityOf(p)
	qn, qo := polarityOf(q)
	return pn == qn && po == qo
}

// mergeTies folds into the best candidate the relations that read the
// question as well, by the same words, from the same node in the same
// direction: the notes may state one thing with several predicates ("targets" and
// "flowsTo" for a subscription filter's destinations). Values that answer
// a question for what does something (featValueUnasked) tie with no names.
func mergeTies(a *analysis, cs []*candidate) []*candidate {
	if len(cs) < 2 || cs[0].typ != candRelation {
		return cs
	}
	best := cs[0]
	matched := func(c *candidate) string {
		var m []string
		for _, t := range a.terms {
			if t.in(c.rel) {
				m = append(m, t.stem)
			}
		}
		// a name the question gives counts too when the relation holds
		// it: "... configs linear" reads "which linear ... configurations",
		// "... configs canary" does not
		m = append(m, namedIn(a, c.rel)...)
		return strings.Join(m, " ")
	}
	want := matched(best)
	if want == "" {
		return cs // no word names the relation: nothing says the others read it alike
	}
	merged := ownCopy(best)
	rest := []*candidate{merged}
	for _, c := range cs[1:] {
		if c.typ == candRelation && c.anchor == best.anchor && c.via == best.via && c.inverse == best.inverse && best.score-c.score < 0.25 && matched(c) == want && samePolarity(c.pred, best.pred) && c.narrowed == best.narrowed && c.feat[featValueUnasked] == best.feat[featValueUnasked] && !(stepRelation(c.pred) && isTyped(best.pred)) {
			foldInto(merged, c)
			continue
		}
		rest = append(rest, c)
	}
	return rest
}

// namedIn returns the stems of the question's names (the words of its
// links) that relation words hold.
func namedIn(a *analysis, rel []string) []string {
	var out []string
	for _, w := range a.words {
		if w.linked >= 0 && !w.stop && containsStr(rel, w.stem) && !containsStr(out, w.stem) {
			out = append(out, w.stem)
		}
	}
	return out
}

// preferWhole puts first, instead of the best candidate, a relation of the
// same node in the same direction that holds all its answers and more and
// reads the question nearly as well: the notes' whole list of EventBridge's
// targets rather than the two built-in ones one line names, and the
// entity's own relation rather than the same relation of one of its
// features.
func (e *Engine) preferWhole(a *analysis, cs []*candidate) []*candidate {
	if len(cs) < 2 || cs[0].typ != candRelation || cs[0].narrowed {
		return cs // a list the question's attributes narrowed is no part of a whole
	}
	best := cs[0]
	_, _, bestOpen := graph.ParseRelation(best.pred)
	pick := -1
	for i, c := range cs[1:] {
		// (the entity's own relation is the whole of a feature's by the
		// same predicate: "EC2 Auto Scaling notifies" over its
		// Notifications' one line, for a question that names no feature)
		ownWhole := c.via == "" && best.via != "" && c.pred == best.pred
		if c.typ != candRelation || c.anchor != best.anchor || c.via != best.via && !ownWhole || c.inverse != best.inverse || best.score-c.score > 0.3 || !samePolarity(best.pred, c.pred) {
			continue // (what a negated relation denies is no part of what the other states)
		}
		_, _, open := graph.ParseRelation(c.pred)
		// (not over a relation the notes name by the kind asked for:
		// "Events:" over CodeCommit's events; nor over one named by a name
		// the question gives: ECS's "canary options", not its deployment
		// types; nor when its answers are not of that kind: "does not
		// notify" answers no question on lifecycle events)
		// (nor, for an order, over a sequence the notes number whose words
		// hold every other word of the question: "the order of stages in a
		// blue/green deployment" is not its deploy-time rank)
		// (nor over one that holds the asked-for phrase whole, kind word
		// and all: Inspector's "finding type", not "aggregates" for "the
		// finding types"; nor over one whose words read more of the
		// question: ECS's "deployment controller", not its deployment
		// types, for "deployment controller types"; nor over one that
		// holds every word of the asked-for phrase: Config's "trigger
		// type", not "notifies", for "What trigger types can an AWS
		// Config rule have?")
		typedFocus := bestOpen && !open && e.sequenceRelation(a, best) == nil && best.feat[featFocus] <= 1 && overlap(termsOf(a.focus), c.rel, nil) > 0 && !e.relationNamesKind(best.pred, a.wants) &&
			len(namedIn(a, best.rel)) <= len(namedIn(a, c.rel)) && (len(a.wants) == 0 || e.allOfKind(c.ends, nil, a.wants)) &&
			overlap(a.terms, c.rel, nil) >= overlap(a.terms, best.rel, nil) && overlap(termsOf(a.focus), best.rel, nil) < 1
		whole := len(c.ends) > len(best.ends) && subset(best.ends, c.ends)
		// a typed best gives way only to a whole whose extra answers are
		// all of the kind asked for, or to its entity's own relation by
		// the same predicate
		if whole && !bestOpen && !ownWhole && (len(a.wants) == 0 || !e.allOfKind(c.ends, best.ends, a.wants)) {
			whole = false
		}
		if whole && bestOpen && best.score-c.score > 0.1 {
			whole = false
		}
		if !typedFocus && !whole {
			continue // neither the whole list nor the curated relation the question asks for
		}
		if e.contextOnly(a, best, c) {
			continue // "As part of CodeDeploy operations, EventBridge ... targets:": the list in the context the question names
		}
		if pick < 0 || len(c.ends) > len(cs[pick+1].ends) {
			pick = i
		}
	}
	if pick < 0 {
		return cs
	}
	w := cs[pick+1]
	out := append([]*candidate{w}, cs[:pick+1]...)
	return append(out, cs[pick+2:]...)
}

// contextOnly reports whether a candidate best stands in the context of an
// entity the question names (a heading or list head over its lines names
// it, see inSection) that another candidate c does not.
func (e *Engine) contextOnly(a *analysis, best, c *candidate) bool {
	for _, id := range a.linkIDs() {
		if id != best.anchor && e.inSection(best, id) && !e.inSection(c, id) {
			return true
		}
	}
	return false
}

// allOfKind reports whether every node of ids not in except is of one of
// the kinds.
func (e *Engine) allOfKind(ids, except []string, kinds []graph.NodeKind) bool {
	for _, id := range ids {
		k := e.names[id].Kind
		if containsStr(except, id) || containsKind(kinds, k) || k == graph.KindFeature && containsKind(kinds, graph.KindService) {
			continue // a feature answers for its service
		}
		return false
	}
	return true
}

// termsOf turns stems into terms of weight 1.
func termsOf(stems []string) []term {
	out := make([]term, len(stems))
	for i, s := range stems {
		out[i] = term{stem: s, weight: 1}
	}
	return out
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !containsStr(b, x) {
			return false
		}
	}
	return true
}

// anyStemMatch reports whether a word of one list matches one of the
// other: the same stem, or one stem a prefix of the other of five letters
// or more ("config" and "configur", which Porter stems apart).
func anyStemMatch(words, want []string) bool {
	for _, w := range words {
		for _, r := range want {
			if w == r {
				return true
			}
			short, long := w, r
			if len(short) > len(long) {
				short, long = long, short
			}
			if len(short) >= 5 && strings.HasPrefix(long, short) {
				return true
			}
		}
	}
	return false
}

// mergeSources adds to dst the sources of src it lacks and sorts the
// result; a set makes it linear for answers cited by many lines.
func mergeSources(dst, src []string) []string {
	have := make(map[string]bool, len(dst)+len(src))
	for _, s := range dst {
		have[s] = true
	}
	for _, s := range src {
		if !have[s] {
			have[s] = true
			dst = append(dst, s)
		}
	}
	sort.Strings(dst)
	return dst
}
