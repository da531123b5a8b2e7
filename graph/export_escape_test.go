package graph_test

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/graph/storetest"
)

// TestExportNQuadsEscapesControlCharacters: a note line holding terminal
// escapes (clear screen, set title), other C0 controls, DEL and a C1
// control is written with N-Quads escapes, never raw, and reads back as
// the same text.
func TestExportNQuadsEscapesControlCharacters(t *testing.T) {
	ctx := context.Background()
	hostile := "clear \x1b[2J title \x1b]0;pwned\x07 bs\b ff\f nul\x00 del\x7f csi\u009b end"
	nodes := append(storetest.Nodes(), graph.Node{ID: "service:esc", Name: "Esc\x1b[31m red", Kind: graph.KindService})
	facts := append(storetest.Facts(),
		graph.Fact{Subject: "service:esc", Predicate: graph.PredSupports, Object: storetest.X, Detail: hostile, Source: "notes/\x1b[2J.txt:1"},
	)
	src := loadedMem(t, nodes, facts)
	var buf bytes.Buffer
	if err := graph.Export(ctx, src, "nquads", &buf); err != nil {
		t.Fatalf("Export: %v", err)
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if i := strings.IndexFunc(line, unicode.IsControl); i >= 0 {
			t.Errorf("the N-Quads export holds a raw control character: %q", line)
		}
	}
	if want := `"clear \u001B[2J title \u001B]0;pwned\u0007 bs\b ff\f nul\u0000 del\u007F csi\u009B end"`; !strings.Contains(buf.String(), want) {
		t.Errorf("the detail is not spelled %s:\n%s", want, buf.String())
	}
	qs, err := graph.Import(ctx, "nquads", "export", bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	gotNodes, gotFacts, err := graph.FromQuads(qs)
	if err != nil {
		t.Fatalf("FromQuads: %v", err)
	}
	wantNodes, wantFacts := wantGraph(nodes, facts)
	if !reflect.DeepEqual(gotNodes, wantNodes) {
		t.Errorf("nodes:\n got %+v\nwant %+v", gotNodes, wantNodes)
	}
	if !reflect.DeepEqual(gotFacts, wantFacts) {
		t.Errorf("facts:\n got %+v\nwant %+v", gotFacts, wantFacts)
	}
}
