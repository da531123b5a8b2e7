package ingest

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/awskg/awskg/graph"
)

// Open relations: beside the typed rules, every sentence, list item, table
// row and heading of a note becomes a Statement (the evidence questions fall
// back on), and every one that links an entity to other named things becomes
// facts whose predicate is the note's own words (graph.OpenRelation):
//
//   - a list head (a heading, a line ending in ":", a bullet with children)
//     relates its subject to each item: "Endpoint Types" under "API Gateway"
//     gives (API Gateway, rel:endpoint type, Regional);
//   - a sentence relates its subject to the entities, list items and
//     quantities after its verb: "GuardDuty pulls three log types
//     (CloudTrail, VPC flow, DNS)" gives (GuardDuty, rel:pull log type,
//     CloudTrail) and two more;
//   - a table row relates its first cell to each other cell, the relation
//     named by the column's header.
//
// Subjects come from the text's own structure first; a heading supplies one
// only when the text has none and the heading names exactly one entity.

// maxItemWords bounds the words of a list item read as a name.
const maxItemWords = 8

// maxPhraseWords bounds the words of a relation phrase: the first and the
// last half of its words when it has more.
const maxPhraseWords = 6

// openReader is the open-relation pass; it walks the blocks with the typed
// extractor, sharing its nodes and linking.
type openReader struct {
	x        *extractor
	lx       *Lexicon
	words    *WordCache
	frames   []frame  // open list heads, innermost last
	open     []int    // depths of the bullets the current one may sit under, outermost first
	labels   []string // the text of each bullet of open, for the label it opens with (see parentLabel)
	last     string   // subject of the previous sentence, for "It ..."
	lastGen  int      // counts the sentences that set last
	headText string   // the text of the list head the current block sits under
	// sharedHead is the heading over the current section when many
	// sections share it ("Benefits"): it relates no item, but an item
	// that names its own relation reads as the section subject's (see
	// examplesItem); "" otherwise
	sharedHead string
	// nameItem is the node of the item right before the current block when
	// that item was only a name ("- Geolocation"); nextNameItem is the
	// current block's, for the next
	nameItem, nextNameItem string
	// kindList is the plural label an item of a flat list gave ("Scaling
	// Policies") while the items after it at its depth name things of its
	// kind ("Target Tracking Scaling Policy"); nil when none is open
	kindList *kindLabel
	// topic is the entity a glossary entry defines ("AWS Health API — ...;
	// needs Business, ... Support plan"): its sentences that name no subject
	// of their own are about it
	topic string
	// topicTerm is the term as a marked glossary entry opens with it
	// ("AWS::CloudFormation::Init - ..."): the names in it are the term's
	// words, not the sentence's subject
	topicTerm string

	// a flashcard's question ("Q: How long does a DynamoDB stream keep its
	// records?"), for the answer line after it
	question     string
	questionLine int
	// asker is the speaker label of a dialogue's question turn ("Me"), so
	// that the next turn of another speaker answers it; speakers are the
	// labels that open a note's turns (see dialogueSpeakers), read once
	asker    string
	speakers map[string]bool

	// What statements inherit from their context is derived once per
	// heading and list head, not once per statement: a long heading over
	// thousands of lines would cost its length per line.
	secGen int    // x.headingGen + 1 when sec was made, 0 for none
	sec    string // the section of the statements

	terms *termsPass // reads the statements' terms (terms.go)

	// noStatement is set while a hop of a chain is read as a clause: the
	// chain's line is already the statement
	noStatement bool
	// glossing is set while the verb phrases after a gloss arrow are read
	// ("task execution role → pull image from ECR, ..."): each opens with
	// the verb of the topic it glosses
	glossing bool
}

// maxContextTerms bounds the terms a statement takes from its heading and
// from its list head (a heading has fewer than 15 words in the notes).
const maxContextTerms = 32

// frame is a list head: what its items relate to.
type frame struct {
	depth   int    // bullet depth of the head; -1 for headings and paragraphs
	subject string // node the items relate to; "" when none
	phrase  string // relation phrase; "" when the head names only its subject (read by phraseOf)
	pol     graph.Polarity
	count   int
	text    string // the head's own words, carried into each item's detail
	// inverse is set when the items are the relation's subjects and the
	// head's entity its object ("Which svc sends events only to
	// EventBridge?" over "Trusted Advisor, AWS Health")
	inverse bool
	// long is set for a labelled line's own list, whose names may run on
	// past a fragment's length (see nameList)
	long bool
	// a bullet's phrase is read when first asked for (most bullets head no
	// items): until then pending is set and rest holds the words it is
	// read from
	pending bool
	rest    string
	// partsDone is set, for a heading, once a bullet right under it is no
	// name: the names after that are no parts of its subject (partsHead)
	partsDone bool
	parts     int8 // partsHead's answer once asked: 1 yes, -1 no, 0 not yet
	// para is set for a paragraph's head ("EC2 in-place, no load
	// balancer:"): its items are one list, so numbered is set (1 numbered,
	// -1 not) by its first item and an item of the other kind ends it
	para     bool
	numbered int8
}

// partsHead reports whether a heading's frame lists its subject's parts:
// it names its subject and no relation ("# CloudWatch Logs"), or it names
// nothing the notes know and is itself a name, under no heading that
// names a subject ("Parameter policies (Advanced tier only)", a card's
// front), which then becomes the subject, a concept of the notes' own.
func (o *openReader) partsHead(f *frame) bool {
	if f.parts != 0 {
		return f.parts > 0
	}
	f.parts = -1
	if o.listsParts(f) {
		f.parts = 1
	}
	return f.parts > 0
}

// listsParts decides partsHead once for a frame.
func (o *openReader) listsParts(f *frame) bool {
	if f.subject != "" {
		// the heading's own name, not a subject it inherits ("Other
		// Services You Need to Know About" after a Kinesis section)
		return !o.hasPhrase(f) && slices.ContainsFunc(o.mentions(f.text), func(m mention) bool { return m.id == f.subject })
	}
	name := stripParens(f.text)
	if name == "" || !o.lx.NamesItem(name) || !o.nameLike(name) || len(o.mentions(name)) > 0 {
		return false
	}
	f.subject = o.x.newNode(graph.KindConcept, name)
	f.phrase, f.pending, f.rest = "", false, ""
	return f.subject != ""
}

// partOf reports whether a node can be a part of a subject a heading
// names: anything but another service, unless its name carries the
// subject's ("Kinesis Data Streams" of "Amazon Kinesis"); "CloudWatch
// events only" under "Macie" names where Macie sends, not a part of it.
func (o *openReader) partOf(obj, subj string) bool {
	if o.x.dictKind(obj) != graph.KindService {
		return true
	}
	return strings.HasPrefix(o.x.nodes[obj].Name, o.x.nodes[subj].Name+" ")
}

// hasPhrase reports whether a frame relates its items by a phrase.
func (o *openReader) hasPhrase(f *frame) bool {
	p, _ := o.phraseOf(f)
	return p != ""
}

// phraseOf returns a frame's relation phrase and polarity, reading them
// on first use.
func (o *openReader) phraseOf(f *frame) (string, graph.Polarity) {
	if f.pending {
		// "A fully managed deployment service that automates deployments
		// to:": the relative clause's verb relates the items of a head
		// that says what its subject is ("Hooks that can execute scripts
		// can have properties:" keeps its noun)
		rest := f.rest
		if w := strings.ToLower(firstWord(rest)); w == "a" || w == "an" {
			rest = o.lastClause(rest)
		}
		f.phrase, f.pol = o.phrase(rest)
		if f.phrase == "" && f.subject != "" {
			// "Services" under "Amazon Kinesis", "Different types:" under
			// Systems Manager: the items are the subject's things of that
			// kind, though the word is too common to relate by
			w := strings.TrimSpace(f.rest)
			ws := strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
			if n := len(ws); n > 0 && (n == 1 && len(o.lx.Kinds(w)) > 0 || o.lx.LabelNoun(ws[n-1])) {
				f.phrase = o.words.Lemma(strings.ToLower(ws[n-1]))
			}
		}
		f.pending, f.rest = false, ""
	}
	return f.phrase, f.pol
}

func newOpenReader(x *extractor) *openReader {
	if x.dict.Lexicon == nil {
		return nil
	}
	words, termWords := x.words, x.termWords
	if words == nil || words.lx != x.dict.Lexicon {
		words = NewWordCache(x.dict.Lexicon)
	}
	if termWords == nil || termWords.lx != x.dict.Lexicon {
		termWords = NewWordCache(x.dict.Lexicon)
	}
	return &openReader{x: x, lx: x.dict.Lexicon, words: words, terms: newTermsPass(termWords)}
}

// finishTerms sets the terms of every statement, once the terms pass has
// read them.
func (o *openReader) finishTerms() {
	for i, t := range o.terms.wait() {
		o.x.stmts[i].Terms = t
	}
}

func (o *openReader) block(i int) {
	b := &o.x.doc.Blocks[i]
	o.rankedList(i)
	// the item right before this block, when it was only a name
	o.nameItem, o.nextNameItem = o.nextNameItem, ""
	switch b.Kind {
	case BlockHeading:
		o.kindList = nil
		o.sharedHead = ""
		o.frames = o.frames[:0]
		o.open, o.labels = o.open[:0], o.labels[:0]
		o.last = ""
		text := strings.TrimSpace(b.Text)
		subj := o.sectionSubject()
		o.statement(text, b.Line, subj)
		if o.x.headingCount[strings.ToLower(text)] > 1 {
			// "Overview", "See also": a heading many sections share names
			// no relation; its items may still name one of their own
			// (see examplesItem)
			o.sharedHead = text
			break
		}
		if i == 0 && len(o.x.topic) > 0 && o.x.doc.Format == FormatBlog {
			break // "amazon inspector - my cheat sheet": a blog post's title names its subject, no relation of its items
		}
		if f, ok := o.head(text, -1); ok {
			o.frames = append(o.frames, f)
		}
	case BlockParagraph:
		text := strings.TrimSpace(b.Text)
		if b.Depth > 0 {
			o.itemParagraph(b, text)
			break
		}
		o.popFrames(-1)
		o.open, o.labels = o.open[:0], o.labels[:0]
		subj := o.defaultSubject()
		if term, ok := markedTerm(o.x.doc.LineText(b.Line)); ok && !cardLabel(term) {
			// ("**Q:** What does an instance need ...?" is a flashcard's
			// question, no glossary entry of a term "Q")
			// "**CreationPolicy** - Attribute that makes CloudFormation
			// wait ...": an entry the author marks as a glossary's, its
			// term bold or code before the separator, defines that term,
			// a name of the notes' own when the dictionary has none
			if id := o.x.newNode(graph.KindConcept, term); id != "" {
				subj, o.topic = id, id
				if strings.HasPrefix(text, term) {
					o.topicTerm = term
				}
				defer func() { o.topic, o.topicTerm = "", "" }()
			}
		} else if term, _, ok := glossTerm(text); ok && o.opensWithName(stripParens(term)) && !o.x.hasVerb(term) {
			// the term opens with its entity's name ("Q: ..." is a
			// flashcard, "compression for s3: gzip, zip" a label of the
			// section's subject), and is a name, not a clause ("Artifacts
			// are stored in S3 (note: ...")
			if f, ok := o.head(term, -1); ok && f.subject != "" && isEntity(o.x.dictKind(f.subject)) {
				subj, o.topic = f.subject, f.subject
				defer func() { o.topic = "" }()
			}
		}
		if spk, rest, ok := o.speakerTurn(text); ok {
			// "Tutor: Three: EC2/On-Premises, ...": a dialogue's turn;
			// the speaker says it, it is no part of what is said
			if o.turn(spk, rest, b.Line, subj) {
				defer func() { o.headText = "" }()
			}
			text = rest
		} else if o.flashcard(text, b.Line, subj) {
			defer func() { o.headText = "" }()
		}
		o.definedNames(text, b.Line, subj)
		o.sentencesOf(text, b.Line, subj, true)
		// a question right above a list ("Q: what do SCPs do?" over "- do
		// NOT affect the management account") is answered by its items,
		// as a head that ends with a colon is; its label is no word of it
		asked, _ := cutLabel(text, questionLabels)
		if o.x.isSubheading(i) || strings.HasSuffix(text, ":") || o.shortTitle(text) || strings.HasSuffix(asked, "?") && o.x.listFollows(i) {
			if f, ok := o.head(asked, -1); ok {
				f.para = true
				o.frames = append(o.frames, f)
			}
		} else if i+1 < len(o.x.doc.Blocks) && o.x.doc.Blocks[i+1].Kind == BlockTable {
			// prose right above a table introduces its rows: its first line
			// of the run of paragraphs that leads to the table
			first := i
			for first > 0 {
				p := o.x.doc.Blocks[first-1]
				if p.Kind != BlockParagraph || p.EndLine+1 != o.x.doc.Blocks[first].Line {
					break
				}
				first--
			}
			if f, ok := o.proseHead(strings.TrimSpace(o.x.doc.Blocks[first].Text), subj); ok {
				o.frames = append(o.frames, f)
			}
		}
	case BlockBullet:
		text := strings.TrimSpace(b.Text)
		o.popFrames(b.Depth)
		for len(o.open) > 0 && o.open[len(o.open)-1] >= b.Depth {
			o.open = o.open[:len(o.open)-1]
		}
		o.labels = o.labels[:len(o.open)]
		above := -1 // the depth of the bullet right above this one's level
		if n := len(o.open); n > 0 {
			above = o.open[n-1]
		}
		o.open = append(o.open, b.Depth)
		o.labels = append(o.labels, text)
		o.endParaList(b, above)
		var parent *frame
		o.headText = ""
		if n := len(o.frames); n > 0 {
			parent = &o.frames[n-1]
			o.headText = parent.text
		}
		defer func() { o.headText = "" }()
		// an item of a head sits right under it: one under a bullet that
		// heads nothing ("= 10% first" under "Canary: LambdaCanary...")
		// is that bullet's note, not the head's item
		direct := parent != nil && (parent.depth == above || parent.depth < 0 && above < 0)
		if parent != nil && parent.subject == "" && direct && b.Ordinal > 0 {
			o.sequenceHead(parent)
		}
		if parent != nil && direct && parent.depth < 0 && (b.Ordinal > 0 || !o.lx.NamesItem(text) || o.verbFirst(text)) {
			// "Targets process events" over "Lambda functions", "Amazon
			// SNS topics" in an export that lost their nesting: names
			// after a sentence may be its items, not the heading's parts;
			// numbered items are steps ("1) Respond to findings")
			parent.partsDone = true
		}
		if parent != nil && direct && parent.depth < 0 && !parent.inverse && !parent.partsDone && o.lx.NamesItem(text) && !o.verbFirst(text) && o.partsHead(parent) {
			// "Metric filters", "Subscription filters" under "# CloudWatch
			// Logs": a heading that names only its subject lists the
			// subject's parts, in the run of names that opens its section
			parent.count++
			if obj := o.itemNode(text); obj != "" && obj != parent.subject && o.partOf(obj, parent.subject) {
				o.x.addOpen(parent.subject, graph.PredFeature, obj, parent.text+" — "+text, parent.count, b.Line)
			}
		} else if parent != nil && parent.subject != "" && direct && o.hasPhrase(parent) {
			parent.count++
			pos := b.Ordinal
			if pos == 0 {
				pos = parent.count
			}
			it := text
			if b.Ordinal > 0 {
				// "1. Resource provisioning:" over its services: a numbered
				// label is a step of the list as well as a head
				it = strings.TrimSuffix(it, ":")
			}
			o.item(parent, it, pos, b.Line)
		} else if parent == nil && o.sharedHead != "" && b.Depth == 0 {
			if subj := o.sectionSubject(); subj != "" {
				o.examplesItem(&frame{subject: subj, text: o.sharedHead}, "", graph.Positive, text, expandVariants(text), 0, b.Line)
			}
		}
		subj := o.defaultSubject()
		o.kindRun(b, text, subj)
		o.flashcard(text, b.Line, subj)
		o.definedNames(text, b.Line, subj)
		o.sentencesOf(text, b.Line, subj, true)
		if countFields(text) <= maxGivenLeadWords {
			// "- Geolocation": an item that is only a name, which the
			// block after it may open with
			o.nextNameItem = o.x.byName[o.x.slug(cleanName(text))]
		}
		if f, ok := o.head(text, b.Depth); ok {
			o.frames = append(o.frames, f)
		} else if f, ok := o.longHead(text, b.Depth); ok {
			o.frames = append(o.frames, f)
		} else if label := glossedLabel(text); label != "" {
			// "local cache: on the build host only, ...; 3 modes" over
			// "LOCAL_SOURCE_CACHE", "Logs - Under CodeBuild > Logs - set
			// up log groups - only trace of build after it's finished"
			// over "CloudWatch logs": the items under it are the label's
			if f, ok := o.head(label, b.Depth); ok {
				o.frames = append(o.frames, f)
			}
		}
	case BlockTable:
		// a table heads no bullet: the list items above it are done
		for n := len(o.frames); n > 0 && o.frames[n-1].depth >= 0; n = len(o.frames) {
			o.frames = o.frames[:n-1]
		}
		o.table(b.Table)
		// the head above it heads its rows, not the list after it ("The
		// UpdatePolicy attribute on AWS::AutoScaling::AutoScalingGroup:"
		// over a table of policies, then "- DeletionPolicy: Delete, ...")
		o.popFrames(-1)
	}
}

// glossedLabel returns the label of an item that glosses it after its
// first ": " or dash ("local cache: on the build host only", "Logs - set
// up log groups - ..."): the words before the separator, when at most
// four; "" for any other item.
func glossedLabel(text string) string {
	best := -1
	sepLen := 0
	for _, sep := range []string{": ", " - ", " – ", " — "} {
		if i := strings.Index(text, sep); i > 0 && (best < 0 || i < best) {
			best, sepLen = i, len(sep)
		}
	}
	if best < 0 || len(strings.Fields(text[:best])) > 4 || strings.TrimSpace(text[best+sepLen:]) == "" {
		return ""
	}
	return strings.TrimSpace(text[:best])
}

// sentencesOf reads a block's text (from note line first) sentence by
// sentence, each clause by clause (see extractor.clauses), a "label: a,
// b" sentence as a topic list when topics is set. A sentence or clause
// that goes on from one that named its own subject (after ";" or "but",
// or a clause after the first) and names none where it opens ("set on
// alias or version, NOT on $LATEST" after "Provisioned concurrency =
// pre-initialised environments;") is about that subject, not dflt.
func (o *openReader) sentencesOf(text string, first int, dflt string, topics bool) {
	gen, subj, prev := o.lastGen, "", ""
	coded := 0 // the last note line codeValues has read (sentences run forward)
	goesOn := func(c string) bool {
		if subj == "" {
			return false
		}
		ms := o.mentions(c)
		return len(ms) == 0 || leadingWords(c, ms[0].start) > 2
	}
	for _, s := range sentences(text) {
		line := o.x.lineOf(first, s)
		if Asks(s) {
			// a question states nothing; its line is evidence (the
			// answer after it is read as any other sentence)
			o.statement(s, line, dflt)
			subj, prev = "", s
			continue
		}
		o.partDefinition(s, line)
		if topics && o.topicList(s, line, dflt) {
			subj, prev = "", s
			continue
		}
		o.meansChain(s, line)
		if o.purpose(s, line, dflt) {
			subj, prev = o.last, s
			continue
		}
		if o.labelledIdentifier(s, line, dflt) {
			subj, prev = "", s
			continue
		}
		if o.scenarioList(s, line) {
			subj, prev = "", s
			continue
		}
		if line != coded {
			coded = line
			o.codeValues(line, dflt)
		}
		for k, c := range o.x.clauses(s) {
			d := dflt
			if (k > 0 || strings.HasSuffix(prev, ";") || strings.HasPrefix(s, "but ")) && goesOn(c) {
				d = subj
			} else if k == 0 && subj != "" && strings.EqualFold(firstWord(c), "the") && len(o.mentions(c)) == 0 {
				// "CodeBuild is the managed build service ... The phases
				// run in this order: ...": a definite noun that names
				// nothing is the previous sentence's subject's
				d = subj
			}
			o.sentence(c, line, d)
			subj = ""
			if o.lastGen != gen {
				gen, subj = o.lastGen, o.last
			}
		}
		prev = s
	}
}

// purpose reads a sentence that says what something is for: "To GOAL,
// MEANS" ("To deploy standardised IAM roles to all current and future
// accounts within an organisation, deploy a CloudFormation StackSet
// targeting the organisation root"; also after "If you need to", "When you
// want to", "In order to": the lexicon's purpose_openers) or "Use MEANS to
// GOAL" (an imperative verb first). What the means clause names (see
// meansOf) does what the goal says: each relates to every name of the goal
// by the goal's other words ("deploy standardise role to all current and
// future account within organisation"), each fact citing the whole
// sentence. It reports whether s was such a sentence and gave a fact; it
// adds the sentence's statement then (else the sentence is read as any
// other).
func (o *openReader) purpose(s string, line int, dflt string) bool {
	goal, means, ok := o.purposeParts(s)
	if !ok {
		return false
	}
	subjects := o.meansOf(means)
	if len(subjects) == 0 {
		return false
	}
	// the goal's words but its names are the relation ("trigger when
	// code is pushed in more than 1 repo"), its names the objects; what a
	// goal denies is part of it ("ensure ... does not experience
	// downtime"), the means does not deny it
	objs, words, _ := o.namesApart(goal)
	phrase, _ := o.phrase(words)
	if phrase == "" || len(objs) == 0 {
		return false // nothing it relates: the sentence is read as any other
	}
	o.statement(s, line, subjects[0])
	for _, subj := range subjects {
		for _, obj := range objs {
			if obj != subj {
				o.x.addOpen(subj, graph.OpenRelation(phrase, graph.Positive), obj, s, 0, line)
			}
		}
	}
	o.last = subjects[0]
	o.lastGen++
	return true
}

// meansChain reads a sentence that says by what means one thing gets to
// another as the chain it draws: "Logs stored in Amazon S3 can be sent to
// CloudWatch Logs by configuring an Amazon S3 event to trigger a Lambda
// function" is S3 > Lambda > CloudWatch Logs. The clause before " by " and
// a gerund holds a verb that moves things to a place (see
// Lexicon.FlowWord; "sent to", "streamed into"), the source named before
// it and the destination after it; the means clause
// names the hops between, in its order. It adds the chain's path and its
// hops (the sentence their evidence) and nothing else; a sentence of any
// other shape adds nothing.
func (o *openReader) meansChain(s string, line int) {
	k := strings.Index(s, " by ")
	if k < 0 || !strings.HasSuffix(firstWord(s[k+4:]), "ing") {
		return
	}
	main, means := s[:k], s[k+4:]
	verb := -1
	for at := 0; at < len(main); {
		w := firstWord(main[at:])
		if rest := strings.ToLower(main[at+len(w):]); w != "" && o.lx.FlowWord(w) && (strings.HasPrefix(rest, " to ") || strings.HasPrefix(rest, " into ")) {
			// "sent to", "streamed into" ("stored in Amazon S3" says
			// where the thing is, not where it goes)
			verb = at
			break
		}
		next := strings.IndexByte(main[at:], ' ')
		if next < 0 {
			break
		}
		at += next + 1
	}
	if verb <= 0 {
		return
	}
	entity := func(m mention) bool { return isEntity(o.x.dictKind(m.id)) }
	var from, to string
	for _, m := range o.mentions(main) {
		switch {
		case !entity(m):
		case m.end <= verb && from == "":
			from = m.id
		case m.start > verb && to == "":
			to = m.id
		}
	}
	if from == "" || to == "" || from == to {
		return
	}
	ids := []string{from}
	for _, m := range o.mentions(means) {
		if entity(m) && !slices.Contains(ids, m.id) && m.id != to {
			ids = append(ids, m.id)
		}
	}
	if len(ids) < 2 {
		return // no hop between: the verb's own reading relates the two
	}
	ids = append(ids, to)
	// the path and its hops; no flow of its own between them (what the
	// means clause triggers is no destination of the source's)
	p := o.x.newNode(graph.KindPath, clip(s))
	for i, id := range ids {
		o.x.add(p, graph.PredHop, id, "", i+1, line)
	}
}

// purposeParts splits a sentence that says what something is for into its
// goal and its means clause (see purpose); ok is false for any other
// sentence. The goal opens with a verb, never a name or function word.
func (o *openReader) purposeParts(s string) (goal, means string, ok bool) {
	lower := strings.ToLower(s)
	for _, op := range o.lx.PurposeOpeners() {
		if !strings.HasPrefix(lower, op+" ") {
			continue
		}
		rest := s[len(op)+1:]
		comma := strings.Index(rest, ", ")
		if comma < 0 || parenDepth(rest[:comma]) > 0 || countFields(rest[:comma]) < 2 || !o.verbOpens(rest) {
			return "", "", false
		}
		return clauseHead(rest[:comma]), rest[comma+2:], true
	}
	// "Use AWS Config to track configuration changes of EC2 instances":
	// an imperative, a verb in its base form ("Triggers - SNS or Lambda -
	// supposed to initiate action" is a label)
	if w := firstWord(s); !o.lx.ImperativeVerb(w) || o.words.Lemma(w) != w {
		return "", "", false
	}
	k := strings.Index(s, " to ")
	if k < 0 || strings.ContainsAny(s[:k], ",;:") || !o.verbOpens(s[k+4:]) || countFields(s[k+4:]) < 2 {
		return "", "", false
	}
	return clauseHead(strings.TrimRight(s[k+4:], ".")), s[:k], true
}

// namesApart returns the things a text names (distinct, in order), its
// words but those names, and whether it opens with a name: "rollback by
// CloudWatch alarm" gives CloudWatch Alarms and "rollback by ".
func (o *openReader) namesApart(text string) (ids []string, words string, opens bool) {
	last := 0
	ms := o.mentions(text)
	for _, m := range ms {
		words += text[last:m.start] + " "
		last = m.end
		if !containsStr(ids, m.id) {
			ids = append(ids, m.id)
		}
	}
	return ids, words + text[last:], len(ms) > 0 && ms[0].start == 0
}

// clauseHead returns a text up to its first colon or semicolon: "authenticate
// the instance: uses STS for ..." says what for up to the colon.
func clauseHead(t string) string {
	if k := strings.IndexAny(t, ":;"); k >= 0 {
		return strings.TrimSpace(t[:k])
	}
	return t
}

// verbOpens reports whether a text opens with a lower-case word that is no
// function word ("deploy ...", not "date, ..." or "Amazon S3, ...").
func (o *openReader) verbOpens(t string) bool {
	w := firstWord(t)
	r, _ := utf8.DecodeRuneInString(t)
	return w != "" && unicode.IsLower(r) && !o.lx.IsStop(w)
}

// scenarioList reads a line that names the services that fit a situation
// after it: "rollback by CloudWatch alarm: codedeploy, eb not work (only by
// health check)", "blue/green deployment and want to delay the old asg
// termination: codedeploy". Each item opens with the entity it names (its
// subject); the situation's names are the objects and its other words the
// relation ("rollback by"), which an item that says "not" denies. It
// reports whether it read s (and added its statement): not when the
// situation names nothing, opens with a name (a topic's list, see
// topicList) or an item is more than its name and a denial.
func (o *openReader) scenarioList(s string, line int) bool {
	label, rest, ok := strings.Cut(s, ": ")
	if !ok || countFields(label) < 2 || !o.verbOpens(label) || strings.Contains(rest, ": ") || slices.ContainsFunc(chainArrows, func(a string) bool { return strings.Contains(s, a) }) {
		return false
	}
	type subject struct {
		id, item string
		pol      graph.Polarity
	}
	var subjects []subject
	for _, part := range splitListSpans(strings.TrimRight(rest, ".")) {
		it := strings.TrimSpace(part.text)
		raw := it
		if k := strings.IndexByte(it, '('); k > 0 {
			it = strings.TrimSpace(it[:k]) // "(only by health check)": said of it, not it
		}
		ms := o.mentions(it)
		if len(ms) == 0 || ms[0].start != 0 || !isEntity(o.x.dictKind(ms[0].id)) {
			return false
		}
		pol := graph.Positive
		if after := strings.Fields(strings.ToLower(it[ms[0].end:])); len(after) > 0 {
			if len(ms) > 1 || len(after) > 2 || !o.lx.IsNegation(after[0]) {
				return false // "use docker", "eb > cloudformation": more than a name
			}
			pol = graph.Negative
		}
		subjects = append(subjects, subject{ms[0].id, raw, pol})
	}
	objs, words, opens := o.namesApart(label)
	if opens {
		return false // "subscription filter destinations: ...": a topic's list
	}
	phrase, pol := o.phrase(words)
	if len(subjects) == 0 || len(objs) == 0 || phrase == "" || pol != graph.Positive {
		return false
	}
	o.statement(s, line, subjects[0].id)
	for _, sb := range subjects {
		for _, obj := range objs {
			if obj != sb.id {
				// each fact cites its own item: "eb not work (only by health
				// check)" denies nothing of CodeDeploy's
				o.x.addOpen(sb.id, graph.OpenRelation(phrase, sb.pol), obj, label+": "+sb.item, 0, line)
			}
		}
	}
	o.last = subjects[0].id
	o.lastGen++
	return true
}

// labelledIdentifier reads a line that gives one identifier as the value
// of a label of two words or more: "find the branch name in codebuild:
// CODEBUILD_SOURCE_VERSION", "log bundle folder variable: EB_LOG_BASE_DIR". The
// label's one entity (or else the section's subject, dflt) relates to the
// identifier by the label's words without that entity's name. It reports
// whether it read s (and added its statement).
func (o *openReader) labelledIdentifier(s string, line int, dflt string) bool {
	label, value, ok := strings.Cut(s, ": ")
	value = strings.Trim(strings.TrimSpace(value), "`*.")
	if !ok || countFields(label) < 2 || countFields(label) > maxLeadInWords || !isCodeToken(value) || !isIdentifier(strings.ReplaceAll(value, "-", "_")) {
		return false
	}
	subj := dflt
	var ents []mention
	for _, m := range o.mentions(label) {
		if isEntity(o.x.dictKind(m.id)) {
			ents = append(ents, m)
		}
	}
	words := label
	switch len(ents) {
	case 0:
	case 1:
		// "... in codebuild": the entity and the preposition before it
		subj = ents[0].id
		before := strings.TrimSpace(label[:ents[0].start])
		if k := strings.LastIndexByte(before, ' '); k >= 0 && o.lx.IsPreposition(before[k+1:]) {
			before = strings.TrimSpace(before[:k])
		}
		words = strings.TrimSpace(before + " " + label[ents[0].end:])
	default:
		return false
	}
	phrase, pol := o.phrase(words)
	if subj == "" || phrase == "" {
		return false
	}
	obj := o.x.newNode(graph.KindConcept, value)
	if obj == "" || obj == subj {
		return false
	}
	o.statement(s, line, subj)
	o.x.addOpen(subj, graph.OpenRelation(phrase, pol), obj, s, 0, line)
	return true
}

// maxValueOwnerGap bounds the words between an entity and the noun whose
// code values it has (see codeValues).
const maxValueOwnerGap = 2

// ownsNext reports whether the words between an entity and a noun after it
// leave the noun the entity's: at most maxValueOwnerGap of them, and no
// preposition ("The EC2 instances use the prefix", not "updates on running
// EC2 instances through the API action" or "distinguished from EC2 instance
// with the prefix").
func (o *openReader) ownsNext(gap string) bool {
	f := strings.Fields(gap)
	if len(f) > maxValueOwnerGap {
		return false
	}
	return !slices.ContainsFunc(f, func(w string) bool { return o.lx.IsPreposition(strings.ToLower(w)) })
}

// codeSpanRunRe matches a run of code spans a sentence lists after a noun
// ("eventName `StopLogging` / `DeleteTrail`", "interface endpoints `ssm`,
// `ssmmessages`, `ec2messages`", "the prefix `mi-`"): group 1 the words
// before it, group 2 the run.
var codeSpanRunRe = lazyRE("((?:[A-Za-z][\\w-]*\\s+){0,3}[A-Za-z][\\w-]*)\\s+(`[^`]+`(?:\\s*(?:,|/|\\bor\\b|\\band\\b)\\s*`[^`]+`)*)")

// codeSpanRe matches one code span.
var codeSpanRe = lazyRE("`([^`]+)`")

