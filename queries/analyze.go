package queries

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// The first stage of answering: read the question. analyze splits it into
// words with stems, links the entities it names (dictionary names and
// aliases, names the notes gave nodes, weak aliases, region names, and
// near-misses of all of them), and notes what shapes it: the kind of answer
// asked for, polarity, qualifiers, ordering, paths, comparison, yes/no.
// Nothing here chooses a reading; candidates.go and score.go do.

// qword is one word of a question.
type qword struct {
	text       string // as typed
	lower      string
	stem       string // ingest.Stem
	start, end int    // byte span
	stop       bool   // a function word
	count      bool   // a number that counts the noun after it ("two kinds"; see countOf)
	linked     int    // index of the link covering it, -1 when none
	phrasal    string // the stem of the word a phrasal verb it opens means ("turned on" → enabl), else ""
}

// linkHow says how a question names an entity.
type linkHow int

const (
	linkName   linkHow = iota // a name or alias of the dictionary or the notes
	linkWeak                  // a weak alias ("logs", "alarm") or a one-word name
	linkRegion                // a region name or code
	linkFuzzy                 // a near-miss of a name: a misspelling
)

// link is an entity a question names.
type link struct {
	id         string
	start, end int // byte span in the question
	how        linkHow
	text       string
	concept    bool // a concept a note named, not a dictionary entity
}

// listsLink reports whether the question names entity id as an item of a
// list: a comma or a coordinator right before or after its name
// ("applications, application versions and environments").
func (e *Engine) listsLink(a *analysis, id string) bool {
	coord := func(w string) bool { return e.lx.QuestionSurface("coordinator", w) }
	for _, l := range a.links {
		if l.id != id {
			continue
		}
		before := strings.Fields(strings.ToLower(a.text[:l.start]))
		after := strings.Fields(strings.ToLower(a.text[l.end:]))
		if strings.HasSuffix(strings.TrimSpace(a.text[:l.start]), ",") || strings.HasPrefix(strings.TrimSpace(a.text[l.end:]), ",") ||
			len(before) > 0 && coord(before[len(before)-1]) || len(after) > 0 && coord(after[0]) {
			return true
		}
	}
	return false
}

// strong reports whether a link names an entity: a name, a region, or a
// near-miss of a name; not a weak alias or a phrase the notes made a
// concept of.
func (l link) strong() bool {
	return (l.how == linkName || l.how == linkRegion || l.how == linkFuzzy) && !l.concept
}

// weight is how sure the link is.
func (l link) weight() float64 {
	switch l.how {
	case linkName, linkRegion:
		return 1
	case linkWeak:
		return 0.85
	}
	return 0.7
}

// analysis is a read question.
type analysis struct {
	text  string
	words []qword
	links []link

	// namesakes maps each entity the question names by name that is a
	// namesake feature of a service to those services (namesakeParents:
	// "ECS task definition" names ECS Task Definition, of Amazon ECS):
	// a line about the service holds what the question names. Set by
	// linkNamesakes.
	namesakes map[string][]string

	// offered holds the two options a question that asks for one offers
	// ("firehose vs data streams - which one ..."; see offeredOptions);
	// offers says whether it does
	offered [2]option
	offers  bool

	// opposed holds the lexicon's pairs of opposite senses whose one side
	// the question asks ("enabled by default") and whose other it does not
	// name: [0] the asked side's words, [1] the other's
	opposed [][2][]string

	// terms are the stems of the words that are neither linked nor function
	// words, each with its weight (idf); relational function words ("do",
	// "have", "use") count at a third of their weight.
	terms []term
	// focus holds the stems of the noun phrase a wh-word opens ("which data
	// sources" → data, sourc): the kind of thing asked for.
	focus []string
	// count is how many things the question says it asks for ("the two
	// kinds of ...", "name 3 services"); 0 when it says none.
	count int
	// focusAll holds every word of that phrase, names included.
	focusAll []term
	// focusKind is the stem of the function word that closes that phrase
	// as its head and says only what kind of thing is asked for ("type" of
	// "the finding types"); "" when a content word heads it.
	focusKind string
	// referent is the entity a main clause's "it" or "they" stands for: the
	// first named in the clause before it ("If I create a subscription
	// filter, where can it send ..."); "" when none. referentAt is the
	// pronoun's byte offset.
	referent   string
	referentAt int
	// askAt is the byte offset where the sentence that asks starts, after
	// the sentences that set the scene (see questionStart), when that
	// sentence holds a wh-word; 0 otherwise ("... into Elasticsearch? Give
	// the hops in order" asks in both).
	askAt int
	// wants are the node kinds the focus names ("services" → service).
	wants []graph.NodeKind

	negated bool // "not", "no", "without", "cannot"
	// denied are the entities a negation word right before them rules out
	// ("for an in-place deployment (no load balancer)", "without SNS"):
	// a reading that states them of its subject reads another scene
	denied    []string
	ruledOut  []string // of denied, the entities "neither" or "nor" rule out (lexicon rule_out)
	exclusive bool     // "only"
	qualifier string
	order     bool // an ordering word
	ascending bool // "cheapest", "lowest", "first"
	yesno     bool // opens with "does", "is", "can" ...
	place     bool // asks where: for a named thing, not a value or a phrase (lexicon place)
	// superlative: "the lowest", "the cheapest"; sequence: "order", "rank",
	// "sort" (a superlative alone asks for the first only)
	superlative, sequence bool
	compare               bool
	path                  bool // path words with a start and an end
	// examples are the entities the question gives as examples of its
	// answers ("allatonce etc")
	examples []string
	// bothWays are the entities the question names with and without ("the
	// hooks with and without a load balancer")
	bothWays []string
	// beyond: it asks about more than what it names ("other than S3",
	// "beyond S3"; the lexicon's beyond group)
	beyond bool
	// single: the noun phrase a "which"/"what" opens ends in a singular
	// noun ("Which ASG process do I suspend?", "which one"): it asks for
	// one thing, not a list
	single bool
	// twofold: a second wh-clause joined by a coordinator asks a second
	// thing ("how long ... by default, and what's the longest ...")
	twofold bool

	// support maps a note line ("file:line") to how well its statements
	// match the question, 1 for the best line, 0 for lines that do not.
	support map[string]float64
	hits    []hit // the best-matching statements, best first
	// outPairs caches the (predicate, object) pairs of the nodes the
	// attribute constraint reads (see Engine.outPairs)
	outPairs map[string][]graph.PredicateObject
	// predTerms caches, by PredicateKey, which of terms the open
	// relations it reads name (see Engine.openRelationTerms)
	predTerms map[int32][]int
}

// term is one content stem of a question with its weight.
type term struct {
	stem   string
	parts  []string // the stems of a camel-case word's parts ("DeletionPolicy" → delet, polici), else nil
	alts   []string // other stems the notes write the word as: a phrasal verb's one word, an abbreviation, a count in figures or words
	joined string   // the stem of one word the notes write this word and its neighbour as ("roll back" → rollback), else ""
	weight float64
	pos    int // index in words
}

// Misspelling bounds: a stem a note misspells is at least
// minMisspeltStem bytes long, one edit from the question's, opens with
// its first misspeltPrefix bytes and is held by at most maxMisspeltDF
// statements (a word written right is written often).
const (
	minMisspeltStem = 6
	misspeltPrefix  = 3
	maxMisspeltDF   = 2
)

// misspellings returns the stems the notes write that read as a
// misspelling of a question's stem ("precend" of "Precendence" for
// "preced"): rare stems one edit from it, with its first letters and its
// last.
func (e *Engine) misspellings(stem string) []string {
	if len(stem) < minMisspeltStem || !lettersOnly(stem) {
		return nil
	}
	var out []string
	for _, s := range e.ix.StemsWithPrefix(stem[:misspeltPrefix]) {
		if s == stem || len(s) < minMisspeltStem || len(s) > len(stem)+1 || len(s) < len(stem)-1 {
			continue
		}
		if s[len(s)-1] != stem[len(stem)-1] {
			continue // a word that ends otherwise is another word ("compos" of "compon", "conceptu" of "concept")
		}
		if EditDistance(s, stem) == 1 && e.docFreq(s) <= maxMisspeltDF {
			out = append(out, s)
		}
	}
	return out
}

// in reports whether words (stems) hold the term: its stem, a compound it
// makes with its neighbour ("rollback" holds "roll" and "back" of "roll
// back"), or every part of a camel-case word ("deletion policy" holds
// "DeletionPolicy").
func (t term) in(words []string) bool {
	return t.holds(func(w string) bool { return containsStr(words, w) })
}

// inSplit reports whether the sorted list sorted and lists, read as one
// list of words, hold the term (see in): a large shared vocabulary is
// searched in place instead of being copied into one list with the rest.
func (t term) inSplit(sorted []string, lists ...[]string) bool {
	return t.holds(func(w string) bool {
		if _, ok := slices.BinarySearch(sorted, w); ok {
			return true
		}
		return slices.ContainsFunc(lists, func(l []string) bool { return containsStr(l, w) })
	})
}

// holds is in's rule over any word list, given by its membership test has.
func (t term) holds(has func(string) bool) bool {
	if has(t.stem) || slices.ContainsFunc(t.alts, has) || t.joined != "" && has(t.joined) {
		return true
	}
	if len(t.parts) == 0 {
		return false
	}
	for _, p := range t.parts {
		if !has(p) {
			return false
		}
	}
	return true
}

// inWord reports whether words (stems) hold the term as one word: its
// stem or a compound it makes with its neighbour, not a camel-case word's
// parts apart.
func (t term) inWord(words []string) bool {
	if containsStr(words, t.stem) {
		return true
	}
	for _, a := range t.alts {
		if containsStr(words, a) {
			return true
		}
	}
	return t.joined != "" && containsStr(words, t.joined)
}

// onlyJoined reports whether words hold the term only as the compound it
// makes with its neighbour ("timeout" for "times out"): a weaker match
// than the words as the question writes them ("time out after").
func (t term) onlyJoined(words []string) bool {
	return t.joined != "" && containsStr(words, t.joined) && !t.holds(func(w string) bool { return w != t.joined && containsStr(words, w) })
}

