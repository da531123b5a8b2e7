package ingest

import (
	"reflect"
	"testing"

	"github.com/awskg/awskg/graph"
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

// TestMarkMatrix: a matrix of services by capabilities whose cells open
// with a mark ("✅ replication rules", "❌", "⚠️ partial") says a service has
// the column's capability only where the mark says yes.
func TestMarkMatrix(t *testing.T) {
	note := "# Matrix\n\n| Service | Cross-region | Cross-account | Multi-AZ |\n|---|---|---|---|\n" +
		"| Amazon ECR | ✅ replication rules | ✅ repo policy | ✅ regional |\n" +
		"| SSM Parameter Store | ❌ | ⚠️ advanced tier via RAM | ✔ regional |\n" +
		"| Amazon S3 | Yes, CRR | No | + |\n"
	c := buildOneNote(t, "matrix.md", note)
	got := map[[2]string]bool{}
	for _, f := range c.Facts {
		if f.Predicate == graph.PredSupports {
			got[[2]string{f.Subject, f.Object}] = true
		}
	}
	for _, want := range [][2]string{
		{"service:amazon-ecr", "capability:multi-region"},
		{"service:amazon-ecr", "capability:cross-account"},
		{"feature:ssm-parameter-store", "capability:multi-az"},
		{"service:amazon-s3", "capability:multi-region"},
		{"service:amazon-s3", "capability:multi-az"},
	} {
		if !got[want] {
			t.Errorf("no supports %s → %s; got %v", want[0], want[1], got)
		}
	}
	for _, no := range [][2]string{
		{"feature:ssm-parameter-store", "capability:multi-region"},
		{"feature:ssm-parameter-store", "capability:cross-account"},
		{"service:amazon-s3", "capability:cross-account"},
	} {
		if got[no] {
			t.Errorf("a cell with no yes made supports %s → %s", no[0], no[1])
		}
	}
}
