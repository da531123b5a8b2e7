package graph_test

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/graph/storetest"
)

// roundTrip encodes ix and decodes it back.
func roundTrip(t testing.TB, ix *graph.Index, opt graph.EncodeOptions) *graph.Index {
	t.Helper()
	var b bytes.Buffer
	if err := graph.EncodeIndex(&b, ix, opt); err != nil {
		t.Fatalf("EncodeIndex: %v", err)
	}
	got, err := graph.DecodeIndex(b.Bytes())
	if err != nil {
		t.Fatalf("DecodeIndex: %v", err)
	}
	return got
}

// fileStore is a Store whose reads come from an Index that went through an
// index file on every Load: the conformance suite checks that a decoded
// index reads exactly as a store does.
type fileStore struct {
	t     testing.TB
	nodes []graph.Node
	facts []graph.Fact
	*graph.Index
}

func (s *fileStore) Load(ctx context.Context, nodes []graph.Node, facts []graph.Fact) error {
	if err := ctx.Err(); err != nil {
		return &graph.Error{Code: graph.ETIMEOUT, Message: "load", Err: err}
	}
	s.nodes = append(s.nodes, nodes...)
	s.facts = append(s.facts, facts...)
	s.Index = roundTrip(s.t, graph.NewIndex(s.nodes, s.facts, nil), graph.EncodeOptions{})
	return nil
}

func (s *fileStore) Close() error { return nil }

func TestIndexFileConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) graph.Store {
		return &fileStore{t: t, Index: roundTrip(t, graph.NewIndex(nil, nil, nil), graph.EncodeOptions{})}
	})
}

// synthStatements makes statements about the nodes of a synthetic graph,
// with repeated terms, mentions, empty sections and subjects.
func synthStatements(nodes []graph.Node, n int) []graph.Statement {
	words := []string{"deploy", "region", "account", "log", "metric", "alarm", "rollback"}
	out := make([]graph.Statement, n)
	for i := range out {
		st := graph.Statement{
			Source: fmt.Sprintf("data/notes/%03d.txt:%d", i%50, i),
			Text:   fmt.Sprintf("statement %d about %s", i, nodes[i%len(nodes)].Name),
		}
		if i%3 != 0 {
			st.Section = fmt.Sprintf("Heading %d > Sub", i%7)
			st.Subject = nodes[i%len(nodes)].ID
		}
		for j := 0; j < i%4; j++ {
			st.Mentions = append(st.Mentions, nodes[(i+j*5)%len(nodes)].ID)
		}
		for j := 0; j < i%9; j++ {
			st.Terms = append(st.Terms, words[(i+j)%len(words)], words[j%3])
		}
		out[i] = st
	}
	return out
}

// sameIndex fails unless two indexes read the same everywhere.
func sameIndex(t testing.TB, want, got *graph.Index) {
	t.Helper()
	ctx := context.Background()
	wn, _ := want.Nodes(ctx, "")
	gn, _ := got.Nodes(ctx, "")
	if !reflect.DeepEqual(normNodes(wn), normNodes(gn)) {
		t.Errorf("Nodes differ")
	}
	wf, _ := want.Facts(ctx)
	gf, _ := got.Facts(ctx)
	if !reflect.DeepEqual(wf, gf) {
		t.Errorf("Facts differ")
	}
	ids := map[string]bool{}
	for _, f := range wf {
		ids[f.Subject], ids[f.Object] = true, true
	}
	for _, n := range wn {
		ids[n.ID] = true
	}
	ids["no:such-node"] = true
	for id := range ids {
		wo, _ := want.Out(ctx, id)
		gotOut, _ := got.Out(ctx, id)
		wi, _ := want.In(ctx, id)
		gi, _ := got.In(ctx, id)
		if !reflect.DeepEqual(wo, gotOut) || !reflect.DeepEqual(wi, gi) {
			t.Errorf("edges of %s differ", id)
		}
		if !reflect.DeepEqual(want.StatementsAbout(id), got.StatementsAbout(id)) {
			t.Errorf("statements about %s differ", id)
		}
		_, wok := want.NodeByID(id)
		_, gok := got.NodeByID(id)
		if wok != gok {
			t.Errorf("NodeByID(%s): %v, want %v", id, gok, wok)
		}
	}
	if !reflect.DeepEqual(want.Predicates(), got.Predicates()) {
		t.Errorf("Predicates: %v, want %v", got.Predicates(), want.Predicates())
	}
	for _, p := range append(want.Predicates(), "no-such-predicate") {
		if !reflect.DeepEqual(want.FactsOf(p), got.FactsOf(p)) {
			t.Errorf("FactsOf(%s) differ", p)
		}
	}
	for _, f := range wf {
		if !reflect.DeepEqual(want.FactsFrom(f.Source), got.FactsFrom(f.Source)) {
			t.Errorf("FactsFrom(%s) differ", f.Source)
		}
	}
	if !reflect.DeepEqual(normStatements(want.Statements()), normStatements(got.Statements())) {
		t.Errorf("Statements differ")
	}
	if !reflect.DeepEqual(want.WordForms(), got.WordForms()) {
		t.Errorf("WordForms: %v, want %v", got.WordForms(), want.WordForms())
	}
	for _, st := range want.Statements() {
		for _, term := range st.Terms {
			ws, wc := want.StatementsWith(term)
			gs, gc := got.StatementsWith(term)
			if !reflect.DeepEqual(ws, gs) || !reflect.DeepEqual(wc, gc) {
				t.Errorf("StatementsWith(%s) differ", term)
			}
			for k, i := range ws {
				n := int32(0)
				for _, x := range want.Statement(int(i)).Terms {
					if x == term {
						n++
					}
				}
				if wc[k] != n {
					t.Errorf("StatementsWith(%s): count %d in statement %d, which holds it %d times", term, wc[k], i, n)
				}
			}
		}
	}
	if want.AvgTerms() != got.AvgTerms() {
		t.Errorf("AvgTerms %v, want %v", got.AvgTerms(), want.AvgTerms())
	}
}

