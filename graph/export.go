package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	_ "github.com/cayleygraph/quad/dot"     // "graphviz" (alias "dot"), write only
	_ "github.com/cayleygraph/quad/gml"     // "gml", write only
	_ "github.com/cayleygraph/quad/graphml" // "graphml", write only
	_ "github.com/cayleygraph/quad/json"    // "json" and "json-stream"
	_ "github.com/cayleygraph/quad/jsonld"  // "jsonld"
	_ "github.com/cayleygraph/quad/nquads"  // "nquads"
	_ "github.com/cayleygraph/quad/pquads"  // "pquads", binary
)

// formatAliases maps friendlier names to Cayley's format names.
var formatAliases = map[string]string{
	"dot": "graphviz",
	"nq":  "nquads",
}

// lossyImport lists readable formats that cannot read our exports back.
var lossyImport = map[string]string{
	"jsonld": "Cayley's JSON-LD reader drops statements whose graph is a literal, as our source labels are",
}

// exportChunk is how many quads are written between two ctx checks.
const exportChunk = 1000

// ExportFormats returns the names of the formats Export writes, sorted.
func ExportFormats() []string {
	return formatNames(func(f quad.Format) bool { return f.Writer != nil })
}

// ImportFormats returns the names of the formats Import reads, sorted.
func ImportFormats() []string {
	return formatNames(func(f quad.Format) bool { return f.Reader != nil && lossyImport[f.Name] == "" })
}

func formatNames(keep func(quad.Format) bool) []string {
	var names []string
	for _, f := range quad.Formats() {
		if keep(f) {
			names = append(names, f.Name)
		}
	}
	sort.Strings(names)
	return names
}

func lookupFormat(name string) (*quad.Format, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if a, ok := formatAliases[n]; ok {
		n = a
	}
	if f := quad.FormatByName(n); f != nil {
		return f, nil
	}
	return nil, Errorf(EINVALID, "unknown quad format %q (known: %s)", name, strings.Join(ExportFormats(), ", "))
}

// Export writes every quad of s to w in format (see ExportFormats), sorted
// by subject, predicate, object and label so the output is deterministic.
//
// Labels (the note line a fact came from) are kept where the format has room
// for them: the graph label of N-Quads, "label" in JSON, the label field of
// pquads and JSON-LD's graph. GraphML, GML and Graphviz drop them: they are
// for drawing, not for round trips. In N-Quads, the characters an IRI cannot
// hold are percent-encoded (see nquads.go) and literals escape every control
// character (see escapeLiterals). In JSON, a string that Cayley's
// JSON reader would take for another kind of value (one that looks like
// "<iri>", "_:bnode", a quoted or typed literal, or is empty) is written
// quoted, so Import gives it back unchanged.
func Export(ctx context.Context, s *CayleyStore, format string, w io.Writer) error {
	f, err := lookupFormat(format)
	if err != nil {
		return err
	}
	if f.Writer == nil {
		return Errorf(EINVALID, "quad format %q cannot be written", format)
	}
	qs, err := s.allQuads(ctx)
	if err != nil {
		return fmt.Errorf("export %s: %w", f.Name, err)
	}
	switch f.Name {
	case "nquads":
		for i := range qs {
			qs[i] = escapeLiterals(escapeIRIs(qs[i]))
		}
	case "json", "json-stream":
		for i := range qs {
			qs[i] = jsonSafe(qs[i])
		}
	}
	SortQuads(qs)
	qw := f.Writer(w)
	for i := 0; i < len(qs); i += exportChunk {
		if err := ctx.Err(); err != nil {
			qw.Close()
			return &Error{Code: ETIMEOUT, Message: "export " + f.Name, Err: err}
		}
		end := min(i+exportChunk, len(qs))
		if _, err := qw.WriteQuads(qs[i:end]); err != nil {
			qw.Close()
			return fmt.Errorf("export %s: write quads: %w", f.Name, err)
		}
	}
	if err := qw.Close(); err != nil {
		return fmt.Errorf("export %s: %w", f.Name, err)
	}
	return nil
}

// allQuads returns every quad of the store.
func (s *CayleyStore) allQuads(ctx context.Context) ([]quad.Quad, error) {
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		out = append(out, s.qs.Quad(it.Result()))
		if len(out)%exportChunk == 0 {
			if err := ctx.Err(); err != nil {
				return nil, &Error{Code: ETIMEOUT, Message: "read quads", Err: err}
			}
		}
	}
	if err := it.Err(); err != nil {
		return nil, iterErr(ctx, "iterate quads", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, &Error{Code: ETIMEOUT, Message: "read quads", Err: err}
	}
	return out, nil
}