// codeValues reads the code spans a note line lists right after a noun
// phrase as that noun's values ("VPC interface endpoints `ssm`,
// `ssmmessages`, `ec2messages`": Systems Manager —vpc interface endpoint→
// ssm, ...), of the entity the line names before them, else of dflt.
// The noun's words stop at a word that is no noun: a verb, a function word
// ("use `aws deploy push`" lists no values of "use").
func (o *openReader) codeValues(line int, dflt string) {
	if line < 1 || line > len(o.x.doc.Lines) {
		return
	}
	s := o.x.doc.Lines[line-1] // as written: a block's text has lost its code marks
	if !strings.Contains(s, "`") {
		return
	}
	s = emphasisMarks.Replace(s) // "**VPC interface endpoints** `ssm`"
	for _, m := range codeSpanRunRe.get().FindAllStringSubmatchIndex(s, -1) {
		words := strings.Fields(s[m[2]:m[3]])
		k := len(words)
		for k > 0 {
			w := strings.ToLower(words[k-1])
			if o.lx.IsStop(w) || o.x.knownVerb(w) || o.lx.LeadingVerb(w, len(w)) || o.lx.IsPreposition(w) {
				break
			}
			k--
		}
		label := strings.Join(words[k:], " ")
		if head := strings.ToLower(words[len(words)-1]); label == "" || camelParts(words[len(words)-1]) == nil && !IsEnglishWord(o.words.Lemma(head)) {
			continue // "in teh `appspec.yml`": a typo is no noun the values belong to
		}
		// the entity named right before the noun ("CloudTrail eventName
		// `StopLogging`", "SSM endpoints (VPC interface endpoints `ssm`")
		// has the values; else the section's subject does
		before := s[:m[3]-len(label)]
		subj := dflt
		if ms := o.mentions(before); len(ms) > 0 && isEntity(o.x.dictKind(ms[len(ms)-1].id)) && o.ownsNext(before[ms[len(ms)-1].end:]) {
			subj = ms[len(ms)-1].id
		} else if id := o.codeSubject(before); id != "" {
			subj = id
		}
		phrase, pol := o.phrase(label)
		if subj == "" || phrase == "" {
			continue
		}
		for _, c := range codeSpanRe.get().FindAllStringSubmatch(s[m[4]:m[5]], -1) {
			if obj := o.x.identifierNode(strings.TrimSpace(c[1])); obj != "" && obj != subj {
				o.x.addOpen(subj, graph.OpenRelation(phrase, pol), obj, s, 0, line)
			}
		}
	}
}

// verbGloss splits a sentence "LABEL: VERB ..." whose label is a noun
// phrase of up to maxItemLabelWords words (no verb, no value label such as
// "Note" or "Solution") and whose rest opens with a verb in the third
// person and its object ("up to", a name, a number; see objectLead):
// "Calculated health check: combines up to 256 child health checks". ok is
// false for any other sentence: "unified agent: metrics + logs" (a plural
// noun), "Big Data: Integrates with EMR" (a use, no thing that does it).
func (o *openReader) verbGloss(s string) (label, rest string, ok bool) {
	label, rest, ok = strings.Cut(s, ": ")
	if !ok {
		return "", "", false
	}
	label, rest = strings.TrimSpace(label), strings.TrimSpace(rest)
	var buf [3]string
	fs, _ := headFields(rest, buf[:])
	if len(fs) < 2 || label == "" || countFields(label) > maxItemLabelWords || !o.thirdPersonLead(rest) || !o.objectLead(fs, 1) || o.lx.isAux(strings.ToLower(fs[0])) ||
		o.lx.LeadingVerb(label, len(label)) || slices.ContainsFunc(strings.Fields(strings.ToLower(label)), o.x.knownVerb) || o.valueLabel(label) || strings.ContainsAny(label, ",;()") {
		return "", "", false
	}
	return label, rest, true
}

// codeSubject returns the node of the code span a line opens with when
// only verbs follow it in the text given (the line up to the words of a
// relation): "`States.ALL` does" of "`States.ALL` does **not** catch
// `States.DataLimitExceeded`" is States.ALL's. "" for any other text.
func (o *openReader) codeSubject(before string) string {
	t := strings.TrimSpace(before)
	for range 2 {
		k := strings.LastIndexByte(t, ' ')
		if w := strings.ToLower(t[k+1:]); !strings.HasSuffix(t, "`") && (o.x.knownVerb(w) || o.lx.Negates(w)) {
			t = strings.TrimSpace(t[:k+1])
		}
	}
	if t == before || !strings.HasSuffix(t, "`") {
		return ""
	}
	open := strings.LastIndexByte(t[:len(t)-1], '`')
	if open < 0 || strings.TrimLeft(t[:open], "-*+•0123456789. \t") != "" {
		return "" // the span is no sentence's first words
	}
	return o.x.identifierNode(t[open+1 : len(t)-1])
}

// meansOf returns the things a purpose sentence's means clause names
// ("deploy a CloudFormation StackSet targeting ...", "use CloudFormation
// Stack Policy to prevent ...", "install the AWS Systems Manager agent and
// create a Hybrid Activation"): each capitalised run of words, as the
// longest name it makes ("CloudFormation Stack Policy", not CloudFormation;
// "Hybrid Activation", a name of the note's own), outside asides and before
// a word that opens a clause of its own ("... which can forward logs to
// CloudWatch"). The clause's first word is its verb, never a name.
func (o *openReader) meansOf(means string) []string {
	var out []string
	add := func(id string) {
		if id != "" && !containsStr(out, id) {
			out = append(out, id)
		}
	}
	ms := o.mentions(means)
	at := strings.IndexByte(means, ' ') + 1 // after the verb
	for at > 0 && at < len(means) {
		if o.relativeBefore(means[:at]) {
			break
		}
		end := capitalRun(means, at)
		if end == at || parenDepth(means[:at]) > 0 {
			next := strings.IndexByte(means[at:], ' ')
			if next < 0 {
				break
			}
			at += next + 1
			continue
		}
		run, whole := means[at:end], ""
		var inRun []mention
		for _, m := range ms {
			switch {
			case m.start == at && m.end == end:
				whole = m.id
			case m.start >= at && m.end <= end:
				inRun = append(inRun, m)
			}
		}
		covered := len(inRun) > 0 && inRun[0].start == at && inRun[len(inRun)-1].end == end
		for k := 1; covered && k < len(inRun); k++ {
			covered = strings.TrimSpace(means[inRun[k-1].end:inRun[k].start]) == ""
		}
		if covered {
			// "CloudFormation StackSet": names the dictionary knows, the
			// last the head ("StackSet" of CloudFormation)
			whole = inRun[len(inRun)-1].id
		}
		switch {
		case whole != "":
			if isEntity(o.x.dictKind(whole)) {
				add(whole)
			}
		case countFields(run) >= 2 && o.nameLike(run):
			// a longer name than any the dictionary knows in it
			add(o.x.newNode(graph.KindConcept, run))
		default:
			for _, m := range inRun {
				if isEntity(o.x.dictKind(m.id)) {
					add(m.id)
				}
			}
		}
		at = end
	}
	return out
}

// capitalRun returns the end of the run of capitalised words (or words
// with a capital inside, "StackSet", "cfn-init" excluded) that starts at
// byte at of s; at when the word there is not capitalised.
func capitalRun(s string, at int) int {
	end := at
	for k := at; k < len(s); {
		w := s[k:]
		if n := strings.IndexByte(w, ' '); n >= 0 {
			w = w[:n]
		}
		t := strings.TrimRight(w, ".,;:!?)")
		r, _ := utf8.DecodeRuneInString(t)
		if t == "" || !unicode.IsUpper(r) {
			break
		}
		end = k + len(t)
		if len(t) < len(w) {
			break // a word that ends a clause ends the name
		}
		k += len(w) + 1
	}
	return end
}

// relativeBefore reports whether a text holds a word that closes a list or
// opens a subordinate clause ("which", "that", "where", "to", "when"):
// what follows it is said of something named before.
func (o *openReader) relativeBefore(t string) bool {
	for _, w := range strings.Fields(strings.ToLower(t)) {
		if o.lx.OpensClause(strings.Trim(w, ",;:()")) {
			return true
		}
	}
	return false
}

// itemParagraph reads a further paragraph of a list item (Markdown's
// indented paragraph under "* AWS Application Discovery Service helps
// ..."): its sentences as the item's, the list heads above it left open,
// and one that ends with a colon heads the items under it ("Application
// Discovery Service offers 2 ways of ...:" over "- Agentless discovery:
// ...").
func (o *openReader) itemParagraph(b *Block, text string) {
	o.popFrames(b.Depth)
	subj := o.defaultSubject()
	o.sentencesOf(text, b.Line, subj, false)
	if !strings.HasSuffix(text, ":") {
		return
	}
	if f, ok := o.head(text, b.Depth-1); ok {
		o.frames = append(o.frames, f)
	} else if f, ok := o.longHead(text, b.Depth-1); ok {
		o.frames = append(o.frames, f)
	}
}

// sequenceHead makes a numbered list's head that names no entity the
// subject of its items: "Infrastructure as Code (IaC) lifecycle" over "1.
// Resource provisioning:", "2. Configuration management:", ... is a
// concept whose items are its steps, in order, related by the head's last
// word ("lifecycle"). A head that is a clause, not a name, stays empty.
func (o *openReader) sequenceHead(f *frame) {
	name := cleanName(stripParens(strings.TrimSuffix(strings.TrimSpace(f.text), ":")))
	if name == "" || countFields(name) > maxItemWords || o.x.hasVerb(name) || !o.nameLike(name) {
		return
	}
	fs := strings.Fields(name)
	f.subject = o.x.newNode(graph.KindConcept, name)
	f.pending, f.rest = true, fs[len(fs)-1]
	if alias := abbreviated(strings.TrimSuffix(strings.TrimSpace(f.text), ":")); alias != "" {
		o.x.alias(f.subject, alias)
	}
}

// abbreviated returns a name's short form when it spells out its own
// abbreviation: "Infrastructure as Code (IaC) lifecycle" → "IaC
// lifecycle"; "" for any other name.
func abbreviated(name string) string {
	open := strings.Index(name, " (")
	end := strings.Index(name, ")")
	if open <= 0 || end < open {
		return ""
	}
	short := name[open+2 : end]
	if strings.ContainsAny(short, " ,") || !initialsMatch(short, name[:open]) {
		return ""
	}
	return strings.TrimSpace(short + " " + strings.TrimSpace(name[end+1:]))
}

// shortTitle reports whether a paragraph is a title line: a few words,
// no sentence punctuation ("Suspending ASG processes").
func (o *openReader) shortTitle(text string) bool {
	n := countFields(text)
	return n > 0 && n <= 6 && !strings.ContainsAny(text, ".;,!?") && unicode.IsUpper([]rune(text)[0])
}

// popFrames closes the list heads a block at depth does not belong to.
// kindLabel is an item that names a kind in the plural (see kindRun).
type kindLabel struct {
	head   []string // the label's words, the last one singular, lower case: "scaling", "policy"
	phrase string   // the relation it names
	depth  int
	line   int
}

// maxKindRunGap bounds the lines between a kind label and its last item.
const maxKindRunGap = 40

// kindRun reads a flat list in which an item names a kind in the plural
// ("- Scaling Policies") and items after it at its depth name things of
// that kind by its words ("- Target Tracking Scaling Policy", "- Simple
// Scaling Policy" with notes on each between them, as a PDF export
// flattens nesting): each such thing is the subject's, by the label's
// relation. An item of the label's depth that names none ends the run
// only when it is another plural label.
func (o *openReader) kindRun(b *Block, text string, subj string) {
	t := strings.TrimSuffix(strings.TrimSpace(text), ":")
	f := strings.Fields(strings.ToLower(t))
	if k := o.kindList; k != nil && (b.Depth < k.depth || b.Line-k.line > maxKindRunGap) {
		o.kindList = nil
	}
	if k := o.kindList; k != nil && b.Depth == k.depth && len(f) > len(k.head) && len(f) <= len(k.head)+3 && subj != "" {
		tail := f[len(f)-len(k.head):]
		if slices.Equal(tail[:len(tail)-1], k.head[:len(k.head)-1]) && o.words.Lemma(tail[len(tail)-1]) == k.head[len(k.head)-1] {
			if id := o.x.newNode(graph.KindConcept, cleanName(t)); id != "" && id != subj {
				o.x.addOpen(subj, graph.OpenRelation(k.phrase, graph.Positive), id, t, 0, b.Line)
			}
			return
		}
	}
	n := len(f)
	if n == 0 || n > 3 || !PluralNoun(f[n-1]) || strings.ContainsAny(t, ",;()") || o.x.hasVerb(t) || len(o.mentions(t)) > 0 {
		return
	}
	head := slices.Clone(f)
	head[n-1] = o.words.Lemma(f[n-1])
	if head[n-1] == f[n-1] {
		return
	}
	phrase, _ := o.phrase(t)
	if phrase == "" {
		return
	}
	o.kindList = &kindLabel{head: head, phrase: phrase, depth: b.Depth, line: b.Line}
}

// endParaList ends a paragraph's head at a top item of the other kind
// than its first: "EC2 in-place, no load balancer:" over a numbered list of
// hooks heads the hooks, not the "*" notes after them ("Lambda hooks: just
// BeforeAllowTraffic and AfterAllowTraffic"); Markdown too reads a change
// of marks as a new list.
func (o *openReader) endParaList(b *Block, above int) {
	n := len(o.frames)
	if n == 0 || above >= 0 {
		return
	}
	f := &o.frames[n-1]
	if !f.para || f.depth >= 0 {
		return
	}
	kind := int8(-1)
	if b.Ordinal > 0 {
		kind = 1
	}
	switch f.numbered {
	case 0:
		f.numbered = kind
	case kind:
	default:
		o.frames = o.frames[:n-1]
	}
}

func (o *openReader) popFrames(depth int) {
	for len(o.frames) > 0 && o.frames[len(o.frames)-1].depth >= depth && o.frames[len(o.frames)-1].depth >= 0 {
		o.frames = o.frames[:len(o.frames)-1]
	}
	if depth < 0 {
		// a paragraph ends the bullets' heads, not the heading's
		for len(o.frames) > 1 {
			o.frames = o.frames[:len(o.frames)-1]
		}
	}
}

// sectionSubject is the entity the section is about, when its nearest
// heading that names entities names exactly one.
func (o *openReader) sectionSubject() string {
	if s := o.serviceSubject(); s != "" {
		return s
	}
	// "Blue/green deployment" over "Different cutover techniques", in a
	// section of no service: a heading that is the name of a strategy or
	// capability, a word of its kind beside it at most, is what its
	// section's lines without a subject of their own are about
	// ("Cross-Region Replication" names a feature that has the capability;
	// "multi-account" under AWS Config is a part of Config's section)
	if hs := o.x.headings; len(hs) > 0 && len(hs[len(hs)-1].services) == 0 {
		return o.vocabHeading(stripParens(hs[len(hs)-1].text)) // an aside is no part of the name: "Single Target Deployment (build -> target)"
	}
	return ""
}

// serviceSubject is the entity the headings above a block name for it
// (see sectionSubject), "" when none.
func (o *openReader) serviceSubject() string {
	hs := o.x.headings
	if len(hs) == 0 {
		if len(o.x.topic) == 1 {
			return o.x.topic[0] // a note of no heading, about what its name names (see fileTopic)
		}
		return ""
	}
	if !o.x.leveled() {
		// Level-less headings (wiki, PDF) say nothing of nesting. The
		// heading right above speaks for a block; an earlier heading does
		// only when it names a service: one that names a feature
		// ("StackSets") heads a sibling section, not the ones after it.
		if h := hs[len(hs)-1]; len(h.services) > 0 {
			if len(h.services) == 1 {
				return h.services[0]
			}
			return ""
		}
		// a title-case heading that names nothing but lists topics of its
		// own ("High Availability, Fault Tolerance, and Disaster
		// Recovery" over a list of services) opens a section of its own:
		// it is no part of the section before it
		if topicList(hs[len(hs)-1].text) {
			return ""
		}
		// a feature heading passed on the way names a sibling section; the
		// service it belongs to is the one they are sections of, and an
		// earlier heading naming another service ("Resources groups" among
		// Systems Manager's "Insights", "Parameter store") is a sibling too
		sibling := ""
		for i, steps := len(hs)-2, 0; i >= 0 && steps < 10; i, steps = i-1, steps+1 {
			h := hs[i]
			if len(h.services) == 0 {
				if h.container && !h.generic {
					return "" // "Data/Network Protection": a section of sections of no service
				}
				continue
			}
			if len(h.services) == 1 && o.x.dictKind(h.services[0]) == graph.KindService {
				if sibling != "" && h.services[0] != sibling {
					return sibling
				}
				return h.services[0]
			}
			if o.x.dictKind(h.services[0]) != graph.KindFeature {
				return ""
			}
			if sibling == "" {
				// (a feature named after its service with a qualifier
				// first, "Unified CloudWatch Agent", is a section of it too)
				sibling = o.x.serviceInName(h.services[0], true)
			}
		}
		// "EB DEPLOYMENTS - CRAM SHEET" over "health + timeouts" over
		// "statuses: ok / warning / degraded": a note whose title names one
		// service is about it where no nearer heading names another
		// (or one feature: "AWS Systems Manager Patch Manager" over
		// "Overview")
		if t := hs[0]; len(t.services) == 1 && (o.x.dictKind(t.services[0]) == graph.KindService || o.x.dictKind(t.services[0]) == graph.KindFeature) {
			return t.services[0]
		}
		return ""
	}
	c := o.x.context()
	if len(c) != 1 {
		return ""
	}
	return c[0]
}

// vocabHeading returns the strategy or capability a heading is the name
// of, a word naming its kind beside it at most ("Blue/green deployment"),
// "" when it is no such heading.
func (o *openReader) vocabHeading(t string) string {
	ms := o.x.find(t)
	if len(ms) != 1 || ms[0].ID == "" || !isVocab(o.x.dictKind(ms[0].ID)) {
		return ""
	}
	kind := o.x.dictKind(ms[0].ID)
	for _, w := range strings.Fields(t[:ms[0].Start] + " " + t[ms[0].End:]) {
		if !slices.Contains(o.lx.Kinds(w), kind) {
			return ""
		}
	}
	o.x.node(ms[0].ID)
	return ms[0].ID
}

// defaultSubject is what a text without its own subject is about: the
// innermost list head's subject, else the section's.
func (o *openReader) defaultSubject() string {
	for i := len(o.frames) - 1; i >= 0; i-- {
		f := &o.frames[i]
		if f.subject == "" {
			continue
		}
		if !o.hasPhrase(f) {
			return f.subject
		}
		if id := o.headFeature(f); id != "" {
			// "Can (only) be used for EC2 Instances and Auto Scaling
			// Groups" under "Creation Policy" in CloudFormation's section:
			// the head names a feature of its subject, and what its lines
			// say without a subject of their own is that feature's
			return id
		}
	}
	return o.sectionSubject()
}

// headFeature returns the feature of a list head's subject that the
// head's text is the name of, as the note named it (see subheadNode:
// "Creation Policy" in CloudFormation's section is CloudFormation Creation
// Policy); "" for a head that is no such name, and for a heading.
func (o *openReader) headFeature(f *frame) string {
	if f.depth < 0 && !f.para {
		return "" // a heading's section takes its subject from the headings (sectionSubject)
	}
	name := cleanName(strings.TrimSuffix(strings.TrimSpace(f.text), ":"))
	if name == "" || countFields(name) > maxGivenNameWords {
		return ""
	}
	n, ok := o.x.nodes[f.subject]
	if !ok {
		return ""
	}
	id, ok := o.x.byName[o.x.slug(qualifyName(n.Name, name))]
	if !ok || id == f.subject || o.x.dictKind(id) != graph.KindFeature && o.x.nodes[id].Kind != graph.KindFeature {
		return ""
	}
	return id
}

// section is the heading path of the current block.
func (o *openReader) section() string {
	if o.secGen == o.x.headingGen+1 {
		return o.sec
	}
	o.secGen, o.sec = o.x.headingGen+1, ""
	hs := o.x.headings
	if len(hs) == 0 {
		return ""
	}
	if !o.x.leveled() {
		o.sec = hs[len(hs)-1].text
		return o.sec
	}
	parts := make([]string, len(hs))
	for i, h := range hs {
		parts[i] = h.text
	}
	o.sec = strings.Join(parts, " > ")
	return o.sec
}

// statement records a text as evidence.
func (o *openReader) statement(text string, line int, subj string) {
	text = strings.TrimSpace(text)
	if text == "" || o.noStatement {
		return
	}
	st := graph.Statement{Source: o.x.source(line), Text: clip(text), Section: o.section(), Subject: subj}
	for _, m := range o.mentions(text) {
		if !containsStr(st.Mentions, m.id) {
			st.Mentions = append(st.Mentions, m.id)
		}
	}
	// a line is found by its own words and by the words of what it sits
	// under: its list head and its heading ("Regional" under "Endpoint
	// types" under "API Gateway"); the terms pass reads them
	job := termJob{text: text}
	if o.headText != "" && !strings.Contains(text, o.headText) {
		job.head = o.headText
	}
	if hs := o.x.headings; len(hs) > 0 && hs[len(hs)-1].text != text && hs[len(hs)-1].text != o.headText {
		job.heading = hs[len(hs)-1].text
	}
	o.terms.add(job)
	o.x.stmts = append(o.x.stmts, st)
}

// mention is an entity named in a text, with its byte span.
type mention struct {
	id         string
	start, end int
}

// kindAlias returns the entity a head names by a weak alias alone
// ("config:", "health:") when the head above it names the entity's kind
// ("services:" in a YAML note): "" for any other head.
func (o *openReader) kindAlias(head string) string {
	id, ok := o.x.exact(strings.ReplaceAll(head, "_", " "))
	if !ok || !isEntity(o.x.dictKind(id)) {
		return ""
	}
	above := ""
	if n := len(o.frames); n > 0 {
		above = o.frames[n-1].text
	} else if n := len(o.x.headings); n > 0 {
		above = o.x.headings[n-1].text
	}
	above = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(above), ":")))
	if above == "" || !slices.Contains(o.lx.Kinds(above), o.x.dictKind(id)) {
		return ""
	}
	return id
}

// mentions links the named things of a text: dictionary entities, notes'
// names and unknown "AWS X" services; capabilities and strategies too.
func (o *openReader) mentions(text string) []mention {
	var out []mention
	for _, m := range o.x.find(text) {
		id := m.ID
		if id == "" {
			id = o.x.newNode(graph.KindService, m.Text)
		} else {
			o.x.node(id)
		}
		if id == "" {
			continue
		}
		switch o.x.dictKind(id) {
		case graph.KindPath, graph.KindLevel, "":
			continue
		}
		out = append(out, mention{id: id, start: m.Start, end: m.End})
	}
	return out
}

// head reads a text as a list head: the subject its items relate to and the
// relation phrase; ok is false when it cannot head a list.
func (o *openReader) head(text string, depth int) (frame, bool) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), ":"))
	if t == "" || countFields(t) > 12 {
		return frame{}, false
	}
	f := frame{depth: depth}
	if strings.HasSuffix(t, "?") {
		switch obj, rest, asks := o.askedSubject(t); {
		case asks == askSubject:
			f.subject, f.inverse = obj, true
			f.pending, f.rest, f.text = true, rest, t
			return f, true
		case asks == askWhether:
			return frame{}, false // "Composite alarm - can it stop EC2?": its answer is a verdict, not items
		}
	}
	ms := o.mentions(t)
	if len(ms) == 0 {
		if id := o.kindAlias(t); id != "" {
			ms = []mention{{id: id, start: 0, end: len(t)}}
		}
	}
	rest := t
	if asideOnly(t, len(ms), func(s string) int { return len(o.mentions(s)) }) {
		// "Lifecycle hooks (Lambda and ECS)": the aside lists what the
		// items ("ECS: ...") speak of; the head names no subject
		ms, rest = nil, strings.TrimSpace(stripParens(t))
	}
	dflt := ""
	if len(ms) > 0 && o.lx.LeadingVerb(t, ms[0].start) {
		dflt = o.defaultSubject()
	}
	switch {
	case len(ms) > 0 && isEntity(o.x.dictKind(ms[0].id)) && leadingWords(t, ms[0].start) <= 2 && o.afterPreposition(t, ms[0].start):
		// the name is the object of the head's relation, not its subject:
		// "Integration with Auto Scaling" under CodeDeploy heads more of
		// the section's subject; "Notifications without SNS - CloudWatch
		// events only" in a section of no subject, over "Trusted Advisor",
		// "GuardDuty", has the items for subjects
		if d := o.defaultSubject(); d != "" && d != ms[0].id {
			f.subject = d
		} else {
			f.subject, f.inverse = ms[0].id, true
			rest = t[:ms[0].start]
		}
	case dflt != "" && dflt != ms[0].id:
		// "Can create CloudWatch log integration: 2 kinds" under "API
		// Gateway": a head that opens with its verb speaks for the
		// section's subject; the names after the verb are its object
		f.subject = dflt
	case len(ms) > 0 && isEntity(o.x.dictKind(ms[0].id)) && leadingWords(t, ms[0].start) <= 2:
		// an aside after the name ("KDF (aka Amazon Data Firehose now)")
		// says more of the name, not how the items relate to it
		f.subject = ms[0].id
		rest = t[:ms[0].start] + " " + stripParens(t[ms[0].end:])
	case len(ms) == 1 && isEntity(o.x.dictKind(ms[0].id)):
		f.subject = ms[0].id
		rest = t[:ms[0].start] + " " + stripParens(t[ms[0].end:])
	case len(ms) == 0 && depth >= 0 && len(o.frames) > 0 && o.frames[len(o.frames)-1].subject != "":
		// "Predefined deployment configs" under "CodeDeploy for Lambda -
		// traffic shifting": a list head that names nothing heads more of
		// its parent's subject
		f.subject = o.frames[len(o.frames)-1].subject
	case len(ms) == 0:
		f.subject = o.defaultSubject()
	default:
		return frame{}, false
	}
	if l := o.parentLabel(depth); len(ms) == 0 && l != "" {
		// "Events:" under "2. Triggers - SNS or Lambda": the events are
		// the triggers'
		rest = l + " " + rest
	} else if len(ms) == 0 && o.labelNounOnly(rest) {
		// "3 types:" under "route 53 health checks": the types are the
		// health checks' (a heading that is only a name adds nothing)
		if hs := o.x.headings; len(hs) > 0 {
			_, h, _ := o.namesApart(hs[len(hs)-1].text)
			ws := strings.Fields(rest) // labelNounOnly: some words, the noun among them
			noun := o.words.Lemma(strings.ToLower(strings.TrimSuffix(ws[len(ws)-1], ":")))
			if p, _ := o.phrase(h); p != "" && !slices.Contains(strings.Fields(p), noun) {
				rest = strings.TrimSpace(h) + " " + rest
			}
		}
	}
	if f.subject != "" && len(ms) > 0 && strings.HasPrefix(t[ms[0].end:], "/") {
		// "To EC2/On-premises": the name's alternative, not a relation
		after := t[ms[0].end+1:]
		if k := strings.IndexAny(after, " ,;:"); k >= 0 {
			after = after[k:]
		} else {
			after = ""
		}
		rest = t[:ms[0].start] + " " + after
	}
	f.pending, f.rest = true, rest // the phrase: read by phraseOf
	f.text = t
	return f, true
}

// conditionBeforeDenial reports whether a clause's first denial follows an
// "or", "if" or "unless" (the lexicon's subordinators and "or"): "add a
// Default record or users not matched get no answer".
func (o *openReader) conditionBeforeDenial(c string) bool {
	for _, w := range strings.Fields(strings.ToLower(c)) {
		w = strings.Trim(w, ".,;:()")
		if o.lx.IsNegation(w) {
			return false
		}
		if w == "or" || o.lx.Subordinator(w) {
			return true
		}
	}
	return false
}

// topicList reports whether a heading lists topics in title case, commas
// between them: "High Availability, Fault Tolerance, and Disaster
// Recovery". Each word is capitalised or a lower-case word of at most three
// letters ("and"); no parentheses, colon or full stop.
func topicList(text string) bool {
	t := strings.TrimSpace(text)
	if !strings.Contains(t, ", ") || strings.ContainsAny(t, "():;.") {
		return false
	}
	return titleCased(strings.Fields(strings.ReplaceAll(t, ",", "")))
}

// labelNounOnly reports whether a list head says only how many things of
// a kind follow: a lexicon label noun and numbers ("3 types", "Different
// types" is more).
func (o *openReader) labelNounOnly(t string) bool {
	noun := false
	for _, w := range strings.Fields(t) {
		switch {
		case isNumber(w):
		case !noun && o.lx.LabelNoun(w):
			noun = true
		default:
			return false
		}
	}
	return noun
}

// definedNames reads a line that lists identifiers before " = " or ": "
// and says what they are after it ("DownloadBundle, Install, BlockTraffic,
// AllowTraffic = reserved, NO scripts allowed" in CodeDeploy's section):
// each clause after the separator relates the subject to every name, with
// its polarity ("not script allow"), as an item list under that head would.
// At least half the names must be identifiers ("BlockTraffic"), the rest
// single capitalised words ("Install").
func (o *openReader) definedNames(text string, line int, subj string) {
	if subj == "" {
		return
	}
	cut, width := -1, 0
	for _, sep := range []string{" = ", ": "} {
		if i := strings.Index(text, sep); i > 0 && (cut < 0 || i < cut) {
			cut, width = i, len(sep)
		}
	}
	if cut < 0 || !strings.ContainsAny(text[:cut], ",/") {
		return // no list of names before the separator
	}
	// (a journal's signifier before the names: "! DownloadBundle, ...")
	left := strings.TrimLeftFunc(text[:cut], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	right := strings.TrimSpace(text[cut+width:])
	var names []string
	for _, p := range strings.FieldsFunc(left, func(r rune) bool { return r == ',' || r == '/' }) {
		p = strings.TrimSpace(p)
		for _, cj := range []string{"and ", "or "} {
			p = strings.TrimPrefix(p, cj)
		}
		if p != "" {
			names = append(names, p)
		}
	}
	if len(names) < 2 {
		return
	}
	ids := 0
	for _, n := range names {
		r, _ := utf8.DecodeRuneInString(n)
		switch {
		case strings.ContainsAny(n, " \t"):
			return
		case isIdentifier(n):
			ids++
		case !unicode.IsUpper(r):
			return
		}
	}
	if 2*ids < len(names) {
		return
	}
	type rel struct {
		phrase string
		pol    graph.Polarity
	}
	var rels []rel
	for _, c := range strings.FieldsFunc(right, func(r rune) bool { return r == ',' || r == ';' }) {
		if p, pol := o.phrase(strings.TrimSpace(c)); p != "" {
			rels = append(rels, rel{p, pol})
		}
	}
	for _, n := range names {
		obj := o.itemNode(n)
		if obj == "" || obj == subj {
			continue
		}
		for _, r := range rels {
			o.x.addOpen(subj, graph.OpenRelation(r.phrase, r.pol), obj, text, 0, line)
		}
	}
}

// bulletLabel returns the label a bullet opens with: the words before its
// first dash when they are three at most and name nothing ("Triggers" of
// "Triggers - SNS or Lambda - supposed to ..."), "" when it opens with none.
// A label before a colon ("afternoon: AWS Config") says what the lines
// under it are about, not what they are.
func (o *openReader) bulletLabel(text string) string {
	cut := -1
	for _, sep := range []string{" - ", " – ", " — "} {
		if i := strings.Index(text, sep); i > 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	if cut < 0 {
		return ""
	}
	l := strings.TrimSpace(text[:cut])
	if l == "" || countFields(l) > 3 || strings.ContainsAny(l, ",;()") || len(o.mentions(l)) > 0 {
		return ""
	}
	return l
}

// parentLabel returns the label of the bullet right above a head at depth:
// the head's items are the label's ("Events:" under "Triggers - SNS or
// Lambda", "constraints:" under a bare "task placement:" that heads
// nothing but them). "" when that bullet opens with no label.
func (o *openReader) parentLabel(depth int) string {
	n := len(o.open)
	if depth < 0 || n < 2 || o.open[n-1] != depth || len(o.labels) != n {
		return ""
	}
	if l := o.bareLabel(o.labels[n-2]); l != "" {
		return l
	}
	return o.bulletLabel(o.labels[n-2])
}

// nameLabel returns the name of a bullet that is only a name and its colon
// ("CODE_DEPLOY:", "EXTERNAL:", "Amazon ECS:"): a name of two words or
// more the dictionary knows, or words that are all identifiers or
// capitals. It returns "" for any other bullet, and for a label the
// lexicon reads as one ("NOTE:").
func (o *openReader) nameLabel(text string) string {
	l := colonLabel(text)
	if l == "" || o.lx.DescriptionLabel(l) || o.valueLabel(l) {
		return ""
	}
	if countFields(l) >= 2 && o.knownName(l) {
		return l // (one word may be a weak alias: "Events:" heads events)
	}
	for _, w := range strings.Fields(l) {
		if !isIdentifier(w) && (strings.ToUpper(w) != w || strings.IndexFunc(w, unicode.IsLetter) < 0 || len(w) < 2) {
			return ""
		}
	}
	return l
}

// minNameTail is how many capitalised words must go on past a known name
// for them to name a part of it: one word is the name's own ("CodeDeploy
// Agent", "SSM SecureString", "Kinesis KCL" are said of the service).
const minNameTail = 2

// nameTail returns the end of the capitalised words (minNameTail to
// maxNameTail) that go on past a known name ending at byte end of s, when a
// verb follows them: "Secrets Detector" of "CodeGuru Reviewer Secrets
// Detector is an automated tool". It returns end when there are none, when
// one of them names an entity of its own (ms, the mentions after the
// name), or when no verb follows.
func (o *openReader) nameTail(s string, end int, ms []mention) int {
	at, words := end, 0
	for k := 0; k < maxNameTail; k++ {
		if at >= len(s) || s[at] != ' ' {
			break
		}
		next := capitalRun(s, at+1)
		if next == at+1 {
			break
		}
		if sp := strings.IndexByte(s[at+1:next], ' '); sp >= 0 {
			next = at + 1 + sp // one word at a time
		}
		at = next
		words++
	}
	if words < minNameTail || !o.x.verbAfter(s, at) {
		return end
	}
	for _, m := range ms {
		if m.start < at && isEntity(o.x.dictKind(m.id)) {
			return end
		}
	}
	return at
}

// examplesItem relates the examples a list item gives after a noun phrase
// to the head's subject, by that phrase: "Powerful, flexible
// authentication mechanisms, such as AWS IAM policies, Lambda authorizer
// functions, and Amazon Cognito user pools" under API Gateway's
// "Benefits". The item itself stays the head's (see item).
func (o *openReader) examplesItem(f *frame, phrase string, pol graph.Polarity, text, written string, pos, line int) {
	np, names := o.examplesOf(text, f.long)
	if len(names) < 2 {
		return
	}
	ws := strings.Fields(strings.ToLower(np))
	ws[len(ws)-1] = o.words.Lemma(ws[len(ws)-1]) // (the head noun, as a label's: "mechanisms" → "mechanism")
	lp := strings.TrimSpace(phrase + " " + strings.Join(ws, " "))
	for _, n := range names {
		if obj := o.itemNode(n); obj != "" && obj != f.subject {
			o.addItem(f, graph.OpenRelation(lp, pol), obj, f.text+" — "+written, pos, line)
		}
	}
}

// examplesOf splits a verbless list item into the noun phrase before the
// lexicon's examples cue and the names after it ("Powerful, flexible
// authentication mechanisms, such as AWS IAM policies, Lambda authorizer
// functions, and Amazon Cognito user pools" → "flexible authentication
// mechanisms" and three names); the phrase is the last comma's part, of
// at most maxItemLabelWords words. nil names for any other text.
func (o *openReader) examplesOf(text string, long bool) (string, []string) {
	low := strings.ToLower(text)
	for _, words := range o.lx.QuestionPhrases("examples_follow") {
		cue := strings.Join(words, " ")
		i := strings.Index(low, " "+cue+" ")
		if i < 0 {
			continue
		}
		np := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(text[:i]), ","))
		if k := strings.LastIndex(np, ", "); k >= 0 {
			np = strings.TrimSpace(np[k+2:])
		}
		if np == "" || countFields(np) > maxItemLabelWords || o.x.hasVerb(np) || len(o.mentions(np)) > 0 || !o.pluralLabel(np) {
			return "", nil
		}
		rest := strings.TrimRight(strings.TrimSpace(text[i+len(cue)+2:]), ".;")
		if names := o.listNames(rest, long); len(names) >= 2 {
			return np, names
		}
		// (examples of up to five words, a known name among them: "Amazon
		// Cognito user pools")
		var names []string
		for _, it := range listAt(rest, 0, len(rest)) {
			if o.x.hasVerb(it.text) || strings.ContainsAny(it.text, "()") {
				return "", nil
			}
			names = append(names, it.text)
		}
		return np, names
	}
	return "", nil
}

