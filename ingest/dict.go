package ingest

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/awskg/awskg/graph"
)

// Entry is one dictionary entry: a canonical name, its kind and its aliases.
type Entry struct {
	Name    string   `yaml:"name"`
	Kind    string   `yaml:"kind"`
	Aliases []string `yaml:"aliases"`
	// Weak aliases are common words; they link only when a whole segment
	// (cell, list item, chain hop, heading) is the alias.
	Weak []string `yaml:"weak"`
	// Cased aliases link inside prose only with this exact capitalisation.
	Cased []string `yaml:"cased"`
	// Former names are names the thing went by before it was renamed
	// ("CloudWatch Events" of Amazon EventBridge): aliases for linking,
	// never the name an answer is given under.
	Former []string `yaml:"former"`
}

type dictFile struct {
	Services     []Entry `yaml:"services"`
	Capabilities []Entry `yaml:"capabilities"`
	Features     []Entry `yaml:"features"`
}

// Dictionary maps names and aliases onto nodes.
type Dictionary struct {
	entries  []Entry
	nodes    map[string]graph.Node // by ID
	exact    map[string]string     // normalised alias (strong, weak or cased) → node ID
	phrases  []phrase              // strong aliases for scanning prose
	byFirst  map[string][]phrase   // phrases by their first word
	maxKey   int                   // length of the longest exact key
	cueWords []string              // lower-case words of capability, strategy and component names: a sentence filter
	cueSet   map[string]bool       // cueWords as a set
	former   map[string]bool       // the entries' former names (Entry.Former)

	// Lexicon is the vocabulary of function, polarity and predicate words;
	// nil when the dictionary was parsed alone.
	Lexicon *Lexicon
}

type phrase struct {
	words []string // normalised words
	id    string
	cased string // non-empty: must match this exact text
	note  bool   // named by a note, not the dictionary: matched after dictionary names
	// joined is a name's words written as one (see addJoined): never a
	// part of a qualified identifier ("AWS::ElasticLoadBalancing::...")
	joined bool
	// aside is set for a name written with an aside in parentheses
	// ("DynamoDB Accelerator (DAX)", "AWS Chatbot(Slack)"): it may match
	// across the parenthesis that any other name stops at
	aside bool
}

// ParseDictionary reads the YAML dictionary.
func ParseDictionary(src []byte) (*Dictionary, error) {
	var f dictFile
	if err := yaml.Unmarshal(src, &f); err != nil {
		return nil, fmt.Errorf("parse dictionary: %w", err)
	}
	return newDictionary(f)
}

// newDictionary builds a dictionary from its parsed file.
func newDictionary(f dictFile) (*Dictionary, error) {
	d := &Dictionary{nodes: map[string]graph.Node{}, exact: map[string]string{}, former: map[string]bool{}}
	for _, e := range append(append(f.Services, f.Features...), f.Capabilities...) {
		if e.Name == "" || e.Kind == "" {
			return nil, fmt.Errorf("parse dictionary: entry %q has no name or kind", e.Name)
		}
		d.add(e)
	}
	d.addJoined()
	d.sortPhrases()
	d.cueWords = cueWordsOf(d.nodes)
	d.cueSet = map[string]bool{}
	for _, w := range d.cueWords {
		d.cueSet[w] = true
	}
	return d, nil
}

