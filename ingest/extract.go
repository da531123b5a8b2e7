package ingest

import (
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/awskg/awskg/graph"
)

// Graph is what extraction produces: the nodes it names and the facts it
// read, every fact citing its note line.
type Graph struct {
	Nodes      []graph.Node
	Facts      []graph.Fact
	Statements []graph.Statement // every sentence, item, row and heading, in source order
	Forms      graph.Forms       // the notes' word forms, for graph.WithForms; nil for one note's extraction
}

// extractor turns the blocks of one document into facts.
type extractor struct {
	dict  *Dictionary
	doc   *Document
	nodes map[string]graph.Node
	facts []graph.Fact

	// spellings are the names the note gave each node it named itself
	// (newNode), in order: the first is the node's name, the others share
	// its ID because they are spellings of it (see graph.Slug).
	spellings map[string][]string
	spelled   map[[2]string]bool // (ID, name) pairs in spellings

	// context while walking the blocks
	headings []headingCtx // level-less formats: every heading so far; markdown: the path
	scope    *scope       // capability or strategy a heading puts its blocks under
	subhead  string       // a short paragraph acting as a heading ("Billing Alarms")
	subLine  int
	// subDepth is the depth of the bullet that set subhead, -1 when a
	// paragraph (or nothing) did
	subDepth int
	list     *listHead // the head of the list the next bullets belong to
	// blogService is what the last heading of a blog that names a service
	// names: the subject of the short headings after it (see heading)
	blogService []string
	// topic is the one entity the note's title names (titleTopic): the
	// subject of the lines no heading gives one
	topic []string
	chain *pendingChain

	lastSubject  string // the subject of the last sentence that named one, for "It ..."
	lastSentence string // the previous sentence, for "It ..." after a skipped one

	headingCount map[string]int // how many headings have each text
	// fields are the labels the note's entries repeat ("Picked:", "CAUSE:"),
	// read once (see recurringLabels)
	fields map[string]bool

	stmts  []graph.Statement  // every statement, in source order (open.go)
	typed  map[typedPair]bool // what the typed rules related, line by line
	byName map[string]string  // node ID by normalised name, for nodes the note named

	found map[string][]Mention // Find results by text
	// abbrevs are the short forms the note defines (noteAbbreviations);
	// glossLines the lines that define them, which state no fact
	abbrevs    map[string]string
	glossLines map[int]bool
	vocabs     map[string][]string // vocab results by text
	exacts     map[string]exactHit // Exact results by text
	// clauseCache holds clauses results by sentence (those with a
	// separator; the others are their own clause)
	clauseCache map[string][]string
	slugs       map[string]string     // graph.Slug by name, for newNode
	findBuf     findScratch           // Dictionary.Find's buffers
	quantCache  map[string][]Quantity // Quantities by text

	// contextStop[i] is the index of the nearest heading at or before i that
	// context() stops at (it names a service or is not generic), -1 if none.
	contextStop  []int
	contextSteps int // headings context() looked at: the work it did, for tests
	headingGen   int // counts the changes of headings, for what is derived from them
	// levels is 1 when the note's headings nest by level (Markdown, a blog,
	// a text note with marked headings: "** Sub", "== Section"), -1 when
	// they do not, 0 until first asked
	levels int8

	line      int            // first line of the block being read
	lineFacts map[int]int    // facts read from each line
	clipIn    string         // the last detail clipped, and its clip: the
	clipOut   string         // facts of one sentence share one string
	warns     ErrorList      // bounds that skipped content
	warned    map[string]int // warnings given, by line and message

	// sources[line] is the line's citation (Document.Source), made once:
	// a line's facts and statements all cite it.
	sources []string
	words   *WordCache // the open-relation pass's word cache; nil: its own
	// termWords is the word cache of the statements' terms, used on the
	// terms pass's goroutine; nil: its own
	termWords *WordCache
}

// Bounds on what extraction reads from one text, each far above what notes
// hold (at most 14 names in one text and a few facts per line in the
// corpus). Every name or fact can cite the whole text, so without them work
// and memory would grow with the square of a line's length.
const (
	// MaxMentions is the most service, feature or capability names read
	// from one text (a paragraph, list item, heading or cell); the names
	// after it are skipped with a warning.
	MaxMentions = 64
	// MaxLineFacts is the most facts read from one line; further facts are
	// skipped with a warning.
	MaxLineFacts = 256
)

// source is x.doc.Source(line), made once per line.
func (x *extractor) source(line int) string {
	if line < 0 || line > len(x.doc.Lines)+1 {
		return x.doc.Source(line)
	}
	if x.sources == nil {
		x.sources = make([]string, len(x.doc.Lines)+2)
	}
	if x.sources[line] == "" {
		x.sources[line] = x.doc.Source(line)
	}
	return x.sources[line]
}

// warn records a positioned problem once; past maxLineErrors only a summary is kept.
func (x *extractor) warn(line int, msg string) {
	key := fmt.Sprintf("%d\x00%s", line, msg)
	if _, ok := x.warned[key]; ok {
		return
	}
	x.warned[key] = line
	switch {
	case len(x.warns) < maxLineErrors:
		x.warns.Add(x.doc.File, line, msg)
	case len(x.warns) == maxLineErrors:
		x.warns.Add(x.doc.File, line, "too many errors; further problems not reported")
	}
}

type exactHit struct {
	id string
	ok bool
}

// exact is Dictionary.Exact, memoised, with the note's own short forms.
func (x *extractor) exact(text string) (string, bool) {
	if h, ok := x.exacts[text]; ok {
		return h.id, h.ok
	}
	id, ok := x.dict.exactIn(text, &x.findBuf)
	if a, def := x.abbrevs[strings.TrimSpace(text)]; def {
		id, ok = a, true // the note's own short form
	}
	x.exacts[text] = exactHit{id, ok}
	return id, ok
}

// find is Dictionary.Find, memoised: extraction asks about the same
// sentence several times.
func (x *extractor) find(text string) []Mention {
	if m, ok := x.found[text]; ok {
		return m
	}
	m := withAbbreviations(text, x.dict.find(text, &x.findBuf), x.abbrevs)
	if len(m) > MaxMentions {
		x.warn(x.line, fmt.Sprintf("%d names in one text, over the limit of %d: the names past the first %d skipped", len(m), MaxMentions, MaxMentions))
		m = m[:MaxMentions:MaxMentions]
	}
	x.found[text] = m
	return m
}

type headingCtx struct {
	text      string
	level     int
	services  []string // entities the heading names
	container bool     // directly followed by another heading: a section of sections
	generic   bool     // its text heads several sections ("Overview", "Limits")
}

type scope struct {
	node   string // capability or strategy node ID
	kind   graph.NodeKind
	line   int
	detail string
}

type listHead struct {
	pred    string
	subject string
	kind    graph.NodeKind // kind of new item nodes
	depth   int            // bullets deeper than this (or any bullet in flat formats) belong to it
	count   int
	line    int
	// scene is the head's text when it names a thing other than the list's
	// subject ("In case we have load balancer, we can have the following
	// additional hooks"): the condition its items hold under, cited with
	// each item ("scene — item") as the note's open relations cite it
	scene string
	// numbered is set once the list's first item is numbered ("1. Schedule
	// and duration"): a flat list of numbered items ends at the first
	// item with no number
	numbered bool
}

type pendingChain struct {
	hops []hopText
}

type hopText struct {
	text string
	line int
}

// Extract reads the facts of one parsed note. ExtractWarnings also returns
// the content that the bounds MaxMentions and MaxLineFacts skipped.
func Extract(doc *Document, dict *Dictionary) Graph {
	return newExtractor(doc, dict).run()
}

// ExtractWarnings is Extract plus a positioned warning for each bound that
// skipped content (nil when none did).
func ExtractWarnings(doc *Document, dict *Dictionary) (Graph, ErrorList) {
	return extractWords(doc, dict, nil, nil)
}

// extractWords is ExtractWarnings with word caches that outlive the note:
// the notes one goroutine reads share their words' lemmas and phrase words
// (words) and their statements' terms (termWords, used on the terms
// pass's goroutine). A nil cache gives the note one of its own.
func extractWords(doc *Document, dict *Dictionary, words, termWords *WordCache) (Graph, ErrorList) {
	x := newExtractor(doc, dict)
	x.words, x.termWords = words, termWords
	g := x.run()
	x.warns.Sort()
	return g, x.warns
}

func newExtractor(doc *Document, dict *Dictionary) *extractor {
	// the memos of texts get about one entry per block or more: sized so,
	// they do not grow step by step
	n := len(doc.Blocks)
	return &extractor{typed: map[typedPair]bool{}, dict: dict, doc: doc, nodes: map[string]graph.Node{}, spellings: map[string][]string{}, spelled: map[[2]string]bool{}, byName: map[string]string{},
		found: make(map[string][]Mention, n), vocabs: map[string][]string{}, exacts: make(map[string]exactHit, n), headingCount: map[string]int{},
		clauseCache: map[string][]string{}, slugs: map[string]string{}, quantCache: make(map[string][]Quantity, n),
		lineFacts: map[int]int{}, warned: map[string]int{}}
}

func (x *extractor) run() Graph {
	doc := x.doc
	for _, b := range doc.Blocks {
		if b.Kind == BlockHeading {
			x.headingCount[strings.ToLower(strings.TrimSpace(b.Text))]++
		}
	}
	if lx := x.dict.Lexicon; lx != nil {
		// "Can run" over "24/7", "Load-based", "Time-based" at its own
		// depth (a flattened export): the items it lists, nested as under
		// a head that ends with ":" (nestFlatLists)
		doc = nestedUnder(doc, lx.OpensList, oneItem(lx.NamesItem))
	}
	// the note's own short forms first: the names the nesting below looks
	// up are memoised with them
	x.abbrevs, x.glossLines = noteAbbreviations(doc, x.dict)
	// "Data sources" over "Amazon Athena", "Amazon Aurora" at its own
	// depth: a plural noun phrase that names nothing heads the run of known
	// names after it, as a head that ends with ":" would
	doc = nestedUnder(doc, x.nounLabel, x.namesOf)
	x.doc = doc
	x.fields = x.recurringLabels() // of the note as written: a claim label may be a field
	doc = claimsRead(doc, x.dict.Lexicon, x.fieldLabel)
	x.doc = doc
	x.topic = x.titleTopic()
	if x.topic == nil {
		x.topic = x.fileTopic()
	}
	o := newOpenReader(x)
	if o != nil {
		defer o.terms.close() // ends the terms goroutine should a block fail
	}
	for i := range doc.Blocks {
		x.block(i)
		if o != nil {
			o.block(i)
		}
	}
	x.flushChain()
	if o != nil {
		o.finishTerms()
	}
	nodes := make([]graph.Node, 0, len(x.nodes))
	for id, n := range x.nodes {
		for _, sp := range x.spellings[id] {
			// "Delete" where the node is "DELETE": the note's other case,
			// an alias an answer can be spelt by where its line writes it
			if sp != n.Name && strings.EqualFold(sp, n.Name) && !slices.Contains(n.Aliases, sp) {
				n.Aliases = append(slices.Clone(n.Aliases), sp)
			}
		}
		nodes = append(nodes, n)
	}
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].ID < nodes[j].ID })
	return Graph{Nodes: nodes, Facts: x.facts, Statements: x.stmts}
}

func (x *extractor) block(i int) {
	b := &x.doc.Blocks[i]
	x.line = b.Line
	if b.Kind != BlockParagraph || !strings.HasPrefix(strings.TrimSpace(b.Text), "->") {
		x.flushChain()
	}
	switch b.Kind {
	case BlockHeading:
		x.heading(i, b, i+1 < len(x.doc.Blocks) && x.doc.Blocks[i+1].Kind == BlockHeading)
	case BlockParagraph:
		if x.isSubheading(i) {
			x.subhead, x.subLine, x.subDepth = strings.TrimSuffix(strings.TrimSpace(b.Text), ":"), b.Line, -1
			x.list = nil
			x.listStart(b.Text, b.Line, -1)
			return
		}
		if x.arrowContinuation(b) {
			return
		}
		if b.Depth > 0 && !strings.HasSuffix(strings.TrimSpace(b.Text), ":") {
			// a further paragraph of a list item: the list goes on after it
			x.topicSentence(b.Text)
			x.prose(b.Text, b.Line, false)
			return
		}
		x.list = nil
		x.topicSentence(b.Text)
		x.prose(b.Text, b.Line, false)
		x.listStart(b.Text, b.Line, -1)
	case BlockBullet:
		x.bullet(b, i)
	case BlockTable:
		x.table(b)
		x.list = nil
	}
}

