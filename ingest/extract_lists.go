package ingest

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/awskg/awskg/graph"
)

// ---- bullets and lists ---------------------------------------------------

func (x *extractor) bullet(b *Block, i int) {
	text := strings.TrimSpace(b.Text)
	if x.subDepth >= 0 && x.subhead != "" && b.Depth <= x.subDepth {
		x.subhead = "" // the bullet head's items have ended
	}
	if x.isBulletHead(i) {
		// "- Billing alarms" over "  - Only in us-east-1": its items are
		// about the billing alarms, as under a subheading
		x.subhead, x.subLine, x.subDepth = strings.TrimSuffix(text, ":"), b.Line, b.Depth
	}
	inList := x.list != nil && x.inList(b)
	switch {
	case inList:
		x.listItem(text, b.Line, b.Ordinal)
	case x.list != nil && x.list.depth < 0 && b.Depth > 0 && x.doc.Format != "pdf":
		// "  - each hook is itself a Lambda function" under the item
		// "- Lambda: ..." of a heading's list: a note on the item, and the
		// list goes on after it
	default:
		x.list = nil
	}
	if x.scope != nil && !inList {
		x.scopeItem(text, b.Line)
	}
	x.prose(text, b.Line, x.scope != nil)
	if !inList || strings.HasSuffix(text, ":") {
		x.listStart(text, b.Line, b.Depth)
	}
}

// inList reports whether a bullet belongs to the open list.
func (x *extractor) inList(b *Block) bool {
	l := x.list
	if l.depth >= 0 && b.Depth > l.depth {
		return b.Depth == l.depth+1
	}
	if b.Depth < l.depth {
		return false // "- Task types: ..." back out of the numbered items "Registered tasks" closes
	}
	if l.numbered && b.Ordinal == 0 {
		return false // "- Task types: ..." after "- 3. Registered tasks": the numbered list is done
	}
	if x.doc.Format != "pdf" {
		// nested bullets: a heading or paragraph head takes the top-level items
		return l.depth < 0 && b.Depth == 0
	}
	if l.depth < 0 {
		// a heading's list runs to the next heading; items are filtered by kind
		return true
	}
	// Flat lists (no nesting in the note): items are short noun phrases.
	words := countFields(b.Text)
	if words <= 7 || leadsWithEntity(x, b.Text) {
		return true
	}
	return false
}

func leadsWithEntity(x *extractor, text string) bool {
	m := x.find(text)
	return len(m) > 0 && leadingWords(text, m[0].Start) <= 2
}

// scopeItem links the entities of a bullet under a capability or strategy
// heading: "- ELB, EFS, ASG, Elastic Beanstalk" under "Services where multi
// AZ needs to be enabled manually".
func (x *extractor) scopeItem(text string, line int) {
	if negated(text) {
		return
	}
	for _, e := range x.entities(stripParens(text), true) {
		x.add(e, graph.PredSupports, x.scope.node, text, 0, line)
	}
}

var listCues = []struct {
	re   *lazyRegexp
	pred string
	kind graph.NodeKind
}{
	{lazyRE(`(?i)\blifecycle events?\b|\bhooks?\b`), graph.PredEvent, graph.KindEvent},
	{lazyRE(`(?i)\bhelper scripts?\b|^script( names?)?$`), graph.PredHelper, graph.KindFeature},
	{lazyRE(`(?i)\btargets?\b`), graph.PredTargets, graph.KindConcept},
	{lazyRE(`(?i)\bdestinations?\b`), graph.PredDelivers, graph.KindConcept},
	{lazyRE(`(?i)^(service )?(limits?|quotas?)$|\blimits:?$`), graph.PredLimit, graph.KindConcept},
	{lazyRE(`(?i)\bdeployment configurations?\b`), graph.PredConfig, graph.KindStrategy},
	{lazyRE(`(?i)\bdeployment (types?|strateg\w*|options?|methods?)\b|\bstrategies\b`), graph.PredDeployType, graph.KindStrategy},
	{lazyRE(`(?i)\b(includes?|consists? of|capabilities|actions|features|components|tasks|offers|such as|comes with)\b`), graph.PredFeature, graph.KindFeature},
}

// bareNumberRe matches a cell that is only a number: "75", "1,000", "2.5".
var bareNumberRe = lazyRE(`^` + numberPattern + `$`)

// listCueOf returns the predicate a list head announces, "" if none.
func listCueOf(text string) string {
	if !listCueWords.mayMatch(text) {
		return "" // every cue has one of the words
	}
	for _, c := range listCues {
		if c.re.MatchString(text) {
			return c.pred
		}
	}
	return ""
}

// headNoun returns the words of a short list head before its first
// preposition other than "of" ("Environment variables" of "Environment
// variables for hooks"; "a set of five lifecycle events" stays whole), ""
// when it has none.
func (x *extractor) headNoun(t string) string {
	f := strings.Fields(t)
	for i, w := range f {
		if i > 0 && !strings.EqualFold(w, "of") && x.dict.Lexicon.IsPreposition(w) {
			return strings.Join(f[:i], " ")
		}
	}
	return ""
}

// listScene returns a list head's text, its closing colon dropped, when it
// names an entity that is neither the list's subject nor a part or parent
// of it ("In case we have load balancer, we can have the following
// additional hooks:" over CodeDeploy's hooks); "" for any other head
// ("CodeDeploy lifecycle hooks:").
func (x *extractor) listScene(head, subj string) string {
	for _, id := range x.entities(head, false) {
		if id != subj && x.parentOf(id) != subj && x.parentOf(subj) != id {
			return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(head), ":"))
		}
	}
	return ""
}

// listCueWords are the words every list cue contains: a cheap filter.
var listCueWords = newCueSet("limit", "quota", "lifecycle", "hook", "helper", "script", "target", "destination", "deploy", "strateg",
	"include", "consist", "capabilit", "action", "feature", "component", "task", "offer", "such as", "comes with")

