package ingest

import (
	"reflect"
	"testing"
)

// TestRSTNotes: a reStructuredText note is read by its marks: over- and
// underlined titles with levels in the order the note first uses each
// style, a short line over a list as its title, directives whose body is
// text (read at the margin) or code or nothing, comments, literal blocks
// after "::", definition and field lists, simple and grid tables, inline
// marks; every block cites its own note line.
func TestRSTNotes(t *testing.T) {
	tests := []struct {
		name, text string
		format     string
		want       []string
		lines      []int // each block's line
	}{
		{"syn.rst", "=====================\nCloudWatch monitoring\n=====================\n\n" + // 1-4
			".. my own summary, not for sharing\n   second line of the comment\n\n" + // 5-7
			"CloudWatch Synthetics\n=====================\n\n" + // 8-10
			"- runs as a **Lambda function**\n- runtimes:\n\n  - Node.js + Puppeteer\n  - Python + Selenium\n\n" + // 11-16
			"Blueprints\n----------\n\n" + // 17-19
			"=================== ===============================\nBlueprint           Use\n=================== ===============================\n" + // 20-22
			"Heartbeat monitoring load URL, check it's up\nAPI canary          REST API calls\n=================== ===============================\n\n" + // 23-26
			".. note::\n   Private endpoints -> run the canary in a VPC.\n\n" + // 27-29
			".. code-block:: yaml\n\n   schedule: rate(1 minute)\n\n" + // 30-33
			"Terms\n\n" + // 34-35
			"Canary\n    a script on a schedule, see ``syn-nodejs``.\n" + // 36-37
			":retention: 1 - 455 days\n", // 38
			FormatRST,
			[]string{"h# CloudWatch monitoring", "h## CloudWatch Synthetics", "- runs as a Lambda function  [CloudWatch monitoring / CloudWatch Synthetics]",
				"- runtimes:  [CloudWatch monitoring / CloudWatch Synthetics]", "  - Node.js + Puppeteer  [CloudWatch monitoring / CloudWatch Synthetics]",
				"  - Python + Selenium  [CloudWatch monitoring / CloudWatch Synthetics]", "h### Blueprints", "p ", "p Private endpoints -> run the canary in a VPC.", "code",
				"h#### Terms", "- Canary: a script on a schedule, see syn-nodejs.  [CloudWatch monitoring / CloudWatch Synthetics / Blueprints / Terms]",
				"- retention: 1 - 455 days  [CloudWatch monitoring / CloudWatch Synthetics / Blueprints / Terms]"},
			[]int{2, 8, 11, 12, 14, 15, 17, 21, 28, 32, 34, 36, 38},
		},
	}
	for _, tc := range tests {
		doc, err := Parse(tc.name, []byte(tc.text))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if doc.Format != tc.format {
			t.Errorf("%s: format %s, want %s", tc.name, doc.Format, tc.format)
		}
		if got := blockSummary(doc); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.name, got, tc.want)
		}
		var lines []int
		for _, b := range doc.Blocks {
			lines = append(lines, b.Line)
		}
		if !reflect.DeepEqual(lines, tc.lines) {
			t.Errorf("%s: lines %v, want %v", tc.name, lines, tc.lines)
		}
		for _, b := range doc.Blocks {
			if b.Table != nil {
				if len(b.Table.Rows) != 2 || b.Table.Rows[0][0].Text != "Heartbeat monitoring" || b.Table.Rows[1][1].Text != "REST API calls" || b.Table.Rows[1][0].Line != 24 {
					t.Errorf("%s: table %+v, want the two blueprints' rows", tc.name, b.Table)
				}
			}
		}
	}
}

// FuzzRSTToMarkdown: any text reads without a panic, and every Markdown
// line cites a line of the note.
func FuzzRSTToMarkdown(f *testing.F) {
	f.Add("=====\nTitle\n=====\n\n.. note::\n   body\n\n=== ===\na   b\n=== ===\nc   d\n=== ===\n\nterm\n   def::\n\n   code\n:f: v\n| line\n")
	f.Add("x\n-\n\n+--+--+\n|a |b |\n+==+==+\n|c |d |\n+--+--+\n\n.. code-block::\n\tx\n#. one\n(a) two\n`t <u>`_ :ref:`r` ``l``\n")
	f.Fuzz(func(t *testing.T, src string) {
		checkCitedLines(t, rstToMarkdown(splitLines(src)), src)
	})
}
