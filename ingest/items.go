package ingest

import "strings"

// maxLineItemWords bounds the words of one item of a line's list.
const maxLineItemWords = 5

// LineItems returns the list a note line ends with, in order, the words
// that head it (before its ": ", "" when none), and whether
// it is a chain ("Pending -> Pending:Wait -> InService") rather than a set:
// the part after the line's last ": " ("pool states: Stopped, Running,
// Hibernated"), else the run of items a line closes with after its last
// preposition ("Managed rotation out of the box for RDS, Aurora, Redshift
// and DocumentDB"). Items are split at commas (not inside a number such as
// "1,000"), semicolons, " and ", " or ", " / ", " + " and arrows, outside
// parentheses; a parenthesis closing an item is dropped ("missing
// (default)"). It returns nil unless the list has at least two items of at
// most five words each. lx may be nil (no preposition cut).
func LineItems(text string, lx *Lexicon) (head string, items []string, chain bool) {
	t := strings.TrimSpace(text)
	t = strings.TrimLeft(t, "-*•·+> \t")
	t = strings.TrimRight(t, " .;!")
	if i := strings.LastIndex(t, ": "); i >= 0 {
		head, t = t[:i], t[i+2:]
	}
	for _, arrow := range []string{"->", "→", "=>", " > "} {
		if strings.Contains(t, arrow) {
			parts := strings.Split(t, arrow)
			if out := cleanItems(parts, lx, true); len(out) >= 2 {
				return head, out, true
			}
			return "", nil, false
		}
	}
	var parts []string
	for _, it := range splitListSpans(t) {
		parts = append(parts, it.text)
	}
	out := cleanItems(parts, lx, false)
	if len(out) < 2 {
		return "", nil, false
	}
	return head, out, false
}

// AnswerText returns an answer's text without the label or chain arrow
// that opens it: a flashcard's answer label in any case ("a: No. Memory
// ..." gives "No. Memory ..."; see answerLabels) or an arrow ("=> RDS,
// Aurora" gives "RDS, Aurora"; see chainArrows). Other text comes back
// trimmed.
func AnswerText(text string) string {
	t := strings.TrimSpace(text)
	for _, l := range answerLabels {
		if len(t) >= len(l) && strings.EqualFold(t[:len(l)], l) {
			return strings.TrimSpace(t[len(l):])
		}
	}
	for _, a := range chainArrows {
		if strings.HasPrefix(t, a) {
			return strings.TrimSpace(t[len(a):])
		}
	}
	return t
}

// Asks reports whether a sentence is a question: it ends with "?" (before
// closing quotes or brackets).
func Asks(s string) bool {
	return strings.HasSuffix(strings.TrimRight(strings.TrimSpace(s), `"')]`), "?")
}

// CutArrow cuts a list item at its first chain arrow (see chainArrows):
// "Hibernated -> fast scale-out" gives "Hibernated", what the list leads
// to being no item. ok is false when the item holds no arrow after its
// first byte.
func CutArrow(item string) (before string, ok bool) {
	at := -1
	for _, arrow := range chainArrows {
		if k := strings.Index(item, arrow); k > 0 && (at < 0 || k < at) {
			at = k
		}
	}
	if at < 0 {
		return item, false
	}
	return strings.TrimSpace(item[:at]), true
}

// cleanItems trims a list's parts into items; the first part keeps only
// what follows its last preposition when it is longer than an item (and
// none when a negation comes before it); an empty part is skipped. It
// returns nil when a part is too long for an item.
func cleanItems(parts []string, lx *Lexicon, chain bool) []string {
	var out []string
	for i, p := range parts {
		p = trimItem(p)
		f := strings.Fields(p)
		if i == 0 && len(f) > maxLineItemWords && !chain && lx != nil {
			k := len(f) - 1
			for k > 0 && !lx.IsPreposition(f[k-1]) {
				k--
			}
			if k == 0 {
				return nil
			}
			for _, w := range f[:k] {
				if lx.IsNegation(w) {
					return nil // "without the need to open inbound ports, ...": what it spares, not what it is
				}
			}
			f = f[k:]
			p = strings.Join(f, " ")
		}
		if len(f) == 0 {
			continue // ", and multi-site": the empty part between a comma and its "and"
		}
		if len(f) > maxLineItemWords {
			return nil
		}
		out = append(out, p)
	}
	return out
}