// listStart opens a list when a heading, subheading or item announces one:
// "SSM Actions include:", "Each layer has a set of five lifecycle events:".
func (x *extractor) listStart(text string, line, depth int) {
	if !listCueWords.in(text) {
		return
	}
	t := strings.TrimSpace(text)
	if depth >= 0 && !strings.HasSuffix(t, ":") && (countFields(t) > 4 || x.dict.Lexicon.LeadingVerb(t, len(t))) {
		return
	}
	if depth < 0 && !strings.HasSuffix(t, ":") && countFields(t) > 6 {
		return
	}
	cueText := t
	if f := strings.Fields(strings.TrimSuffix(t, ":")); strings.HasSuffix(t, ":") && len(f) > 4 {
		// "Hook which can execute scripts can have the following
		// properties:": the items are what the head's last words name
		cueText = strings.Join(f[len(f)-3:], " ")
	} else if head := x.headNoun(strings.TrimSuffix(t, ":")); head != "" {
		// "Environment variables for hooks:" lists variables, not hooks
		cueText = head
	}
	for _, c := range listCues {
		if c.re.FindStringIndex(cueText) == nil {
			continue
		}
		loc := c.re.FindStringIndex(t)
		if loc == nil || c.pred == graph.PredLimit && depth >= 0 {
			continue
		}
		// the head's subject is in its main clause: "In case we have load
		// balancer, we can have the following additional hooks:" lists
		// no hooks of the load balancer
		pre, whole := t[:loc[0]], t
		if m := x.mainClause(t); m != "" {
			whole = m
			pre = strings.TrimSuffix(m, t[loc[0]:])
		}
		subj := ""
		if ents := x.entities(pre, false); len(ents) > 0 {
			subj = ents[0]
		} else if ents := x.headEntities(whole, false); len(ents) > 0 && c.pred != graph.PredTargets {
			subj = ents[0]
		} else if x.subhead != "" && x.subLine != line {
			subj = x.subheadNode()
		}
		if subj == "" {
			subj = x.contextOne()
		}
		if subj == "" {
			return
		}
		d := depth
		if depth < 0 {
			d = -1
			if x.doc.Format == "pdf" || x.doc.Format == "wiki" || x.doc.Format == "blog" {
				d = -1
			}
		}
		x.list = &listHead{pred: c.pred, subject: subj, kind: c.kind, depth: d, line: line, scene: x.listScene(t, subj)}
		return
	}
}

var codeNameRe = lazyRE(`^([a-z][a-z0-9]*(?:-[a-z0-9]+)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+[A-Z]\w*|[A-Z][a-z]+[A-Z][\w.]*\w)\b`)

// itemName picks the name of a list item: "Rolling: update a few..." →
// "Rolling"; "cfn-init can be used to..." → "cfn-init"; "Setup" → "Setup".
func itemName(text string, lx *Lexicon) string {
	t := stripParens(strings.TrimSpace(text))
	if m := codeNameRe.FindString(t); m != "" && (len(m) == len(t) || !englishCompound(m, lx) && !valueAfter(t[len(m):])) {
		return m
	}
	if called, ok := scenarioCall(t); ok {
		return called
	}
	for _, sep := range []string{": ", " - ", " – ", " — ", " -> ", " → ", " => "} {
		if i := strings.Index(t, sep); i > 0 && countFields(t[:i]) <= 5 {
			return cleanName(t[:i])
		}
	}
	t = stripParens(t)
	if countFields(t) <= 5 {
		return cleanName(t)
	}
	return ""
}

// scenarioCall returns what an item's scenario calls for: the words after
// its last " => " when a scenario before it is quoted or told at length
// ("Trick for exam: \"need to update config on every node when a new node
// comes online\" => Configure event" → Configure event; "need automatic
// rotation of DB creds => Secrets Manager"), at most five words; ok is
// false for any other item ("preventive => SCPs" pairs a label and its
// value).
func scenarioCall(t string) (string, bool) {
	i := strings.LastIndex(t, " => ")
	if i <= 0 {
		return "", false
	}
	called := strings.TrimSpace(t[i+4:])
	if n := countFields(called); n == 0 || n > 5 || strings.ContainsAny(called, ",;") || !strings.ContainsAny(t[:i], "\"“") && countFields(t[:i]) <= 5 {
		return "", false // (nor a list it calls for: "=> JSONL, logfmt, CEF" is read as one)
	}
	return cleanName(called), true
}

// valueAfter reports whether the rest of an item after its identifier
// opens with a figure: "minimumHealthyPercent 100" names the setting and
// its value, one item, not the setting alone.
func valueAfter(rest string) bool {
	rest = strings.TrimLeft(rest, " =")
	return rest != "" && unicode.IsDigit(rune(rest[0]))
}

func (x *extractor) listItem(text string, line, ordinal int) {
	l := x.list
	if l.count == 0 && ordinal > 0 {
		l.numbered = true
	}
	l.count++
	pos := ordinal
	if pos == 0 {
		pos = l.count
	}
	if l.pred == graph.PredEvent {
		if hops := stepHops(text); hops != nil {
			// "ApplicationStop -> DownloadBundle -> ..." under "lifecycle
			// hooks order": each step is an event, in the chain's order
			for k, h := range hops {
				if id := x.newNode(l.kind, h); id != "" {
					x.add(l.subject, l.pred, id, text, pos+k, line)
				}
			}
			l.count += len(hops) - 1
			return
		}
	}
	if _, q := cutLabel(text, questionLabels); q {
		return // "Q: where do I put the script that checks the app": a question, no item
	}
	if label, value, ok := strings.Cut(text, ": "); ok && x.fieldLabel(label) {
		// "Right: ValidateService" under "#1 CodeDeploy hook order": the
		// field's value is the item
		text = value
	}
	name := itemName(text, x.dict.Lexicon)
	var obj string
	switch l.pred {
	case graph.PredSupports, graph.PredDeployType, graph.PredConfig:
		v := x.vocab(text)
		if len(v) == 0 || negated(stripParens(name)) && len(v) == 0 {
			return
		}
		obj = v[0]
	case graph.PredTargets, graph.PredDelivers:
		if i := strings.Index(text, ": "); i > 0 && listCueOf(text[:i]) == l.pred {
			// "Built-in targets: EC2 CreateSnapshot API call, EC2 RebootInstances API call"
			for _, part := range strings.Split(text[i+2:], ",") {
				part = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(part), "and "))
				if n := countFields(part); n > 0 && n <= 6 {
					x.add(l.subject, l.pred, x.newNode(l.kind, part), text, pos, line)
				}
			}
			return
		}
		if ents := x.entities(stripParens(text), true); len(ents) > 0 && countFields(text) <= 8 {
			obj = ents[0]
		} else if name != "" {
			obj = x.newNode(l.kind, name)
		}
	case graph.PredLimit:
		// "Applications | 75" under "Limits": the limit is 75 applications;
		// "Max template size | 460kB": 460kB
		if i := strings.Index(text, ": "); i > 0 {
			v := strings.TrimSpace(text[i+2:])
			if bareNumberRe.MatchString(v) {
				obj = x.newNode(graph.KindValue, v+" "+strings.TrimSpace(text[:i]))
				break
			}
			if q, ok := x.parseQuantity(v); ok && q.Start == 0 && q.End == len(v) {
				obj = x.newNode(graph.KindValue, q.Text) // "Max template size: 460kB"
				break
			}
		}
		fallthrough
	default:
		if x.labelledItems(l, text, line) {
			return
		}
		if f := firstWord(name); f != "" && countFields(name) > 1 && (x.dict.Lexicon.isAux(strings.ToLower(f)) || x.dict.Lexicon.IsNegation(f)) {
			// "can NOT script: DownloadBundle, Install, ...", "Can
			// rebuild environment": an item named by words that open
			// with an auxiliary or a negation says what the subject (or
			// the items after it) can do; it names no item of the list
			// (the open reading relates them by it)
			return
		}
		if name == "" || countFields(name) <= 2 && listCueOf(name) == l.pred {
			// "Hooks: BeforeInstall -> Install ..." under "Deployment
			// Hooks:": the item names the list's kind, not one of its items
			return
		}
		if x.labelOnly(text, name) {
			return
		}
		if l.pred == graph.PredEvent && (countFields(name) > 1 || len(x.entities(name, true)) > 0) {
			// "Heartbeat timeout", "Where the hook notification goes",
			// "Amazon SNS" under an ASG's "Lifecycle hooks": a lifecycle
			// event is named by one word or identifier ("BeforeInstall",
			// "Setup", "Pending:Wait"); a phrase or a service says
			// something of the hooks (the open reading relates it)
			return
		}
		if ents := x.entities(name, true); len(ents) == 1 {
			obj = ents[0]
		} else {
			obj = x.newNode(l.kind, name)
		}
	}
	if obj == "" {
		return
	}
	detail := text
	if l.scene != "" {
		detail = l.scene + " — " + text
	}
	x.add(l.subject, l.pred, obj, detail, pos, line)
	if l.pred == graph.PredDeployType {
		x.add(l.subject, graph.PredSupports, obj, text, 0, line)
	}
}