// claimsRead returns doc with its labelled claims read (see
// Lexicon.ClaimLabel), on a copy of its blocks (the caller's document
// stays as parsed); doc itself when no paragraph or item opens with a
// claim label. A false claim ("❌ Wrong: Run a log collector on every
// Fargate host with the DAEMON strategy") states nothing: it is read as a
// code sample is, not at all; a true one ("✅ Right: the DAEMON strategy
// is not supported on Fargate") is its claim, without the label. A label
// of words alone that the note's entries repeat as a field (field, see
// recurringLabels: "**Right:** ValidateService (it's the last hook)" after
// "**Picked:** AfterInstall") is a field, no claim label.
func claimsRead(doc *Document, lx *Lexicon, field func(label string) bool) *Document {
	var blocks []Block
	for i, b := range doc.Blocks {
		if b.Kind != BlockParagraph && b.Kind != BlockBullet {
			continue
		}
		claim, wrong, ok := lx.ClaimLabel(b.Text)
		if !ok {
			continue
		}
		if label, _, _ := strings.Cut(b.Text, ": "); field(label) && !strings.ContainsFunc(label, func(r rune) bool { return !unicode.IsLetter(r) && r != ' ' }) {
			continue
		}
		if blocks == nil {
			blocks = slices.Clone(doc.Blocks)
		}
		if wrong {
			blocks[i].Kind = BlockCode
		} else {
			blocks[i].Text = claim
		}
	}
	if blocks == nil {
		return doc
	}
	cp := *doc
	cp.Blocks = blocks
	return &cp
}

// nestedUnder returns doc with the runs of items under the heads that
// nestListsUnder finds nested, on a copy of its blocks (the caller's
// document stays as parsed); doc itself when no bullet is a head or none
// moved.
func nestedUnder(doc *Document, heads func(string) bool, item func(string) int) *Document {
	if !slices.ContainsFunc(doc.Blocks, func(b Block) bool { return b.Kind == BlockBullet && heads(b.Text) }) {
		return doc
	}
	nested := &Document{Blocks: slices.Clone(doc.Blocks)}
	if !nestListsUnder(nested, heads, item) {
		return doc
	}
	d := *doc
	d.Blocks = nested.Blocks
	return &d
}

// nounLabel reports whether a list item is a label of the items after it
// though it has no colon: a plural noun phrase of at most maxNounLabelWords
// words ("Data sources", "Supported targets") that names nothing, has no
// verb and no sentence punctuation.
func (x *extractor) nounLabel(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" || strings.ContainsAny(t, ".,;:!?()[]/=|\"") || countFields(t) > maxNounLabelWords {
		return false
	}
	ws := strings.Fields(t)
	last := strings.ToLower(ws[len(ws)-1])
	if len(last) < 4 || !PluralNoun(last) {
		return false
	}
	lx := x.dict.Lexicon
	content := lx.LabelNoun(last)
	for k, w := range ws {
		lw := strings.ToLower(w)
		if strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) || strings.HasSuffix(lw, "ing") ||
			lx.IsPreposition(lw) || lx.Negates(lw) || k == 0 && (lx.Subordinator(lw) || strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ly")) {
			return false // "ECSCanary10Percent5Minutes", "Reducing costs", "To all accounts", "Runs on servers", "Installed ..."
		}
		if k < len(ws)-1 && PluralNoun(lw) && w != strings.ToUpper(w) {
			return false // "Runs unit tests", "Targets process events": a verb before the head noun
		}
		content = content || !lx.IsStop(w)
	}
	return content && len(x.find(t)) == 0 && !lx.LeadingVerb(t, len(t)) && !x.hasVerb(strings.Join(ws[:len(ws)-1], " "))
}

// PluralNoun reports whether a lower-case word reads as a plural: it ends
// in "s" but not in "ss", "us" or "is" ("sources"; not "process", "status",
// "analysis"). A third person's verb ("runs") reads as one too.
func PluralNoun(w string) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// maxNounLabelWords bounds the words of a label nounLabel reads.
const maxNounLabelWords = 3

// wholeName reports whether a list item is one known entity's name and
// nothing else ("Amazon Athena").
func (x *extractor) wholeName(text string) bool {
	id, ok := x.exact(strings.TrimSpace(text))
	return ok && isEntity(x.dictKind(id))
}

// namesOf counts the names a list item is: 1 for one known entity's name
// and nothing else ("Amazon Athena"); for a list of names ("Kinesis SDK,
// Kinesis Producer Library (KPL), Kinesis Agent, CloudWatch Logs", a
// closing "..." aside), their number, when every one is capitalised and
// short, at least one is a known entity's and none holds a verb; else 0.
func (x *extractor) namesOf(text string) int {
	if x.wholeName(text) {
		return 1
	}
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "..."))
	if !strings.Contains(t, ",") || strings.ContainsAny(t, ":;!?") || strings.Contains(t, ". ") {
		return 0
	}
	n, known := 0, false
	for _, part := range strings.Split(t, ",") {
		p := strings.TrimSpace(stripParens(part))
		if p == "" {
			continue
		}
		if !startsUpperOrDigit(p) || countFields(p) > maxNamePartWords || x.hasVerb(p) {
			return 0
		}
		known = known || x.wholeName(p)
		n++
	}
	if n < 2 || !known {
		return 0
	}
	return n
}

// maxNamePartWords bounds the words of one name in a list of names.
const maxNamePartWords = 4

// ---- context -------------------------------------------------------------

// maxSubtopicWords bounds the words of a blog heading that names nothing
// and is read as the last service heading's ("targets", "migrate from
// git").
const maxSubtopicWords = 3

// onlyStopWords reports a heading of function words only ("How To"): it
// names no topic, so like a heading many sections share it heads no section
// of its own and hides no service heading above it.
func (x *extractor) onlyStopWords(text string) bool {
	ws := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if !x.dict.Lexicon.IsStop(w) {
			return false
		}
	}
	return true
}

func (x *extractor) heading(i int, b *Block, container bool) {
	x.headingGen++
	text := strings.TrimSpace(b.Text)
	h := headingCtx{text: text, level: b.Level, services: x.headEntities(text, true), container: container,
		generic: x.headingCount[strings.ToLower(text)] > 1 || x.onlyStopWords(text)}
	if x.leveled() {
		for len(x.headings) > 0 && x.headings[len(x.headings)-1].level >= b.Level {
			x.headings = x.headings[:len(x.headings)-1]
		}
		x.contextStop = x.contextStop[:len(x.headings)]
	}
	if len(h.services) == 0 {
		// "Global Tables" in DynamoDB's section is DynamoDB Global Tables:
		// a heading that names a part of the section's service
		if ctx := x.contextOne(); ctx != "" {
			if id, ok := x.exact(qualifyName(x.nodes[ctx].Name, stripParens(text))); ok && isEntity(x.dictKind(id)) && id != ctx {
				x.node(id)
				h.services = []string{id}
			}
		}
	}
	if len(h.services) == 0 && x.doc.Format == FormatBlog && countFields(text) <= maxSubtopicWords && (listCueOf(text) != "" || x.dict.Lexicon.LeadingVerb(text, len(text))) {
		// a blog's headings are all one level, yet "targets" after "api
		// gateway" is that service's list, and "migrate from git" after
		// "codecommit" is something done with it: a short heading that
		// names nothing and heads a list or opens with a verb is the last
		// service heading's (a topic, "db", "security", is its own)
		h.services = x.blogService
	}
	if x.doc.Format == FormatBlog && len(h.services) > 0 && x.dictKind(h.services[0]) == graph.KindService {
		x.blogService = h.services
	}
	if len(h.services) == 0 && x.leveled() {
		if ctx := x.context(); len(ctx) > 1 {
			// "CloudTrail + EventBridge" over "Event types": the section is
			// about the one of the title's services its own lines name
			if s := x.sectionTopic(i, b.Level, ctx); s != "" {
				h.services = []string{s}
			}
		}
	}
	parent := x.parentHeading(b.Level)
	x.headings = append(x.headings, h)
	stop := len(x.headings) - 1
	if h.generic && len(h.services) == 0 {
		stop = x.stopBefore(stop)
	}
	x.contextStop = append(x.contextStop, stop)
	x.subhead, x.list, x.scope = "", nil, nil
	if capID, ok := x.capabilityIn(text, b.Line); ok {
		switch {
		case len(h.services) > 0:
			// "Multi Region with Route 53": the heading's own service has it.
			for _, s := range h.services {
				x.add(s, graph.PredSupports, capID, text, 0, b.Line)
			}
		case parent != nil && len(parent.services) > 0 && len(x.vocab(parent.text)) == 0:
			// "S3" / "Cross account replication": the section's service has it.
			for _, s := range parent.services {
				x.add(s, graph.PredSupports, capID, text, 0, b.Line)
			}
		default:
			// "Services that have a concept of multi region": a list follows.
			x.scope = &scope{node: capID, kind: x.nodes[capID].Kind, line: b.Line, detail: text}
		}
	}
	x.listStart(text, b.Line, -1)
}

// headEntities returns the entities a head (a heading, a list's head) names
// (see entities), but none when it names several only in an aside:
// "Lifecycle hooks (Lambda and ECS)" lists the entities its items
// ("ECS: ...") speak of, and the head still speaks for the section it sits
// in.
func (x *extractor) headEntities(text string, whole bool) []string {
	ents := x.entities(text, whole)
	if asideOnly(text, len(ents), func(s string) int { return len(x.entities(s, whole)) }) {
		return nil
	}
	return ents
}

// asideOnly reports whether a head that names n things (two or more, as
// names counts them) names them only in its asides: "Lifecycle hooks
// (Lambda and ECS)".
func asideOnly(text string, n int, names func(string) int) bool {
	return n > 1 && strings.Contains(text, "(") && names(stripParens(text)) == 0
}

// maxTopicBlocks bounds the blocks of a section sectionTopic reads.
const maxTopicBlocks = 200

// sectionTopic returns the one entity of among that the section under the
// heading at block i (up to the next heading of its level or above) names,
// itself or by a name built on it ("CloudTrail Insights"); "" when it names
// none of them or several.
func (x *extractor) sectionTopic(i, level int, among []string) string {
	short := make([]string, len(among))
	for k, id := range among {
		n := strings.ToLower(id)
		if nd, ok := x.nodes[id]; ok {
			n = strings.ToLower(nd.Name)
		}
		short[k] = strings.TrimPrefix(strings.TrimPrefix(n, "aws "), "amazon ")
	}
	found := ""
	blocks := x.doc.Blocks
	for j := i + 1; j < len(blocks) && j <= i+maxTopicBlocks; j++ {
		if blocks[j].Kind == BlockHeading && blocks[j].Level <= level {
			break
		}
		for _, m := range x.find(blocks[j].Text) {
			name := strings.ToLower(m.Text)
			if n, ok := x.nodes[m.ID]; ok {
				name = strings.ToLower(n.Name)
			} else if n, ok := x.dict.Node(m.ID); ok {
				name = strings.ToLower(n.Name)
			}
			for k, id := range among {
				if m.ID != id && !strings.Contains(name, short[k]) {
					continue
				}
				if found != "" && found != id {
					return ""
				}
				found = id
			}
		}
	}
	return found
}

