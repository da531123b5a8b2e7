package ingest

import (
	"testing"
)

// TestWikiPageFrame: a MediaWiki export's page frame ("From ... Wiki",
// "Jump to navigation Jump to search") and its table of contents
// ("Contents" over "1 Change Sets", "3.1 .ebextensions") are no sections:
// the sections after them are the page title's service's.
func TestWikiPageFrame(t *testing.T) {
	src := "CloudFormation Deep Dive (DOP-C02)\n" +
		"From DevOps Pro Study Wiki\n" +
		"Jump to navigation Jump to search\n" +
		"Contents\n" +
		"1 Change Sets\n" +
		"2 Drift Detection\n" +
		"2.1 Drift statuses\n" +
		"Change Sets\n" +
		"  • A change set is a preview of the changes CloudFormation will make to a stack\n" +
		"Drift Detection\n" +
		"  • Drift status values\n" +
		"    • DRIFTED: resource differs from the template\n" +
		"    • IN_SYNC: resource matches the template\n"
	doc, err := Parse("000_cfn.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if b.Line >= 2 && b.Line <= 7 {
			t.Errorf("block %v %q at line %d: the page frame and contents are no part of the page", b.Kind, b.Text, b.Line)
		}
	}
	g, names := extractNote(t, "000_cfn.txt", src)
	got := factSet(g, names)
	for o, line := range map[string]int{"DRIFTED": 12, "IN_SYNC": 13} {
		if f := (fact{"AWS CloudFormation", "rel:drift status value", o, line}); !got[f] {
			t.Errorf("missing %v in %v", f, got)
		}
	}
}