// SortQuads orders quads by subject, predicate, object and label, compared in
// their N-Quads form.
func SortQuads(qs []quad.Quad) {
	key := func(q quad.Quad) [4]string {
		return [4]string{quad.StringOf(q.Subject), quad.StringOf(q.Predicate), quad.StringOf(q.Object), quad.StringOf(q.Label)}
	}
	sort.SliceStable(qs, func(i, j int) bool {
		a, b := key(qs[i]), key(qs[j])
		for k := range a {
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return false
	})
}

// jsonSafe quotes the strings of q that Cayley's JSON reader would not read
// back as the same string (it strips one pair of surrounding quotes).
func jsonSafe(q quad.Quad) quad.Quad {
	fix := func(v quad.Value) quad.Value {
		s, ok := v.(quad.String)
		if !ok {
			return v
		}
		if back, ok := quad.Raw(string(s)).(quad.String); ok && back == s && s != "" {
			return v
		}
		return quad.String(`"` + string(s) + `"`)
	}
	q.Subject, q.Predicate, q.Object = fix(q.Subject), fix(q.Predicate), fix(q.Object)
	if q.Label != nil {
		q.Label = fix(q.Label)
	}
	return q
}

// escapeLiterals gives the literals of q their N-Quads spelling with every
// control character escaped (ECHAR \t \b \n \r \f, else UCHAR \u00XX):
// Cayley's writer escapes only \n, \r and \t, so a note line holding
// terminal escapes would reach the file, and any terminal showing it, raw.
func escapeLiterals(q quad.Quad) quad.Quad {
	fix := func(v quad.Value) quad.Value {
		switch x := v.(type) {
		case quad.String:
			return spelled{v, nquadsString(string(x))}
		case quad.LangString:
			return spelled{v, nquadsString(string(x.Value)) + "@" + x.Lang}
		case quad.TypedString:
			return spelled{v, nquadsString(string(x.Value)) + "^^" + x.Type.String()}
		}
		return v
	}
	q.Subject, q.Predicate, q.Object = fix(q.Subject), fix(q.Predicate), fix(q.Object)
	if q.Label != nil {
		q.Label = fix(q.Label)
	}
	return q
}

// spelled is a value written as text.
type spelled struct {
	quad.Value
	text string
}

func (v spelled) String() string { return v.text }

// nquadsString quotes s as an N-Quads STRING_LITERAL_QUOTE.
func nquadsString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteByte(s[i]) // not UTF-8: kept as it is, as Cayley's writer keeps it
			i++
			continue
		}
		i += size
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if unicode.IsControl(r) {
				fmt.Fprintf(&b, `\u%04X`, r)
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Import reads every quad of r in format (see ImportFormats), in file order;
// name names r in errors. Typed literals that have a native Go form
// (integers, ...) are converted to it, so positions come back as quad.Int.
// N-Quads are read strictly, a malformed line being an EINVALID error
// "name:line: ..." (see nquads.go); other formats name the quad: "name: quad N".
func Import(ctx context.Context, format, name string, r io.Reader) ([]quad.Quad, error) {
	f, err := lookupFormat(format)
	if err != nil {
		return nil, err
	}
	if f.Reader == nil {
		return nil, Errorf(EINVALID, "quad format %q cannot be imported (it is for drawing only; use one of %s)", format, strings.Join(ImportFormats(), ", "))
	}
	if why := lossyImport[f.Name]; why != "" {
		return nil, Errorf(EINVALID, "quad format %q cannot be imported: %s (use one of %s)", format, why, strings.Join(ImportFormats(), ", "))
	}
	if f.Name == "nquads" {
		out, err := readNQuads(ctx, name, r)
		if err != nil {
			return nil, err
		}
		for i, q := range out {
			out[i].Subject, out[i].Predicate, out[i].Object, out[i].Label = native(q.Subject), native(q.Predicate), native(q.Object), native(q.Label)
		}
		return out, nil
	}
	qr := f.Reader(r)
	defer qr.Close()
	var out []quad.Quad
	for {
		if len(out)%exportChunk == 0 {
			if err := ctx.Err(); err != nil {
				return nil, &Error{Code: ETIMEOUT, Message: "import " + f.Name, Err: err}
			}
		}
		q, err := qr.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, &Error{Code: EINVALID, Message: fmt.Sprintf("%s: quad %d", name, len(out)+1), Err: err}
		}
		q.Subject, q.Predicate, q.Object, q.Label = native(q.Subject), native(q.Predicate), native(q.Object), native(q.Label)
		out = append(out, q)
	}
	return out, nil
}

// native converts a typed string to its native value when it has one.
func native(v quad.Value) quad.Value {
	ts, ok := v.(quad.TypedString)
	if !ok {
		return v
	}
	if nv, err := ts.ParseValue(); err == nil {
		return nv
	}
	return v
}

