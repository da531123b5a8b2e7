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

// cleanItems trims a list's parts into items; the first part keeps only
// what follows its last preposition when it is longer than an item (and
// none when a negation comes before it); an empty part is skipped. It
// returns nil when a part is too long for an item.
func cleanItems(parts []string, lx *Lexicon, chain bool) []string {
	var out []string
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if j := strings.LastIndex(p, " ("); j > 0 && strings.HasSuffix(p, ")") {
			p = strings.TrimSpace(p[:j])
		}
		p = strings.Trim(p, " \"'`*_")
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
