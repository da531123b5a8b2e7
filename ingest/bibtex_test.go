package ingest

import (
	"strings"
	"testing"
)

// TestBibTeXNote: an annotated BibTeX reading list reads as each entry's
// title (a heading) and its note, annote and abstract fields (text), each
// citing the line its field starts on; "%" comments do not stop the
// reading, and authors, years and urls are no notes.
func TestBibTeXNote(t *testing.T) {
	src := strings.Join([]string{
		"% my DOP-C02 reading list", // 1
		"",                          // 2
		"@online{cwlogs,",           // 3
		"  title  = {CloudWatch Logs subscriptions},",                                            // 4
		"  author = {{Amazon Web Services}},",                                                    // 5
		"  url    = {https://docs.aws.amazon.com/},",                                             // 6
		"  note   = {A subscription filter can deliver to Kinesis Data Streams or AWS Lambda.},", // 7
		"}",                                      // 8
		"% second",                               // 9
		"@article{deploy,",                       // 10
		"  title  = \"Blue/green deployments\",", // 11
		"  annote = {CodeDeploy shifts traffic from the blue fleet", // 12
		"            to the green fleet.}",                          // 13
		"}",                                                         // 14
	}, "\n")
	for _, name := range []string{"reading.bib", "reading.txt"} {
		if got := DetectFormat(name, []byte(src)); got != FormatBibTeX {
			t.Fatalf("DetectFormat(%s) = %q, want %q", name, got, FormatBibTeX)
		}
	}
	h, err := bibtexToMarkdown(src)
	if err != nil {
		t.Fatal(err)
	}
	checkMarkdownLines(t, h, []mdLine{
		{"## CloudWatch Logs subscriptions", 4},
		{"A subscription filter can deliver to Kinesis Data Streams or AWS Lambda.", 7},
		{"## Blue/green deployments", 11},
		{"CodeDeploy shifts traffic from the blue fleet to the green fleet.", 12},
	})
	c := buildOneNote(t, "reading.bib", src)
	found := false
	for _, f := range c.Facts {
		if f.Subject == "component:subscription-filter" && f.Object == "service:aws-lambda" && strings.HasSuffix(f.Source, "reading.bib:7") {
			found = true
		}
	}
	if !found {
		t.Errorf("no fact subscription filter -> AWS Lambda citing reading.bib:7: %v", c.Facts)
	}
	if _, err := bibtexToMarkdown("% nothing but a comment\n"); err == nil {
		t.Error("a BibTeX file with no entry read without an error")
	}
}