// ledName returns the name a chain's hop gives after the verb and the
// preposition that lead to it ("implemented as SCPs", "stored in S3
// bucket"), when the dictionary knows a name in it; "" for any other hop.
func (o *openReader) ledName(h string) string {
	f := strings.Fields(strings.TrimSpace(h))
	if len(f) < 3 || len(o.mentions(h)) == 0 {
		return ""
	}
	w, p := strings.ToLower(f[0]), strings.ToLower(f[1])
	if !(o.x.verbAt(h) || strings.HasSuffix(w, "ed") && o.words.Lemma(w) != w) || !(o.lx.IsPreposition(p) || o.lx.ListOpener(p)) {
		return ""
	}
	return strings.Join(f[2:], " ")
}

// glossedValues splits an item that glosses a short label with its values
// by one arrow ("periodic → every 1, 3, 6, 12 or 24 hours"): two or more
// quantities after it, and at most maxItemLabelWords words before it.
func glossedValues(text string) (label, values string, ok bool) {
	l, r, one := singleArrow(text)
	if !one || l == "" || countFields(l) > maxItemLabelWords || strings.Contains(l, ":") || len(Quantities(l)) > 0 {
		return "", "", false // ("1 hour → 455 days (15 months)": a value's mapping, no label)
	}
	if qs := Quantities(r); len(qs) >= 2 && len(Numbers(r)) == len(qs) {
		return l, r, true
	}
	return "", "", false
}

// singleArrow splits a text at its one chain arrow between spaces, the
// sides trimmed; ok is false for a text with no such arrow or more than one
// (a chain).
func singleArrow(t string) (left, right string, ok bool) {
	at, n, width := -1, 0, 0
	for _, a := range chainArrows {
		if k := strings.Count(t, " "+a+" "); k > 0 {
			at, n, width = strings.Index(t, " "+a+" "), n+k, len(a)+2
		}
	}
	if n != 1 {
		return "", "", false
	}
	return strings.TrimSpace(t[:at]), strings.TrimSpace(t[at+width:]), true
}

// bareLabel returns the words of a bullet that is only a short label and
// its colon ("task placement:", a YAML key over a block): the label of
// what it nests, naming nothing itself. "" for any other bullet.
func (o *openReader) bareLabel(text string) string {
	l := colonLabel(text)
	if l == "" || len(o.mentions(l)) > 0 || o.knownName(l) {
		return "" // ("config:" under "services:" names AWS Config, weakly)
	}
	return l
}

// colonLabel returns the words of a bullet that is only a label of up to
// three words and its colon ("task placement:", "CODE_DEPLOY:"), nothing
// after it and no list marks in it; "" for any other bullet.
func colonLabel(text string) string {
	l, ok := strings.CutSuffix(strings.TrimSpace(text), ":")
	l = strings.TrimSpace(l)
	if !ok || l == "" || countFields(l) > 3 || strings.ContainsAny(l, ":,;()") {
		return ""
	}
	return l
}

// afterPreposition reports whether the word before byte offset at is a
// preposition or a negation ("without", "no"): the name there is the
// object of the head's relation ("Notifications without SNS"), not its
// subject.
func (o *openReader) afterPreposition(t string, at int) bool {
	f := strings.Fields(t[:at])
	if len(f) == 0 {
		return false
	}
	w := f[len(f)-1]
	if strings.EqualFold(w, "of") {
		return false // "Benefits of CodeBuild": the name owns the items, it is no object
	}
	return o.lx.IsPreposition(w) || o.lx.IsNegation(w)
}

// A question's shape, for a heading or flashcard that asks one.
type askShape int

const (
	askOther   askShape = iota // asks for objects, or a label with a question mark ("EventBridge: 3 kinds of event bus?")
	askSubject                 // asks who does something: "Which svc sends events only to EventBridge?"
	askWhether                 // asks yes or no: "Composite alarm - can it stop EC2 / scale ASG?"
)

// askedSubject reads a question: for one that asks for the subjects of a
// relation ("Which svc sends events only to EventBridge (no native SNS)?",
// "What can trigger a Lambda function?") it returns the entity the
// relation goes to and the relation's words; it also tells a yes/no
// question ("Composite alarm - can it stop EC2 / scale ASG?", "Do SCPs
// apply to the management account?") from any other.
func (o *openReader) askedSubject(q string) (obj, rest string, shape askShape) {
	q = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(q), "?"))
	// the topic before a dash or colon is no part of the question
	body := q
	for _, sep := range []string{" - ", " — ", ": "} {
		if k := strings.Index(body, sep); k > 0 {
			body = body[k+len(sep):]
		}
	}
	fs := strings.Fields(body)
	if len(fs) < 2 {
		return "", "", askOther
	}
	first := strings.ToLower(fs[0])
	if o.lx.isAux(first) {
		return "", "", askWhether
	}
	if !o.lx.QuestionSurface("subject", first) {
		return "", "", askOther
	}
	// the verb: within the first words after the wh-word and its noun
	for i := 1; i < len(fs) && i <= 3; i++ {
		w := strings.ToLower(strings.Trim(fs[i], ".,;:()"))
		aux := o.lx.isAux(w)
		if !aux && !thirdPerson(w, o.words.Lemma(w)) && !o.lx.HeadVerb(w) {
			continue
		}
		at := strings.Index(body, fs[i])
		tail := stripParens(body[at:])
		ms := o.mentions(tail)
		if len(ms) == 0 {
			return "", "", askOther
		}
		if aux && i+1 < len(fs) && ms[0].start == len(fs[i])+1 {
			return "", "", askOther // "What does X send": X is the subject
		}
		if aux && (w == "does" || w == "do" || w == "did") {
			return "", "", askOther
		}
		m := ms[len(ms)-1]
		if !isEntity(o.x.dictKind(m.id)) {
			return "", "", askOther
		}
		return m.id, tail[:m.start] + " " + tail[m.end:], askSubject
	}
	return "", "", askOther
}

// hasVerbOutsideNames is hasVerb of a text with the names it holds left
// out: "Run Command, Automation, Lambda" is a list of names, "Run" a word
// of one.
func (o *openReader) hasVerbOutsideNames(text string) bool {
	ms := o.mentions(text)
	if len(ms) == 0 {
		return o.x.hasVerb(text)
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		if m.start >= last {
			b.WriteString(text[last:m.start])
			b.WriteString(" ")
			last = m.end
		}
	}
	b.WriteString(text[last:])
	return o.x.hasVerb(b.String())
}

// namesEntity reports whether a text names an entity (a concept a note
// named, "tasks", is none).
func (o *openReader) namesEntity(text string) bool {
	return slices.ContainsFunc(o.mentions(text), func(m mention) bool { return isEntity(o.x.dictKind(m.id)) })
}

// topicList reads a labelled list in a glossary entry ("Sources:
// CloudWatch alarms (...), EventBridge rules (...)" in OpsCenter's): the
// label relates the entry's term to the items. Outside an entry, a
// verbless "label: a, b, c" line relates the section's subject (dflt) to
// its names ("destinations: s3, redshift, splunk" under "kdf"). It reports
// whether the sentence was one.
func (o *openReader) topicList(s string, line int, dflt string) bool {
	label, rest, ok := strings.Cut(s, ": ")
	if !ok {
		label, rest, ok = o.copulaLabel(s)
	}
	if !ok || countFields(label) > 3 || o.namesEntity(label) || slices.ContainsFunc(chainArrows, func(a string) bool { return strings.Contains(rest, a) }) {
		return false // "Typical auto-remediation: TA check -> EventBridge -> Lambda" is a chain
	}
	if _, q := cutLabel(s, questionLabels); q {
		return false // "Q: ...": a flashcard
	}
	if _, a := cutLabel(s, answerLabels); a {
		return false
	}
	if label == o.topicTerm {
		return false // "**Dynamic reference:** resolves ...": the entry's term before its definition
	}
	rest = strings.TrimRight(rest, ".")
	subj := o.topic
	if subj == "" {
		if dflt == "" || len(o.x.entityList(rest)) < 2 && len(o.listNames(rest, true)) < 2 && len(o.namePair(rest)) < 2 {
			return false
		}
		subj = dflt
	}
	o.statement(s, line, subj)
	o.item(&frame{subject: subj, pending: true, rest: label, text: s, long: true}, rest, 0, line)
	return true
}

// maxDefinedNameWords bounds the words of a name a sentence defines as a
// part of an entity.
const maxDefinedNameWords = 4

// partDefinition reads a sentence that defines a name as a part of an
// entity it names: "Zonal shift is a feature in Route53 ARC that can
// temporarily shift traffic ..." → ARC —feature→ Zonal shift. The name
// opens the sentence, a few words that name nothing known and hold no
// verb; a determiner (or "one") and a noun the lexicon's kinds give
// features follow the copula ("a feature", "a capability", "one part"),
// then a preposition ("of", "in") and the entity's name. The sentence is read as any other
// besides.
func (o *openReader) partDefinition(s string, line int) {
	f := strings.Fields(strings.TrimSpace(s))
	for k := 1; k <= maxDefinedNameWords && k+4 < len(f); k++ {
		if !strings.EqualFold(f[k], "is") {
			continue
		}
		name := cleanName(strings.Join(f[:k], " "))
		det, noun, prep := strings.ToLower(f[k+1]), strings.ToLower(f[k+2]), strings.ToLower(f[k+3])
		if !o.lx.QuestionSurface("determiner", det) && numberWords[det] != 1 || !slices.Contains(o.lx.Kinds(noun), graph.KindFeature) || !o.lx.IsPreposition(prep) {
			return
		}
		if name == "" || o.lx.IsStop(strings.ToLower(f[0])) || len(o.mentions(name)) > 0 || o.x.hasVerb(name) || !o.nameLike(name) {
			return // "It is a feature of ...", "This is one part of ..."
		}
		rest := strings.Join(f[k+4:], " ")
		ms := o.mentions(rest)
		if len(ms) == 0 || leadingWords(rest, ms[0].start) > 1 {
			return
		}
		if kind := o.x.dictKind(ms[0].id); kind != graph.KindService && kind != graph.KindFeature {
			return
		}
		if id := o.x.newNode(graph.KindFeature, name); id != "" {
			o.x.add(ms[0].id, graph.PredFeature, id, s, 0, line)
		}
		return
	}
}

// copulaLabel reads a sentence that names what a list is before one of
// the lexicon's label_copulas ("are", "include") as that label over the
// list ("The six action categories are Source, Build, Test, Deploy,
// Approval and Invoke." → "action categories", "Source, Build, ..."): a
// noun phrase of no verb and no known name or function word, its
// determiner and count dropped, over a list. ok is false for any other
// sentence.
func (o *openReader) copulaLabel(s string) (label, rest string, ok bool) {
	if !strings.Contains(s, ", ") && !strings.Contains(s, " or ") && !strings.Contains(s, " and ") {
		return "", "", false // no list: most sentences, read without splitting
	}
	f := strings.Fields(s)
	for k := 1; k < len(f)-1 && k <= maxItemLabelWords+2; k++ {
		if !o.lx.LabelCopula(f[k]) {
			continue
		}
		np := f[:k]
		for len(np) > 0 && (o.lx.QuestionSurface("determiner", strings.ToLower(np[0])) || isNumber(np[0]) || numberWords[strings.ToLower(np[0])] > 0) {
			np = np[1:]
		}
		label = strings.Join(np, " ")
		rest = strings.TrimRight(strings.Join(f[k+1:], " "), ".")
		if len(np) == 0 || len(np) > maxItemLabelWords || slices.ContainsFunc(np, func(w string) bool { return o.lx.IsStop(strings.ToLower(w)) }) ||
			o.x.hasVerb(label) || len(o.mentions(label)) > 0 {
			// "It includes ...", "If an instance is stopped, ...": no
			// noun phrase
			return "", "", false
		}
		if (!strings.Contains(rest, ", ") || strings.EqualFold(f[k], "is")) && !o.pairOfEntities(rest) && len(o.x.entityList(rest)) < 2 {
			// a pair, or a singular copula, relates only names the
			// dictionary knows ("The target is an Amazon SQS queue or an
			// Amazon SNS topic"), not words ("Configurations are saved
			// and versioned", "Streams is for custom code, ...")
			return "", "", false
		}
		return label, rest, true
	}
	return "", "", false
}

// pairOfEntities reports whether a text is two names (see namePair) that
// each name an entity.
func (o *openReader) pairOfEntities(text string) bool {
	p := o.namePair(text)
	return len(p) == 2 && o.namesEntity(p[0]) && o.namesEntity(p[1])
}

// opensWithName reports whether a text opens with a name the dictionary
// knows.
func (o *openReader) opensWithName(t string) bool {
	ms := o.mentions(t)
	return len(ms) > 0 && leadingWords(t, ms[0].start) == 0
}

// maxTermWords bounds the words of a glossary entry's term.
const maxTermWords = 6

// glossTerm splits a glossary entry, "term — definition" (or "term – ",
// "term - ", "term: "), at its first separator: the term a few words with no
// sentence's end in it; ok is false for any other text.
func glossTerm(text string) (term, def string, ok bool) {
	at, sep := -1, ""
	for _, sp := range []string{" — ", " – ", " - ", ": "} {
		if k := strings.Index(text, sp); k > 0 && (at < 0 || k < at) {
			at, sep = k, sp
		}
	}
	if at < 0 {
		return "", "", false
	}
	term = strings.TrimSpace(text[:at])
	if countFields(term) > maxTermWords || strings.ContainsAny(term, ".!?;") {
		return "", "", false
	}
	return term, strings.TrimSpace(text[at+len(sep):]), true
}

// markedTerm returns the term of a glossary entry whose author marks it,
// "**term** - definition" (bold or a code span, then " - ", " — ", " – "
// or ":"; a colon inside the marks too: "**term:** definition"): a few
// words, no sentence; ok is false for any other text.
func markedTerm(text string) (term string, ok bool) {
	t := strings.TrimSpace(text)
	for _, q := range []string{"**", "__", "`"} {
		if !strings.HasPrefix(t, q) {
			continue
		}
		j := strings.Index(t[len(q):], q)
		if j <= 0 {
			return "", false
		}
		inner := strings.TrimSpace(t[len(q) : len(q)+j])
		after := t[len(q)+j+len(q):]
		colon := strings.HasSuffix(inner, ":")
		term = strings.TrimSpace(strings.TrimSuffix(inner, ":"))
		sep := colon && strings.HasPrefix(after, " ")
		for _, sp := range []string{" - ", " — ", " – ", ": "} {
			sep = sep || strings.HasPrefix(after, sp) || sp == ": " && strings.HasPrefix(after, ":")
		}
		if !sep || term == "" || countFields(term) > maxTermWords || strings.ContainsAny(term, ".!?;") {
			return "", false
		}
		return term, true
	}
	return "", false
}

// lastClause returns the part of a relation's words after its last
// "while"/"whereas", or after its last relative pronoun that a verb
// follows: "provides cost-efficient and resizable capacity while automating
// time-consuming administration tasks" relates its list by "automating
// time-consuming administration tasks"; "is a fully managed deployment
// service that automates software deployments to" by "automates software
// deployments to". A comma is no such boundary: "analyzes events across
// multiple data sources, such as" keeps its verb.
func (o *openReader) lastClause(words string) string {
	cut := -1
	for _, sep := range []string{" while ", " whereas ", " that ", " which ", " who "} {
		i := strings.LastIndex(words, sep)
		if i < 0 || i+len(sep) <= cut || countFields(words[i+len(sep):]) < 2 {
			continue
		}
		if sep == " while " || sep == " whereas " || o.x.verbAt(words[i+len(sep):]) {
			cut = i + len(sep)
		}
	}
	if cut < 0 {
		return words
	}
	return words[cut:]
}

// firstEntity returns the first entity a text names and the text without
// it; "" and the whole text when it names none.
func (o *openReader) firstEntity(text string) (id, rest string) {
	for _, m := range o.mentions(text) {
		if isEntity(o.x.dictKind(m.id)) {
			return m.id, text[:m.start] + " " + text[m.end:]
		}
	}
	return "", text
}

// cardLabel reports whether label (without its colon) is a flashcard's
// question or answer label ("Q", "Answer").
func cardLabel(label string) bool {
	_, q := cutLabel(label+":", questionLabels)
	_, a := cutLabel(label+":", answerLabels)
	return q || a
}

// questionLabels and answerLabels open a flashcard's lines.
var (
	questionLabels = []string{"Q:", "Q.", "Question:", "Q -"}
	answerLabels   = []string{"A:", "A.", "Answer:", "Ans:", "A -"}
)

// cutLabel returns a text without the first of labels it opens with, and
// whether it had one.
func cutLabel(text string, labels []string) (string, bool) {
	for _, l := range labels {
		if strings.HasPrefix(text, l) {
			return strings.TrimSpace(text[len(l):]), true
		}
	}
	return text, false
}

// answerStart returns where an answer label starts inside a question's
// text ("How long ...? A: 24 hours"), -1 when there is none.
func answerStart(q string) int {
	for _, l := range answerLabels {
		if i := strings.Index(q, " "+l+" "); i > 0 {
			return i + 1
		}
	}
	return -1
}

// flashcard reads a note's question-and-answer lines ("Q: What stream view
// types can I choose?" / "A: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE"): a question
// is kept; an answer within three lines of it relates the question's
// entity (else the section's) to the answer's items, names and values by
// the question's own words, and its statements are found by them too. It
// reports whether the text was an answer.
func (o *openReader) flashcard(text string, line int, dflt string) bool {
	if q, ok := cutLabel(text, questionLabels); ok {
		o.question, o.questionLine = q, line
		i := answerStart(q)
		if i < 0 {
			return false // the answer comes on a line of its own
		}
		// "Q: ...? A: ..." written on two lines of one paragraph
		o.question, text = strings.TrimSpace(q[:i]), strings.TrimSpace(q[i:])
	}
	a, ok := cutLabel(text, answerLabels)
	if !ok || o.question == "" || line-o.questionLine > 3 {
		return false
	}
	return o.answer(a, line, dflt)
}

// maxTurnGap is how many lines a dialogue's answer may start after its
// question.
const maxTurnGap = 4

// turn reads a dialogue's turn, what speaker spk says: a question ("Me:
// Which compute platforms can CodeDeploy deploy to?") is asked for the
// next turn of another speaker, which answers it as a flashcard's answer
// does; it reports whether the turn answered a question.
func (o *openReader) turn(spk, text string, line int, dflt string) bool {
	if strings.HasSuffix(strings.TrimSpace(text), "?") {
		o.question, o.questionLine, o.asker = strings.TrimSpace(text), line, spk
		return false
	}
	if o.question == "" || spk == o.asker || line-o.questionLine > maxTurnGap {
		return false
	}
	return o.answer(text, line, dflt)
}

// speakerTurn splits a paragraph that opens with the label of one of the
// note's speakers ("Me: ...", "Tutor: ..."): the label, the text after it;
// ok is false for any other paragraph.
func (o *openReader) speakerTurn(text string) (spk, rest string, ok bool) {
	if o.speakers == nil {
		o.speakers = o.dialogueSpeakers()
	}
	label, rest, found := strings.Cut(text, ": ")
	if !found || !o.speakers[label] || strings.TrimSpace(rest) == "" {
		return "", "", false
	}
	return label, strings.TrimSpace(rest), true
}

// valueLabel reports whether label ("Solution", "Right") says how the value
// after it relates to its head rather than naming a thing: a label of a
// value the lexicon lists, or a field's label the note's entries repeat
// (see extractor.fieldLabel).
func (o *openReader) valueLabel(label string) bool {
	return o.lx.ValueLabel(label) || o.x.fieldLabel(label)
}

// dialogueSpeakers finds the speakers of a note written as a dialogue: the
// labels dialogueLabels finds over its paragraphs, none a flashcard's label
// ("Q:"), a name the dictionary knows or a label of a value ("Solution:").
// A note that is no dialogue has none (an empty, non-nil map).
func (o *openReader) dialogueSpeakers() map[string]bool {
	var texts []string
	for _, b := range o.x.doc.Blocks {
		if b.Kind == BlockParagraph {
			texts = append(texts, b.Text)
		}
	}
	out := dialogueLabels(texts, func(label string) bool {
		return !cardLabel(label) && !o.lx.ValueLabel(label) && !o.knownName(label) && len(o.mentions(label)) == 0
	})
	if out == nil {
		return map[string]bool{}
	}
	return out
}

// answer reads the answer to the pending question (o.question): what it
// lists or names relates the entity the question names (else dflt, else a
// part of the headings' service) by the question's words. It reports
// whether there was a question to answer.
func (o *openReader) answer(a string, line int, dflt string) bool {
	q := o.question
	o.question = ""
	o.headText = q // the answer's statements are found by the question's words
	subj, rest := o.firstEntity(q)
	if subj == "" {
		subj = dflt
	}
	if subj == "" {
		// "What can start an Automation runbook?" in a Systems Manager
		// note: a part of the headings' service the question names
		subj = o.x.qualifiedPart(q)
	}
	phrase, pol := o.phrase(rest)
	if subj == "" || phrase == "" {
		return true
	}
	first := a
	if ss := sentences(a); len(ss) > 0 {
		first = ss[0]
	}
	f := &frame{subject: subj, phrase: phrase, pol: pol, text: q}
	pos := 0
	list := strings.TrimRight(first, ".")
	if i := strings.LastIndex(list, ": "); i >= 0 && len(splitListSpans(list[i+2:])) >= 2 {
		list = list[i+2:] // "Three: OK, ALARM, INSUFFICIENT_DATA": the list after its count
	}
	if parts := splitListSpans(list); len(parts) >= 2 {
		for _, p := range parts {
			if t := strings.TrimSpace(p.text); t != "" {
				pos++
				o.item(f, t, pos, line)
			}
		}
		return true
	}
	for _, m := range o.mentions(first) {
		if m.id != subj && isEntity(o.x.dictKind(m.id)) {
			o.x.addOpen(subj, graph.OpenRelation(phrase, pol), m.id, q+" — "+first, 0, line)
		}
	}
	for _, qt := range o.x.quantities(first) {
		o.x.addOpen(subj, graph.OpenRelation(phrase, pol), o.x.newNode(graph.KindValue, qt.Text), q+" — "+first, 0, line)
	}
	return true
}

// longHead reads a bullet too long for a list head that still ends with a
// colon over its items ("... If files that weren't part of a previous
// deployment appear in target deployment locations, we can choose what
// CodeDeploy does with them during the next deployment:"): its last
// sentence gives the subject (the entity it names first, else the
// section's) and the relation; the whole text is the items' context.
func (o *openReader) longHead(text string, depth int) (frame, bool) {
	t := strings.TrimSpace(text)
	if !strings.HasSuffix(t, ":") {
		return frame{}, false
	}
	ss := sentences(strings.TrimSuffix(t, ":"))
	if len(ss) == 0 {
		return frame{}, false
	}
	last := ss[len(ss)-1]
	if m := o.x.mainClause(last); m != "" {
		last = m // the main clause after a leading "If ...,"
	} else if i := strings.Index(last, ", "); i > 0 {
		if id, _ := o.firstEntity(last[:i]); id != "" && o.hasVerbOutsideNames(last[:i]) {
			// "Hooks for Lambda are only two, each one is a Lambda
			// function itself:": the clause after the comma comments on
			// the items; the first one, a clause of its own that names
			// the subject, relates them ("As part of CodeDeploy
			// operations, EventBridge can be set up with ..." opens with
			// no clause)
			last = last[:i]
		} else if i := strings.LastIndex(last, ", "); i > 0 {
			last = last[i+2:]
		}
	}
	f := frame{depth: depth, text: t}
	var rest string
	if f.subject, rest = o.firstEntity(last); f.subject == "" {
		f.subject = o.defaultSubject()
		if n := len(o.frames); f.subject == "" && n > 0 {
			f.subject = o.frames[n-1].subject // "Deployment strategies:" over it
		}
	}
	if f.subject == "" {
		return frame{}, false
	}
	if label, _, ok := strings.Cut(ss[0], ": "); ok && len(ss) > 1 && countFields(label) <= 3 && !o.namesEntity(label) {
		// "Canary: try X percent then 100%. Options:" over
		// "ECSCanary10Percent5Minutes": the label says whose options
		rest = label + " " + rest
	}
	f.phrase, f.pol = o.phrase(rest)
	return f, f.phrase != ""
}

// phrase normalises the words of a relation: lower case, lemmas, function
// words dropped (modals, particles and prepositions kept), at most
// maxPhraseWords words. Negation and exclusive words set the polarity and
// are dropped.
func (o *openReader) phrase(text string) (string, graph.Polarity) {
	text = o.lx.DropQuestionPhrases("bound", text) // "no more than 2": a bound, not a denial
	pol := graph.Positive
	var words []string
	// withVerbs is words with the common verbs the stop list drops as
	// well ("use", "need", "get"): the relation when words holds a modal
	// and no content word ("Can (only) be used for EC2 Instances" relates
	// by "can use", not by "can" alone)
	var withVerbs []string
	afterBe := false // the word before was a form of "be"
	add := func(w string) {
		lw := strings.ToLower(w)
		be := passiveAux[lw]
		defer func() { afterBe = be }()
		if lemma := o.words.Lemma(lw); afterBe && pastParticiple(lw, lemma) && !o.lx.IsStop(lw) && !o.lx.IsStop(lemma) {
			// "can be enabled on a VPC": the passive says the subject
			// undergoes the verb; "can enable" would say it does it
			words = append(words, "be", lw)
			withVerbs = append(withVerbs, "be", lw)
			return
		}
		switch pw := o.phraseWord(w); pw.role {
		case phraseNegation:
			pol = graph.Negative
		case phraseExclusive:
			if pol == graph.Positive {
				pol = graph.Exclusive
			}
		case phraseKept:
			words = append(words, pw.words...)
			withVerbs = append(withVerbs, pw.words...)
		default:
			if lemma := o.words.Lemma(lw); o.lx.IsStop(lw) && o.lx.IsLeadingVerb(lemma) && !o.lx.QuestionWord("aux", lemma) && !passiveAux[lemma] {
				withVerbs = append(withVerbs, lemma)
			}
		}
	}
	// the fields of strings.FieldsFunc: runs of letters, digits, "'",
	// "’" and "-"
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			add(text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		add(text[start:])
	}
	if slices.Contains(words, "can") && !slices.ContainsFunc(words, func(w string) bool { return !keptWords[w] && !passiveAux[w] }) {
		words = withVerbs // a modal and particles alone relate nothing
	}
	for k := 0; k+3 < len(words); k++ {
		if words[k] == "be" && words[k+2] == "to" {
			// "can't be used to run scripts": the infinitive's verb is
			// the relation ("not use to run script"), no passive of it
			words = slices.Delete(words, k, k+1)
			words[k] = o.words.Lemma(words[k])
		}
	}
	// leading particles belong to the subject ("OpsWorks for ..."), not the relation
	for len(words) > 0 && keptWords[words[0]] && words[0] != "can" {
		words = words[1:]
	}
	if len(words) > maxPhraseWords {
		// the verb and what it opens, and the words that lead to the object:
		// "provide key capability ... support devops practice"
		half := maxPhraseWords / 2
		words = append(words[:half:half], words[len(words)-half:]...)
	}
	return strings.Join(words, " "), pol
}

// phraseRole is what a relation phrase does with a word.
type phraseRole uint8

const (
	phraseDropped   phraseRole = iota // a function word, a number or nothing
	phraseKept                        // the word goes into the phrase
	phraseNegation                    // the word denies the relation
	phraseExclusive                   // the word makes it exclusive ("only")
)

// phraseWordOf is what phrase makes of one word.
type phraseWordOf struct {
	role phraseRole
	// for phraseKept: the word, lower case, as a lemma unless a kept
	// function word; a camel-case word's parts ("DeletionPolicy" relates
	// as "deletion policy", the words a question uses)
	words []string
}

// phraseWord reads one word of a relation phrase, memoised in the word
// cache: the answer depends on the word and the lexicon only.
func (o *openReader) phraseWord(w string) phraseWordOf {
	if pw, ok := o.words.phrases[w]; ok {
		return pw
	}
	var pw phraseWordOf
	lw := strings.ToLower(strings.Trim(w, "-'’"))
	switch {
	case lw == "":
	case o.lx.Negates(lw):
		pw.role = phraseNegation
	case o.lx.IsExclusive(lw):
		pw.role = phraseExclusive
	case keptWords[lw]:
		pw = phraseWordOf{role: phraseKept, words: []string{lw}}
	case o.lx.IsStop(lw) || isNumber(lw) || numberWords[lw] > 0:
	default:
		pw.role = phraseKept
		parts := camelParts(strings.Trim(w, "-'’"))
		if parts == nil {
			parts = []string{lw}
		}
		for _, part := range parts {
			if lp := strings.ToLower(part); len(parts) == 1 || !o.lx.IsStop(lp) {
				pw.words = append(pw.words, o.words.Lemma(lp))
			}
		}
	}
	o.words.phrases[w] = pw
	return pw
}

// passiveAux are the forms of "be" that make a past participle after them
// passive.
var passiveAux = map[string]bool{"be": true, "is": true, "are": true, "was": true, "were": true, "been": true, "being": true}

