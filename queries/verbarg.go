package queries

import (
	"fmt"
	"slices"
	"strings"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// The verb-argument reading answers a question that asks what its asker
// acts on ("what do I need to install?", "what do I create?", "what should
// we specify when creating a NAT gateway?") with what a best-matching line
// says that verb acts on: its object ("you must specify the public subnet
// ...") or, in the passive, its subject ("A CloudWatch agent must be
// installed ..."). The names a line lists around the verb ("memory
// utilisation, disk usage") are not what the asker acts on.

// askedVerbs returns the stems of the verb a question asks its asker's
// action by: the content word after "what", an auxiliary and an actor
// pronoun (lexicon groups aux, yesno, actor), past "need to" / "have to"
// (group obligation), whose word counts too ("what do I need to set up":
// set, need); nil when the question asks no such thing.
func (e *Engine) askedVerbs(a *analysis) []string {
	ws := a.words
	for i := 0; i+2 < len(ws); i++ {
		if !e.lx.QuestionSurface("subject", ws[i].lower) {
			continue
		}
		if v := e.obligedVerb(ws, i+1); v != "" {
			return []string{v}
		}
		j := i + 1
		if !e.lx.QuestionSurface("yesno", ws[j].lower) && !e.lx.QuestionSurface("aux", ws[j].lower) {
			// "which tools can I use", "which processes can I suspend":
			// the question names the kind it asks for, which its
			// relations read; "what do I use" names none
			continue
		}
		if j+2 >= len(ws) || !e.lx.QuestionSurface("actor", ws[j+1].lower) {
			continue
		}
		k := j + 2
		var stems []string
		if k+2 < len(ws) && e.lx.QuestionSurface("obligation", ws[k].lower) && ws[k+1].lower == "to" {
			stems = append(stems, ws[k].stem)
			k += 2
		}
		if l := ws[k].linked; l >= 0 && a.links[l].how != linkWeak && !a.links[l].concept || e.lx.IsPreposition(ws[k].lower) || e.lx.QuestionSurface("determiner", ws[k].lower) {
			return nil
		}
		return append([]string{ws[k].stem}, stems...)
	}
	return nil
}

// obligedVerb returns the stem of the verb a question asks what must
// undergo, the words from at on reading "needs installing", "needs to be
// installed" or "has to be set up" (lexicon groups obligation and
// passive); "" when they do not. ("What must be enabled" is left to the
// relations: a modal alone says less of an asker's action.)
func (e *Engine) obligedVerb(ws []qword, at int) string {
	k := at
	switch {
	case k+1 < len(ws) && e.lx.QuestionSurface("obligation", ws[k].lower) && strings.HasSuffix(ws[k+1].lower, "ing"):
		return ws[k+1].stem // "needs installing"
	case k+3 < len(ws) && e.lx.QuestionSurface("obligation", ws[k].lower) && ws[k+1].lower == "to" && e.lx.QuestionSurface("passive", ws[k+2].lower):
		k += 3 // "needs to be installed"
	default:
		return ""
	}
	if l := ws[k].linked; l >= 0 || !strings.HasSuffix(ws[k].lower, "ed") {
		return "" // a participle, no name: "what must be enabled", not "what must be CloudTrail"
	}
	return ws[k].stem
}

// maxArgumentWords bounds the words of a verb's argument.
const maxArgumentWords = 6

// verbArguments returns the noun phrases a line says the verb (by stem)
// acts on, determiners dropped: the phrase after an active form ("specify
// the public subnet in which ...": "public subnet"; "X and Y" gives both),
// or the phrase before "be" and its modals in the passive ("an EventBridge
// rule can be created": "EventBridge rule"); nil when the line holds no
// form of the verb with one.
func (e *Engine) verbArguments(text string, stems []string) []string {
	ws := splitWords(text)
	var names [][2]int // spans of the names the line holds: no participle ends a phrase inside one ("Auto Scaling")
	for _, m := range e.dict.FindWeak(text) {
		names = append(names, [2]int{m.Start, m.End})
	}
	var out []string
	add := func(p string) {
		if p != "" && !containsStr(out, p) {
			out = append(out, p)
		}
	}
	for i, w := range ws {
		if !containsStr(stems, ingest.Stem(w.lower)) {
			continue
		}
		if i > 0 && ws[i-1].lower == "to" && (i == 1 || breaks(text, ws, i-1) || ws[i-2].lower == "order") {
			continue // "To deploy X to all accounts, deploy a StackSet": the purpose, not the means
		}
		if in, head := e.inNounCompound(text, ws, i); head {
			// "incorrectly configured health checks on ELB": the verb's
			// noun heads a compound, which is what the asker checks
			add(e.compoundBefore(text, ws, i))
			continue
		} else if in {
			continue // "ELB health checks configuration": a noun inside one
		}
		j := i - 1
		passive := false
		for j >= 0 && (e.lx.QuestionSurface("aux", ws[j].lower) || e.lx.IsLeadingSkip(ws[j].lower)) && !breaks(text, ws, j+1) {
			passive = passive || e.lx.QuestionSurface("passive", ws[j].lower)
			j--
		}
		if passive {
			add(e.phraseBefore(text, ws, j))
			continue
		}
		k := i + 1
		if k < len(ws) && e.lx.QuestionSurface("particle", ws[k].lower) && !breaks(text, ws, k) {
			k++
		}
		if k >= len(ws) || breaks(text, ws, k) && !strings.Contains(text[ws[k-1].end:ws[k].start], ":") {
			continue // "The agent is installed, then started": nothing after it
		}
		if items := e.listAfter(text, ws, k); len(items) >= 2 {
			// "Can choose only keys, only new data, only old data"
			for _, it := range items {
				add(it)
			}
			continue
		}
		for n := 0; k < len(ws) && n < maxArguments; n++ {
			p, next := e.phraseAfter(text, ws, k, names)
			if m := e.phraseAt(ws, next, "examples_follow"); m > 0 && next+m < len(ws) {
				// "logging tools such as Logstash, Graylog, and Fluentd":
				// the examples, not the general noun
				if items := e.listAfter(text, ws, next+m); len(items) >= 2 {
					for _, it := range items {
						add(it)
					}
					break
				}
			}
			add(p)
			k = e.nextArgument(text, ws, i, next)
		}
	}
	return out
}

// maxArguments bounds the phrases one verb's list of arguments gives.
const maxArguments = 6

// nextArgument returns where the next phrase of a verb's list of
// arguments opens, after the phrase that stopped at word next: past "and"
// ("specify X and Y") or the next comma outside parentheses in the
// sentence ("needs: a KMS key for the bucket (...), a bucket policy
// granting ..., and an IAM role"); len(ws) when the list ends there, at a
// sentence's end or at a word that opens no noun phrase ("..., then
// restart it").
func (e *Engine) nextArgument(text string, ws []qword, verb, next int) int {
	j := next
	if j < len(ws) && ws[j].lower == "and" && !breaks(text, ws, j) {
		j++
	} else {
		for ; j < len(ws); j++ {
			gap := text[ws[j-1].end:ws[j].start]
			if strings.ContainsAny(gap, ".;!?") {
				return len(ws)
			}
			if strings.Contains(gap, ",") && strings.Count(text[ws[verb].end:ws[j].start], "(") <= strings.Count(text[ws[verb].end:ws[j].start], ")") {
				break
			}
		}
		if j < len(ws) && (ws[j].lower == "and" || ws[j].lower == "or") {
			j++
		}
	}
	if j >= len(ws) || e.verbLike(ws[j].lower) || e.lx.IsLeadingSkip(ws[j].lower) || e.lx.IsPreposition(ws[j].lower) || e.lx.QuestionSurface("clause", ws[j].lower) {
		return len(ws)
	}
	return j
}

// listAfter returns the items of an inline list the clause that opens at
// word k is ("only keys, only new data, only old data"; "the agent and
// logging tools such as Logstash, Graylog, and Fluentd"): the clause up to
// the sentence's end or a word that opens a clause of its own ("to", a
// clause word), read by ingest.LineItems; nil when it is no list.
func (e *Engine) listAfter(text string, ws []qword, k int) []string {
	end := len(text)
	for j := k + 1; j < len(ws); j++ {
		if strings.ContainsAny(text[ws[j-1].end:ws[j].start], ".;:!?") || ws[j].lower == "to" || e.lx.QuestionSurface("clause", ws[j].lower) {
			end = ws[j-1].end
			break
		}
	}
	_, items, chain := ingest.LineItems(text[ws[k].start:end], e.dict.Lexicon)
	if chain {
		return nil
	}
	out := items[:0:0]
	for _, it := range items {
		f := strings.Fields(it)
		if w := strings.ToLower(f[0]); e.lx.IsLeadingSkip(w) || e.verbLike(w) {
			return nil // "the agent on the instance, then restart it": no list of things
		}
		for len(f) > 1 && e.lx.QuestionSurface("determiner", strings.ToLower(f[0])) {
			f = f[1:]
		}
		out = append(out, strings.Join(f, " "))
	}
	return out
}

// breaks reports whether punctuation stands right before word k.
func breaks(text string, ws []qword, k int) bool {
	return k > 0 && strings.ContainsAny(text[ws[k-1].end:ws[k].start], ",;:.()!?")
}

// phraseAfter reads the noun phrase that opens at word k: determiners
// skipped, up to a preposition, a clause word, "to", "and", a verb-like
// word or punctuation; it returns the phrase and where it stopped.
func (e *Engine) phraseAfter(text string, ws []qword, k int, names [][2]int) (string, int) {
	start0 := k
	for k < len(ws) && e.lx.QuestionSurface("determiner", ws[k].lower) && (k == start0 || !breaks(text, ws, k)) {
		k++
	}
	start := k
	for k < len(ws) && k-start < maxArgumentWords && (k == start || !breaks(text, ws, k)) {
		w := ws[k].lower
		if e.lx.IsPreposition(w) || e.lx.QuestionSurface("clause", w) || w == "and" || w == "or" || w == "to" || e.lx.QuestionSurface("aux", w) || e.phraseAt(ws, k, "examples_follow") > 0 {
			break
		}
		inName := slices.ContainsFunc(names, func(n [2]int) bool { return n[0] <= ws[k].start && ws[k].end <= n[1] })
		if k > start && ws[k].text == w && strings.HasSuffix(w, "ing") && !inName {
			break // "a StackSet targeting the root": a participle's clause
		}
		k++
	}
	if k == start || k-start >= maxArgumentWords && k < len(ws) && !breaks(text, ws, k) {
		return "", k
	}
	last := k - 1
	for last > start && e.lx.IsLeadingSkip(ws[last].lower) {
		last-- // "suspend auto scaling first"
	}
	return text[ws[start].start:ws[last].end], k
}

// inNounCompound reports whether word i of a line is a plural noun inside
// a compound rather than a verb (a content word right before it: "health
// checks"), and whether it heads it: after it the line's end or a
// preposition ("health checks on ELB", not "health checks configuration");
// before a mark it is a verb ("Cross-account deploy needs: ...").
func (e *Engine) inNounCompound(text string, ws []qword, i int) (in, head bool) {
	if w := ws[i].lower; i == 0 || breaks(text, ws, i) || !strings.HasSuffix(w, "s") || len(w)-1 > len(ingest.Stem(w))+2 {
		return false, false // the verb's own plural noun ("checks"), not a derived one ("installations")
	}
	prev := ws[i-1].lower
	if e.lx.IsStop(prev) || e.lx.IsPreposition(prev) || e.lx.QuestionSurface("aux", prev) || e.lx.QuestionSurface("determiner", prev) || e.lx.QuestionSurface("actor", prev) || strings.HasSuffix(prev, "ly") {
		return false, false
	}
	switch {
	case i+1 == len(ws) || !breaks(text, ws, i+1) && e.lx.IsPreposition(ws[i+1].lower):
		return true, true
	case breaks(text, ws, i+1):
		return false, false // "Cross-account deploy needs: ...": a verb before its list
	}
	return true, false
}

// compoundBefore returns the compound that word i heads, back to a mark or
// a function word, less the adverbs and participles that open it
// ("incorrectly configured health checks": "health checks").
func (e *Engine) compoundBefore(text string, ws []qword, i int) string {
	j := i
	for j > 0 && !breaks(text, ws, j) {
		w := ws[j-1].lower
		if e.lx.IsStop(w) || e.lx.IsPreposition(w) || e.lx.QuestionSurface("determiner", w) || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed") {
			break
		}
		j--
	}
	return text[ws[j].start:ws[i].end]
}

