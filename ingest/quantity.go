package ingest

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quantity is a number with its unit as a note writes it, normalised so
// quantities of one dimension compare: durations in seconds, sizes in
// bytes, rates in units per second.
type Quantity struct {
	Text      string  // as written: "35 days", "1 MB/s", "(1d - 35d)"
	Value     float64 // normalised value; for a range, its upper bound
	Low       float64 // for a range, its lower bound; else Value
	Dimension string  // "duration", "size", "rate", "size rate", "percent", "count" ("5 read replicas")
	Start     int     // byte offset in the text it was found in
	End       int
}

// unitOf maps a unit word to its dimension and its factor to the base unit.
var unitOf = map[string]struct {
	dim    string
	factor float64
}{
	"ms": {"duration", 0.001}, "millisecond": {"duration", 0.001}, "milliseconds": {"duration", 0.001},
	"s": {"duration", 1}, "sec": {"duration", 1}, "secs": {"duration", 1}, "second": {"duration", 1}, "seconds": {"duration", 1},
	"m": {"duration", 60}, "min": {"duration", 60}, "mins": {"duration", 60}, "minute": {"duration", 60}, "minutes": {"duration", 60},
	"h": {"duration", 3600}, "hr": {"duration", 3600}, "hrs": {"duration", 3600}, "hour": {"duration", 3600}, "hours": {"duration", 3600},
	"d": {"duration", 86400}, "day": {"duration", 86400}, "days": {"duration", 86400},
	"w": {"duration", 604800}, "week": {"duration", 604800}, "weeks": {"duration", 604800},
	"month": {"duration", 2629800}, "months": {"duration", 2629800}, "mo": {"duration", 2629800},
	"y": {"duration", 31557600}, "yr": {"duration", 31557600}, "yrs": {"duration", 31557600}, "year": {"duration", 31557600}, "years": {"duration", 31557600},
	"b": {"size", 1}, "byte": {"size", 1}, "bytes": {"size", 1},
	"kb": {"size", 1e3}, "mb": {"size", 1e6}, "gb": {"size", 1e9}, "tb": {"size", 1e12}, "pb": {"size", 1e15},
	"kib": {"size", 1024}, "mib": {"size", 1 << 20}, "gib": {"size", 1 << 30}, "tib": {"size", 1 << 40},
	"%": {"percent", 1}, "percent": {"percent", 1},
}

var quantityRe = lazyRE(`(?i)(?:\(\s*)?(\d+(?:[.,]\d+)*)\s*([a-z%]+(?:/[a-z]+)?)?(?:\s*(?:-|–|to)\s*(\d+(?:[.,]\d+)*)\s*([a-z%]+(?:/[a-z]+)?))?(?:\s*\))?`)

// rateWords are the things a rate counts: "1000 records/s", "5 API calls per second".
var rateTail = lazyRE(`(?i)^\s*(?:api\s+)?(records?|requests?|calls?|messages?|transactions?|writes?|reads?|events?|puts?)?\s*(?:/\s*s(?:ec(?:ond)?)?\b|per\s+second\b)`)

// numberWords are the numbers notes spell out: "seven days", "one hour".
var numberWords = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90, "a": 1, "an": 1}

var wordQuantityRe = lazyRE(`(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty|ninety|an?)[ -](seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b`)

// frequencyPeriod maps a word of frequency to the period it repeats at,
// in seconds.
var frequencyPeriod = map[string]float64{"hourly": 3600, "daily": 86400, "weekly": 604800, "fortnightly": 1209600,
	"monthly": 2629800, "quarterly": 7889400, "yearly": 31557600, "annually": 31557600}

var frequencyRe = lazyRE(`(?i)\b(hourly|daily|weekly|fortnightly|monthly|quarterly|yearly|annually)\b`)

