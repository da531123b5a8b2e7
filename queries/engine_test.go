package queries

import (
	"sort"
	"testing"
)

// TestNodesSortedCopy: Nodes gives every node by name then ID, a copy each
// call, so a caller that changes it changes nothing the engine reads.
func TestNodesSortedCopy(t *testing.T) {
	e := newEngine(t)
	nodes := e.Nodes()
	if len(nodes) != len(e.names) {
		t.Fatalf("Nodes gave %d nodes, the engine has %d", len(nodes), len(e.names))
	}
	if !sort.SliceIsSorted(nodes, func(i, j int) bool {
		if nodes[i].Name != nodes[j].Name {
			return nodes[i].Name < nodes[j].Name
		}
		return nodes[i].ID < nodes[j].ID
	}) {
		t.Errorf("Nodes is not sorted by name then ID")
	}
	first := nodes[0]
	nodes[0].Name = "zzz changed"
	if again := e.Nodes(); again[0].Name != first.Name || again[0].ID != first.ID {
		t.Errorf("a caller's change shows in the next call: %+v", again[0])
	}
}