// phraseBefore reads the noun phrase that ends at word j, back to the
// clause's start, a clause word or punctuation, determiners dropped.
func (e *Engine) phraseBefore(text string, ws []qword, j int) string {
	if j < 0 {
		return ""
	}
	end := j
	for j >= 0 && end-j < maxArgumentWords {
		w := ws[j].lower
		if e.lx.QuestionSurface("clause", w) || e.lx.IsPreposition(w) || w == "and" || w == "or" || e.lx.QuestionSurface("aux", w) || e.lx.QuestionSurface("determiner", w) {
			break
		}
		j--
		if j >= 0 && breaks(text, ws, j+1) {
			break
		}
	}
	if j == end || end-j >= maxArgumentWords {
		return ""
	}
	return text[ws[j+1].start:ws[end].end]
}

// complementOf returns the phrase a line writes after "to" or "as" right
// after a verb's object ("deployment controller" in "Set its deployment
// controller to CodeDeploy": CodeDeploy); "" when it writes none.
func (e *Engine) complementOf(text, object string) string {
	i := strings.Index(strings.ToLower(text), strings.ToLower(object))
	if i < 0 {
		return ""
	}
	ws := splitWords(text)
	k := slices.IndexFunc(ws, func(w qword) bool { return w.start >= i+len(object) })
	if k < 0 || k+1 >= len(ws) || breaks(text, ws, k) || ws[k].lower != "to" && ws[k].lower != "as" {
		return ""
	}
	p, _ := e.phraseAfter(text, ws, k+1, nil)
	return p
}