// Quantities finds the quantities of a text: numbers (or spelt-out numbers)
// followed by a unit of time, size or percent, ranges of them, and rates
// ("1 MB/s", "1000 records/s", "5 calls per second", "seven days"), and
// counts of a plural ("5 read replicas"); a number joined to its unit by
// a hyphen ("5-minute") counts as written apart. Bare numbers are not
// quantities.
func Quantities(text string) []Quantity {
	var out []Quantity
	if strings.ContainsAny(text, "0123456789") {
		out = digitQuantities(unitHyphens(text))
	}
	if !hasUnitWord(text) {
		return out
	}
	for _, m := range frequencyRe.FindAllStringSubmatchIndex(text, -1) {
		// "weekly (no more often) email notifications": how often, as the
		// period between two
		v := frequencyPeriod[strings.ToLower(text[m[2]:m[3]])]
		out = append(out, Quantity{Text: text[m[2]:m[3]], Value: v, Low: v, Dimension: "duration", Start: m[2], End: m[3]})
	}
	for _, m := range wordQuantityRe.FindAllStringSubmatchIndex(text, -1) {
		n := strings.ToLower(text[m[2]:m[3]])
		if n == "a" || n == "an" {
			continue // "a day" is a period, rarely a value worth naming
		}
		u := unitOf[strings.ToLower(text[m[4]:m[5]])]
		v := numberWords[n] * u.factor
		out = append(out, Quantity{Text: text[m[0]:m[1]], Value: v, Low: v, Dimension: u.dim, Start: m[0], End: m[1]})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// unitHyphens writes a space for the hyphen that joins a number to its
// unit ("5-minute datapoints", "a 1-hour window"), so the number reads
// with its unit; the text keeps its length, so offsets into it stay.
func unitHyphens(text string) string {
	if !strings.Contains(text, "-") {
		return text
	}
	b := []byte(text)
	for i := 1; i+1 < len(b); i++ {
		if b[i] == '-' && b[i-1] >= '0' && b[i-1] <= '9' && (b[i+1]|0x20) >= 'a' && (b[i+1]|0x20) <= 'z' {
			b[i] = ' '
		}
	}
	return string(b)
}

func digitQuantities(text string) []Quantity {
	var out []Quantity
	if !hasWordNumber(text) {
		return out // every match would be skipped below: no regexp
	}
	for _, m := range quantityRe.FindAllStringSubmatchIndex(text, -1) {
		if m[2] < 0 {
			continue
		}
		// the number must start a word: not "us-east-1", "S3", "v2"
		if s := m[2]; s > 0 {
			c := text[s-1]
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_' || c == '.' {
				continue
			}
		}
		num := parseNumber(text[m[2]:m[3]])
		unit := ""
		if m[4] >= 0 {
			unit = strings.ToLower(text[m[4]:m[5]])
		}
		end := m[1]
		q := Quantity{Start: m[0], End: end}
		base, per, isRate := strings.Cut(unit, "/")
		u, known := unitOf[base]
		switch {
		case isRate && known && strings.HasPrefix(per, "s"):
			q.Dimension, q.Value = u.dim+" rate", num*u.factor
		case known && u.dim != "":
			q.Dimension, q.Value = u.dim, num*u.factor
			if m[6] >= 0 && m[8] >= 0 {
				hi := parseNumber(text[m[6]:m[7]])
				if hu := unitOf[strings.ToLower(text[m[8]:m[9]])]; hu.dim == u.dim {
					q.Low, q.Value = q.Value, hi*hu.factor
				} else {
					end = m[5] // "24 hours to 7 things": the range is not one quantity
				}
			}
		default:
			// "1000 records/s", "5 API calls per second", "10,000 requests per second"
			if t := rateTail.FindStringIndex(text[m[3]:]); t != nil && (unit == "" || !known) {
				q.Dimension, q.Value, end = "rate", num, m[3]+t[1]
				break
			}
			if m[6] >= 0 && m[8] >= 0 {
				if hu, ok := unitOf[strings.ToLower(text[m[8]:m[9]])]; ok {
					// "1-35 days": the unit comes after the range
					q.Dimension, q.Low, q.Value = hu.dim, num*hu.factor, parseNumber(text[m[6]:m[7]])*hu.factor
					break
				}
			}
			// "1,000 application versions", "5 read replicas": a count of things
			if t := countTail(text[m[3]:]); t > 0 {
				q.Dimension, q.Value, end = "count", num, m[3]+t
				break
			}
			// "50 per account", "200 per region": a count in each of a scope
			if !known && !afterCurrency(text, m[2]) {
				if t := perScopeTail(text[m[3]:]); t > 0 {
					q.Dimension, q.Value, end = "count", num, m[3]+t
					break
				}
			}
			continue
		}
		if q.Low == 0 {
			q.Low = q.Value
		}
		q.End = end
		// a bracket of the sentence around it is not the quantity's: "(at
		// most 60 seconds)" gives "60 seconds"; "(1d - 35d)" keeps both
		if open, closed := text[q.Start] == '(', text[q.End-1] == ')'; open != closed {
			if open {
				q.Start++
				for q.Start < q.End && text[q.Start] == ' ' {
					q.Start++ // "( 200 ms"
				}
			} else {
				q.End--
			}
		}
		q.Text = strings.TrimSpace(text[q.Start:q.End])
		// a lone unit letter is only a unit right after the number: "35d", not "3 s3"
		if len(unit) == 1 && unit != "%" && m[4] > m[3] {
			if m[4]+1 < len(text) && isWordByte(text[m[4]+1]) {
				continue
			}
		}
		if q.Dimension != "" && q.Dimension != "rate" && q.Dimension != "count" && unit != "" && !strings.Contains(unit, "/") {
			// "1, 3, 6, 12 or 24 hours", "every 5 or 60 minutes": the
			// numbers before share the unit
			out = append(out, sharedUnit(text, q, num, text[m[4]:m[5]])...)
		}
		out = append(out, q)
	}
	return out
}

// hasWordNumber reports whether a run of digits of text starts a word as
// digitQuantities requires of a quantity's number: the text's start or a
// byte other than an ASCII letter, '-', '_' or '.' before it. quantityRe's
// numbers are whole runs of digits (its digits are greedy and all that
// follows them optional), so a text without one has no quantity.
func hasWordNumber(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c < '0' || c > '9' || i > 0 && text[i-1] >= '0' && text[i-1] <= '9' {
			continue
		}
		if i == 0 {
			return true
		}
		if c := text[i-1]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_' || c == '.') {
			return true
		}
	}
	return false
}

