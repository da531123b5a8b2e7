package graph

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// N-Quads as awskg reads them, and writes them in Cayley's dialect
// (cayley-nquads), where a fact's source is its graph label, a literal
// ("data/notes/002.txt:745"). The standard nquads export maps every term
// under RDFBase first (see rdf.go) and is read with the same parser.
//
// Node IDs are arbitrary strings (see Slug), but an N-Quads IRI cannot hold
// a space, a control character or any of <>"{}|^`\. Export percent-encodes
// those bytes, '%' itself and invalid UTF-8 in every IRI ("service:my tool"
// is written <service:my%20tool>); Import decodes them, so the round trip is
// exact for any ID.
//
// Import reads line by line and accepts only well-formed quads: three or four
// terms, each an <IRI>, a "literal" (with ^^<type> or @lang) or a _:blank
// node, then ".". Cayley's own reader also takes bare words as literals,
// which reads `<service:my tool> <name> "My Tool" .` as four shifted terms;
// here that line is an error naming the file and line.

// maxNQuadLine bounds one line of an N-Quads import.
const maxNQuadLine = 16 << 20

// escapeIRIs returns q with its IRIs percent-encoded for N-Quads.
func escapeIRIs(q quad.Quad) quad.Quad {
	esc := func(v quad.Value) quad.Value {
		if i, ok := v.(quad.IRI); ok {
			return quad.IRI(escapeIRI(string(i)))
		}
		return v
	}
	q.Subject, q.Predicate, q.Object, q.Label = esc(q.Subject), esc(q.Predicate), esc(q.Object), esc(q.Label)
	return q
}

// escapeIRI percent-encodes the bytes of s that an N-Quads IRI cannot hold,
// '%' and invalid UTF-8. Other characters, non-ASCII ones included, stay.
func escapeIRI(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || iriEscaped(s[i]) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || size == 1 && iriEscaped(s[i]) {
			fmt.Fprintf(&b, "%%%02X", s[i])
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// iriEscaped reports an ASCII byte escapeIRI encodes.
func iriEscaped(c byte) bool {
	return c <= ' ' || c == 0x7f || strings.IndexByte("<>\"{}|^`\\%", c) >= 0
}

// readNQuads reads the quads of r, one a line; blank lines and comments are
// skipped. Each quad goes through conv when it is not nil. A malformed line,
// or one conv refuses, is an EINVALID error "name:line: ...".
func readNQuads(ctx context.Context, name string, r io.Reader, conv func(quad.Quad) (quad.Quad, error)) ([]quad.Quad, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxNQuadLine)
	var out []quad.Quad
	n := 0
	for sc.Scan() {
		n++
		if n%exportChunk == 0 {
			if err := ctx.Err(); err != nil {
				return nil, &Error{Code: ETIMEOUT, Message: "import nquads", Err: err}
			}
		}
		q, ok, err := parseNQuad(sc.Text())
		if ok && conv != nil {
			q, err = conv(q)
		}
		if err != nil {
			return nil, &Error{Code: EINVALID, Message: fmt.Sprintf("%s:%d", name, n), Err: err}
		}
		if ok {
			out = append(out, q)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, Errorf(EINVALID, "%s:%d: line longer than %d MiB", name, n+1, maxNQuadLine>>20)
		}
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: "import nquads", Err: err}
	}
	return out, nil
}

// term kinds of an N-Quads line.
const (
	termIRI = iota
	termBlank
	termLiteral
)

// parseNQuad reads one line: ok is false for a blank line or a comment.
func parseNQuad(line string) (q quad.Quad, ok bool, err error) {
	t := strings.TrimSpace(line)
	if t == "" || t[0] == '#' {
		return quad.Quad{}, false, nil
	}
	kinds, err := lexNQuad(t)
	if err != nil {
		return quad.Quad{}, false, err
	}
	q, err = nquads.Parse(t)
	if err != nil {
		return quad.Quad{}, false, err
	}
	vals := []*quad.Value{&q.Subject, &q.Predicate, &q.Object, &q.Label}
	for i, v := range vals {
		if i >= len(kinds) {
			if *v != nil {
				return quad.Quad{}, false, errors.New("cannot read the quad")
			}
			continue
		}
		switch x := (*v).(type) {
		case quad.IRI:
			if kinds[i] != termIRI {
				return quad.Quad{}, false, errors.New("cannot read the quad")
			}
			id, err := url.PathUnescape(string(x))
			if err != nil {
				return quad.Quad{}, false, fmt.Errorf("IRI %s: %w", x, err)
			}
			*v = quad.IRI(id)
		case quad.BNode:
			if kinds[i] != termBlank {
				return quad.Quad{}, false, errors.New("cannot read the quad")
			}
		case nil:
			return quad.Quad{}, false, errors.New("cannot read the quad")
		default:
			if kinds[i] != termLiteral {
				return quad.Quad{}, false, errors.New("cannot read the quad")
			}
		}
	}
	return q, true, nil
}