// cueWordsOf collects the distinctive words of capability, strategy and
// component names and aliases ("multi", "account", "canary", "filter").
func cueWordsOf(nodes map[string]graph.Node) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range nodes {
		if n.Kind != graph.KindCapability && n.Kind != graph.KindStrategy && n.Kind != graph.KindComponent {
			continue
		}
		for _, a := range append([]string{n.Name}, n.Aliases...) {
			for _, w := range words(a) {
				if len(w) < 3 || seen[w] || commonWords[w] {
					continue
				}
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	sort.Strings(out)
	return out
}

// commonWords are too frequent to tell a sentence apart.
var commonWords = map[string]bool{"all": true, "the": true, "and": true, "one": true, "other": true, "time": true, "place": true}

// hasCueWord reports whether a lower-case text has a word of a capability,
// strategy or component name, in one pass over its words.
func (d *Dictionary) hasCueWord(lower string) bool {
	start := -1
	for i := 0; i <= len(lower); i++ {
		letter := i < len(lower) && ('a' <= lower[i] && lower[i] <= 'z' || '0' <= lower[i] && lower[i] <= '9')
		if letter {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && d.cueSet[stripPlural(lower[start:i])] {
			return true
		}
		start = -1
	}
	return false
}

// hasCueWordIn is hasCueWord(strings.ToLower(text)), without lower-casing
// a copy of an ASCII text: each word is lower-cased into a stack buffer.
func (d *Dictionary) hasCueWordIn(text string) bool {
	if lowersToASCII(text) {
		return d.hasCueWord(strings.ToLower(text))
	}
	// other non-ASCII characters are not letters to hasCueWord, lower-cased
	// or not
	var buf [64]byte
	start := -1
	for i := 0; i <= len(text); i++ {
		if i < len(text) {
			if c := lowerByte(text[i]); 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
				if start < 0 {
					start = i
				}
				continue
			}
		}
		if start < 0 {
			continue
		}
		w := text[start:i]
		start = -1
		if len(w) > len(buf) {
			if d.cueSet[stripPlural(strings.ToLower(w))] {
				return true
			}
			continue
		}
		for k := 0; k < len(w); k++ {
			buf[k] = lowerByte(w[k])
		}
		// stripPlural of a word of letters and digits: only the plural "s"
		n := len(w)
		if n > 3 && buf[n-1] == 's' && buf[n-2] != 's' && buf[n-2] != 'u' && buf[n-2] != 'i' {
			n--
		}
		if d.cueSet[string(buf[:n])] {
			return true
		}
	}
	return false
}

// CueWords returns the lower-case words that may start a capability,
// strategy or component name.
func (d *Dictionary) CueWords() []string { return d.cueWords }

func (d *Dictionary) add(e Entry) string {
	id := graph.NodeID(graph.NodeKind(e.Kind), e.Name)
	if _, ok := d.nodes[id]; ok {
		return id
	}
	d.entries = append(d.entries, e)
	aliases := append([]string{}, e.Aliases...)
	aliases = append(aliases, e.Former...)
	aliases = append(aliases, e.Weak...)
	aliases = append(aliases, e.Cased...)
	for _, f := range e.Former {
		d.former[f] = true
	}
	d.nodes[id] = graph.Node{ID: id, Name: e.Name, Kind: graph.NodeKind(e.Kind), Aliases: aliases}
	for _, a := range append([]string{e.Name}, aliases...) {
		k := normKey(a)
		if _, taken := d.exact[k]; !taken && k != "" {
			d.exact[k] = id
		}
	}
	for _, a := range slices.Concat([]string{e.Name}, e.Aliases, e.Former) {
		d.phrases = append(d.phrases, phrase{words: words(a), id: id, aside: strings.ContainsAny(a, "()")})
	}
	for _, a := range e.Cased {
		d.phrases = append(d.phrases, phrase{words: words(a), id: id, cased: a})
	}
	return id
}

// addJoined links each name of several words written as one ("SERVICECATALOG"
// for Service Catalog, "elasticbeanstalk" for Elastic Beanstalk: a man
// page's section, a CLI namespace, an API prefix), without the vendor's
// prefix, when the joined word has at least minJoinedLen letters and no
// other name or alias is already that word.
func (d *Dictionary) addJoined() {
	for _, e := range d.entries {
		id := graph.NodeID(graph.NodeKind(e.Kind), e.Name)
		for _, a := range slices.Concat([]string{e.Name}, e.Aliases, e.Former) {
			ws := strings.Fields(a)
			for len(ws) > 0 && isVendorPrefix(ws[0]) {
				ws = ws[1:]
			}
			if len(ws) < 2 {
				continue
			}
			j := strings.ToLower(strings.Join(ws, ""))
			if len(j) < minJoinedLen || strings.IndexFunc(j, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) >= 0 {
				continue
			}
			k := normKey(j)
			if _, taken := d.exact[k]; taken || k == "" {
				continue
			}
			d.exact[k] = id
			d.phrases = append(d.phrases, phrase{words: words(j), id: id, joined: true})
		}
	}
}

// minJoinedLen is the fewest letters of a name's words joined as one that
// addJoined links ("codebuild" is an alias already; "elasticbeanstalk").
const minJoinedLen = 8

func (d *Dictionary) sortPhrases() {
	d.maxKey = 0
	for k := range d.exact {
		d.maxKey = max(d.maxKey, len(k))
	}
	d.byFirst = map[string][]phrase{}
	for _, p := range d.phrases {
		if len(p.words) > 0 {
			d.byFirst[p.words[0]] = append(d.byFirst[p.words[0]], p)
		}
	}
}

// Nodes returns every dictionary node, ordered by ID.
func (d *Dictionary) Nodes() []graph.Node {
	out := make([]graph.Node, 0, len(d.nodes))
	for _, n := range d.nodes {
		out = append(out, n)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Node returns a dictionary node by ID.
func (d *Dictionary) Node(id string) (graph.Node, bool) {
	n, ok := d.nodes[id]
	return n, ok
}

// Exact links a whole segment (a cell, list item, hop or heading) to a node,
// weak aliases included. It tolerates a leading "AWS"/"Amazon", a plural "s"
// and surrounding punctuation.
func (d *Dictionary) Exact(text string) (string, bool) {
	return d.exactIn(text, &findScratch{})
}

// exactIn is Exact with its buffers in s: the key and its variants
// (keyVariants) are looked up as bytes, without a string for each.
func (d *Dictionary) exactIn(text string, s *findScratch) (string, bool) {
	if len(text) > d.maxKey+16 {
		return "", false // longer than any name or alias, even with "Amazon " and punctuation
	}
	s.toks = tokenizeInto(s.toks[:0], text)
	k := s.key[:0] // normKey(text)
	for i, t := range s.toks {
		if i > 0 {
			k = append(k, ' ')
		}
		k = append(k, t.norm...)
	}
	s.key = k
	if len(k) == 0 {
		return "", false
	}
	// keyVariants(k), in its order, as spans of k
	var spans [6][2]int
	v := append(spans[:0], [2]int{0, len(k)})
	for _, p := range []string{"aws ", "amazon "} {
		if len(k) >= len(p) && string(k[:len(p)]) == p {
			v = append(v, [2]int{len(p), len(k)})
		}
	}
	n := len(v)
	for _, x := range v[:n] {
		a, b := x[0], x[1]
		if b-a > 3 && k[b-1] == 's' {
			v = append(v, [2]int{a, b - 1})
		}
		if b-a > 4 && k[b-2] == 'e' && k[b-1] == 's' {
			v = append(v, [2]int{a, b - 2})
		}
	}
	for _, x := range v {
		if id, ok := d.exact[string(k[x[0]:x[1]])]; ok {
			return id, true
		}
	}
	return "", false
}

func keyVariants(k string) []string {
	v := []string{k}
	for _, p := range []string{"aws ", "amazon "} {
		if strings.HasPrefix(k, p) {
			v = append(v, strings.TrimPrefix(k, p))
		}
	}
	n := len(v)
	for _, x := range v[:n] {
		if strings.HasSuffix(x, "s") && len(x) > 3 {
			v = append(v, strings.TrimSuffix(x, "s"))
		}
		if strings.HasSuffix(x, "es") && len(x) > 4 {
			v = append(v, strings.TrimSuffix(x, "es"))
		}
	}
	return v
}

// Mention is a node named in a text.
type Mention struct {
	ID    string
	Start int // byte offset of the first matched word
	End   int // byte offset after the last matched word
	Text  string
}

// Find returns the nodes named in prose, without overlaps, in text order.
// Of the ways to read a text it picks the one that covers the most words,
// then the one with fewer names read from notes (the dictionary's names
// win), then the one with fewer, longer names. Weak aliases are not matched;
// unknown "AWS X"/"Amazon X" names are returned with ID "" and Text set to
// the name.
func (d *Dictionary) Find(text string) []Mention {
	return d.find(text, &findScratch{})
}

// findScratch holds the buffers of Find, for a caller that finds names in
// many texts one after the other.
type findScratch struct {
	toks []token
	best []findChoice
	used []bool
	key  []byte // Exact's key
}

// findChoice is the best reading of a text from one token on.
type findChoice struct {
	covered, notes, count int
	take                  *phrase // nil: skip the token
}

// find is Find with its buffers in s.
func (d *Dictionary) find(text string, s *findScratch) []Mention {
	s.toks = tokenizeInto(s.toks[:0], text)
	toks := s.toks
	n := len(toks)
	type choice = findChoice
	better := func(a, b choice) bool {
		if a.covered != b.covered {
			return a.covered > b.covered
		}
		if a.notes != b.notes {
			return a.notes < b.notes
		}
		return a.count < b.count
	}
	best := append(s.best[:0], make([]choice, n+1)...)
	s.best = best
	caseKnown, lower, upper := false, false, false
	for i := n - 1; i >= 0; i-- {
		best[i] = choice{covered: best[i+1].covered, notes: best[i+1].notes, count: best[i+1].count}
		cands := d.byFirst[toks[i].norm]
		for k := range cands {
			p := &cands[k]
			m := len(p.words)
			if i+m > n || !matchAt(toks, i, p.words) {
				continue
			}
			start, end := toks[i].start, toks[i+m-1].end
			if p.cased != "" && text[start:end] != p.cased {
				continue
			}
			if p.joined && (strings.HasSuffix(text[:start], "::") || strings.HasPrefix(text[end:], "::")) {
				continue // "AWS::ElasticLoadBalancing::LoadBalancer" is a resource type
			}
			if m > 1 && splitByPunct(text, toks[i:i+m], p.aside) {
				continue // "CI/CD on AWS: CodePipeline" names no "AWS CodePipeline"
			}
			// Short all-letter aliases (2-3 chars) in mixed-case prose must be upper case: "EB", not "eb".
			if m == 1 && len(p.words[0]) <= 3 && !isUpperOrDigit(acronymSingular(text[start:end])) {
				if !caseKnown {
					caseKnown, lower, upper = true, isLowerText(text), hasUpper(text)
				}
				if upper && !lower {
					continue
				}
			}
			c := choice{covered: m + best[i+m].covered, notes: best[i+m].notes, count: 1 + best[i+m].count, take: p}
			if p.note {
				c.notes++
			}
			if better(c, best[i]) {
				best[i] = c
			}
		}
	}
	var out []Mention
	used := append(s.used[:0], make([]bool, n)...)
	s.used = used
	for i := 0; i < n; {
		p := best[i].take
		if p == nil {
			i++
			continue
		}
		m := len(p.words)
		for j := i; j < i+m; j++ {
			used[j] = true
		}
		out = append(out, Mention{ID: p.id, Start: toks[i].start, End: toks[i+m-1].end, Text: text[toks[i].start:toks[i+m-1].end]})
		i += m
	}
	if unknown := d.unknownAWS(text, toks, used); len(unknown) > 0 {
		// the dictionary's names are in text order already
		out = append(out, unknown...)
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	return out
}

// phraseBreaks are the marks that end a phrase (see splitByPunct).
var phraseBreaks = [...]string{": ", "; ", ", ", ". "}

// asideBreaks are the parentheses that open and close an aside.
var asideBreaks = [...]string{"(", ")"}

// splitByPunct reports whether punctuation that ends a phrase (a colon,
// semicolon, comma or full stop before a space) stands between two of the
// tokens, or, unless aside is set (the name is written with an aside
// itself: "DynamoDB Accelerator (DAX)"), a parenthesis: they belong to
// different phrases, and name nothing together ("AWS::CloudFormation::Init"
// is one name; "Synthetics (canaries)" names no "Synthetics canaries").
func splitByPunct(text string, toks []token, aside bool) bool {
	for k := 1; k < len(toks); k++ {
		gap := text[toks[k-1].end:toks[k].start]
		for _, p := range phraseBreaks {
			if strings.Contains(gap, p) {
				return true
			}
		}
		if aside {
			continue
		}
		for _, p := range asideBreaks {
			if strings.Contains(gap, p) {
				return true
			}
		}
	}
	return false
}

func matchAt(toks []token, i int, words []string) bool {
	for j, w := range words {
		if toks[i+j].norm != w {
			return false
		}
	}
	return true
}

// genericAWS are words that follow "AWS"/"Amazon" without naming a service.
var genericAWS = map[string]bool{
	"account": true, "accounts": true, "region": true, "regions": true, "console": true, "cli": true,
	"api": true, "apis": true, "sdk": true, "sdks": true, "services": true, "service": true, "resources": true,
	"resource": true, "certified": true, "devops": true, "documentation": true, "docs": true, "blueprint": true,
	"support": true, "customers": true, "customer": true, "managed": true, "linux": true, "best": true,
	"management": true, "cloud": true, "products": true, "product": true, "marketplace": true, "global": true,
	"infrastructure": true, "free": true, "partner": true, "partners": true, "user": true, "users": true,
	"engineer": true, "professional": true, "associate": true, "exam": true, "certification": true, "whitepaper": true,
	"team": true, "teams": true, "organization": true, "ecosystem": true, "environment": true, "environments": true,
	"the": true, "and": true, "to": true, "for": true, "is": true, "in": true, "of": true, "or": true,
}

// isVendorPrefix reports the vendor's prefix of service names as written
// before a name ("AWS", "Amazon").
func isVendorPrefix(w string) bool { return w == "AWS" || w == "Amazon" }

func (d *Dictionary) unknownAWS(text string, toks []token, used []bool) []Mention {
	var out []Mention
	lower, lowerKnown := false, false // isLowerText(text), read when first needed
	for i := 0; i < len(toks)-1; i++ {
		w := text[toks[i].start:toks[i].end]
		if w != "AWS" && w != "Amazon" && w != "aws" && w != "amazon" {
			continue
		}
		if !lowerKnown {
			lower, lowerKnown = isLowerText(text), true
		}
		isPrefix := isVendorPrefix(w) || lower && (w == "aws" || w == "amazon")
		if !isPrefix || used[i] || used[i+1] {
			continue
		}
		if genericAWS[strings.ToLower(text[toks[i+1].start:toks[i+1].end])] {
			continue // "AWS resources ...", "AWS API calls": AWS's things, not a service
		}
		j, named := i+1, false
		for j < len(toks) && j < i+4 && !used[j] && toks[j].start == toks[j-1].end+1 && text[toks[j-1].end] == ' ' {
			word := text[toks[j].start:toks[j].end]
			if !lower && !isCapitalized(word) || lower && j > i+2 {
				break
			}
			if d.Lexicon != nil && d.Lexicon.IsStop(word) || strings.ContainsRune(word, '_') {
				break // "Rekognition can", "AWS_RISK_...": a name ends at a function word
			}
			if !genericAWS[strings.ToLower(word)] {
				named = true
			}
			j++
		}
		if j == i+1 || !named {
			continue
		}
		if j == i+2 && !d.nameWord(text[toks[i+1].start:toks[i+1].end]) {
			// "AWS Business", "Amazon Data": one ordinary English word after
			// the prefix is a phrase, not a service the dictionary lacks
			continue
		}
		name := text[toks[i].start:toks[j-1].end]
		if lower {
			name = titleCase(name)
		}
		out = append(out, Mention{ID: "", Start: toks[i].start, End: toks[j-1].end, Text: name})
		for k := i; k < j; k++ {
			used[k] = true
		}
	}
	return out
}

// nameWord reports whether a single word after "AWS"/"Amazon" can be a
// service's name: an acronym ("SSO"), a word with inner capitals or digits
// ("DocumentDB"), or a word English does not have ("Rekognition"); not an
// ordinary word ("Business", "Costs", "Data").
func (d *Dictionary) nameWord(w string) bool {
	if distinctive(w) || len(w) > 1 && strings.ToUpper(w) == w {
		return true
	}
	return !IsEnglishWord(w)
}

// titleCase writes a lower-case service name the way AWS does: "aws app
// runner" → "AWS App Runner".
func titleCase(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		switch strings.ToLower(w) {
		case "aws":
			f[i] = "AWS"
		default:
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			f[i] = string(r)
		}
	}
	return strings.Join(f, " ")
}

func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// isLowerText reports whether prose is written mostly in lower case (blog
// shorthand: "eb, opsworks, cfn"), where abbreviations are lower case too.
func isLowerText(s string) bool {
	up, low := 0, 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			up++
		} else if unicode.IsLower(r) {
			low++
		}
	}
	return up*20 < low
}

func isUpperOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// acronymSingular returns an acronym's plural without its lower-case "s"
// ("SCPs" → "SCP", "OUs" → "OU"), any other word as it is.
func acronymSingular(w string) string {
	if len(w) >= 3 && strings.HasSuffix(w, "s") {
		return w[:len(w)-1]
	}
	return w
}

type token struct {
	start, end int
	norm       string
}

// tokenize splits text into words: letters, digits and the inner
// characters "@", "-", "/", "." and "'" joined to them ("Lambda@Edge",
// "cfn-init", "us-east-1", "Node.js").
func tokenize(text string) []token {
	return tokenizeInto(make([]token, 0, len(text)/5+1), text)
}

// tokenizeInto is tokenize appending to toks.
func tokenizeInto(toks []token, text string) []token {
	// One lower-case copy serves every word when the text is ASCII (byte
	// offsets are kept); other texts lower-case word by word.
	lower, ascii := "", true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		lower = strings.ToLower(text)
	}
	start := -1
	flush := func(end int) {
		if start >= 0 {
			w := trimJoiners(text[start:end])
			if w != "" {
				var n string
				if ascii {
					n = stripPlural(lower[start : start+len(w)])
				} else {
					n = normWord(w)
				}
				toks = append(toks, token{start: start, end: start + len(w), norm: n})
			}
		}
		start = -1
	}
	for i, r := range text {
		var word bool
		if r < utf8.RuneSelf {
			c := byte(r)
			word = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
				start >= 0 && (c == '@' || c == '-' || c == '.' || c == '\'')
		} else {
			word = unicode.IsLetter(r) || unicode.IsDigit(r) || start >= 0 && r == '’'
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
	// "/" separates words: "EBS/AMI/RDS", "blue/green" stays one alias via words().
	return toks
}

// trimJoiners drops trailing joiner characters ("-./@'’") from a word.
func trimJoiners(w string) string {
	for len(w) > 0 {
		switch c := w[len(w)-1]; {
		case c == '-' || c == '.' || c == '/' || c == '@' || c == '\'':
			w = w[:len(w)-1]
		case strings.HasSuffix(w, "’"):
			w = w[:len(w)-len("’")]
		default:
			return w
		}
	}
	return w
}

// normWord lower-cases a word and drops a possessive or plural "s", so
// "accounts" matches "account" and "Regions" matches "region".
func normWord(w string) string {
	lower := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			lower = false
			break
		}
	}
	if !lower {
		w = strings.ToLower(w)
	}
	return stripPlural(w)
}

// stripPlural drops a possessive or plural "s" from a lower-case word, and
// turns a plural "ies" into "y".
func stripPlural(w string) string {
	if strings.HasSuffix(w, "'s") {
		w = w[:len(w)-2]
	} else if strings.HasSuffix(w, "’s") {
		w = w[:len(w)-len("’s")]
	}
	if len(w) > 4 && strings.HasSuffix(w, "ies") {
		// "policies" is "policy", "strategies" "strategy" (a question's
		// words and the names are normalised alike, so "series" meets
		// "series")
		return w[:len(w)-3] + "y"
	}
	if len(w) > 3 && w[len(w)-1] == 's' && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") {
		w = w[:len(w)-1]
	}
	return w
}