// numberListRe matches a list of bare numbers that ends where a quantity
// starts: "1, 3, 6, 12 or " before "24 hours".
var numberListRe = lazyRE(`(?:\b\d+(?:\.\d+)?(?:\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|\s*/\s*))+$`)

// sharedUnit returns the quantities of the bare numbers listed right before
// q, in the unit q is written in.
func sharedUnit(text string, q Quantity, num float64, unit string) []Quantity {
	loc := numberListRe.FindStringIndex(text[:q.Start])
	if loc == nil || num == 0 {
		return nil
	}
	factor := q.Value / num
	var out []Quantity
	for _, m := range numberRe.FindAllStringIndex(text[loc[0]:loc[1]], -1) {
		start, end := loc[0]+m[0], loc[0]+m[1]
		if c := text[max(start, 1)-1]; start > 0 && (isWordByte(c) || c == '-' || c == '_' || c == '.') {
			continue // "us-east-1 or 24 hours": a name, not a number
		}
		n := parseNumber(text[start:end])
		u := unit
		if n == 1 {
			u = strings.TrimSuffix(u, "s")
		}
		out = append(out, Quantity{Text: text[start:end] + " " + u, Value: n * factor, Low: n * factor, Dimension: q.Dimension, Start: start, End: end})
	}
	return out
}

var numberRe = lazyRE(`\d+(?:\.\d+)?`)

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func parseNumber(s string) float64 {
	// "10,000" is ten thousand; "1,5" (a decimal comma) is rare in these notes
	s = strings.ReplaceAll(s, ",", "")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0
	}
	return f
}

// ParseQuantity reads a whole text as one quantity ("24 hours", "1 MB/s");
// ok is false when the text is anything more or less.
func ParseQuantity(text string) (Quantity, bool) {
	t := strings.TrimSpace(text)
	return wholeQuantity(t, Quantities(t))
}