// parentHeading returns the heading a new heading of the given level sits
// under: the previous heading in level-less formats.
func (x *extractor) parentHeading(level int) *headingCtx {
	if len(x.headings) == 0 {
		return nil
	}
	return &x.headings[len(x.headings)-1]
}

// context returns the entities the current section is about: those of the
// nearest heading that names one.
//
// Level-less formats (every heading at level 1) are walked back heading by
// heading: generic headings ("Overview", "Limits") are skipped, and a
// container heading that names no service ("Data/Network Protection",
// directly followed by its first sub-heading) ends the walk: the section
// belongs to no service but the note's own (titleTopic).
func (x *extractor) context() []string {
	if x.leveled() {
		for i := len(x.headings) - 1; i >= 0; i-- {
			if s := x.headings[i].services; len(s) > 0 {
				return s
			}
		}
		return x.topic
	}
	steps := 0
	for i := x.stopBefore(len(x.headings)); i >= 0 && steps < 10; i = x.stopBefore(i) {
		x.contextSteps++
		h := x.headings[i]
		if len(h.services) > 0 {
			return h.services
		}
		if h.container && i < len(x.headings)-1 {
			return x.topic
		}
		steps++
	}
	return x.topic
}

// maxTitleWords bounds the words of a note's first line titleTopic reads
// as its title; maxTitleLine is the last line a title may start on.
const (
	maxTitleWords = 12
	maxTitleLine  = 3
)

// titleTopic returns the entity a note's title names, the title being its
// first block when that starts the note and is a short line or a heading
// over all the others (or over a preamble of a few paragraphs before the
// next heading at its level, as a blog post's title is): "DOP-C02 cheat notes: lambda deploys, versions,
// aliases" is Lambda's note, and "timeout: 900 s max" under its heading
// "limits worth memorizing" is Lambda's timeout. Several features of one
// service ("CloudFormation StackSets and Drift Detection") give the
// service. nil when the title names nothing or two services
// ("Organizations, SCPs, Control Tower"), and when the first line is a
// field the note repeats ("title: AWS Systems Manager" opens the first of
// several records).
func (x *extractor) titleTopic() []string {
	if len(x.doc.Blocks) == 0 {
		return nil
	}
	b := &x.doc.Blocks[0]
	if b.Line > maxTitleLine || b.Kind != BlockHeading && (b.Kind != BlockParagraph || countFields(b.Text) > maxTitleWords) {
		return nil // "* CloudWatch Metrics" after an Org file's settings is its first section
	}
	// a blog post's headings are all one level (a "#" under each), so its
	// first line's heading is the post's title whatever its body holds
	if b.Kind == BlockHeading && x.leveled() && x.doc.Format != FormatBlog {
		for k, o := range x.doc.Blocks[1:] {
			if o.Kind != BlockHeading || o.Level > b.Level {
				continue
			}
			if !x.preamble(x.doc.Blocks[1 : k+1]) {
				return nil // a first section, not the title over them all
			}
			break // a blog post's title over its preamble, every heading at one level
		}
	}
	if label, _, ok := strings.Cut(b.Text, ": "); ok && x.fields[label] {
		return nil
	}
	ents := x.headEntities(b.Text, false)
	if len(ents) == 1 {
		return ents
	}
	topic := ""
	for _, id := range ents {
		p := x.parentOf(id)
		if p == "" {
			p = id
		}
		if topic != "" && p != topic {
			return nil
		}
		topic = p
	}
	if topic == "" {
		return nil
	}
	return []string{topic}
}

// fileTopic returns the entity a note's file name names when the note
// has no heading at all (a spreadsheet's "002_firehose.csv", whose rows
// "destinations,Amazon S3,..." say whose destinations they are only by
// it): the name's words, split at "_", "-" and ".", its extension and
// numbers dropped, read as a title is (see titleTopic). nil when the note
// has a heading (its headings say what its sections are about) or the
// name names nothing, or several services ("000_58aa1aa0168045e5.txt").
func (x *extractor) fileTopic() []string {
	for i := range x.doc.Blocks {
		if x.doc.Blocks[i].Kind == BlockHeading {
			return nil
		}
	}
	base := path.Base(filepath.ToSlash(x.doc.File))
	base = strings.TrimSuffix(base, path.Ext(base))
	words := strings.FieldsFunc(base, func(r rune) bool { return r == '_' || r == '-' || r == '.' || r == ' ' })
	words = slices.DeleteFunc(words, func(w string) bool {
		return strings.ContainsFunc(w, unicode.IsDigit)
	})
	if len(words) == 0 || len(words) > maxTitleWords {
		return nil
	}
	ents := x.headEntities(strings.Join(words, " "), false)
	if len(ents) == 1 && isEntity(x.dictKind(ents[0])) {
		return ents
	}
	return nil
}

// maxPreambleBlocks bounds the paragraphs under a note's first heading
// that still make it the title over the sections at its level.
const maxPreambleBlocks = 3

// preamble reports whether the blocks under a note's first heading, up to
// the next heading at its level, are a title's preamble, not a section's
// body: a few paragraphs and nothing else ("posted in devops-pro prep,
// part 7", "abbrevs used below: ..." under a blog post's title, all of
// whose headings are at one level).
func (x *extractor) preamble(body []Block) bool {
	if len(body) > maxPreambleBlocks {
		return false
	}
	for i := range body {
		if body[i].Kind != BlockParagraph {
			return false
		}
	}
	return true
}

// levelledFormats are the formats whose headings carry their level: Markdown
// and the formats read as the Markdown they say.
var levelledFormats = []string{FormatMarkdown, FormatBlog, FormatLaTeX, FormatHTML, FormatWikitext, FormatZim, FormatJSON,
	FormatColumns, FormatOPML, FormatBBCode, FormatSubtitles, FormatScript, FormatCalendar, FormatBibTeX, FormatNotebook, FormatRST}

// leveled reports whether the note's headings say how they nest: Markdown
// levels, a blog's "#" under every title (all one level: sections follow
// each other, none holds the next), and the marked headings of a text note
// (see readMarkup).
func (x *extractor) leveled() bool {
	if x.levels == 0 {
		x.levels = -1
		if slices.Contains(levelledFormats, x.doc.Format) {
			x.levels = 1
		}
		for i := range x.doc.Blocks {
			if b := &x.doc.Blocks[i]; x.levels < 0 && b.Kind == BlockHeading && b.Level > 1 && x.doc.Format == FormatText {
				x.levels = 1 // readMarkup's levelled headings
			}
		}
	}
	return x.levels > 0
}

// stopBefore returns the nearest heading before index i that context()
// looks at, skipping the generic headings that name no service in one step
// (a note with thousands of "Overview" headings costs no more), or -1.
func (x *extractor) stopBefore(i int) int {
	if i <= 0 || i > len(x.contextStop) {
		return -1
	}
	return x.contextStop[i-1]
}

// contextOne returns the section's main subject: its service, or the
// service a feature heading belongs to ("StackSets" → CloudFormation).
func (x *extractor) contextOne() string {
	c := x.context()
	if len(c) == 0 {
		return ""
	}
	if len(c) > 1 && x.leveled() && x.namesTwoServices() {
		// "my Beanstalk + CloudFormation cheat sheet": a heading that
		// names two services, outside its asides, gives its lines neither
		return ""
	}
	if p := x.parentOf(c[0]); p != "" {
		return p
	}
	return c[0]
}

// namesTwoServices reports whether the nearest heading that names
// entities names, outside its parentheses, two services or features of
// two services ("Beanstalk + CloudFormation"; not "appspec.yml hooks
// (EC2/On-prem)").
func (x *extractor) namesTwoServices() bool {
	for i := len(x.headings) - 1; i >= 0; i-- {
		h := x.headings[i]
		if len(h.services) == 0 {
			continue
		}
		seen := ""
		for _, m := range x.find(stripParens(h.text)) {
			if m.ID == "" || !isEntity(x.dictKind(m.ID)) {
				continue
			}
			s := m.ID
			if p := x.parentOf(s); p != "" {
				s = p
			}
			if x.dictKind(s) != graph.KindService {
				continue
			}
			if seen != "" && s != seen {
				return true
			}
			seen = s
		}
		return false
	}
	return false
}

// parentOf returns the service a feature's name starts with, "" if none.
func (x *extractor) parentOf(id string) string {
	return x.serviceInName(id, false)
}

// serviceInName returns the service a feature's name starts with or, with
// inside, the one it holds after a qualifier ("Unified CloudWatch Agent"),
// the longest first; "" if none.
func (x *extractor) serviceInName(id string, inside bool) string {
	n, ok := x.nodes[id]
	if !ok {
		n, ok = x.dict.Node(id)
	}
	if !ok || n.Kind != graph.KindFeature {
		return ""
	}
	w := strings.Fields(n.Name)
	for from := 0; from < len(w)-1 && (from == 0 || inside); from++ {
		for k := len(w) - 1; k > from; k-- {
			pid, ok := x.exact(strings.Join(w[from:k], " "))
			if ok && pid != id && x.dictKind(pid) == graph.KindService {
				x.node(pid)
				return pid
			}
		}
	}
	return ""
}

// isBulletHead reports a bullet that heads the deeper bullets after it the
// way a subheading does: a short noun phrase ("Billing alarms", "Lifecycle
// hooks") with no verb and no colon, followed by a bullet one level
// deeper.
func (x *extractor) isBulletHead(i int) bool {
	b := x.doc.Blocks[i]
	t := strings.TrimSpace(b.Text)
	var buf [4]string
	f, n := headFields(t, buf[:])
	// "Different types:" heads a list of objects, not of statements
	if n == 0 || n > 4 || strings.ContainsAny(t, ".;,>:=()`") || i+1 >= len(x.doc.Blocks) {
		return false
	}
	if b.Ordinal > 0 {
		return false // "3) Remediate security findings automatically": a numbered option or step, no part of the service
	}
	next := x.doc.Blocks[i+1]
	if next.Kind != BlockBullet || next.Depth != b.Depth+1 {
		return false
	}
	lx := x.dict.Lexicon
	if lx.LeadingVerb(t, len(t)) || listCueOf(t) != "" {
		return false // "Targets" heads a list of targets, not statements
	}
	for _, w := range f {
		if lx.isAux(w) || lx.HeadVerb(w) || lx.IsNegation(w) || lx.LeadingVerb(w, len(w)) {
			return false // "Event notifications go to": a predicate
		}
	}
	return !lx.IsPreposition(f[len(f)-1])
}

// isSubheading reports whether a paragraph is a short title line introducing
// bullets or a table ("Billing Alarms", "AWS-Managed Logs", "Subscriptions").
func (x *extractor) isSubheading(i int) bool {
	b := x.doc.Blocks[i]
	t := strings.TrimSpace(b.Text)
	if t == "" || countFields(t) > 5 || strings.ContainsAny(t, ".;,>") {
		return false
	}
	r := []rune(t)
	if !unicode.IsUpper(r[0]) {
		return false
	}
	if f := strings.Fields(strings.TrimSuffix(t, ":")); len(f) > 1 && (x.knownVerb(strings.ToLower(f[len(f)-1])) || x.dict.Lexicon.ListOpener(strings.ToLower(f[len(f)-1]))) {
		// "Important CloudWatch EC2 metrics include:": a sentence that
		// goes on into its list, no title of the lines after it
		return false
	}
	if i+1 >= len(x.doc.Blocks) {
		return false
	}
	next := x.doc.Blocks[i+1]
	return (next.Kind == BlockBullet || next.Kind == BlockTable) && next.Line == b.EndLine+1
}

// listFollows reports whether the block right after block i, on the next
// line, is a list item.
func (x *extractor) listFollows(i int) bool {
	if i+1 >= len(x.doc.Blocks) {
		return false
	}
	next := x.doc.Blocks[i+1]
	return next.Kind == BlockBullet && next.Line == x.doc.Blocks[i].EndLine+1
}

var isRe = lazyRE(`^(\S+\s+){0,7}?(is|are)\s+\w`)