// words splits an alias into normalised words the way tokenize does.
func words(s string) []string {
	toks := tokenize(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.norm
	}
	return out
}

// normKey normalises a whole segment for exact lookup.
func normKey(s string) string {
	return strings.Join(words(s), " ")
}

// Former reports whether name is an entry's former name (see
// Entry.Former), as the dictionary writes it.
func (d *Dictionary) Former(name string) bool { return d.former[name] }

// WithNodes returns a copy of the dictionary that also links the names of
// nodes read from the notes (features, strategies, DR strategies...), so
// questions can name them.
func (d *Dictionary) WithNodes(nodes []graph.Node) *Dictionary {
	c := &Dictionary{entries: d.entries, nodes: map[string]graph.Node{}, exact: map[string]string{}, cueWords: d.cueWords, cueSet: d.cueSet, former: d.former, Lexicon: d.Lexicon}
	for id, n := range d.nodes {
		c.nodes[id] = n
	}
	for k, v := range d.exact {
		c.exact[k] = v
	}
	c.phrases = append(c.phrases, d.phrases...)
	for _, n := range nodes {
		if _, ok := c.nodes[n.ID]; ok || n.Kind == graph.KindPath {
			continue
		}
		c.nodes[n.ID] = n
		for _, name := range append([]string{n.Name}, n.Aliases...) {
			c.addNoteName(n, name)
		}
	}
	// a part name two features share names neither
	parts := map[string][]string{}
	var order []string
	for _, n := range nodes {
		if rest := c.partName(n); rest != "" {
			k := normKey(rest)
			if len(parts[k]) == 0 {
				order = append(order, rest)
			}
			if !slices.Contains(parts[k], n.ID) {
				parts[k] = append(parts[k], n.ID)
			}
		}
	}
	for _, rest := range order {
		k := normKey(rest)
		if ids := parts[k]; len(ids) == 1 {
			c.exact[k] = ids[0]
			c.phrases = append(c.phrases, phrase{words: words(rest), id: ids[0], note: true})
		}
	}
	c.sortPhrases()
	return c
}