// wholeQuantity is ParseQuantity of a trimmed text t whose quantities are
// qs.
func wholeQuantity(t string, qs []Quantity) (Quantity, bool) {
	if len(qs) != 1 {
		return Quantity{}, false
	}
	q := qs[0]
	rest := strings.TrimSpace(t[:q.Start] + " " + t[q.End:])
	if countFields(rest) > 2 {
		return Quantity{}, false
	}
	if q.Dimension == "count" && namedNumber(t[:q.Start]) {
		// "Route 53 Access Logs", "Windows 2019 servers": the number is
		// part of a name, not a count of the words after it
		return Quantity{}, false
	}
	return q, true
}

// namedNumber reports whether the text before a number ends with a
// capitalised word that the number goes on ("Route 53", "Python 3").
func namedNumber(before string) bool {
	f := strings.Fields(before)
	if len(f) == 0 || !strings.HasSuffix(before, " ") {
		return false
	}
	w := f[len(f)-1]
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 && !boundWords[strings.ToLower(w)]
}

// boundWords open a quantity at a sentence's start ("Max 5 read replicas",
// "Up to 5 ...") or stand right before it in a table key ("Under 60
// seconds", "less than 1 minute"): a bound, no name the number goes on and
// not the value itself.
var boundWords = map[string]bool{"max": true, "maximum": true, "min": true, "minimum": true, "up": true, "upto": true, "limit": true, "default": true, "over": true, "under": true, "below": true, "above": true, "than": true, "to": true, "about": true, "approx": true, "only": true, "at": true, "around": true}

// countTailRe matches the things a number counts: one to three words, the
// last a plural ("application versions", "secondary Regions").
var countTailRe = lazyRE(`^ ((?:[A-Za-z][a-z]+ ){0,2}[A-Za-z][a-z]*[a-z]s)\b`)

// notPlural are words ending in "s" that are no plural of a counted thing:
// function words, and the verbs notes use most ("item 1 supports canary").
var notPlural = map[string]bool{"this": true, "does": true, "thus": true, "plus": true, "less": true, "was": true, "has": true, "its": true, "is": true, "as": true, "us": true, "yes": true, "always": true, "minus": true, "across": true, "unless": true, "whereas": true, "perhaps": true,
	"supports": true, "sends": true, "runs": true, "uses": true, "allows": true, "provides": true, "enables": true, "integrates": true, "triggers": true, "delivers": true,
	"stores": true, "keeps": true, "pulls": true, "pushes": true, "creates": true, "deploys": true, "includes": true, "contains": true, "requires": true, "needs": true,
	"works": true, "gets": true, "takes": true, "makes": true, "goes": true, "gives": true, "shows": true, "starts": true, "stops": true, "becomes": true, "remains": true, "means": true}

// countTail returns the length of the counted things after a number, 0
// when none follows.
func countTail(after string) int {
	m := countTailRe.FindStringSubmatch(after)
	if m == nil {
		return 0
	}
	words := strings.Fields(m[1])
	for _, w := range words {
		if notPlural[strings.ToLower(w)] {
			return 0
		}
	}
	last := strings.ToLower(words[len(words)-1])
	if strings.HasSuffix(last, "ss") || len(last) < 4 {
		return 0
	}
	return len(m[0])
}

// perScopeRe is "per" and the scope a bare number counts in: " per
// account" of "limited to 50 per account", " per acct+region", " per log
// group" (a second word when it is no function word).
var perScopeRe = lazyRE(`(?i)^\s+per\s+([a-z][a-z0-9+/-]*[a-z0-9])\b(\s+[a-z][a-z0-9-]*\b)?`)

// scopeStops are the words that end a count's scope: "50 per account by
// default", "5 per rule and 100 per bus".
var scopeStops = map[string]bool{"and": true, "or": true, "to": true, "in": true, "on": true, "at": true, "for": true, "with": true,
	"by": true, "of": true, "the": true, "a": true, "an": true, "is": true, "are": true, "can": true, "but": true, "max": true,
	"maximum": true, "default": true, "soft": true, "hard": true, "limit": true, "only": true, "per": true, "that": true, "which": true}