// pastParticiple reports whether a lower-case word reads as a regular or
// "-en" past participle of its lemma ("enabled", "sent", "written"): it
// differs from its lemma and ends in "ed", "en" or "t".
func pastParticiple(w, lemma string) bool {
	if w == lemma || lemma == "" {
		return false
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "t")
}

// keptWords are function words a relation keeps: modals and the particles
// that give a verb its direction ("send to", "pull from").
var keptWords = map[string]bool{"can": true, "to": true, "into": true, "from": true, "with": true, "across": true, "between": true, "via": true, "through": true, "by": true}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '.' && r != ',' {
			return false
		}
	}
	return w != ""
}

// listNames is nameList of a text, or of the text without its asides
// when it holds some: "Trusted Advisor checks, AWS Health, CodePipeline
// state changes (or notification rules)" lists three names.
func (o *openReader) listNames(text string, long bool) []string {
	parts := o.nameList(text, long)
	if len(parts) < 2 && strings.Contains(text, "(") {
		parts = o.nameList(stripParens(text), long)
	}
	return parts
}

// namePair returns the two names of a label's value that joins them with
// "or", "and" or a spaced slash and no comma ("self-managed (two IAM roles)
// or service-managed (AWS Organizations)", "targets: sns / lambda"), each at
// most three words and no verb, asides dropped; nil for any other value.
func (o *openReader) namePair(value string) []string {
	t := strings.TrimRight(strings.TrimSpace(stripParens(value)), ".;")
	if strings.ContainsAny(t, ",;:()") {
		return nil
	}
	for _, sep := range []string{" or ", " and ", " / "} {
		l, r, ok := strings.Cut(t, sep)
		if !ok || strings.Contains(r, sep) {
			continue
		}
		l, r = trimArticle(cleanName(l)), trimArticle(cleanName(r))
		if sep == " / " && (len(Numbers(l)) > 0 || len(Numbers(r)) > 0 || strings.Contains(value, "|")) {
			// "15cu / 2": a quotient, no pair of names; "ok (green) /
			// warning (yellow) | degraded (red)": a list of more, which
			// the item's own reading splits
			return nil
		}
		for _, p := range []string{l, r} {
			if n := countFields(p); n == 0 || n > 3 || o.hasVerbOutsideNames(p) || !o.nameLike(p) {
				return nil
			}
		}
		return []string{l, r}
	}
	return nil
}

// maxListLabelWords bounds the label of a line that lists names after it
// (see labelList).
const maxListLabelWords = 5

// labelList reads a line that labels a list of names under a section's
// subject: "Supported OS: Windows Server, Amazon Linux, Ubuntu",
// "Operation parameter: Scan (report missing patches only) or Install
// (install and reboot)". The label (at most maxListLabelWords words, no
// verb, no name the dictionary knows) is the relation of the section's
// subject to each name; asides are no part of a name. It reports whether
// the line was such a list and gave facts (it adds the line's statement
// then).
func (o *openReader) labelList(s string, line int, dflt string) bool {
	lead, rest, ok := strings.Cut(s, ": ")
	if !ok || dflt == "" || o.glossing {
		return false
	}
	lead = strings.TrimSpace(lead)
	if n := countFields(lead); n == 0 || n > maxListLabelWords || o.x.hasVerb(lead) || len(o.mentions(lead)) > 0 || cardLabel(lead) {
		return false
	}
	names, ordered := o.listNames(rest, false), false
	if len(names) < 2 {
		names = o.namePair(rest)
	}
	if len(names) < 2 {
		// "Input / output processing order: InputPath > Parameters >
		// (task) > ResultSelector > ResultPath > OutputPath": the chain's
		// names are steps, in order; an aside alone is no step
		names, ordered = labelHops(rest), true
	}
	if len(names) < 2 {
		return false
	}
	phrase, pol := o.phrase(lead)
	if phrase == "" {
		return false
	}
	var objs []string
	for _, n := range names {
		if id := o.itemNode(n); id != "" && id != dflt && !slices.Contains(objs, id) {
			objs = append(objs, id)
		}
	}
	if len(objs) < 2 {
		return false
	}
	o.statement(s, line, dflt)
	for k, id := range objs {
		pos := 0
		if ordered {
			pos = k + 1
		}
		o.x.addOpen(dflt, graph.OpenRelation(phrase, pol), id, s, pos, line)
	}
	if ordered {
		o.hopDenials(rest, dflt, s, line)
	}
	return true
}

// hopDenials relates subj to each step of a chain whose aside denies
// something of it, by the denial: "`Install` (cannot run script)" of
// "Hooks: `BeforeInstall` -> `Install` (cannot run script) -> ..." is a
// step that does "not run script", as a list item with that aside is.
func (o *openReader) hopDenials(chain, subj, detail string, line int) {
	hops, _ := splitChain(strings.TrimSpace(chain))
	for _, h := range hops {
		if !strings.Contains(h, "(") {
			continue
		}
		p := o.deniedOfItem(strings.TrimSpace(h))
		if p == "" {
			continue
		}
		name := strings.Trim(strings.TrimSpace(stripParens(h)), "`*_\"'.;,")
		if id := o.itemNode(name); id != "" && id != subj {
			o.x.addOpen(subj, graph.OpenRelation(p, graph.Negative), id, detail, 0, line)
		}
	}
}

// labelHops returns the steps of a chain of names after a label (see
// chainNames), an aside that stands alone as a hop ("(task)") left out;
// nil for any other text.
func labelHops(text string) []string {
	if hops := chainNames(text, true); len(hops) >= 3 {
		return hops
	}
	return nil
}

// pluralLabel reports whether a list label ends with a plural noun
// ("Permission models", "Deployment options"): it names the kind of its
// items, not an item.
func (o *openReader) pluralLabel(label string) bool {
	f := strings.Fields(label)
	if len(f) == 0 {
		return false
	}
	last := strings.ToLower(strings.Trim(f[len(f)-1], "*_`"))
	return strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") && o.words.Lemma(last) != last
}

// dashLabel splits a list item that labels a list with a dash
// ("subscribers - SQS, HTTP(s) (with deliver retries), Lambda, email"):
// the label is a few words naming nothing, the rest a list of two or more
// names.
func (o *openReader) dashLabel(text string, long bool) (label, value string, ok bool) {
	for _, sep := range []string{" - ", " – ", " — "} {
		if label, value, ok = strings.Cut(text, sep); ok {
			break
		}
	}
	label, value = strings.TrimSpace(label), strings.TrimSpace(value)
	if !ok || label == "" || countFields(label) > 3 || strings.ContainsAny(label, ":,;") || len(o.mentions(label)) > 0 {
		return "", "", false
	}
	if len(o.listNames(value, long)) < 2 {
		return "", "", false
	}
	return label, value, true
}

// ownVerb reports whether the text after a name opens with a verb that
// makes the name its subject: a word that reads as a verb's third person
// and is no kind noun ("responds to scale-out events", not "events to
// EventBridge"), with words after it (a bare "S3 objects" is a name, and so
// is "AWS Config rules - ..." before its gloss).
func (o *openReader) ownVerb(rest string) bool {
	f := strings.Fields(rest)
	w := firstWord(rest)
	if w == "" || len(f) < 2 || !unicode.IsLetter([]rune(f[1])[0]) || len(o.lx.Kinds(w)) > 0 {
		return false // "AWS Config rules - Managed rules or ...": a name and its gloss
	}
	return o.x.verbAt(rest)
}

// conditionHead reports a list head that is a leading subordinate clause
// and nothing more ("After Lifecycle Hooks are added to the instance:",
// "When a deployment fails:"): it says when its items hold, it names no
// relation that ties them to its subject. A purpose ("To deploy to ECS:")
// heads steps, and a head with a main clause after the comma ("In case we
// have load balancer, we can have the following additional hooks:") has a
// relation of its own.
func (o *openReader) conditionHead(head string) bool {
	f := strings.Fields(strings.TrimSpace(head))
	if len(f) < 3 {
		return false
	}
	w := strings.ToLower(strings.Trim(f[0], ",:"))
	lead := o.lx.Subordinator(w) || o.lx.Subordinator(w+" "+strings.ToLower(strings.Trim(f[1], ",:")))
	if !lead || strings.Contains(head, ", ") {
		return false
	}
	low := strings.ToLower(strings.TrimSpace(head)) + " "
	return !slices.ContainsFunc(o.lx.PurposeOpeners(), func(p string) bool { return strings.HasPrefix(low, p+" ") })
}

// item relates a list item to its head's subject.
func (o *openReader) item(f *frame, text string, pos, line int) {
	if o.conditionHead(f.text) {
		return // the items' own sentences read them
	}
	if f.subject != "" && o.entityLabel(text, o.mentions(text)) && o.mentions(text)[0].id != f.subject {
		// "Lambda hooks: only BeforeAllowTraffic and AfterAllowTraffic"
		// under CodeDeploy's "Lifecycle hooks": Lambda's hooks, which the
		// line's own sentence relates; no item of the heading's subject
		return
	}
	phrase, fpol := o.phraseOf(f)
	if l := o.nameLabel(text); l != "" {
		// "CODE_DEPLOY:" over its own block under "deployment
		// controllers:": a name that heads what it nests is an item of
		// the list above it
		text = l
	}
	written := text // as the note has it, for the detail
	text = expandVariants(text)
	o.examplesItem(f, phrase, fpol, text, written, pos, line)
	if label, value, ok := o.dashLabel(text, f.long); ok {
		// "subscribers - SQS, HTTP(s), Lambda, email" under SNS: a label
		// before a dash heads the list after it, as before a colon
		text = label + ": " + value
	} else if objs := o.x.entityList(text); len(objs) >= 2 {
		// "SNS, Lambda" under "Targets": two items on one line
		for _, obj := range objs {
			if obj != f.subject {
				o.addItem(f, graph.OpenRelation(phrase, fpol), obj, f.text+" — "+text, pos, line)
			}
		}
		return
	}
	if l, r, ok := glossedValues(text); ok {
		// "periodic → every 1, 3, 6, 12 or 24 hours" under "Trigger
		// types": an arrow that glosses a name with its values labels
		// them, as a colon does
		text = l + ": " + r
	}
	if hops := stepHops(text); hops != nil {
		// "ApplicationStop -> DownloadBundle -> ..." under "EC2 in-place
		// lifecycle hooks order": the item is the list's steps, in order
		for k, h := range hops {
			if strings.EqualFold(h, f.text) {
				continue // "scale out -> Pending -> ..." in the row "Scale out"
			}
			obj := o.itemNode(h)
			if name := o.ledName(h); name != "" {
				// "implemented as SCPs" in "preventive -> implemented as
				// SCPs -> stop the action": the hop is the name its verb
				// leads to
				obj = o.itemNode(name)
			}
			if obj != "" && obj != f.subject {
				o.addItem(f, graph.OpenRelation(phrase, fpol), obj, f.text+" — "+text, pos+k, line)
			}
		}
		if f.subject != "" {
			o.hopDenials(text, f.subject, f.text+" — "+text, line)
		}
		return
	}
	parts := o.listNames(text, f.long)
	if len(parts) < 2 && f.long {
		parts = o.namePair(text) // a labelled line's "self-managed or service-managed"
	}
	if len(parts) >= 2 {
		// "Rate, burst, quota" under "Can create usage plan:": the
		// export flattened three items onto one line
		for _, p := range parts {
			if obj := o.itemNode(p); obj != "" && obj != f.subject {
				o.addItem(f, graph.OpenRelation(phrase, fpol), obj, f.text+" — "+text, pos, line)
			}
		}
		return
	}
	if label, value, ok := strings.Cut(text, ": "); ok && countFields(label) <= maxItemLabelWords {
		qs := Quantities(value)
		one := qs
		if len(one) == 0 {
			one = Numbers(value) // "100": a bare number
		}
		if len(one) == 1 && strings.TrimSpace(value) == one[0].Text && !o.valueLabel(strings.TrimSpace(label)) && len(o.mentions(label)) == 0 {
			// "default replica: 100" under "minimumHealthyPercent:": the
			// label names a property of the head, the value is its
			// value (the label is no item)
			lp := strings.TrimSpace(phrase + " " + o.words.Lemma(strings.ToLower(strings.TrimSpace(label))))
			o.addItem(f, graph.OpenRelation(lp, fpol), o.x.newNode(graph.KindValue, one[0].Text), f.text+" — "+written, pos, line)
			return
		}
		if len(qs) >= 2 && len(Numbers(value)) == len(qs) {
			// "periodic frequency: 1, 3, 6, 12 or 24 hours": the values the
			// label names, each with the unit they share
			lp := strings.TrimSpace(phrase + " " + o.words.Lemma(strings.ToLower(strings.TrimSpace(label))))
			for _, q := range qs {
				o.addItem(f, graph.OpenRelation(lp, fpol), o.x.newNode(graph.KindValue, q.Text), f.text+" — "+written, pos, line)
			}
			return
		}
		parts := o.listNames(value, f.long)
		if len(parts) < 2 {
			parts = o.namePair(value)
		}
		if len(parts) >= 2 {
			// "Linear: LambdaLinear10PercentEvery1Minute, Every2Minutes"
			// under "Predefined deployment configs": the label is an item,
			// and the names after it are items the label qualifies; a
			// plural label ("Permission models: self-managed or
			// service-managed") or one that says something of them
			// ("Phases run in order: install, ...") names what the items
			// are, and is none
			label = strings.TrimSpace(label)
			detail := f.text + " — " + written
			obj := ""
			if !o.valueLabel(label) {
				// "Solution: ...", "targets: sns / lambda": a value's
				// label says how the items relate and names none
				obj = o.itemNode(label)
			}
			// "Parameter Store: stores configuration data and secrets"
			// under Systems Manager's "Capabilities": what follows a known
			// feature of the subject is that feature's (its own reading
			// gives it), not the subject's "capability parameter store";
			// another entity qualifies the items ("ECS: BeforeInstall,
			// ..." under CodeDeploy's hooks)
			known := obj != "" && o.knownName(label) && o.x.parentOf(obj) == f.subject
			if obj != "" && obj != f.subject && (known || !o.pluralLabel(label) && !o.x.hasVerb(label)) {
				o.addItem(f, graph.OpenRelation(phrase, fpol), obj, detail, pos, line)
			}
			if known {
				return
			}
			lp := strings.TrimSpace(phrase + " " + o.words.Lemma(strings.ToLower(label)))
			for _, p := range parts {
				if obj := o.itemNode(p); obj != "" && obj != f.subject {
					o.addItem(f, graph.OpenRelation(lp, fpol), obj, detail, pos, line)
				}
			}
			return
		}
	}
	if label, value, ok := strings.Cut(text, ": "); ok && o.valueLabel(strings.TrimSpace(label)) && strings.TrimSpace(value) != "" {
		// "Solution: synchronize time": the value is the item, the label
		// says how it relates
		phrase = strings.TrimSpace(phrase + " " + o.words.Lemma(strings.ToLower(strings.TrimSpace(label))))
		text = strings.TrimSpace(value)
	}
	if ms := o.mentions(text); len(ms) > 0 && ms[0].start == 0 && !strings.HasPrefix(text[ms[0].end:], ":") && (o.x.verbAfterName(text, ms[0].end) || ms[0].id != f.subject && o.impliedVerb(text, ms) != "" || ms[0].id == f.subject && o.ownVerb(text[ms[0].end:])) {
		// "CloudWatch Events is now called Amazon EventBridge." under
		// "Names", "CodeDeploy Agent is not required" under "Deploy to
		// ECS", "Route 53 access logs only to CloudWatch logs" under
		// "AWS managed logs", "ASG responds to scale-out/scale-in events"
		// under ASG's "After Lifecycle Hooks are added to the instance:":
		// a sentence with a subject of its own (the head's subject too),
		// read as one, not an item of the head
		return
	}
	if o.verbFirst(text) && verbObjectLead(text) && o.stepName(text) == "" && !strings.Contains(phrase, graph.StepWord) && !processHead(f.text) {
		// "Generates signed URL to communicate success or failure" under
		// "Wait condition handler": a verb with no subject says what the
		// head does (its sentence reads it); it is no thing the head lists
		// (a process's steps are: "Creates a new version of the secret"
		// under "Automatically Rotating Your Secrets")
		return
	}
	if rest, ok := pronounComplement(text); ok {
		// "It is fully managed" under "Benefits of CodeBuild": the pronoun
		// stands for the head's subject, its complement is the item
		text = rest
	}
	name, no := deniedItem(text)
	if code := o.leadingCode(line, name); code != "" {
		// "`S3 bucket` (required) for configuration history" under
		// "delivery channel: where results go": the code span the item
		// opens with is its name, the rest says more of it
		name = code
	}
	obj := o.itemNode(name)
	if obj == "" {
		obj = o.kindItem(phrase, name)
	}
	if obj == "" {
		obj = o.copulaName(text)
	}
	if obj == "" || obj == f.subject {
		return
	}
	pol := fpol
	if first := firstSentence(text); no || negated(stripParens(first)) && o.deniedOfItem(text) == "" && pol == graph.Positive && o.x.dictKind(obj) != graph.KindConcept {
		// "SQS: not supported" denies the item; "DownloadBundle: downloads
		// the revision. This event can not be used to run scripts" and
		// "BlockTraffic (cannot run scripts)" deny something else of it
		// (see deniedOfItem)
		pol = graph.Negative
	}
	detail := text
	if f.text != "" && !strings.Contains(text, f.text) {
		detail = f.text + " — " + text
	}
	if n := o.x.nodes[obj]; n.Kind == graph.KindConcept && !strings.Contains(phrase, graph.StepWord) && (o.stepName(name) == n.Name || o.statesAction(name, n.Name)) {
		// "Create an IAM role that the on-prem instances will assume"
		// under "Registering on-prem servers with CodeDeploy": the items
		// are steps, and the relation says so
		phrase = strings.TrimSpace(phrase + " " + graph.StepWord)
	}
	o.addItem(f, graph.OpenRelation(phrase, pol), obj, detail, pos, line)
	if pol == graph.Positive {
		if p := o.deniedOfItem(text); p != "" {
			// "... This event can not be used to run scripts": what the
			// item cannot do relates it too ("not use run script")
			o.addItem(f, graph.OpenRelation(p, graph.Negative), obj, detail, pos, line)
		}
	}
}

// leadingCode returns the code span the list item on a line opens with,
// as the note writes it ("- `SNS topic` (optional) for ..."), when the
// item's text (code marks gone) opens with it and goes on past it; "" when
// the line opens with none, or the span is all the item says.
func (o *openReader) leadingCode(line int, text string) string {
	if line < 1 || line > len(o.x.doc.Lines) {
		return ""
	}
	raw := strings.TrimSpace(o.x.doc.Lines[line-1])
	for _, m := range []string{"- ", "* ", "• ", "+ "} {
		raw = strings.TrimSpace(strings.TrimPrefix(raw, m))
	}
	if !strings.HasPrefix(raw, "`") {
		return ""
	}
	j := strings.Index(raw[1:], "`")
	if j <= 0 {
		return ""
	}
	code := strings.TrimSpace(raw[1 : 1+j])
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text), code))
	if code == "" || !strings.HasPrefix(strings.TrimSpace(text), code) || rest == "" || strings.HasPrefix(rest, ":") {
		return ""
	}
	return code
}

// maxComplementWords bounds the complement of an item that opens with a
// pronoun and a copula ("It is fully managed").
const maxComplementWords = 5

// pronounComplement returns the complement of an item that is a pronoun,
// a copula and a short complement ("It is on-demand", "They're
// regional"), without its closing punctuation; ok is false for any other
// item.
func pronounComplement(text string) (string, bool) {
	f := strings.Fields(text)
	n := 0
	switch {
	case len(f) >= 2 && (strings.EqualFold(f[0], "it's") || strings.EqualFold(f[0], "they're")):
		n = 1
	case len(f) >= 3 && (strings.EqualFold(f[0], "it") && strings.EqualFold(f[1], "is") || strings.EqualFold(f[0], "they") && strings.EqualFold(f[1], "are")):
		n = 2
	default:
		return "", false
	}
	if len(f)-n > maxComplementWords {
		return "", false
	}
	return strings.TrimRight(strings.Join(f[n:], " "), ".;,!"), true
}

// verbObjectLead reports whether an item of three words or more opens as a
// verb and its object would ("Generates signed URL ...", "Contains policy
// documents"): a second word in lower case that is no plural and follows
// no label mark ("Insights events (unusual API activity)", "Aggregators -
// multi-account view", "Annotations: indexed" open with a noun).
func verbObjectLead(text string) bool {
	f := strings.Fields(strings.TrimLeft(text, "-•*> "))
	if len(f) < 3 || strings.ContainsAny(f[0], ":;,()") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f[1])
	return unicode.IsLower(r) && !PluralNoun(strings.Trim(f[1], ",;:()"))
}

// processHead reports whether a head names a process, a gerund among its
// first two words ("Automatically Rotating Your Secrets", "Registering
// on-prem servers"): the items under it are its steps.
func processHead(head string) bool {
	f := strings.Fields(head)
	for k := 0; k < len(f) && k < 2; k++ {
		if w := strings.ToLower(f[k]); len(w) > 5 && strings.HasSuffix(w, "ing") {
			return true
		}
	}
	return false
}

// maxItemLabelWords bounds the words of the label before an item's ": "
// that heads the names after it ("Phases run in order: install, pre_build,
// build, post_build").
const maxItemLabelWords = 5

// copulaName returns the one entity a long list item says it is ("More
// flexible way - see blog below - is CloudWatch events (now called
// EventBridge)": the item is EventBridge), "" when the item names none, or
// several, or names it other than after "is" or "are" ("service actions =
// SSM docs" defines the actions, it does not name them).
func (o *openReader) copulaName(text string) string {
	ms := o.mentions(text)
	if len(ms) == 0 || !isEntity(o.x.dictKind(ms[0].id)) {
		return ""
	}
	for _, m := range ms[1:] {
		if m.id != ms[0].id {
			return ""
		}
	}
	before := strings.Fields(text[:ms[0].start])
	if len(before) == 0 {
		return ""
	}
	switch strings.ToLower(before[len(before)-1]) {
	case "is", "are":
		return ms[0].id
	}
	return ""
}

// statesAction reports a list item read as a node named by its own first
// words that open with a verb in the third person ("Uses CloudWatch Events
// Rules under the hood" under "Send Notifications", "Creates a new version
// of the secret" under "Automatic rotation"): what the head's subject does,
// a step, no thing it relates to.
func (o *openReader) statesAction(text, name string) bool {
	f := strings.Fields(name)
	if len(f) < 2 || !strings.HasPrefix(strings.TrimSpace(text), f[0]) {
		return false
	}
	w := strings.ToLower(f[0])
	v := o.words.Lemma(w)
	return thirdPerson(w, v) && (o.lx.ImperativeVerb(v) || o.lx.HeadVerb(w))
}

// deniedOfItem returns the relation phrase of what a list item's aside or
// later sentence denies of the item ("BlockTraffic (cannot run scripts)";
// "DownloadBundle: downloads the revision. This event is reserved for the
// agent and can not be used to run scripts" → "can to run script"): the
// aside, else the clause of the first negated sentence after the first
// that holds the negation, when that sentence speaks of the item ("this",
// "it", or no subject of its own); "" otherwise.
func (o *openReader) deniedOfItem(text string) string {
	// denied is the phrase of what a text denies, "" when it denies nothing
	denied := func(t string) string {
		p, pol := o.phrase(t)
		if pol != graph.Negative || p == "" {
			return ""
		}
		return o.deniedPhrase(p)
	}
	ss := sentences(text)
	if len(ss) > 0 {
		// "AllowTraffic: cannot run scripts": a description that denies
		// what it names, not the item ("SQS: not supported" denies the item)
		if _, desc, ok := strings.Cut(stripParens(ss[0]), ": "); ok && negated(desc) {
			// of a list of clauses, the one that denies: "simple: one
			// record, IPs in random order, NO hc support" denies hc
			// support only; a denial after "or" ("add a Default record
			// or users not matched get no answer") is a condition's, and
			// denies nothing of the item
			if cs := strings.Split(desc, ", "); len(cs) > 1 {
				desc = ""
				for _, c := range cs {
					if negated(c) {
						if !o.conditionBeforeDenial(c) {
							desc = c
						}
						break
					}
				}
			}
			if p := denied(desc); desc != "" && p != "" && !o.onlyLightWords(p) {
				return p
			}
		}
		// "BlockTraffic (cannot run scripts)": an aside that denies
		if i, j := strings.IndexByte(ss[0], '('), strings.LastIndexByte(ss[0], ')'); i >= 0 && j > i && negated(ss[0][i+1:j]) && !negated(stripParens(ss[0])) {
			if p := denied(ss[0][i+1 : j]); p != "" {
				return p
			}
		}
	}
	for _, s := range ss[min(1, len(ss)):] {
		if !negated(s) {
			continue
		}
		// a sentence of the item's own: "This event ...", "It ...", "Can
		// not be ...", not one with a subject of its own
		if w := strings.ToLower(firstWord(s)); !opensWithPronoun(s) && !o.lx.QuestionSurface("determiner", w) && !o.lx.isAux(w) && !o.lx.IsNegation(w) {
			return ""
		}
		for _, c := range strings.Split(s, " and ") {
			if negated(c) {
				return denied(c)
			}
		}
		return ""
	}
	return ""
}

// onlyLightWords reports whether a relation phrase says no more than that
// something is there ("supported", "available", "allowed"): the lexicon's
// light verbs and availability words.
func (o *openReader) onlyLightWords(p string) bool {
	for _, w := range strings.Fields(p) {
		if !o.lx.QuestionWord("light", w) && !o.lx.QuestionWord("available", w) {
			return false
		}
	}
	return true
}

