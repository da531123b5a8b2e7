package ingest

import (
	"reflect"
	"testing"
)

// TestGapTables: rows whose columns an export kept apart by runs of spaces
// are a two-column table, in plain text and in a wiki export (under a
// "Key Description" header, lower-case keys too).
func TestGapTables(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"gap.txt", "Treating missing data:\n\nKey Description\nmissing  Missing datapoints are not considered\nnotBreaching  Missing datapoints are treated as good\nbreaching  Missing datapoints are treated as bad\n"},
		{"wiki.txt", "CloudWatch\n\n  • Alarm basics\n\nTreating missing data\nKey Description\nmissing  Missing datapoints are not considered\nnotBreaching  Missing datapoints are treated as good\nbreaching  Missing datapoints are treated as bad\n"},
	} {
		c := buildOneNote(t, tc.name, tc.text)
		var tab *Table
		for _, b := range c.Docs[tc.name].Blocks {
			if b.Kind == BlockTable {
				tab = b.Table
			}
		}
		if tab == nil {
			t.Errorf("%s: no table; blocks %+v", tc.name, c.Docs[tc.name].Blocks)
			continue
		}
		var keys []string
		for _, r := range tab.Rows {
			keys = append(keys, r[0].Text)
		}
		if want := []string{"missing", "notBreaching", "breaching"}; !reflect.DeepEqual(keys, want) || tab.Header[1].Text != "Description" {
			t.Errorf("%s: header %v keys %q, want Description over %q", tc.name, tab.Header, keys, want)
		}
	}
}
