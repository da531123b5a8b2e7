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
	byFirst [256][]string // the words by their first byte
}

// newCueSet returns the set of words, which must be non-empty and lower
// case.
func newCueSet(words ...string) *cueSet {
	c := &cueSet{}
	for _, w := range words {
		c.byFirst[w[0]] = append(c.byFirst[w[0]], w)
	}
	return c
}

// in reports whether text contains one of the words, ignoring case.
func (c *cueSet) in(text string) bool {
	if !isASCII(text) {
		text = strings.ToLower(text) // lower-casing may change a non-ASCII text's bytes
	}
	for i := 0; i < len(text); i++ {
		b := text[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		for _, w := range c.byFirst[b] {
			if len(text)-i >= len(w) && equalLowerASCII(text[i+1:i+len(w)], w[1:]) {
				return true
			}
		}
	}
	return false
}

// equalLowerASCII reports whether s lower-cased (ASCII letters only) is
// the lower-case w of the same length.
func equalLowerASCII(s, w string) bool {
	for i := 0; i < len(w); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}