// deniedPhrase drops the auxiliaries of what an item cannot do, and a "to"
// right after one ("can to run script" → "run script"): "cannot run
// scripts" and "can not be used to run scripts" deny the one thing.
func (o *openReader) deniedPhrase(p string) string {
	var out []string
	aux := false
	for _, w := range strings.Fields(p) {
		switch {
		case o.lx.isAux(w):
			aux = true
		case aux && w == "to":
			aux = false
		default:
			aux = false
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return p
	}
	return strings.Join(out, " ")
}

// kindItem names an item under a head that says what kind of thing its
// items are ("Events:" over "push to existing branch", "create branch or
// tag"): a short item is a name there though it opens with a verb. It
// returns "" for any other head or item.
func (o *openReader) kindItem(phrase, name string) string {
	ws := strings.Fields(phrase)
	if len(ws) == 0 || len(ws) > 2 || len(o.lx.Kinds(ws[len(ws)-1])) == 0 {
		return ""
	}
	// a few lower-case words, as event and state names are written
	// ("Usually on the local filesystem" is a remark, "AWS CodeDeploy ->
	// EC2 instance" a chain)
	name = cleanName(name)
	f := strings.Fields(name)
	if len(f) < 2 || len(f) > 4 || strings.ToLower(name) != name || strings.ContainsAny(name, ",;:()/>") || slices.ContainsFunc(f, o.lx.isAux) {
		return ""
	}
	return o.x.newNode(graph.KindConcept, name)
}

// addItem relates a head's item: subject → item, or item → subject for a
// head that asks for subjects.
func (o *openReader) addItem(f *frame, pred, obj, detail string, pos, line int) {
	if f.inverse {
		o.x.addOpen(obj, pred, f.subject, detail, pos, line)
		return
	}
	o.x.addOpen(f.subject, pred, obj, detail, pos, line)
}

// nameList returns the parts of an item that is a list of short names
// with no verb ("Rate, burst, quota"): split at commas (and a last "and" or
// "or"), each at most three words; nil for any other item. A long list
// (long) may have more words than a verbless fragment has: then each part
// is checked for a verb, not the whole. A name's own words are no verb
// ("Parameter Store").
// minNamesBesidePhrase is how many names a list must hold for one item of
// more words than a name to be dropped rather than end the list.
const minNamesBesidePhrase = 4

func (o *openReader) nameList(text string, long bool) []string {
	t := strings.TrimRight(strings.TrimSpace(text), ".;")
	if strings.Contains(t, " | ") && !slices.ContainsFunc(strings.Split(t, " | "), func(p string) bool { return strings.ContainsAny(strings.TrimSpace(p), " ,") }) {
		t = strings.ReplaceAll(t, " | ", ", ") // "ROLLBACK | DELETE | DO_NOTHING": one-word alternatives
	}
	if strings.Contains(t, "; ") && !strings.Contains(t, ",") && !slices.ContainsFunc(strings.Split(t, "; "), func(p string) bool {
		p = strings.TrimSpace(p)
		return p == "" || countFields(p) > 3 || countFields(p) > 1 && (o.x.hasVerb(p) || negated(p) || deniesName(p))
	}) {
		// "Stopped; Running; Hibernated" in a sheet's cell: short names a
		// semicolon parts, as a comma does
		t = strings.ReplaceAll(t, "; ", ", ")
	}
	if strings.Count(t, "(") == 1 && strings.Count(t, ")") == 1 && !strings.Contains(t[strings.IndexByte(t, '('):], ",") {
		// "EBS volume (AWS::EC2::Volume), RDS DB instance, ...": an
		// aside on one name, no part of the list
		t = strings.TrimSpace(stripParens(t))
	}
	if !strings.Contains(t, ", ") || strings.ContainsAny(t, "()") || strings.Contains(t, ": ") || strings.HasSuffix(t, ":") {
		// a colon inside a token names a thing ("AWS::Region"), one
		// before a space labels a value
		return nil
	}
	items := figureRunLead(t, listAt(t, 0, len(t)))
	phrase := func(it listItem) bool { return countFields(it.text) > 3 && !o.knownName(it.text) }
	if k := slices.IndexFunc(items, phrase); k >= 0 && len(items)-1 >= minNamesBesidePhrase && !slices.ContainsFunc(items[k+1:], phrase) {
		// "targets: ELB, CloudFront, S3 website endpoint, ..., another
		// record in the same hosted zone": one phrase among many names is
		// no name, and the rest are still a list
		t = strings.TrimRight(t[:items[k].start]+t[items[k].end:], ", ")
		items = listAt(t, 0, len(t))
	}
	itemVerb := len(items) < 3 || slices.ContainsFunc(items, func(it listItem) bool { return o.x.hasVerb(it.text) || strings.Contains(it.text, ". ") })
	if !long && itemVerb && o.hasVerbOutsideNames(t) && slices.ContainsFunc(items, func(it listItem) bool { return countFields(it.text) > 1 }) {
		// a clause, not a list of names; but a list of single words is
		// one of names, verbs or not ("install, pre_build, build,
		// post_build"), and so is one of three or more short items none
		// of which holds a verb ("EBS volume, RDS DB instance, RDS DB
		// cluster, ElastiCache cluster / replication group"), however
		// many words they hold together
		return nil
	}
	var out []string
	for _, it := range items {
		words := countFields(it.text)
		if a, b, ok := strings.Cut(it.text, " / "); ok {
			// "ElastiCache cluster / replication group": two names of one thing
			words = max(countFields(a), countFields(b))
		}
		if words > 3 && !o.knownName(it.text) || long && countFields(it.text) > 1 && (o.verbFirst(it.text) || countFields(it.text) > 2 && o.hasVerbOutsideNames(it.text)) {
			// (one word is a name in a list: "install, pre_build, build";
			// so are two that open with no verb: "tag update"; and a name
			// the dictionary knows, however long: "Amazon Kinesis Data
			// Streams")
			return nil
		}
		out = append(out, it.text)
	}
	return completeElided(out)
}

// deniesName reports whether a text opens with "not" or "no": "not
// CloudWatch Logs" of "S3 only; not CloudWatch Logs" denies a name, and
// lists none.
func deniesName(t string) bool {
	w := firstWord(t)
	return w == "not" || w == "no"
}

// dateComma reports whether the comma at s[i] is inside a date written
// with one ("March 25, 2025"): the two words before it and the one after
// it are a date.
func dateComma(s string, i int) bool {
	// a day's figure before it and a year's after it, read before the
	// words are: most commas split lists
	if s[i] != ',' || i == 0 || i+2 >= len(s) || !isDigit(s[i-1]) || s[i+1] != ' ' || !isDigit(s[i+2]) {
		return false
	}
	before := strings.Fields(s[max(0, i-maxDateBytes):i])
	after := strings.Fields(s[i+1 : min(len(s), i+1+maxDateBytes)])
	if len(before) < 2 || len(after) < 1 {
		return false
	}
	return writtenDate(before[len(before)-2] + " " + before[len(before)-1] + ", " + strings.TrimRight(after[0], ",;.)"))
}

// maxDateBytes bounds the text either side of a comma dateComma reads.
const maxDateBytes = 16

// isDigit reports an ASCII digit.
func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// dateLayouts are the layouts of the dates a note writes with a comma, in
// Go's time notation.
var dateLayouts = []string{"January 2, 2006", "Jan 2, 2006"}

// writtenDate reports whether a text is one date written with a comma
// ("March 25, 2025").
func writtenDate(t string) bool {
	for _, l := range dateLayouts {
		if _, err := time.Parse(l, strings.TrimSpace(t)); err == nil {
			return true
		}
	}
	return false
}

// codeNumberRe matches a bare number of three digits or more: a code or
// a port ("503", "443") a list item names by itself (a one- or two-digit
// number there counts something a unit after the list names).
var codeNumberRe = lazyRE(`^[0-9]{3,}$`)

// minFigureRun is the fewest figures a list ends with for figureRunLead to
// read the words before its first as a lead.
const minFigureRun = 3

// figureRunLead trims the words that lead a run of figures at a list's end
// off its first figure: in "primary + secondary origin, failover on 500,
// 502, 503, 504" the codes are "500" to "504", "failover on" says what they
// do. The items are those of t (see listAt); unchanged when the list ends
// with fewer than minFigureRun bare figures or its first figure stands
// alone.
func figureRunLead(t string, items []listItem) []listItem {
	bare := func(it listItem) bool {
		f := strings.Fields(it.text)
		return len(f) == 1 && unicode.IsDigit(rune(f[0][0]))
	}
	k := len(items)
	for k > 0 && bare(items[k-1]) {
		k--
	}
	if k == 0 || len(items)-k+1 < minFigureRun {
		return items
	}
	f := strings.Fields(items[k-1].text)
	last := f[len(f)-1]
	if len(f) < 2 || !unicode.IsDigit(rune(last[0])) {
		return items
	}
	out := slices.Clone(items)
	at := items[k-1].end - len(last)
	out[k-1] = listItem{text: t[at:items[k-1].end], start: at, end: items[k-1].end}
	return out
}

// completeElided writes out the identifiers of a list that leave out the
// first one's leading words: "LambdaCanary10Percent5Minutes,
// 10Percent10Minutes" → "LambdaCanary10Percent10Minutes" (the tail starts
// with a word of the first identifier and, completed, has as many words).
// It returns a new slice; names that elide nothing stay as they are.
func completeElided(names []string) []string {
	if len(names) < 2 || strings.ContainsAny(names[0], " \t") {
		return names
	}
	first := wordParts(names[0], true)
	if len(first) < 3 {
		return names
	}
	out := make([]string, len(names))
	out[0] = names[0]
	for i, n := range names[1:] {
		out[i+1] = n
		w := wordParts(n, true)
		if len(w) == 0 || len(w) >= len(first) || strings.ContainsAny(n, " \t") {
			continue
		}
		for k := 1; k < len(first); k++ {
			if first[k] == w[0] && k+len(w) == len(first) {
				out[i+1] = strings.Join(first[:k], "") + n
				break
			}
		}
	}
	return out
}

// itemNode names a list item: the entity it is, a quantity, or a concept
// named by its leading words ("Regional - deployed to one region" →
// "Regional"); "" when the item is a sentence, not a name.
func (o *openReader) itemNode(text string) string {
	if id, ok := o.x.byName[o.x.slug(cleanName(text))]; ok && countFields(text) <= maxGivenNameWords && !strings.ContainsAny(text, ">→") && !o.knownName(text) {
		// a name the note already gave a node of its own ("CloudFront
		// Access Logs", "Route 53 Access Logs" in a table of logs) is
		// that node, not the service it opens with or a count
		o.x.spelling(id, cleanName(text))
		return id
	}
	if code := o.placedCode(text); code != "" {
		text = code
	}
	name := openItemName(text, o.lx)
	if name != "" && len(name) < len(text) && text[len(name)] == ' ' && strings.HasPrefix(text, name) {
		// "CloudWatch Logs": a known name goes on past the identifier
		// ("CloudWatch") it opens with
		if ms := o.mentions(text); len(ms) > 0 && ms[0].start == 0 && ms[0].end > len(name) && isEntity(o.x.dictKind(ms[0].id)) {
			name = text[:ms[0].end]
		}
	}
	if name == "" || countFields(name) > maxStepWords {
		if step := o.stepName(text); step != "" {
			// a step is named by what it does: its verb and object
			return o.x.newNode(graph.KindConcept, step)
		}
	}
	if name == "" {
		return ""
	}
	// A name the dictionary knows is a name whatever its words ("Amazon
	// EFS" opens with a word nameLike counts as a function word).
	if id, ok := o.x.exact(name); ok {
		if k := o.x.dictKind(id); k != graph.KindPath && k != graph.KindLevel {
			o.x.node(id)
			return id
		}
	}
	if !strings.ContainsAny(name[:1], "<>≤≥~") {
		// "60s", "15d": a value, though no word of it is a name's; "455
		// days (15 months)": the value, its aside another spelling ("<60s"
		// is a bound, not the value)
		for _, n := range []string{name, stripParens(name)} {
			if q, ok := o.x.parseQuantity(n); ok {
				return o.x.newNode(graph.KindValue, q.Text)
			}
		}
		if codeNumberRe.MatchString(name) {
			// "500, 502, 503" after "failover on": codes, a value each
			return o.x.newNode(graph.KindValue, name)
		}
	}
	if ms := o.mentions(stripParens(name)); len(ms) == 1 {
		// "blue/green deployment", "the Amazon S3 service", "AWS
		// CloudTrail logs": a name plus words that only say what kind of
		// thing it is
		bare := stripParens(name)
		rest := bare[:ms[0].start] + " " + bare[ms[0].end:]
		if o.onlyKindWords(rest) {
			return ms[0].id
		}
	}
	if !o.nameLike(name) {
		return ""
	}
	return o.x.newNode(graph.KindConcept, name)
}

// boundedAt reports whether the word right before quantity q in text makes
// it a bound, not the value ("Under 60 seconds", "less than 1 minute", "up
// to 5"; see boundWords).
func boundedAt(text string, q Quantity) bool {
	before := strings.Fields(strings.ToLower(text[:min(q.Start, len(text))]))
	return len(before) > 0 && boundWords[before[len(before)-1]]
}

// knownName reports whether the dictionary knows a text as a name.
func (o *openReader) knownName(text string) bool {
	_, ok := o.x.exact(cleanName(text))
	return ok
}

// maxGivenNameWords bounds the words of an item itemNode reads as a name
// the note already gave a node (a name, not a sentence or a chain).
const maxGivenNameWords = 4

// maxStepWords bounds the words of a step's name (see stepName).
const maxStepWords = 5

// stepName names a list item that is a step, an imperative sentence, by its
// verb and object, up to the first word that closes a list (a relative
// word, preposition or subordinator): "Create an IAM role that the on-prem
// instances will assume" → "Create an IAM role", "Install CodeDeploy agent
// on the on-prem servers" → "Install CodeDeploy agent"; "" for any other
// item.
func (o *openReader) stepName(text string) string {
	f := strings.Fields(strings.TrimSpace(text))
	if len(f) < 3 || !o.lx.ImperativeVerb(f[0]) || strings.HasSuffix(strings.ToLower(f[0]), "s") {
		return "" // "Allows traffic ...": a statement, not a step
	}
	if ms := o.mentions(text); len(ms) > 0 && ms[0].start == 0 {
		return "" // "Route 53 has ...": a name, not a verb
	}
	k := 1
	for ; k < len(f) && k <= maxStepWords; k++ {
		w := strings.ToLower(strings.Trim(f[k], ",;:()"))
		if k >= 2 && (o.lx.ListCloser(w) || strings.ContainsAny(f[k-1], ",;:") || strings.HasPrefix(f[k], "(")) {
			break // "Pick target (many different types, ...)": an aside ends it too
		}
	}
	if k > maxStepWords || k < 2 {
		return ""
	}
	obj := strings.ToLower(strings.Trim(f[1], ",;:()"))
	last := strings.ToLower(strings.Trim(f[k-1], ",;:()"))
	if o.lx.ListCloser(obj) || o.lx.IsStop(last) {
		return "" // "Use to retrieve ...", "Define a ...": no object named
	}
	return cleanName(strings.Join(f[:k], " "))
}

// openItemName picks the name of a list item: the words before ": " or
// " - " when they are few, else the whole item when it is short, else the
// first clause when it is short; "" otherwise.
func openItemName(text string, lx *Lexicon) string {
	t := strings.TrimSpace(text)
	if strings.HasSuffix(t, ":") {
		return "" // "Example:": a label over what follows, not an item
	}
	t = strings.TrimRight(t, ".;,")
	if lx.ClauseItem(t) {
		return "" // "There's no additional charge", "Cannot add default values to fields": a clause, no name
	}
	if cmd := commandName(t); cmd != "" {
		// "git clone git_repo_url --mirror to create bare repo": the
		// command names the step
		return cmd
	}
	t = trimArticle(t)
	if m := codeNameRe.FindString(t); m != "" && (len(m) == len(t) || strings.ContainsAny(t[len(m):len(m)+1], " :(") && !englishCompound(m, lx) && !valueAfter(t[len(m):])) {
		// "cfn-init: ..." names a script; "built-in targets like ..." opens
		// with an English compound, no identifier
		return m
	}
	if called, ok := scenarioCall(t); ok {
		return called
	}
	if _, rest, ok := strings.Cut(t, ": "); ok {
		if _, hops, chain := LineItems(rest, nil); chain && len(hops) >= 3 {
			// "Typical layout: team repos > shared repo > npm-store
			// repo": a label over a chain, which its hops read; no item
			return ""
		}
	}
	if name, ok := glossedItemName(t); ok {
		// "**ECR container images** → enhanced scanning on push": one
		// arrow after a short name glosses it
		return cleanName(dropAside(name, lx))
	}
	// the first separator the item writes ("**task execution role** = ECS
	// agent: pull from ECR" is named before its " = "; "aws:approve
	// pause until a human approves": a column's gap)
	best := -1
	for _, sep := range []string{": ", " - ", " – ", " — ", " = ", "   "} {
		i := strings.Index(t, sep)
		if i <= 0 || best >= 0 && i >= best {
			continue
		}
		if sep == "   " {
			if loc := arrowRe.FindStringIndex(t[i:]); loc != nil && loc[0] == 0 {
				continue // "1 min     -> 15 days": the gap lines up an arrow, which pairs the two
			}
		}
		best = i
	}
	if best > 0 && countFields(t[:best]) <= 6 {
		if lx.IsLeadingSkip(strings.TrimSpace(t[:best])) && strings.HasPrefix(t[best:], ": ") {
			// "However: it does involve making an API call": a sentence, no
			// name ("Next – state to transition to" glosses a field)
			return ""
		}
		return cleanName(dropAside(t[:best], lx))
	}
	t = dropAside(t, lx)
	for _, opener := range []string{" like ", " such as ", " e.g. ", " including "} {
		// "built-in targets like CloudWatch alarm actions": the examples
		// are no part of the name
		if i := strings.Index(t, opener); i > 0 {
			t = t[:i]
		}
	}
	for _, rel := range []string{" that ", " which ", " who "} {
		// "custom build action that builds or transforms the items": the
		// noun before a relative clause, whose verb agrees with it, names
		// the item (a step, "Create an IAM role that ...", is named by
		// stepName)
		if i := strings.Index(t, rel); i > 0 && countFields(t[:i]) <= maxItemNameWords && !lx.ImperativeVerb(firstWord(t)) && strings.HasSuffix(firstWord(t[i+len(rel):]), "s") {
			return cleanName(t[:i])
		}
	}
	if n := countFields(t); n > 0 && n <= maxItemWords {
		return cleanName(t)
	}
	if i := clauseBreak(t); i > 0 && countFields(t[:i]) <= 6 {
		if lx.IsLeadingSkip(strings.TrimSpace(t[:i])) {
			return "" // "However, scaling actions ...": a sentence, no name
		}
		return cleanName(t[:i])
	}
	return ""
}

// maxGlossedNameWords is the most words a name one arrow glosses holds.
const maxGlossedNameWords = 4

// glossedItemName returns the words before the one chain arrow of an item
// that names a thing and glosses it ("Lambda functions → standard scan
// (package deps) + code scanning"): at most maxGlossedNameWords words,
// with no separator of their own and no number first ("1 min -> 15 days"
// pairs two values); ok is false for an item with no arrow, or more than
// one (a chain, whose hops read it).
func glossedItemName(t string) (string, bool) {
	name, _, ok := singleArrow(t)
	if !ok || name == "" || startsDigit(name) || countFields(name) > maxGlossedNameWords || strings.ContainsAny(name, ":,;=") {
		return "", false
	}
	return name, true
}

// englishCompound reports whether a hyphenated lower-case word is made of
// English words ("built-in", "long-term"), not an identifier ("cfn-init",
// "cfn-signal"): each part a dictionary word or a preposition.
func englishCompound(w string, lx *Lexicon) bool {
	parts := strings.Split(w, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if p == "" || strings.ToLower(p) != p || !IsEnglishWord(p) && !lx.IsPreposition(p) {
			return false
		}
	}
	return true
}

// dropAside removes a closing parenthetical that is an aside, not part of
// the name: examples ("policy findings (bucket made public, encryption
// disabled, ...)") or a clause ("sensitive data findings (object contains
// PII)"), a note on an identifier ("QUEUED (V2 only)") or one that
// restricts the name ("Install (agent only)"); a short qualifier stays
// ("Auto-healing (implicit)").
func dropAside(t string, lx *Lexicon) string {
	if !strings.HasSuffix(t, ")") {
		return t
	}
	i := strings.LastIndex(t, " (")
	if i <= 0 {
		return t
	}
	aside := t[i+2 : len(t)-1]
	if strings.Contains(aside, ",") || len(strings.Fields(aside)) >= 3 || isIdentifier(strings.TrimSpace(t[:i])) || isUpperToken(strings.TrimSpace(t[:i])) ||
		restrictingAside(aside, lx) {
		// an identifier's aside is a note on it: "QUEUED (V2 only)"; so is
		// one that restricts what it names: "Install (agent only)"
		return strings.TrimSpace(t[:i])
	}
	return t
}

// restrictingAside reports whether an aside of two words or more ends with a
// word that makes what it says exclusive (lexicon exclusive: "agent only").
func restrictingAside(aside string, lx *Lexicon) bool {
	f := strings.Fields(aside)
	return len(f) > 1 && lx.IsExclusive(strings.ToLower(f[len(f)-1]))
}

// isUpperToken reports one word in capitals, digits and underscores of at
// least three letters: "QUEUED", "KEYS_ONLY".
func isUpperToken(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r >= '0' && r <= '9', r == '_':
		default:
			return false
		}
	}
	return letters >= 3
}

// sentence records a sentence and reads its open relations: subject, verb
// phrase and objects (entities, inline list items, quantities).
func (o *openReader) sentence(s string, line int, dflt string) {
	if o.labelList(s, line, dflt) {
		return
	}
	if left, right, ok := glossArrow(o.lx, s, o.x.doc.LineText(line)); ok && !o.glossing {
		// "task execution role → pull image from ECR, send logs to
		// CloudWatch Logs": what the arrow's left names does what the
		// verb phrases after it say
		o.statement(s, line, dflt)
		if subj := o.itemNode(cleanName(left)); subj != "" {
			saved, savedTopic := o.noStatement, o.topic
			o.noStatement, o.glossing, o.topic = true, true, subj
			for _, part := range splitListSpans(strings.TrimRight(right, ".")) {
				o.sentence(strings.TrimSpace(part.text), line, subj)
			}
			o.noStatement, o.glossing, o.topic = saved, false, savedTopic
		}
		return
	}
	if label, rest, ok := o.verbGloss(s); ok && !o.glossing {
		// "Calculated health check: combines up to 256 child health
		// checks": what the label names does what the verb after the
		// colon says
		if subj := o.itemNode(label); subj != "" && subj != dflt {
			o.statement(s, line, dflt)
			saved, savedTopic := o.noStatement, o.topic
			o.noStatement, o.glossing, o.topic = true, true, subj
			o.sentence(rest, line, subj)
			o.noStatement, o.glossing, o.topic = saved, false, savedTopic
			return
		}
	}
	if strings.Contains(s, " > ") || strings.Contains(s, "->") || strings.Contains(s, "→") {
		o.statement(s, line, dflt)
		// a chain of hops: the typed chain reader reads it as a path; a
		// hop that is a clause of its own ("Approval times out after 7
		// days → action fails") states what it says as well
		if o.noStatement {
			return // a hop that is itself a chain (an arrow in brackets): read once
		}
		hops, _ := splitChain(s)
		for _, part := range hops {
			if part = strings.TrimSpace(part); countFields(part) >= minClauseWords {
				o.clauseOfChain(part, line, dflt)
			}
		}
		return
	}
	ms := o.mentions(s)
	if t := strings.TrimSpace(s); !strings.ContainsAny(t, " \t") && !(len(ms) == 1 && ms[0].start == 0 && ms[0].end == len(t)) {
		// "/var/log/docker": one token names one thing; the words inside
		// it state no relation ("var log" of Docker)
		o.statement(s, line, dflt)
		return
	}
	if lead, rest, ok := strings.Cut(s, ": "); ok && len(ms) > 0 && ms[0].start > len(lead) && countFields(lead) <= maxLeadInWords && o.hasVerbOutsideNames(rest) && len(o.mentions(rest)) > 0 {
		// "A few limits that bit us: an SCP document can be at most 5,120
		// characters": the lead-in labels a sentence of its own
		if rs := o.mentions(rest); leadingWords(rest, rs[0].start) <= 2 {
			o.sentence(strings.TrimSpace(rest), line, dflt)
			return
		}
	}
	subj, verbStart, own := "", 0, true
	var coSubjects []string // the names coordinated with subj ("S3, Kinesis Data Streams and DynamoDB use ...")
	labelPhrase := ""       // the relation a label names ("Targets of a subscription filter: ...")
	if t := o.topicTerm; t != "" && dflt == o.topic && strings.HasPrefix(s, t) {
		// "AWS::CloudFormation::Init - Metadata key that ...": the entry's
		// term opens it, its definition follows
		for len(ms) > 0 && ms[0].start < len(t) {
			ms = ms[1:]
		}
		verbStart = len(t)
	}
	// "SNS Notification and CloudWatch events with results" under AWS
	// Config names no verb: a phrase of the section's subject; but
	// "Provisioned concurrency = pre-initialised environments ..." defines
	// the name it opens with
	defines := len(ms) > 0 && ms[0].start == 0 && strings.HasPrefix(strings.TrimSpace(s[ms[0].end:]), "= ")
	verbless := dflt != "" && len(ms) > 0 && ms[0].id != dflt && !o.hasVerbOutsideNames(s) && !defines && !o.entityLabel(s, ms)
	implied := o.impliedVerb(s, ms) // "Route 53 access logs only to CloudWatch logs"
	topicVerb := false
	if w := firstWord(s); dflt != "" && dflt == o.topic && (len(ms) == 0 || ms[0].start > 0) && (thirdPerson(w, o.words.Lemma(w)) || o.x.knownVerb(w) || o.participleLead(s) || o.glossing && o.lx.LeadingVerb(s, len(s))) {
		// "needs Business, Enterprise On-Ramp or Enterprise Support plan"
		// in the AWS Health API's entry: the verb's subject is the term
		subj, topicVerb = dflt, true
	} else if implied != "" {
		// "Route 53 access logs only to CloudWatch logs": the name that
		// opens a verbless line sends to the one after the preposition
		subj, verbStart = ms[0].id, ms[0].end
		ms = ms[1:]
	} else if np, ok := o.labelOfEntity(s, ms, dflt); ok {
		// "Real-time delivery targets for a subscription filter: Kinesis
		// Data Streams, ...": the label's noun is the relation of the
		// entity it is of to the items after the colon
		subj, verbStart, labelPhrase = ms[0].id, ms[0].end, np
		ms = ms[1:]
	} else if dflt != "" && len(ms) > 0 && ms[0].id != dflt && leadingWords(s, ms[0].start) == 1 && o.thirdPersonLead(s) {
		// "Outputs CloudWatch metrics such as SystemErrors, ...": a verb
		// opens it, the name after the verb is its object; the section's
		// subject speaks, as in "Pulls three log types (...)"
		subj = dflt
	} else if len(ms) > 0 && isEntity(o.x.dictKind(ms[0].id)) && leadingWords(s, ms[0].start) <= 2 && !o.lx.LeadingVerb(s, ms[0].start) && !verbless {
		subj, verbStart = ms[0].id, ms[0].end
		opens := leadingWords(s, ms[0].start) == 0
		ms = ms[1:]
		if end := o.nameTail(s, verbStart, ms); end > verbStart && opens {
			// "CodeGuru Reviewer Secrets Detector is an automated tool
			// ...": the capitalised words that go on past the known name
			// before the verb name a part of it, which the sentence is
			// about
			name := strings.TrimSpace(s[:end])
			part := o.x.newNode(graph.KindFeature, name) // (the known name, or named as written: it opens with the service's own name)
			o.x.add(subj, graph.PredFeature, part, name, 0, line)
			subj, verbStart = part, end
			for len(ms) > 0 && ms[0].start < end {
				ms = ms[1:]
			}
		}
		if n, end := o.subjectRun(s, verbStart, ms); n > 0 {
			// "S3, Kinesis Data Streams and DynamoDB use Lambda functions
			// as event handlers": each name of the run says it
			for _, m := range ms[:n] {
				coSubjects = append(coSubjects, m.id)
			}
			verbStart, ms = end, ms[n:]
		}
	} else if end := o.strategySubject(s, ms); end > 0 {
		// "Immutable launches a new set of instances ...", "Immutable
		// deployments can prevent issues ...": a strategy that opens the
		// sentence before its verb does what the verb says
		subj, verbStart = ms[0].id, end
		ms = ms[1:]
	} else if np := o.partBefore(s, ms); np != "" {
		// "Parameter masking in CodeBuild redacts environment variables
		// ...": the thing named before "in <entity>" does what the verb
		// says, a part of the entity
		subj, verbStart = o.x.newNode(graph.KindConcept, np), ms[0].end
		ms = ms[1:]
	} else if len(ms) > 0 && ms[0].id == dflt && o.x.verbAfter(s, ms[0].end) && !verbless {
		// "KEY IDEA Under the covers, a DynamoDB Streams is a Kinesis
		// Stream - ..." under "DynamoDB Streams": the section's subject,
		// named after a lead-in and followed by its verb
		subj, verbStart = dflt, ms[0].end
		ms = ms[1:]
	} else if verbless {
		// "SNS Notification and CloudWatch events with results" under AWS
		// Config: a verbless phrase of the section's subject
		subj = dflt
	} else if o.last != "" && opensWithPronoun(o.lx.SkipLeading(s)) {
		subj = o.last
		verbStart = strings.IndexByte(s, ' ') + 1
	} else if np, end := o.nounSubject(s, ms); np != "" && (!isEntity(o.x.dictKind(dflt)) || isCodeToken(np)) {
		// "Health checkers cannot reach private resources" where no
		// section names a subject, "States.ALL does not catch ...": the
		// noun phrase before the verb is its subject, a thing of the
		// note's own (under a section whose subject is an entity, a
		// service or a thing the note named, a phrase of plain words says
		// what that subject does: "approval action times out after 7
		// days" under CodePipeline reads as CodePipeline's)
		subj, verbStart = o.x.newNode(graph.KindConcept, np), end
		for len(ms) > 0 && ms[0].start < end {
			ms = ms[1:]
		}
	} else if dflt != "" && dflt == o.topic {
		subj = dflt // a glossary entry's sentence: about the term it defines
	} else if id, end := o.givenNameLead(s); id != "" && (len(ms) == 0 || ms[0].start >= end) {
		// "Geolocation routing lets you choose ..." after the item
		// "Geolocation": a name the note gave a node opens the sentence
		subj, verbStart = id, end
	} else {
		subj, own = dflt, false
	}
	o.statement(s, line, subj)
	if o.countedLimit(s, line, subj) {
		return // "max 2 subscription filters per log group": the count's thing is the subject
	}
	if subj == "" || !own && !o.ownSubject(s, ms) {
		// a sentence that names no subject of its own ("Can be triggered by
		// ..."): the section's subject is a guess, good for evidence, not
		// for a fact
		return
	}
	o.last = subj
	o.lastGen++
	if cut, vps := o.coordinatedVerbs(s, verbStart); cut > 0 {
		// "Amazon Inspector scans EC2 instances and reports findings to
		// Security Hub": the subject does what each verb phrase says,
		// each with its own objects
		saved, savedTopic, savedGloss := o.noStatement, o.topic, o.glossing
		o.noStatement, o.glossing, o.topic = true, true, subj
		for _, vp := range vps {
			o.sentence(vp, line, subj)
		}
		o.noStatement, o.glossing, o.topic = saved, savedGloss, savedTopic
		o.last = subj
		s = s[:cut]
		ms = slices.DeleteFunc(ms, func(m mention) bool { return m.end > cut })
	}
	full := s
	if k := o.lx.PurposeCut(s); k > verbStart {
		// "can be enabled on a VPC, subnet or ENI so that network traffic
		// can be logged to CloudWatch Logs": what the purpose clause names
		// is no object of the verb
		s = s[:k]
		ms = slices.DeleteFunc(ms, func(m mention) bool { return m.end > k })
	}
	// the objects: names after the verb, items of an inline list, quantities
	type obj struct {
		id         string
		start, end int
	}
	var objs []obj
	listStart, items := inlineList(s, verbStart)
	verbListed := false // the list (or bare noun phrase) is the object right after the verb
	if len(items) > 0 {
		// "Lambda hooks: only BeforeAllowTraffic and AfterAllowTraffic":
		// the word that makes the list exclusive is the relation's, no
		// word of its first item
		if w := firstWord(items[0].text); o.lx.IsExclusive(w) && len(items[0].text) > len(w)+1 {
			items[0].text = strings.TrimSpace(items[0].text[len(w):])
			items[0].start = strings.Index(s[items[0].start:], items[0].text) + items[0].start
			listStart = items[0].start
		}
	}
	if listStart > 0 && s[listStart-1] == '(' && countsOtherThan(s[verbStart:listStart-1], len(items)) {
		// "external connection: only 1 per repo (npmjs, pypi, maven
		// central ...)": the aside names examples of what the count
		// counts, not its objects (as "three log types (CloudTrail, VPC
		// flow, DNS)" does)
		listStart, items = -1, nil
	}
	if listStart < 0 && !own && o.verbFirst(s) {
		listStart, items = o.verbList(s)
	}
	if listStart < 0 && own && verbStart > 0 && !slices.ContainsFunc(ms, func(m mention) bool { return m.start >= verbStart && m.id != subj }) {
		// "ECS has BeforeInstall, AfterInstall, AfterAllowTestTraffic":
		// the list right after the verb is its object, though it names
		// nothing the dictionary knows
		listStart, items = o.verbObjectList(s, verbStart)
		verbListed = listStart >= 0
	}
	if listStart < 0 && topicVerb {
		// the names after the term's verb: "needs Business, Enterprise
		// On-Ramp or Enterprise Support plan"
		at := strings.IndexByte(s, ' ') + 1
		if w := firstWord(s[at:]); isArticle(w) {
			at = min(at+len(w)+1, len(s)) // "aws a": the article may end the text
		}
		if at > 0 && strings.ContainsAny(s[at:], ",") {
			if it := listAt(strings.TrimRight(s, "."), at, len(strings.TrimRight(s, "."))); len(it) >= 2 {
				listStart, items = at, it
			}
		}
	}
	for _, m := range ms {
		if m.start < verbStart || m.id == subj || listStart >= 0 && m.start >= listStart {
			continue
		}
		if verbStart == 0 && m.start == 0 && !isEntity(o.x.dictKind(m.id)) && strings.HasPrefix(s[m.end:], " ") && len(o.lx.Kinds(strings.ToLower(firstWord(s[m.end:])))) > 0 && o.hasVerbOutsideNames(s) {
			// "In-place deployments walk through ...": a strategy that
			// opens a sentence with no subject of its own, before a noun
			// of a kind, qualifies the subject's noun; it is no object
			continue
		}
		objs = append(objs, obj{m.id, m.start, m.end})
	}
	qs := o.x.quantities(s)
	denied := map[string]bool{} // objects of items that deny themselves ("no paging")
	// "The phases run in this order: install, pre_build, ...": the items
	// are steps, numbered in the list's order
	var steps map[string]int
	if listStart >= 0 && o.lx.SequenceCue(s[:listStart]) {
		steps = map[string]int{}
	}
	for _, it := range items {
		text, no := deniedItem(it.text)
		id := o.itemNode(text)
		if no && id != "" {
			denied[id] = true
		}
		for _, q := range qs {
			if id == "" && q.Start >= it.start && q.Start < it.end {
				// "1, 3, 6, 12 or 24 hours": a bare number of a list that
				// shares its unit
				id = o.x.newNode(graph.KindValue, q.Text)
			}
		}
		if id != "" && id != subj {
			objs = append(objs, obj{id, it.start, it.end})
			if _, ok := steps[id]; steps != nil && !ok {
				steps[id] = len(steps) + 1
			}
		}
	}
	from := verbStart
	if verbStart == 0 {
		// "1-hour data points are kept for 455 days" under CloudWatch: a
		// quantity before the verb qualifies the subject's noun, it is no
		// object
		from = o.auxAt(s)
	}
	for _, q := range qs {
		if q.Start >= from && (listStart < 0 || q.Start < listStart) && !slices.ContainsFunc(ms, func(m mention) bool { return q.Start >= m.start && q.Start < m.end }) {
			// (a number inside a name is the name's: "Route 53 access
			// logs" counts no access logs)
			objs = append(objs, obj{o.x.newNode(graph.KindValue, q.Text), q.Start, q.End})
		}
	}
	if len(objs) == 0 && listStart < 0 && own && verbStart > 0 {
		if at, its, head := o.sharedHeadList(s, verbStart); at >= 0 {
			// "offers continuous delivery of source, build, test, and
			// deploy stages": the source stage, the build stage, ... (a
			// thing of its own: no "Deploy" lifecycle event)
			listStart, verbListed = at, true
			head = o.words.Lemma(strings.ToLower(head))
			for _, it := range its {
				if id := o.itemNode(it.text + " " + head); id != "" && id != subj {
					objs = append(objs, obj{id, it.start, it.end})
				}
			}
		}
	}
	if len(objs) == 0 && listStart < 0 {
		// "do NOT affect the management account": no name after the
		// verb, but a short noun phrase that ends the clause is its object
		if at, end := o.bareObject(s, verbStart); at >= 0 {
			verbListed = true // the object right after the verb
			id, known := o.x.qualifiedName(s[at:end])
			if !known {
				id = o.x.newNode(graph.KindConcept, s[at:end])
			}
			if id != "" && id != subj {
				objs = append(objs, obj{id, at, end})
			}
			// "Can not monitor memory usage, available disk space, swap
			// usage": the phrases listed after it are objects too
			for _, sp := range o.bareListAfter(s, end) {
				id, known := o.x.qualifiedName(s[sp[0]:sp[1]])
				if !known {
					id = o.x.newNode(graph.KindConcept, s[sp[0]:sp[1]])
				}
				if id != "" && id != subj {
					objs = append(objs, obj{id, sp[0], sp[1]})
				}
			}
		}
	}
	if len(objs) == 0 {
		return
	}
	first := objs[0].start
	for _, ob := range objs {
		first = min(first, ob.start)
	}
	if listStart >= 0 {
		first = min(first, listStart)
	}
	lead := s[verbStart:first]
	if f := strings.Fields(lead); implied != "" && len(f) > 0 && strings.EqualFold(f[len(f)-1], implied[strings.LastIndexByte(implied, ' ')+1:]) {
		// the verb the line leaves out, before its preposition
		lead = strings.Join(append(f[:len(f)-1:len(f)-1], implied), " ")
	}
	phrase, pol := o.phrase(o.lastClause(lead))
	if labelPhrase != "" && phrase == "" {
		phrase, pol = o.phrase(labelPhrase)
	}
	if phrase == "" && verbListed && countFields(lead) <= 4 && slices.ContainsFunc(strings.Fields(lead), func(w string) bool { return o.words.Lemma(strings.ToLower(w)) == "have" }) {
		// "ECS has BeforeInstall, ...", "Parameter Store has NO built-in
		// rotation": possession is the relation, though "have" is light
		phrase = "have"
	}
	if phrase == "" && (topicVerb || len(coSubjects) > 0 || verbListed) && countFields(lead) <= 2 {
		// "needs Business, ...": a verb the phrase reader passes over as
		// modal ("needs to") is the relation when a name follows it; so is
		// a subject list's plural verb ("S3 and DynamoDB use Lambda")
		at := 0
		if !topicVerb {
			at = verbStart // the subject list's verb, after the list
		}
		phrase = o.words.Lemma(firstWord(s[at:]))
	}
	if verbless && strings.HasSuffix(strings.TrimSpace(lead), ",") {
		// "Kinesise Data Streams, CloudWatch Logs & Events, ...": the words
		// before a verbless list's first name are its first item, not a
		// relation
		phrase = ""
	}
	if listStart < 0 && phrase != "" {
		// "can be enabled on a VPC, subnet or Elastic Network Interface
		// (ENI)": the names coordinated with a named object are objects
		// of the same verb, though the dictionary knows only the first
		through := 0 // the end of the last list read: the names inside it open none
		// (objs holds the names in text order, then the values)
		run := 0 // the names read already right before this one, each followed by ", "
		for k, n := 0, len(objs); k < n; k++ {
			ob := objs[k]
			if ob.start < through || o.x.dictKind(ob.id) == graph.KindValue {
				run = 0
				continue // "after 7 days and the action then fails": a value opens no list of names
			}
			if k+1 < n && objs[k+1].start == len(s)-len(strings.TrimLeft(s[ob.end:], ", ")) {
				if strings.HasPrefix(s[ob.end:], ", ") {
					run++
				} else {
					run = 0
				}
				continue // "CodeCommit, GitHub, Bitbucket": the next item is a name read already; the list is tried from it
			}
			var its []coordinatedItem
			its, through = o.coordinated(s, ob.start, ob.end, run)
			run = 0
			for _, it := range its {
				objs = append(objs, obj{it.id, it.start, it.start})
			}
		}
	}
	seen := map[string]bool{}
	for _, ob := range objs {
		if ob.id == "" || seen[ob.id] {
			continue
		}
		p := phrase
		if p == "" && o.x.dictKind(ob.id) == graph.KindValue {
			// "a DynamoDB Streams is a Kinesis Stream - 1MB/s write,
			// 2MB/sec read per shard": a value names its relation after it
			p, pol = o.phrase(valueLabel(s[ob.end:]))
		}
		if p == "" {
			continue // names side by side ("logs > filter > s3") state no relation of their own
		}
		seen[ob.id] = true
		opol := pol
		if denied[ob.id] {
			opol = graph.Negative // "it has no on-call schedules, no paging and no escalation"
		}
		o.x.addOpen(subj, graph.OpenRelation(p, opol), ob.id, full, steps[ob.id], line)
		for _, cs := range coSubjects {
			if cs != ob.id {
				o.x.addOpen(cs, graph.OpenRelation(p, opol), ob.id, full, steps[ob.id], line)
			}
		}
	}
}