// partName returns the rest of the name of a feature a note named after
// its service, as people write it once the service is clear ("Billing
// Alarms" of "CloudWatch Billing Alarms"): two words or more, and no name
// written so already; "" for other nodes.
func (c *Dictionary) partName(n graph.Node) string {
	if n.Kind != graph.KindFeature {
		return ""
	}
	w := strings.Fields(n.Name)
	for k := 1; k <= len(w)-2; k++ {
		id, ok := c.exact[normKey(strings.Join(w[:k], " "))]
		if !ok || c.nodes[id].Kind != graph.KindService {
			continue
		}
		rest := strings.Join(w[k:], " ")
		if _, taken := c.exact[normKey(rest)]; taken || normKey(rest) == "" {
			return ""
		}
		return rest
	}
	return ""
}

// addNoteName makes a name a note gave node n findable.
func (c *Dictionary) addNoteName(n graph.Node, name string) {
	if (n.Kind == graph.KindConcept || n.Kind == graph.KindValue) && !c.nameLike(name) {
		return // a list item's words ("only available in us-east-1"), not a name
	}
	if strings.IndexFunc(name, unicode.IsSymbol) >= 0 {
		// "Deploy time 🕑🕑", "Costs $$": a table's level, whose symbols
		// are its value; its words ("deploy time") name the column
		return
	}
	w := words(name)
	if len(w) == 1 && name == strings.ToLower(name) && !strings.ContainsAny(name, "-@") {
		return // a common word ("deployment"): too vague to link in questions
	}
	k := normKey(name)
	if _, taken := c.exact[k]; !taken && k != "" {
		c.exact[k] = n.ID
	}
	if len(w) == 1 && !distinctive(name) {
		return // "Setup", "Invoke": linked only as a whole question or argument
	}
	if len(w) <= 6 {
		c.phrases = append(c.phrases, phrase{words: w, id: n.ID, note: true})
	}
}