// topicSentence makes "Amazon Simple Storage Service (S3) is object
// storage..." the subject of a section whose heading names none ("Overview").
func (x *extractor) topicSentence(text string) {
	if len(x.headings) == 0 || len(x.headings[len(x.headings)-1].services) > 0 {
		return
	}
	if !strings.Contains(text, "is") && !strings.Contains(text, "are") || !isRe.MatchString(text) {
		return
	}
	m := x.find(text)
	if len(m) == 0 || m[0].ID == "" || leadingWords(text, m[0].Start) > 1 || x.dictKind(m[0].ID) != graph.KindService {
		return
	}
	x.node(m[0].ID)
	x.headings[len(x.headings)-1].services = []string{m[0].ID}
	x.contextStop[len(x.headings)-1] = len(x.headings) - 1 // it names a service now
}

// ---- nodes and facts -----------------------------------------------------

func (x *extractor) node(id string) {
	if _, ok := x.nodes[id]; ok {
		return
	}
	if n, ok := x.dict.Node(id); ok {
		x.nodes[id] = n
	}
}

// newNode adds a node named by the notes (not in the dictionary).
func (x *extractor) newNode(kind graph.NodeKind, name string) string {
	name = cleanName(name)
	if name == "" || x.dict.Lexicon != nil && x.dict.Lexicon.IsStop(name) && strings.ToUpper(name) != name {
		return "" // "you", "it": a function word names nothing
	}
	if id, ok := x.exact(name); ok {
		x.node(id)
		return id
	}
	key := x.slug(name)
	if id, ok := x.byName[key]; ok && (kind == graph.KindConcept || kind == graph.KindValue) {
		// a list item that repeats a name the note gave a node ("Pilot
		// Light" in a DR table) is that node
		x.spelling(id, name)
		return id
	}
	if key == "" {
		return ""
	}
	id := string(kind) + ":" + key // graph.NodeID(kind, name)
	if _, ok := x.nodes[id]; !ok {
		x.nodes[id] = graph.Node{ID: id, Name: name, Kind: kind}
		if _, taken := x.byName[key]; !taken {
			x.byName[key] = id
		}
	}
	x.spelling(id, name)
	return id
}

// identifierNode returns the node of an identifier a note writes as code
// ("ssm", "mi-", "StopLogging"): a concept named exactly so, never the
// entity a name of the dictionary spells alike (the endpoint "ssm" is not
// AWS Systems Manager); "" when it has no letter or digit.
func (x *extractor) identifierNode(text string) string {
	key := x.slug(text)
	if key == "" {
		return ""
	}
	id := string(graph.KindConcept) + ":" + key
	if _, ok := x.nodes[id]; !ok {
		x.nodes[id] = graph.Node{ID: id, Name: text, Kind: graph.KindConcept}
	}
	x.spelling(id, text)
	return id
}

// quantities is Quantities, memoised: a sentence's quantities are read
// for its subject and for its objects, a list item's for its name.
func (x *extractor) quantities(text string) []Quantity {
	if qs, ok := x.quantCache[text]; ok {
		return qs
	}
	qs := Quantities(text)
	x.quantCache[text] = qs
	return qs
}

// parseQuantity is ParseQuantity with quantities memoised.
func (x *extractor) parseQuantity(text string) (Quantity, bool) {
	t := strings.TrimSpace(text)
	return wholeQuantity(t, x.quantities(t))
}

// slug is graph.Slug, memoised: notes name the same values and concepts
// again and again.
func (x *extractor) slug(name string) string {
	if s, ok := x.slugs[name]; ok {
		return s
	}
	s := graph.Slug(name)
	x.slugs[name] = s
	return s
}

// spelling records a name the note gave a node, once (a set beside the
// list: a note may spell one name in thousands of ways, "AWS Foo", "aws
// FOO", …).
func (x *extractor) spelling(id, name string) {
	k := [2]string{id, name}
	if x.spelled[k] {
		return
	}
	x.spelled[k] = true
	x.spellings[id] = append(x.spellings[id], name)
}

// alias gives a node the note made another name it goes by.
func (x *extractor) alias(id, name string) {
	n, ok := x.nodes[id]
	if !ok || name == "" || name == n.Name || slices.Contains(n.Aliases, name) {
		return
	}
	n.Aliases = append(append([]string{}, n.Aliases...), name)
	x.nodes[id] = n
}

func (x *extractor) add(s, p, o, detail string, pos, line int) {
	if s == "" || o == "" || s == o {
		return
	}
	x.typed[typedPair{s, o, line}] = true
	if !x.fact(graph.Fact{Subject: s, Predicate: p, Object: o, Position: pos}, detail, line) {
		return
	}
	if p != graph.PredFeature && p != graph.PredIsA {
		x.linkParent(s, line)
	}
}

// fact appends f, citing line, with detail clipped, unless the line already
// gave MaxLineFacts facts. The facts of one text share one clipped string.
func (x *extractor) fact(f graph.Fact, detail string, line int) bool {
	if x.glossLines[line] {
		return false // "abbreviations: cp = codepipeline, cc = codecommit"
	}
	if x.lineFacts[line]++; x.lineFacts[line] > MaxLineFacts {
		x.warn(line, fmt.Sprintf("more than %d facts from one line: the rest skipped", MaxLineFacts))
		return false
	}
	x.node(f.Subject)
	x.node(f.Object)
	if detail != x.clipIn {
		x.clipIn, x.clipOut = detail, clip(detail)
	}
	f.Detail, f.Source = x.clipOut, x.source(line)
	x.facts = append(x.facts, f)
	return true
}

// addOpen adds an open relation. A positive phrase the lexicon maps to a
// typed predicate between entities becomes that predicate ("sends
// notifications to" → notifies).
func (x *extractor) addOpen(s, pred, o, detail string, pos, line int) {
	if s == "" || o == "" || s == o || pred == "" {
		return
	}
	if phrase, pol, ok := graph.ParseRelation(pred); ok && pol == graph.Positive && x.notifiable(s) {
		if k := x.dictKind(o); x.notifiable(o) || isVocab(k) {
			if tp := x.dict.Lexicon.TypedPredicate(phrase, k); tp != "" {
				pred = tp
				if tp == graph.PredNotifies && x.notificationOf(s, detail) {
					// "SNS notification on all Config events": Config
					// notifies SNS
					s, o = o, s
				}
			}
		}
	}
	if _, _, open := graph.ParseRelation(pred); open && x.typed[typedPair{s, o, line}] && isVocab(x.dictKind(o)) || !open && x.typed[typedPair{s, o, line}] && x.hasFact(s, pred, o, line) {
		return // the typed rules read this line's capability (or this very fact) already
	}
	x.fact(graph.Fact{Subject: s, Predicate: pred, Object: o, Position: pos}, detail, line)
}

// typedPair is a subject and object a typed rule related on a line.
type typedPair struct {
	s, o string
	line int
}

// hasFact reports whether the line already gave the fact.
func (x *extractor) hasFact(s, p, o string, line int) bool {
	src := x.source(line)
	for i := len(x.facts) - 1; i >= 0 && i >= len(x.facts)-64; i-- {
		f := x.facts[i]
		if f.Subject == s && f.Predicate == p && f.Object == o && f.Source == src {
			return true
		}
	}
	return false
}

// linkParent links a feature to the service its name starts with:
// "DynamoDB Global Tables" is a feature of Amazon DynamoDB.
func (x *extractor) linkParent(id string, line int) {
	if pid := x.parentOf(id); pid != "" {
		x.facts = append(x.facts, graph.Fact{Subject: pid, Predicate: graph.PredFeature, Object: id, Detail: x.nodes[id].Name, Source: x.source(line)})
	}
}

// clipBytes is the longest fact detail kept, in bytes.
const clipBytes = 300

// Clip is clip for other packages: the text of a note line as awskg shows
// it in a detail, blanks collapsed, at most clipBytes bytes and "…".
func Clip(s string) string { return clip(s) }

// clip collapses the blanks of s and cuts it after clipBytes bytes (at a
// rune start) with "…". It reads only as much of s as it keeps, so clipping
// a long text for each of its facts stays linear.
func clip(s string) string {
	if clipped(s) {
		return s
	}
	var b strings.Builder
	b.Grow(min(len(s), clipBytes+utf8.UTFMax+len("…")))
	for f := s; b.Len() <= clipBytes; {
		f = strings.TrimLeftFunc(f, unicode.IsSpace)
		if f == "" {
			break
		}
		end := strings.IndexFunc(f, unicode.IsSpace)
		if end < 0 {
			end = len(f)
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f[:min(end, clipBytes+utf8.UTFMax)])
		f = f[end:]
	}
	out := b.String()
	if len(out) > clipBytes {
		cut := clipBytes
		for cut > 0 && !utf8Start(out[cut]) {
			cut--
		}
		out = out[:cut] + "…"
	}
	return out
}