// perScopeTail returns the length of the scope after a bare number ("per
// account", "per region", "per log group"), 0 when none follows or the
// scope is a unit of time (a rate's: "5 per second").
func perScopeTail(after string) int {
	m := perScopeRe.FindStringSubmatchIndex(after)
	if m == nil {
		return 0
	}
	if _, unit := unitOf[strings.ToLower(after[m[2]:m[3]])]; unit {
		return 0
	}
	if m[4] >= 0 && !scopeStops[strings.ToLower(strings.TrimSpace(after[m[4]:m[5]]))] {
		return m[5]
	}
	return m[3]
}

// afterCurrency reports whether the number at i follows a currency sign
// ("$0.40 per secret"): a price, which is no count.
func afterCurrency(text string, i int) bool {
	for i > 0 && text[i-1] == ' ' {
		i--
	}
	return i > 0 && strings.ContainsAny(text[i-1:i], "$£") || strings.HasSuffix(text[:i], "€")
}

// hasUnitWord is a cheap test for a spelt-out quantity's unit before the
// regular expression runs.
func hasUnitWord(text string) bool {
	return unitWords.in(text)
}

// unitWords are the units wordQuantityRe and frequencyRe read.
var unitWords = newCueSet("second", "minute", "hour", "day", "daily", "week", "month", "year", "annually", "quarterly", "fortnightly")

// Numbers returns the numbers of a text that stand as words, in order,
// whatever follows them ("the default runOrder value for an action is 1",
// "at least 3 and at most 200"): digits, with thousands commas or a decimal
// point, not part of an identifier ("us-east-1", "S3", "v2",
// "AWS::Oam::Link") and not a list's own number ("1. Create ..."). Their
// Dimension is "number"; Quantities reads those with a unit.
func Numbers(text string) []Quantity {
	var out []Quantity
	for _, m := range wordNumberRe.FindAllStringIndex(text, -1) {
		s, e := m[0], m[1]
		if s > 0 {
			if c := text[s-1]; c != ' ' && c != '=' && c != '(' && c != '`' && c != '"' && c != '\t' && c != ':' {
				continue
			}
		}
		if e < len(text) {
			if c := text[e]; c != ' ' && c != ',' && c != ';' && c != ')' && c != '`' && c != '"' && c != '\t' && !(c == '.' && (e+1 == len(text) || text[e+1] == ' ')) {
				continue
			}
		}
		if strings.TrimSpace(text[:s]) == "" && e < len(text) && text[e] == '.' {
			continue // "1. Create the key": a numbered step
		}
		v := parseNumber(text[s:e])
		out = append(out, Quantity{Text: text[s:e], Value: v, Low: v, Dimension: "number", Start: s, End: e})
	}
	if bound := boundNumberWords(text); len(bound) > 0 {
		out = append(out, bound...)
		slices.SortStableFunc(out, func(a, b Quantity) int { return a.Start - b.Start })
	}
	return out
}

// boundRe matches a spelled-out number after a phrase that bounds it ("up
// to a maximum of ten", "at most three", "limited to five"): there the
// word is a limit's value, where "one or more containers" counts nothing.
var boundRe = lazyRE(`(?i)\b(?:maximum|minimum|max|min|limit|limited|up|at|no|fewer|more|less)\s+(?:of\s+|to\s+|most\s+|least\s+|than\s+|more\s+than\s+)?(` + boundNumbers() + `)\b`)

// boundNumbers is the alternation of the numberWords a bound gives: those
// above one ("one or more" counts nothing; "a", "an" are articles).
func boundNumbers() string {
	var ws []string
	for w, v := range numberWords {
		if v > 1 {
			ws = append(ws, w)
		}
	}
	sort.Strings(ws)
	return strings.Join(ws, "|")
}

