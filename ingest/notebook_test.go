package ingest

import (
	"strings"
	"testing"
)

// TestNotebookNote: a Jupyter notebook's markdown cells are its notes, read
// as Markdown, each line citing the note line its source string sits on;
// code cells are code samples; outputs and raw cells are no notes.
func TestNotebookNote(t *testing.T) {
	src := strings.Join([]string{
		`{`,                          // 1
		` "cells": [`,                // 2
		`  {`,                        // 3
		`   "source": [`,             // 4
		`    "# CloudWatch Logs\n",`, // 5
		`    "\n",`,                  // 6
		`    "- A subscription filter can deliver to Kinesis Data Streams or AWS Lambda.\n"`, // 7
		`   ],`,                       // 8
		`   "cell_type": "markdown",`, // 9
		`   "metadata": {}`,           // 10
		`  },`,                        // 11
		`  {`,                         // 12
		`   "cell_type": "code",`,     // 13
		`   "execution_count": 1,`,    // 14
		`   "outputs": [{"name": "stdout", "text": ["SNS notifies Lambda\n"]}],`, // 15
		`   "source": ["aws logs describe-log-groups"]`,                          // 16
		`  },`, // 17
		`  {"cell_type": "raw", "source": "CodeDeploy notifies SNS"},`,                                        // 18
		`  {"cell_type": "markdown", "source": "CodeDeploy hooks run in order.\nBeforeInstall comes first."}`, // 19
		` ],`,                  // 20
		` "metadata": {},`,     // 21
		` "nbformat": 4,`,      // 22
		` "nbformat_minor": 5`, // 23
		`}`,                    // 24
	}, "\n")
	for _, name := range []string{"study.ipynb", "study.json"} {
		if got := DetectFormat(name, []byte(src)); got != FormatNotebook {
			t.Fatalf("DetectFormat(%s) = %q, want %q", name, got, FormatNotebook)
		}
	}
	h, err := notebookToMarkdown(src)
	if err != nil {
		t.Fatal(err)
	}
	checkMarkdownLines(t, h, []mdLine{
		{"# CloudWatch Logs", 5},
		{"- A subscription filter can deliver to Kinesis Data Streams or AWS Lambda.", 7},
		{"```", 16},
		{"aws logs describe-log-groups", 16},
		{"```", 16},
		{"CodeDeploy hooks run in order.", 19},
		{"BeforeInstall comes first.", 19},
	})
	for _, l := range h.lines {
		if strings.Contains(l, "SNS") {
			t.Errorf("Markdown line %q: an output or a raw cell read as notes", l)
		}
	}
	c := buildOneNote(t, "study.ipynb", src)
	found := false
	for _, f := range c.Facts {
		if f.Subject == "component:subscription-filter" && f.Object == "service:aws-lambda" && strings.HasSuffix(f.Source, "study.ipynb:7") {
			found = true
		}
	}
	if !found {
		t.Errorf("no fact subscription filter -> AWS Lambda citing study.ipynb:7: %v", c.Facts)
	}
	for _, bad := range []string{`{"cells": [`, `{"cells": {"a": 1}}`, `{"metadata": {}}`, `[1, 2]`} {
		if _, err := notebookToMarkdown(bad); err == nil {
			t.Errorf("notebookToMarkdown(%q): no error", bad)
		}
	}
	doc, err := Parse("broken.ipynb", []byte(`{"cells": [{"cell_type": "markdown", "source": ["CodeDeploy hooks"`))
	if err == nil || doc == nil || doc.Format != FormatText {
		t.Errorf("a truncated notebook: format %v, err %v; want read as text with an error", doc, err)
	}
}

// FuzzNotebookToMarkdown: any text reads without a panic, and every
// Markdown line of a notebook it reads cites a line of the note.
func FuzzNotebookToMarkdown(f *testing.F) {
	f.Add(`{"cells": [{"cell_type": "markdown", "source": ["# a\n", "- b\n"]}], "nbformat": 4}`)
	f.Add(`{"cells": [{"cell_type": "code", "source": "x = 1\ny = 2"}, {"source": [], "cell_type": "raw"}]}`)
	f.Fuzz(func(t *testing.T, src string) {
		if h, err := notebookToMarkdown(src); err == nil {
			checkCitedLines(t, h, src)
		}
	})
}