// clipped reports whether clip would return s unchanged: it is at most
// clipBytes long, neither starts nor ends with a blank and has no blank
// but single spaces.
func clipped(s string) bool {
	return len(s) <= clipBytes && singleSpaced(s)
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// entities links the services and features a text names: whole-segment
// matches (weak aliases included) first, then mentions in prose. Unknown
// "AWS X" names become new service nodes.
func (x *extractor) entities(text string, whole bool) []string {
	if whole {
		if id, ok := x.exact(stripParens(text)); ok && isEntity(x.dictKind(id)) {
			x.node(id)
			return []string{id}
		}
	}
	var out []string
	for _, m := range x.find(text) {
		id := m.ID
		if id == "" {
			id = x.newNode(graph.KindService, m.Text)
		} else if !isEntity(x.dictKind(id)) {
			continue
		}
		x.node(id)
		if id != "" && !containsStr(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func (x *extractor) dictKind(id string) graph.NodeKind {
	if n, ok := x.dict.Node(id); ok {
		return n.Kind
	}
	if n, ok := x.nodes[id]; ok {
		return n.Kind
	}
	return ""
}

// isEntity reports whether nodes of a kind are things a sentence states
// facts of: services, their features and components, the notes' concepts,
// and logs ("VPC Flow Logs can be enabled on a VPC").
func isEntity(k graph.NodeKind) bool {
	return k == graph.KindService || k == graph.KindFeature || k == graph.KindComponent || k == graph.KindConcept || k == graph.KindLog
}

func isVocab(k graph.NodeKind) bool { return k == graph.KindCapability || k == graph.KindStrategy }

// capabilityIn finds a capability or strategy a text names, qualified by
// "manual"/"implicit" words: "Services where multi AZ needs to be enabled
// manually" → "Multi-AZ (manual)".
func (x *extractor) capabilityIn(text string, line int) (string, bool) {
	ids := x.vocab(text)
	if len(ids) == 0 {
		return "", false
	}
	id := ids[0]
	if negated(text) {
		return "", false
	}
	q := qualifier(text)
	if q == "" || x.dictKind(id) != graph.KindCapability {
		return id, true
	}
	base := x.nodes[id]
	qid := x.newNode(graph.KindCapability, base.Name+" ("+q+")")
	x.add(qid, graph.PredIsA, id, text, 0, line)
	return qid, true
}

// vocab returns the capabilities and strategies a text names, in order.
func (x *extractor) vocab(text string) []string {
	if v, ok := x.vocabs[text]; ok {
		return v
	}
	v := x.vocabUncached(text)
	x.vocabs[text] = v
	return v
}

func (x *extractor) vocabUncached(text string) []string {
	var out []string
	if id, ok := x.exact(text); ok && isVocab(x.dictKind(id)) {
		x.node(id)
		return []string{id}
	}
	for _, m := range x.find(text) {
		if m.ID != "" && isVocab(x.dictKind(m.ID)) && !containsStr(out, m.ID) {
			x.node(m.ID)
			out = append(out, m.ID)
		}
	}
	return out
}

var (
	manualRe   = lazyRE(`(?i)\b(manual|manually|explicitly|must enable|needs? to be enabled|opt[- ]in)\b`)
	implicitRe = lazyRE(`(?i)\b(implicit|implicitly|implicitely|automatic|automatically|by default|natively|built[- ]in|out of the box)\b`)
	denyRe     = lazyRE(`(?i)\b(no|never|none|nothing)\b`)
	negRe      = lazyRE(`(?i)\b(cannot|can['’]t|can not|not supported|does not|doesn['’]t|no support|not possible|isn['’]t|is not|not available|unable)\b`)
)

// qualifierCues, negCues and denyCues are cheap filters before
// manualRe and implicitRe, negRe and denyRe.
var (
	qualifierCues = newCueSet("manual", "explicit", "must enable", "enabled", "opt", "implicit", "automatic", "default", "native", "built", "out of the box")
	negCues       = newCueSet("not", "n't", "n’t", "unable")
	denyCues      = newCueSet("no ", "never", "none", "nothing")
)

func qualifier(text string) string {
	if !qualifierCues.in(text) {
		return ""
	}
	switch {
	case manualRe.MatchString(text):
		return "manual"
	case implicitRe.MatchString(text):
		return "implicit"
	}
	return ""
}

func negated(text string) bool {
	if negCues.in(text) && negRe.MatchString(text) {
		return true
	}
	// "NO notification to SNS - events only": a determiner that denies
	return denyCues.in(text) && denyRe.MatchString(text)
}

// ---- prose ---------------------------------------------------------------

// sentences splits prose at ".", "!", "?" or ";" followed by a space (not
// "e.g." or other short tokens) and before ", but" / " but ".
func sentences(text string) []string {
	var out []string
	last := 0
	emit := func(end, next int) {
		if t := strings.TrimSpace(text[last:end]); t != "" {
			out = append(out, t)
		}
		last = next
	}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '.', '!', '?', ';':
			if i+1 < len(text) && text[i+1] != ' ' {
				continue
			}
			// keep "e.g." and "i.e." together: the token before is short
			j := strings.LastIndexByte(text[last:i], ' ')
			if i-(last+j+1) < 3 && c == '.' {
				continue
			}
			emit(i+1, i+1)
		case '|':
			// "Firehose: near real-time | KDS: real-time": a bar between
			// spaces before a labelled statement separates statements, as
			// ";" does ("tagged | untagged | any" are alternatives)
			if i > 0 && text[i-1] == ' ' && i+1 < len(text) && text[i+1] == ' ' && labelledAfter(text[i+1:]) {
				emit(i, i+1)
			}
		case ' ':
			if strings.HasPrefix(text[i:], " but ") {
				end := i
				if end > last && text[end-1] == ',' {
					end--
				}
				emit(end, i+1)
			}
		}
	}
	emit(len(text), len(text))
	return out
}

// labelledAfter reports whether s opens with a short label and ": " (at
// most maxLabelWords words, no bar or sentence stop in it): "KDS: custom
// consumers".
func labelledAfter(s string) bool {
	label, _, ok := strings.Cut(s, ": ")
	label = strings.TrimSpace(label)
	return ok && label != "" && countFields(label) <= maxLabelWords && !strings.ContainsAny(label, "|.;")
}

// prose reads capability statements, verb relations and chains of a paragraph
// or bullet.
func (x *extractor) prose(text string, line int, inScope bool) {
	if !strings.ContainsAny(text, ">→←") {
		// no arrow: no chain (a cheap test before the sentences' regexp)
	} else if ss := sentences(text); len(ss) > 1 && slices.ContainsFunc(ss, func(s string) bool { return arrowRe.MatchString(s) }) {
		// a chain is one sentence's: "Trusted Advisor -> EventBridge —
		// events in us-east-1 only. Typical auto-remediation: TA check ->
		// EventBridge -> Lambda." draws two; "One template -> many
		// accounts and regions. Permission models: ..." ends at ".".
		for _, s := range ss {
			x.prose(s, line, inScope)
		}
		return
	}
	if x.chainIn(text, line) {
		return
	}
	if x.inlineEvents(text, line) {
		return
	}
	if x.keyValue(text, line) {
		return
	}
	for _, s := range sentences(text) {
		if Asks(s) {
			// "Does EC2 publish memory utilization to CloudWatch by
			// default?" states nothing: its answer does
			x.lastSentence = s
			continue
		}
		at := x.lineOf(line, s)
		for _, c := range x.clauses(s) {
			x.sentence(c, at, inScope)
		}
	}
}

// maxBlockLines bounds the lines of a block lineOf looks through.
const maxBlockLines = 40

// lineOf returns the line a sentence of the block that starts at line
// starts on: a paragraph written one sentence per line cites each
// sentence's own line. It is line when the sentence's first words are on
// no later line of the block.
func (x *extractor) lineOf(line int, s string) int {
	f := strings.Fields(s)
	if len(f) < 2 || line < 1 || line > len(x.doc.Lines) || strings.Contains(x.doc.Lines[line-1], f[0]+" "+f[1]) {
		return line
	}
	key := f[0] + " " + f[1]
	for l := line + 1; l <= len(x.doc.Lines) && l < line+maxBlockLines; l++ {
		raw := x.doc.Lines[l-1]
		if strings.TrimSpace(raw) == "" {
			break
		}
		if strings.Contains(raw, key) {
			return l
		}
	}
	return line
}

var (
	phaseCueRe = lazyRE(`(?i)\b(phases|hooks|lifecycle events?|stages|steps)\b`)
	// phaseCueOneRe is phaseCueRe's singular, which names steps only
	// beside a sequence noun ("hook order")
	phaseCueOneRe = lazyRE(`(?i)\b(phase|hook|lifecycle|stage|step)\b`)
	phaseCues     = newCueSet("phase", "hook", "lifecycle", "stage", "step") // a filter before phaseCueRe
	camelRe       = lazyRE(`\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b`)
)

// inlineEvents reads ordered events written inline: "Run in phases
// ApplicationStop, (DownloadBundle), BeforeInstall, (Install), ...".
func (x *extractor) inlineEvents(text string, line int) bool {
	if !phaseCues.in(text) {
		return false
	}
	loc := phaseCueRe.FindStringIndex(text)
	if loc == nil {
		return false
	}
	rest := text[loc[1]:]
	names := camelRe.FindAllString(rest, -1)
	if len(names) < 3 || strings.Count(rest, ",") < 2 {
		return false
	}
	subj := ""
	if ents := x.entities(text[:loc[0]], false); len(ents) > 0 {
		subj = ents[0]
	} else {
		subj = x.contextOne()
	}
	if subj == "" {
		return false
	}
	for i, n := range names {
		x.add(subj, graph.PredEvent, x.newNode(graph.KindEvent, n), text, i+1, line)
	}
	return true
}

// inAside reports whether the span start:end of s sits inside a
// parenthesised aside that holds more than that span ("(IAM role used to
// launch)"); a name alone in brackets ("Accelerator (DAX)") glosses the
// words before it and is no aside.
func inAside(s string, start, end int) bool {
	open := strings.LastIndex(s[:start], "(")
	if open < 0 || strings.LastIndex(s[:start], ")") > open {
		return false
	}
	close := strings.Index(s[end:], ")")
	if close < 0 {
		return true
	}
	return strings.TrimSpace(s[open+1:start]) != "" || strings.TrimSpace(s[end:end+close]) != ""
}

// subjectOf picks the subject of a sentence: the entity it starts with, else
// the section's subject.
func (x *extractor) subjectOf(s string) (string, []string) {
	var ents []string
	for _, id := range x.entities(s, false) {
		if k := x.dictKind(id); k == graph.KindService || k == graph.KindFeature || k == graph.KindComponent {
			ents = append(ents, id)
		}
	}
	mentions := x.find(s)
	// "To implement canary deployment for a Lambda function, CodeDeploy
	// natively supports ...": a leading subordinate clause is not where the
	// subject is; the main clause after its comma names it.
	if main := x.mainClause(s); main != "" {
		if subj, rest := x.subjectOf(main); subj != "" && x.mentions(main, subj) {
			return subj, rest
		}
	}
	// "Or set up SNS notification with ...": an instruction names no subject
	instruction := len(mentions) > 0 && x.dict.Lexicon.LeadingVerb(s, mentions[0].Start)
	// "Constraints: launch (IAM role used to launch), notification (SNS)":
	// a name in an aside is never the sentence's subject (see inAside)
	aside := len(mentions) > 0 && inAside(s, mentions[0].Start, mentions[0].End)
	if len(mentions) > 0 && len(ents) > 0 && leadingWords(s, mentions[0].Start) <= 3 && !instruction && !aside {
		subj := ents[0]
		// "CodeStar Notifications integration ..." in CodeDeploy's section is
		// about CodeDeploy: a feature of another service that modifies a noun
		// is a detail here. One followed by its verb ("A StackSet is like a
		// stack but ...") is the sentence's own subject.
		if ctx := x.contextOne(); ctx != "" && ctx != subj && !x.verbAfter(s, mentions[0].End) {
			if p := x.parentOf(subj); p != "" && p != ctx {
				return ctx, ents
			}
			if isEntity(x.dictKind(ctx)) && !x.hasVerb(s) && !flowPhrase(s, mentions) {
				// "SNS Notification and CloudWatch events with results"
				// under AWS Config: a verbless phrase names what the
				// section's entity does; its names are objects
				return ctx, ents
			}
		}
		x.lastSubject = subj
		return subj, ents[1:]
	}
	if opensWithPronoun(x.dict.Lexicon.SkipLeading(s)) {
		if prev := x.lastSentence; prev != "" && prev != s {
			// the previous sentence may have been skipped: read its subject now
			x.lastSentence = ""
			if m := x.find(prev); len(m) > 0 && m[0].ID != "" && leadingWords(prev, m[0].Start) <= 3 && isEntity(x.dictKind(m[0].ID)) {
				x.lastSubject = m[0].ID
			}
		}
		if x.lastSubject != "" {
			return x.lastSubject, ents
		}
	}
	if x.subhead != "" {
		if id := x.subheadNode(); id != "" {
			return id, ents
		}
	}
	if c := x.contextOne(); c != "" {
		return c, ents
	}
	if len(ents) > 0 && !instruction && !aside {
		return ents[0], ents[1:]
	}
	return "", nil
}

// flowPhrase reports a verbless phrase that says where its first name
// goes: "to" or "into" after the first mention, and another mention after
// that ("Load balancer access logs to S3", "Route 53 access logs only to
// CloudWatch logs"). Its first name is its subject, not the section's.
func flowPhrase(s string, mentions []Mention) bool {
	if len(mentions) < 2 {
		return false
	}
	rest := strings.ToLower(s[mentions[0].End:])
	for _, p := range []string{" to ", " into "} {
		if k := strings.Index(rest, p); k >= 0 && mentions[0].End+k+len(p) <= mentions[len(mentions)-1].Start {
			return true
		}
	}
	return false
}

// mainClause returns the clause after a leading subordinate one ("To
// deploy X, ...", "If a hook fails, ...", "When ..., ..."): the text after
// the first comma when the sentence opens with one of the lexicon's
// subordinators; "" otherwise.
func (x *extractor) mainClause(s string) string {
	var buf [2]string
	f, n := headFields(strings.TrimLeft(s, "-•*> \t"), buf[:])
	lx := x.dict.Lexicon
	if n < 3 || !lx.Subordinator(strings.Trim(f[0], ",")) && !lx.Subordinator(f[0]+" "+strings.Trim(f[1], ",")) {
		return "" // "If ..., ", "In case ..., " (a subordinator of two words): a leading clause
	}
	i := strings.Index(s, ", ")
	if i < 0 || strings.HasSuffix(strings.TrimSpace(s[:i]), strings.TrimSpace(f[0])) {
		return ""
	}
	return strings.TrimSpace(s[i+2:])
}

// verbAfter reports whether the word after byte offset end is a verb that
// makes the name before it the sentence's subject: an auxiliary or one of
// the lexicon's head verbs ("is", "can", "supports").
func (x *extractor) verbAfter(s string, end int) bool {
	return x.knownVerb(firstWord(s[min(end, len(s)):]))
}

// maxNameTail bounds the capitalised words that may continue a name before
// its verb ("CodeDeploy Agent is not required").
const maxNameTail = 2

// verbAfterName reports whether the words after byte offset end, past at
// most maxNameTail capitalised words that continue the name before them,
// open with a verb that makes that name the sentence's subject
// ("CodeDeploy Agent is not required": the agent is not required).
func (x *extractor) verbAfterName(s string, end int) bool {
	rest := s[min(end, len(s)):]
	for k := 0; ; k++ {
		if x.verbAfter(rest, 0) {
			return true
		}
		w := strings.TrimSpace(rest)
		if k == maxNameTail || w == "" || !unicode.IsUpper(rune(w[0])) {
			return false
		}
		_, after, ok := strings.Cut(w, " ")
		if !ok {
			return false
		}
		rest = after
	}
}

// firstWord returns the first word of a text, lower-cased, without the
// punctuation around it; "" when there is none.
func firstWord(s string) string {
	var buf [1]string
	f, _ := headFields(s, buf[:])
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(strings.Trim(f[0], ".,:;()\"'`*"))
}

// knownVerb reports whether a lower-case word is an auxiliary or one of the
// lexicon's head verbs ("is", "can", "supports").
func (x *extractor) knownVerb(w string) bool {
	return w != "" && (x.dict.Lexicon.QuestionWord("aux", w) || x.dict.Lexicon.HeadVerb(w))
}

// thirdPerson reports whether a lower-case word reads as a verb's third
// person ("pulls", "analyzes"): it ends in one "s" and its lemma is another
// English word.
func thirdPerson(w, lemma string) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && lemma != w && IsEnglishWord(lemma)
}

// maxFragmentWords bounds a verbless fragment ("SNS Notification and
// CloudWatch events with results"): a longer text has a verb the lexicon
// does not know.
const maxFragmentWords = 8

// hasVerb reports whether a text holds a verb: one the lexicon knows (an
// auxiliary, a head verb or a leading verb), or more words than a
// fragment has.
func (x *extractor) hasVerb(s string) bool {
	lx := x.dict.Lexicon
	var buf [maxFragmentWords]string
	f, n := headFields(s, buf[:])
	if n > maxFragmentWords {
		return true
	}
	if n >= 2 && personalPronouns[strings.ToLower(f[0])] {
		return true // "You submit changes and ...": a person does something
	}
	for _, w := range f {
		w = firstWord(w)
		if x.knownVerb(w) || lx.LeadingVerb(w, len(w)) {
			return true
		}
	}
	return false
}

// personalPronouns are the pronouns for the reader and the writer, which
// open a clause (their verb follows) and name no entity.
var personalPronouns = map[string]bool{"you": true, "we": true, "i": true}

// clauses splits a sentence where a second clause starts with its own
// subject: after a comma, a semicolon, ", and" or "while"/"whereas" whose
// next words are a name and then a verb ("Kinesis Streams offers low
// latency ingest, Kinesis Analytics performs real-time SQL analysis ...,
// and Kinesis Firehose loads streams into S3").
func (x *extractor) clauses(s string) []string {
	if before, after, ok := x.dashClauses(s); ok {
		return append(x.clauses(before), x.clauses(after)...)
	}
	if !strings.ContainsAny(s, ",;") && !strings.Contains(s, " while ") && !strings.Contains(s, " whereas ") {
		return []string{s}
	}
	// both passes split each sentence: the split depends on its text only
	if c, ok := x.clauseCache[s]; ok {
		return c
	}
	c := x.splitClauses(s)
	x.clauseCache[s] = c
	return c
}

// minDashClauseWords is the fewest words of a verb phrase before a dash
// that makes it a clause of its own (fewer are a label: "Web tier -
// serves HTTP via ELB").
const minDashClauseWords = 3

// dashClauses splits a sentence at its first dash (" - ", " – ", " — ")
// between two predicates with no subject: "Act upon output created by
// another environment - pulls work from SQS queue" under Elastic
// Beanstalk's worker tier says two things of one subject, and the second
// must not carry the first's words as its relation. The words before the
// dash hold a verb but no finite one (else they have a subject of their
// own: "HTTP/HTTPS check can do string matching – looks for ...") and name
// nothing; the words after it open with a lexical verb in the third
// person. ok is false for a question, a label before a dash ("Triggers -
// SNS or Lambda"), a name before it ("CodeDeploy - deploys apps to EC2":
// the name is the subject) and a noun phrase before an auxiliary ("Logs
// created by Lambda - are sent to CloudWatch").
func (x *extractor) dashClauses(s string) (before, after string, ok bool) {
	if strings.Contains(s, "?") {
		return "", "", false
	}
	at, sep := -1, ""
	for _, sp := range []string{" - ", " – ", " — "} {
		if k := strings.Index(s, sp); k > 0 && (at < 0 || k < at) {
			at, sep = k, sp
		}
	}
	if at < 0 {
		return "", "", false
	}
	before, after = strings.TrimSpace(s[:at]), strings.TrimSpace(s[at+len(sep):])
	if countFields(before) < minDashClauseWords || after == "" || !unicode.IsLower(rune(after[0])) || parenDepth(before) > 0 {
		return "", "", false
	}
	if w := firstWord(after); x.dict.Lexicon.QuestionWord("aux", w) || !thirdPerson(w, Lemma(w)) {
		return "", "", false
	}
	if verb, finite := x.verbForms(before); !verb || finite {
		return "", "", false
	}
	if slices.ContainsFunc(x.find(before), func(m Mention) bool { return m.ID != "" && isEntity(x.dictKind(m.ID)) }) {
		return "", "", false // (a lookup only: entities would make the nodes it names)
	}
	return before, after, true
}

// verbForms reports whether a text holds a verb (one hasVerb knows, or a
// lower-case word that reads as a third person or a past participle:
// "created" of "Act upon output created by another environment") and
// whether it holds a finite one (an auxiliary or a third person).
func (x *extractor) verbForms(s string) (verb, finite bool) {
	verb = x.hasVerb(s)
	for _, w := range strings.Fields(s) {
		w = strings.ToLower(strings.Trim(w, ".,:;()\"'"))
		if w == "" {
			continue
		}
		l := Lemma(w)
		switch {
		case x.dict.Lexicon.QuestionWord("aux", w) || thirdPerson(w, l):
			return true, true
		case pastParticiple(w, l) && IsEnglishWord(l):
			verb = true
		}
	}
	return verb, false
}

// splitClauses is clauses of a sentence with a comma, semicolon, "while"
// or "whereas".
func (x *extractor) splitClauses(s string) []string {
	ms := x.find(s)
	var out []string
	last := 0
	for k, m := range ms {
		if m.Start <= last || m.ID == "" || !isEntity(x.dictKind(m.ID)) {
			continue
		}
		if k > 0 && x.inObjectList(s, ms[k-1], m) {
			continue // "Alarms go to ASG, EC2 actions, SNS notification": one list
		}
		before := strings.TrimRight(s[last:m.Start], " ")
		cut := -1
		for _, sep := range []string{", and", "; and", ",", ";", " while", " whereas"} {
			if strings.HasSuffix(before, sep) {
				cut = len(before) - len(sep)
				break
			}
		}
		if cut <= 0 || strings.TrimSpace(before[:cut]) == "" || !x.verbAt(s[m.End:]) {
			continue
		}
		if parenDepth(s[:last+cut]) > 0 {
			continue // "lambda (cannot cross account, kinesis can)": an aside is one clause of its sentence
		}
		out = append(out, strings.TrimSpace(s[last:last+cut]))
		last = m.Start
	}
	out = append(out, strings.TrimSpace(s[last:]))
	var split []string
	for _, c := range out {
		split = append(split, x.namelessClauses(c)...)
	}
	return split
}

// maxNamelessSubjectWords bounds the noun phrase that opens a clause of
// its own after ", and" though it names nothing ("a rule", "in-place
// deployments"), determiner aside.
const maxNamelessSubjectWords = 3

// namelessClauses splits a clause where ", and" opens another whose
// subject names nothing: "A rule matches an event pattern ..., and a rule
// can have up to 5 targets" is two statements (after a comma alone, only a
// passive opens one: "..., matching events can then be routed to a Lambda
// function"); the second's subject is
// read as the first's. The noun phrase must be short and followed by an
// auxiliary or a head verb of the lexicon ("managed node groups rolling
// update" opens no clause: "groups" may be a noun), and the words before the
// comma must hold a verb of their own and no comma: "ECS, EC2, and
// on-premises servers are supported" is one clause with a listed subject.
func (x *extractor) namelessClauses(c string) []string {
	lx := x.dict.Lexicon
	var out []string
	last := 0
	for i := 0; ; {
		j := strings.Index(c[i:], ", ")
		if j < 0 {
			break
		}
		at := i + j
		start, bare := at+len(", "), true
		if strings.HasPrefix(c[at:], ", and ") {
			start, bare = at+len(", and "), false
		}
		i = start
		if parenDepth(c[:at]) > 0 || !x.hasVerb(c[last:at]) || strings.Contains(c[last:at], ", ") {
			// (a comma before it: ", and" closes a list, "creates EC2
			// instances with autoscaling groups, CloudWatch alarms, and
			// other configuration pieces")
			continue
		}
		f := strings.Fields(c[start:])
		k := 0
		if len(f) > 0 && lx.QuestionSurface("determiner", strings.ToLower(f[0])) {
			k = 1
		}
		n := 0
		for ; k < len(f) && n <= maxNamelessSubjectWords; k, n = k+1, n+1 {
			w := strings.ToLower(f[k])
			if x.knownVerb(w) {
				break
			}
			if w != strings.Trim(w, ",;:()\"'") || lx.IsPreposition(w) || lx.IsNegation(w) || lx.LeadingVerb(w, len(w)) || isNumber(w) {
				n = -1
				break
			}
		}
		if n < 1 || n > maxNamelessSubjectWords || k >= len(f) {
			continue
		}
		if bare && (!x.passiveAt(f[k:]) || lx.Subordinator(firstWord(c[last:at])) || x.verbAt(c[last:at])) {
			// a comma alone opens such a clause only before a passive
			// ("..., matching events can then be routed to a Lambda
			// function"), and not after a condition's ("If a scale-out
			// event happens, the previous version is deployed") or a
			// predicate with no subject ("Allows automated testing,
			// deployment targets are assessed ...": its object lists on)
			continue
		}
		if ms := x.find(c[start:]); len(ms) > 0 && ms[0].Start < len(strings.Join(f[:k], " ")) && (ms[0].ID == "" || isEntity(x.dictKind(ms[0].ID))) {
			continue // an entity opens it: splitClauses' cut, or a list's last item
		}
		out = append(out, strings.TrimSpace(c[last:at]))
		last = start
	}
	return append(out, strings.TrimSpace(c[last:]))
}

// passiveAt reports whether words open with a passive verb group: an
// auxiliary, then "be" or "been" after a modal, adverbs of the lexicon's
// leading_skip anywhere between, and a past participle ("can then be
// routed", "are sent").
func (x *extractor) passiveAt(f []string) bool {
	lx := x.dict.Lexicon
	if len(f) == 0 || !lx.QuestionWord("aux", strings.ToLower(f[0])) {
		return false
	}
	for _, w := range f[1:] {
		w = strings.ToLower(strings.Trim(w, ",;:"))
		switch {
		case lx.IsLeadingSkip(w) || w == "be" || w == "been":
		default:
			return pastParticiple(w, Lemma(w)) && IsEnglishWord(Lemma(w))
		}
	}
	return false
}

// parenDepth is how many parentheses are open at the end of s.
func parenDepth(s string) int {
	d := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			d++
		case ')':
			if d > 0 {
				d--
			}
		}
	}
	return d
}