// subjectSeparators join the names of a sentence's subject list.
var subjectSeparators = []string{", ", " and ", ", and ", " & ", " or ", ", or "}

// subjectRun counts the mentions of ms, which follow a sentence's subject
// ending at byte offset from, that are coordinated with it: entities
// joined to it and to each other only by a subjectSeparators text, the
// last followed by a verb that is no auxiliary (a head or leading verb of
// the lexicon, or a verb of obligation: "have", "need").
// It returns how many, 0 when the subject stands alone, and the byte
// offset where the verb's words start.
func (o *openReader) subjectRun(s string, from int, ms []mention) (int, int) {
	n, at := 0, from
	for n < len(ms) && ms[n].start >= at && slices.Contains(subjectSeparators, s[at:ms[n].start]) && isEntity(o.x.dictKind(ms[n].id)) {
		at = ms[n].end
		n++
	}
	if n == 0 {
		return 0, from
	}
	rest := s[at:]
	if !strings.HasPrefix(rest, " ") || len(rest) < 2 || !unicode.IsLetter(rune(rest[1])) {
		return 0, from // "SQS or SNS (launch, terminate)": an aside, no verb
	}
	w := firstWord(rest)
	if o.lx.isAux(w) || !(o.x.knownVerb(w) || o.lx.LeadingVerb(w, len(w)) || o.lx.QuestionSurface("obligation", w)) {
		// (a third person would be no plural's verb, and is more often a
		// plural noun: "S3 buckets, KMS keys"; "Lambda and ECS are ...":
		// a copula, whose phrase is the words after it)
		return 0, from
	}
	return n, at
}

// auxAt returns the byte offset of a sentence's first auxiliary or modal
// when the words before it are a noun phrase ("are" in "1-hour data
// points are kept for 455 days"); 0 when it has none, or when a
// preposition, subordinator or clause mark comes before it ("Expire after
// 15 months if no data is published", "timeout default 60 min; can be
// set ...": the quantity there is the verb's).
func (o *openReader) auxAt(s string) int {
	at := 0
	for _, w := range strings.Fields(s) {
		k := strings.Index(s[at:], w) + at
		lw := strings.ToLower(w)
		if o.lx.isAux(strings.Trim(lw, ",;:)")) {
			return k
		}
		if strings.ContainsAny(lw, ",;:=()") || o.lx.IsPreposition(lw) || o.lx.Subordinator(lw) {
			return 0
		}
		at = k + len(w)
	}
	return 0
}

// impliedVerb returns the verb phrase a verbless sentence leaves out
// (lexicon implied_verbs) when it opens with an entity's name and the
// words between that name and the next are at most two nouns of the name
// ("access logs"), then adverbs ("only", "also", "not"), then one such
// preposition ("Route 53 access logs only to CloudWatch logs", "S3 access
// logs to S3"); "" for any other sentence.
func (o *openReader) impliedVerb(s string, ms []mention) string {
	if len(ms) < 2 || leadingWords(s, ms[0].start) > 0 || !isEntity(o.x.dictKind(ms[0].id)) {
		return ""
	}
	f := strings.Fields(s[ms[0].end:ms[1].start])
	if len(f) == 0 || len(f) > maxImpliedLead {
		return ""
	}
	k := len(f) - 1 // the preposition
	for k > 0 && (o.lx.IsExclusive(f[k-1]) || o.lx.IsLeadingSkip(f[k-1]) || o.lx.Negates(f[k-1])) {
		k-- // ("only", "also", "not")
	}
	if k > maxImpliedNouns || k > 0 && (o.x.hasVerb(strings.Join(f[:k], " ")) || slices.ContainsFunc(f[:k], o.lx.IsStop)) {
		return "" // "is sent to", "sends to": a verb of its own
	}
	if o.hasVerbOutsideNames(s[ms[1].start:]) {
		return "" // "Logs to S3 are kept for a year": the line's verb comes later
	}
	return o.lx.ImpliedVerb(f[len(f)-1])
}

// maxImpliedLead and maxImpliedNouns bound the words between the names
// of a verbless line impliedVerb reads ("access logs only to").
const (
	maxImpliedLead  = 5
	maxImpliedNouns = 2
)

// maxCoordinatedBytes bounds the text after a name that coordinated reads
// for the names listed with it.
const maxCoordinatedBytes = 300

// coordinatedItem is an object coordinated with a named one: its node and
// the byte offset of its text in the sentence.
type coordinatedItem struct {
	id    string
	start int
}

// coordinated returns the items a sentence coordinates with the name at
// s[start:end] (after run names the sentence lists right before it) when
// the name opens a list ("a VPC, subnet or Elastic
// Network Interface (ENI) so that ..." → subnet, Elastic Network
// Interface), each a name of no verb (see InlineLists for where the list
// ends), and the byte offset where the list it read ends (end when the
// name opens none). The items are nil when the list is none of names.
func (o *openReader) coordinated(s string, start, end, run int) ([]coordinatedItem, int) {
	rest := s[start:]
	if !strings.HasPrefix(rest[end-start:], ", ") && !strings.HasPrefix(rest[end-start:], " and ") && !strings.HasPrefix(rest[end-start:], " or ") {
		return nil, end
	}
	if len(rest) > maxCoordinatedBytes {
		// a list of names is short; a longer run is a catalogue the
		// dictionary's names already read (and a bound on the work)
		rest = rest[:maxCoordinatedBytes]
		if i := strings.LastIndex(rest, ", "); i > 0 {
			rest = rest[:i] // not into an item it would cut
		}
	}
	lists := InlineLists(rest, o.lx)
	if len(lists) == 0 || len(lists[0].Items) < 2 || lists[0].Items[0] != strings.TrimSpace(s[start:end]) {
		return nil, end
	}
	items := lists[0].Items[1:]
	ats := make([]int, len(items))
	from, prev := end-start, end-start
	ok := true
	for k, it := range items {
		at := strings.Index(rest[from:], it)
		if at < 0 {
			return nil, len(s)
		}
		ok = ok && !o.x.hasVerb(it) && FlatItemName(it) && !o.clauseLike(it) // "..., making it suitable": a clause, not an item
		prev, from, ats[k] = from, from+at+len(it), start+from+at
	}
	// a list is coordinated: "and" or "or" joins its last item; in terse
	// notes a list that runs to the end of the sentence after three known
	// names or more is one too ("Source code from CodeCommit, S3, GitHub,
	// Bitbucket": run counts the names before this one)
	joined := slices.ContainsFunc(strings.Fields(rest[prev:from-len(items[len(items)-1])]), func(w string) bool { return w == "and" || w == "or" || w == "&" })
	terse := run >= 2 && strings.Trim(s[start+from:], " .;!") == ""
	if !ok || !joined && !terse {
		return nil, start + from
	}
	var out []coordinatedItem
	for k, it := range items {
		if id := o.itemNode(it); id != "" && o.x.dictKind(id) != graph.KindValue {
			out = append(out, coordinatedItem{id, ats[k]})
		}
	}
	return out, start + from
}

// clauseLike reports whether a short list part reads as a clause or a
// note, not a name: a participle or gerund in lower case ("making it
// suitable", "Lambda allowing teams", "specified"), a negation, "only" or
// an adverb that links clauses ("only captures failures", "the action then
// fails"), or a mark a name does not have ("LT =",
// "Firehose[^flow]", "(b) ...").
func (o *openReader) clauseLike(t string) bool {
	if strings.ContainsAny(t, "=[]<>") || strings.HasPrefix(t, "(") {
		return true
	}
	for _, w := range strings.Fields(t) {
		if w == strings.ToLower(w) && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") || o.lx.Negates(w) || o.lx.IsExclusive(w) || o.lx.IsLeadingSkip(w)) {
			return true // "only captures failures", "the action then fails"
		}
	}
	return false
}

// labelOfEntity reads a sentence labelled by what its list is of an
// entity: "Real-time delivery targets for a subscription filter: Kinesis
// Data Streams, ...", "Limits of CodeCommit triggers: ...". It returns the
// label's noun phrase ("Real-time delivery targets") when the text before
// ": " is one to four words without a verb, "of" or "for", an optional
// article and the sentence's first mention (ms[0], an entity) ending the
// label. "For" says so only when the entity is the section's subject
// (dflt), or the heading above names it, or the section has none:
// "compression for s3: gzip, zip" under Firehose's heading is Firehose's
// compression, for S3.
func (o *openReader) labelOfEntity(s string, ms []mention, dflt string) (string, bool) {
	if len(ms) == 0 || !isEntity(o.x.dictKind(ms[0].id)) {
		return "", false
	}
	lead, _, ok := strings.Cut(s, ": ")
	if !ok || strings.TrimRight(lead[min(ms[0].end, len(lead)):], "s)") != "" || ms[0].end > len(lead) {
		return "", false
	}
	f := strings.Fields(s[:ms[0].start])
	if n := len(f); n > 0 && (strings.EqualFold(f[n-1], "a") || strings.EqualFold(f[n-1], "an") || strings.EqualFold(f[n-1], "the")) {
		f = f[:n-1]
	}
	n := len(f)
	if n < 2 || n > 5 || !strings.EqualFold(f[n-1], "of") && !strings.EqualFold(f[n-1], "for") {
		return "", false
	}
	if strings.EqualFold(f[n-1], "for") && dflt != "" && dflt != ms[0].id {
		hs := o.x.headings
		if len(hs) == 0 || !slices.Contains(hs[len(hs)-1].services, ms[0].id) {
			return "", false
		}
	}
	np := strings.Join(f[:n-1], " ")
	if o.x.hasVerb(np) || len(o.mentions(np)) > 0 {
		return "", false
	}
	return np, true
}

// strategySubject returns the end of the subject of a sentence that opens
// with a strategy's name, a kind word after it at most ("Immutable
// deployments"), right before a verb ("Immutable launches ...", "Canary
// deployments shift ..."); 0 for any other sentence.
func (o *openReader) strategySubject(s string, ms []mention) int {
	if len(ms) == 0 || ms[0].start != 0 || o.x.dictKind(ms[0].id) != graph.KindStrategy {
		return 0
	}
	end := ms[0].end
	rest := s[end:]
	w := strings.ToLower(firstWord(rest))
	if len(o.lx.Kinds(w)) > 0 && !o.x.knownVerb(w) {
		end += strings.Index(rest, firstWord(rest)) + len(w)
		rest = s[end:]
		w = strings.ToLower(firstWord(rest))
	}
	if w == "" || !o.x.knownVerb(w) && !thirdPerson(w, o.words.Lemma(w)) || o.lx.isAux(w) && o.passiveAfter(rest) {
		// ("In-place deployments can be launched one at a time, ...": how
		// the strategy is run, said in the passive, no doing of its own)
		return 0
	}
	return end
}

// passiveAfter reports whether the words after a subject are a copula or
// a modal and "be" ("is the alternative", "can be launched").
func (o *openReader) passiveAfter(rest string) bool {
	f := strings.Fields(strings.ToLower(rest))
	if len(f) == 0 {
		return false
	}
	return o.words.Lemma(f[0]) == "be" || len(f) > 1 && o.words.Lemma(f[1]) == "be"
}

// entityLabel reports whether a line opens with an entity's name and a
// label of one to three words before a colon, a list after it (its items
// joined by commas, "and", "or" or "+"): "Lambda hooks: BeforeAllowTraffic
// and AfterAllowTraffic" under a CodeDeploy
// heading says what Lambda's hooks are; the heading's subject does not
// speak it.
func (o *openReader) entityLabel(s string, ms []mention) bool {
	if len(ms) == 0 || strings.TrimLeft(s[:ms[0].start], "-*•+ \t") != "" || !isEntity(o.x.dictKind(ms[0].id)) {
		return false // (a list marker a paragraph kept may come first: "- vpc interface endpoints: ...")
	}
	lead, rest, ok := strings.Cut(s, ": ")
	if !ok || len(lead) <= ms[0].end || len(ms) > 1 && ms[1].start < len(lead) {
		return false
	}
	label := strings.TrimSpace(lead[ms[0].end:])
	if n := countFields(label); n == 0 || n > 3 || o.x.hasVerb(label) {
		return false
	}
	return strings.Contains(rest, ",") || strings.Contains(rest, " and ") || strings.Contains(rest, " or ") || plusList(rest)
}

// plusList reports whether a text is a list of short items joined by " + "
// ("com.amazonaws.<region>.codeartifact.api + ...codeartifact.repositories"),
// not a sentence that adds one thing to another ("bucket versioning
// required; event start = CloudTrail trail + EventBridge rule").
func plusList(text string) bool {
	parts := strings.Split(text, " + ")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if countFields(p) > maxPlusItemWords || strings.ContainsAny(p, ":;=") {
			return false
		}
	}
	return true
}

// maxPlusItemWords bounds an item of a list plusList reads.
const maxPlusItemWords = 4

// partBefore returns the noun phrase a sentence opens with when a
// preposition ("in", "of", "for", "on") joins it to the first entity the
// sentence names and a verb follows that entity: "Parameter masking" of
// "Parameter masking in CodeBuild redacts ...". The phrase is two or three
// capitalised-first words with no verb of the lexicon; "" for any other
// sentence.
func (o *openReader) partBefore(s string, ms []mention) string {
	if len(ms) == 0 || !isEntity(o.x.dictKind(ms[0].id)) {
		return ""
	}
	f := strings.Fields(s[:ms[0].start])
	if len(f) < 3 || len(f) > 4 || !startsUpperOrDigit(f[0]) {
		return ""
	}
	switch strings.ToLower(f[len(f)-1]) {
	case "in", "of", "for", "on":
	default:
		return ""
	}
	np := f[:len(f)-1]
	for _, w := range np {
		lw := strings.ToLower(strings.Trim(w, ",;:"))
		if w != strings.Trim(w, ",;:()") || o.lx.IsStop(lw) || o.lx.LeadingVerb(lw, len(lw)) || o.x.knownVerb(lw) || strings.HasSuffix(lw, "ed") {
			return "" // "If you use", "The logs of", "Logs stored in": a clause or a function word, no name
		}
	}
	if w := firstWord(s[ms[0].end:]); !o.x.knownVerb(w) && !thirdPerson(w, o.words.Lemma(w)) {
		return ""
	}
	return strings.Join(np, " ")
}

// maxNounSubjectWords bounds the noun phrase nounSubject reads as a
// sentence's subject.
const maxNounSubjectWords = 4

// nounSubject returns the noun phrase a sentence opens with, and the
// offset where it ends, when a verb in the third person or a modal follows
// it: "calculated health check" of "calculated health check combines up to
// 256 child health checks", "States.ALL" of "States.ALL does not catch
// States.Runtime". The phrase is two to four words (a leading article
// aside), none a function word or a verb, or one word written as code
// ("States.ALL", "cfn-hup"); no entity's name is inside it (a sentence
// that opens with an entity has that subject), though a name the note
// gave a node may be all of it. A third-person verb must take an object
// (objectLead), and a modal no passive ("can be deployed"). ("", 0) for
// any other sentence: "health checks move traffic" (a plural subject reads
// as a verb), "Derive actionable insights from ..." (a plural noun, no
// verb), "Also supports ..." (one plain word) and "New application
// versions can be deployed to Lambda" (what is acted on) name none.
func (o *openReader) nounSubject(s string, ms []mention) (string, int) {
	var buf [maxNounSubjectWords + 3]string
	fs, _ := headFields(s, buf[:])
	from := 0
	if len(fs) > 0 && isArticle(strings.ToLower(fs[0])) {
		from = 1
	}
	if from >= len(fs) || o.lx.LeadingVerb(s, len(s)) {
		return "", 0 // "Determine deployment strategies ...": a verb opens it
	}
	lower := func(k int) string { return strings.ToLower(strings.Trim(fs[k], ".,;:()\"'`*")) }
	aux := func(w string) bool { return o.lx.isAux(w) || o.lx.Negates(w) && w != "not" && w != "no" }
	for k := from + 1; k < len(fs) && k <= from+maxNounSubjectWords; k++ {
		w := lower(k)
		third := thirdPerson(w, o.words.Lemma(w)) && !o.lx.IsStop(w)
		if third && k+1 < len(fs) && (aux(lower(k+1)) || o.x.knownVerb(lower(k+1)) || strings.HasPrefix(fs[k+1], "(")) {
			// "Bucket lifecycle events can trigger ...": a plural noun, then
			// the verb; "delivery strategies (e.g. ...)": a noun, its aside
			continue
		}
		if !third && (w == "is" || w == "are" || !aux(w)) {
			continue
		}
		if !third && k+1 < len(fs) && (o.lx.QuestionSurface("passive", lower(k+1)) || o.lx.Negates(lower(k+1)) && k+2 < len(fs) && o.lx.QuestionSurface("passive", lower(k+2))) {
			// "New application versions can be deployed to EC2" under
			// CodeDeploy: a passive's subject is what the section's
			// subject acts on, no doer
			return "", 0
		}
		if third && !o.objectLead(fs, k+1) {
			return "", 0 // "Derive actionable insights from ...": a plural noun, no verb with its object
		}
		np := fs[from:k]
		if len(np) == 1 && !isCodeToken(strings.Trim(np[0], "`*\"'")) {
			return "", 0 // "Also supports ...": one plain word names nothing
		}
		for i, x := range np {
			lx := strings.ToLower(strings.Trim(x, "`*\"'"))
			if x != strings.TrimRight(x, ",;:()") || o.lx.IsStop(lx) || o.x.knownVerb(lx) || aux(lx) || o.lx.IsPreposition(lx) || o.lx.Subordinator(lx) ||
				strings.HasSuffix(lx, "ly") || lx != "" && !unicode.IsLetter(rune(lx[0])) || i == 0 && (thirdPerson(lx, o.words.Lemma(lx)) || strings.HasSuffix(lx, "ing")) {
				// "If you use", "Logs stored in", "Usually runs", "9
				// instances in total", "Deploys new versions": a clause, a
				// modifier or a count, no name
				return "", 0
			}
		}
		end := strings.Index(s, fs[k-1]) + len(fs[k-1])
		for _, m := range ms {
			if m.start < end && (isEntity(o.x.dictKind(m.id)) || m.start > 0 || m.end < end-1) {
				return "", 0 // an entity's name, or part of the phrase only
			}
		}
		return cleanName(strings.Trim(strings.Join(np, " "), "`*")), end
	}
	return "", 0
}

// maxCountedWords bounds the words between a count and the bracket after
// it that countsOtherThan reads ("1 per repo (").
const maxCountedWords = 3

// countsOtherThan reports whether a text ends with a count whose number is
// not n: "only 1 per repo" before four names in brackets.
func countsOtherThan(text string, n int) bool {
	ns := Numbers(text)
	if len(ns) == 0 {
		return false
	}
	last := ns[len(ns)-1]
	return countFields(text[last.End:]) <= maxCountedWords && last.Value != float64(n)
}

// objectLead reports whether the word at k of a sentence's fields opens
// what a verb before it takes: an article or a quantifier ("the", "up to",
// "all"), a number or a name ("monitors an IP", "listens on UDP port
// 2000", "combines up to 256 child health checks"). A plural noun is
// followed by a preposition or a conjunction instead ("insights from").
func (o *openReader) objectLead(fs []string, k int) bool {
	if k >= len(fs) {
		return false
	}
	w := strings.Trim(fs[k], "`*\"'(")
	if w == "" {
		return false
	}
	lw := strings.ToLower(w)
	if o.lx.ObjectLead(lw) {
		return true // "the", "up", "all": the lexicon's object_leads
	}
	r := []rune(w)[0]
	return unicode.IsDigit(r) || unicode.IsUpper(r) && !o.lx.IsStop(lw)
}

// participleLead reports whether a sentence opens with a past participle
// and a preposition ("Used on AWS::EC2::Instance, ...", "Stored in S3"):
// a verb whose subject the sentence leaves to its context.
func (o *openReader) participleLead(s string) bool {
	f := strings.Fields(s)
	if len(f) < 3 {
		return false
	}
	w := strings.ToLower(f[0])
	lemma := o.words.Lemma(w)
	return strings.HasSuffix(w, "ed") && lemma != w && IsEnglishWord(lemma) && o.lx.IsPreposition(strings.ToLower(f[1]))
}

// namesSubject reports whether a sentence opens with its subject's name
// (two words before it at most).
func (o *openReader) namesSubject(s, subj string) bool {
	if subj == "" {
		return false
	}
	ms := o.mentions(s)
	return len(ms) > 0 && ms[0].id == subj && leadingWords(s, ms[0].start) <= 2
}

// countedLimit reads a sentence that names no subject but the thing it
// counts: "max 2 subscription filters per log group" states
// that the subscription filter has at most 2 per log group (the thing
// counted, the words around the count as the relation, the number as the
// value). It reports whether it read one.
func (o *openReader) countedLimit(s string, line int, subj string) bool {
	for _, q := range o.x.quantities(s) {
		if q.Dimension != "count" {
			continue
		}
		num := strings.TrimSpace(s[q.Start:q.End])
		if k := strings.IndexByte(num, ' '); k > 0 {
			num = num[:k]
		} else {
			continue
		}
		var counted mention
		for _, m := range o.mentions(s) {
			if m.start >= q.Start+len(num) && m.end <= q.End+1 && isEntity(o.x.dictKind(m.id)) {
				counted = m
				break
			}
		}
		if counted.id == "" || counted.id != subj && o.namesSubject(s, subj) {
			continue // ("CloudWatch Logs allows 2 subscription filters": its own subject's)
		}
		// the words of the count's own clause: before it back to a
		// clause mark, after it up to one
		lead := s[:q.Start]
		if k := strings.LastIndexAny(lead, ",;:(-–"); k >= 0 {
			lead = lead[k+1:]
		}
		tail := s[min(q.End, len(s)):]
		if k := strings.IndexAny(tail, ",;:()–"); k >= 0 {
			tail = tail[:k]
		}
		phrase, pol := o.phrase(lead + " " + tail)
		if phrase == "" {
			continue
		}
		o.x.addOpen(counted.id, graph.OpenRelation(phrase, pol), o.x.newNode(graph.KindValue, num), s, 0, line)
		return true
	}
	return false
}

// minClauseWords is how many words a hop of a chain must have to be read
// as a clause of its own.
const minClauseWords = 4

// clauseOfChain reads a hop of a chain that is a clause, as a sentence
// that adds no statement of its own (the chain's line is the statement).
func (o *openReader) clauseOfChain(part string, line int, dflt string) {
	saved := o.noStatement
	o.noStatement = true
	defer func() { o.noStatement = saved }()
	o.sentence(part, line, dflt)
}

// maxLeadInWords bounds the words of a lead-in before a colon that labels
// the sentence after it.
const maxLeadInWords = 6

// deniedItem strips the "no " that opens a list item ("no paging") and
// reports whether it did: the item names the thing, the relation's
// polarity carries the "no".
func deniedItem(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if len(t) > 3 && strings.EqualFold(t[:3], "no ") && strings.TrimSpace(t[3:]) != "" {
		return strings.TrimSpace(t[3:]), true
	}
	return text, false
}

// maxValueLabelWords bounds the words after a value that name what it
// measures.
const maxValueLabelWords = 4

// valueLabel returns the words right after a value up to the next comma,
// semicolon, bracket or dash: "write" of "1MB/s write, 2MB/sec read".
func valueLabel(rest string) string {
	if i := strings.IndexAny(rest, ",;()[]"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.Index(rest, " - "); i >= 0 {
		rest = rest[:i]
	}
	f := strings.Fields(rest)
	return strings.Join(f[:min(len(f), maxValueLabelWords)], " ")
}

// listItem is one item of an inline list, with its span.
type listItem struct {
	text       string
	start, end int
}

// inlineList finds the inline list of a sentence after from: the items
// after a colon, "include"/"such as"/"e.g.", or inside parentheses, when
// there are two or more short ones. It returns where the list starts (-1
// when there is none) and its items.
func inlineList(s string, from int) (int, []listItem) {
	best := -1
	var bestItems []listItem
	try := func(start, end int) {
		if start < from || start >= end || best >= 0 && start >= best {
			return
		}
		if items := listAt(s, start, end); items != nil {
			best, bestItems = start, items
		}
	}
	lower := strings.ToLower(s)
	if i := strings.Index(s, ": "); i >= 0 {
		try(i+2, len(s))
	}
	for _, cue := range []string{"include ", "includes ", "including ", "such as ", "e.g. ", "like "} {
		if i := strings.Index(lower, cue); i >= 0 {
			try(i+len(cue), len(s))
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '(' {
			continue
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			break
		}
		try(i+1, i+j)
		i += j
	}
	return best, bestItems
}

// listAt returns the items of the list s[start:end] holds when it is one:
// two or more parts (see splitListSpans) of at most five words each; nil
// otherwise.
func listAt(s string, start, end int) []listItem {
	var items []listItem
	parts := splitListSpans(s[start:end])
	for k, part := range parts {
		t := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(part.text), "and "))
		t = strings.TrimSpace(strings.TrimPrefix(t, "or "))
		t = strings.TrimRight(t, ".")
		if t == "" {
			continue
		}
		if n := countFields(t); n > 5 {
			if k == len(parts)-1 && len(items) >= minNamesBesidePhrase {
				// "ELB, CloudFront, S3 website endpoint, ..., another
				// record in the same hosted zone": a phrase that ends a
				// long list of names is no name, the rest still a list
				break
			}
			return nil
		}
		items = append(items, listItem{text: t, start: start + part.start, end: start + part.end})
	}
	if len(items) < 2 {
		return nil
	}
	return items
}

// bareListAfter returns the byte spans of the noun phrases a comma list
// goes on with after a bare object that ends at byte end ("memory usage,
// available disk space, swap usage"): each of one to maxBareObjectWords
// content words, the last one after "and" or "or" at most, the list
// ending the clause. Nil when the text after end is no such list.
func (o *openReader) bareListAfter(s string, end int) [][2]int {
	var out [][2]int
	i := end
	for i < len(s) && s[i] == ',' {
		i++
		n, start, stop := 0, -1, -1
		for {
			for i < len(s) && s[i] == ' ' {
				i++
			}
			j := i
			for j < len(s) && s[j] != ' ' {
				j++
			}
			w := s[i:j]
			word := strings.TrimRight(w, ".,;")
			lw := strings.ToLower(word)
			if word == "" {
				break
			}
			if n == 0 && (lw == "and" || lw == "or") {
				i = j
				continue
			}
			if o.lx.IsStop(lw) || o.lx.IsPreposition(lw) || strings.ContainsAny(word, "():/") || !unicode.IsLetter([]rune(word)[0]) && !unicode.IsDigit([]rune(word)[0]) {
				return nil
			}
			if start < 0 {
				start = i
			}
			n++
			stop = i + len(word)
			i = stop
			if len(word) < len(w) {
				break // a comma or a full stop ends the item
			}
		}
		if n == 0 || n > maxBareObjectWords {
			return nil
		}
		out = append(out, [2]int{start, stop})
		if i < len(s) && s[i] != ',' {
			break
		}
	}
	if rest := strings.TrimSpace(s[i:]); rest != "" && rest != "." {
		return nil // the clause goes on: "a, b for c" lists no objects
	}
	return out
}

// maxBareObjectWords bounds the noun phrase bareObject reads as a
// sentence's object.
const maxBareObjectWords = 4

// bareObject finds the object of a sentence whose verb (at or after byte
// verbStart) is followed by no name: the auxiliaries and negations, one
// verb and its preposition, an article, then two to maxBareObjectWords
// content words that end the clause ("do NOT affect the management
// account", "cannot deal with non-AWS resources"). It returns the phrase's
// byte span, or -1, -1.
func (o *openReader) bareObject(s string, verbStart int) (int, int) {
	i := verbStart
	next := func() (string, int, int) {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		return s[i:j], i, j
	}
	verb, helped, have, denied := false, false, false, false
	// a bullet that opens with its verb ("listens on UDP port 2000" under
	// the X-Ray daemon's heading) needs no auxiliary to show it
	opens := strings.TrimSpace(s[:verbStart]) == "" && o.verbFirst(s)
	first := len(s) - len(strings.TrimLeft(s, " ")) // where its first word starts
	bare := false                                   // the verb opens the bullet: its object must read as a name
	for !verb {
		w, a, b := next()
		if w == "" {
			return -1, -1
		}
		lw := strings.ToLower(w)
		switch {
		case opens && a == first && !o.auxiliary(lw) && !o.lx.Negates(lw) && w != strings.ToUpper(w):
			// (not an acronym: "AWS managed rules" opens with no verb)
			verb, bare = true, true
		case have && !o.lx.Negates(lw) && (strings.Contains(lw, "-") || !strings.HasSuffix(lw, "ed") && !strings.HasSuffix(lw, "en") && !o.lx.HeadVerb(lw) && !o.auxiliary(lw)):
			// "has NO built-in rotation": "has" is the verb, no auxiliary
			// of one ("has been", "has enabled")
			b = a
			verb = true
		case o.auxiliary(lw) || o.lx.Negates(lw) || o.words.Lemma(lw) == "have":
			helped = true
			have = have || o.words.Lemma(lw) == "have"
			denied = denied || o.lx.Negates(lw)
		case strings.HasSuffix(lw, "ly") && helped:
			// "can manually create", "cannot explicitly deny"
		case !helped || strings.ContainsAny(w, ",;:()") || o.lx.IsStop(lw) || o.lx.IsPreposition(lw) || unicode.IsUpper([]rune(w)[0]) && a > verbStart:
			// only a verb an auxiliary or a negation introduces is
			// surely one ("Cookbooks define recipes" opens with a noun)
			return -1, -1
		default:
			verb = true
		}
		i = b
	}
	w, at, b := next()
	if lw := strings.ToLower(w); o.lx.IsPreposition(lw) {
		// "deal with", "be shared with": the verb's particle; but "is
		// designed to handle failover" goes on with a verb, no object
		if lw == "to" && strings.HasSuffix(strings.ToLower(strings.TrimSpace(s[:at])), "ed") {
			return -1, -1
		}
		i = b
		w, at, b = next()
	}
	if isArticle(strings.ToLower(w)) {
		i = b
		_, at, _ = next()
	}
	end := at
	n := 0
	for {
		w, a, b := next()
		word := strings.TrimRight(w, ".,;)")
		lw := strings.ToLower(word)
		if word == "" || o.lx.IsStop(lw) || o.lx.IsPreposition(lw) || strings.HasSuffix(lw, "ly") || strings.ContainsAny(word, "(:/") || !unicode.IsLetter([]rune(word)[0]) && !unicode.IsDigit([]rune(word)[0]) {
			break
		}
		n++
		end = a + len(word)
		i = b
		if len(word) < len(w) {
			break // the clause ends at the punctuation
		}
	}
	rest := strings.TrimSpace(s[end:])
	if n > maxBareObjectWords || rest != "" && !strings.ContainsAny(rest[:1], ".,;(") && !strings.HasPrefix(rest, "and ") {
		return -1, -1
	}
	if n < 2 && (n == 0 || strings.TrimRight(rest, ".") != "" || !denied) {
		// one word is an object only as the whole rest of a denial ("does
		// not support rotation."): "can be used to deploy" has none
		return -1, -1
	}
	if bare && !strings.ContainsFunc(s[at:end], func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }) {
		// "take place once", "gain control": common nouns after a
		// bullet's verb are as often an idiom as an object
		return -1, -1
	}
	return at, end
}