// labelledItems reads a list item that labels a list of its own with an
// entity ("ECS: BeforeInstall, AfterInstall, AfterAllowTestTraffic" under
// "Lifecycle hooks"): the items are the labelled entity's, in their order,
// not the label one item of the head's list. It reports whether the item
// was one.
func (x *extractor) labelledItems(l *listHead, text string, line int) bool {
	label, value, ok := strings.Cut(text, ": ")
	if !ok || countFields(label) > maxLabelWords || strings.Contains(value, ": ") {
		return false // "A: B: c; D: e", a table row's cells, is no list
	}
	ents := x.entities(label, true)
	if len(ents) != 1 || ents[0] == l.subject {
		return false
	}
	// "ec2 in place order: ApplicationStop -> DownloadBundle -> ...": the
	// labelled entity's items in the chain's order
	names := stepHops(value)
	if names == nil {
		for _, part := range splitListSpans(strings.TrimRight(strings.TrimSpace(value), ".")) {
			name := cleanName(stripParens(part.text))
			// (one word is a name, "Install", not a sentence)
			if n := countFields(name); n == 0 || n > 4 || n > 1 && x.hasVerb(name) {
				return false
			}
			names = append(names, name)
		}
	}
	if len(names) < 2 {
		return false
	}
	for k, name := range names {
		obj := ""
		if e := x.entities(name, true); len(e) == 1 {
			obj = e[0]
		} else {
			obj = x.newNode(l.kind, name)
		}
		x.add(ents[0], l.pred, obj, text, k+1, line)
	}
	return true
}

// maxLabelWords bounds the words of a list item's label that names the
// entity whose items follow it ("ECS", "ec2 not scriptable").
const maxLabelWords = 5

// labelOnly reports a list item "label: value" whose label names an entity
// among other words ("ec2 in place order: ..."): the item says something
// of the entity, it is not the entity as one of the list's items.
func (x *extractor) labelOnly(text, name string) bool {
	label, _, ok := strings.Cut(stripParens(text), ": ")
	if !ok || cleanName(label) != name {
		return false
	}
	ms := x.find(name)
	if len(ms) != 1 {
		return false
	}
	return countFields(ms[0].Text) < countFields(name)
}

// ---- tables --------------------------------------------------------------

var (
	ordinalWords = map[string]int{"lowest": 1, "very low": 1, "low": 2, "medium": 3, "moderate": 3, "high": 4, "highest": 5, "very high": 5}
	repeatRe     = lazyRE(`^(\$+|🕑+|\*+)$`)
)

// ordinal parses a cell as a level on an ordered scale: "Low", "$$", "🕑🕑".
func ordinal(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if n, ok := ordinalWords[s]; ok {
		return n, true
	}
	if repeatRe.MatchString(s) {
		r := []rune(s)
		return len(r), true
	}
	return 0, false
}

func (x *extractor) table(b *Block) {
	t := b.Table
	if t == nil || len(t.Header) < 2 {
		return
	}
	// "scale out -> Pending -> Pending:Wait -> InService" in a cell
	for _, r := range t.Rows {
		for _, c := range r {
			if strings.Contains(c.Text, "->") || strings.Contains(c.Text, "→") {
				x.chainIn(c.Text, c.Line)
			}
		}
	}
	ords := x.ordinalColumns(t)
	if len(ords) > 0 {
		x.rankTable(t, ords)
	}
	if x.matrix(t) {
		return
	}
	x.keyTable(t)
}

func (x *extractor) ordinalColumns(t *Table) []int {
	var cols []int
	for c := 1; c < len(t.Header); c++ {
		n, ok := 0, true
		for _, r := range t.Rows {
			if r[c].Text == "" {
				continue
			}
			if _, isOrd := ordinal(r[c].Text); !isOrd {
				ok = false
				break
			}
			n++
		}
		if ok && n >= 2 && t.Header[c].Text != "" {
			cols = append(cols, c)
		}
	}
	return cols
}

// rankTable reads a table of ordered levels: every row gets one fact per
// ordinal column, with the level's rank as Position ("Pilot Light cost $$").
func (x *extractor) rankTable(t *Table, cols []int) {
	kind := graph.KindConcept
	if x.mentionsDR() {
		kind = graph.KindDR
	}
	for _, r := range t.Rows {
		key := r[0].Text
		if key == "" {
			continue
		}
		var subj string
		if v := x.vocab(key); len(v) == 1 && x.dictKind(v[0]) == graph.KindStrategy {
			subj = v[0]
		} else {
			subj = x.newNode(kind, key)
		}
		for _, c := range cols {
			cell := r[c]
			rank, ok := ordinal(cell.Text)
			if !ok {
				continue
			}
			pred := "rank:" + graph.Slug(t.Header[c].Text)
			level := x.newNode(graph.KindLevel, t.Header[c].Text+" "+cell.Text)
			x.add(subj, pred, level, t.Header[c].Text+": "+cell.Text+rowDetail(t, r, c), rank, cell.Line)
		}
	}
}