// InlineList is a run of coordinated items inside a sentence: "tfsec
// (Terraform) and cfn-nag (CloudFormation)" of "use static analysis tools
// like tfsec (Terraform) and cfn-nag (CloudFormation) to scan for ...".
type InlineList struct {
	Items  []string // in order, each at most maxLineItemWords words
	Before string   // the (up to four) words before the first item: what the list is of
}

// InlineLists returns the runs of two or more short coordinated items a
// sentence holds anywhere in it, in order: parts split at commas,
// semicolons, " and " and " or " (outside parentheses) of at most
// maxLineItemWords words, the first cut after the last word that opens a
// list ("... logging tools such as Logstash"), the last cut before the
// first word that closes one ("cfn-nag (CloudFormation) to scan for ...")
// unless it ends the sentence (openers and closers: Lexicon.ListOpener,
// ListCloser). Items lose a leading article and a closing parenthesis. lx
// may be nil (no openers or closers: lists only where a sentence splits).
func InlineLists(text string, lx *Lexicon) []InlineList {
	t := strings.TrimRight(strings.TrimSpace(text), " .;!")
	segs := coordinationSpans(t)
	opener := func(w string) bool { return lx.ListOpener(strings.Trim(w, ",;:()")) }
	closer := func(w string) bool { return lx.ListCloser(strings.Trim(w, ",;:()")) }
	var out []InlineList
	for i := 0; i < len(segs); {
		f := strings.Fields(segs[i].text)
		k := len(f)
		for k > 0 && !opener(f[k-1]) {
			k--
		}
		first := f[k:]
		if len(first) == 0 || len(first) > maxLineItemWords || i+1 == len(segs) || strings.Contains(strings.Join(first, " "), "*") {
			i++
			continue
		}
		before := f[max(0, k-4):k]
		if k < 4 && i > 0 {
			before = f[:k] // the words of this part: an earlier part is another clause
		}
		items := []string{strings.Join(first, " ")}
		j := i + 1
		for ; j < len(segs); j++ {
			g := strings.Fields(segs[j].text)
			if len(g) == 0 {
				continue
			}
			if w := strings.ToLower(g[0]); lx != nil && (lx.verbs[w] || lx.IsNegation(w)) || strings.Contains(segs[j].text, "*") {
				break // "and can not be used ...": a clause, not an item
			}
			last := j+1 == len(segs)
			c := 1
			for c < len(g) && !closer(g[c]) {
				c++
			}
			o := len(g)
			for o > 1 && !(lx != nil && lx.openers[strings.ToLower(g[o-1])]) {
				o--
			}
			switch {
			case o > 1 && o < len(g) && len(g) <= maxLineItemWords:
				// "logging tools such as Logstash": the item after "such as"
				// (a preposition stays: "a reboot with failover")
				items = append(items, strings.Join(g[o:], " "))
				continue
			case len(g) <= maxLineItemWords && (c == len(g) || last):
				items = append(items, strings.Join(g, " "))
				continue
			case c <= maxLineItemWords && c < len(g):
				items = append(items, strings.Join(g[:c], " "))
			}
			break
		}
		if len(items) >= 2 {
			if clean := cleanInline(items); len(clean) >= 2 {
				out = append(out, InlineList{Items: clean, Before: strings.Join(before, " ")})
			}
			i = j
			continue
		}
		i++
	}
	return append(out, parenLists(t, lx)...)
}

// parenLists returns the lists a sentence writes in parentheses after
// what they are of: "monitor host metrics to become custom metrics
// (per-core CPU, memory, disk)" gives per-core CPU, memory, disk, of
// "to become custom metrics". A parenthesis of fewer than two items, or of
// an item longer than maxLineItemWords words, is no list, and neither is
// one a negation opens ("(no Lambda, email or HTTP endpoints)": what the
// sentence excludes).
func parenLists(t string, lx *Lexicon) []InlineList {
	var out []InlineList
	for from := 0; ; {
		open := strings.IndexByte(t[from:], '(')
		if open < 0 {
			return out
		}
		open += from
		end := strings.IndexByte(t[open:], ')')
		if end < 0 {
			return out
		}
		end += open
		from = end + 1
		inner := strings.Fields(t[open+1 : end])
		if len(inner) == 0 || lx != nil && lx.Negates(strings.ToLower(inner[0])) {
			continue
		}
		var items []string
		for _, sp := range splitSpans(t[open+1:end], []string{" and ", " or "}, false) {
			it := strings.TrimSpace(sp.text)
			if it == "" {
				continue
			}
			if countFields(it) > maxLineItemWords {
				items = nil
				break
			}
			items = append(items, it)
		}
		if clean := cleanInline(items); len(clean) >= 2 {
			before := strings.Fields(t[:open])
			out = append(out, InlineList{Items: clean, Before: strings.Join(before[max(0, len(before)-4):], " ")})
		}
	}
}