// closesOnComplement reports whether a question closes on "to" or "as"
// ("what do I set its deployment controller to?").
func (a *analysis) closesOnComplement() bool {
	n := len(a.words)
	return n >= 2 && (a.words[n-1].lower == "to" || a.words[n-1].lower == "as")
}

// asksComplement reports whether a question closes on "to" or "as" after
// the words of an object it gives ("what do I set its deployment
// controller to?"): it asks what the object is set to, not the object.
func (a *analysis) asksComplement(object string) bool {
	if !a.closesOnComplement() {
		return false
	}
	n := len(a.words)
	last := strings.Fields(strings.ToLower(object))
	return len(last) > 0 && ingest.Stem(last[len(last)-1]) == a.words[n-2].stem
}

// verbArgPrior is what the verb-argument reading is worth before the
// question's words are matched, over the evidence reading's.
const verbArgPrior = 1.0

// minVerbArgRest is the share of a question's words other than its verb
// a line must hold to say what the verb acts on.
const minVerbArgRest = 0.3

// holdsVerb reports whether a line holds a word whose stem is one of
// stems.
func (e *Engine) holdsVerb(text string, stems []string) bool {
	lower := strings.ToLower(text)
	if !slices.ContainsFunc(stems, func(st string) bool { return strings.Contains(lower, st[:max(2, len(st)-1)]) }) {
		return false // no word of it can stem to one ("specifi" of "specify", "use" of "using")
	}
	for _, w := range splitWords(text) {
		if containsStr(stems, ingest.Stem(w.lower)) {
			return true
		}
	}
	return false
}