// normNodes and normStatements make empty lists nil: a decoded index does
// not tell them apart, and nothing reading it does either.
func normNodes(ns []graph.Node) []graph.Node {
	out := append([]graph.Node(nil), ns...)
	for i := range out {
		if len(out[i].Aliases) == 0 {
			out[i].Aliases = nil
		}
	}
	return out
}

func normStatements(ss []graph.Statement) []graph.Statement {
	out := append([]graph.Statement(nil), ss...)
	for i := range out {
		if len(out[i].Mentions) == 0 {
			out[i].Mentions = nil
		}
		if len(out[i].Terms) == 0 {
			out[i].Terms = nil
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func TestIndexFileRoundTrip(t *testing.T) {
	nodes, facts := synthGraph(60, 3000)
	nodes = append(nodes, storetest.Nodes()...)
	nodes = append(nodes, nodes[3]) // a repeated node: the first wins
	facts = append(facts, storetest.Facts()...)
	facts = append(facts, graph.Fact{Subject: "service:no-node", Predicate: "rel:odd", Object: "concept:nowhere", Position: -3, Source: "x.txt:1"})
	stmts := synthStatements(nodes, 500)
	forms := graph.Forms{"send": {"sent"}, "datum": {"data"}, "be": {"is", "was", "are"}}
	ix := graph.NewIndex(nodes, facts, stmts, graph.WithForms(forms))
	got := roundTrip(t, ix, graph.EncodeOptions{})
	sameIndex(t, ix, got)

	gn, gf, err := got.Graph()
	if err != nil {
		t.Fatalf("Graph: %v", err)
	}
	if !reflect.DeepEqual(normNodes(nodes), normNodes(gn)) || !reflect.DeepEqual(facts, gf) {
		t.Errorf("Graph does not give back the nodes and facts the index was built from")
	}

	// the same index gives the same bytes, also once decoded
	var a, b bytes.Buffer
	if err := graph.EncodeIndex(&a, ix, graph.EncodeOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := graph.EncodeIndex(&b, got, graph.EncodeOptions{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("re-encoding a decoded index gives other bytes")
	}

	// bytes that are not aligned are read through copies: the same index
	var enc bytes.Buffer
	if err := graph.EncodeIndex(&enc, ix, graph.EncodeOptions{}); err != nil {
		t.Fatal(err)
	}
	odd, err := graph.DecodeIndex(append([]byte{0}, enc.Bytes()...)[1:])
	if err != nil {
		t.Fatalf("DecodeIndex of unaligned bytes: %v", err)
	}
	sameIndex(t, ix, odd)

	// without the graph: the index reads the same, Graph says why not
	bare := roundTrip(t, ix, graph.EncodeOptions{NoGraph: true})
	sameIndex(t, ix, bare)
	if _, _, err := bare.Graph(); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("Graph of an index written without it: %v, want %s", err, graph.EINVALID)
	}

	// statements added later are indexed as NewIndex indexes them, and
	// the word forms stay
	sameIndex(t, graph.NewIndex(nodes, facts, stmts, graph.WithForms(forms)), graph.NewIndex(nodes, facts, nil, graph.WithForms(forms)).WithStatements(stmts))
}

// TestIndexForms: a lemma's forms come back distinct and in byte order,
// without the lemma itself; a word the notes write in no other form has
// none.
func TestIndexForms(t *testing.T) {
	ix := graph.NewIndex(nil, nil, nil, graph.WithForms(graph.Forms{"be": {"was", "is", "be", "is"}, "datum": {"data"}}))
	for _, tt := range []struct {
		stem string
		want []string
	}{{"be", []string{"is", "was"}}, {"datum", []string{"data"}}, {"data", nil}, {"send", nil}} {
		if got := ix.Forms(tt.stem); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Forms(%q) = %q, want %q", tt.stem, got, tt.want)
		}
	}
	want := graph.Forms{"be": {"is", "was"}, "datum": {"data"}}
	if got := ix.WordForms(); !reflect.DeepEqual(got, want) {
		t.Errorf("WordForms() = %v, want %v", got, want)
	}
	if got := graph.NewIndex(nil, nil, nil).WordForms(); got != nil {
		t.Errorf("WordForms() of an index without forms = %v, want nil", got)
	}
}

// TestIndexFileEmpty: an index of nothing round-trips.
func TestIndexFileEmpty(t *testing.T) {
	ix := graph.NewIndex(nil, nil, nil)
	sameIndex(t, ix, roundTrip(t, ix, graph.EncodeOptions{}))
}

// TestIndexFileDamaged: a file cut short, changed or of another kind is an
// EDAMAGED error, never a panic.
func TestIndexFileDamaged(t *testing.T) {
	nodes, facts := synthGraph(20, 300)
	var b bytes.Buffer
	if err := graph.EncodeIndex(&b, graph.NewIndex(nodes, facts, synthStatements(nodes, 50)), graph.EncodeOptions{}); err != nil {
		t.Fatal(err)
	}
	good := b.String()
	flip := func(at int) string { return good[:at] + string(good[at]^0x40) + good[at+1:] }
	for name, data := range map[string]string{
		"empty":         "",
		"not an index":  "hello, world, this is not an index file at all",
		"cut short":     good[:len(good)/2],
		"one more byte": good + "x",
		"version":       flip(7),
		"a byte inside": flip(len(good) * 2 / 3),
		"its checksum":  flip(9),
	} {
		ix, err := graph.DecodeIndex([]byte(data))
		if ix != nil || graph.ErrorCode(err) != graph.EDAMAGED || !strings.HasPrefix(err.Error(), "the index file is damaged: ") {
			t.Errorf("%s: %v, %v; want an EDAMAGED error", name, ix, err)
		}
	}
	ix, err := graph.ReadIndexFile(strings.NewReader(good[:100]), int64(len(good)))
	if ix != nil || graph.ErrorCode(err) != graph.EDAMAGED {
		t.Errorf("ReadIndexFile of a file shorter than its size: %v, %v", ix, err)
	}
}

// FuzzDecodeIndex: whatever the bytes, DecodeIndex returns an error or an
// index that reads without panicking.
func FuzzDecodeIndex(f *testing.F) {
	nodes, facts := synthGraph(5, 40)
	var b bytes.Buffer
	if err := graph.EncodeIndex(&b, graph.NewIndex(nodes, facts, synthStatements(nodes, 10)), graph.EncodeOptions{}); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte("AWSKGIX\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// a fuzzer rarely gets a checksum right: fix it up so the decoder
		// itself is exercised
		ix, err := graph.DecodeIndex(graph.FixIndexChecksum(data))
		if err != nil {
			if graph.ErrorCode(err) != graph.EDAMAGED {
				t.Fatalf("error of code %q: %v", graph.ErrorCode(err), err)
			}
			return
		}
		// (a few of each: garbage that passes the checks can make every
		// node's edges the whole file)
		ctx := context.Background()
		nodes, _ := ix.Nodes(ctx, "")
		for _, n := range nodes[:min(len(nodes), 20)] {
			ix.Out(ctx, n.ID)
			ix.In(ctx, n.ID)
			ix.StatementsAbout(n.ID)
		}
		for _, p := range ix.Predicates()[:min(len(ix.Predicates()), 20)] {
			for _, i := range ix.FactsOf(p) {
				ix.FactsFrom(ix.Fact(i).Source)
			}
		}
		for i := 0; i < min(ix.NumStatements(), 20); i++ {
			for _, term := range ix.Statement(i).Terms {
				ix.StatementsWith(term)
			}
			ix.StatementNames(i, "x")
		}
		ix.Facts(ctx)
		ix.Graph()
	})
}

// TestIndexEdgesAsMergeFacts: the edges an index gives are MergeFacts of
// its facts, sorted by SortEdges, also with odd positions and repeated
// details.
func TestIndexEdgesAsMergeFacts(t *testing.T) {
	nodes, facts := synthGraph(30, 2000)
	a, b := nodes[5].ID, nodes[6].ID
	facts = append(facts,
		graph.Fact{Subject: a, Predicate: "p", Object: b, Position: -3, Detail: "d2", Source: "x:1"},
		graph.Fact{Subject: a, Predicate: "p", Object: b, Position: 5, Detail: "d1", Source: "x:2"},
		graph.Fact{Subject: a, Predicate: "p", Object: b, Detail: "d2", Source: "x:3"},
		graph.Fact{Subject: a, Predicate: "p", Object: b, Position: 2, Source: "x:4"})
	ix := graph.NewIndex(nodes, facts, nil)
	all, _ := ix.Facts(context.Background())
	for _, n := range nodes {
		for _, dir := range []string{"out", "in"} {
			var keep []graph.Fact
			for _, f := range all {
				if dir == "out" && f.Subject == n.ID || dir == "in" && f.Object == n.ID {
					keep = append(keep, f)
				}
			}
			want := graph.MergeFacts(keep)
			graph.SortEdges(want)
			var got []graph.Edge
			if dir == "out" {
				got, _ = ix.Out(context.Background(), n.ID)
			} else {
				got, _ = ix.In(context.Background(), n.ID)
			}
			if !reflect.DeepEqual(want, got) {
				t.Errorf("%s(%s): %+v, want %+v", dir, n.ID, got, want)
			}
		}
	}
}