// trimItem trims a list item: a parenthesis that closes it ("missing
// (default)", "tfsec (Terraform)"), quotes and emphasis.
func trimItem(p string) string {
	p = strings.TrimSpace(p)
	if j := strings.LastIndex(p, " ("); j > 0 && strings.HasSuffix(p, ")") {
		p = strings.TrimSpace(p[:j])
	}
	return strings.Trim(p, " \"'`*_")
}

// cleanInline trims items of an inline list: a leading article, a closing
// parenthesis ("tfsec (Terraform)"), quotes and emphasis.
func cleanInline(items []string) []string {
	var out []string
	for _, it := range items {
		it = strings.TrimSpace(it)
		if it = trimItem(trimArticle(it)); it != "" {
			out = append(out, it)
		}
	}
	return out
}

// trimArticle drops the articles that open a phrase ("an Amazon SQS
// queue" → "Amazon SQS queue"; "a the" in a garbled line, both).
func trimArticle(s string) string {
	for {
		t := s
		for _, art := range []string{"a ", "an ", "the ", "A ", "An ", "The "} {
			t = strings.TrimPrefix(t, art)
		}
		if t == s {
			return s
		}
		s = t
	}
}

// coordinationSpans splits a sentence at commas, semicolons, " and " and
// " or " outside parentheses (not inside "1,000"), every one of them: the
// runs of InlineLists decide which parts are items.
func coordinationSpans(s string) []listItem {
	return splitSpans(s, []string{" and ", " or "}, false)
}

// ItemKind is how a list item's line names its item.
type ItemKind int

// The ways a line names the item it describes.
const (
	ItemNone    ItemKind = iota // the line names no item of its own
	ItemCode                    // "`Retain` keeps the resource", "**Install**: ..."
	ItemColon                   // "SSE-KMS: Server-side encryption using own KMS key"
	ItemParen                   // "Retain (keep the resource ...)"
	ItemDash                    // "Scan - report missing patches", "Operation Scan = report ..."
	ItemCommand                 // "git clone git_repo_url --mirror to create bare repo"
	ItemRow                     // a table row's line: "missing; Description: Missing datapoints are ..."
	ItemIdent                   // "LOCAL_SOURCE_CACHE keeps the Git metadata": an upper-case identifier, then what it does
)

// maxCommandTokens bounds the tokens of a command an item's line opens with.
const maxCommandTokens = 6

// commandName returns the command line an item's text opens with: a
// lower-case program and its arguments, up to the first word that opens a
// clause about it ("git clone git_repo_url --mirror to create bare repo" →
// "git clone git_repo_url --mirror"), holding a flag or an argument that is
// no English word (an identifier, a path, a placeholder); "" for any other
// text.
func commandName(t string) string {
	fs := strings.Fields(t)
	if len(fs) < 2 || !isProgramName(fs[0]) {
		return ""
	}
	var cmd []string
	argLike := false
	for _, f := range fs {
		if len(cmd) > 0 && (f == "to" || f == "for" || f == "so" || f == "and" || f == "then" || f == "=" || f == "-" || f == "->" || f == ">" || strings.HasPrefix(f, "(")) {
			break
		}
		if strings.HasSuffix(f, ":") {
			return "" // "policy present: All updates ...": a label, no command
		}
		if len(cmd) == maxCommandTokens {
			return ""
		}
		cmd = append(cmd, f)
		if len(cmd) > 1 && (len(f) > 1 && f[0] == '-' || strings.ContainsAny(f, "_/.:=")) {
			argLike = true
		}
	}
	if !argLike || len(cmd) < 2 {
		return ""
	}
	return strings.Join(cmd, " ")
}

