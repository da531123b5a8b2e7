package ingest

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// mdContainerDepth is the deepest nesting of list items and block quotes in
// goldmark's parse of src.
func mdContainerDepth(src string) int {
	doc := markdownParser.Parser().Parse(text.NewReader([]byte(src)))
	deepest := 0
	var walk func(n ast.Node, d int)
	walk = func(n ast.Node, d int) {
		switch n.(type) {
		case *ast.ListItem, *ast.Blockquote:
			d++
		}
		deepest = max(deepest, d)
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, d)
		}
	}
	walk(doc, 0)
	return deepest
}

// guarded returns src as parseMarkdown hands it to goldmark.
func guarded(src string) string {
	var g mdGuard
	var b strings.Builder
	for _, l := range splitLines(src) {
		s, _, _ := g.line(l)
		b.WriteString(s)
		b.WriteByte('\n')
	}
	return b.String()
}

// The guard's estimate never falls below goldmark's real nesting: whatever
// the mix of indentation, list markers, block quotes, lazy lines, blank
// lines and fences, what goldmark is given nests at most MaxMarkdownDepth
// deep.
func TestMarkdownGuardBoundsGoldmarkDepth(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"- ", "* ", "+ ", "1. ", "2) ", "> ", ">", "-", "  ", "   ", "    ", " ", "\t", "-  ", "10.  "}
	tails := []string{"x", "text *em*", "", "```", "~~~", "| a | b |", "---", "# h", "<div>", "    code"}
	worst := 0
	for iter := 0; iter < 5000; iter++ {
		var b strings.Builder
		lines := 1 + rng.Intn(40)
		for l := 0; l < lines; l++ {
			if rng.Intn(8) == 0 {
				b.WriteString("\n")
				continue
			}
			if rng.Intn(4) == 0 { // deepen: indentation of an earlier depth, then markers
				b.WriteString(strings.Repeat(" ", rng.Intn(60)))
			}
			for k := rng.Intn(12); k > 0; k-- {
				b.WriteString(pieces[rng.Intn(len(pieces))])
			}
			b.WriteString(tails[rng.Intn(len(tails))])
			b.WriteString("\n")
		}
		src := b.String()
		if d := mdContainerDepth(guarded(src)); d > MaxMarkdownDepth {
			t.Fatalf("goldmark nests %d deep (limit %d) after the guard; input:\n%s", d, MaxMarkdownDepth, src)
		} else {
			worst = max(worst, d)
		}
	}
	if worst < MaxMarkdownDepth/2 {
		t.Errorf("the generated notes nest at most %d deep: the test does not reach the bound", worst)
	}
}
