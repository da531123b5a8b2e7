package ingest

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/aaaton/golem/v4"
	"github.com/aaaton/golem/v4/dicts/en"
	"github.com/kljensen/snowball/english"
	"gopkg.in/yaml.v3"

	"github.com/awskg/awskg/graph"
)

// Lexicon is the vocabulary of data/lexicon.yaml: function words, polarity
// words, the words of each typed predicate, the nouns that name node kinds,
// region names and the words that shape questions. Every word set holds
// stems (see Stem). It holds words only, never relations.
type Lexicon struct {
	stop      map[string]bool
	negation  map[string]bool     // surface words, lower case
	qneg      map[string]bool     // surface words a question denies with
	exclusive map[string]bool     // surface words, lower case
	verbs     map[string]bool     // verbs that open a subjectless sentence
	verbSkip  map[string]bool     // words passed over before such a verb
	subords   map[string]bool     // words that open a leading subordinate clause
	headVerbs map[string]bool     // leading verbs after which the heading's subject speaks
	preps     map[string]bool     // prepositions
	openers   map[string]bool     // words after which a list inside a sentence starts
	closers   map[string]bool     // words at which a list inside a sentence ends
	copulas   map[string]bool     // verbs after which a noun phrase labels the list that follows
	lnouns    map[string]bool     // common nouns that say what a list's items are ("types")
	objLeads  map[string]bool     // words that open what a verb before them takes ("the", "up")
	vlabels   map[string]bool     // labels whose value is the item ("Solution: synchronize time")
	yesMarks  []string            // marks a matrix cell says yes with ("✅", "+", "yes")
	noMarks   []string            // marks a matrix cell says no with ("❌", "-", "no")
	synonyms  map[string][]string // stem → the stems of its synonym groups
	phrasal   map[string]string   // "verb-stem particle" → the stem of the word the phrasal verb means
	abbrevs   map[string][]string // stem → the stems of the word it abbreviates or of its abbreviations
	descs     map[string]bool     // headers of columns that describe their row, lower case
	forCols   map[string]bool     // headers of columns that say what their row is for, lower case
	blanks    map[string]bool     // table cells that hold no value ("n/a"), lower case
	seqNouns  []string            // nouns that say a list is in order ("order", "sequence"), lower case
	implied   map[string]string   // preposition → the verb phrase a verbless line leaves out
	purposeCj []string            // conjunctions that open a purpose clause inside a sentence, " so that ", space-padded
	antonyms  [][2][]string       // pairs of opposite senses, each side its lower-case words and phrases
	purposes  []string            // phrases that open a sentence's purpose, lower case, the longest first
	clauses   []string            // phrases that open an item that is a clause, lower case
	preds     map[string]PredicateWords
	kinds     map[string][]graph.NodeKind // stem → kinds it names
	regions   map[string]string           // normalised name or code → code
	question  map[string]map[string]bool  // group → stems
	surface   map[string]map[string]bool  // group → words as written, lower case
	phrases   map[string][][]string       // group → its entries' words, the longest entry first (see QuestionPhrases)
	// labels of lines that state a false or a true claim ("wrong",
	// "❌"; "right", "✅"), lower case
	falseClaims, trueClaims map[string]bool
}

// PredicateWords are the stems that express a typed predicate.
type PredicateWords struct {
	Forward []string // subject → object: "notify"
	Inverse []string // object ← subject: "notified"
}

type lexiconFile struct {
	Stopwords  []string                       `yaml:"stopwords"`
	Negation   []string                       `yaml:"negation"`
	QNegation  []string                       `yaml:"question_negation"`
	Exclusive  []string                       `yaml:"exclusive"`
	Predicates map[string]map[string][]string `yaml:"predicates"`
	Kinds      map[string][]string            `yaml:"kinds"`
	Regions    map[string][]string            `yaml:"regions"`
	Question   map[string][]string            `yaml:"question"`
	Verbs      []string                       `yaml:"leading_verbs"`
	VerbSkip   []string                       `yaml:"leading_skip"`
	Subords    []string                       `yaml:"subordinators"`
	HeadVerbs  []string                       `yaml:"head_verbs"`
	Preps      []string                       `yaml:"prepositions"`
	Openers    []string                       `yaml:"list_openers"`
	Closers    []string                       `yaml:"list_closers"`
	Copulas    []string                       `yaml:"label_copulas"`
	LNouns     []string                       `yaml:"label_nouns"`
	ObjLeads   []string                       `yaml:"object_leads"`
	VLabels    []string                       `yaml:"value_labels"`
	CellMarks  struct{ Yes, No []string }     `yaml:"cell_marks"`
	Synonyms   [][]string                     `yaml:"synonyms"`
	Antonyms   [][2][]string                  `yaml:"antonyms"`
	Purposes   []string                       `yaml:"purpose_openers"`
	Clauses    []string                       `yaml:"clause_openers"`
	Phrasal    map[string]string              `yaml:"phrasal_verbs"`
	PurposeCj  []string                       `yaml:"purpose_conjunctions"`
	Abbrevs    map[string]string              `yaml:"abbreviations"`
	DescLabels []string                       `yaml:"description_labels"`
	ForLabels  []string                       `yaml:"purpose_labels"`
	Blanks     []string                       `yaml:"blank_cells"`
	Implied    map[string]string              `yaml:"implied_verbs"`
	Sequence   []string                       `yaml:"sequence_nouns"`
	Claims     struct{ False, True []string } `yaml:"claim_labels"`
}

// lowerSet is the set of words, lower-cased.
func lowerSet(words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[strings.ToLower(w)] = true
	}
	return set
}

