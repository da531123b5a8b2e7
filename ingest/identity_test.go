package ingest

import (
	"context"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/awskg/awskg/graph"
)

// spellingKey is what two names may differ in and still be one node: letter
// case, spaces and the punctuation between words. Symbols that carry meaning
// ("🕑", "$", "+", "#", "%") stay.
func spellingKey(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if unicode.IsSpace(r) || strings.ContainsRune("-/_.,:;!?'\"()[]{}*|>", r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestEmbeddedNamesKeepTheirNodes extracts every embedded note and checks
// that no two names share a node ID unless they are spellings of one name or
// one is a dictionary name or alias of that node: different names never
// silently merge into one node.
func TestEmbeddedNamesKeepTheirNodes(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	src, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string][]string{} // node ID → every name given to it
	dictNames := map[string][]string{}
	for _, n := range dict.Nodes() {
		names[n.ID] = append(names[n.ID], n.Name)
		dictNames[n.ID] = append([]string{n.Name}, n.Aliases...)
	}
	total := 0
	for _, s := range src {
		doc, err := Parse(s.Name, s.Data)
		if doc == nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		x := newExtractor(doc, dict)
		x.run()
		for id, spellings := range x.spellings {
			for _, n := range spellings {
				total++
				if !containsStr(names[id], n) {
					names[id] = append(names[id], n)
				}
			}
		}
	}
	if total < 100 {
		t.Fatalf("only %d names extracted from the embedded notes", total)
	}
	isDict := func(id, name string) bool {
		for _, d := range dictNames[id] {
			if spellingKey(d) == spellingKey(name) {
				return true
			}
		}
		return false
	}
	ids := make([]string, 0, len(names))
	for id := range names {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		ns := names[id]
		for i := 1; i < len(ns); i++ {
			if spellingKey(ns[i]) != spellingKey(ns[0]) && !(isDict(id, ns[0]) && isDict(id, ns[i])) {
				t.Errorf("%s: %q and %q are different names on one node", id, ns[0], ns[i])
			}
		}
	}
}

// TestDeployTimeLevels: the strategies table of note 002 ranks six
// strategies by deploy time in four levels (🕑 to 🕑🕑🕑🕑); each row links to
// the level its cell names, and the four levels are four nodes.
func TestDeployTimeLevels(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	src, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	c, err := Build(context.Background(), src, dict)
	if err != nil {
		t.Fatal(err)
	}
	nodes := map[string]graph.Node{}
	for _, n := range c.Nodes {
		nodes[n.ID] = n
	}
	const note = "data/notes/002_653d9272087ba1e1.txt"
	want := map[string]string{ // cell line → level name
		note + ":54": "Deploy time 🕑",
		note + ":61": "Deploy time 🕑",
		note + ":68": "Deploy time 🕑🕑",
		note + ":75": "Deploy time 🕑🕑🕑",
		note + ":82": "Deploy time 🕑🕑🕑",
		note + ":89": "Deploy time 🕑🕑🕑🕑",
	}
	got := map[string]string{}    // cell line → level name
	levels := map[string]string{} // level name → ID
	subjects := map[string]bool{} // strategies ranked
	for _, f := range c.Facts {
		if f.Predicate != "rank:deploy-time" || want[f.Source] == "" {
			continue
		}
		name := nodes[f.Object].Name
		got[f.Source] = name
		subjects[f.Subject] = true
		if id, ok := levels[name]; ok && id != f.Object {
			t.Errorf("level %q is two nodes: %s and %s", name, id, f.Object)
		}
		levels[name] = f.Object
		if wantPos := strings.Count(name, "🕑"); f.Position != wantPos {
			t.Errorf("%s: %s ranked %d, want %d", f.Source, name, f.Position, wantPos)
		}
	}
	for line, w := range want {
		if got[line] != w {
			t.Errorf("%s: deploy-time level %q, want %q", line, got[line], w)
		}
	}
	if len(subjects) != 6 {
		t.Errorf("%d strategies ranked by deploy time, want 6: %v", len(subjects), subjects)
	}
	ids := map[string]bool{}
	for _, id := range levels {
		ids[id] = true
	}
	if len(levels) != 4 || len(ids) != 4 {
		t.Errorf("deploy-time levels %v: want 4 names on 4 nodes", levels)
	}
}

// TestCleanNameKeepsQuotes: quotes inside a name stay, only quotes around
// the whole name or without a partner go.
func TestCleanNameKeepsQuotes(t *testing.T) {
	tests := map[string]string{
		`Plan "A"`:            `Plan "A"`,
		`"StackSets"`:         `StackSets`,
		`**"StackSets"**:`:    `StackSets`,
		`"a" and "b"`:         `"a" and "b"`,
		`"unclosed`:           `unclosed`,
		`Say "hi`:             `Say "hi`,
		"`cfn-init`.":         "cfn-init",
		`it's`:                `it's`,
		`- Canary.`:           `Canary`,
		"  Blue /  Green  ":   "Blue / Green",
		`'single' "double"`:   `'single' "double"`,
		`Deploy time 🕑🕑 |`:    `Deploy time 🕑🕑 |`,
		`Key "value" :`:       `Key "value"`,
		`""`:                  ``,
		`C++`:                 `C++`,
		`--`:                  ``,
		`"Plan "A""`:          `"Plan "A""`,
		`"quoted" tail`:       `"quoted" tail`,
		`lead "quoted"`:       `lead "quoted"`,
		`\"escaped\"`:         `\"escaped\"`,
		"`a` b `c`":           "`a` b `c`",
		`"Plan 'A'"`:          `Plan 'A'`,
		`'Plan "A"'`:          `Plan "A"`,
		`Rolling "batch" …`:   `Rolling "batch" …`,
		`x "`:                 `x`,
		`" x`:                 `x`,
		`Deploy "fast" time.`: `Deploy "fast" time`,
	}
	for in, want := range tests {
		if got := cleanName(in); got != want {
			t.Errorf("cleanName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTableCellNamesAreExact: a row named with quotes keeps them.
func TestTableCellNamesAreExact(t *testing.T) {
	g, names := extractNote(t, "n.txt", "↖↑↓ Disaster Recovery\n. |\nRPO |\nCosts |\nPlan \"A\" |\nHigh |\n$ |\nPlan \"B+\" |\nMedium |\n$$ |\n")
	set := factSet(g, names)
	for _, w := range []fact{
		{`Plan "A"`, "rank:costs", "Costs $", 7},
		{`Plan "B+"`, "rank:rpo", "RPO Medium", 9},
	} {
		if !set[w] {
			t.Errorf("missing fact %+v", w)
		}
	}
	if t.Failed() {
		for f := range set {
			t.Logf("have %+v", f)
		}
	}
}