// verbArgCandidate answers a question that asks what its asker acts on
// (askedVerbs) with what a line says the verb acts on (verbArguments), less
// what the question itself names: of the question's matching lines that
// hold a form of the verb and are about what it names, the one that holds
// most of its other words (minVerbArgRest at least), with the other
// sentences of that note line. Nil when it asks no such thing or no line
// answers.
func (e *Engine) verbArgCandidate(a *analysis) *candidate {
	verbs := e.askedVerbs(a)
	if len(verbs) == 0 {
		return nil
	}
	// the lines that hold a form of the verb, of all the question's hits:
	// a line with little of the question's heaviest words may say it
	// ("Cross-account deploy needs: ..." for "what do I need to set up so
	// ... can deploy into a prod account", whose "set up" other lines hold)
	strong := len(a.strongLinkIDs())
	var top []hit
	for _, h := range a.hits {
		if !e.holdsVerb(e.ix.Statement(h.i).Text, verbs) {
			continue
		}
		// a line about what the question names: not "Choose one at
		// random" for a question on DynamoDB streams
		if strong == 0 || e.heldLinks(a, h.i) > 0 {
			top = append(top, h)
		}
	}
	complement := a.closesOnComplement()
	args := func(h hit) []Answer {
		st := e.ix.Statement(h.i)
		var answers []Answer
		for _, p := range e.verbArguments(st.Text, verbs) {
			if e.namedByQuestion(a, p) {
				// "what do I set its deployment controller to": the
				// question gives the object; what the line sets it to
				// answers ("Set its deployment controller to CodeDeploy"),
				// though the question may name it too ("so CodeDeploy
				// can do blue/green on it")
				if c := e.complementOf(st.Text, p); c != "" && a.asksComplement(p) {
					answers = append(answers, Answer{Name: c, Kind: string(graph.KindConcept), Detail: st.Text, Sources: []string{st.Source}})
				}
				continue
			}
			if complement || e.lx.QuestionSurface("object_pronoun", strings.ToLower(p)) {
				continue // (a question that asks what a thing is set to asks no object)
			}
			answers = append(answers, Answer{Name: p, Kind: string(graph.KindConcept), Detail: st.Text, Sources: []string{st.Source}})
		}
		return answers
	}
	// of the lines that say what the verb acts on, the one that holds most
	// of the rest of the question ("Parallel stages can be set up by ..."
	// holds the asked "set up" and nothing else of "what do I need to set
	// up so a CodePipeline ... can deploy into a prod account")
	rest := func(h hit) float64 {
		// the words of the whole note line: "Use an IAM role ARN to
		// authenticate the instance: ... It is more secure and it is the
		// recommended way" is one line of two sentences
		terms := e.lineTerms(h.i)
		got, all := 0.0, 0.0
		for _, t := range a.terms {
			if containsStr(verbs, t.stem) || t.pos > 0 && containsStr(verbs, a.words[t.pos-1].stem) && e.lx.QuestionSurface("particle", a.words[t.pos].lower) {
				continue
			}
			all += t.weight
			if t.in(terms) {
				got += t.weight
			}
		}
		if all == 0 {
			return 0
		}
		return got / all
	}
	best, bestScore, bestCov := -1, 0.0, 0.0
	var answers []Answer
	for k, h := range top {
		cov := rest(h)
		if cov < minVerbArgRest {
			continue
		}
		if score := cov + float64(e.heldLinks(a, h.i)); best < 0 || score > bestScore {
			if ans := args(h); len(ans) > 0 {
				best, bestScore, bestCov, answers = k, score, cov, ans
			}
		}
	}
	if best >= 0 {
		h := top[best]
		st := e.ix.Statement(h.i)
		for _, o := range top {
			if o.i == h.i {
				continue
			}
			// "..., you must specify the public subnet ... You must also
			// specify an Elastic IP address": the line's other sentences
			if e.ix.Statement(o.i).Source == st.Source {
				answers = append(answers, args(o)...)
			}
		}
		c := &candidate{typ: candEvidence, result: &Result{Intent: "evidence", Answers: answers}}
		c.ctx = st.Terms
		c.prior = -0.3 + bestCov*0.45 + verbArgPrior
		// (the verb as the question writes it: "installing", not the stem)
		c.reading = fmt.Sprintf("what the best-matching line says of %q (%s)", asWritten(a, verbs[:1])[0], st.Source)
		return c
	}
	return nil
}