// inObjectList reports whether a name after a comma goes on a list of
// objects: the name before the comma follows a preposition, and the word
// after the name, which would be its verb, is closed by the list's next
// comma ("go to ASG, EC2 actions, SNS notification"; "By integrating with
// CloudWatch Events, GuardDuty alerts are actionable" is two clauses).
func (x *extractor) inObjectList(s string, prev, m Mention) bool {
	if strings.TrimSpace(s[prev.End:m.Start]) != "," {
		return false
	}
	before := strings.TrimRight(s[:prev.Start], " ")
	word := before[strings.LastIndexByte(before, ' ')+1:]
	if word == "" || !x.dict.Lexicon.IsPreposition(strings.ToLower(word)) {
		return false
	}
	after := strings.TrimLeft(s[m.End:], " ")
	if k := strings.IndexByte(after, ' '); k >= 0 {
		after = after[:k]
	}
	return strings.HasSuffix(after, ",")
}

// verbAt reports whether a text opens with a verb: an auxiliary, a head
// verb, or a third-person verb ("performs", "loads").
func (x *extractor) verbAt(s string) bool {
	w := firstWord(s)
	return x.knownVerb(w) || w != "" && thirdPerson(w, Lemma(w))
}

// subheadID is the node of the current subheading, if it names an entity.
func (x *extractor) subheadID() string {
	if x.subhead == "" {
		return ""
	}
	if ents := x.entities(x.subhead, true); len(ents) == 1 {
		return ents[0]
	}
	return ""
}