// sharedHeadList finds a list of one-word modifiers that share the plural
// noun after the last of them, after a preposition, an article or the
// verb (of one or two words) at from: "offers continuous delivery of
// source, build, test, and deploy stages" lists the source, build, test
// and deploy stages. Each modifier is one word (hyphens and slashes kept)
// and no plural, so "tags, branches and file paths" (nouns of their own)
// is none; nor is a list after "to" or an auxiliary ("to deploy, monitor
// and scale applications", "can stop, retry, or redeploy deployments":
// verbs). It returns where the list starts, its items (three or more) and
// the head noun, or -1.
func (o *openReader) sharedHeadList(s string, from int) (int, []listItem, string) {
	c := strings.Index(s[from:], ", ")
	if c < 0 {
		return -1, nil, ""
	}
	c += from
	start := strings.LastIndexByte(s[:c], ' ') + 1
	if start <= from {
		start = from
		for start < c && s[start] == ' ' {
			start++
		}
	} else {
		f := strings.Fields(s[from:start])
		before := ""
		if len(f) > 0 {
			before = strings.ToLower(f[len(f)-1])
		}
		if before == "to" || !o.lx.IsPreposition(before) && !isArticle(before) &&
			(len(f) > 2 || !slices.ContainsFunc(f, func(w string) bool { return !o.auxiliary(strings.ToLower(w)) })) {
			// (right after the verb: "offers source, build, ... stages";
			// but after an auxiliary the items are verbs: "can stop,
			// retry, or redeploy deployments")
			return -1, nil, ""
		}
	}
	modifier := func(w string) bool {
		lw := strings.ToLower(w)
		return w != "" && unicode.IsLetter([]rune(w)[0]) && !strings.ContainsAny(w, ",;:() ") && !o.lx.IsStop(lw) && !o.lx.IsPreposition(lw) &&
			o.words.Lemma(lw) == lw && !strings.HasSuffix(lw, "ing") && !strings.HasSuffix(lw, "ed")
	}
	var items []listItem
	at := start
	for {
		end := strings.IndexByte(s[at:], ',')
		if end < 0 {
			break
		}
		w := s[at : at+end]
		if !modifier(w) {
			return -1, nil, ""
		}
		items = append(items, listItem{w, at, at + end})
		at += end + 1
		for at < len(s) && s[at] == ' ' {
			at++
		}
		if r := s[at:]; strings.HasPrefix(r, "and ") || strings.HasPrefix(r, "or ") {
			at += strings.IndexByte(r, ' ') + 1
			f := strings.Fields(s[at:])
			if len(f) < 2 {
				return -1, nil, ""
			}
			head := strings.TrimRight(f[1], ".;:,)")
			lh := strings.ToLower(head)
			if !modifier(f[0]) || head == "" || !unicode.IsLetter([]rune(head)[0]) || o.lx.IsStop(lh) || o.words.Lemma(lh) == lh {
				return -1, nil, ""
			}
			items = append(items, listItem{f[0], at, at + len(f[0])})
			if len(items) < 3 {
				return -1, nil, ""
			}
			return start, items, head
		}
	}
	return -1, nil, ""
}

// verbObjectList finds the list of names a verb takes as its object
// right after it, up to the sentence's end: at "BeforeInstall" of "ECS has
// BeforeInstall, AfterInstall, AfterAllowTestTraffic". Auxiliaries,
// negations and adverbs may come before the verb ("can also run"), one
// preposition after it ("runs on EC2, on-premises servers and Lambda").
// It returns the list's start and items (two or more, of at most five
// words each), or -1 when the words after verbStart are no verb and list.
func (o *openReader) verbObjectList(s string, verbStart int) (int, []listItem) {
	end := len(strings.TrimRight(s, ". "))
	i := verbStart
	word := func() (string, int) {
		for i < end && s[i] == ' ' {
			i++
		}
		j := i
		for j < end && s[j] != ' ' {
			j++
		}
		w := s[i:j]
		i = j
		return strings.ToLower(w), j
	}
	for {
		w, _ := word()
		switch {
		case w == "":
			return -1, nil
		case o.auxiliary(w) || o.lx.Negates(w) || strings.HasSuffix(w, "ly") || o.lx.IsLeadingSkip(w):
			continue
		case strings.ContainsAny(w, ",;:()"):
			return -1, nil
		case thirdPerson(w, o.words.Lemma(w)) || o.lx.HeadVerb(w):
		default:
			return -1, nil
		}
		break
	}
	at := i
	if w, j := word(); o.lx.IsPreposition(w) {
		at = j
	}
	for at < end && s[at] == ' ' {
		at++
	}
	items := listAt(s, at, end)
	if items == nil {
		return -1, nil
	}
	for _, it := range items {
		// names, not clauses or common nouns: "Step Functions logs the
		// state of each step, so when things go wrong, ..." lists nothing
		if r := []rune(it.text)[0]; !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '`' || o.lx.IsStop(strings.ToLower(firstWord(it.text))) {
			return -1, nil
		}
	}
	return at, items
}

// verbList finds the list a sentence that opens with its verb gives as
// its object: "Can choose only keys, only new data, only old data, both
// old/new data" lists after its last leading verb or list opener before
// the first comma. It returns the list's start and items, or -1.
func (o *openReader) verbList(s string) (int, []listItem) {
	c := strings.IndexAny(s, ",;")
	if c < 0 {
		return -1, nil
	}
	start := -1
	for i := 0; i < c; {
		for i < c && s[i] == ' ' {
			i++
		}
		j := i
		for j < c && s[j] != ' ' {
			j++
		}
		if i >= j {
			break
		}
		w := strings.ToLower(strings.Trim(s[i:j], ":()"))
		switch {
		case o.lx.QuestionWord("aux", w) && start < 0:
			// "Can": the verb that opens the list comes after it
		case !o.lx.QuestionWord("aux", w) && (o.lx.LeadingVerb(w, len(w)) || o.lx.ListOpener(w) || o.lx.IsPreposition(w)):
			start = j
		case start < 0:
			return -1, nil // a subject of its own before any verb
		}
		i = j
	}
	if start < 0 {
		return -1, nil
	}
	for start < len(s) && s[start] == ' ' {
		start++
	}
	if items := listAt(s, start, len(s)); items != nil {
		return start, items
	}
	return -1, nil
}

// splitListSpans splits an inline list at commas, slashes, semicolons and
// " and "/" or ", outside parentheses, keeping each part's span. When the
// list has commas, "and"/"or" joins only its last two items, so an earlier
// item keeps its own ("backup and restore, pilot light, warm standby, and
// multi-site").
func splitListSpans(s string) []listItem {
	return splitSpans(s, []string{" and ", " or ", " / ", " | ", " + "}, true)
}

// splitSpans splits s at commas and semicolons (not inside "1,000") and at
// the given words, outside parentheses, keeping each part's span; with
// andLast, " and " and " or " split only after the last comma.
func splitSpans(s string, words []string, andLast bool) []listItem {
	// outside[i]: s[i] is outside parentheses
	outside := make([]bool, len(s))
	lastComma := -1 // the last comma or semicolon outside parentheses
	for i, depth := 0, 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		}
		outside[i] = depth == 0
		if (s[i] == ',' || s[i] == ';') && outside[i] && !thousands(s, i) && !dateComma(s, i) {
			lastComma = i
		}
	}
	var out []listItem
	last := 0
	cut := func(i, next int) {
		out = append(out, listItem{text: s[last:i], start: last, end: i})
		last = next
	}
	for i := 0; i < len(s); i++ {
		if !outside[i] {
			continue
		}
		switch s[i] {
		case ',', ';':
			if !thousands(s, i) && !dateComma(s, i) {
				cut(i, i+1)
			}
		case ' ':
			for _, w := range words {
				if andLast && (w == " and " || w == " or ") && i < lastComma {
					continue // inside an earlier item of a comma list
				}
				if strings.HasPrefix(s[i:], w) {
					cut(i, i+len(w))
					i += len(w) - 1
					break
				}
			}
		}
	}
	out = append(out, listItem{text: s[last:], start: last, end: len(s)})
	return out
}

// isDigits reports whether s is decimal digits only (and not empty).
func isDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// thousands reports whether the comma at s[i] separates a number's
// thousands ("1,000"): a digit before it, three after it.
func thousands(s string, i int) bool {
	if s[i] != ',' || i == 0 || i+4 > len(s) {
		return false
	}
	if !isDigits(s[i-1:i]) || !isDigits(s[i+1:i+4]) {
		return false
	}
	return i+4 == len(s) || !unicode.IsDigit(rune(s[i+4]))
}

// table reads each row of a table as a statement and relates its first
// cell to every other cell, by the column's header.
func (o *openReader) table(t *Table) {
	if t == nil || len(t.Header) < 2 || len(t.Header) > 12 {
		return
	}
	keyCol, grouped := keyColumn(t)
	// what the columns hold, read once per table: the row readers below
	// would otherwise scan every row for every row
	// a table with no header (a flattened export's ". | . | .") whose
	// keys are lower-case words ("phases", "env": keys of a file, not
	// names) is the section subject's keys and values too
	kindNoun := o.keysOfHeaderKind(t, keyCol)
	kindKeys := kindNoun != ""
	// "| Operation options | . |" over "| Failure tolerance | Maximum
	// number or percentage of ... |": the plural header names what the
	// keys are, and the blank-headed column describes each
	definitions := o.definitionTable(t)
	// (keys over a column that says what each is for, "| Blueprint | Use
	// |", are things, not properties)
	propKeys := (len(t.Header) == 2 && !o.lx.PurposeLabel(stripParens(t.Header[1].Text)) && (propertyKeys(t) || o.valueColumn(t)) || blankHeader(t) && lowerKeys(t)) && !kindKeys && !definitions
	attrCols := keyCol == 0 && len(t.Header) >= 3 && propertyColumn(t, 1) && shortLabels(t, 1)
	heads := make([]struct {
		phrase string
		pol    graph.Polarity
		read   bool
	}, len(t.Header))
	// the key column's header names what kind of thing its keys are
	// ("constraint", "tier", "hook"): they are the section subject's
	kind, kindSubj, kindPhrase, kindPol := "", "", "", graph.Positive
	if h := strings.TrimSpace(t.Header[keyCol].Text); h != "" && h != "." && countFields(h) <= 2 && len(o.mentions(h)) == 0 {
		kind, kindSubj = h, o.defaultSubject()
		kindPhrase, kindPol = o.phrase(h)
		if kindPhrase == "" {
			kind = ""
		}
	}
	// a key column headed by a word for features ("Feature" over "Active-
	// passive DR", under "| Simple | Failover | Weighted |"): its rows are
	// features of what the other columns name, and a cell that marks yes
	// or no says whether that thing supports the row's feature
	featureRows := slices.ContainsFunc(o.lx.Kinds(strings.TrimSpace(t.Header[keyCol].Text)), func(k graph.NodeKind) bool {
		return k == graph.KindFeature || k == graph.KindCapability
	})
	o.stages(t)
	cols := o.entityColumns(t, keyCol)
	for _, r := range t.Rows {
		if len(r) <= keyCol || r[0].Text == "" {
			continue
		}
		if cols != nil {
			o.attributeOfColumns(t, r, keyCol, cols)
			continue
		}
		var parts []string
		for j, c := range r {
			if c.Text == "" {
				continue
			}
			if h := t.Header[j].Text; h != "" && j > 0 {
				parts = append(parts, h+": "+c.Text)
			} else {
				parts = append(parts, c.Text)
			}
		}
		key := r[keyCol]
		if key.Text == "" {
			continue
		}
		if propKeys && o.keyValueRow(t, r, key, parts) {
			continue
		}
		// a row's property and its value are read as one relation
		attr := attrCols && o.attributeRow(t, r)
		subj := o.itemNode(key.Text)
		if q, ok := o.x.parseQuantity(stripParens(key.Text)); ok && boundedAt(stripParens(key.Text), q) {
			// "Under 60 seconds (high resolution)" over "3 hours": the row
			// is keyed by a bound, not by the value "60 seconds" the next
			// row keys
			subj = o.x.newNode(graph.KindValue, cleanName(key.Text))
		}
		if o.keyOfKind(key.Text, kindNoun) {
			// "StackSet constraint", "Tag update constraint": a thing of
			// the header's kind by its own name, not the entity it names
			subj = o.x.newNode(graph.KindConcept, cleanName(key.Text))
		}
		o.headText = ""
		if n := len(o.frames); n > 0 {
			o.headText = o.frames[n-1].text
		}
		o.statement(strings.Join(parts, "; "), key.Line, subj)
		o.headText = ""
		if subj == "" {
			continue
		}
		groupRelated := false
		if grouped {
			// "Lambda | CodeDeployDefault.LambdaAllAtOnce | all traffic
			// shifted at once": the group relates to the row's item by
			// the item column's header
			owner := o.defaultSubject()
			part := "" // a group that names a part of the section's subject by its short name
			if owner != "" && len(o.mentions(r[0].Text)) == 0 {
				if id, ok := o.x.namedPart(owner, strings.TrimSpace(r[0].Text)); ok {
					// "Pipes" in EventBridge's sheet: EventBridge Pipes
					part = id
					o.x.add(owner, graph.PredFeature, part, r[0].Text, 0, key.Line)
				}
			}
			if part == "" && owner != "" && owner != subj && len(o.mentions(r[0].Text)) == 0 {
				// "destinations | Amazon S3 | ..." in Firehose's note: a
				// group that names nothing is a part of the section
				// subject's, as a heading "Destinations" under its heading
				// is: the subject relates to the item by the group's words
				if o.propertyOf(owner, t, r, keyCol) {
					groupRelated = true
				} else if phrase, pol := o.phrase(r[0].Text); phrase != "" {
					o.x.addOpen(owner, graph.OpenRelation(phrase, pol), subj, r[0].Text+": "+t.Header[1].Text+": "+key.Text, 0, key.Line)
					groupRelated = true
				}
			} else if g := cmp.Or(part, o.itemNode(r[0].Text)); g != "" && g != subj {
				if part != "" && o.propertyOf(part, t, r, keyCol) {
					groupRelated = true // "Pipes,sources,"Amazon SQS, ..."": the part's sources
				} else if phrase, pol := o.phrase(t.Header[1].Text); phrase != "" {
					o.x.addOpen(g, graph.OpenRelation(phrase, pol), subj, r[0].Text+": "+t.Header[1].Text+": "+key.Text, 0, key.Line)
				}
			}
		}
		// a table's first column lists items of the head above it, unless
		// its header names their kind ("Constraint" over "Launch
		// constraint"): then they are the section subject's things of it
		if n := len(o.frames); !(kindKeys && kind != "") && n > 0 && o.frames[n-1].subject != "" && o.hasPhrase(&o.frames[n-1]) {
			f := &o.frames[n-1]
			f.count++
			o.item(f, key.Text, f.count, key.Line)
		} else if kind != "" && kindSubj != "" && subj != kindSubj && o.x.dictKind(subj) != graph.KindService && !groupRelated {
			// (a grouped row's relation is its group's, not its column's
			// "item")
			// "| constraint | does |" over "| launch | ... |" in Service
			// Catalog's section: its keys are the subject's constraints
			o.x.addOpen(kindSubj, graph.OpenRelation(kindPhrase, kindPol), subj, t.Header[keyCol].Text+": "+key.Text, 0, key.Line)
		}
		for j := keyCol + 1; j < len(r); j++ {
			if attr && j <= 2 {
				continue
			}
			h, c := t.Header[j].Text, r[j].Text
			if m := o.lx.CellMark(c); featureRows && m != 0 && h != "" {
				if thing := o.itemNode(h); thing != "" && thing != subj {
					pol := graph.Positive
					if m < 0 {
						pol = graph.Negative
					}
					o.x.addOpen(thing, graph.OpenRelation("support", pol), subj, key.Text+": "+h+": "+c, 0, r[j].Line)
					continue
				}
			}
			if c == "" || o.lx.BlankCell(c) {
				continue
			}
			if definitions && j == 1 || h != "" && o.lx.DescriptionLabel(stripParens(h)) {
				// a "Notes" column describes its row, as a definition
				// table's blank-headed one does: no relation of its own;
				// its text is read as sentences about the row's subject
				// ("destinations: CloudWatch Logs, S3" in the row "VPC Flow
				// Logs"), its evidence the row's statement
				if subj != "" {
					saved := o.noStatement
					o.noStatement = true
					o.sentencesOf(semicolonNames(c), r[j].Line, subj, true)
					o.noStatement = saved
				}
				continue
			}
			if h == "" {
				continue
			}
			if !heads[j].read { // a column's relation, read once per table
				heads[j].phrase, heads[j].pol = o.phrase(h)
				heads[j].read = true
			}
			phrase, pol := heads[j].phrase, heads[j].pol
			if phrase == "" {
				continue
			}
			detail := key.Text + ": " + h + ": " + c
			if !strings.Contains(c, "; ") {
				o.cell(subj, phrase, pol, c, detail, r[j].Line, false)
				continue
			}
			// "500 resources per stack; 200 parameters; 200 outputs": a
			// cell of several statements, each read as a cell of its own
			for _, part := range strings.Split(c, "; ") {
				if part = strings.TrimSpace(part); part != "" && !o.lx.BlankCell(part) {
					o.cell(subj, phrase, pol, part, detail, r[j].Line, true)
				}
			}
		}
	}
}

// entityColumns returns, for a comparison table whose columns are the
// things compared and whose rows their attributes ("| | Parameter Store
// Standard | Parameter Store Advanced | Secrets Manager |" over "| max
// value size | 4 KB | 8 KB | 64 KB |"), the node each column names ("" for
// the key column); nil for any other table. The key column's header is
// blank, every other header names one entity (a header that qualifies
// its entity, "Parameter Store Standard", is a variant of it, a node of
// its own), and at most one row key names an entity.
func (o *openReader) entityColumns(t *Table, keyCol int) []string {
	if keyCol != 0 || len(t.Header) < 3 || len(t.Rows) < 2 {
		return nil
	}
	if h := strings.TrimSpace(t.Header[0].Text); h != "" && h != "." {
		return nil
	}
	named := 0
	for _, r := range t.Rows {
		if len(r) > 0 && len(o.mentions(r[0].Text)) > 0 {
			named++
		}
	}
	if named > 1 {
		return nil
	}
	// every header names one entity before any node is made, or every
	// header names none and is a short name of a variant of the section's
	// subject ("| | Standard | Advanced |" under Parameter Store's
	// "Tiers")
	heads := make([]mention, len(t.Header))
	namedHeads, bare := 0, 0
	for j := 1; j < len(t.Header); j++ {
		h := strings.TrimSpace(stripParens(t.Header[j].Text))
		ms := o.mentions(h)
		switch {
		case len(ms) == 1 && isEntity(o.x.dictKind(ms[0].id)) && countFields(h) <= maxGivenNameWords:
			heads[j] = ms[0]
			namedHeads++
		case len(ms) == 0 && h != "" && countFields(h) <= maxVariantWords && !strings.ContainsAny(h, ".,;:?!") && !isNumberCell(h):
			bare++
		default:
			return nil
		}
	}
	subj := ""
	if bare > 0 {
		if subj = o.defaultSubject(); namedHeads > 0 || subj == "" || !isEntity(o.x.dictKind(subj)) {
			return nil
		}
	}
	cols := make([]string, len(t.Header))
	for j := 1; j < len(t.Header); j++ {
		h := strings.TrimSpace(stripParens(t.Header[j].Text))
		if subj != "" {
			// a variant of the section's subject, a feature of it
			if cols[j] = o.x.newNode(graph.KindFeature, qualifyName(o.x.nodes[subj].Name, cleanName(h))); cols[j] != "" {
				o.x.addOpen(subj, graph.PredFeature, cols[j], h, 0, t.Header[j].Line)
			}
			continue
		}
		if m := heads[j]; m.start == 0 && m.end == len(h) {
			cols[j] = m.id
			continue
		}
		// a variant column is a feature of the entity it qualifies
		if cols[j] = o.x.newNode(graph.KindFeature, cleanName(h)); cols[j] != "" {
			o.x.addOpen(heads[j].id, graph.PredFeature, cols[j], h, 0, t.Header[j].Line)
		}
	}
	return cols
}

// maxVariantWords bounds the words of a comparison table's header that
// names a variant of the section's subject (see entityColumns).
const maxVariantWords = 3

// attributeOfColumns reads one row of a comparison table (see
// entityColumns): each column's thing has the row's attribute, of the
// cell's value ("Secrets Manager" max value size "64 KB"); a cell that
// marks yes or no says whether the thing supports the row's feature.
func (o *openReader) attributeOfColumns(t *Table, r []Cell, keyCol int, cols []string) {
	key := r[keyCol]
	var parts []string
	for j, c := range r {
		if c.Text != "" && j > keyCol && j < len(t.Header) {
			parts = append(parts, t.Header[j].Text+": "+c.Text)
		}
	}
	o.statement(key.Text+": "+strings.Join(parts, "; "), key.Line, cols[min(keyCol+1, len(cols)-1)])
	phrase, pol := o.phrase(stripParens(key.Text))
	for j := keyCol + 1; j < len(r) && j < len(cols); j++ {
		c := strings.TrimSpace(r[j].Text)
		if cols[j] == "" || c == "" || o.lx.BlankCell(c) {
			continue
		}
		detail := key.Text + ": " + t.Header[j].Text + ": " + c
		if m := o.lx.CellMark(c); m != 0 || strings.EqualFold(c, "yes") || strings.EqualFold(c, "no") {
			has := graph.Positive
			if m < 0 || m == 0 && strings.EqualFold(c, "no") {
				has = graph.Negative
			}
			if thing := o.itemNode(key.Text); thing != "" {
				o.x.addOpen(cols[j], graph.OpenRelation("support", has), thing, detail, 0, r[j].Line)
			}
			continue
		}
		if phrase == "" {
			continue
		}
		o.cell(cols[j], phrase, pol, c, detail, r[j].Line, false)
	}
}

// maxLabelledValueWords bounds a part of a table cell read as a label and
// its values ("retention 24 h default, up to 365 days").
const maxLabelledValueWords = 8

// cell relates a table row's subject to what one cell (or one part of a
// cell, when part is set) names, by the column's relation: each step of an
// arrow chain, in order, or each name of a list, else (for a part, after
// labelledValues) the name or short value it is, else its check mark.
func (o *openReader) cell(subj, phrase string, pol graph.Polarity, c, detail string, line int, part bool) {
	rel := graph.OpenRelation(phrase, pol)
	c = expandVariants(c)
	if hops := stepHops(c); hops != nil {
		// "Pending -> Pending:Wait -> Pending:Proceed -> InService" under
		// "states": the cell's steps, in order
		for k, h := range hops {
			if obj := o.itemNode(h); obj != "" && obj != subj {
				o.x.addOpen(subj, rel, obj, detail, k+1, line)
			}
		}
		return
	}
	if objs := o.cellItems(c); len(objs) >= 2 {
		// "EBS volume, RDS, ElastiCache, Redshift" in the row
		// "Snapshot": each name of the cell is an object
		for _, obj := range objs {
			if obj != subj {
				o.x.addOpen(subj, rel, obj, detail, 0, line)
			}
		}
		return
	}
	if part && o.labelledValues(subj, phrase, pol, c, detail, line) {
		return
	}
	obj := o.itemNode(c)
	if obj == "" {
		obj = o.cellValue(c)
	}
	if obj == "" {
		obj = o.markValue(c)
	}
	if obj != "" && obj != subj {
		o.x.addOpen(subj, rel, obj, detail, 0, line)
	}
}

// labelledValues reads a part of a table cell that writes quantities after
// a few words ("retention 24 h default, up to 365 days"; "1 MB/s or 1,000
// records/s in per shard" opens with its value and is no such part): the
// subject relates to each quantity by the column's relation and those
// words ("limit retention"). It reports whether it read one.
func (o *openReader) labelledValues(subj, phrase string, pol graph.Polarity, c, detail string, line int) bool {
	qs := o.x.quantities(c)
	if len(qs) == 0 || qs[0].Start == 0 || countFields(c) > maxLabelledValueWords {
		return false
	}
	label, lpol := o.phrase(c[:qs[0].Start])
	if label == "" || lpol != graph.Positive || len(o.mentions(c[:qs[0].Start])) > 0 {
		return false
	}
	rel := graph.OpenRelation(phrase+" "+label, pol)
	for _, q := range qs {
		o.x.addOpen(subj, rel, o.x.newNode(graph.KindValue, q.Text), detail, 0, line)
	}
	return true
}

// maxStageLabelWords bounds the words of a numbered row label ("Deployment
// Stage 3"), number aside.
const maxStageLabelWords = 3

// stageLabel splits a numbered row label into its words and number:
// "Deployment Stage 3" → "Deployment Stage", 3. ok is false for any other
// cell.
func stageLabel(c string) (label string, n int, ok bool) {
	f := strings.Fields(c)
	if len(f) < 2 || len(f) > maxStageLabelWords+1 {
		return "", 0, false
	}
	n, err := strconv.Atoi(f[len(f)-1])
	if err != nil || n <= 0 {
		return "", 0, false
	}
	for _, w := range f[:len(f)-1] {
		if !isLetters(w) {
			return "", 0, false
		}
	}
	return strings.Join(f[:len(f)-1], " "), n, true
}

// stageColumn returns the first column of a table whose row labels are
// numbered, one label's words throughout and the numbers rising, at least
// two of them ("Deployment Stage 1", "Deployment Stage 2"; other rows,
// "Initial State", may stand between), and that label; -1 when none is.
func stageColumn(t *Table) (int, string) {
	for c := range t.Header {
		label, last, numbered := "", 0, 0
		for _, r := range t.Rows {
			if c >= len(r) {
				continue
			}
			l, n, ok := stageLabel(r[c].Text)
			if !ok {
				continue
			}
			if n <= last || label != "" && !strings.EqualFold(l, label) {
				numbered = 0
				break
			}
			label, last = l, n
			numbered++
		}
		if numbered >= 2 {
			return c, label
		}
	}
	return -1, ""
}

// stages reads a table with a column of numbered row labels ("Deployment
// Stage 1", "Deployment Stage 2", ...) as a sequence: the text each
// numbered row gives after its label is a step of the section's subject,
// at the label's number, related by the label's words ("deployment
// stage"). A row after the last numbered one ("Final State | Blue
// environment removed") ends the sequence, one step further; rows before
// the first ("Initial State") are where it starts from, no step.
func (o *openReader) stages(t *Table) {
	col, label := stageColumn(t)
	if col < 0 {
		return
	}
	subj := o.defaultSubject()
	phrase, pol := o.phrase(label)
	if subj == "" || phrase == "" {
		return
	}
	rel := graph.OpenRelation(phrase, pol)
	pos, started := 0, false
	for _, r := range t.Rows {
		if col >= len(r) {
			continue
		}
		_, n, ok := stageLabel(r[col].Text)
		switch {
		case ok:
			pos, started = n, true
		case started && r[col].Text != "":
			pos++ // "Final State" after the numbered stages
		default:
			continue
		}
		l := r[col].Text
		for _, c := range r[col+1:] {
			if c.Text == "" || o.lx.BlankCell(c.Text) {
				continue
			}
			// the step is the cell's text as written ("Deploy new version
			// to new servers": a stage of its own, not "Deploy new
			// version" of another stage), its gloss after a dash aside
			// ("Cutover - direct traffic from blue to green")
			step, _, _ := strings.Cut(c.Text, " - ")
			if obj := o.x.newNode(graph.KindConcept, clip(step)); obj != "" && obj != subj {
				o.x.addOpen(subj, rel, obj, l+": "+c.Text, pos, c.Line)
			}
			break
		}
	}
}

// maxCellValueWords bounds the words of a table cell read as a value
// though it is no name.
const maxCellValueWords = 5