// namedByQuestion reports whether a phrase is all words the question
// holds ("the NAT gateway" of a question on creating a NAT gateway).
func (e *Engine) namedByQuestion(a *analysis, phrase string) bool {
	ids := a.linkIDs()
	var named [][2]int // spans of the phrase that name an entity the question names ("ASG" of Auto Scaling)
	for _, m := range e.dict.FindWeak(phrase) {
		if containsStr(ids, m.ID) {
			named = append(named, [2]int{m.Start, m.End})
		}
	}
	for _, w := range splitWords(phrase) {
		if slices.ContainsFunc(named, func(s [2]int) bool { return s[0] <= w.start && w.end <= s[1] }) {
			continue
		}
		st := ingest.Stem(w.lower)
		if !slices.ContainsFunc(a.words, func(q qword) bool { return q.stem == st }) {
			return false
		}
	}
	return true
}

// maxLineSentences bounds how many statements on either side of one
// lineTerms looks at for the other sentences of its note line.
const maxLineSentences = 4

// lineTerms returns the terms of statement i and of the other statements
// of its note line (the sentences that share its source).
func (e *Engine) lineTerms(i int) []string {
	src := e.ix.StatementSource(i)
	terms := e.ix.StatementTerms(i)
	for _, step := range []int{-1, 1} {
		for j := i + step; j >= 0 && j < e.ix.NumStatements() && j != i+step*(maxLineSentences+1); j += step {
			if e.ix.StatementSource(j) != src {
				break
			}
			terms = append(slices.Clip(terms), e.ix.StatementTerms(j)...)
		}
	}
	return terms
}