// nameLike reports whether a name a note gave a concept reads as a name:
// at most four words, none of them a function or polarity word.
func (d *Dictionary) nameLike(name string) bool {
	f := strings.Fields(name)
	if len(f) > 4 {
		return false
	}
	if d.Lexicon == nil {
		return true
	}
	capitals := 0
	for _, w := range f {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			capitals++
		}
	}
	for i, w := range f {
		w = strings.Trim(w, ".,;:()'\"")
		inner := i > 0 && i < len(f)-1 && capitals >= 2
		if d.Lexicon.IsNegation(w) || d.Lexicon.IsExclusive(w) || d.Lexicon.IsStop(w) && !inner {
			// a function word inside a capitalised name is part of it:
			// "Infrastructure as Code lifecycle"
			return false
		}
	}
	return true
}

// distinctive reports whether a one-word name cannot be an ordinary word:
// it has an inner capital, a digit or a joiner ("StackSets", "cfn-init").
func distinctive(name string) bool {
	for i, r := range name {
		if i > 0 && unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("-@_.", r) {
			return true
		}
	}
	return false
}

// FindWeak is Find plus weak aliases and every node name: for short texts
// such as questions, where "logs" or "alarm" mean the service or feature.
func (d *Dictionary) FindWeak(text string) []Mention {
	out := d.Find(text)
	toks := tokenize(text)
	covered := make([]bool, len(toks))
	for _, m := range out {
		for i, t := range toks {
			if t.start >= m.Start && t.end <= m.End {
				covered[i] = true
			}
		}
	}
	for i, t := range toks {
		if covered[i] {
			continue
		}
		for _, cand := range keyVariants(t.norm) {
			if id, ok := d.exact[cand]; ok {
				out = append(out, Mention{ID: id, Start: t.start, End: t.end, Text: text[t.start:t.end]})
				break
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// Tokens returns the normalised words of a text, as the linker sees them.
func Tokens(text string) []string { return words(text) }

// Key normalises a name for exact comparison.
func Key(text string) string { return normKey(text) }