// subheadNode turns the current subheading into a node: an entity when it
// names one, else a feature of the section's service ("Billing Alarms"),
// unless it is a lone word of a lexicon kind ("Service").
func (x *extractor) subheadNode() string {
	if ents := x.entities(x.subhead, true); len(ents) == 1 {
		return ents[0]
	}
	if len(x.vocab(x.subhead)) > 0 {
		return ""
	}
	if strings.Contains(x.subhead, ": ") {
		return "" // "Default: Indefinetely": a label and its value, no name
	}
	if countFields(x.subhead) == 1 && len(x.dict.Lexicon.Kinds(x.subhead)) > 0 {
		// "Service", "Deployments": a kind's word names no feature ("ECS
		// Service" would take "the ECS service" from Amazon ECS)
		return ""
	}
	ctx := x.contextOne()
	if ctx == "" {
		return ""
	}
	name := x.subhead
	f := x.newNode(graph.KindFeature, qualifyName(x.nodes[ctx].Name, name))
	x.add(ctx, graph.PredFeature, f, name, 0, x.subLine)
	return f
}

// qualifiedPart returns the part of a service of the headings above that
// a text names by its short name: "Automation" in a Systems Manager note is
// Systems Manager Automation. "" when it names none.
func (x *extractor) qualifiedPart(text string) string {
	for i := len(x.headings) - 1; i >= 0; i-- {
		for _, svc := range x.headings[i].services {
			if x.dictKind(svc) != graph.KindService {
				continue
			}
			for _, w := range strings.Fields(text) {
				w = strings.Trim(w, ".,:;?!()`*\"'")
				if w == "" || !unicode.IsUpper([]rune(w)[0]) || x.dict.Lexicon.IsStop(w) {
					continue
				}
				if id, ok := x.exact(qualifyName(x.nodes[svc].Name, w)); ok && id != svc && isEntity(x.dictKind(id)) {
					x.node(id)
					return id
				}
			}
		}
	}
	return ""
}

// qualifiedName returns the entity a name is, by itself or qualified by a
// service of the headings above ("Global Table" under DynamoDB is
// DynamoDB Global Tables); ok is false when the dictionary knows neither.
func (x *extractor) qualifiedName(name string) (id string, ok bool) {
	if id, ok := x.exact(name); ok && isEntity(x.dictKind(id)) {
		x.node(id)
		return id, true
	}
	for i := len(x.headings) - 1; i >= 0; i-- {
		for _, svc := range x.headings[i].services {
			if id, ok := x.namedPart(svc, name); ok {
				return id, true
			}
		}
	}
	return "", false
}

// namedPart returns the entity of the dictionary a name is as a part of
// svc, by svc's short name before it ("Global Table" of DynamoDB is
// DynamoDB Global Tables, "Pipes" of EventBridge is EventBridge Pipes);
// ok is false when the dictionary knows none other than svc.
func (x *extractor) namedPart(svc, name string) (id string, ok bool) {
	id, ok = x.exact(qualifyName(x.nodes[svc].Name, name))
	if !ok || id == svc || !isEntity(x.dictKind(id)) {
		return "", false
	}
	x.node(id)
	return id, true
}

// qualifyName prefixes a generic part name with its service's short name:
// "Billing Alarms" under CloudWatch → "CloudWatch Billing Alarms".
func qualifyName(service, part string) string {
	short := strings.TrimPrefix(strings.TrimPrefix(service, "AWS "), "Amazon ")
	if strings.Contains(strings.ToLower(part), strings.ToLower(short)) {
		return part
	}
	sw, pw := strings.Fields(short), strings.Fields(part)
	if len(sw) > 1 && len(pw) > 0 && strings.EqualFold(sw[len(sw)-1], pw[len(pw)-1]) {
		// "Billing Alarms" under "CloudWatch Alarms" → "CloudWatch Billing Alarms"
		return strings.Join(sw[:len(sw)-1], " ") + " " + part
	}
	return short + " " + part
}

func leadingWords(s string, offset int) int {
	return countFields(s[:offset])
}

var sameRegionRe = lazyRE(`(?i)\b(must|need|needs|has to|have to|should)\b.*\bsame (aws )?region\b`)

// pronounRe matches a sentence that opens with a pronoun for the previous
// sentence's subject, after any leading conjunction ("but it deploys ...").
var pronounRe = lazyRE(`^(?i:it|they|this service|it's|its)\b`)

// opensWithPronoun is pronounRe.MatchString: each of its words starts with
// "i" or "t" in either case, letters case folding equates with no other.
func opensWithPronoun(s string) bool {
	if s == "" || s[0] != 'i' && s[0] != 'I' && s[0] != 't' && s[0] != 'T' {
		return false
	}
	return pronounRe.MatchString(s)
}

var (
	notifyRe    = lazyRE(`(?i)\b(notif\w*|trigger\w*|alert\w*|publish\w*|goes out to)\b`)
	integrateRe = lazyRE(`(?i)\bintegrat\w* (directly )?with\b`)
	passiveRe   = lazyRE(`(?i)\b(be|is|are|gets?|being)\s+(triggered|invoked|notified|called)\s+(by|from)\b`)
	triggerOnly = lazyRE(`(?i)\btrigger\w*\b`)
	aggregateRe = lazyRE(`(?i)\baggregat\w*`)
	deliverRe   = lazyRE(`(?i)\b(deliver\w*|send\w*|sent|stream\w* to|export\w*|loads?)\b`)
	regionRe    = lazyRE(`\b(us|eu|ap|sa|ca|me|af)-(east|west|north|south|central|northeast|southeast|northwest|southwest)-\d\b`)
	onlyRe      = lazyRE(`(?i)\bonly\b`)
	passiveCues = newCueSet("triggered", "invoked", "notified", "called") // a filter before passiveRe
)

// relationCues are the words of every sentence rule: a sentence with none of
// them (nor a capability, strategy or component word) states nothing the
// extractor reads, and is skipped before any linking.
var relationCues = newCueSet("notif", "trigger", "alert", "publish", "goes out", "aggregat", "deliver", "send", "sent",
	"stream", "export", "load", "integrat", "same", "only", "retention", "ttl", "timeout", "expiration")

// The cue words of each relation rule of a sentence, filters before its
// regular expression.
var (
	deployCue    = newCueSet("deploy")
	aggregateCue = newCueSet("aggregat")
	notifyCues   = newCueSet("notif", "trigger", "alert", "publish", "goes out")
	integrateCue = newCueSet("integrat")
	deliverCues  = newCueSet("deliver", "send", "sent", "stream", "export", "load")
	towardCues   = newCueSet(" to ", " into ", " in ")
)

func (x *extractor) sentence(s string, line int, inScope bool) {
	if !relationCues.in(s) && !x.dict.hasCueWordIn(s) {
		x.lastSentence = s
		return
	}
	defer func() { x.lastSentence = s }()
	// Capabilities stated in the sentence.
	if !inScope {
		for _, c := range x.vocab(s) {
			if negated(s) || x.dictKind(c) == graph.KindStrategy && !deployCue.in(s) {
				continue
			}
			subj, _ := x.subjectOf(s)
			if subj == "" {
				continue
			}
			if x.leads(s, c) && !x.mentions(s, subj) {
				// "Canary deployment helps minimise risk ...": a sentence
				// about the capability itself says nothing of the section's
				// service
				continue
			}
			capID := c
			if q := qualifier(s); q != "" && x.dictKind(c) == graph.KindCapability {
				capID = x.newNode(graph.KindCapability, x.nodes[c].Name+" ("+q+")")
				x.add(capID, graph.PredIsA, c, s, 0, line)
			}
			x.add(subj, graph.PredSupports, capID, s, 0, line)
		}
	}
	// Region restrictions: "Events are only available in us-east-1".
	if !strings.ContainsAny(s, "0123456789") || !strings.Contains(s, "-") {
		// no region name
	} else if r := regionRe.FindString(s); r != "" && onlyRe.MatchString(s) {
		subj := x.restrictedSubject(s)
		if subj != "" {
			x.add(subj, graph.PredOnlyIn, x.newNode(graph.KindConcept, r), s, 0, line)
		}
	}
	subj, objs := x.subjectOf(s)
	if subj != "" && (strings.Contains(s, "same") || strings.Contains(s, "Same")) && sameRegionRe.MatchString(s) {
		// "The log group and the destination must be in the same AWS region"
		x.add(subj, graph.PredSameRegion, x.newNode(graph.KindConcept, "same region"), s, 0, line)
	}
	x.durations(subj, s, line)
	if subj == "" || len(objs) == 0 || negated(stripParens(s)) {
		return
	}
	if x.partFor(s, line) {
		return
	}
	// Cue words count after the subject: "Notification rules are logged in
	// CloudWatch" does not notify CloudWatch.
	cue := s
	if m := x.find(s); len(m) > 0 && leadingWords(s, m[0].Start) <= 3 && (m[0].ID == subj || x.parentOf(m[0].ID) != "" && leadingWords(s, m[0].Start) <= 1) {
		cue = s[m[0].End:]
	}
	switch {
	case aggregateCue.in(cue) && aggregateRe.MatchString(cue):
		for _, o := range objs {
			x.add(subj, graph.PredAggregate, o, s, 0, line)
		}
	case notifyCues.in(cue) && notifyRe.MatchString(cue):
		notif := strings.ReplaceAll(strings.ToLower(cue), "trigger", "")
		if !notifyRe.MatchString(notif) && triggerOnly.MatchString(cue) && subj != x.contextOne() && subj != x.subheadID() {
			// "E.g. CodeCommit automatically triggers CodePipeline" in another
			// service's section: an example, not a notification channel.
			return
		}
		// "SNS notification on all Config events": the noun that names the
		// subject's notifications, then what they are on, reads as the
		// passive does
		passive := passiveCues.mayMatch(s) && passiveRe.MatchString(s) || cue != s && notificationOn(cue)
		lo, hi := 0, len(s)
		if at := notifyRe.FindStringIndex(s); at != nil {
			lo, hi = coordinateClause(s, at[0])
		}
		ms := x.find(s)
		for _, o := range objs {
			if !x.notifiable(o) || !x.mentionedWithin(ms, o, lo, hi) {
				// "... integrated with CloudWatch events to receive and
				// send triggers ..., and include integrations for ECR and
				// ECS": what another coordinate clause names is notified
				// by nothing here
				continue
			}
			if passive {
				// "Lambda can be triggered by CloudWatch Events"
				x.add(o, graph.PredNotifies, subj, s, 0, line)
				continue
			}
			x.add(subj, graph.PredNotifies, o, s, 0, line)
		}
	case integrateCue.in(cue) && integrateRe.MatchString(cue):
		for _, o := range objs {
			if x.notifiable(o) {
				x.add(subj, graph.PredIntegrates, o, s, 0, line)
			}
		}
	case deliverCues.in(cue) && deliverRe.MatchString(cue) && towardCues.in(cue):
		for _, o := range objs {
			x.add(subj, graph.PredDelivers, o, s, 0, line)
		}
	}
}