// towardLink reports whether the question names entity id right after one
// of the lexicon's toward prepositions, determiners between them aside
// ("... an SNS message straight to the CodeDeploy deployment"): it puts id
// at the far end of what it asks.
func (a *analysis) towardLink(lx *ingest.Lexicon, id string) bool {
	for _, l := range a.links {
		if l.id != id {
			continue
		}
		for i := len(a.words) - 1; i >= 0; i-- {
			w := a.words[i]
			if w.end > l.start {
				continue
			}
			if lx.QuestionSurface("determiner", w.lower) {
				continue
			}
			if lx.QuestionSurface("toward", w.lower) {
				return true
			}
			break
		}
	}
	return false
}

// adjacentLinks reports whether the question names x and then y with
// nothing but spaces between them.
func (a *analysis) adjacentLinks(x, y string) bool {
	for i := 0; i+1 < len(a.links); i++ {
		l, m := a.links[i], a.links[i+1]
		if l.id == x && m.id == y && strings.TrimSpace(a.text[l.end:m.start]) == "" {
			return true
		}
	}
	return false
}

// both reports whether the question joins x and y as "both x and y" (in
// either order): it asks for what relates to each.
func (a *analysis) both(x, y string) bool {
	return a.bothPair(func(l, m link) bool { return l.id == x && m.id == y || l.id == y && m.id == x })
}

// anyBoth reports whether the question joins any two entities as "both x
// and y".
func (a *analysis) anyBoth() bool {
	return a.bothPair(func(link, link) bool { return true })
}

// bothPair reports whether two distinct linked entities that match are
// written "both l and m".
func (a *analysis) bothPair(match func(l, m link) bool) bool {
	for _, l := range a.links {
		for _, m := range a.links {
			if l.id == m.id || l.end > m.start || !match(l, m) || strings.TrimSpace(a.text[l.end:m.start]) != "and" {
				continue
			}
			before := strings.Fields(strings.ToLower(a.text[:l.start]))
			if len(before) > 0 && before[len(before)-1] == "both" {
				return true
			}
		}
	}
	return false
}

// strongLinkIDs returns the distinct entities the question names by name.
func (a *analysis) strongLinkIDs() []string {
	var ids []string
	for _, l := range a.links {
		if l.strong() && !containsStr(ids, l.id) {
			ids = append(ids, l.id)
		}
	}
	return ids
}

// timesLinked counts the places the question names entity id.
func (a *analysis) timesLinked(id string) int {
	n := 0
	for _, l := range a.links {
		if l.id == id {
			n++
		}
	}
	return n
}

// optionLinks returns the two things a question closing with a choice
// names on either side of its last " or " ("should I use Kinesis Data
// Streams or Kinesis Firehose?"), when a link ends right before it and
// another starts right after it and they differ.
func (a *analysis) optionLinks() (l, r link, ok bool) {
	q := strings.TrimRight(a.text, "?.! ")
	k := strings.LastIndex(q, " or ")
	if k < 0 {
		return link{}, link{}, false
	}
	var hasL, hasR bool
	for _, x := range a.links {
		if x.end == k {
			l, hasL = x, true
		}
		if x.start == k+4 && x.end == len(q) {
			r, hasR = x, true
		}
	}
	return l, r, hasL && hasR && l.id != r.id
}

// strongLinks counts the distinct entities the question names by name (not
// by a weak alias or a near-miss).
func (a *analysis) strongLinks() int {
	return len(a.strongLinkIDs())
}

// modifies reports whether a mention of one entity directly precedes a
// mention of another, qualifying it: "CloudWatch Logs subscription filter".
// Links are not in text order (a word can link twice), so it compares spans.
func (a *analysis) modifies(id, head string) bool {
	return a.precedes(id, head, false)
}

// namesQualifier is modifies over names alone: the question names id
// right before it names head ("CloudWatch Logs subscription filter"), a
// weak alias of either ("CodeDeploy events", where "events" is
// EventBridge's) is no such name.
func (a *analysis) namesQualifier(id, head string) bool {
	return a.precedes(id, head, true)
}

// precedes reports whether a link to id ends right where a link to head
// starts, with spaces at most between; with strong, both links are names
// (see link.strong).
func (a *analysis) precedes(id, head string, strong bool) bool {
	for _, l := range a.links {
		if l.id != id || strong && !l.strong() {
			continue
		}
		for _, m := range a.links {
			if m.id == head && (!strong || m.strong()) && m.start >= l.end && strings.TrimSpace(a.text[l.end:m.start]) == "" {
				return true
			}
		}
	}
	return false
}

// nextWordIn reports whether the content word right after the question's
// name for entity id is among a relation's words: the name qualifies
// that noun ("ec2" of "codedeploy ec2 lifecycle event order").
func (a *analysis) nextWordIn(id string, rel []string) bool {
	for i, w := range a.words {
		if w.linked < 0 || a.links[w.linked].id != id || i+1 >= len(a.words) || a.words[i+1].linked == w.linked {
			continue
		}
		if n := a.words[i+1]; !n.stop && n.linked < 0 && containsStr(rel, n.stem) {
			return true
		}
	}
	return false
}

// relationHolds reports whether a relation's words hold every content
// stem of the words by which the question names entity id.
func (a *analysis) relationHolds(id string, rel []string) bool {
	return a.relationHoldsBut(id, rel, nil)
}

// relationHoldsBut is relationHolds passing over the words spare reports
// (nil: none), though at least one stem must be held.
func (a *analysis) relationHoldsBut(id string, rel []string, spare func(qword) bool) bool {
	n := 0
	for _, w := range a.words {
		if w.linked < 0 || w.stop || a.links[w.linked].id != id {
			continue
		}
		switch {
		case containsStr(rel, w.stem):
			n++
		case spare == nil || !spare(w):
			return false
		}
	}
	return n > 0
}

// relationSpellsIdentifier reports whether the question names entity id
// by one camel-case identifier whose parts a relation's words all hold
// ("deletion policy" holds "DeletionPolicy").
func (a *analysis) relationSpellsIdentifier(id string, rel []string) bool {
	n := 0
	for _, t := range a.terms {
		w := a.words[t.pos]
		if w.linked < 0 || w.stop || a.links[w.linked].id != id {
			continue
		}
		if len(t.parts) < 2 || !t.in(rel) {
			return false
		}
		n++
	}
	return n == 1
}

// relationNamesMost reports whether a relation's words hold at least half
// the content stems of the words by which the question names entity id
// ("send notification step" holds half of "notification rule").
func (a *analysis) relationNamesMost(id string, rel []string) bool {
	n, held := 0, 0
	for _, w := range a.words {
		if w.linked < 0 || w.stop || a.links[w.linked].id != id {
			continue
		}
		n++
		if containsStr(rel, w.stem) {
			held++
		}
	}
	return held > 0 && 2*held >= n
}

// linksWithin counts the strong links whose words are among the given terms.
func (a *analysis) linksWithin(ts []term) int {
	var ids []string
	for _, t := range ts {
		if l := a.words[t.pos].linked; l >= 0 && (a.links[l].how == linkName || a.links[l].how == linkRegion) && !containsStr(ids, a.links[l].id) {
			ids = append(ids, a.links[l].id)
		}
	}
	return len(ids)
}

// anchorIDs returns the linked nodes relations may start from: the names
// the question gives, or, when it gives none, its weak aliases, near-misses
// and the notes' concepts too.
func (a *analysis) anchorIDs() []string {
	var strong, all []string
	for _, l := range a.links {
		if !containsStr(all, l.id) {
			all = append(all, l.id)
		}
		if l.strong() && !containsStr(strong, l.id) {
			strong = append(strong, l.id)
		}
	}
	if len(strong) > 0 {
		return strong
	}
	return all
}

// whichOne reports whether the question asks "which one" (a subject
// wh-word of the lexicon before "one").
func (e *Engine) whichOne(a *analysis) bool {
	for i := 1; i < len(a.words); i++ {
		if a.words[i].lower == "one" && e.lx.QuestionSurface("subject", a.words[i-1].lower) {
			return true
		}
	}
	return false
}

// mentionsWords reports whether the question's words hold every one of
// stems (none when stems is empty).
func (a *analysis) mentionsWords(stems []string) bool {
	if len(stems) == 0 {
		return false
	}
	for _, s := range stems {
		if !slices.ContainsFunc(a.words, func(w qword) bool { return w.stem == s }) {
			return false
		}
	}
	return true
}

