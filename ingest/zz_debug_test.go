package ingest

import (
	"fmt"
	"os"
	"sort"
	"testing"
)

func TestZZDebug(t *testing.T) {
	src, err := os.ReadFile(os.Getenv("ZZ_FILE"))
	if err != nil {
		t.Skip()
	}
	g, names := extractNote(t, os.Getenv("ZZ_NAME"), string(src))
	var out []string
	for f := range factSet(g, names) {
		out = append(out, fmtFact(f))
	}
	sort.Strings(out)
	for _, s := range out {
		t.Log(s)
	}
}

func fmtFact(f fact) string { return fmt.Sprintf("%4d %s | %s | %s", f.line, f.s, f.p, f.o) }

func TestZZBlocks(t *testing.T) {
	src, err := os.ReadFile(os.Getenv("ZZ_FILE"))
	if err != nil {
		t.Skip()
	}
	doc, _ := Parse(os.Getenv("ZZ_NAME"), src)
	t.Log(doc.Format)
	for _, b := range doc.Blocks {
		if b.Line > 40 {
			break
		}
		t.Logf("%d %v d=%d %q", b.Line, b.Kind, b.Depth, b.Text)
	}
}

func TestZZAbbrev(t *testing.T) {
	src, err := os.ReadFile(os.Getenv("ZZ_FILE"))
	if err != nil {
		t.Skip()
	}
	doc, _ := Parse(os.Getenv("ZZ_NAME"), src)
	dict, _ := LoadDictionary()
	t.Logf("%v", noteAbbreviations(doc, dict))
}