// notificationOf reports whether a line opens with the name of s and then
// the noun "notification(s)" and what they are on (see notificationOn).
func (x *extractor) notificationOf(s, text string) bool {
	ms := x.find(text)
	return len(ms) > 0 && ms[0].ID == s && leadingWords(text, ms[0].Start) == 0 && notificationOn(text[ms[0].End:])
}

// notificationOn reports whether a text (what follows a line's subject)
// opens with the noun "notification(s)" and a preposition that says what
// they are on: "notification on all Config events", "notifications for
// CodeCommit events".
func notificationOn(cue string) bool {
	f := strings.Fields(strings.ToLower(cue))
	return len(f) >= 2 && (f[0] == "notification" || f[0] == "notifications") && slices.Contains([]string{"on", "for", "of", "about", "from"}, f[1])
}

// coordinateClauseSeps end a coordinate clause of a sentence (", and "
// only before a word in lower case: "SNS, SQS, Lambda, and EventBridge"
// is one list).
var coordinateClauseSeps = []string{", and ", "; "}

// coordinateClause returns the byte span of the coordinate clause of s
// that holds byte at: from after the last separator before it to the next
// one after it (see coordinateClauseSeps).
func coordinateClause(s string, at int) (lo, hi int) {
	lo, hi = 0, len(s)
	ends := func(k int, sep string) bool {
		if sep != ", and " {
			return true
		}
		r, _ := utf8.DecodeRuneInString(s[k+len(sep):])
		return unicode.IsLower(r)
	}
	for _, sep := range coordinateClauseSeps {
		for k := strings.Index(s, sep); k >= 0; {
			if ends(k, sep) {
				if k+len(sep) <= at && k+len(sep) > lo {
					lo = k + len(sep)
				}
				if k >= at && k < hi {
					hi = k
				}
			}
			next := strings.Index(s[k+len(sep):], sep)
			if next < 0 {
				break
			}
			k += len(sep) + next
		}
	}
	return lo, hi
}

// mentionedWithin reports whether a text's mentions ms name node id, or a
// node whose parent it is, between bytes lo and hi; true when they name it
// nowhere (an object the sentence's context gives).
func (x *extractor) mentionedWithin(ms []Mention, id string, lo, hi int) bool {
	named := false
	for _, m := range ms {
		if m.ID != id && x.parentOf(m.ID) != id {
			continue
		}
		named = true
		if m.Start >= lo && m.Start < hi {
			return true
		}
	}
	return !named
}

// leads reports whether a text starts with a mention of a node (within its
// first word).
func (x *extractor) leads(text, id string) bool {
	for _, m := range x.find(text) {
		return m.ID == id && leadingWords(text, m.Start) <= 1
	}
	return false
}

// mentions reports whether a text names a node.
func (x *extractor) mentions(text, id string) bool {
	for _, m := range x.find(text) {
		if m.ID == id {
			return true
		}
	}
	return false
}

var forRe = lazyRE(`(?i)\b(for|to|into)\b`)

// partFor reads "Can create subscription filter for Lamb, Elasticsearch,
// Kinesis": a component named in a sentence, followed by "for"/"to" and
// services, targets them.
func (x *extractor) partFor(s string, line int) bool {
	ms := x.find(s)
	for i, m := range ms {
		if m.ID == "" || x.dictKind(m.ID) != graph.KindComponent {
			continue
		}
		rest := s[m.End:]
		loc := forRe.FindStringIndex(rest)
		if loc == nil || countFields(rest[:loc[0]]) > 2 {
			continue
		}
		var objs []string
		for _, o := range ms[i+1:] {
			if o.ID != "" && x.dictKind(o.ID) == graph.KindService {
				objs = append(objs, o.ID)
			}
		}
		if len(objs) == 0 {
			continue
		}
		for _, o := range objs {
			x.add(m.ID, graph.PredTargets, o, s, 0, line)
		}
		return true
	}
	return false
}

// notifiable reports whether a node can receive notifications: a service or
// feature, not a region or concept.
func (x *extractor) notifiable(id string) bool {
	k := x.dictKind(id)
	return k == graph.KindService || k == graph.KindFeature
}

// restrictedSubject names what a region restriction is about: the entity or
// words before "only", qualified by the section ("Trusted Advisor Events").
func (x *extractor) restrictedSubject(s string) string {
	loc := onlyRe.FindStringIndex(s)
	head := strings.TrimSpace(s[:loc[0]])
	head = strings.TrimSuffix(strings.TrimSuffix(head, " are"), " is")
	head = strings.TrimSpace(strings.TrimPrefix(head, "- "))
	ctx := x.contextOne()
	if head == "" {
		if x.subhead != "" {
			return x.subheadNode()
		}
		return ctx
	}
	weakOnly := len(x.find(head)) == 0
	if ents := x.entities(head, true); len(ents) == 1 && (weakOnly || x.dictKind(ents[0]) != graph.KindService) && countFields(head) <= 3 && ctx != "" {
		// a generic part ("Events") of the section's service
		f := x.newNode(graph.KindFeature, qualifyName(x.nodes[ctx].Name, head))
		x.add(ctx, graph.PredFeature, f, head, 0, x.subLine)
		return f
	} else if len(ents) == 1 && countFields(head) <= 4 {
		return ents[0]
	}
	if countFields(head) <= 4 && ctx != "" {
		f := x.newNode(graph.KindFeature, qualifyName(x.nodes[ctx].Name, head))
		x.add(ctx, graph.PredFeature, f, head, 0, x.subLine)
		return f
	}
	return ""
}

// namesOnly reports whether every part of a list (splitList) is one
// entity's name and nothing else: "codedeploy", "eb, opsworks".
func (x *extractor) namesOnly(list string) bool {
	parts := splitList(list)
	for _, p := range parts {
		id, ok := x.exact(cleanName(p))
		if !ok || !isEntity(x.dictKind(id)) {
			return false
		}
	}
	return len(parts) > 0
}

// keyValue reads "key: a, b, c" bullets whose key names a capability or
// strategy: "canary deployment: codedeploy only on lambda / ecs, eb".
func (x *extractor) keyValue(text string, line int) bool {
	i := strings.Index(text, ":")
	if i <= 0 {
		return false
	}
	key, val := text[:i], text[i+1:]
	if (i > 60 || countFields(key) > 6) && !x.namesOnly(val) {
		// (a longer key is a scenario its value's names fit: "blue/green
		// deployment and want to delay the old asg termination: codedeploy")
		return false
	}
	caps := x.vocab(key)
	if len(caps) == 0 || negated(key) {
		return false
	}
	if x.dict.Lexicon.HasQuestionPhrase("requirement", key) {
		// "ECS blue/green via CodeDeploy needs: ALB or NLB, two target
		// groups": what follows is what the capability requires, not
		// things that have it
		return false
	}
	capID := caps[0]
	if q := qualifier(key); q != "" && x.dictKind(capID) == graph.KindCapability {
		base := capID
		capID = x.newNode(graph.KindCapability, x.nodes[base].Name+" ("+q+")")
		x.add(capID, graph.PredIsA, base, key, 0, line)
	}
	for _, part := range splitList(val) {
		if negated(part) && !strings.Contains(part, "(") {
			continue
		}
		for _, e := range x.entities(stripParens(part), true) {
			x.add(e, graph.PredSupports, capID, strings.TrimSpace(text), 0, line)
		}
	}
	return true
}

var listSepRe = lazyRE(`\s*(,|/| or | and |\+|;|\|)\s*`)

// SplitOutsideParens splits s at each of the bytes in seps that stands
// outside parentheses: SplitOutsideParens("a (b, c), d", ",") is
// ["a (b, c)", " d"]. The parts are not trimmed.
func SplitOutsideParens(s, seps string) []string {
	var parts []string
	depth, last := 0, 0
	for i, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth > 0 {
				depth--
			}
		case depth == 0 && r < utf8.RuneSelf && strings.IndexByte(seps, byte(r)) >= 0:
			parts = append(parts, s[last:i])
			last = i + 1
		}
	}
	return append(parts, s[last:])
}

// splitList splits an inline list, keeping parentheses together.
func splitList(s string) []string {
	parts := SplitOutsideParens(s, ",/;+|")
	var out []string
	for _, p := range parts {
		for _, q := range orAndRe.Split(p, -1) {
			if q = strings.TrimSpace(q); q != "" {
				out = append(out, q)
			}
		}
	}
	return out
}

// orAndRe splits the parts of an inline list at "or" and "and".
var orAndRe = lazyRE(`\s+(or|and)\s+`)

var parenRe = lazyRE(`\([^)]*\)`)

func stripParens(s string) string {
	if strings.IndexByte(s, '(') < 0 {
		return strings.TrimSpace(s) // nothing to strip: no copy
	}
	return strings.TrimSpace(parenRe.ReplaceAllString(s, ""))
}

// cleanName trims the spaces, sentence punctuation and markup around a name
// ("**StackSets**:", "- Canary.") and joins its words with single spaces. A
// quote (" ' `) is trimmed only as a pair around the whole name or when it has
// no partner in the name, so `Plan "A"` keeps its closing quote.
func cleanName(s string) string {
	for {
		t := strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(".,:;*-–—", r) })
		t = trimQuotes(t)
		if t == s {
			break
		}
		s = t
	}
	if singleSpaced(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// trimQuotes removes the quotes around s: a pair around the whole of it
// ("\"StackSets\""), or a quote at either end that has no partner.
func trimQuotes(s string) string {
	for _, q := range []string{`"`, "'", "`"} {
		n := strings.Count(s, q)
		switch {
		case n == 2 && len(s) >= 2 && strings.HasPrefix(s, q) && strings.HasSuffix(s, q):
			return s[1 : len(s)-1]
		case n%2 == 1 && strings.HasPrefix(s, q):
			return s[1:]
		case n%2 == 1 && strings.HasSuffix(s, q):
			return s[:len(s)-1]
		}
	}
	return s
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fieldLabel reports whether label, the text before an item's or a
// paragraph's ": ", is a field of a template the note's entries repeat (see
// recurringLabels): "Right" in "Right: ValidateService", whose value is the
// item, not the label.
func (x *extractor) fieldLabel(label string) bool {
	if x.fields == nil {
		x.fields = x.recurringLabels()
	}
	return x.fields[label]
}

// recurringLabels finds the field labels of a note whose entries repeat a
// template ("Q:", "Picked:", "Why wrong:", "Right:" once per practice
// question; "SYMPTOM:", "CAUSE:", "FIX:" once per incident): labels of at
// most maxFieldLabelWords words before ": " that open at least minTurns of
// its items and paragraphs, none the name of something the dictionary
// knows or mentioning one, and none a dialogue's speaker or a flashcard's
// "Q:" and "A:" (see dialogueLabels; their turns are read as such). A note
// with none gives an empty, non-nil map.
func (x *extractor) recurringLabels() map[string]bool {
	count := map[string]int{}
	var paragraphs []string
	for _, b := range x.doc.Blocks {
		if b.Kind != BlockParagraph && b.Kind != BlockBullet {
			continue
		}
		if b.Kind == BlockParagraph {
			paragraphs = append(paragraphs, b.Text)
		}
		label, rest, ok := strings.Cut(b.Text, ": ")
		if !ok || label == "" || label != strings.TrimSpace(label) || strings.TrimSpace(rest) == "" || countFields(label) > maxFieldLabelWords {
			continue
		}
		count[label]++
	}
	speakers := dialogueLabels(paragraphs, nil)
	out := map[string]bool{}
	for label, n := range count {
		if _, known := x.exact(cleanName(label)); n < minTurns || known || speakers[label] || len(x.find(label)) > 0 || cardLabel(label) {
			continue
		}
		out[label] = true
	}
	return out
}

// maxFieldLabelWords bounds the words of a field's label ("Why wrong").
const maxFieldLabelWords = 3