// cellItems returns the nodes of the names a table cell lists ("EBS
// volume, RDS, ElastiCache"): the entities it names when it is their list,
// else the short items of its comma list when each reads as a name; nil
// for a cell that is one thing or a clause ("final snapshot, then
// removed", "Many moving parts, requires orchestration").
func (o *openReader) cellItems(c string) []string {
	if ids := o.x.entityList(c); len(ids) >= 2 {
		return ids
	}
	var ids []string
	for _, it := range o.listNames(c, false) {
		id := o.itemNode(it)
		if id == "" {
			return nil
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		ids = o.placedIdentifiers(c)
	}
	return ids
}

// placedIdentifiers returns the identifiers of a text that lists each with
// where it lives ("AWSCloudFormationStackSetAdministrationRole in admin
// account, AWSCloudFormationStackSetExecutionRole in each target
// account"): every comma-separated part opens with a code token and a
// preposition. nil for any other text.
func (o *openReader) placedIdentifiers(text string) []string {
	parts := strings.Split(text, ", ")
	if len(parts) < 2 {
		return nil
	}
	var ids []string
	for _, p := range parts {
		id := o.x.identifierNode(o.placedCode(p))
		if id == "" {
			return nil
		}
		ids = append(ids, id)
	}
	return ids
}

// placedCode returns the code token a text opens with when a preposition
// and more words follow it, saying where the thing lives
// ("AWS-SystemsManager-AutomationExecutionRole in every target account"):
// the identifier, without its code marks; "" for any other text.
func (o *openReader) placedCode(text string) string {
	var buf [2]string
	f, n := headFields(text, buf[:])
	if n <= 2 || !isCodeToken(strings.Trim(f[0], "`*")) || strings.ContainsAny(f[0][len(f[0])-1:], ":,;") || !o.lx.IsPreposition(f[1]) {
		return ""
	}
	return strings.Trim(f[0], "`*")
}

// cellValue names a short table cell that itemNode reads as no name
// ("reduced by one batch" under "Capacity during deploy"): under its
// column's header it is the row's value. It returns "" for a cell that is
// a sentence.
func (o *openReader) cellValue(c string) string {
	c = cleanName(c)
	f := strings.Fields(c)
	if len(f) == 0 || len(f) > maxCellValueWords || strings.ContainsAny(c, ".;:!?*") || slices.ContainsFunc(f[1:], o.lx.isAux) {
		return ""
	}
	if !strings.ContainsFunc(c, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) || strings.Count(c, "[") != strings.Count(c, "]") {
		return "" // "+", "$$", "🕑": a level the table's ranks read; "[ASG [Instance 2]" a drawing
	}
	return o.x.newNode(graph.KindConcept, c)
}

// markValue names a cell that is only a check mark or a cross ("✅",
// "❌", "✔"): the value its column's relation has for the row (a
// check-mark comparison table; queries read the mark); "" for any other
// cell, and for "+" and "-", which tables use for levels and blanks too.
func (o *openReader) markValue(c string) string {
	c = strings.TrimSpace(c)
	if c == "" || strings.ContainsFunc(c, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return ""
	}
	if !strings.ContainsFunc(c, func(r rune) bool { return r > unicode.MaxASCII }) {
		return "" // "+", "-": a level or an empty cell in a table of them
	}
	if o.lx.CellMark(c) == 0 {
		return ""
	}
	return o.x.newNode(graph.KindValue, c)
}

// keyValueRow reads a row of a two-column table of properties (table has
// checked the shape with propertyKeys) ("| Max SCP
// size | 5,120 characters |" under "SCP behaviour cheat table"): a key
// that is no name the dictionary knows is the relation, of the entity it
// names or else of the section's subject, and the value its object (a
// list, a quantity or a name). It reports whether it read the row.
func (o *openReader) keyValueRow(t *Table, r []Cell, key Cell, parts []string) bool {
	if len(r) < 2 || r[1].Text == "" || o.lx.BlankCell(r[1].Text) {
		return false
	}
	if id, ok := o.x.exact(stripParens(key.Text)); ok && isEntity(o.x.dictKind(id)) {
		return false // "| CodeDeploy | yes |": a row about a named thing
	}
	subj, rest := o.defaultSubject(), key.Text
	if ms := o.mentions(key.Text); len(ms) == 1 && isEntity(o.x.dictKind(ms[0].id)) && !o.afterPreposition(key.Text, ms[0].start) {
		// (a name after a preposition is the key's object: "Apply to
		// mgmt account?" under SCPs)
		subj, rest = ms[0].id, key.Text[:ms[0].start]+" "+key.Text[ms[0].end:]
	}
	if subj == "" {
		return false
	}
	o.statement(strings.Join(parts, "; "), key.Line, subj)
	f := &frame{subject: subj, pending: true, rest: strings.TrimSuffix(strings.TrimSpace(rest), "?"), text: key.Text, long: true}
	if !o.hasPhrase(f) {
		return false
	}
	if v := strings.TrimSpace(r[1].Text); bareNumberRe.MatchString(v) {
		// "| Max SCPs attached per entity | 5 |": the key gives the unit
		phrase, pol := o.phraseOf(f)
		o.x.addOpen(subj, graph.OpenRelation(phrase, pol), o.x.newNode(graph.KindValue, v), key.Text+": "+v, 0, r[1].Line)
		return true
	}
	if countFields(r[1].Text) <= maxPropertyValueWords {
		o.itemValues(f, r[1].Text, r[1].Line)
		return true
	}
	o.item(f, r[1].Text, 0, r[1].Line)
	return true
}

// definitionTable reports whether a table is a list of definitions under
// a header that names what its keys are: two columns, the first headed by
// a plural noun phrase of at most maxNounLabelWords words that names
// nothing ("Operation options"), the second blank.
func (o *openReader) definitionTable(t *Table) bool {
	if len(t.Header) != 2 || len(t.Rows) < 2 {
		return false
	}
	h, d := strings.TrimSpace(t.Header[0].Text), strings.TrimSpace(t.Header[1].Text)
	if d != "" && d != "." || h == "" || h == "." || countFields(h) > maxNounLabelWords || len(o.mentions(h)) > 0 {
		return false
	}
	f := strings.Fields(h)
	return PluralNoun(strings.ToLower(f[len(f)-1])) && !o.x.hasVerb(h)
}

// blankHeader reports whether a table's header has no text ("." marks an
// empty cell in a flattened export).
func blankHeader(t *Table) bool {
	for _, h := range t.Header {
		if s := strings.TrimSpace(h.Text); s != "" && s != "." {
			return false
		}
	}
	return true
}

// lowerKeys reports whether every key of a table's first column opens
// with a lower-case letter.
func lowerKeys(t *Table) bool {
	for _, r := range t.Rows {
		if len(r) == 0 || r[0].Text == "" {
			continue
		}
		if c, _ := utf8.DecodeRuneInString(r[0].Text); !unicode.IsLower(c) {
			return false
		}
	}
	return true
}

// attributeRow reads a row of a table (table has checked its shape with
// propertyColumn and shortLabels) whose second column names a
// property of the thing the first names ("Service,Quota,Default /
// value,Adjustable" over "Kinesis Data Streams,Write per shard,1 MB/s or
// 1,000 records/s,N"): the property is the relation from the entity to the
// next cell's value, and, qualified by its column's header, to each later
// short cell ("write per shard adjustable" → "N"). Each quantity of a
// value cell that holds several is a value of its own. A value cell of
// labelled parts ("Standard: 1 year; Express: 5 min") qualifies the
// property by each label. It reports whether it read the row.
func (o *openReader) attributeRow(t *Table, r []Cell) bool {
	if len(r) < 3 || r[1].Text == "" || r[2].Text == "" {
		return false
	}
	subj := ""
	if id, ok := o.x.exact(stripParens(r[0].Text)); ok && isEntity(o.x.dictKind(id)) {
		subj = id
	} else if ms := o.mentions(r[0].Text); len(ms) == 1 && isEntity(o.x.dictKind(ms[0].id)) {
		subj = ms[0].id
	}
	if subj == "" {
		return false
	}
	key := strings.TrimSpace(stripParens(r[1].Text))
	relate := func(rest, value string, line int) {
		f := &frame{subject: subj, pending: true, rest: strings.TrimSuffix(rest, "?"), text: r[1].Text, long: true}
		if !o.hasPhrase(f) {
			return
		}
		o.itemValues(f, value, line)
	}
	for _, part := range strings.Split(r[2].Text, "; ") {
		// "Standard: 1 year; Express: 5 min": values qualified by labels
		if o.lx.BlankCell(part) {
			continue
		}
		if label, value, ok := strings.Cut(part, ": "); ok && countFields(label) <= maxAttributeWords {
			relate(key+" "+label, value, r[2].Line)
		} else {
			relate(key, part, r[2].Line)
		}
	}
	for j := 3; j < len(r); j++ {
		c := strings.TrimSpace(r[j].Text)
		if c == "" || o.lx.BlankCell(c) || countFields(c) > maxAttributeWords || t.Header[j].Text == "" || o.lx.DescriptionLabel(stripParens(t.Header[j].Text)) {
			continue
		}
		relate(key+" "+t.Header[j].Text, c, r[j].Line)
	}
	return true
}

// propertyOf reads a row of a grouped table (see groupedKey) whose key is
// a property of owner, the section's subject the group names nothing of
// ("buffering,buffer size (S3),"1 - 128 MiB, default 5 MiB"" in
// Firehose's sheet; "transform,record result statuses,"Ok, Dropped,
// ProcessingFailed""): the key is the relation from owner to the next
// cell's values, a list's items or its quantities each. It reports
// whether it read the row: not when the key is no property (see
// propertyKey; one lower-case word is one over a list) or names something,
// or the value cell is prose of more than maxPropertyValueWords words.
func (o *openReader) propertyOf(owner string, t *Table, r []Cell, keyCol int) bool {
	if keyCol+1 >= len(r) || keyCol+1 >= len(t.Header) {
		return false
	}
	key, value := r[keyCol], strings.TrimSpace(r[keyCol+1].Text)
	if value == "" || o.lx.BlankCell(value) || len(o.mentions(stripParens(key.Text))) > 0 {
		return false
	}
	list := len(o.listNames(value, true)) >= 2 || stepHops(value) != nil
	if countFields(value) > maxPropertyValueWords && !list {
		return false
	}
	if !propertyKey(key.Text) && !(lowerWord(key.Text) && list) {
		// (one lower-case word keys a property when its value is a list
		// or a chain: "Pipes,sources,"Amazon SQS, Amazon Kinesis Data
		// Streams, ..."", "Pipes,stages,source > filtering > enrichment
		// > target")
		return false
	}
	f := &frame{subject: owner, pending: true, rest: strings.TrimSuffix(strings.TrimSpace(stripParens(key.Text)), "?"), text: key.Text, long: true}
	if !o.hasPhrase(f) {
		return false
	}
	o.statement(key.Text+": "+value, key.Line, owner)
	o.itemValues(f, value, r[keyCol+1].Line)
	return true
}

// itemValues relates a property's frame to a value cell: to each of its
// quantities when it holds two or more ("1 MB/s or 1,000 records/s",
// "default 3 s, max 900 s (15 min)"; an aside's quantity restates or
// qualifies one, "(1 MB steps)", and is none), else to the cell as an
// item.
func (o *openReader) itemValues(f *frame, value string, line int) {
	if qs := Quantities(stripParens(value)); len(qs) >= 2 {
		for _, q := range qs {
			o.item(f, q.Text, 0, line)
		}
		return
	}
	o.item(f, value, 0, line)
}

// maxPropertyValueWords bounds the words of a value cell propertyOf
// reads: a longer cell is a remark, read as sentences.
const maxPropertyValueWords = 12

// valueColumn reports whether a two-column table's second column holds
// the values of the properties its keys name: quantities, mostly, under a
// header that names no property of its own ("| limit | value |" over "|
// timeout | default 3 s, max 900 s |"), keys that are no quantities
// themselves ("60 seconds | 15 days" is keyed by values). Under a header
// that names a property ("| tier | max size |" over "| Standard | 4 KB
// |") the keys are things that have it.
func (o *openReader) valueColumn(t *Table) bool {
	if !quantityColumn(t, 1) || quantityColumn(t, 0) {
		return false
	}
	h := strings.Fields(strings.ToLower(strings.Trim(t.Header[1].Text, " .")))
	return len(h) == 0 || len(h) == 1 && o.lx.QuestionWord("generic", Stem(h[0]))
}

// quantityColumn reports whether at least half the cells of column j of
// a table hold a quantity ("default 3 s, max 900 s", "128 MB - 10,240
// MB"): keys paired with such values are properties, not things, unless
// the keys are quantities too ("1 minute | 15 days": a value-keyed table).
func quantityColumn(t *Table, j int) bool {
	n := 0
	for _, r := range t.Rows {
		if len(r) > j && len(Quantities(r[j].Text)) > 0 {
			n++
		}
	}
	return len(t.Rows) >= 2 && 2*n >= len(t.Rows)
}

// maxAttributeWords bounds the words of a cell after a property's value
// that attributeRow relates by its column's header ("N", "yes", "per
// Region"): longer cells are remarks, read as statements.
const maxAttributeWords = 3

// shortLabels reports whether every cell of column j of a table is a
// short label ("Write per shard", "Cache size / TTL"): a column of
// descriptions ("Scans accounts, recommends cost optimisations") holds no
// properties.
func shortLabels(t *Table, j int) bool {
	for _, r := range t.Rows {
		if len(r) <= j {
			continue
		}
		c := strings.TrimSpace(r[j].Text)
		if countFields(c) > maxCSVHeaderWords || strings.ContainsAny(c, ",;*") || endsSentence(c) {
			return false
		}
	}
	return true
}

// keysOfHeaderKind returns the noun of a table's key column header when
// its keys are things of the kind it names: at least two keys, and half of
// them, end with it ("Launch constraint", "Tag update constraint" under
// "Constraint"). Such keys are items, not properties. "" otherwise.
func (o *openReader) keysOfHeaderKind(t *Table, keyCol int) string {
	h := strings.Fields(strings.ToLower(t.Header[keyCol].Text))
	if len(h) == 0 || len(h) > 2 {
		return ""
	}
	noun := o.words.Lemma(h[len(h)-1])
	n := 0
	for _, r := range t.Rows {
		if len(r) > keyCol && o.keyOfKind(r[keyCol].Text, noun) {
			n++
		}
	}
	if n >= 2 && 2*n >= len(t.Rows) {
		return noun
	}
	return ""
}

// keyOfKind reports whether a table key is a thing of the kind noun names:
// two words or more, the last that noun ("StackSet constraint").
func (o *openReader) keyOfKind(key, noun string) bool {
	k := strings.Fields(strings.ToLower(stripParens(key)))
	return noun != "" && len(k) >= 2 && o.words.Lemma(strings.Trim(k[len(k)-1], "*`")) == noun
}

// propertyColumn reports whether column j of a table holds properties,
// not names: at least half its cells read as properties (see
// propertyKey).
func propertyColumn(t *Table, j int) bool {
	n := 0
	for _, r := range t.Rows {
		if len(r) > j && propertyKey(r[j].Text) {
			n++
		}
	}
	return 2*n >= len(t.Rows) && n > 0
}

// propertyKeys reports whether a table's first column holds properties,
// not names: at least half its keys are questions ("Apply to mgmt
// account?") or phrases with a lower-case word after the first ("Max SCP
// size", "Default policy on root/OU/acct"), where a table of things names
// them ("Setup", "AWSTemplateFormatVersion", "VPC Flow Logs").
func propertyKeys(t *Table) bool { return propertyColumn(t, 0) }

// propertyKey reports whether a table key reads as a property (see
// propertyKeys).
func propertyKey(k string) bool {
	k = strings.TrimSpace(k)
	if strings.HasSuffix(k, "?") {
		return true
	}
	if quantityKey(k) {
		return false // "5 min", "< 60 s (hi-res)": a value the row's other cells are paired with
	}
	fs := strings.Fields(stripParens(k))
	for _, w := range fs[min(1, len(fs)):] {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// lowerWord reports whether a text is one word in lower case ("sources").
func lowerWord(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && !strings.ContainsAny(s, " \t") && strings.ToLower(s) == s && strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// quantityKey reports whether a table key is one quantity and nothing
// else but marks ("5 min", "< 60 s (hi-res)", "1 hour"): a row keyed by a
// value, read like "60s | 15d".
func quantityKey(k string) bool {
	t := stripParens(k)
	qs := Quantities(t)
	if len(qs) != 1 || qs[0].Dimension == "count" {
		return false
	}
	rest := t[:qs[0].Start] + t[qs[0].End:]
	return !strings.ContainsFunc(rest, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// keyColumn returns the column that names a table's rows: the second
// when the first only numbers them ("0 | Default | Designed to ...", "1 |
// OldestInstance | ...") or groups them (grouped is set then; see
// groupedKey), else the first.
func keyColumn(t *Table) (col int, grouped bool) {
	if len(t.Header) < 3 || len(t.Rows) < 2 {
		return 0, false
	}
	if groupedKey(t) {
		return 1, true
	}
	for _, r := range t.Rows {
		if len(r) < 2 || !bareNumberRe.MatchString(strings.TrimSpace(r[0].Text)) || r[1].Text == "" {
			return 0, false
		}
	}
	return 1, false
}

// onlyKindWords reports whether a text holds nothing but function words and
// nouns that name a kind of node ("deployment", "service", "feature").
func (o *openReader) onlyKindWords(text string) bool {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !o.lx.IsStop(w) && len(o.lx.Kinds(w)) == 0 {
			return false
		}
	}
	return true
}

// proseHead reads a paragraph that introduces a table as a list head: the
// subject it names first (else the section's), the words of its first
// sentence as the relation.
func (o *openReader) proseHead(text, dflt string) (frame, bool) {
	first := text
	if ss := sentences(text); len(ss) > 0 {
		first = ss[0]
	}
	f := frame{depth: -1, subject: dflt, text: clip(first)}
	rest := first
	if ms := o.mentions(first); len(ms) > 0 && isEntity(o.x.dictKind(ms[0].id)) {
		f.subject = ms[0].id
		rest = first[:ms[0].start] + " " + first[ms[0].end:]
	}
	// prose that introduces rows states no polarity of its own
	f.phrase, _ = o.phrase(rest)
	if f.subject == "" || f.phrase == "" {
		return frame{}, false
	}
	return f, true
}

// predicateLike reports whether a text reads as a predicate, not a name:
// an instruction of three words or more ("Set routing policy to weighted",
// "Choose which artifacts to send"), or a participle, adjective or verb
// followed by a preposition ("Applied with next deploy", "Usable in
// resources", "Works on bucket level").
func predicateLike(lx *Lexicon, name string, f []string) bool {
	if len(f) >= 3 && lx.LeadingVerb(name, len(name)) {
		// "Route 53 access logs", "Run Command documents": a name that
		// opens with a verb goes on with a number or a capital
		if r, _ := utf8.DecodeRuneInString(f[1]); !unicode.IsDigit(r) && !unicode.IsUpper(r) {
			return true
		}
	}
	if len(f) < 2 {
		return false
	}
	w0 := strings.ToLower(strings.Trim(f[0], ".,;:()"))
	if !lx.IsPreposition(strings.Trim(f[1], ".,;:()")) {
		return false
	}
	for _, suf := range []string{"ed", "able", "ible"} {
		if strings.HasSuffix(w0, suf) {
			return true
		}
	}
	return strings.HasSuffix(w0, "s") && !strings.HasSuffix(w0, "ss") && Lemma(w0) != w0
}

// verbInside reports a lower-case word before the last of words that reads
// as a third person's verb ("manages" of "AWS Proton manages
// infrastructure templates"; a plural noun does not go on to an object).
func verbInside(words []string) bool {
	for _, w := range words[1 : len(words)-1] {
		if !isCapitalized(w) && PluralNoun(w) {
			return true
		}
	}
	return false
}

// nameLike reports whether a list item's or cell's text can name a thing:
// it has a word of two letters or more, its brackets balance, it neither
// starts nor ends with a function word ("These can be ...", "Can also use
// console", "See also") and it is not one word repeated ("v2 v2 v2").
func (o *openReader) nameLike(name string) bool {
	f := strings.Fields(name)
	if len(f) == 0 {
		return false
	}
	if predicateLike(o.lx, name, f) {
		return false
	}
	if strings.Count(name, "(") != strings.Count(name, ")") || strings.Count(name, "[") != strings.Count(name, "]") {
		return false
	}
	if strings.Contains(name, " -- ") || isoDateRe.MatchString(name) {
		// "#devops-study -- export 2024-03-05": a title with its
		// subtitle or date, the name of no thing
		return false
	}
	first := strings.Trim(f[0], ".,;:!?\"'")
	last := strings.Trim(f[len(f)-1], ".,;:!?\"'")
	// the vendor's prefix before a capitalised word opens a proper name,
	// though the lexicon lists it as a function word ("AWS CloudTrail
	// management events": "aws" weighs nothing in a search), unless a verb
	// makes it a sentence ("AWS Proton manages infrastructure templates")
	vendorName := len(f) > 1 && isVendorPrefix(first) && isCapitalized(f[1]) && !o.x.hasVerb(name) && !verbInside(f)
	if o.lx.IsStop(first) && !vendorName || o.lx.IsStop(last) && len(f) > 1 {
		return false
	}
	for _, w := range f[1:] {
		if o.lx.isAux(w) {
			return false // "Instances can still be terminated": a statement, not a name
		}
	}
	word, same := false, true
	for _, w := range f {
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters >= 2 {
			word = true
		}
		if w != f[0] {
			same = false
		}
	}
	return word && !(same && len(f) > 1)
}

// isoDateRe matches a calendar date written year first ("2024-03-05").
var isoDateRe = lazyRE(`\b\d{4}-\d{2}-\d{2}\b`)

// maxGivenLeadWords bounds the words of a name givenNameLead matches.
const maxGivenLeadWords = 4

// givenNameLead returns the node of the item right before the current
// block when that item was only a name (the item "Geolocation" of a list
// of routing policies, flattened) and a sentence opens with that name, capitalised, and its verb follows within
// two words ("Geolocation routing lets you choose ..."); and the byte
// offset after the name. "" when the sentence opens with no such name.
func (o *openReader) givenNameLead(s string) (string, int) {
	if o.nameItem == "" {
		return "", 0
	}
	var buf [maxGivenLeadWords + 2]string
	fs, n := headFields(s, buf[:])
	if n == 0 || !unicode.IsUpper([]rune(fs[0])[0]) {
		return "", 0
	}
	for k := min(maxGivenLeadWords, len(fs)); k >= 1; k-- {
		id, ok := o.x.byName[o.x.slug(cleanName(strings.Join(fs[:k], " ")))]
		if !ok || id != o.nameItem {
			continue
		}
		for j := k; j < len(fs) && j <= k+1; j++ {
			w := strings.ToLower(strings.Trim(fs[j], ".,;:"))
			if o.x.knownVerb(w) || thirdPerson(w, o.words.Lemma(w)) {
				end := strings.Index(s, fs[k-1]) + len(fs[k-1])
				return id, end
			}
		}
	}
	return "", 0
}

// ownSubject reports whether a sentence that does not start with a name
// still reads as the section's subject speaking: a verb-first bullet that
// states one inline list or quantity ("Supports: a, b and c", "Retention
// up to 7 days") under a heading that names it.
func (o *openReader) ownSubject(s string, ms []mention) bool {
	if o.verbFirst(s) {
		return true // "Pulls three log types (CloudTrail, VPC flow, DNS)": the heading's subject pulls
	}
	start, items := inlineList(s, 0)
	labelled := start >= 0 && len(items) >= 2 && strings.HasSuffix(strings.TrimSpace(s[:start]), ":")
	if labelled {
		// "in-place deployments walk through lifecycle hooks in this order:
		// ...": a strategy or capability before the label's colon
		// qualifies its noun; only an entity there could be the subject
		ms = slices.DeleteFunc(slices.Clone(ms), func(m mention) bool { return m.start < start && !isEntity(o.x.dictKind(m.id)) })
	}
	if len(ms) > 0 && (!labelled || ms[0].start < start) {
		// "New application versions can be deployed to EC2 instances,
		// ...": a subject that names nothing, done to by the heading's
		// subject; else it names other things, and which of them is the
		// subject is a guess (names inside the list a label heads are its
		// items: "Shared accounts it creates: management account, Log
		// Archive account, Audit account")
		return o.passiveLead(s[:ms[0].start])
	}
	return start >= 0 && len(items) >= 2 || len(o.x.quantities(s)) > 0
}

// passiveLead reports whether the words before a sentence's first name are
// a subject that names nothing, a passive verb (or a modal and a verb) and
// a preposition: "New application versions can be deployed to", "Logs are
// exported into", "output can go to", "Matching events can then be routed
// to a".
func (o *openReader) passiveLead(lead string) bool {
	// (an article before the name and an adverb inside the verb group
	// are no part of it: "Matching events can then be routed to a")
	f := slices.DeleteFunc(strings.Fields(lead), func(w string) bool { return o.lx.IsLeadingSkip(strings.ToLower(w)) })
	for len(f) > 0 && isArticle(strings.ToLower(f[len(f)-1])) {
		f = f[:len(f)-1]
	}
	n := len(f)
	if n < 4 || !o.lx.IsPreposition(strings.ToLower(f[n-1])) {
		return false
	}
	if !o.lx.isAux(f[n-3]) {
		return false
	}
	p := strings.ToLower(f[n-2])
	modal := o.lx.QuestionSurface("modal", strings.ToLower(f[n-3])) && !o.lx.isAux(p) && isLetters(p)
	if !strings.HasSuffix(p, "ed") && !strings.HasSuffix(p, "en") && !modal {
		// ("output can go to": a modal and its verb say what the
		// subject's part does, as a passive says what is done to it)
		return false
	}
	// the subject: words that name a thing, not "Not everything", "Once
	// data", "It"
	for _, w := range f[:n-3] {
		lw := strings.ToLower(strings.Trim(w, ",;:()"))
		if o.lx.IsNegation(lw) || o.lx.Subordinator(lw) || opensWithPronoun(lw) || o.lx.IsPreposition(lw) {
			return false
		}
	}
	return true
}

// auxiliary reports whether a lower-case word is an auxiliary: the
// lexicon's ("can", "is", "does") or a form of "do" ("do NOT affect").
func (o *openReader) auxiliary(w string) bool {
	return o.lx.isAux(w) || o.words.Lemma(w) == "do"
}

// verbFirst reports whether a sentence opens with its verb, its subject
// left to its heading: the first word is a verb ("Supports", "Pulls",
// "Can") and the second no auxiliary ("Tasks can ..." opens with a noun).
func (o *openReader) verbFirst(s string) bool {
	var buf [2]string
	f, n := headFields(strings.TrimLeft(s, "-•*> "), buf[:])
	if n < 2 {
		return false
	}
	w := strings.ToLower(strings.Trim(f[0], ".,:;"))
	second := strings.Trim(f[1], ".,:;")
	if o.auxiliary(w) && o.lx.Negates(second) || w == "cannot" || w == "never" || NotContraction(w) {
		// a negated verb: "do NOT affect the management account",
		// "cannot prevent a change", "doesn't support Windows"
		return true
	}
	if o.lx.isAux(second) {
		return false
	}
	if o.lx.HeadVerb(w) {
		return true
	}
	// an inflected third-person verb: "pulls", "sends", "analyzes"
	return thirdPerson(w, o.words.Lemma(w)) && !unicode.IsUpper([]rune(f[1])[0])
}

// thirdPersonLead reports whether a text opens with a verb's third person
// ("Outputs", "Emits", "Pulls") that labels nothing (no colon after it).
func (o *openReader) thirdPersonLead(s string) bool {
	t := strings.TrimLeft(s, "-•*> ")
	k := strings.IndexByte(t, ' ')
	if k <= 0 || strings.ContainsAny(t[:k], ":") {
		return false
	}
	w := strings.ToLower(t[:k])
	return thirdPerson(w, o.words.Lemma(w))
}

// firstSentence returns a text up to the end of its first sentence.
func firstSentence(text string) string {
	if ss := sentences(text); len(ss) > 0 {
		return ss[0]
	}
	return text
}

// isLetters reports whether a word is letters only ("go", not "10x").
func isLetters(w string) bool {
	return w != "" && !strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
}

// expandVariants writes out the variants a note gives of an identifier by
// its last number alone: "LambdaCanary10Percent5Minutes /10/15/30" →
// "LambdaCanary10Percent5Minutes, LambdaCanary10Percent10Minutes,
// LambdaCanary10Percent15Minutes, LambdaCanary10Percent30Minutes", and a
// comma after them when more follows (a one-cell-per-line cell broken over
// lines, one identifier a line). Text with no such variants is returned as
// it is.
func expandVariants(text string) string {
	if !strings.Contains(text, "/") {
		return text
	}
	fs := strings.Fields(text)
	changed := false
	out := make([]string, 0, len(fs))
	for k := 0; k < len(fs); k++ {
		f := fs[k]
		next := ""
		if k+1 < len(fs) {
			next = strings.TrimRight(fs[k+1], ",;")
		}
		if next != "" && isIdentifier(f) && numberVariants(next) != nil {
			if i, j := lastDigits(f); i >= 0 {
				names := []string{f}
				for _, n := range numberVariants(next) {
					names = append(names, f[:i]+n+f[j:])
				}
				group := strings.Join(names, ", ") + fs[k+1][len(next):]
				if k+2 < len(fs) && !strings.HasSuffix(group, ",") && !strings.HasSuffix(group, ";") {
					// "... /10/15/30 LambdaLinear10PercentEvery1Minute /2/3/10":
					// a cell broken over lines, a list of identifiers
					group += ","
				}
				out = append(out, group)
				changed = true
				k++
				continue
			}
		}
		out = append(out, f)
	}
	if !changed {
		return text
	}
	return strings.Join(out, " ")
}

// numberVariants returns the numbers of a token that is only "/N/N...":
// "/10/15/30" → 10, 15, 30; nil for any other token.
func numberVariants(tok string) []string {
	if !strings.HasPrefix(tok, "/") {
		return nil
	}
	parts := strings.Split(tok[1:], "/")
	for _, p := range parts {
		if p == "" || strings.IndexFunc(p, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			return nil
		}
	}
	return parts
}

// lastDigits returns the byte span of the last run of digits in s, or -1,
// -1 when it has none.
func lastDigits(s string) (int, int) {
	j := -1
	for i := len(s) - 1; i >= 0; i-- {
		d := s[i] >= '0' && s[i] <= '9'
		switch {
		case d && j < 0:
			j = i + 1
		case !d && j >= 0:
			return i + 1, j
		}
	}
	if j >= 0 {
		return 0, j
	}
	return -1, -1
}

// maxSubjectNounWords bounds the plain words that go on with a subject's
// name before its verb ("rule" of "EventBridge rule matches ...").
const maxSubjectNounWords = 2

// thirdPersonAt reports whether the field at span sp of s is a verb in
// the third person ("matches").
func (o *openReader) thirdPersonAt(s string, sp [2]int) bool {
	v := strings.ToLower(s[sp[0]:sp[1]])
	return thirdPerson(v, o.words.Lemma(v))
}

// plainWordAt reports whether the field at span sp of s is a lower-case
// word of letters that is no auxiliary, preposition or negation: a noun
// that may go on with a name.
func (o *openReader) plainWordAt(s string, sp [2]int) bool {
	w := s[sp[0]:sp[1]]
	return isLetters(w) && strings.ToLower(w) == w && !o.lx.isAux(w) && !o.lx.IsPreposition(w) && !o.lx.IsNegation(w) && !o.lx.IsLeadingSkip(w)
}

// coordinatedVerbs splits the verb phrases a sentence's subject is
// coordinated with, after its first one (which starts at byte offset
// verbStart): "scans EC2 instances and reports findings to Security Hub",
// "compiles source code, runs unit tests and produces artifacts", "will
// check for IAM resources, and require CAPABILITY_IAM". A later phrase
// opens after ", " or " and " with a verb of the first one's form (a third
// person's "reports" after "scans"; after a modal, a base form the
// lexicon's leading verbs hold), lower case and followed by its object,
// no preposition ("provides metrics and alarms for EC2" lists nouns). It
// returns where the first phrase ends and the later phrases, each from its
// verb; cut is 0 when the sentence coordinates no verb phrases.
func (o *openReader) coordinatedVerbs(s string, verbStart int) (cut int, vps []string) {
	// (the fields after the verb, a bounded window on the stack: a
	// sentence that lists thousands of names allocates nothing here)
	var buf [maxCoordinatedFields][2]int
	fs := fieldSpans(buf[:0], s, verbStart)
	k := 0
	modal := false
	for k < len(fs) {
		w := strings.ToLower(s[fs[k][0]:fs[k][1]])
		if o.lx.QuestionWord("aux", w) {
			modal = true
		} else if !strings.HasSuffix(w, "ly") {
			break
		}
		k++
	}
	if k >= len(fs) {
		return 0, nil
	}
	if !modal {
		// (a noun or two may go on with the subject's name before its
		// verb: "EventBridge rule matches ... and routes them to ...")
		for n := 0; n < maxSubjectNounWords && k+1 < len(fs) && !o.thirdPersonAt(s, fs[k]) && o.plainWordAt(s, fs[k]); n++ {
			k++
		}
		if !o.thirdPersonAt(s, fs[k]) {
			return 0, nil
		}
	}
	isVerb := func(w string) bool {
		if w == "" || strings.ToLower(w) != w || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return false
		}
		if modal {
			return o.lx.LeadingVerb(w, len(w)) && !o.lx.QuestionWord("aux", w)
		}
		return thirdPerson(w, o.words.Lemma(w))
	}
	depth := 0
	var starts []int // the byte offsets of the later phrases' verbs
	last := k        // the field of the phrase's verb read last
	for j := k + 1; j+1 < len(fs); j++ {
		between := s[fs[j-1][1]:fs[j][0]]
		depth += strings.Count(between, "(") - strings.Count(between, ")")
		word := s[fs[j][0]:fs[j][1]]
		depth += strings.Count(word, "(") - strings.Count(word, ")")
		if depth != 0 {
			continue
		}
		sep := strings.TrimSpace(between) == "," || strings.HasSuffix(s[fs[j-1][0]:fs[j-1][1]], ",") || strings.EqualFold(word, "and")
		if !sep {
			continue
		}
		v := j
		if strings.EqualFold(word, "and") {
			v = j + 1
		}
		if v+1 >= len(fs) || !isVerb(s[fs[v][0]:fs[v][1]]) {
			continue
		}
		if prev := strings.ToLower(strings.Trim(s[fs[j-1][0]:fs[j-1][1]], ",")); j-last < 2 || o.lx.LeadingVerb(prev, len(prev)) {
			// "defines, creates, and applies the tags", "receive and
			// send triggers": verbs that share one object
			return 0, nil
		}
		if j-last > maxCoordinatedObjectWords || strings.Contains(s[fs[last][1]:fs[j-1][0]], ",") {
			return 0, nil // a long or punctuated phrase: clauses, not one verb's object
		}
		next := strings.ToLower(strings.Trim(s[fs[v+1][0]:fs[v+1][1]], ",.;:"))
		if o.lx.IsPreposition(next) || o.lx.Subordinator(next) || next == "and" || next == "or" {
			continue
		}
		starts = append(starts, fs[v][0])
		if len(starts) == 1 {
			cut = strings.LastIndexAny(s[:fs[j][0]], ",")
			if cut < fs[j-1][1] {
				cut = fs[j-1][1]
			}
		}
		last, j = v, v
	}
	if len(starts) == 0 {
		return 0, nil
	}
	for n, st := range starts {
		end := len(s)
		if n+1 < len(starts) {
			end = starts[n+1]
			// the next phrase's separator: ", ", " and " or ", and "
			end = len(strings.TrimRight(strings.TrimSuffix(strings.TrimRight(s[:end], " "), "and"), " ,"))
		}
		vps = append(vps, strings.TrimSpace(s[st:end]))
	}
	return cut, vps
}

// maxCoordinatedObjectWords bounds the words of a verb phrase's object
// before a coordinated verb phrase (see coordinatedVerbs).
const maxCoordinatedObjectWords = 8

// maxCoordinatedFields bounds the words after a verb that coordinatedVerbs
// reads for the verb phrases coordinated with it.
const maxCoordinatedFields = 48

// fieldSpans appends to out the byte spans of s's space-separated fields
// from byte offset from on, up to out's capacity.
func fieldSpans(out [][2]int, s string, from int) [][2]int {
	start := -1
	for i := from; i <= len(s) && len(out) < cap(out); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == '\t' {
			if start >= 0 {
				out = append(out, [2]int{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

// clauseBreak returns the index of the first "(" or of the first comma
// that is no digit group's ("25,000 entries"), or -1.
func clauseBreak(t string) int {
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '(':
			return i
		case ',':
			if i > 0 && i+1 < len(t) && isDigit(t[i-1]) && isDigit(t[i+1]) {
				continue
			}
			return i
		}
	}
	return -1
}

// startsDigit reports text that opens with a digit.
func startsDigit(s string) bool { return s != "" && isDigit(s[0]) }