// lexNQuad checks that t is one well-formed quad and returns the kinds of
// its terms. Its errors say what is wrong in one line.
func lexNQuad(t string) ([]int, error) {
	var kinds []int
	rest := t
	for {
		rest = strings.TrimLeft(rest, " \t")
		if rest == "" {
			return nil, errors.New(`the quad does not end with "."`)
		}
		var n, kind int
		var err error
		switch rest[0] {
		case '.':
			after := strings.TrimLeft(rest[1:], " \t")
			if after != "" && after[0] != '#' {
				return nil, fmt.Errorf("unexpected %s after the final \".\"", quoteWord(after))
			}
			return kinds, checkTerms(kinds)
		case '<':
			n, err = lexIRI(rest)
			kind = termIRI
		case '"':
			n, err = lexLiteral(rest)
			kind = termLiteral
		case '_':
			n, err = lexBlank(rest)
			kind = termBlank
		default:
			return nil, fmt.Errorf("unexpected %s: a term is an <IRI>, a \"literal\" or a _:blank node", quoteWord(rest))
		}
		if err != nil {
			return nil, err
		}
		kinds = append(kinds, kind)
		if len(kinds) > 4 {
			return nil, errors.New(`more than four terms before the final "."`)
		}
		rest = rest[n:]
	}
}

// checkTerms checks the number and kinds of a quad's terms.
func checkTerms(kinds []int) error {
	switch {
	case len(kinds) < 3:
		return fmt.Errorf("%d terms, a quad has a subject, a predicate, an object and an optional label", len(kinds))
	case kinds[0] == termLiteral:
		return errors.New("the subject is a literal, not an <IRI> or a _:blank node")
	case kinds[1] != termIRI:
		return errors.New("the predicate is not an <IRI>")
	}
	return nil
}

// lexIRI returns the length of the IRI s starts with.
func lexIRI(s string) (int, error) {
	for i := 1; i < len(s); i++ {
		c := s[i]
		if c == '>' {
			return i + 1, nil
		}
		if c < utf8.RuneSelf && iriEscaped(c) && c != '%' {
			shown := s
			if j := strings.IndexByte(s, '>'); j > 0 {
				shown = s[:j+1]
			}
			return 0, fmt.Errorf("IRI %s holds %s, which N-Quads IRIs cannot (write it %%-encoded: %%%02X)", clipText(shown), charName(c), c)
		}
	}
	return 0, fmt.Errorf("IRI %s has no closing \">\"", clipText(s))
}

// lexLiteral returns the length of the literal s starts with, its ^^<type>
// or @lang included.
func lexLiteral(s string) (int, error) {
	i := 1
	for ; ; i++ {
		if i >= len(s) {
			return 0, fmt.Errorf("literal %s has no closing quote", clipText(s))
		}
		if s[i] == '"' {
			i++
			break
		}
		if s[i] != '\\' {
			continue
		}
		i++
		if i >= len(s) {
			return 0, fmt.Errorf("literal %s has no closing quote", clipText(s))
		}
		switch s[i] {
		case 't', 'b', 'n', 'r', 'f', '"', '\'', '\\':
		case 'u', 'U':
			digits := 4
			if s[i] == 'U' {
				digits = 8
			}
			if i+digits >= len(s) || strings.IndexFunc(s[i+1:i+1+digits], func(r rune) bool { return !isHex(r) }) >= 0 {
				return 0, fmt.Errorf("literal %s has a bad \\%c escape", clipText(s[:min(len(s), i+1+digits)]), s[i])
			}
			i += digits
		default:
			return 0, fmt.Errorf("literal %s has a bad escape \\%c", clipText(s[:i+1]), s[i])
		}
	}
	switch {
	case strings.HasPrefix(s[i:], "^^"):
		if !strings.HasPrefix(s[i+2:], "<") {
			return 0, fmt.Errorf("the type of literal %s is not an <IRI>", clipText(s[:i]))
		}
		n, err := lexIRI(s[i+2:])
		return i + 2 + n, err
	case strings.HasPrefix(s[i:], "@"):
		j := i + 1
		for j < len(s) && (isASCIILetter(s[j]) || j > i+1 && (s[j] == '-' || s[j] >= '0' && s[j] <= '9')) {
			j++
		}
		if j == i+1 {
			return 0, fmt.Errorf("literal %s has an empty language tag", clipText(s[:i]))
		}
		return j, nil
	}
	return i, nil
}

// lexBlank returns the length of the blank node label s starts with.
func lexBlank(s string) (int, error) {
	if !strings.HasPrefix(s, "_:") {
		return 0, fmt.Errorf("unexpected %s: a term is an <IRI>, a \"literal\" or a _:blank node", quoteWord(s))
	}
	i := 2
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("_-.:·", r)) {
			break
		}
		i += size
	}
	for i > 2 && s[i-1] == '.' { // a label does not end with '.': that is the quad's end
		i--
	}
	if i == 2 {
		return 0, fmt.Errorf("blank node %s has no label", quoteWord(s))
	}
	return i, nil
}

func isHex(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F'
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// charName names a byte an IRI cannot hold, for messages.
func charName(c byte) string {
	switch c {
	case ' ':
		return "a space"
	case '\t':
		return "a tab"
	}
	if c < ' ' || c == 0x7f {
		return fmt.Sprintf("the control character %q", c)
	}
	return fmt.Sprintf("%q", c)
}

// quoteWord quotes the word s starts with, for messages.
func quoteWord(s string) string {
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		s = s[:i]
	}
	return fmt.Sprintf("%q", clipText(s))
}

// clipText shortens s to 60 bytes for messages.
func clipText(s string) string {
	if len(s) <= 60 {
		return s
	}
	cut := 60
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
