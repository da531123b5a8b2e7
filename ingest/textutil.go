package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Small text helpers that answer what a strings call would, without
// allocating: extraction asks them of every sentence many times.

// asciiSpace marks the ASCII bytes unicode.IsSpace reports as space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// countFields returns len(strings.Fields(s)) without building the fields.
func countFields(s string) int {
	n, inField := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			inField = false
		} else if !inField {
			inField = true
			n++
		}
	}
	return n
}

// inLower reports set[strings.ToLower(w)], without lower-casing into a new
// string when w is ASCII and short.
func inLower[V any](set map[string]V, w string) (V, bool) {
	var buf [64]byte
	if len(w) <= len(buf) {
		ascii := true
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		if ascii {
			v, ok := set[string(buf[:len(w)])]
			return v, ok
		}
	}
	v, ok := set[strings.ToLower(w)]
	return v, ok
}

// isLowerIn reports set[strings.ToLower(w)] for a set of flags.
func isLowerIn(set map[string]bool, w string) bool {
	v, _ := inLower(set, w)
	return v
}

// isASCII reports whether s is ASCII only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// cueSet finds any of a set of lower-case words in a text whatever its
// case: whether strings.Contains(strings.ToLower(text), w) for a word w,
// in one pass and without lower-casing an ASCII text. It is a cheap filter
// before a regular expression.
type cueSet struct {
	byFirst [256][]string // the words of two bytes or more by their first byte
	// second[b] has bit c&63 set when a word of two bytes or more starts
	// with the bytes b, c: most byte pairs of a text start no word
	second [256]uint64
	single [256]bool // the words of one byte
	wide   bool      // a word has a non-ASCII byte
}

// newCueSet returns the set of words, which must be lower case; empty
// words are ignored.
func newCueSet(words ...string) *cueSet {
	c := &cueSet{}
	for _, w := range words {
		c.wide = c.wide || !isASCII(w)
		switch len(w) {
		case 0:
		case 1:
			c.single[w[0]] = true
		default:
			c.byFirst[w[0]] = append(c.byFirst[w[0]], w)
			c.second[w[0]] |= 1 << (w[1] & 63)
		}
	}
	return c
}

// in reports whether text contains one of the words, ignoring case.
func (c *cueSet) in(text string) bool {
	if !isASCII(text) && (c.wide || lowersToASCII(text)) {
		text = strings.ToLower(text)
	}
	for i := 0; i < len(text); i++ {
		b := lowerByte(text[i])
		if c.single[b] {
			return true
		}
		if i+1 == len(text) || c.second[b]&(1<<(lowerByte(text[i+1])&63)) == 0 {
			continue
		}
		for _, w := range c.byFirst[b] {
			if len(text)-i >= len(w) && equalLowerASCII(text[i+1:i+len(w)], w[1:]) {
				return true
			}
		}
	}
	return false
}

// mayMatch reports whether a case-insensitive regular expression that
// matches only texts with one of the words could match text: in, or the
// text has a character that case folding equates with an ASCII letter but
// strings.ToLower does not turn into it ('ſ', the Kelvin sign).
func (c *cueSet) mayMatch(text string) bool {
	return c.in(text) || !isASCII(text) && strings.ContainsAny(text, "\u017f\u212a")
}

// lowersToASCII reports whether strings.ToLower turns a character of text
// that is not ASCII into an ASCII one ('İ' → 'i', the Kelvin sign → 'k');
// no other character does. Without one, lower-casing a text changes no
// ASCII byte and makes none, so an ASCII word is in the lower-cased text
// where it is in the text with its ASCII letters lower-cased.
func lowersToASCII(text string) bool {
	return strings.Contains(text, "\u0130") || strings.Contains(text, "\u212a")
}

// lowerByte lower-cases an ASCII letter.
func lowerByte(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// equalLowerASCII reports whether s lower-cased (ASCII letters only) is
// the lower-case w of the same length.
func equalLowerASCII(s, w string) bool {
	for i := 0; i < len(w); i++ {
		if lowerByte(s[i]) != w[i] {
			return false
		}
	}
	return true
}

// headFields fills buf with the first fields of s, as strings.Fields splits
// it, and returns them with the number of fields s has, counted up to
// len(buf)+1 (more is "more than buf holds"): it reads no further.
func headFields(s string, buf []string) (head []string, total int) {
	head = buf[:0]
	start := -1
	for i := 0; i <= len(s) && total <= len(buf); {
		space, size := true, 1
		if i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				space = asciiSpace[c]
			} else {
				var r rune
				r, size = utf8.DecodeRuneInString(s[i:])
				space = unicode.IsSpace(r)
			}
		}
		switch {
		case !space && start < 0:
			start = i
		case space && start >= 0:
			if total < len(buf) {
				head = append(head, s[start:i])
			}
			total++
			start = -1
		}
		i += size
	}
	return head, total
}

// singleSpaced reports whether strings.Join(strings.Fields(s), " ") is s:
// s neither starts nor ends with a blank and has no blank but single
// spaces.
func singleSpaced(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += size
			continue
		}
		if asciiSpace[c] && (c != ' ' || i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return false
		}
		i++
	}
	return true
}

// dropCheckbox returns a list item's text without the checkbox a task list
// opens it with ("[ ] Docker image builds need privileged mode", "[x]
// ...", Org-mode's "[X]" and "[-]"): a checkbox is no part of the item.
func dropCheckbox(text string) string {
	for _, box := range [...]string{"[ ] ", "[x] ", "[X] ", "[-] "} {
		if strings.HasPrefix(text, box) {
			return strings.TrimLeft(text[len(box):], " ")
		}
	}
	return text
}

// isArticle reports whether a lower-case word is an article ("a", "an",
// "the").
func isArticle(w string) bool { return w == "a" || w == "an" || w == "the" }