// boundCues are the words every match of boundRe holds one of.
var boundCues = newCueSet("max", "min", "limit", "up ", "at most", "at least", "no more", "fewer", "more than", "less than")

// boundNumberWords returns the spelled-out numbers of text a bound phrase
// gives (boundRe), as Numbers' quantities of Dimension "number", the word
// as their Text.
func boundNumberWords(text string) []Quantity {
	if !boundCues.in(text) {
		return nil // no bound word: no regexp
	}
	var out []Quantity
	for _, m := range boundRe.FindAllStringSubmatchIndex(text, -1) {
		w := text[m[2]:m[3]]
		v := numberWords[strings.ToLower(w)]
		out = append(out, Quantity{Text: w, Value: v, Low: v, Dimension: "number", Start: m[2], End: m[3]})
	}
	return out
}

// NumberWord returns the value of a number as a word or digits ("two",
// "12", "1,000"); ok is false for any other word ("a" and "an" too).
func NumberWord(w string) (float64, bool) {
	w = strings.ToLower(w)
	if w == "a" || w == "an" {
		return 0, false
	}
	if v, ok := numberWords[w]; ok {
		return v, true
	}
	if wordNumberRe.FindString(w) == w && w != "" {
		return parseNumber(w), true
	}
	return 0, false
}

// NumberSpelling returns the word that spells a whole number NumberWord
// reads ("two" for 2), "" for a number it spells none of.
func NumberSpelling(v float64) string {
	for w, n := range numberWords {
		if n == v && w != "a" && w != "an" {
			return w
		}
	}
	return ""
}

// numberPattern is a number as notes write it: "75", "1,000", "2.5".
const numberPattern = `\d+(?:,\d{3})*(?:\.\d+)?`

var wordNumberRe = lazyRE(numberPattern)

// ambiguousUnit is the one unit letter of time with two readings: minutes
// in "5m", months in a retention table's "15m".
const ambiguousUnit = "m"

// spelledUnit returns the word a unit of time unitOf knows is spelled as
// in full: the longest singular word of unitOf whose plural (word + "s")
// unitOf also knows, with the same factor ("d" -> "day", "hrs" -> "hour",
// not "hr"). ok is false for a unit already in full, for ambiguousUnit and
// for any other.
func spelledUnit(unit string) (string, bool) {
	unit = strings.ToLower(unit)
	u, known := unitOf[unit]
	if !known || u.dim != "duration" || unit == ambiguousUnit {
		return "", false
	}
	var full string
	for w, v := range unitOf {
		if v == u && unitOf[w+"s"] == u && (len(w) > len(full) || len(w) == len(full) && w < full) {
			full = w
		}
	}
	if full == "" || unit == full || unit == full+"s" {
		return "", false
	}
	return full, true
}

var abbreviatedRe = lazyRE(`^(\d+(?:[.,]\d+)*)\s*([a-zA-Z]+)$`)

// SpellOut writes a value the notes give with an abbreviated unit of time
// with the unit in full: "63d" → "63 days", "1 h" → "1 hour", "300s" →
// "300 seconds". ok is false, and the text is returned unchanged, for
// anything else: several quantities or words around one, a unit already in
// full, or an abbreviation with more than one reading ("15m").
func SpellOut(text string) (string, bool) {
	m := abbreviatedRe.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return text, false
	}
	w, ok := spelledUnit(m[2])
	if !ok {
		return text, false
	}
	if parseNumber(m[1]) != 1 {
		w += "s"
	}
	return m[1] + " " + w, true
}

// Alternative returns the other reading of a duration whose unit is
// ambiguousUnit: the quantity reads "15m" as 15 minutes, but a retention
// table's "15m" is 15 months. ok is false for every other quantity.
func (q Quantity) Alternative() (Quantity, bool) {
	m := abbreviatedRe.FindStringSubmatch(q.Text)
	if m == nil || q.Dimension != "duration" || !strings.EqualFold(m[2], ambiguousUnit) {
		return q, false
	}
	alt := q
	alt.Value = parseNumber(m[1]) * unitOf["month"].factor
	alt.Low = alt.Value
	return alt, true
}
