package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
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

// The formats awskg writes, and reads back where it can.
//
//	nquads (nq)          standard N-Quads: IRIs under RDFBase, sources as named
//	                     graphs (see rdf.go); read back exactly
//	cayley-nquads        Cayley's dialect: relative IRIs, sources as literal
//	                     graph labels (see nquads.go); read back exactly
//	json, json-stream    Cayley's JSON quads; read back exactly
//	pquads               Cayley's binary quads; read back exactly
//	jsonld               standard JSON-LD of the nquads export; read back
//	graphml, gml         the graph to draw or analyse: one node per node
//	                     (name, kind, aliases as attributes), one edge per
//	                     relation (predicate, position, sources, details)
//	graphviz (dot)       the same graph as render draws it, up to
//	                     ExportOptions.MaxNodes nodes
type exportFormat struct {
	exts   []string
	read   bool // Import reads it
	binary bool
}

var exportFormats = map[string]exportFormat{
	"nquads":        {exts: []string{".nq", ".nquads"}, read: true},
	"cayley-nquads": {read: true},
	"json":          {exts: []string{".json"}, read: true},
	"json-stream":   {read: true},
	"pquads":        {exts: []string{".pq"}, read: true, binary: true},
	"jsonld":        {exts: []string{".jsonld"}, read: true},
	"graphml":       {exts: []string{".graphml"}},
	"gml":           {exts: []string{".gml"}},
	"graphviz":      {exts: []string{".dot", ".gv"}},
}

// formatAliases maps other names to format names.
var formatAliases = map[string]string{
	"dot":    "graphviz",
	"nq":     "nquads",
	"cayley": "cayley-nquads",
}

// exportChunk is how many quads are written between two ctx checks.
const exportChunk = 1000

// ExportFormats returns the names of the formats Export writes, sorted.
func ExportFormats() []string {
	return formatNames(func(exportFormat) bool { return true })
}

// FormatAliases returns the other names formats answer to ("nq", "dot"),
// sorted.
func FormatAliases() []string {
	names := make([]string, 0, len(formatAliases))
	for a := range formatAliases {
		names = append(names, a)
	}
	sort.Strings(names)
	return names
}

// ImportFormats returns the names of the formats Import reads, sorted.
func ImportFormats() []string {
	return formatNames(func(f exportFormat) bool { return f.read })
}