// isProgramName reports whether a word can name a program on a command
// line: lower-case letters, digits and dashes, starting with a letter.
func isProgramName(w string) bool {
	for k, r := range w {
		switch {
		case r >= 'a' && r <= 'z':
		case k > 0 && (r >= '0' && r <= '9' || r == '-'):
		default:
			return false
		}
	}
	return w != ""
}

// maxItemNameWords bounds the words of a name an item's line opens with.
const maxItemNameWords = 4

// ItemName returns the name a list item's line opens with and how it names
// it: a leading code or bold span, the words before ": ", " (", " - ", " –
// " or " = " (at most four, starting with no lower-case word but a
// code-like one), else ItemNone.
func ItemName(text string) (string, ItemKind) {
	t := trimBullet(text)
	for _, q := range []string{"`", "**", "__"} {
		if strings.HasPrefix(t, q) {
			if j := strings.Index(t[len(q):], q); j > 0 {
				name := strings.Trim(t[len(q):len(q)+j], " :")
				if name != "" && countFields(name) <= maxItemNameWords {
					return name, ItemCode
				}
			}
			return "", ItemNone
		}
	}
	if cmd := commandName(t); cmd != "" {
		return cmd, ItemCommand
	}
	if k := strings.Index(t, "; "); k > 0 && countFields(t[:k]) <= maxItemNameWords {
		// a table row as its statement reads: the key, then "Column: cell"
		if label, _, ok := strings.Cut(t[k+2:], ": "); ok && countFields(label) <= maxItemNameWords && startsUpperOrDigit(label) {
			return strings.TrimSpace(t[:k]), ItemRow
		}
	}
	best, kind := -1, ItemNone
	for _, sep := range []struct {
		s string
		k ItemKind
	}{{": ", ItemColon}, {" (", ItemParen}, {" - ", ItemDash}, {" – ", ItemDash}, {" = ", ItemDash}} {
		if j := strings.Index(t, sep.s); j > 0 && (best < 0 || j < best) {
			best, kind = j, sep.k
		}
	}
	if best < 0 {
		return identLead(t)
	}
	name := strings.TrimSpace(t[:best])
	f := strings.Fields(name)
	if len(f) == 0 || len(f) > maxItemNameWords || !nameWord(f[0]) {
		return identLead(t)
	}
	return name, kind
}

// identLead returns the upper-case identifier an item opens with before
// the words that say what it does ("LOCAL_SOURCE_CACHE keeps the Git
// metadata ..."): capitals and digits joined by underscores, two parts or
// more; ItemNone for any other item.
func identLead(t string) (string, ItemKind) {
	f := strings.Fields(t)
	if len(f) < 2 {
		return "", ItemNone
	}
	w := strings.TrimRight(f[0], ",;")
	parts := strings.Split(w, "_")
	if len(parts) < 2 {
		return "", ItemNone
	}
	for _, p := range parts {
		if p == "" || strings.IndexFunc(p, func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') }) >= 0 {
			return "", ItemNone
		}
	}
	return w, ItemIdent
}

// trimBullet returns an item's text without its bullet or its step's
// number ("1. `install` - ..."), not "**bold**".
func trimBullet(text string) string {
	t := strings.TrimSpace(text)
	for _, m := range []string{"- ", "* ", "• ", "· ", "+ "} {
		t = strings.TrimSpace(strings.TrimPrefix(t, m))
	}
	if j := strings.IndexAny(t, ".)"); j > 0 && j <= 3 && isDigits(t[:j]) && strings.HasPrefix(t[j+1:], " ") {
		t = strings.TrimSpace(t[j+1:])
	}
	return t
}

// ItemLabel returns the label of a list item that glosses it after its
// first ": " or dash, lower-case too ("- superseded: default, newer run
// replaces ..." → "superseded"): at most four words; "" for any other
// item. ItemName is stricter: it takes only words that look like names.
func ItemLabel(text string) string {
	return glossedLabel(trimBullet(text))
}

// nameWord reports whether a word can open a name: it starts with a
// capital or a digit, or holds one after its first letter, or punctuation
// ("ssm", "pre_build", "cfn-init" are names; "the", "can" are not).
func nameWord(w string) bool {
	for k, r := range w {
		switch {
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			return true
		case k > 0 && (r == '_' || r == '-' || r == '.' || r == ':'):
			return true
		}
	}
	return false
}