// ParseLexicon reads the YAML lexicon.
func ParseLexicon(src []byte) (*Lexicon, error) {
	var f lexiconFile
	if err := yaml.Unmarshal(src, &f); err != nil {
		return nil, fmt.Errorf("parse lexicon: %w", err)
	}
	return newLexicon(f)
}

// newLexicon builds a lexicon from its parsed file.
func newLexicon(f lexiconFile) (*Lexicon, error) {
	lx := &Lexicon{stop: map[string]bool{}, negation: map[string]bool{}, qneg: map[string]bool{}, exclusive: map[string]bool{},
		preds: map[string]PredicateWords{}, kinds: map[string][]graph.NodeKind{}, regions: map[string]string{},
		question: map[string]map[string]bool{}, surface: map[string]map[string]bool{}, phrases: map[string][][]string{}}
	for _, w := range f.Stopwords {
		lx.stop[strings.ToLower(w)] = true
		lx.stop[Stem(w)] = true
	}
	for _, w := range f.Negation {
		lx.negation[strings.ToLower(w)] = true
	}
	lx.verbs, lx.verbSkip, lx.headVerbs, lx.preps = lowerSet(f.Verbs), lowerSet(f.VerbSkip), lowerSet(f.HeadVerbs), lowerSet(f.Preps)
	lx.subords = lowerSet(f.Subords)
	lx.openers, lx.closers, lx.copulas = lowerSet(f.Openers), lowerSet(f.Closers), lowerSet(f.Copulas)
	lx.lnouns = lowerSet(f.LNouns)
	lx.objLeads = lowerSet(f.ObjLeads)
	for _, c := range f.Clauses {
		lx.clauses = append(lx.clauses, strings.ToLower(strings.TrimSpace(c)))
	}
	for _, p := range f.Purposes {
		lx.purposes = append(lx.purposes, strings.ToLower(strings.TrimSpace(p)))
	}
	sort.SliceStable(lx.purposes, func(i, j int) bool {
		return strings.Count(lx.purposes[i], " ") > strings.Count(lx.purposes[j], " ")
	})
	lx.vlabels = lowerSet(f.VLabels)
	lx.yesMarks, lx.noMarks = f.CellMarks.Yes, f.CellMarks.No
	for _, c := range f.PurposeCj {
		lx.purposeCj = append(lx.purposeCj, " "+strings.ToLower(strings.TrimSpace(c))+" ")
	}
	lx.phrasal = map[string]string{}
	for k, v := range f.Phrasal {
		verb, particle, ok := strings.Cut(strings.ToLower(strings.TrimSpace(k)), " ")
		if !ok || strings.TrimSpace(v) == "" {
			return nil, fmt.Errorf("parse lexicon: phrasal verb %q: want \"verb particle: word\"", k)
		}
		lx.phrasal[Stem(verb)+" "+strings.TrimSpace(particle)] = Stem(strings.ToLower(strings.TrimSpace(v)))
	}
	lx.descs = lowerSet(f.DescLabels)
	lx.forCols = lowerSet(f.ForLabels)
	lx.falseClaims, lx.trueClaims = lowerSet(f.Claims.False), lowerSet(f.Claims.True)
	lx.blanks = lowerSet(f.Blanks)
	for _, w := range f.Sequence {
		lx.seqNouns = append(lx.seqNouns, strings.ToLower(strings.TrimSpace(w)))
	}
	lx.implied = map[string]string{}
	for k, v := range f.Implied {
		lx.implied[strings.ToLower(k)] = v
	}
	lx.abbrevs = map[string][]string{}
	for short, word := range f.Abbrevs {
		a, b := Stem(strings.ToLower(strings.TrimSpace(short))), Stem(strings.ToLower(strings.TrimSpace(word)))
		if a == "" || b == "" || a == b {
			return nil, fmt.Errorf("parse lexicon: abbreviation %q: %q: want \"short: word\", two words", short, word)
		}
		if !contains(lx.abbrevs[a], b) {
			lx.abbrevs[a] = append(lx.abbrevs[a], b)
		}
		if !contains(lx.abbrevs[b], a) {
			lx.abbrevs[b] = append(lx.abbrevs[b], a)
		}
	}
	for _, v := range lx.abbrevs {
		sort.Strings(v) // map order is no order
	}
	lx.synonyms = map[string][]string{}
	for _, g := range f.Synonyms {
		group := stems(g)
		for _, a := range group {
			for _, b := range group {
				if a != b && !contains(lx.synonyms[a], b) {
					lx.synonyms[a] = append(lx.synonyms[a], b)
				}
			}
		}
	}
	for _, pair := range f.Antonyms {
		var p [2][]string
		for k := range pair {
			if len(pair[k]) == 0 {
				return nil, fmt.Errorf("parse lexicon: antonyms %v: a side with no words", pair)
			}
			for _, w := range pair[k] {
				p[k] = append(p[k], strings.ToLower(strings.TrimSpace(w)))
			}
		}
		lx.antonyms = append(lx.antonyms, p)
	}
	for _, w := range f.QNegation {
		lx.qneg[strings.ToLower(w)] = true
	}
	for _, w := range f.Exclusive {
		lx.exclusive[strings.ToLower(w)] = true
	}
	for p, dirs := range f.Predicates {
		for d := range dirs {
			if d != "forward" && d != "inverse" {
				return nil, fmt.Errorf("parse lexicon: predicate %q: unknown direction %q", p, d)
			}
		}
		lx.preds[p] = PredicateWords{Forward: stems(dirs["forward"]), Inverse: stems(dirs["inverse"])}
	}
	kinds := make([]string, 0, len(f.Kinds))
	for k := range f.Kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		for _, w := range stems(f.Kinds[k]) {
			lx.kinds[w] = append(lx.kinds[w], graph.NodeKind(k))
		}
	}
	for code, names := range f.Regions {
		lx.regions[Key(code)] = code
		for _, n := range names {
			lx.regions[Key(n)] = code
		}
	}
	for g, ws := range f.Question {
		set, surf := map[string]bool{}, map[string]bool{}
		for _, w := range ws {
			set[Stem(w)] = true
			surf[strings.ToLower(w)] = true
		}
		lx.question[g] = set
		lx.surface[g] = surf
		ps := make([][]string, 0, len(surf))
		for w := range surf {
			ps = append(ps, strings.Fields(w))
		}
		sort.Slice(ps, func(i, j int) bool {
			if len(ps[i]) != len(ps[j]) {
				return len(ps[i]) > len(ps[j])
			}
			return strings.Join(ps[i], " ") < strings.Join(ps[j], " ")
		})
		lx.phrases[g] = ps
	}
	return lx, nil
}