func formatNames(keep func(exportFormat) bool) []string {
	var names []string
	for name, f := range exportFormats {
		if keep(f) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// FormatName returns the format a name or alias names (case and spaces
// ignored), "" for none.
func FormatName(name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	if a, ok := formatAliases[n]; ok {
		n = a
	}
	if _, ok := exportFormats[n]; ok {
		return n
	}
	return ""
}

// FormatOfFile returns the format a file name's extension names, "" when
// it names none.
func FormatOfFile(path string) string {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		return ""
	}
	for _, name := range ExportFormats() {
		if slices.Contains(exportFormats[name].exts, ext) {
			return name
		}
	}
	return ""
}

// IsBinaryFormat reports whether format (a name or alias) is binary.
func IsBinaryFormat(format string) bool { return exportFormats[FormatName(format)].binary }

// CanImport reports whether Import reads format (a name or alias).
func CanImport(format string) bool { return exportFormats[FormatName(format)].read }

func lookupFormat(name string) (string, error) {
	if n := FormatName(name); n != "" {
		return n, nil
	}
	return "", Errorf(EINVALID, "unknown quad format %q (known: %s)", name, strings.Join(ExportFormats(), ", "))
}

// ExportOptions tune Export.
type ExportOptions struct {
	// MaxNodes is the most nodes a graphviz export holds (0 means
	// DefaultMaxNodes): dot takes minutes to lay out thousands of nodes, so
	// a larger graph is refused with a hint instead.
	MaxNodes int
}

// Export writes the graph of s to w in format (see ExportFormats and the
// table above), sorted so the output is deterministic. It is ExportWith
// with the default options.
func Export(ctx context.Context, s *CayleyStore, format string, w io.Writer) error {
	return ExportWith(ctx, s, format, w, ExportOptions{})
}

// ExportWith writes the graph of s to w in format, sorted by subject,
// predicate, object and label (nodes and edges by ID for the drawing
// formats) so the same graph always gives the same bytes.
//
// Sources are kept where the format has room for them: the graph of
// N-Quads and JSON-LD (an IRI, see rdf.go), the graph label of Cayley's
// N-Quads (a literal), "label" in JSON, the label field of pquads, and an
// edge attribute of GraphML, GML and Graphviz. In N-Quads, literals escape
// every control character (see escapeLiterals); in Cayley's N-Quads the
// characters an IRI cannot hold are percent-encoded (see nquads.go). In
// JSON, a string that Cayley's JSON reader would take for another kind of
// value (one that looks like "<iri>", "_:bnode", a quoted or typed literal,
// or is empty) is written quoted, so Import gives it back unchanged.
func ExportWith(ctx context.Context, s *CayleyStore, format string, w io.Writer, opt ExportOptions) error {
	name, err := lookupFormat(format)
	if err != nil {
		return err
	}
	if opt.MaxNodes < 0 {
		return Errorf(EINVALID, "--max-nodes must be positive, got %d", opt.MaxNodes)
	}
	qs, err := s.allQuads(ctx)
	if err != nil {
		return fmt.Errorf("export %s: %w", name, err)
	}
	return exportQuads(ctx, qs, name, format, w, opt)
}

// ExportQuads writes quads, the quads of a store (UniqueQuads of Quads),
// to w in format as ExportWith does, without a store. qs is reordered and
// its quads rewritten.
func ExportQuads(ctx context.Context, qs []quad.Quad, format string, w io.Writer, opt ExportOptions) error {
	name, err := lookupFormat(format)
	if err != nil {
		return err
	}
	if opt.MaxNodes < 0 {
		return Errorf(EINVALID, "--max-nodes must be positive, got %d", opt.MaxNodes)
	}
	return exportQuads(ctx, qs, name, format, w, opt)
}

func exportQuads(ctx context.Context, qs []quad.Quad, name, format string, w io.Writer, opt ExportOptions) error {
	switch name {
	case "graphml", "gml", "graphviz":
		return exportDrawing(ctx, qs, name, w, opt)
	case "nquads":
		for i := range qs {
			qs[i] = escapeLiterals(toRDF(qs[i]))
		}
		name = "nquads"
	case "cayley-nquads":
		for i := range qs {
			qs[i] = escapeLiterals(escapeIRIs(qs[i]))
		}
		name = "nquads"
	case "jsonld":
		for i := range qs {
			qs[i] = toRDF(qs[i])
		}
	case "json", "json-stream":
		for i := range qs {
			qs[i] = jsonSafe(qs[i])
		}
	}
	SortQuads(qs)
	qw := quad.FormatByName(name).Writer(w)
	for i := 0; i < len(qs); i += exportChunk {
		if err := ctx.Err(); err != nil {
			qw.Close()
			return &Error{Code: ETIMEOUT, Message: "export " + format, Err: err}
		}
		end := min(i+exportChunk, len(qs))
		if _, err := qw.WriteQuads(qs[i:end]); err != nil {
			qw.Close()
			return fmt.Errorf("export %s: write quads: %w", format, err)
		}
	}
	if err := qw.Close(); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}

// AllQuads returns every quad of the store, in its order.
func (s *CayleyStore) AllQuads(ctx context.Context) ([]quad.Quad, error) { return s.allQuads(ctx) }

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
// name names r in errors. The standard formats (nquads, jsonld) are mapped
// back from IRIs under RDFBase to awskg's IDs and sources (see rdf.go), so
// every format gives the quads of the store. Typed literals that have a
// native Go form (integers, ...) are converted to it, so positions come
// back as quad.Int. N-Quads are read strictly, a malformed line being an
// EINVALID error "name:line: ..." (see nquads.go); other formats name the
// quad: "name: quad N".
func Import(ctx context.Context, format, name string, r io.Reader) ([]quad.Quad, error) {
	f, err := lookupFormat(format)
	if err != nil {
		return nil, err
	}
	if !exportFormats[f].read {
		return nil, Errorf(EINVALID, "quad format %q cannot be imported (it is for drawing only; use one of %s)", format, strings.Join(ImportFormats(), ", "))
	}
	var out []quad.Quad
	switch f {
	case "nquads":
		out, err = readNQuads(ctx, name, r, fromRDF)
	case "cayley-nquads":
		out, err = readNQuads(ctx, name, r, nil)
	default:
		out, err = readQuads(ctx, f, name, r)
	}
	if err != nil {
		return nil, err
	}
	for i, q := range out {
		out[i].Subject, out[i].Predicate, out[i].Object, out[i].Label = native(q.Subject), native(q.Predicate), native(q.Object), native(q.Label)
	}
	return out, nil
}

// readQuads reads r with Cayley's reader of format.
func readQuads(ctx context.Context, format, name string, r io.Reader) ([]quad.Quad, error) {
	qr := quad.FormatByName(format).Reader(r)
	defer qr.Close()
	var out []quad.Quad
	for {
		if len(out)%exportChunk == 0 {
			if err := ctx.Err(); err != nil {
				return nil, &Error{Code: ETIMEOUT, Message: "import " + format, Err: err}
			}
		}
		q, err := qr.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, &Error{Code: EINVALID, Message: fmt.Sprintf("%s: quad %d", name, len(out)+1), Err: err}
		}
		if format == "jsonld" {
			if q, err = fromJSONLD(q); err != nil {
				return nil, &Error{Code: EINVALID, Message: fmt.Sprintf("%s: quad %d", name, len(out)+1), Err: err}
			}
		}
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