// withNamesakes returns ids and, after them, the services each is a
// namesake feature of (see namesakes).
func (a *analysis) withNamesakes(ids []string) []string {
	out := slices.Clone(ids)
	for _, id := range ids {
		for _, p := range a.namesakes[id] {
			if !containsStr(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// linkIDs returns the linked node IDs in question order.
func (a *analysis) linkIDs() []string {
	out := make([]string, 0, len(a.links))
	for _, l := range a.links {
		if !containsStr(out, l.id) {
			out = append(out, l.id)
		}
	}
	return out
}

// splitWords splits a question into words: letters, digits and inner
// joiners ("cfn-init", "us-east-1", "Lambda@Edge", "blue/green").
func splitWords(text string) []qword {
	var out []qword
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.TrimRight(text[start:end], "-./@'’")
		if parts := strings.Split(w, "/"); len(parts) > 1 && !slices.ContainsFunc(parts, notWord) {
			// "tasks/capabilities": two words (a name written so is
			// linked on the question's text, not its words)
			at := start
			for _, p := range parts {
				out = append(out, qword{text: p, lower: strings.ToLower(p), start: at, end: at + len(p), linked: -1})
				at += len(p) + 1
			}
			start = -1
			return
		}
		base, clitic := splitClitic(w)
		if base != "" {
			out = append(out, qword{text: base, lower: strings.ToLower(base), start: start, end: start + len(base), linked: -1})
		}
		if clitic != "" {
			// "What's" reads as "What is": the wh-word keeps its place
			out = append(out, qword{text: clitic, lower: clitic, start: start + len(base), end: start + len(w), linked: -1})
		}
		start = -1
	}
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		if !word && start >= 0 && strings.ContainsRune("-./@'’", r) {
			word = true
		}
		if word {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

// notWord reports whether a part of a slashed word is no word: two or more
// letters, digits and hyphens that open with a letter ("EC2/On-Premises"
// is two words; "", "5", "-x" keep "a/b" whole).
func notWord(p string) bool {
	if len(p) < 2 {
		return true
	}
	for k, r := range p {
		if !unicode.IsLetter(r) && (k == 0 || !unicode.IsDigit(r) && r != '-') {
			return true // "EC2", "On-Premises" are words; "5", "-x" are not
		}
	}
	return false
}

// clitics are the verbs an apostrophe contracts: "what's", "they're".
var clitics = map[string]string{"s": "is", "re": "are", "ll": "will", "ve": "have", "d": "would"}

// cliticHosts are the words whose "'s" is "is", not a possessive.
var cliticHosts = map[string]bool{"what": true, "where": true, "who": true, "how": true, "that": true, "it": true,
	"there": true, "here": true, "which": true, "when": true, "why": true, "this": true}

// splitClitic splits a contracted verb from its word: "What's" → "What",
// "is"; a possessive loses its "'s" ("ASG's" → "ASG", ""). Negations
// ("don't") and other words come back whole.
func splitClitic(w string) (base, clitic string) {
	i := strings.LastIndexAny(w, "'’")
	if i <= 0 {
		return w, ""
	}
	suffix := strings.ToLower(w[i+len(string([]rune(w[i:])[0])):])
	verb, ok := clitics[suffix]
	if !ok {
		return w, ""
	}
	base = w[:i]
	if suffix == "s" && !cliticHosts[strings.ToLower(base)] {
		return base, "" // a possessive
	}
	return base, verb
}

// questionStart is the byte offset where the question itself starts: after
// the sentences that set its scene ("Someone copied files by hand ... .
// What are my options ...?"), or after a dash or colon that a wh-word
// follows ("I don't want a second merge to cancel a release - what
// execution modes ...").
//
// A yes/no question that follows a wh-question ("AWS Config remediation -
// what does it run? can it use Lambda?") asks a detail of its answer: the
// wh-question is the one asked.
func (e *Engine) questionStart(text string) int {
	t := strings.TrimRight(text, " ?!.")
	start, prev := 0, -1 // prev: where the sentence before start starts, when it asks ("?")
	for i := 0; i+1 < len(t); i++ {
		// "(e.g. example.com)": the abbreviation's word, past the bracket
		// that opens an aside, ends no sentence
		word := strings.TrimLeft(t[strings.LastIndexByte(t[:i], ' ')+1:i+1], "([{\"'")
		if (t[i] == '.' || t[i] == '?' || t[i] == '!') && t[i+1] == ' ' && !e.lx.QuestionSurface("abbreviation", word) {
			prev = -1
			if t[i] == '?' {
				prev = start
			}
			start = i + 2
		}
	}
	if prev >= 0 && strings.HasPrefix(t[start:], "(") && strings.HasSuffix(strings.TrimRight(t, "?!. "), ")") {
		// "... what does it run to fix things? (can it use Lambda?)": a
		// question in brackets after the one that asks is an aside
		return e.whAfterSeparator(t[:start-2], prev)
	}
	if prev >= 0 && e.opensWith(t[start:], "yesno") {
		if wh := e.whAfterSeparator(t[:start-2], prev); e.opensWith(t[wh:], "wh") {
			return wh
		}
	}
	return e.whAfterSeparator(t, start)
}

// whAfterSeparator returns where the question in t from start is asked:
// after each dash or colon that a wh-word follows, or after the comma that
// ends a leading subordinate clause when a wh-word follows it ("If my
// subscription goes to Firehose, where can Firehose deliver?"), else start.
func (e *Engine) whAfterSeparator(t string, start int) int {
	if e.lx.Subordinator(strings.ToLower(firstWord(t[start:]))) {
		if i := strings.Index(t[start:], ", "); i >= 0 && e.opensWith(t[start+i+2:], "wh") {
			start += i + 2
		}
	}
	for _, sep := range []string{" - ", " – ", " — ", ": "} {
		for i := strings.Index(t[start:], sep); i >= 0; i = strings.Index(t[start:], sep) {
			at := start + i + len(sep)
			if !e.opensWith(t[at:], "wh") {
				break
			}
			start = at
		}
	}
	return start
}

// opensWith reports whether text's first word is a question word of the
// lexicon's group ("wh", "yesno").
func (e *Engine) opensWith(text, group string) bool {
	return e.lx.QuestionWord(group, ingest.Stem(strings.ToLower(firstWord(text))))
}

// firstWord returns text's first word, as written.
func firstWord(text string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(text), " ")
	return first
}

// asksYesNo reports whether a question asks yes or no: the sentence it asks
// (from ask) opens with an auxiliary ("Can ...", "Does ..."), or its main
// clause does after a leading subordinate clause, a leading prepositional
// phrase or a dash ("If I attach a deny SCP ..., does it ...", "With
// Config's SNS notifications, can I ...", "... by mistake - can root shorten it"),
// or it ends with a clause that asks whether (see tailAsksWhether); an
// alternative (", or ...") asks which, not whether.
func (e *Engine) asksYesNo(a *analysis, ask int) bool {
	if strings.Contains(a.text[ask:], ", or ") {
		return false
	}
	opens := func(i int) bool {
		return i < len(a.words) && e.lx.QuestionWord("yesno", a.words[i].stem)
	}
	first := -1
	for i, w := range a.words {
		if w.start >= ask {
			first = i
			break
		}
	}
	if first < 0 {
		return false
	}
	if opens(first) {
		return true
	}
	for i := first + 1; i < len(a.words); i++ {
		gap := a.text[a.words[i-1].end:a.words[i].start]
		switch {
		case strings.Contains(gap, ",") && (e.lx.Subordinator(a.words[first].lower) || e.lx.IsPreposition(a.words[first].lower)):
			return opens(i) || e.tailAsksWhether(a, first) // "If ..., does it ...", "With Config's SNS notifications, can I ..."
		case strings.Contains(gap, " - ") || strings.Contains(gap, " – ") || strings.Contains(gap, ":"):
			if opens(i) {
				return true // "... by mistake - can root ..."
			}
			return e.tailAsksWhether(a, first)
		}
	}
	return e.tailAsksWhether(a, first)
}

// maxTailWords bounds the words of a question's last clause that asks
// whether what comes before it holds ("- possible?", ", supported at all?").
const maxTailWords = 3

// tailAsksWhether reports whether a question ends with a short clause of
// its own, after a dash, colon or comma, that asks whether what it
// describes holds: a word of the lexicon's "available" group and a "?",
// in a question of no wh-word
// ("S3 replication into another account's bucket - possible?", "ECS
// in-place deployments, supported?").
func (e *Engine) tailAsksWhether(a *analysis, first int) bool {
	if !strings.HasSuffix(strings.TrimSpace(a.text), "?") || slices.ContainsFunc(a.words[first:], func(w qword) bool { return e.lx.QuestionWord("wh", w.stem) }) {
		return false // "..., which identity, the recommended way?" asks which
	}
	for i := len(a.words) - 1; i > first && i >= len(a.words)-maxTailWords; i-- {
		gap := a.text[a.words[i-1].end:a.words[i].start]
		if !strings.Contains(gap, " - ") && !strings.Contains(gap, " – ") && !strings.Contains(gap, " — ") && !strings.ContainsAny(gap, ":,") {
			continue
		}
		return slices.ContainsFunc(a.words[i:], func(w qword) bool { return e.lx.QuestionWord("available", w.stem) })
	}
	return false
}

// inParens reports whether the byte offset at lies inside parentheses.
func inParens(text string, at int) bool {
	depth := 0
	for _, r := range text[:at] {
		switch r {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		}
	}
	return depth > 0
}

// analyze reads a question.
func (e *Engine) analyze(text string) *analysis {
	lx := e.lx
	a := &analysis{text: text, words: splitWords(text)}
	for i := range a.words {
		w := &a.words[i]
		w.stem = ingest.Stem(w.lower)
		// words that point at the notes ("the cheat-sheet notes say")
		// weigh no more than stop words
		w.stop = lx.IsStop(w.lower) || lx.QuestionWord("source", w.stem)
	}
	for i := 0; i+1 < len(a.words); i++ {
		// "turned on": the one word the phrasal verb means ("enable"),
		// which the notes' lines may write as well (see termsOf)
		a.words[i].phrasal = lx.Phrasal(a.words[i].stem, a.words[i+1].lower)
	}
	for i := range a.words {
		// "the two kinds of logging", "name 3 services": a count of the
		// asked-for things says how many, not what (it is no part of the
		// asked-for phrase, though notes that count them write it: "made
		// up of three services"); "60 days" is a value
		if e.countOf(a.words, i) {
			a.words[i].count = true
			if a.count == 0 && e.asksCounted(a.words, i) {
				v, _ := ingest.NumberWord(a.words[i].lower)
				a.count = int(v)
			}
		}
	}
	e.link(a)
	ask, sub := e.questionStart(text), false
	for _, w := range a.words {
		if w.start >= ask && lx.QuestionWord("wh", w.stem) {
			a.askAt = ask
			break
		}
	}
	e.deniedLinks(a)
	for i, w := range a.words {
		if i > 0 && w.start > ask && lx.QuestionSurface("clause", w.lower) && !e.describesAnswers(a, ask, i) {
			sub = true // "files that weren't part of ...": a clause inside the question
		}
		switch {
		case e.negationWord(w.lower) && w.start >= ask && !sub && !inParens(text, w.start):
			// an aside's negation qualifies the scene ("for an in-place
			// deployment (no load balancer)"), not what is asked
			a.negated = true
		case lx.IsExclusive(w.lower):
			a.exclusive = true
		}
		if lx.QuestionWord("order", w.stem) && w.start >= ask {
			a.order = true // "... the fastest rollback possible. Which deployment policy?": the scene's superlative asks no ranking
		}
		if lx.QuestionWord("superlative", w.stem) && w.start >= ask {
			a.superlative = true
		}
		if lx.QuestionWord("sequence", w.stem) && w.start >= ask {
			a.sequence = true // "... drifting away from their baseline. Which ...": the scene's "from" asks no sequence
		}
		if lx.QuestionSurface("compare", w.lower) {
			a.compare = true // as written: "different" is no comparison
		}
		if a.qualifier == "" && w.linked < 0 {
			switch {
			case lx.QuestionWord("manual", w.stem):
				a.qualifier = "manual"
			case lx.QuestionWord("implicit", w.stem):
				a.qualifier = "implicit"
			}
		}
	}
	a.yesno = e.asksYesNo(a, ask)
	if a.yesno {
		a.opposed = e.opposedSenses(a.text)
	}
	for _, w := range a.words {
		if lx.QuestionWord("ascending", w.stem) {
			a.ascending = true
			break
		}
		if a.order && lx.QuestionWord("order", w.stem) && !lx.QuestionWord("ascending", w.stem) && w.stem != "order" && w.stem != "rank" && w.stem != "sort" && w.stem != "sequenc" {
			break // "most expensive first": descending
		}
	}
	if a.order && !a.ascending {
		a.ascending = !e.descending(a)
	}
	e.focusOf(a)
	a.referent, a.referentAt = referentOf(a)
	a.single = e.asksOne(a)
	a.twofold = e.asksTwo(a)
	e.termsOf(a)
	a.path = e.pathCue(a) && !a.anyBoth() // "to both S3 and CloudWatch": two ends, no path
	a.examples = e.examplesOf(a)
	a.beyond = e.lx.HasQuestionPhrase("beyond", a.text)
	if x, y, closes, ok := e.offeredOptions(a); ok && (a.single || e.whichOne(a) || closes) && !slices.ContainsFunc(a.words, func(w qword) bool { return e.lx.QuestionSurface("several", w.lower) }) {
		// (a question that ends with a choice of the two asks for one:
		// "... - Standard or Express workflow?", where "Standard vs
		// Express" asks of both); "which target does each
		// support" asks of both, not for one
		a.offered, a.offers = [2]option{x, y}, true
	}
	return a
}

// examplesOf returns the entities a question gives as examples of its
// answers: a name followed by an example word ("allatonce etc").
func (e *Engine) examplesOf(a *analysis) []string {
	var out []string
	for _, l := range a.links {
		for _, w := range a.words {
			if w.start < l.end {
				continue
			}
			if e.lx.QuestionWord("example", strings.TrimSuffix(w.lower, ".")) && !containsStr(out, l.id) {
				out = append(out, l.id)
			}
			break
		}
	}
	return out
}

// referentOf finds the entity a main clause's subject pronoun stands for:
// "it" or "they" after a comma, and the first entity the text before that
// comma names (its head when it qualifies the next: "CloudWatch Logs
// subscription filter" is the filter). It returns "" when the question has
// no such pronoun or names nothing before it.
func referentOf(a *analysis) (string, int) {
	for _, w := range a.words {
		if w.lower != "it" && w.lower != "they" {
			continue
		}
		comma := strings.LastIndexByte(a.text[:w.start], ',')
		if comma < 0 {
			continue
		}
		var before []link
		for _, l := range a.links {
			if l.strong() && l.end <= comma {
				before = append(before, l)
			}
		}
		if len(before) == 0 {
			return "", -1
		}
		sort.Slice(before, func(i, j int) bool { return before[i].start < before[j].start })
		id := before[0].id
		for k := 1; k < len(before) && a.modifies(id, before[k].id); k++ {
			id = before[k].id
		}
		return id, w.start
	}
	return "", -1
}

// descending reports whether an ordering question asks for the largest
// first: its first ordering word is not an ascending one.
func (e *Engine) descending(a *analysis) bool {
	for _, w := range a.words {
		if !e.lx.QuestionWord("order", w.stem) || w.stem == "order" || w.stem == "rank" || w.stem == "sort" {
			continue
		}
		return !e.lx.QuestionWord("ascending", w.stem)
	}
	return false
}

// link finds the entities a question names: the longest names first
// (dictionary and notes), then weak aliases, region names, and last
// near-misses of names for words the notes never use.
func (e *Engine) link(a *analysis) {
	for _, m := range e.dict.FindWeak(a.text) {
		if m.ID == "" {
			continue
		}
		if _, ok := e.names[m.ID]; !ok || e.lx.IsStop(m.Text) || e.lx.IsNegation(m.Text) || e.lx.Region(m.Text) != "" {
			continue // function words are no names; region names link as regions
		}
		if m.Start > 0 && a.text[m.Start-1] == '.' && m.Text == strings.ToLower(m.Text) {
			continue // ".config", ".yml": a file's extension, no name
		}
		if e.verbForm(a, m) {
			continue // "setting up patching", "can go": a verb the lexicon knows, not "Settings" or Go
		}
		if inner, ok := e.entityInConcept(m); ok {
			// "SNS notifications", a concept one note wrote, is SNS's
			// notifications: the question names SNS
			m = inner
		}
		how := linkName
		if len(ingest.Tokens(m.Text)) == 1 && !e.strongAlias(m.Text) {
			how = linkWeak
			if e.compoundHead(a, m.Start, m.Text) {
				continue // "lifecycle events": a kind of events, not EventBridge
			}
		}
		e.addLink(a, link{id: m.ID, start: m.Start, end: m.End, how: how, text: m.Text, concept: e.isNoteConcept(m.ID)})
	}
	e.linkHyphenated(a)
	e.linkElided(a)
	e.linkRegions(a)
	e.linkAcronyms(a)
	e.linkFuzzy(a)
}

// verbForm reports whether a one-word mention is a question word in lower
// case that the question uses as a verb the lexicon knows: its -ing form
// ("setting up patching", not "Settings"), or its bare form right after a
// modal ("which keys can go under env", not the language Go).
func (e *Engine) verbForm(a *analysis, m ingest.Mention) bool {
	if len(ingest.Tokens(m.Text)) != 1 || m.Text != strings.ToLower(m.Text) {
		return false
	}
	for i, w := range a.words {
		if w.start != m.Start || w.end != m.End {
			continue
		}
		afterModal := i > 0 && e.lx.QuestionSurface("modal", a.words[i-1].lower)
		if !afterModal && !strings.HasSuffix(m.Text, "ing") {
			return false
		}
		return e.lx.LeadingVerb(w.stem, len(w.stem))
	}
	return false
}

// entityInConcept returns the entity of the base dictionary (a service, a
// feature, a capability) that a mention of a note's concept names among
// other words ("SNS notifications": Amazon SNS), with the question's
// offsets; ok is false when the mention is no note concept, or names no
// one such entity by a strong name ("log group" names no CloudWatch Logs
// by its weak alias "log").
func (e *Engine) entityInConcept(m ingest.Mention) (ingest.Mention, bool) {
	if !e.isNoteConcept(m.ID) || len(ingest.Tokens(m.Text)) < 2 {
		return m, false
	}
	var found []ingest.Mention
	for _, in := range e.base.FindWeak(m.Text) {
		if _, ok := e.names[in.ID]; ok && !e.isNoteConcept(in.ID) && (len(ingest.Tokens(in.Text)) > 1 || e.strongAlias(in.Text)) {
			found = append(found, in)
		}
	}
	if len(found) != 1 {
		return m, false
	}
	in := found[0]
	in.Start += m.Start
	in.End += m.Start
	return in, true
}

// compoundHead reports whether a weak alias at byte offset start is the
// head of a compound the notes write ("lifecycle events", "deployment
// events"): the word before it is a content word, not linked, and the two
// words stand together in the notes' lines.
func (e *Engine) compoundHead(a *analysis, start int, text string) bool {
	prev := -1
	for i, w := range a.words {
		if w.start >= start {
			break
		}
		prev = i
	}
	if prev < 0 {
		return false
	}
	w := a.words[prev]
	if w.stop || w.linked >= 0 || w.end+1 < start || !strings.HasSuffix(strings.ToLower(text), "s") {
		return false
	}
	return e.phraseInNotes(w.stem, w.lower+" "+strings.ToLower(strings.TrimSuffix(text, "s")))
}

// phraseInNotes reports whether a line of the notes that holds stem
// writes phrase (lower case, as a prefix of a word run: "lifecycle event"
// is in "lifecycle events").
func (e *Engine) phraseInNotes(stem, phrase string) bool {
	stmts, _ := e.ix.StatementsWith(stem)
	for _, i := range stmts {
		if strings.Contains(strings.ToLower(e.ix.StatementText(int(i))), phrase) {
			return true
		}
	}
	return false
}

// linkElided links the name a question leaves the shared words out of
// after a coordinator or a compare word: "parameter store standard vs
// advanced" names "Parameter Store Standard" and, by its last word
// replaced, "Parameter Store Advanced", when the notes have such a name.
// Only a name of two words or more, and the unlinked content word right
// after "vs", "or", "and" (the lexicon's ellipsis words).
func (e *Engine) linkElided(a *analysis) {
	for li := 0; li < len(a.links); li++ {
		l := a.links[li]
		toks := ingest.Tokens(l.text)
		if len(toks) < 2 {
			continue
		}
		k := slices.IndexFunc(a.words, func(w qword) bool { return w.start >= l.end })
		if k < 0 || k+1 >= len(a.words) {
			continue
		}
		c, w := a.words[k], a.words[k+1]
		if strings.TrimSpace(a.text[l.end:c.start]) != "" || !e.lx.QuestionSurface("ellipsis", c.lower) {
			continue
		}
		if w.stop || w.linked >= 0 {
			continue
		}
		words := strings.Fields(l.text)
		if len(words) < 2 {
			continue
		}
		name := strings.Join(words[:len(words)-1], " ") + " " + w.text
		for _, m := range e.dict.FindWeak(name) {
			if m.ID == "" || m.ID == l.id || m.Start != 0 || m.End != len(name) {
				continue
			}
			if _, ok := e.names[m.ID]; !ok {
				continue
			}
			e.addLink(a, link{id: m.ID, start: w.start, end: w.end, how: linkName, text: w.text, concept: e.isNoteConcept(m.ID)})
			break
		}
	}
}

// minHyphenatedWords is how many words a name must have to be found in a
// question that writes it hyphenated.
const minHyphenatedWords = 3

// linkHyphenated links the names of three or more words a question writes
// with hyphens ("the infrastructure-as-code lifecycle" names
// "Infrastructure as Code lifecycle"); a hyphenated word that names
// nothing whole stays one word of the question's terms.
func (e *Engine) linkHyphenated(a *analysis) {
	if !slices.ContainsFunc(a.words, func(w qword) bool { return strings.Count(w.text, "-") >= minHyphenatedWords-1 }) {
		return // no word of three hyphenated parts ("cross-account" has two)
	}
	spaced := strings.ReplaceAll(a.text, "-", " ") // same byte offsets
	for _, m := range e.dict.FindWeak(spaced) {
		if m.ID == "" || !strings.Contains(a.text[m.Start:m.End], "-") || len(ingest.Tokens(m.Text)) < minHyphenatedWords || !strings.Contains(strings.TrimSpace(a.text[m.Start:m.End]), " ") {
			continue // "near-real-time" alone is a compound adjective, not a name
		}
		if _, ok := e.names[m.ID]; !ok {
			continue
		}
		e.addLink(a, link{id: m.ID, start: m.Start, end: m.End, how: linkName, text: a.text[m.Start:m.End], concept: e.isNoteConcept(m.ID)})
	}
}

// linkAcronyms links upper-case words the notes never spell out to the one
// service or feature whose name's initials they are: "TA" → Trusted
// Advisor.
func (e *Engine) linkAcronyms(a *analysis) {
	for _, w := range a.words {
		if w.linked >= 0 || len(w.text) < 2 || len(w.text) > 5 || strings.ToUpper(w.text) != w.text || strings.ToLower(w.text) == w.text {
			continue
		}
		if id := e.acronyms[strings.ToLower(w.text)]; id != "" {
			e.addLink(a, link{id: id, start: w.start, end: w.end, how: linkWeak, text: w.text})
		}
	}
}

// acronymsOf maps the initials of service and feature names ("ta" for
// "AWS Trusted Advisor") to the node, when exactly one node has them and
// no dictionary alias is spelt so.
func acronymsOf(nodes []graph.Node, lx *ingest.Lexicon, dict *ingest.Dictionary) map[string]string {
	out := map[string]string{}
	taken := map[string]bool{}
	for _, n := range nodes {
		if n.Kind != graph.KindService && n.Kind != graph.KindFeature {
			continue
		}
		var b strings.Builder
		for _, w := range strings.Fields(n.Name) {
			lw := strings.ToLower(w)
			if lw == "aws" || lw == "amazon" || lx.IsStop(lw) {
				continue
			}
			r, _ := utf8.DecodeRuneInString(lw)
			b.WriteRune(r)
		}
		k := b.String()
		if utf8.RuneCountInString(k) < 2 {
			continue
		}
		if _, alias := dict.Exact(k); alias {
			continue
		}
		if prev, ok := out[k]; ok && prev != n.ID {
			taken[k] = true
		}
		out[k] = n.ID
	}
	for k := range taken {
		delete(out, k)
	}
	return out
}

// strongAlias reports whether a one-word text is a strong name: an
// abbreviation or a distinctive name ("SSM", "CodeDeploy"), not a common
// word ("logs", "alarm").
func (e *Engine) strongAlias(text string) bool {
	if _, ok := e.base.Exact(text); !ok {
		return false
	}
	for _, m := range e.base.Find(text) {
		if m.ID != "" && m.End-m.Start == len(text) {
			return true
		}
	}
	return false
}

// addLink records a link unless it overlaps one already made, or it is a
// concept a note named with one word that shapes questions ("Chain",
// "Manually", "Default"): that word keeps its role in the question.
func (e *Engine) addLink(a *analysis, l link) {
	for i := range a.words {
		w := &a.words[i]
		if w.start >= l.start && w.end <= l.end && w.linked >= 0 {
			return
		}
		if l.concept && w.start == l.start && w.end == l.end && e.lx.ShapeWord(w.stem) {
			return
		}
	}
	a.links = append(a.links, l)
	for i := range a.words {
		w := &a.words[i]
		if w.start >= l.start && w.end <= l.end {
			w.linked = len(a.links) - 1
		}
	}
	// keep links in question order
	for i := len(a.links) - 1; i > 0 && a.links[i].start < a.links[i-1].start; i-- {
		a.links[i], a.links[i-1] = a.links[i-1], a.links[i]
		for k := range a.words {
			switch a.words[k].linked {
			case i:
				a.words[k].linked = i - 1
			case i - 1:
				a.words[k].linked = i
			}
		}
	}
}

// linkRegions links region names and codes ("N. Virginia", "us-east-1")
// to the region nodes the notes hold.
func (e *Engine) linkRegions(a *analysis) {
	for i := range a.words {
		for n := 4; n >= 1; n-- {
			if i+n > len(a.words) {
				continue
			}
			span := a.text[a.words[i].start:a.words[i+n-1].end]
			code := e.lx.Region(span)
			if code == "" {
				continue
			}
			id := graph.NodeID(graph.KindConcept, code)
			if _, ok := e.names[id]; ok {
				e.addLink(a, link{id: id, start: a.words[i].start, end: a.words[i+n-1].end, how: linkRegion, text: span})
			}
			break
		}
	}
}

// linkFuzzy links words the notes never use to the name or alias they are
// one or two edits from: "Cloudtrial", "Elasticbeanstalk".
func (e *Engine) linkFuzzy(a *analysis) {
	for i := range a.words {
		w := a.words[i]
		if w.linked >= 0 || w.stop || utf8.RuneCountInString(w.lower) < 5 || e.docFreq(w.stem) > 0 {
			continue
		}
		if e.lx.IsStop(w.stem) || e.lx.LeadingVerb(w.stem, len(w.stem)) {
			continue // "getting" is a form of a verb the lexicon knows, not "settings" misspelt
		}
		within := 1
		if utf8.RuneCountInString(w.lower) >= 9 {
			within = 2
		}
		for _, name := range e.suggest(w.text, 1, within) {
			if id, ok := e.dict.Exact(name); ok {
				e.addLink(a, link{id: id, start: w.start, end: w.end, how: linkFuzzy, text: w.text, concept: e.isNoteConcept(id)})
			}
		}
	}
}

// negationWord reports whether a question's word negates: the lexicon's
// question_negation words and the "n't" contractions.
func (e *Engine) negationWord(w string) bool {
	return e.lx.IsQuestionNegation(w) || ingest.NotContraction(w)
}

// describesAnswers reports whether the clause word a.words[i] opens a
// relative clause of the asked-for noun: a relative word right after a
// plural or a kind word that is no name, with no preposition or auxiliary
// verb between the question's start (byte offset ask) and it ("codedeploy
// ec2 events that I can't attach scripts to"). A clause of a noun further on is the
// scene's ("what can CodeDeploy do with files ... that weren't part of
// ...").
func (e *Engine) describesAnswers(a *analysis, ask, i int) bool {
	if !e.lx.QuestionSurface("relative", a.words[i].lower) {
		return false
	}
	prev := a.words[i-1]
	if prev.stop || prev.linked >= 0 && a.links[prev.linked].how != linkWeak || !ingest.PluralNoun(prev.lower) && len(e.lx.Kinds(prev.lower)) == 0 {
		return false // a plural or a kind: "events that ..."; not a verb ("does CodeCommit support that ...")
	}
	for _, w := range a.words[:i] {
		if w.start >= ask && (e.lx.IsPreposition(w.lower) || e.lx.QuestionWord("yesno", w.lower)) {
			return false // "with files ... that", "which target does CodeCommit support that ..."
		}
	}
	return true
}

// deniedLinks finds the entities a negation word right before them (or
// before their article, or before a preposition: "not to CloudWatch
// Logs") rules out (a.denied): "with no load balancer",
// "without SNS", "without a load balancer", "neither EventBridge nor
// CloudWatch metrics"; not one the
// question also names with no negation before it ("enable multi-AZ on
// manually (not multi-AZ out of the box)" asks about multi-AZ).
func (e *Engine) deniedLinks(a *analysis) {
	var named []string
	for i, w := range a.words {
		l := w.linked
		if l < 0 || a.links[l].start != w.start {
			continue // not the first word of a name
		}
		k := i - 1
		if k > 0 && e.lx.QuestionSurface("determiner", a.words[k].lower) {
			k-- // "without a load balancer"
		}
		// "delivered to S3 and not to CloudWatch Logs": the relation the
		// preposition says is denied of the thing, which rules out the
		// answers it ties to it, as "neither ... nor" does
		viaPrep := k > 0 && e.lx.IsPreposition(a.words[k].lower) && e.negationWord(a.words[k-1].lower)
		if viaPrep {
			k--
		}
		ruleOut := k >= 0 && (viaPrep || e.lx.QuestionWord("rule_out", a.words[k].lower))
		// "with and without a load balancer": a preposition joined to the
		// negation names the thing as well
		bothWays := k >= 2 && e.lx.QuestionSurface("both_ways", a.words[k-1].lower) && e.lx.IsPreposition(a.words[k-2].lower)
		if bothWays && !containsStr(a.bothWays, a.links[l].id) {
			a.bothWays = append(a.bothWays, a.links[l].id)
		}
		if k >= 0 && !bothWays && (e.negationWord(a.words[k].lower) || e.lx.Negates(a.words[k].lower) || ruleOut) {
			if !containsStr(a.denied, a.links[l].id) {
				a.denied = append(a.denied, a.links[l].id)
			}
			if ruleOut && !containsStr(a.ruledOut, a.links[l].id) {
				a.ruledOut = append(a.ruledOut, a.links[l].id)
			}
		} else if a.links[l].how != linkWeak {
			// (a weak alias, "logs" of "AWS-managed logs", names no
			// thing the question also asks about)
			named = append(named, a.links[l].id)
		}
	}
	a.denied = slices.DeleteFunc(a.denied, func(id string) bool { return containsStr(named, id) })
	a.ruledOut = slices.DeleteFunc(a.ruledOut, func(id string) bool { return containsStr(named, id) })
}

// focusOf finds the noun phrase a wh-word opens and the node kinds it names:
// "which AWS services ..." → services → service; "what categories ..." →
// categori.
func (e *Engine) focusOf(a *analysis) {
	if !a.yesno {
		if i := slices.IndexFunc(a.words, func(w qword) bool { return w.start >= a.askAt && e.lx.QuestionSurface("place", w.lower) }); i >= 0 && i+1 < len(a.words) && e.lx.QuestionSurface("aux", a.words[i+1].lower) {
			// "where can an ASG lifecycle hook send its notification": a
			// place is a named thing (EventBridge, SNS, GitHub), not one
			// of the hook's settings
			a.place = true
		}
	}
	for i, w := range a.words {
		if !opensAsked(w.lower) && w.lower != "how" {
			continue
		}
		if w.lower == "how" && i+1 < len(a.words) && (e.lx.QuestionWord("yesno", a.words[i+1].stem) || a.words[i+1].lower == "can") {
			// "how do logs travel ...": a manner, not a kind or an amount
			// ("how many", "how long" ask for values)
			continue
		}
		e.focusFrom(a, i, len(a.words)-1, false)
		return
	}
	if i := e.terseOpener(a); i >= 0 && !a.yesno {
		// a question that opens by asking for an order names what it
		// orders next: "Order of the CodeDeploy lifecycle events on an EC2
		// in-place deployment?" asks for lifecycle events
		e.focusFrom(a, i, len(a.words)-1, true)
	} else if start, end := e.tersePlural(a); start >= 0 {
		// "tools to ship logs from EC2 into CloudWatch Logs", "Lifecycle
		// hooks available in an ECS AppSpec", "Beanstalk platform hooks on
		// Amazon Linux 2": a terse question that opens with a noun phrase
		// whose head is plural asks for those things
		e.focusFrom(a, start-1, end, true)
	}
	e.terseFocus(a)
}

// maxTerseHead is how many words into a terse question its opening noun
// phrase's plural head may come.
const maxTerseHead = 4

// tersePlural finds the noun phrase a question without a wh-word opens
// with, when its head is a plural noun: the phrase's first word that names
// nothing (names before it are what it is about: "Beanstalk | platform
// hooks") and its last, the plural head. It returns -1, -1 for a yes/no
// question, or one whose first words hold a function word, a verb, a count
// or a value word before a plural.
func (e *Engine) tersePlural(a *analysis) (start, end int) {
	w := a.words
	if a.yesno || len(w) < 2 {
		return -1, -1
	}
	start = -1
	for k := 0; k < len(w) && k < maxTerseHead; k++ {
		x := w[k]
		if x.stop || x.count || e.verbLike(x.lower) || slices.Contains(e.lx.Kinds(x.lower), graph.KindValue) {
			// "max concurrent readers on a DynamoDB stream": a value word
			// asks for a value (see terseFocus), not the things
			return -1, -1
		}
		if x.linked >= 0 && a.links[x.linked].how != linkWeak && !a.links[x.linked].concept {
			if start >= 0 {
				return -1, -1 // a name after the phrase began: "Rules | CloudWatch ..."
			}
			continue
		}
		if start < 0 {
			start = k
		}
		if ingest.PluralNoun(x.lower) {
			return start, k
		}
	}
	return -1, -1
}

// terseOpener is the position of the last word before a terse question's
// first content word, counting the words that ask for an order or a list
// ("order of the", "sequence of"), prepositions and determiners as openers;
// -1 when the question starts with a content word.
func (e *Engine) terseOpener(a *analysis) int {
	i := -1
	for j, x := range a.words {
		if !e.lx.QuestionWord("sequence", x.stem) && (i < 0 || !e.lx.IsPreposition(x.lower) && !e.lx.QuestionSurface("determiner", x.lower)) {
			break
		}
		i = j
	}
	return i
}

// focusFrom reads the focus phrase that starts after word i and ends at
// word end at the latest (see focusOf); a terse one ends at its first
// preposition ("the instance states | during a scale-out").
func (e *Engine) focusFrom(a *analysis, i, end int, terse bool) {
	if !terse && i+2 < len(a.words) && a.words[i].lower != "how" && e.lx.QuestionSurface("modal", a.words[i+1].lower) {
		at := i + 2
		if at+1 < len(a.words) && e.lx.QuestionSurface("determiner", a.words[at].lower) {
			at++ // "what can a custom resource be backed by"
		}
		if l := a.words[at].linked; l >= 0 && a.links[l].strong() && !a.links[l].concept || e.lx.QuestionWord("subject_pronoun", a.words[at].lower) {
			// "what can CodeDeploy deploy to?": the wh-word is the object
			// itself; the name after the modal is the subject and the
			// word after it the verb, no noun phrase that asks for a kind
			// (in "what can produce records" the wh-word is the subject);
			// so is a pronoun there ("what can it deploy to")
			return
		}
	}
	seen, headSeen := 0, false
	// wantsBefore is the length of a.wants before the kind word at
	// modifierAt added its kinds (-1: none yet)
	wantsBefore, modifierAt := 0, -1
	for j := i + 1; j < len(a.words) && j <= i+8 && j <= end; j++ {
		x := a.words[j]
		aux := e.lx.QuestionWord("yesno", x.stem) || x.lower == "can" || x.lower == "should" || x.lower == "i" || x.lower == "we" || x.lower == "you" ||
			strings.Contains(x.lower, "'") && e.lx.IsNegation(x.lower) // "isn't", "doesn't": a negated auxiliary
		if aux && (seen > 0 || j > i+2) || terse && seen > 0 && e.lx.IsPreposition(x.lower) {
			break
		}
		if seen > 0 && ingest.PluralNoun(a.words[j-1].lower) && e.verbLike(x.lower) {
			break // a plural head, then its verb: "which resource types | support ..."
		}
		if j == i+1 && e.asksVerb(a, i) {
			break // "what | feeds events into ...": the verb, no noun phrase
		}
		if seen > 0 && e.lx.QuestionWord("wh", x.stem) && e.lx.IsPreposition(a.words[j-1].lower) {
			// "what are the options for | how many instances ...": a
			// clause after a preposition completes the noun and asks
			// nothing of its own ("what share ... and how long ..."
			// asks a second question)
			break
		}
		if x.linked >= 0 && len(a.focus) > 0 && !a.links[x.linked].concept && a.links[x.linked].how != linkWeak {
			break // "what categories Trusted Advisor checks", "the ways Application Discovery Service collects": the noun phrase ended
		}
		if a.qualifier != "" && e.lx.QuestionWord(a.qualifier, x.stem) && e.lx.IsPreposition(a.words[j-1].lower) {
			break // "what is multi AZ by default": a qualifier, where "the default X" asks for a value
		}
		if aux || x.count || x.stop && x.lower != "service" && x.lower != "services" {
			// "how many", "how much": function words that still ask for a kind
			if !aux && !x.count && seen > 0 {
				a.focusKind = x.stem
			}
			for _, k := range e.lx.Kinds(x.lower) {
				if !aux && !containsKind(a.wants, k) {
					a.wants = append(a.wants, k)
				}
			}
			continue
		}
		if headSeen && len(e.lx.Kinds(x.lower)) == 0 {
			break // the phrase ended at its head noun: "which services | emit ..."
		}
		seen++
		// the focus phrase's words, named or not: "disaster recovery strategies"
		a.focusAll = append(a.focusAll, term{stem: x.stem, weight: 1, pos: j})
		if l := x.linked; l >= 0 && a.links[l].strong() && (a.links[l].start < x.start || a.links[l].end > x.end) {
			// a word of a name asks for no kind ("the ways Application
			// Discovery Service collects ..."), and the phrase ends
			// with the name unless a kind word follows it ("Systems
			// Manager capability")
			if x.end == a.links[l].end && (j+1 >= len(a.words) || len(e.lx.Kinds(a.words[j+1].lower)) == 0) {
				break
			}
			continue
		}
		if ks := e.lx.Kinds(x.lower); len(ks) > 0 {
			if headSeen && modifierAt == j-1 && containsKind(ks, graph.KindService) {
				// "deployment services", "logging services": services
				// are the phrase's head, the kind word before them says
				// what they do and asks for nothing ("disaster recovery
				// strategies" asks for both: a DR strategy is a strategy)
				a.wants = a.wants[:wantsBefore]
			}
			wantsBefore, modifierAt = len(a.wants), j
			for _, k := range ks {
				headSeen = true
				if !containsKind(a.wants, k) {
					a.wants = append(a.wants, k)
				}
			}
		}
		if x.linked < 0 || a.links[x.linked].how == linkWeak || a.links[x.linked].concept {
			a.focus = append(a.focus, x.stem)
		}
	}
}

// asksVerb reports whether the word after "what" or "who" at i is the
// verb the question asks the subject of ("what feeds events into the
// EventBridge bus?", "who sends ..."): a relation word of the lexicon in
// its third-person form, no kind word, and neither an auxiliary nor a
// preposition after it (as a plural noun has: "what triggers can ...",
// "what kinds of compute ...").
func (e *Engine) asksVerb(a *analysis, i int) bool {
	if i < 0 || i+1 >= len(a.words) {
		return false
	}
	if w := a.words[i].lower; w != "what" && w != "who" {
		return false
	}
	x := a.words[i+1].lower
	if !strings.HasSuffix(x, "s") || !e.relational[a.words[i+1].stem] || len(e.lx.Kinds(x)) > 0 {
		return false
	}
	if i+2 >= len(a.words) {
		return true
	}
	next := a.words[i+2].lower
	return !e.verbLike(next) && !e.lx.IsPreposition(next) // "what kinds of compute", "what triggers can ..."
}

// asksSubject reports whether a question asks for what does something:
// "what" or "who" opens it, followed by a modal ("what can produce
// records ...") or by the verb itself (see asksVerb).
func (e *Engine) asksSubject(a *analysis) bool {
	for i, w := range a.words {
		if w.lower != "what" && w.lower != "who" {
			continue
		}
		if i+1 < len(a.words) && e.lx.QuestionSurface("modal", a.words[i+1].lower) {
			return true
		}
		return e.asksVerb(a, i)
	}
	return false
}

// terseFocus reads whether a question without a wh-word asks for a value
// from the value words it holds: "default beanstalk command timeout per
// instance?", "AWS Config aggregator limit per account?". Other kind words
// of an imperative ("rank the four DR strategies ...") name what it is
// about more often than what it wants. A yes/no question asks for a
// verdict.
func (e *Engine) terseFocus(a *analysis) {
	if a.yesno {
		return
	}
	for _, x := range a.words {
		if e.lx.QuestionWord("wh", x.stem) || e.lx.QuestionWord("why", x.stem) {
			return // not terse: "where can a filter deliver in real time?"
		}
	}
	for _, x := range a.words {
		if x.linked >= 0 && a.links[x.linked].how != linkWeak {
			continue // part of a name: "real time"
		}
		for _, k := range e.lx.Kinds(x.lower) {
			if k == graph.KindValue && !containsKind(a.wants, k) {
				a.wants = append(a.wants, k)
			}
		}
	}
}

// asksOne reports whether the question asks for one thing: its focus
// phrase, opened by "which" or "what", ends in a singular noun, and nothing
// in it asks for several ("all", "list", "each", a number).
func (e *Engine) asksOne(a *analysis) bool {
	if len(a.focusAll) == 0 || a.order || a.sequence || a.path || a.compare {
		return false
	}
	first, last := a.focusAll[0].pos, a.focusAll[len(a.focusAll)-1].pos
	wh := func(i int) bool { return i >= 0 && (a.words[i].lower == "which" || a.words[i].lower == "what") }
	// "which way of authenticating": one of a kind of thing, the phrase
	// after "of" (not "which types of ...")
	ofOne := first >= 3 && a.words[first-1].lower == "of" && wh(first-3) && !ingest.PluralNoun(a.words[first-2].lower)
	// "Which Systems Manager capability": a name between the wh-word and
	// the asked-for noun qualifies the noun
	named := first - 1
	for named >= 0 && a.words[named].linked >= 0 {
		named--
	}
	if first == 0 || !wh(first-1) && !ofOne && (named == first-1 || !wh(named)) {
		return false
	}
	// a plural in the phrase, not inside a name ("Systems Manager"), or
	// right after it when it ends in a kind word that only qualifies the
	// noun ("what deployment | policies"), unless that word is a verb the
	// lexicon knows ("which service | gives")
	for i := first; i <= last+1 && i < len(a.words); i++ {
		w := a.words[i]
		if i > last && (len(e.lx.Kinds(a.words[last].lower)) == 0 || e.verbLike(w.lower) || e.opensObject(a, i+1)) {
			break // "which lifecycle event | runs on ...": a verb, not a plural
		}
		if (w.linked < 0 || !a.links[w.linked].strong()) && ingest.PluralNoun(w.lower) && !e.lx.QuestionSurface("aux", w.lower) && !e.lx.QuestionSurface("yesno", w.lower) {
			return false
		}
	}
	// a name inside the noun phrase ends the asked-for words, not the
	// phrase: "which predefined linear deployment configurations does
	// CodeDeploy have" asks for several
	for i := last + 1; i < len(a.words) && i <= last+maxPhraseAfterName; i++ {
		w := a.words[i]
		if e.verbLike(w.lower) || e.lx.QuestionSurface("aux", w.lower) || e.lx.QuestionSurface("yesno", w.lower) {
			break
		}
		if w.linked >= 0 && i+1 < len(a.words) && a.words[i+1].linked != w.linked && ingest.PluralNoun(a.words[i+1].lower) && a.words[i+1].linked < 0 {
			return false
		}
	}
	whs := 0
	for i, w := range a.words {
		if e.lx.QuestionSurface("several", w.lower) && !(i+1 < len(a.words) && !a.words[i+1].stop && !containsStr(a.focus, a.words[i+1].stem) && !e.lx.QuestionSurface("several", a.words[i+1].lower)) {
			return false // "list each", "all of them"; not "runs on every instance", which counts another noun
		}
		if ingest.Quantities(w.text) != nil {
			return false
		}
		if w.lower == "which" || w.lower == "what" {
			whs++ // "which database ... and which one ...": one thing each, two in all
		}
	}
	return whs == 1
}

// maxPhraseAfterName bounds the words asksOne reads past the asked-for
// words' first name.
const maxPhraseAfterName = 4

// asksTwo reports whether a wh-word after a coordinator ("and what",
// "and after how long") opens a second question.
func (e *Engine) asksTwo(a *analysis) bool {
	for i := 2; i < len(a.words); i++ {
		if !e.lx.QuestionSurface("wh", a.words[i].lower) {
			continue
		}
		j := i - 1
		if j >= 2 && e.lx.IsPreposition(a.words[j].lower) {
			j--
		}
		if e.lx.QuestionSurface("coordinator", a.words[j].lower) {
			return true
		}
	}
	return false
}

// verbLike reports whether the lexicon knows a word as a verb: an
// auxiliary, a light verb ("gives", "supports") or a head verb.
func (e *Engine) verbLike(w string) bool {
	return e.lx.QuestionSurface("aux", w) || e.lx.QuestionSurface("yesno", w) || e.lx.QuestionSurface("light", w) || e.lx.HeadVerb(w)
}

// opensObject reports whether word i opens what a verb before it takes: a
// preposition or a determiner ("runs on every instance", "sends the logs").
func (e *Engine) opensObject(a *analysis, i int) bool {
	if i >= len(a.words) {
		return false
	}
	w := a.words[i].lower
	return e.lx.IsPreposition(w) || e.lx.QuestionSurface("determiner", w) || e.lx.QuestionSurface("object_pronoun", w)
}

// countOf reports whether word i of a question counts the plural noun
// after it ("two kinds", "3 services") and the two make no quantity ("60
// days", "2 MB"). The noun may follow the names that qualify it ("three Kinesis
// products"), up to maxCountedWords words on.
func (e *Engine) countOf(ws []qword, i int) bool {
	if i+1 >= len(ws) {
		return false
	}
	if _, ok := ingest.NumberWord(ws[i].lower); !ok {
		return false
	}
	for _, q := range ingest.Quantities(ws[i].lower + " " + ws[i+1].lower) {
		if q.Dimension != "count" {
			return false
		}
	}
	for j := i + 1; j < len(ws) && j <= i+maxCountedWords; j++ {
		if ingest.PluralNoun(ws[j].lower) {
			return true
		}
		if ws[j].stop && !e.lx.QuestionWord("count_modifier", ws[j].stem) {
			return false
		}
	}
	return false
}

// asksCounted reports whether the count at word i counts what the
// question asks for: a wh-word or "list"/"name" opens its phrase, or an
// order word of the lexicon opens the question, with function words only
// between ("what are the two kinds", "name 3 services", "order the three
// steps"), not "... pushes to two repos".
func (e *Engine) asksCounted(ws []qword, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if opensAsked(ws[j].lower) || j == 0 && e.lx.QuestionWord("sequence", ws[j].stem) {
			// ("order the three steps ...": an imperative that asks for
			// an order counts what it orders)
			return true
		}
		if !ws[j].stop {
			return false
		}
	}
	return false
}

// opensAsked reports whether a word opens the phrase that names what a
// question asks for ("which ...", "what ...", "list ...", "name ...").
func opensAsked(w string) bool {
	return w == "which" || w == "what" || w == "list" || w == "name"
}

// maxCountedWords bounds the words from a count to the noun it counts.
const maxCountedWords = 3

func containsKind(ks []graph.NodeKind, k graph.NodeKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// termsOf collects the question's content stems with their weights.
// beyondServiceName reports whether a word of a feature's name lies
// outside the name of the service the feature's name holds ("deployment
// policies" of "Elastic Beanstalk deployment policies", a feature a note's
// list head made, not one of the dictionary's): the notes state the
// service's relation in those words
// ("AWS Elastic Beanstalk | deployment policy | Rolling"), so they are
// words of the relation too.
func (e *Engine) beyondServiceName(a *analysis, w qword) bool {
	l := a.links[w.linked]
	if e.names[l.id].Kind != graph.KindFeature || w.stop {
		return false
	}
	if _, ok := e.base.Node(l.id); ok {
		return false // the dictionary's own feature ("CloudWatch Alarms"): its whole name names it
	}
	// the longest run of the name's first words that names a service
	ends := []int{}
	for i := 1; i < len(l.text); i++ {
		if l.text[i] == ' ' && l.text[i-1] != ' ' {
			ends = append(ends, i)
		}
	}
	for k := len(ends) - 1; k >= 0; k-- {
		if id, ok := e.dict.Exact(l.text[:ends[k]]); ok && e.names[id].Kind == graph.KindService {
			return w.start-l.start > ends[k]
		}
	}
	return false
}

// subordinateWeight is what a word of a yes/no question's trailing
// subordinate clause weighs beside one of its main clause: "Is the
// CodeDeploy agent required when CodeDeploy deploys a new ECS task
// definition?" asks whether the agent is required; the line that decides
// is about the agent, not the one that best matches the condition.
const subordinateWeight = 0.5

// minMainClauseWords is how many words a yes/no question's main clause
// has before a subordinator can open a trailing clause ("Is the agent
// required when ...").
const minMainClauseWords = 3

// subordinateFrom returns the index of the first word of a yes/no
// question's trailing subordinate clause (its subordinator: "when", "if",
// "while"), len(a.words) when it has none. "to" opens a purpose as well as
// a preposition's object, and opens none here.
func (e *Engine) subordinateFrom(a *analysis) int {
	if !a.yesno {
		return len(a.words)
	}
	for i := minMainClauseWords; i < len(a.words); i++ {
		if w := a.words[i].lower; w != "to" && e.lx.Subordinator(w) {
			return i
		}
	}
	return len(a.words)
}

func (e *Engine) termsOf(a *analysis) {
	seen := map[string]bool{}
	sub := e.subordinateFrom(a)
	for i, w := range a.words {
		if seen[w.stem] || w.stem == "" {
			continue
		}
		if w.linked >= 0 && a.links[w.linked].how != linkWeak && !e.isNoteConcept(a.links[w.linked].id) && !e.beyondServiceName(a, w) {
			continue // a name, not a word of the relation; weak aliases and the notes' concepts are both
		}
		if len(w.lower) == 1 && w.lower[0] >= 'a' && w.lower[0] <= 'z' {
			continue // "account B": a placeholder letter, not a word the lines hold
		}
		weight := e.idf(w.stem)
		if i > 0 && a.words[i-1].lower == "how" && slices.Contains(e.lx.Kinds(w.lower), graph.KindValue) {
			continue // "how long", "how often": the shape of the answer (a value), not a word the lines hold
		}
		if e.lx.IsNegation(w.lower) || e.lx.IsExclusive(w.lower) {
			continue // polarity, not content: see negated and exclusive
		}
		if a.qualifier != "" && e.lx.QuestionWord(a.qualifier, w.stem) && !a.yesno {
			continue // "by default", "manually": a qualifier, not content (but what a yes/no question's line must say)
		}
		if i > 0 && a.words[i-1].phrasal != "" {
			continue // "up" of "make up": the particle is the verb's, whose one word stands for both
		}
		if w.stop && w.phrasal != "" && !seen[w.phrasal] {
			// "which services make up Kinesis": a light verb whose
			// phrasal verb means a word the lines hold ("consist")
			seen[w.phrasal] = true
			a.terms = append(a.terms, term{stem: w.phrasal, weight: e.idf(w.phrasal), pos: i})
			continue
		}
		if w.stop {
			if !e.relational[w.stem] {
				continue
			}
			weight = 0.5 // "do", "have", "use": a relation, faintly
		}
		seen[w.stem] = true
		if i > sub {
			weight *= subordinateWeight
		}
		if e.lx.QuestionWord("light", w.stem) && len(a.focus) > 0 {
			weight /= 3 // "what deployment types does X support": the noun, not the verb
		}
		if containsStr(a.focus, w.stem) && !e.lx.QuestionWord("generic", w.stem) {
			// "what categories ...": the asked-for noun names the relation;
			// a generic one ("what values can X take") only says what
			// shape the answers have
			weight *= 2
		}
		if codeName(w.text) && e.docFreq(w.stem) > 0 {
			// "Canary10Percent5Minutes": a name in code the notes write
			// verbatim says more than the rare plain words around it
			// ("what share of traffic goes first")
			weight *= codeNameWeight
		}
		if p := e.joinedPart(w.text, w.stem); p != "" {
			// "on-premises": the notes' lines are indexed by the words such
			// a word joins, so the question is too (at the word's own
			// weight for the part's rarity: a word no line holds weighed
			// most and matched nothing)
			if !seen[p] {
				seen[p] = true
				a.terms = append(a.terms, term{stem: p, weight: e.idf(p) * weight / e.idf(w.stem), pos: i})
			}
			continue
		}
		a.terms = append(a.terms, term{stem: w.stem, parts: camelTerms(e.lx, w.text), weight: weight, pos: i})
	}
	// "at most", "up to": the question asks the maximum, as a line that
	// bounds its number with them holds it (see ingest's UpperBoundTerm)
	if max := ingest.Stem("max"); !slices.ContainsFunc(a.terms, func(t term) bool { return t.stem == max }) {
		for i := range a.words {
			// ("at most?", "up to 5?"; "up to date" bounds nothing)
			if n := e.phraseAt(a.words, i, "upper_bound"); n > 1 && (i+n == len(a.words) || a.words[i+n].count || ingest.NumberWordAt(a.words[i+n].lower) || unicode.IsDigit(rune(a.words[i+n].lower[0]))) {
				a.terms = append(a.terms, term{stem: max, weight: e.idf(max), pos: i})
				break
			}
		}
	}
	// a count the notes may write in figures or in words ("two kinds",
	// "2 kinds"); a phrasal verb as the one word it means
	for k := range a.terms {
		t := &a.terms[k]
		if p := a.words[t.pos].phrasal; p != "" && p != t.stem {
			t.alts = append(t.alts, p)
		}
		for _, ab := range e.lx.Abbreviations(t.stem) {
			// "DBs" in a note for "databases" in the question
			if !containsStr(t.alts, ab) {
				t.alts = append(t.alts, ab)
			}
		}
		for _, m := range e.misspellings(t.stem) {
			// "Precendence:" in a note for "precedence" in the question
			if !containsStr(t.alts, m) {
				t.alts = append(t.alts, m)
			}
		}
		if !a.words[t.pos].count {
			continue
		}
		v, _ := ingest.NumberWord(a.words[t.pos].lower)
		for _, alt := range []string{strconv.FormatFloat(v, 'f', -1, 64), ingest.NumberSpelling(v)} {
			if alt != "" && alt != t.stem {
				t.alts = append(t.alts, alt)
			}
		}
	}
	// two words the notes write as one ("roll back" as "rollback", "fail
	// over" as "failover", "set up" as "setup"): a line that holds the
	// compound holds both
	for k := 0; k+1 < len(a.terms); k++ {
		t1, t2 := &a.terms[k], &a.terms[k+1]
		if t2.pos != t1.pos+1 {
			continue
		}
		// (the first word inflected, its stem: "times out" as "timeout",
		// "rolled back" as "rollback")
		joined := ingest.Stem(a.words[t1.pos].lower + a.words[t2.pos].lower)
		if e.docFreq(joined) == 0 {
			joined = ingest.Stem(t1.stem + a.words[t2.pos].lower)
		}
		if joined == t1.stem || joined == t2.stem || e.docFreq(joined) == 0 {
			continue
		}
		if t1.joined == "" {
			t1.joined = joined
		}
		t2.joined = joined
	}
}

// codeNameWeight is what a question's word written as a name in code
// weighs more than its rarity says.
const codeNameWeight = 2

// codeName reports whether a word is a name in code that joins letters
// and digits, six characters at least ("Canary10Percent5Minutes",
// "ECSLinear10PercentEvery1Minutes"); not a plain word, a number, a
// CamelCase property ("DeletionPolicy") or a short code ("S3", "EC2").
func codeName(w string) bool {
	letter, digit := false, false
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digit = true
		case unicode.IsLetter(r):
			letter = true
		}
	}
	return letter && digit && utf8.RuneCountInString(w) >= 6
}

// joinedPart returns the content stem of a word that joins a content word
// and a particle by a hyphen and that no note line holds whole
// ("on-premises" → premis, "read-only" → read), as the notes' lines index
// the words it joins; "" for any other word ("traffic-shifting",
// "aws-managed": two words that qualify a noun; "non-compliant": a
// negation), and when the lines hold the word whole.
func (e *Engine) joinedPart(text, stem string) string {
	parts := strings.Split(text, "-")
	if len(parts) != 2 || parts[0] == "" || parts[1] == "" || e.docFreq(stem) > 0 {
		return ""
	}
	var out []string
	particles := 0
	for _, p := range parts {
		switch {
		case e.lx.IsNegation(p):
			return ""
		case e.lx.IsPreposition(p) || e.lx.IsExclusive(p):
			particles++
		default:
			out = append(out, e.lx.Terms(p)...)
		}
	}
	if particles != 1 || len(out) != 1 {
		return ""
	}
	return out[0]
}

// camelTerms returns the stems of a camel-case word's parts
// ("DeletionPolicy" → delet, polici), of a word of three or more hyphenated
// parts, or of an identifier's hyphenated parts ("cfn-hup" → cfn, hup: a
// part is no English word); nil for any other word ("traffic-shifting"
// qualifies a noun as one word).
func camelTerms(lx *ingest.Lexicon, word string) []string {
	if parts := strings.Split(word, "-"); len(parts) >= minHyphenatedWords || len(parts) > 1 && slices.ContainsFunc(parts, func(p string) bool { return !ingest.IsEnglishWord(p) }) {
		// "infrastructure-as-code", "cfn-hup": its content words, as the
		// notes' lines are indexed (a note's "cfn-hup" is the terms cfn
		// and hup)
		if ts := lx.Terms(strings.Join(parts, " ")); len(ts) >= 2 {
			return ts
		}
		return nil
	}
	if strings.Contains(strings.Trim(word, "."), ".") {
		// "example.com": a name the notes' lines split at its dots
		if ts := lx.Terms(strings.ReplaceAll(word, ".", " ")); len(ts) >= 2 {
			return ts
		}
	}
	if strings.IndexFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) >= 0 {
		return nil // "appspec.yml" is two words, each a term of its own
	}
	if ts := lx.Terms(word); len(ts) > 1 {
		return ts[1:]
	}
	return nil
}

// pathCue reports whether a question asks for a path: a path word and a
// start and an end ("from X to Y", "get X into Y", "chain from X to ...",
// "raise a CloudWatch alarm from log data").
func (e *Engine) pathCue(a *analysis) bool {
	cue := false
	for _, w := range a.words {
		if w.linked < 0 && e.lx.QuestionWord("path", w.stem) && w.lower != "to" && w.lower != "into" && w.lower != "from" {
			cue = true
		}
	}
	if !cue {
		return false
	}
	to, from := -1, -1
	for i, w := range a.words {
		switch w.lower {
		case "to", "into":
			to = i
		case "from":
			from = i
		}
	}
	// "from X to Y", "Y from X", or a path word and two named ends in any
	// order
	return to > 0 && len(a.links) > 0 || from > 0 && len(a.links) >= 2 || a.strongLinks() >= 2
}

// isNoteConcept reports whether a node is a concept, event, value or
// component a note named (a heading, a list item), not a dictionary entity:
// its words may also name a relation ("deployment configurations",
// "lifecycle events"), and another author's notes may make any phrase one.
func (e *Engine) isNoteConcept(id string) bool {
	if _, ok := e.base.Node(id); ok {
		return false
	}
	switch e.names[id].Kind {
	case graph.KindService, graph.KindFeature, graph.KindCapability, graph.KindStrategy, graph.KindDR:
		return false // names: services, their parts and the ontology's vocabulary
	}
	return true
}

// namesText reports whether the question names a text itself (one of its
// links is written that way, in any case).
func (a *analysis) namesText(text string) bool {
	for _, l := range a.links {
		if strings.EqualFold(l.text, text) {
			return true
		}
	}
	return false
}

// wantsOnly reports whether the question asks for nodes of kind k alone
// ("how long ..." wants values).
func (a *analysis) wantsOnly(k graph.NodeKind) bool {
	return len(a.wants) == 1 && a.wants[0] == k
}