func stems(ws []string) []string {
	out := make([]string, 0, len(ws))
	seen := map[string]bool{}
	for _, w := range ws {
		for _, t := range strings.Fields(w) {
			s := Stem(t)
			if s != "" && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// IsLeadingVerb reports whether a word (any case) is one of the lexicon's
// leading verbs ("use", "need", "configure").
func (lx *Lexicon) IsLeadingVerb(w string) bool {
	return lx != nil && isLowerIn(lx.verbs, w)
}

// LeadingVerb reports whether a sentence opens with a verb before byte
// offset before (the first name it mentions): "Use CloudTrail ...", "Or set
// up SNS notification ...". Conjunctions and adverbs of the lexicon's
// leading_skip list are passed over; a verb that is part of the name ("Run
// Command ...") lies at or after before and does not count.
func (lx *Lexicon) LeadingVerb(s string, before int) bool {
	if lx == nil {
		return false
	}
	i := 0
	for i < len(s) && i < before {
		for i < len(s) && (s[i] == ' ' || s[i] == '-' || s[i] == '*' || s[i] == '\t') {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		if i >= j || j > before {
			return false
		}
		w := strings.Trim(s[i:j], ",:;()")
		switch {
		case isLowerIn(lx.verbs, w):
			return true
		case isLowerIn(lx.verbSkip, w):
			i = j
		default:
			return false
		}
	}
	return false
}

// OpensList reports whether a list item with no colon still opens a list
// of the items after it: a predicate with no subject of its own (its first
// word a head verb: "Can run", "Supports") whose last word leaves the
// object unsaid, a leading verb, a preposition or an infinitive ("Can be
// associated with", "Can configure what type of events to log").
func (lx *Lexicon) OpensList(text string) bool {
	t := strings.TrimSpace(text)
	if lx == nil || t == "" || strings.ContainsAny(t, ".,;:!?()") {
		return false
	}
	f := strings.Fields(lx.SkipLeading(t))
	if len(f) < 2 || len(f) > maxOpenHeadWords || !lx.HeadVerb(f[0]) {
		return false
	}
	last := f[len(f)-1]
	return isLowerIn(lx.verbs, last) && !lx.isAux(last) || lx.IsPreposition(last) || strings.EqualFold(f[len(f)-2], "to")
}

// maxOpenHeadWords bounds the words of an item OpensList reads as a head.
const maxOpenHeadWords = 8

// NamesItem reports whether a list item reads as a name an open head
// (OpensList) lists: a FlatItemName that opens with no verb ("Load-based",
// not "Can scale").
func (lx *Lexicon) NamesItem(text string) bool {
	return FlatItemName(text) && !lx.LeadingVerb(text, len(text))
}

// IsLeadingSkip reports whether a word is one of the lexicon's
// leading_skip conjunctions and adverbs ("first", "then", "also").
func (lx *Lexicon) IsLeadingSkip(w string) bool { return lx != nil && isLowerIn(lx.verbSkip, w) }

// SkipLeading returns s after the conjunctions and adverbs of the
// lexicon's leading_skip list that open it: "but it deploys ..." → "it
// deploys ...".
func (lx *Lexicon) SkipLeading(s string) string {
	s = strings.TrimLeft(s, "-•*> \t")
	for lx != nil {
		i := strings.IndexByte(s, ' ')
		if i <= 0 || !isLowerIn(lx.verbSkip, strings.Trim(s[:i], ",;:")) {
			return s
		}
		s = strings.TrimLeft(s[i:], " ")
	}
	return s
}

// Antonyms returns the lexicon's pairs of opposite senses ("enabled",
// "turned on" against "disabled", "turned off"), each side its lower-case
// words and phrases, in the lexicon's order.
func (lx *Lexicon) Antonyms() [][2][]string {
	if lx == nil {
		return nil
	}
	return lx.antonyms
}

// PurposeCut returns the byte offset in s where a clause that says what
// the sentence's action is for opens (" so that traffic is logged"), -1
// when it holds none of the lexicon's purpose conjunctions.
func (lx *Lexicon) PurposeCut(s string) int {
	cut := -1
	if lx == nil {
		return cut
	}
	for _, c := range lx.purposeCj {
		if k := strings.Index(s, c); k >= 0 && (cut < 0 || k < cut) {
			cut = k
		}
	}
	return cut
}

// Phrasal returns the stem of the one word a phrasal verb means, given
// its verb's stem and its particle ("turn", "on" gives the stem of
// "enable"); "" when the lexicon lists no such phrasal verb.
func (lx *Lexicon) Phrasal(verbStem, particle string) string {
	if lx == nil {
		return ""
	}
	return lx.phrasal[verbStem+" "+strings.ToLower(particle)]
}

// ClaimLabel reads the label a line opens with that says whether what
// follows is true ("✅ Right:", "Correct:") or false ("❌ Wrong:", "Myth:";
// lexicon claim_labels): the claim after the label and whether it is
// wrong. A word labels only before a colon; a mark ("✅", "❌") labels
// before such a word or alone, and alone it is only stripped: it makes no
// claim wrong. ok is false for a line that opens with no such label, or
// with one over a value of a few words (a field's).
func (lx *Lexicon) ClaimLabel(text string) (claim string, wrong, ok bool) {
	if lx == nil || len(lx.falseClaims)+len(lx.trueClaims) == 0 {
		return "", false, false
	}
	t := strings.TrimSpace(text)
	for range 2 { // a mark, then a word: "❌ Wrong:"
		w, rest, _ := strings.Cut(t, " ")
		colon := strings.HasSuffix(w, ":")
		key := strings.ToLower(strings.TrimSuffix(w, ":"))
		f, tr := lx.falseClaims[key], lx.trueClaims[key]
		if !f && !tr || !colon && strings.IndexFunc(key, unicode.IsLetter) >= 0 {
			break
		}
		// a mark alone says no more than a check list's yes or no ("❌
		// On-premises instances cannot do blue/green" is true): only a
		// word says the claim is wrong
		ok, wrong, t = true, f && strings.IndexFunc(key, unicode.IsLetter) >= 0, strings.TrimSpace(rest)
		if colon {
			break
		}
	}
	if !ok || len(strings.Fields(t)) < minClaimWords {
		// "**Right:** ValidateService" in a log of practice answers: a
		// field's value, no claim
		return "", false, false
	}
	return t, wrong, true
}

// minClaimWords is the fewest words of a claim after its label.
const minClaimWords = 3

// DescriptionLabel reports whether a table column's header (any case,
// surrounding space ignored) names a column of descriptions ("Details",
// "Comment", "Notes"; lexicon description_labels): its cells describe their
// row's key, they are no objects of a relation the header names.
func (lx *Lexicon) DescriptionLabel(header string) bool {
	return lx != nil && (lx.descs[strings.ToLower(strings.TrimSpace(header))] || lx.PurposeLabel(header))
}

// PurposeLabel reports whether a table column header says what each row's
// key is for ("Use", "Purpose", "Used for"; lexicon purpose_labels): its
// keys are things one uses, not properties, and its cells describe them
// as a description column's do.
func (lx *Lexicon) PurposeLabel(header string) bool {
	return lx != nil && lx.forCols[strings.ToLower(strings.TrimSpace(header))]
}

// ImpliedVerb returns the verb phrase a verbless line leaves out before
// a preposition ("to" → "send to"; lexicon implied_verbs), "" for a word
// the lexicon lists no such phrase for.
func (lx *Lexicon) ImpliedVerb(prep string) string {
	if lx == nil {
		return ""
	}
	return lx.implied[strings.ToLower(prep)]
}

// BlankCell reports whether a table cell (any case, surrounding space
// ignored) says its row has no value under its column ("n/a", "—", "TBD";
// lexicon blank_cells): it is read as an empty cell.
func (lx *Lexicon) BlankCell(cell string) bool {
	return lx != nil && lx.blanks[strings.ToLower(strings.TrimSpace(cell))]
}

// SequenceCue reports whether the words that lead into a list say its
// items come in order ("The phases run in this order: install, pre_build,
// ..."; lexicon sequence_nouns): a word of the list, any case, outside
// "in order to", which opens a purpose.
func (lx *Lexicon) SequenceCue(lead string) bool {
	if lx == nil || len(lx.seqNouns) == 0 {
		return false
	}
	f := strings.FieldsFunc(strings.ToLower(lead), func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range f {
		if !slices.Contains(lx.seqNouns, w) {
			continue
		}
		if i > 0 && f[i-1] == "in" && i+1 < len(f) && f[i+1] == "to" {
			continue // "in order to": a purpose
		}
		return true
	}
	return false
}

// SequenceStems returns the stems of the lexicon's sequence_nouns
// ("order", "sequenc"), in the lexicon's order: the words by which a
// question asks for steps in order.
func (lx *Lexicon) SequenceStems() []string {
	if lx == nil {
		return nil
	}
	return stems(lx.seqNouns)
}

// Abbreviations returns the stems of the word a stem abbreviates ("db" →
// "databas") or of the abbreviations of the word it is ("databas" → "db"),
// sorted (lexicon abbreviations); nil when it has none. Unlike a synonym,
// an abbreviation is the same word: it matches in full.
func (lx *Lexicon) Abbreviations(stem string) []string {
	if lx == nil {
		return nil
	}
	return lx.abbrevs[stem]
}

// Synonyms returns the stems that share a synonym group with a stem, in
// the lexicon's order; nil when it has none.
func (lx *Lexicon) Synonyms(stem string) []string {
	if lx == nil {
		return nil
	}
	return lx.synonyms[stem]
}

// Subordinator reports whether a word (any case) opens a subordinate clause
// that may lead a sentence ("To deploy X, ...", "If ..., ...").
func (lx *Lexicon) Subordinator(w string) bool { return lx != nil && isLowerIn(lx.subords, w) }

// IsPreposition reports whether a word (any case) is a preposition.
func (lx *Lexicon) IsPreposition(w string) bool { return lx != nil && isLowerIn(lx.preps, w) }

// LabelCopula reports whether a word (any case) is one of the lexicon's
// label_copulas: after it, the list a noun phrase before it names ("The
// six action categories are Source, Build, ...").
func (lx *Lexicon) LabelCopula(w string) bool { return lx != nil && isLowerIn(lx.copulas, w) }

// LabelNoun reports whether a word (any case) is one of the lexicon's
// label_nouns: a noun too common to relate by ("types", "ways") that still
// says what the items of a list it heads are.
func (lx *Lexicon) LabelNoun(w string) bool { return lx != nil && isLowerIn(lx.lnouns, w) }

// ObjectLead reports whether a word (any case) is one of the lexicon's
// object_leads: an article, a quantifier or a particle that opens what a
// verb before it takes ("combines up to 256 ...", "monitors an IP").
func (lx *Lexicon) ObjectLead(w string) bool { return lx != nil && isLowerIn(lx.objLeads, w) }

// ListOpener reports whether a word (any case) opens a list inside a
// sentence: a list opener, a preposition or a leading verb.
func (lx *Lexicon) ListOpener(w string) bool {
	return lx != nil && (isLowerIn(lx.openers, w) || isLowerIn(lx.preps, w) || isLowerIn(lx.verbs, w))
}

// ListCloser reports whether a word (any case) ends a list inside a
// sentence: a list closer, a preposition, a subordinator or a leading verb.
func (lx *Lexicon) ListCloser(w string) bool {
	return lx != nil && (isLowerIn(lx.closers, w) || isLowerIn(lx.preps, w) || isLowerIn(lx.subords, w) || isLowerIn(lx.verbs, w))
}

// PurposeOpeners returns the phrases that open a sentence's purpose before
// its means ("to", "if you need to"), lower case, the longest first.
func (lx *Lexicon) PurposeOpeners() []string { return lx.purposes }

// ClauseItem reports whether a list item opens with one of the lexicon's
// clause_openers ("There's no additional charge", "Cannot add default
// values"), a subordinator ("after a rollback") or an adverb before a verb
// ("Only works for Blue/Green deployments"): a clause or phrase with no
// subject of its own, which names nothing.
func (lx *Lexicon) ClauseItem(t string) bool {
	if lx == nil {
		return false
	}
	l := strings.ToLower(strings.TrimSpace(t))
	if slices.ContainsFunc(lx.clauses, func(o string) bool { return strings.HasPrefix(l, o+" ") }) {
		return true
	}
	f := strings.Fields(strings.TrimLeft(l, "[(*_`\"'"))
	if len(f) < 2 {
		return false
	}
	// "after a rollback", "before the installation": a subordinator
	// (not "to", which also leads to a thing: "to CloudWatch Logs") opens
	// a condition, no name; "Only works for Blue/Green deployments": an
	// adverb before a verb opens a predicate
	// (its verb's complement after it: "only keys" and "only keys and
	// attributes" are plural nouns)
	return f[0] != "to" && lx.Subordinator(f[0]) ||
		(lx.IsExclusive(f[0]) || lx.IsLeadingSkip(f[0])) && thirdPerson(f[1], Lemma(f[1])) && len(f) > 2 && (lx.IsPreposition(f[2]) || isArticle(f[2]))
}

// OpensClause reports whether a word (any case) opens a relative or
// subordinate clause inside a sentence: a list closer that is no
// preposition or verb ("which", "that", "where") or a subordinator.
func (lx *Lexicon) OpensClause(w string) bool {
	return lx != nil && (isLowerIn(lx.closers, w) || isLowerIn(lx.subords, w))
}

// ValueLabel reports whether a word (any case) labels a list item whose
// value, not the label, is the thing it names: "Solution: synchronize
// time", "Cause: the ELB health checks fail".
func (lx *Lexicon) ValueLabel(w string) bool { return lx != nil && lx.vlabels[strings.ToLower(w)] }

// CellMark reads the mark a matrix cell opens with (lexicon cell_marks): 1
// for a yes ("✅ replication rules", "+", "Yes, CRR"), -1 for a no ("❌",
// "-", "No"), 0 for anything else (a partial "⚠️", "n/a", words). A word
// mark counts only as the cell's first word; a symbol opens it.
func (lx *Lexicon) CellMark(cell string) int {
	t := strings.TrimSpace(cell)
	first := strings.ToLower(strings.Trim(firstWord(t), ".,;:!"))
	opens := func(marks []string) bool {
		for _, m := range marks {
			if m != "" && (first == m || !unicode.IsLetter([]rune(m)[0]) && strings.HasPrefix(t, m)) {
				return true
			}
		}
		return false
	}
	switch {
	case opens(lx.yesMarks):
		return 1
	case opens(lx.noMarks):
		return -1
	}
	return 0
}

// ImperativeVerb reports whether a word (any case) is a leading verb that
// is no auxiliary or modal: the verb of a step ("Create", "Install").
func (lx *Lexicon) ImperativeVerb(w string) bool {
	return lx != nil && isLowerIn(lx.verbs, w) && !lx.isAux(w)
}

// HeadVerb reports whether a word (any case) opens a bullet that speaks for
// its heading's subject ("Supports ...", "Can ...", "Use ...").
func (lx *Lexicon) HeadVerb(w string) bool { return lx != nil && isLowerIn(lx.headVerbs, w) }

// IsStop reports whether a word (any case) or stem is a function word.
func (lx *Lexicon) IsStop(w string) bool {
	return isLowerIn(lx.stop, w) || lx.stop[w]
}

// IsNegation reports whether a word denies a relation.
func (lx *Lexicon) IsNegation(w string) bool { return isLowerIn(lx.negation, w) }

// Negates reports whether a word denies: one of the lexicon's negations or
// a contraction in n't ("shouldn't"), with either apostrophe ("doesn’t",
// as word processors write it).
func (lx *Lexicon) Negates(w string) bool {
	return lx.IsNegation(strings.ReplaceAll(w, "’", "'")) || NotContraction(w)
}

// NotContraction reports whether a word is a verb contracted with "not"
// ("can't", "doesn’t"), either apostrophe, any case.
func NotContraction(w string) bool {
	w = strings.ToLower(w)
	return len(w) > 3 && (strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t"))
}

// IsQuestionNegation reports whether a word makes a question ask for what
// the notes deny ("which services cannot ...").
func (lx *Lexicon) IsQuestionNegation(w string) bool { return isLowerIn(lx.qneg, w) }

// IsExclusive reports whether a word makes a relation exclusive ("only").
func (lx *Lexicon) IsExclusive(w string) bool { return isLowerIn(lx.exclusive, w) }

// Predicate returns the words of a typed predicate ("rank:cost" and
// "property:x" use their prefix's words); ok is false when it has none.
func (lx *Lexicon) Predicate(pred string) (PredicateWords, bool) {
	if w, ok := lx.preds[pred]; ok {
		return w, true
	}
	if i := strings.IndexByte(pred, ':'); i > 0 {
		w, ok := lx.preds[pred[:i]]
		return w, ok
	}
	return PredicateWords{}, false
}

// TypedPredicate returns the typed predicate an open relation's phrase
// stands for, when its first content word is a forward word of exactly one
// predicate that takes objects of the kind given: notify, aggregate,
// target, deliver or integrate for entities, support for capabilities and
// strategies; "" otherwise.
func (lx *Lexicon) TypedPredicate(phrase string, object graph.NodeKind) string {
	preds := []string{graph.PredNotifies, graph.PredAggregate, graph.PredTargets, graph.PredDelivers, graph.PredIntegrates}
	if object == graph.KindCapability || object == graph.KindStrategy {
		preds = []string{graph.PredSupports}
	}
	for _, w := range strings.Fields(phrase) {
		if lx.IsStop(w) {
			continue
		}
		s := Stem(w)
		found := ""
		for _, p := range preds {
			if contains(lx.preds[p].Forward, s) {
				if found != "" {
					return ""
				}
				found = p
			}
		}
		return found
	}
	return ""
}

// FlowWord reports whether a word (any case, any form) is one of the
// lexicon's forward words of deliversTo or flowsTo ("sent", "delivers",
// "streamed"): a verb that moves something to a destination.
func (lx *Lexicon) FlowWord(w string) bool {
	lw := strings.ToLower(w)
	for _, p := range []string{graph.PredDelivers, graph.PredFlowsTo} {
		fw := lx.preds[p].Forward
		if contains(fw, Stem(lw)) || contains(fw, Stem(Lemma(lw))) {
			return true
		}
	}
	return false
}

// Kinds returns the node kinds a noun names ("services" → service).
func (lx *Lexicon) Kinds(w string) []graph.NodeKind { return lx.kinds[Stem(w)] }

// Region returns the region code a name or code stands for: "N. Virginia"
// and "us-east-1" → "us-east-1"; "" when it is none.
func (lx *Lexicon) Region(name string) string { return lx.regions[Key(name)] }

// RegionNames returns every name and code the lexicon knows for regions,
// normalised as Key does, longest first.
func (lx *Lexicon) RegionNames() []string {
	out := make([]string, 0, len(lx.regions))
	for k := range lx.regions {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// QuestionSurface reports whether a word, as written (any case), is one of
// a group's: for groups whose words stems would conflate ("difference" and
// "different" share the stem "differ").
func (lx *Lexicon) QuestionSurface(group, word string) bool {
	return isLowerIn(lx.surface[group], word)
}

// HasQuestionPhrase reports whether a text holds, as whole words, one of a
// question group's entries as written ("other than" of "beyond").
func (lx *Lexicon) HasQuestionPhrase(group, text string) bool {
	t := " " + strings.Join(strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ") + " "
	for p := range lx.surface[group] {
		if strings.Contains(t, " "+p+" ") {
			return true
		}
	}
	return false
}

// DropQuestionPhrases returns text without the whole-word occurrences of
// a question group's entries ("no more than" of "bound"), matched without
// regard to case; the text is returned as is when it holds none.
func (lx *Lexicon) DropQuestionPhrases(group, text string) string {
	if lx == nil || !lx.HasQuestionPhrase(group, text) {
		return text
	}
	words := strings.Fields(text)
	var out []string
	for i := 0; i < len(words); i++ {
		n := 0
		for p := range lx.surface[group] {
			pw := strings.Fields(p)
			if len(pw) > n && i+len(pw) <= len(words) && equalFoldWords(words[i:i+len(pw)], pw) {
				n = len(pw)
			}
		}
		if n > 0 {
			i += n - 1
			continue
		}
		out = append(out, words[i])
	}
	return strings.Join(out, " ")
}

// equalFoldWords reports whether two runs of words are the same words,
// case and trailing punctuation aside.
func equalFoldWords(a, b []string) bool {
	for i := range a {
		if !strings.EqualFold(strings.TrimRight(a[i], ",.;:"), b[i]) {
			return false
		}
	}
	return true
}

// QuestionWords returns the stems of a question word group, sorted.
func (lx *Lexicon) QuestionWords(group string) []string {
	out := make([]string, 0, len(lx.question[group]))
	for w := range lx.question[group] {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// QuestionPhrases returns the words of each of a question word group's
// entries as written, lower case, the longest entry first and then in
// order; read at load, shared: the caller must not modify it.
func (lx *Lexicon) QuestionPhrases(group string) [][]string { return lx.phrases[group] }

// KindWords returns the stems that name a node kind, sorted.
func (lx *Lexicon) KindWords(k graph.NodeKind) []string {
	var out []string
	for w, ks := range lx.kinds {
		for _, x := range ks {
			if x == k {
				out = append(out, w)
			}
		}
	}
	sort.Strings(out)
	return out
}

// PredicateStems returns every stem any typed predicate's words hold,
// sorted: the function words that still carry a relation ("do", "have").
func (lx *Lexicon) PredicateStems() []string {
	set := map[string]bool{}
	for _, pw := range lx.preds {
		for _, w := range pw.Forward {
			set[w] = true
		}
		for _, w := range pw.Inverse {
			set[w] = true
		}
	}
	out := make([]string, 0, len(set))
	for w := range set {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// shapeGroups are the question word groups that give a question its shape
// (a path, an order, a comparison, a qualifier), not its content.
var shapeGroups = []string{"path", "order", "superlative", "sequence", "compare", "why", "manual", "implicit"}

// ShapeWord reports whether a stem gives a question its shape: it belongs
// to one of the path, order, comparison, evidence or qualifier groups.
func (lx *Lexicon) ShapeWord(stem string) bool {
	for _, g := range shapeGroups {
		if lx.question[g][stem] {
			return true
		}
	}
	return false
}

// isAux is QuestionWord("aux", strings.ToLower(w)).
func (lx *Lexicon) isAux(w string) bool { return isLowerIn(lx.question["aux"], w) }

// QuestionWord reports whether a stem belongs to a question word group
// ("order", "path", "compare", "yesno", "manual", "implicit", ...).
func (lx *Lexicon) QuestionWord(group, stem string) bool { return lx.question[group][stem] }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// stemCache memoises Stem: notes and questions repeat few distinct words.
// It lives as long as the process, so it keeps at most maxStemCache words,
// each a copy (a word cut from a note would keep the whole note alive): a
// note of millions of distinct words costs no memory after it is read.
var (
	stemCache  sync.Map
	stemCached atomic.Int64
)

const maxStemCache = 1 << 16

// Stem returns the English (Porter2, snowball) stem of a word, lower-cased:
// "analyzes" → "analyz", "categories" → "categori". Words with digits or
// joiners are only lower-cased ("us-east-1", "cfn-init").
func Stem(w string) string {
	if v, ok := stemCache.Load(w); ok {
		return v.(string)
	}
	l := strings.ToLower(strings.Trim(w, "'’"))
	s := l
	plain := l != ""
	for _, r := range l {
		if !unicode.IsLetter(r) {
			plain = false
			break
		}
	}
	if plain {
		s = english.Stem(l, false)
	}
	if stemCached.Load() < maxStemCache {
		if _, loaded := stemCache.LoadOrStore(strings.Clone(w), strings.Clone(s)); !loaded {
			stemCached.Add(1)
		}
	}
	return s
}

var (
	lemmaOnce sync.Once
	lemmer    *golem.Lemmatizer
	lemmaErr  error
)

// Lemma returns the dictionary form of an English word ("sends" → "send",
// "analyzed" → "analyze"), lower-cased; the word itself when the
// lemmatiser does not know it or gives a form that is no word (its tables
// lemmatise some ordinals to numerals). The lemma tables (aaaton/golem) load on
// first use, about 35 ms.
func Lemma(w string) string {
	lemmaOnce.Do(func() { lemmer, lemmaErr = golem.New(en.New()) })
	l := strings.ToLower(w)
	if lemmaErr != nil || lemmer == nil {
		return l
	}
	lm := lemmer.Lemma(l)
	if !lettersOnly(lm) && lettersOnly(l) {
		return l // the tables give "first" → "\ufeff1", "third" → "3": a word stays a word
	}
	return lm
}

// lettersOnly reports whether a text is letters (and the hyphens,
// apostrophes and dots of words) only.
func lettersOnly(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '.' {
			return false
		}
	}
	return s != ""
}

// UpperBoundTerm returns the stem of "max" when a text bounds a number
// from above with one of the lexicon's upper_bound phrases of two words or
// more ("up to 5 CloudWatch alarms", "at most one external connection",
// "limited to 10"), so a line that writes the bound is found by a question
// that asks for the maximum; "" for any other text. A one-word phrase
// ("max", "maximum") is a term of its own already.
func (lx *Lexicon) UpperBoundTerm(text string) string {
	for i := 0; i < len(text); i++ {
		if i > 0 && isWordByte(text[i-1]) || !isWordByte(text[i]) {
			continue // a phrase starts a word
		}
		for _, pw := range lx.QuestionPhrases("upper_bound") {
			if len(pw) < 2 {
				continue
			}
			if at := boundPhraseEnd(text, i, pw); at > 0 && at < len(text) && (isDigit(text[at]) || NumberWordAt(text[at:])) {
				return Stem("max")
			}
		}
	}
	return ""
}

// boundPhraseEnd returns where the words after a phrase start when text holds
// the phrase's words (any case, one space apart, then a space) at byte i;
// 0 when it does not. It reads the text in place.
func boundPhraseEnd(text string, i int, words []string) int {
	for _, w := range words {
		end := i + len(w)
		if end >= len(text) || !strings.EqualFold(text[i:end], w) || text[end] != ' ' {
			return 0
		}
		i = end + 1
	}
	return i
}

// NumberWordAt reports whether text opens with a number written as a word
// ("five alarms", "one external connection").
func NumberWordAt(text string) bool {
	w := text
	if i := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		w = text[:i]
	}
	_, ok := NumberWord(w)
	return ok && w != ""
}

// IsEnglishWord reports whether the lemmatiser's English dictionary has a
// word (any case).
func IsEnglishWord(w string) bool {
	lemmaOnce.Do(func() { lemmer, lemmaErr = golem.New(en.New()) })
	if lemmaErr != nil || lemmer == nil {
		return false
	}
	return lemmer.InDict(strings.ToLower(w))
}

// WarmLemmas loads the lemma tables in the background, so a build that
// needs them finds them ready.
func WarmLemmas() { go Lemma("is") }

// Terms returns the stems of a text's content words, in order, repeats
// kept: letters and digits only, function words dropped.
func (lx *Lexicon) Terms(text string) []string {
	var out []string
	eachWord(text, func(w string) {
		if len(w) < 2 && !unicode.IsDigit(rune(w[0])) || lx.IsStop(w) {
			return
		}
		if s := Stem(w); s != "" && !lx.stop[s] {
			out = append(out, s)
		}
		for _, p := range camelParts(w) {
			// "InService" is also "in service", "ReplaceUnhealthy" "replace unhealthy"
			if s := Stem(p); len(p) > 1 && !lx.IsStop(p) && s != "" && !lx.stop[s] {
				out = append(out, s)
			}
		}
	})
	return out
}

// camelParts returns the words of a camel-case identifier ("InService" →
// In, Service); nil for any other word.
func camelParts(w string) []string {
	inner := false
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' || w[i] >= 0x80 {
			inner = true
			break
		}
	}
	if !inner {
		return nil // the common word: no capital after its first letter
	}
	return wordParts(w, false)
}

// CamelParts returns the lower-cased words of a camel-case identifier, its
// numbers apart: "LambdaCanary10Percent5Minutes" → lambda, canary, 10,
// percent, 5, minutes; nil for a word with no inner capital or number.
func CamelParts(w string) []string {
	ps := wordParts(w, true)
	for i, p := range ps {
		ps[i] = strings.ToLower(p)
	}
	return ps
}

// wordParts splits an identifier at its inner capitals that follow a
// lower-case letter ("InService" → In, Service), and, with digits, at
// capitals after a digit and digits after a letter too
// ("LambdaLinear10PercentEvery1Minute" → Lambda, Linear, 10, Percent,
// Every, 1, Minute); nil when it has no such boundary.
func wordParts(w string, digits bool) []string {
	var parts []string
	start := 0
	rs := []rune(w)
	for i := 1; i < len(rs); i++ {
		upper := unicode.IsUpper(rs[i]) && (unicode.IsLower(rs[i-1]) || digits && unicode.IsDigit(rs[i-1]))
		digit := digits && unicode.IsDigit(rs[i]) && unicode.IsLetter(rs[i-1])
		if upper || digit {
			parts = append(parts, string(rs[start:i]))
			start = i
		}
	}
	if len(parts) == 0 {
		return nil
	}
	return append(parts, string(rs[start:]))
}

// eachWord calls fn with each run of letters and digits of text, in order.
func eachWord(text string, fn func(w string)) {
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		fn(text[start:])
	}
}

// WordCache memoises, for one goroutine, what Terms and Lemma compute for
// each word: an extraction asks about the same few thousand words again and
// again.
type WordCache struct {
	lx     *Lexicon
	terms  map[string][]string // word as written → its stems (none for a function word, the parts too for a camel-case one)
	lemmas map[string]string
	// phrases holds what a relation phrase makes of a word as written
	// (openReader.phraseWord)
	phrases map[string]phraseWordOf
	buf     []string // scratch for Terms
	// forms are the word forms met (see graph.Forms): a lemma's stem →
	// the stems of the words that lemmatise to it, where they differ
	forms graph.Forms
}

// NewWordCache returns an empty cache on a lexicon.
func NewWordCache(lx *Lexicon) *WordCache {
	return &WordCache{lx: lx, terms: map[string][]string{}, lemmas: map[string]string{}, phrases: map[string]phraseWordOf{}, forms: graph.Forms{}}
}

// Terms is Lexicon.Terms, memoised per word.
func (c *WordCache) Terms(text string) []string {
	c.buf = c.appendTerms(c.buf[:0], text)
	return cloneStrings(c.buf)
}

// appendTerms appends Terms(text) to out and returns it.
func (c *WordCache) appendTerms(out []string, text string) []string {
	// the words of eachWord, ASCII read byte by byte
	start := -1
	for i := 0; i < len(text); {
		b, size, word := text[i], 1, false
		if b < utf8.RuneSelf {
			word = 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, c.wordTerms(text[start:i])...)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, c.wordTerms(text[start:])...)
	}
	return out
}

// wordTerms is Lexicon.Terms of one word, memoised.
func (c *WordCache) wordTerms(w string) []string {
	s, ok := c.terms[w]
	if !ok {
		s = c.lx.Terms(w)
		c.terms[w] = s
		if len(s) > 0 && lettersOnly(w) {
			c.Lemma(strings.ToLower(w)) // its form, for the corpus's word forms
		}
	}
	return s
}

// cloneStrings returns a copy of s with no spare capacity; nil when s is
// empty.
func cloneStrings(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return append(make([]string, 0, len(s)), s...)
}

// Lemma is Lemma, memoised.
func (c *WordCache) Lemma(w string) string {
	if l, ok := c.lemmas[w]; ok {
		return l
	}
	l := Lemma(w)
	c.lemmas[w] = l
	if l != strings.ToLower(w) && lettersOnly(w) && lettersOnly(l) {
		if sl, sw := Stem(l), Stem(w); sl != sw && !slices.Contains(c.forms[sl], sw) {
			c.forms[sl] = append(c.forms[sl], sw) // "sent" of "send", "data" of "datum"
		}
	}
	return l
}

// Forms returns the word forms the cache has met (see graph.Forms); the
// map is the cache's own.
func (c *WordCache) Forms() graph.Forms { return c.forms }

// MergeForms returns the forms of a and b together (each lemma's forms
// distinct, in no order: graph.NewIndex sorts them); nil when both are
// empty. Neither argument changes.
func MergeForms(a, b graph.Forms) graph.Forms {
	if len(a)+len(b) == 0 {
		return nil
	}
	out := graph.Forms{}
	mergeForms(out, a)
	mergeForms(out, b)
	return out
}

// mergeForms adds the forms of src to dst, each list kept distinct.
func mergeForms(dst, src graph.Forms) {
	for lemma, forms := range src {
		for _, f := range forms {
			if !slices.Contains(dst[lemma], f) {
				dst[lemma] = append(dst[lemma], f)
			}
		}
	}
}