func rowDetail(t *Table, r []Cell, skip int) string {
	var parts []string
	for c := 1; c < len(r); c++ {
		if c == skip || r[c].Text == "" {
			continue
		}
		if _, ok := ordinal(r[c].Text); ok {
			continue
		}
		h := t.Header[c].Text
		if h != "" {
			parts = append(parts, h+": "+r[c].Text)
		} else {
			parts = append(parts, r[c].Text)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

var drRe = lazyRE(`(?i)\bdisaster recovery\b|\bDR\b|\bRPO\b|\bRTO\b`)

func (x *extractor) mentionsDR() bool {
	for i := len(x.headings) - 1; i >= 0 && i >= len(x.headings)-2; i-- {
		if drRe.MatchString(x.headings[i].text) {
			return true
		}
	}
	return false
}

var (
	notifCue  = lazyRE(`(?i)notif`)
	targetCue = lazyRE(`(?i)\btargets?\b|\bdestinations?\b|\bdelivered\b`)
)

// matrix reads tables whose header columns name services or channels and
// whose rows name services or strategies: the notifications table, the
// deployment strategies per service table.
func (x *extractor) matrix(t *Table) bool {
	if len(t.Header) < 3 {
		return false
	}
	type col struct {
		ids []string
		c   int
	}
	var cols []col
	for c := 1; c < len(t.Header); c++ {
		h := t.Header[c].Text
		ids := x.entities(h, true)
		if len(ids) == 0 {
			ids = x.vocab(h)
		}
		if len(ids) > 0 {
			cols = append(cols, col{ids: ids, c: c})
		}
	}
	if len(cols) < 2 {
		return false
	}
	heading := x.sectionText()
	notif := notifCue.MatchString(heading)
	for _, r := range t.Rows {
		key := r[0].Text
		if key == "" {
			continue
		}
		rowVocab := x.vocab(key)
		rowEnts := x.entities(key, true)
		for _, cl := range cols {
			cell := r[cl.c]
			txt := strings.TrimSpace(cell.Text)
			if txt == "" || strings.HasPrefix(strings.ToLower(txt), "see above") && len(x.vocab(txt)) == 0 {
				continue
			}
			neg := txt == "-" || strings.HasPrefix(txt, "- ") || txt == "–"
			detail := strings.TrimSpace(strings.TrimPrefix(txt, "+"))
			if detail == "" {
				detail = "+"
			}
			head := t.Header[cl.c].Text
			switch {
			case len(rowEnts) > 0 && !x.isEntityID(cl.ids[0]) && !notif:
				// service × capability: "| ECR | ✅ replication rules |"
				// under "Cross-region"; a cell that marks no yes says
				// nothing the column's capability holds
				if x.dict.Lexicon.CellMark(txt) > 0 {
					for _, s := range rowEnts {
						x.add(s, graph.PredSupports, cl.ids[0], head+": "+txt, 0, cell.Line)
					}
				}
			case len(rowEnts) > 0 && x.isEntityID(cl.ids[0]):
				// service × channel
				pred := graph.PredNotifies
				if !notif && targetCue.MatchString(heading) {
					pred = graph.PredTargets
				}
				for _, s := range rowEnts {
					if neg {
						if pred == graph.PredNotifies {
							x.add(s, graph.PredNoNotify, cl.ids[0], head+": -", 0, cell.Line)
						}
						continue
					}
					x.add(s, pred, cl.ids[0], head+": "+detail, 0, cell.Line)
					for _, o := range x.entities(detail, false) {
						if o != s && o != cl.ids[0] && x.notifiable(o) {
							x.add(s, pred, o, head+": "+detail, 0, cell.Line)
						}
					}
				}
			case len(rowVocab) > 0 && x.isEntityID(cl.ids[0]):
				// strategy × service (platform)
				if neg {
					continue
				}
				subj := cl.ids[0]
				if len(cl.ids) > 1 {
					// "CodeDeploy Lambda": the service on a platform.
					f := x.newNode(graph.KindFeature, head)
					x.add(cl.ids[0], graph.PredFeature, f, head, 0, t.Header[cl.c].Line)
					x.add(f, graph.PredSupports, rowVocab[0], head+": "+detail, 0, cell.Line)
					for i, v := range inlineItems(detail) {
						for _, s := range x.vocab(v) {
							x.add(f, graph.PredConfig, s, detail, i+1, cell.Line)
						}
					}
				}
				x.add(subj, graph.PredSupports, rowVocab[0], head+": "+detail, 0, cell.Line)
			}
		}
	}
	return true
}

func (x *extractor) isEntityID(id string) bool { return isEntity(x.dictKind(id)) }

// inlineItems splits "Traffic is shifted ... * Canary * Linear * All-at-once"
// into its starred items.
func inlineItems(s string) []string {
	parts := strings.Split(s, " * ")
	if len(parts) < 2 {
		return nil
	}
	return parts[1:]
}

// sectionText is the text of the nearest heading and subheading.
func (x *extractor) sectionText() string {
	s := x.subhead
	if len(x.headings) > 0 {
		s = x.headings[len(x.headings)-1].text + " " + s
	}
	return s
}

var featureHeaderRe = lazyRE(`(?i)^(tasks?|actions?|features?|capabilities|components?|scripts?|helper scripts?|tools?|events?|name|step)$`)

// keyTable reads two-column style tables: key cell → value cells.
func (x *extractor) keyTable(t *Table) {
	h0 := t.Header[0].Text
	h1 := ""
	if len(t.Header) > 1 {
		h1 = t.Header[1].Text
	}
	deliver := targetCue.MatchString(h1)
	featureTable := featureHeaderRe.MatchString(h0) && !strings.EqualFold(h0, "step")
	if x.list == nil && len(t.Header) == 2 {
		if cue := listCueOf(h0); cue == graph.PredHelper || cue == graph.PredEvent {
			if subj := x.contextOne(); subj != "" {
				x.list = &listHead{pred: cue, subject: subj, kind: graph.KindFeature, depth: -1}
				if cue == graph.PredEvent {
					x.list.kind = graph.KindEvent
				}
			}
		}
	}
	group := "" // the entity of a grouping row ("Kinesis Streams | . | .")
	for _, r := range t.Rows {
		if g := x.groupRow(r); g != "" {
			group = g
		}
		for ci, c := range r {
			if !propertyWords.in(c.Text) {
				continue
			}
			prop := propertyRe.FindString(c.Text)
			if prop == "" {
				continue
			}
			// "Data Retentions | 7 days"
			subj := group
			if subj == "" {
				subj = x.contextOne()
			}
			for _, v := range r[ci+1:] {
				if subj != "" {
					x.propertyValues(subj, normKey(prop), v.Text, c.Line)
				}
			}
			break
		}
		key := r[0]
		if key.Text == "" {
			continue
		}
		detail := strings.TrimSpace(strings.TrimPrefix(rowDetail(t, r, -1), " "))
		detail = strings.TrimSuffix(strings.TrimPrefix(detail, "("), ")")
		full := key.Text
		if detail != "" {
			full += ": " + detail
		}
		switch {
		case x.scope != nil:
			if negated(key.Text) {
				continue
			}
			for _, e := range x.rowEntities(key.Text, detail, key.Line) {
				x.add(e, graph.PredSupports, x.scope.node, full, 0, key.Line)
			}
		case deliver:
			kind := graph.KindConcept
			if strings.Contains(strings.ToLower(key.Text), "log") {
				kind = graph.KindLog
			}
			subj := x.newNode(kind, stripParens(key.Text))
			for _, part := range splitList(detail) {
				for _, o := range x.entities(part, true) {
					x.add(subj, graph.PredDelivers, o, full, 0, key.Line)
				}
			}
			if ctx := x.contextOne(); ctx != "" {
				x.add(subj, graph.PredPartOf, ctx, full, 0, key.Line)
			}
		case x.list != nil:
			x.listItem(full, key.Line, 0)
		case featureTable:
			if ctx := x.contextOne(); ctx != "" {
				f := x.newNode(graph.KindFeature, key.Text)
				x.add(ctx, graph.PredFeature, f, full, 0, key.Line)
			}
		default:
			// rows keyed by a service: read their cells as sentences about it
			ents := x.entities(key.Text, true)
			if len(ents) != 1 || detail == "" {
				continue
			}
			x.rowSentences(ents[0], detail, key.Line)
			x.describeColumns(ents[0], t, r)
		}
	}
}

var (
	doesHeaderRe  = lazyRE(`(?i)\bwhat it does\b|\bpurpose\b|\bdescription\b|\bused for\b`)
	warnsHeaderRe = lazyRE(`(?i)\bwarns?\b|\bdetects?\b|\bfindings?\b`)
)

// describeColumns reads "What it does" and "Will warn about" columns of a
// table keyed by services.
func (x *extractor) describeColumns(subj string, t *Table, r []Cell) {
	for c := 1; c < len(r) && c < len(t.Header); c++ {
		pred := ""
		switch h := t.Header[c].Text; {
		case doesHeaderRe.MatchString(h):
			pred = graph.PredDoes
		case warnsHeaderRe.MatchString(h):
			pred = graph.PredWarns
		}
		text := strings.TrimSpace(strings.TrimPrefix(r[c].Text, "* "))
		if pred == "" || text == "" {
			continue
		}
		for _, part := range strings.Split(text, " * ") {
			if part = cleanName(part); part != "" {
				x.add(subj, pred, x.newNode(graph.KindConcept, clip(part)), t.Header[c].Text+": "+part, 0, r[c].Line)
			}
		}
	}
}

// groupRow returns the entity a row names when only its first cell is
// filled: a heading row for the rows below it.
func (x *extractor) groupRow(r []Cell) string {
	if len(r) < 2 || r[0].Text == "" {
		return ""
	}
	for _, c := range r[1:] {
		if c.Text != "" {
			return ""
		}
	}
	if ents := x.entities(r[0].Text, true); len(ents) == 1 {
		return ents[0]
	}
	return ""
}

// rowEntities links the key of a capability table row, adding a feature
// node when the key names one ("DynamoDB Global Tables", "AWS Config
// Aggregators") or the value is a short name ("CloudFormation | StackSets").
func (x *extractor) rowEntities(key, value string, line int) []string {
	ents := x.entities(stripParens(key), true)
	if len(ents) == 1 && x.dictKind(ents[0]) == graph.KindService {
		svc := ents[0]
		rest := strings.TrimSpace(removeMention(x, key))
		switch {
		case rest != "" && countFields(rest) <= 3 && !negated(rest):
			f := x.newNode(graph.KindFeature, key)
			x.add(svc, graph.PredFeature, f, key, 0, line)
			return []string{svc, f}
		case value != "" && countFields(value) <= 2 && isTitle(value):
			f := x.featureNamed(svc, value)
			x.add(svc, graph.PredFeature, f, value, 0, line)
			return []string{svc, f}
		}
	}
	return ents
}

func (x *extractor) featureNamed(svc, name string) string {
	if id, ok := x.exact(name); ok {
		x.node(id)
		return id
	}
	return x.newNode(graph.KindFeature, qualifyName(x.nodes[svc].Name, name))
}

func isTitle(s string) bool {
	for _, w := range strings.Fields(s) {
		r := []rune(w)
		if len(r) == 0 || !(r[0] >= 'A' && r[0] <= 'Z') {
			return false
		}
	}
	return true
}

// removeMention drops the first dictionary mention from a text.
func removeMention(x *extractor, text string) string {
	m := x.find(text)
	if len(m) == 0 {
		return text
	}
	return text[:m[0].Start] + text[m[0].End:]
}

// rowSentences reads cells of a row keyed by a service: "* Aggregates view
// from GuardDuty, Amazon Inspector, ...".
func (x *extractor) rowSentences(subj, text string, line int) {
	for _, part := range strings.Split(text, " * ") {
		for _, s := range sentences(strings.TrimPrefix(strings.TrimSpace(part), "* ")) {
			objs := x.entities(s, false)
			var others []string
			for _, o := range objs {
				if o != subj {
					others = append(others, o)
				}
			}
			if len(others) == 0 || negated(s) {
				continue
			}
			switch {
			case aggregateRe.MatchString(s):
				for _, o := range others {
					x.add(subj, graph.PredAggregate, o, s, 0, line)
				}
			case notifyRe.MatchString(s):
				for _, o := range others {
					if x.notifiable(o) {
						x.add(subj, graph.PredNotifies, o, s, 0, line)
					}
				}
			}
		}
	}
}

// ---- chains --------------------------------------------------------------

// MaxChainHops is the longest arrow chain read ("a > b > c", or "-> b" lines
// one under the other); the hops after it are skipped with a warning. The
// notes' longest has 8.
const MaxChainHops = 32

var arrowRe = lazyRE(`\s*(->|→|=>|<-|←|\s>\s)\s*`)

// chainIn reads an arrow chain: "logs > subscription filter > kinesis
// firehose > s3 > athena", "ALB -> Target Group <- ASG".
func (x *extractor) chainIn(text string, line int) bool {
	if !strings.Contains(text, ">") && !strings.Contains(text, "→") && !strings.Contains(text, "<-") && !strings.Contains(text, "←") {
		return false
	}
	body := strings.TrimSpace(text)
	name := ""
	if i := strings.IndexAny(body, ":="); i > 0 && i < 50 && !strings.ContainsAny(stripParens(body[:i]), "<>") {
		// "ordering cheat (fast -> slow): all at once -> rolling -> ...":
		// an arrow in the label's aside is no hop
		name, body = strings.TrimSpace(body[:i]), strings.TrimSpace(body[i+1:])
	}
	hops, arrows := splitChain(body)
	if len(arrows) == 0 {
		return false // "AWS OpsWorks Stacks (<- exam relevant)": an arrow in an aside points at the note
	}
	onlyGT := !slices.ContainsFunc(arrows, func(a string) bool { return a != ">" })
	if onlyGT && len(hops) < 3 {
		return false
	}
	if _, _, gloss := glossArrow(x.dict.Lexicon, text, x.doc.LineText(line)); gloss {
		return true // "task execution role → pull image from ECR, ...": no path; the open reader reads it
	}
	if len(hops) == 2 {
		// "Limit of 1000 version -> can configure application version
		// lifecycle management", "All updates are allowed -> This differs
		// from IAM default!": one arrow that leads to or from a clause
		// says "so", it draws no path
		for _, h := range hops {
			t := strings.TrimSpace(h)
			if strings.HasSuffix(t, "!") || x.hasAux(stripParens(t)) && len(x.find(t)) == 0 {
				return false
			}
			if f := strings.Fields(t); len(f) > 0 && x.dict.Lexicon.IsPreposition(f[0]) && len(x.find(stripParens(t))) == 0 {
				// "firehose -> for storage (s3)": a purpose, no hop
				return false
			}
		}
	}
	if len(hops) > MaxChainHops {
		x.warn(line, fmt.Sprintf("arrow chain of %d hops, over the limit of %d: the hops past the first %d skipped", len(hops), MaxChainHops, MaxChainHops))
		hops, arrows = hops[:MaxChainHops], arrows[:MaxChainHops-1]
	}
	hops, arrows = x.splitRelativeHops(hops, arrows)
	hops, arrows = x.splitPartHops(hops, arrows)
	var pinned []string // hops read as an entity whatever their words (see longHop)
	for i, h := range hops {
		if w := countFields(stripParens(h)); w == 0 {
			return false
		} else if w > maxHopWords {
			id := x.longHop(h, i == 0, i == len(hops)-1)
			if id == "" {
				return false
			}
			if pinned == nil {
				pinned = make([]string, len(hops))
			}
			pinned[i] = id
		}
	}
	if name != "" && (!onlyGT || x.dict.Lexicon.SequenceCue(name)) && pinned == nil && x.eventChain(name, text, hops, arrows, line) {
		// ("logs > subscription filter > firehose" is a data path; "hook
		// order: ApplicationStop > DownloadBundle > ..." names its steps'
		// order, whatever its arrows)
		return true
	}
	ids := make([]string, len(hops))
	linked := 0
	for i, h := range hops {
		if pinned != nil && pinned[i] != "" {
			ids[i] = pinned[i]
		} else {
			ids[i] = x.hopNode(h)
		}
		if ids[i] == "" {
			return false
		}
		if isEntity(x.dictKind(ids[i])) && x.dictKind(ids[i]) != graph.KindConcept {
			linked++
		}
	}
	if len(hops) == 2 && linked < 2 {
		return false
	}
	x.partHops(hops, ids, pinned)
	x.emitChain(name, body, ids, hops, arrows, line)
	if n := len(hops); n >= 2 && arrows[n-2] != "<-" && arrows[n-2] != "←" {
		// "hook notifications → EventBridge, SNS or SQS": a last hop that
		// lists names ends the chain at each of them
		if alts := x.entityList(hops[n-1]); len(alts) >= 2 {
			for _, id := range alts[1:] {
				if id != ids[n-2] && id != ids[n-1] {
					x.add(ids[n-2], graph.PredFlowsTo, id, body, n-1, line)
				}
			}
		}
	}
	return true
}

// splitPartHops writes a hop that is a service's name then a part's
// ("CW Logs subscription filter", "S3 event notification") as two hops,
// the service first: the flow passes through the service, then its part.
// The hops and arrows are new slices when any hop is split.
func (x *extractor) splitPartHops(hops, arrows []string) ([]string, []string) {
	var outH, outA []string
	split := false
	for i, h := range hops {
		ms := x.find(stripParens(h))
		bare := strings.TrimSpace(stripParens(h))
		if len(ms) == 2 && ms[1].ID != "" && strings.Contains(" "+normKey(x.nameOf(ms[1].ID))+" ", " "+normKey(ms[0].Text)+" ") {
			ms = nil // "CloudFormation StackSets": the part's own name holds the service's
		}
		if len(ms) == 2 && ms[0].Start == 0 && ms[1].End == len(bare) && strings.TrimSpace(bare[ms[0].End:ms[1].Start]) == "" &&
			x.dictKind(ms[0].ID) == graph.KindService && (x.dictKind(ms[1].ID) == graph.KindFeature || x.dictKind(ms[1].ID) == graph.KindComponent) {
			part := ms[1].Text
			if k := strings.IndexByte(h, '('); k >= 0 {
				part += " " + h[k:] // the hop's aside stays with its part
			}
			outH = append(outH, ms[0].Text, part)
			outA = append(outA, ">")
			split = true
		} else {
			outH = append(outH, h)
		}
		if i < len(arrows) {
			outA = append(outA, arrows[i])
		}
	}
	if !split {
		return hops, arrows
	}
	return outH, outA
}

// nameOf returns the name of a node, the dictionary's or the notes'; ""
// for an unknown ID.
func (x *extractor) nameOf(id string) string {
	if n, ok := x.dict.Node(id); ok {
		return n.Name
	}
	return x.nodes[id].Name
}

// entityList returns the entities of an item that is nothing but a list
// of names ("SNS, Lambda", "S3 and Glacier", "CloudWatch Logs / S3"); nil
// for any other item.
func (x *extractor) entityList(text string) []string {
	t := strings.TrimRight(strings.TrimSpace(stripParens(text)), ".;")
	if strings.Contains(t, " / ") && !strings.Contains(t, ",") {
		// "CloudWatch Logs / S3 / Firehose": names a spaced slash parts
		t = strings.ReplaceAll(t, " / ", ", ")
	}
	if !strings.ContainsAny(t, ",;") && !strings.Contains(t, " and ") && !strings.Contains(t, " or ") {
		return nil
	}
	var ids []string
	for _, part := range splitListSpans(t) {
		name := strings.TrimSpace(part.text)
		id, ok := x.exact(name)
		if !ok || !isEntity(x.dictKind(id)) {
			return nil
		}
		x.node(id)
		ids = append(ids, id)
	}
	return ids
}

// glossArrow reads a line whose one arrow glosses a term with what it
// does ("**task execution role** → pull image from ECR, send logs to
// CloudWatch Logs"): the left side is one bold or code span of the note
// line raw, the right side opens with one of the lexicon's leading verbs
// (no modal). It returns the two sides; ok is false for any other line (a
// chain's hops are things, "logs -> filter -> s3").
func glossArrow(lx *Lexicon, s, raw string) (left, right string, ok bool) {
	if !strings.ContainsAny(s, ">→") {
		return "", "", false
	}
	hops, arrows := splitChain(s)
	if len(hops) != 2 || len(arrows) != 1 || arrows[0] == "<-" || arrows[0] == "←" {
		return "", "", false
	}
	left, right = strings.TrimSpace(hops[0]), strings.TrimSpace(hops[1])
	if !markedIn(raw, left) {
		return "", "", false // "findings kept 90 days -> export to S3": what to do then, no term's gloss
	}
	if left == "" || countFields(left) > maxGlossTermWords || !lx.LeadingVerb(right, len(right)) || lx.isAux(strings.ToLower(firstWord(right))) {
		// ("Limit of 1000 version -> can configure ...": a modal says so,
		// what follows from the left, not what it does)
		return "", "", false
	}
	return left, right, true
}

// markedIn reports whether a note line writes a text as one bold or code
// span ("**task execution role**", "`roleArn`"): the way a note marks a
// term it glosses.
func markedIn(raw, t string) bool {
	for _, m := range []string{"**", "__", "`"} {
		if strings.Contains(raw, m+t+m) {
			return true
		}
	}
	return false
}

// maxGlossTermWords bounds the term before a gloss arrow.
const maxGlossTermWords = 5

// outsideParens keeps the matches (regexp submatch index pairs) that start
// outside parentheses.
func outsideParens(s string, locs [][]int) [][]int {
	var out [][]int
	for _, l := range locs {
		if strings.Count(s[:l[0]], "(") <= strings.Count(s[:l[0]], ")") {
			out = append(out, l)
		}
	}
	return out
}

// hasAux reports whether a text holds an auxiliary or modal ("are
// allowed", "can configure"): a clause, not a name.
func (x *extractor) hasAux(text string) bool {
	for _, w := range strings.Fields(text) {
		if x.dict.Lexicon.isAux(strings.Trim(w, ",;:()")) {
			return true
		}
	}
	return false
}

// splitChain splits a text at the arrows outside its parentheses: the
// hops (untrimmed, one more than the arrows) and the arrows (trimmed: "->",
// ">", "←" ...); no arrows, and the whole text as its one hop, when it has
// none. An open end ("BeforeBlockTraffic -> BlockTraffic -> ... (see
// below)") is no hop: the chain is the hops written out.
func splitChain(body string) (hops, arrows []string) {
	last := 0
	for _, l := range outsideParens(body, arrowRe.FindAllStringSubmatchIndex(body, -1)) {
		hops = append(hops, body[last:l[0]])
		arrows = append(arrows, strings.TrimSpace(body[l[2]:l[3]]))
		last = l[1]
	}
	hops = append(hops, body[last:])
	if len(arrows) > 1 && openEnd(hops[len(hops)-1]) {
		hops, arrows = hops[:len(hops)-1], arrows[:len(arrows)-1]
	}
	if len(arrows) > 1 && openEnd(hops[0]) {
		hops, arrows = hops[1:], arrows[1:]
	}
	return hops, arrows
}

// openEnd reports whether a hop only says the chain goes on: an ellipsis
// or "etc", with an aside or punctuation at most.
func openEnd(hop string) bool {
	t := strings.TrimSpace(stripParens(hop))
	switch strings.ToLower(strings.Trim(t, " `*_.,;:…")) {
	case "etc":
		return true
	case "":
		return strings.ContainsAny(t, ".…") // "...", not an aside alone or nothing
	}
	return false
}

// stepHops returns the steps of a list item that is one unlabelled chain
// of names ("ApplicationStop -> DownloadBundle -> BeforeInstall" under
// "lifecycle hooks order"), in order: see chainNames; nil for any other
// item.
func stepHops(text string) []string {
	return chainNames(text, false)
}

// chainNames returns the hops of a chain of names, in order: at least
// three hops, every arrow pointing forward, every hop a name of at most
// maxHopWords words (no list, no "key=value", asides dropped); nil for any
// other text. With skipAsides a hop that is an aside alone ("(task)") is
// left out rather than ending the chain.
func chainNames(text string, skipAsides bool) []string {
	hops, arrows := splitChain(strings.TrimSpace(text))
	if len(arrows) < 2 || slices.Contains(arrows, "<-") || slices.Contains(arrows, "←") {
		return nil
	}
	out := hops[:0]
	for _, h := range hops {
		h = strings.Trim(strings.TrimSpace(stripParens(h)), "`*_\"'.;,")
		if h == "" && skipAsides {
			continue
		}
		if h == "" || countFields(h) > maxHopWords || strings.ContainsAny(h, ",;=") || strings.Contains(h, ": ") || endsSentence(h) {
			return nil
		}
		out = append(out, h)
	}
	return out
}

// maxHopWords is the most words a hop of an arrow chain holds when it is
// a name; a longer hop is a phrase (see longHop).
const maxHopWords = 6

// splitRelativeHops splits a hop "A that invokes B" into the hops A and B:
// a relative clause whose verb passes the flow on (a word of the lexicon's
// targets, deliversTo or flowsTo predicates) names the next step ("Step
// functions that invoke lambdas to:"). A and B must name entities.
func (x *extractor) splitRelativeHops(hops, arrows []string) ([]string, []string) {
	var outH, outA []string
	for i, h := range hops {
		if a, b, ok := x.relativeHop(strings.TrimRight(strings.TrimSpace(h), ":.;,")); ok {
			outH = append(outH, a, b)
			outA = append(outA, "->")
		} else {
			outH = append(outH, h)
		}
		if i < len(arrows) {
			outA = append(outA, arrows[i])
		}
	}
	return outH, outA
}

// relativeHop cuts h at " that " or " which " when the clause's verb passes
// the flow on; a and b are the thing and what its clause hands on to.
func (x *extractor) relativeHop(h string) (a, b string, ok bool) {
	lower := strings.ToLower(h)
	k, n := strings.Index(lower, " that "), len(" that ")
	if k < 0 {
		k, n = strings.Index(lower, " which "), len(" which ")
	}
	if k <= 0 {
		return "", "", false
	}
	a, clause := h[:k], strings.Fields(h[k+n:])
	if len(clause) < 2 || !x.passesOn(clause[0]) {
		return "", "", false
	}
	b = strings.Join(clause[1:], " ")
	if len(x.entities(a, true)) == 0 || len(x.entities(b, true)) == 0 {
		return "", "", false
	}
	return a, b, true
}

// passesOn reports whether a verb hands something on along a flow: a word of
// the lexicon's targets, deliversTo or flowsTo predicates ("invoke",
// "sends", "writes").
func (x *extractor) passesOn(verb string) bool {
	st := Stem(strings.ToLower(verb))
	for _, p := range []string{graph.PredTargets, graph.PredDelivers, graph.PredFlowsTo} {
		if w, ok := x.dict.Lexicon.Predicate(p); ok && slices.Contains(w.Forward, st) {
			return true
		}
	}
	return false
}

// longHop reads a hop too long to be a name: the one entity it names next
// to the arrow ("limited to 2 connections at the moment. use 1 lambda"), or, for
// the first hop when it opens with an auxiliary (what the subject can do),
// the section's subject ("Can scan github looking for public IAM keys ->
// CloudWatch event -> ..." under "Health", a heading of its own when no
// entity is known by it); "" otherwise.
func (x *extractor) longHop(h string, first, last bool) string {
	bare := stripParens(h)
	ents := x.entities(bare, true)
	if len(ents) == 1 && isEntity(x.dictKind(ents[0])) && x.dictKind(ents[0]) != graph.KindConcept {
		// the name must stand by the arrow: at the end of a hop the flow
		// leaves ("... use 1 lambda > sns"), at the start of the last
		// ("> sns topic - give you all changes"); no other name may
		near := false
		ms := x.find(bare)
		for k, m := range ms {
			if m.ID != ents[0] {
				continue
			}
			if last {
				near = k == 0 && leadingWords(bare, m.Start) <= 2
			} else {
				near = k == len(ms)-1 && countFields(bare[m.End:]) <= 2
			}
		}
		if near {
			return ents[0]
		}
	}
	if first && x.dict.Lexicon.QuestionWord("aux", firstWord(bare)) {
		if c := x.contextOne(); c != "" {
			return c
		}
		if n := len(x.headings); n > 0 && !x.headings[n-1].generic && countFields(x.headings[n-1].text) <= 3 {
			// "### Health": a heading that names what no entry knows
			return x.newNode(graph.KindComponent, x.headings[n-1].text)
		}
	}
	return ""
}

// eventChain reads a chain whose label names steps in order ("Hooks:
// BeforeInstall -> Install (cannot run script) -> AfterInstall", "Steps:
// a -> b -> c") as the ordered lifecycle events of the label's entity, else
// of the section's; it reports whether it did. Every arrow must point
// forward.
func (x *extractor) eventChain(label, text string, hops, arrows []string, line int) bool {
	if !phaseCueRe.MatchString(label) && !(phaseCueOneRe.MatchString(label) && x.dict.Lexicon.SequenceCue(label)) {
		// ("hook order: ..." names steps as "hooks: ..." does)
		return false
	}
	for _, a := range arrows {
		if a == "<-" || a == "←" {
			return false
		}
	}
	subj := ""
	if ents := x.entities(label, false); len(ents) > 0 {
		subj = ents[0]
	} else {
		subj = x.contextOne()
	}
	if subj == "" {
		return false
	}
	for i, h := range hops {
		name := strings.Trim(strings.TrimSpace(stripParens(h)), "`*_\"'")
		if name == "" {
			return false
		}
		id := x.newNode(graph.KindEvent, name)
		if id == "" {
			return false
		}
		x.add(subj, graph.PredEvent, id, text, i+1, line)
	}
	return true
}

func (x *extractor) hopNode(h string) string {
	bare := stripParens(h)
	bare = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(bare, "use "), "Use "))
	if ents := x.entities(bare, true); len(ents) > 0 {
		if _, ok := x.exact(bare); ok || len(ents) == 1 {
			return ents[0]
		}
		return ents[0]
	}
	return x.newNode(graph.KindComponent, cleanName(bare))
}

// partHops gives a hop its own node when the service its words name is
// another hop's too, by other words, and the hop is that service's name
// and one or two words more: in "app + X-Ray SDK -> UDP 2000 -> X-Ray
// daemon -> X-Ray API -> X-Ray console" the data passes through three
// parts of X-Ray, not three times through X-Ray. A hop that is the
// service's name alone stays the service ("S3 -> Lambda -> S3"), and so
// does a hop that says more than a part's name ("1 lambda > sns > other
// lambda(s)"). ids is rewritten in place; pinned hops (see longHop) keep
// their node.
func (x *extractor) partHops(hops, ids, pinned []string) {
	texts := make(map[string]map[string]bool, len(ids))
	for i, id := range ids {
		if texts[id] == nil {
			texts[id] = map[string]bool{}
		}
		texts[id][strings.ToLower(strings.TrimSpace(stripParens(hops[i])))] = true
	}
	for i, id := range ids {
		if len(texts[id]) < 2 || pinned != nil && pinned[i] != "" || !isEntity(x.dictKind(id)) {
			continue
		}
		bare := strings.TrimSpace(stripParens(hops[i]))
		ms := x.find(bare)
		if len(ms) != 1 || ms[0].ID != id || ms[0].Start != 0 {
			continue
		}
		tail := strings.Fields(bare[ms[0].End:])
		if len(tail) == 0 || len(tail) > 2 || slices.ContainsFunc(tail, func(w string) bool {
			return !isWord(w) || x.dict.Lexicon.IsStop(w)
		}) {
			continue
		}
		if part := x.newNode(graph.KindComponent, bare); part != "" {
			ids[i] = part
		}
	}
}

// isWord reports a word of letters alone.
func isWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

func (x *extractor) emitChain(name, body string, ids, hops, arrows []string, line int) {
	title := body
	if name != "" {
		title = name + ": " + body
	}
	p := x.newNode(graph.KindPath, clip(title))
	for i, id := range ids {
		x.add(p, graph.PredHop, id, parenOf(hops[i]), i+1, line)
	}
	for i := 0; i+1 < len(ids); i++ {
		from, to := ids[i], ids[i+1]
		if arrows[i] == "<-" || arrows[i] == "←" {
			from, to = to, from
		}
		detail := title
		if c := parenOf(hops[i+1]); c != "" {
			detail = strings.TrimSpace(hops[i+1]) + " — " + title
		}
		x.add(from, graph.PredFlowsTo, to, detail, i+1, line)
	}
}

func parenOf(h string) string {
	m := parenRe.FindString(h)
	return strings.Trim(m, "()")
}

// arrowContinuation joins chains written one hop per line:
// "DNS" / "-> LB" / "-> ASG1".
func (x *extractor) arrowContinuation(b *Block) bool {
	t := strings.TrimSpace(b.Text)
	if !strings.HasPrefix(t, "->") {
		return false
	}
	hop := strings.TrimSpace(strings.TrimPrefix(t, "->"))
	if x.chain == nil {
		x.chain = &pendingChain{}
		if prev := x.prevParagraph(b); prev != nil {
			x.chain.hops = append(x.chain.hops, hopText{text: strings.TrimSpace(prev.Text), line: prev.Line})
		}
	}
	x.chain.hops = append(x.chain.hops, hopText{text: hop, line: b.Line})
	return true
}

func (x *extractor) prevParagraph(b *Block) *Block {
	for i := range x.doc.Blocks {
		if &x.doc.Blocks[i] == b && i > 0 {
			p := &x.doc.Blocks[i-1]
			if p.Kind == BlockParagraph && p.EndLine == b.Line-1 && countFields(p.Text) <= 4 {
				return p
			}
		}
	}
	return nil
}

func (x *extractor) flushChain() {
	c := x.chain
	x.chain = nil
	if c == nil || len(c.hops) < 2 {
		return
	}
	if len(c.hops) > MaxChainHops {
		x.warn(c.hops[MaxChainHops].line, fmt.Sprintf("arrow chain of %d hops, over the limit of %d: the hops past the first %d skipped", len(c.hops), MaxChainHops, MaxChainHops))
		c.hops = c.hops[:MaxChainHops]
	}
	var hops, arrows, ids []string
	for i, h := range c.hops {
		hops = append(hops, h.text)
		if i > 0 {
			arrows = append(arrows, "->")
		}
	}
	for _, h := range hops {
		id := x.hopNode(h)
		if id == "" {
			return
		}
		ids = append(ids, id)
	}
	x.emitChain("", strings.Join(hops, " -> "), ids, hops, arrows, c.hops[0].line)
}