// FromQuads rebuilds nodes and facts from quads in the layout of Quads (see
// ontology.go), the inverse of Quads: details and positions come from the
// fact nodes, matched to their fact by subject, predicate, object and label.
// Nodes are returned sorted by ID with sorted aliases, facts as SortFacts
// orders them. Malformed input (a fact node without its fact, a position that
// is not an integer, a node without a name) is an *Error with code EINVALID.
func FromQuads(qs []quad.Quad) ([]Node, []Fact, error) {
	nodes := map[string]*Node{}
	node := func(id string) *Node {
		n, ok := nodes[id]
		if !ok {
			n = &Node{ID: id}
			nodes[id] = n
		}
		return n
	}
	type factKey struct{ s, p, o, src string }
	type reified struct {
		s, p, o   string
		details   []string
		positions []int
	}
	facts := map[factKey]*Fact{}
	var order []factKey
	reifs := map[[2]string]*reified{} // (fact node, source) → properties
	var reifOrder [][2]string
	for i, q := range qs {
		if q.Subject == nil || q.Predicate == nil || q.Object == nil {
			return nil, nil, Errorf(EINVALID, "quad %d is incomplete: %v", i+1, q)
		}
		s, p := iri(q.Subject), pred(q)
		switch p {
		case PredName:
			node(s).Name = literal(q.Object)
			continue
		case PredKind:
			node(s).Kind = NodeKind(literal(q.Object))
			continue
		case PredAlias:
			n := node(s)
			n.Aliases = append(n.Aliases, literal(q.Object))
			continue
		}
		if q.Label == nil {
			return nil, nil, Errorf(EINVALID, "quad %d (%s %s %s) has no source label", i+1, quad.StringOf(q.Subject), quad.StringOf(q.Predicate), quad.StringOf(q.Object))
		}
		src := literal(q.Label)
		if !isRelation(p) {
			k := [2]string{s, src}
			r, ok := reifs[k]
			if !ok {
				r = &reified{}
				reifs[k] = r
				reifOrder = append(reifOrder, k)
			}
			switch p {
			case PredFactSubject:
				r.s = iri(q.Object)
			case PredFactPredicate:
				r.p = iri(q.Object)
			case PredFactObject:
				r.o = iri(q.Object)
			case PredFactDetail:
				r.details = append(r.details, literal(q.Object))
			case PredFactPosition:
				n, err := intOf(q.Object)
				if err != nil {
					return nil, nil, &Error{Code: EINVALID, Message: fmt.Sprintf("quad %d: position of %s", i+1, s), Err: err}
				}
				r.positions = append(r.positions, n)
			}
			continue
		}
		k := factKey{s, p, iri(q.Object), src}
		if _, ok := facts[k]; !ok {
			facts[k] = &Fact{Subject: k.s, Predicate: k.p, Object: k.o, Source: src}
			order = append(order, k)
		}
	}
	var extra []*Fact // second values of a fact on one line
	for _, k := range reifOrder {
		r := reifs[k]
		if r.s == "" || r.p == "" || r.o == "" {
			return nil, nil, Errorf(EINVALID, "fact node %s (source %q) lacks its subject, predicate or object", k[0], k[1])
		}
		fk := factKey{r.s, r.p, r.o, k[1]}
		f, ok := facts[fk]
		if !ok {
			return nil, nil, Errorf(EINVALID, "fact node %s annotates %s %s %s from %q, which is not in the quads", k[0], r.s, r.p, r.o, k[1])
		}
		// A note line may state one fact twice, in two wordings or at two
		// positions ("AWS -> AWS" has AWS as hop 1 and 2): one fact per
		// value, so Quads gives back every quad.
		sort.Strings(r.details)
		r.details = slices.Compact(r.details)
		sort.Ints(r.positions)
		r.positions = slices.Compact(r.positions)
		for j := 0; j < max(len(r.details), len(r.positions), 1); j++ {
			g := f
			if j > 0 {
				g = &Fact{Subject: f.Subject, Predicate: f.Predicate, Object: f.Object, Source: f.Source}
				extra = append(extra, g)
			}
			if j < len(r.details) {
				g.Detail = r.details[j]
			}
			if j < len(r.positions) {
				g.Position = r.positions[j]
			}
		}
	}
	outNodes := make([]Node, 0, len(nodes))
	for _, n := range nodes {
		if n.Name == "" {
			return nil, nil, Errorf(EINVALID, "node %s has no name", n.ID)
		}
		sort.Strings(n.Aliases)
		n.Aliases = slices.Compact(n.Aliases)
		outNodes = append(outNodes, *n)
	}
	sort.Slice(outNodes, func(i, j int) bool { return outNodes[i].ID < outNodes[j].ID })
	outFacts := make([]Fact, 0, len(order)+len(extra))
	for _, k := range order {
		outFacts = append(outFacts, *facts[k])
	}
	for _, f := range extra {
		outFacts = append(outFacts, *f)
	}
	SortFacts(outFacts)
	return outNodes, outFacts, nil
}

// intOf reads an integer value, typed or written as a plain string.
func intOf(v quad.Value) (int, error) {
	switch x := native(v).(type) {
	case quad.Int:
		return int(x), nil
	case quad.String:
		n, err := strconv.Atoi(string(x))
		if err != nil {
			return 0, fmt.Errorf("not an integer: %w", err)
		}
		return n, nil
	}
	return 0, fmt.Errorf("not an integer: %s", quad.StringOf(v))
}
