package ingest

import (
	"strings"
	"testing"
)

// Note shapes of stop 65's blind rounds: a spreadsheet whose file name is
// its only title, groups that name a part of that subject, property rows
// and property tables, an Org file's "#+TITLE:", a bar between labelled
// statements, and a name's aside in parentheses.

func TestFileNameTitlesAHeadinglessNote(t *testing.T) {
	src := "topic,item,detail,exam tip\n" +
		"general,what it is,fully managed delivery service,no servers\n" +
		"destinations,Amazon S3,most common,\n" +
		"destinations,Splunk,HEC endpoint,\n" +
		"destinations,HTTP endpoint,any custom HTTPS endpoint,\n" +
		"transform,what,Lambda invoked synchronously,\n" +
		"transform,record result statuses,\"Ok, Dropped, ProcessingFailed\",each record returns recordId\n" +
		"format conversion,what,JSON to Parquet or ORC,\n" +
		"format conversion,serializer,ORC SerDe or Parquet SerDe,\n"
	tests := []struct {
		name string
		want []fact
		not  []fact
	}{
		{"002_firehose.csv", []fact{
			{"Amazon Kinesis Data Firehose", "rel:destination", "Amazon S3", 3},
			{"Amazon Kinesis Data Firehose", "rel:destination", "Splunk", 4},
			{"Amazon Kinesis Data Firehose", "rel:record result status", "Ok", 7},
			{"Amazon Kinesis Data Firehose", "rel:record result status", "ProcessingFailed", 7},
		}, []fact{
			// the group is no node of its own, and "item" no relation
			{"destinations", "rel:item", "Amazon S3", 3},
			{"Amazon Kinesis Data Firehose", "rel:item", "Amazon S3", 3},
		}},
		// a name that names nothing titles nothing
		{"002_58aa1aa0168045e5.csv", nil, []fact{
			{"Amazon Kinesis Data Firehose", "rel:destination", "Amazon S3", 3},
		}},
	}
	for _, tt := range tests {
		g, names := extractNote(t, tt.name, src)
		got := factSet(g, names)
		wantFacts(t, got, tt.want...)
		for _, f := range tt.not {
			if got[f] {
				t.Errorf("%s: fact %v, want none", tt.name, f)
			}
		}
	}
	// a note with headings is titled by them, not by its name
	g, names := extractNote(t, "firehose.md", "# Amazon S3\n\n- Destinations: Splunk\n")
	for f := range factSet(g, names) {
		if f.s == "Amazon Kinesis Data Firehose" {
			t.Errorf("firehose.md under an S3 heading: fact %v about the file name's service", f)
		}
	}
}

func TestPropertyTables(t *testing.T) {
	tests := []struct {
		name, src string
		want, not []fact
	}{{
		"lambda.org",
		"#+TITLE: Lambda - DOP-C02 prep\n#+AUTHOR: me\n\n* Limits cheat sheet\n" +
			"  | limit   | value                           |\n" +
			"  |---------+---------------------------------|\n" +
			"  | timeout | default 3 s, max 900 s (15 min) |\n" +
			"  | memory  | 128 MB - 10,240 MB (1 MB steps) |\n" +
			"  | layers  | 5                               |\n",
		[]fact{
			{"AWS Lambda", "rel:timeout", "900 s", 7},
			{"AWS Lambda", "rel:memory", "128 MB", 8},
		},
		[]fact{{"timeout", "rel:value", "900 s", 7}, {"AWS Lambda", "rel:memory", "1 MB", 8}},
	}, {
		// keys that are values themselves keep the table value-keyed
		"metrics.md",
		"# CloudWatch Metrics\n\n| Resolution | Retention |\n| --- | --- |\n| 60 seconds | 15 days |\n| 5 minutes | 63 days |\n",
		nil,
		[]fact{{"Amazon CloudWatch Metrics", "rel:resolution", "15 days", 5}},
	}}
	for _, tt := range tests {
		g, names := extractNote(t, tt.name, tt.src)
		got := factSet(g, names)
		wantFacts(t, got, tt.want...)
		for _, f := range tt.not {
			if got[f] {
				t.Errorf("%s: fact %v, want none", tt.name, f)
			}
		}
	}
}

func TestOrgTitleIsTheNoteTitle(t *testing.T) {
	src := "#+TITLE: AWS Lambda notes\n#+STARTUP: overview\n\n* Why I care\n  - shows up everywhere\n"
	doc, err := Parse("lambda.org", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) == 0 || doc.Blocks[0].Kind != BlockHeading || doc.Blocks[0].Text != "AWS Lambda notes" || doc.Blocks[0].Line != 1 {
		t.Fatalf("first block %+v, want the heading \"AWS Lambda notes\" at line 1", doc.Blocks[0])
	}
}

func TestBarBetweenLabelledStatements(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Firehose: managed delivery | KDS: custom consumers (KCL, Lambda)", []string{"Firehose: managed delivery", "KDS: custom consumers (KCL, Lambda)"}},
		// fixed bugs: alternatives are no statements
		{"selection.tagStatus: tagged | untagged | any", []string{"selection.tagStatus: tagged | untagged | any"}},
	}
	for _, tt := range tests {
		got := sentences(tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("sentences(%q) = %q, want %q", tt.text, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("sentences(%q) = %q, want %q", tt.text, got, tt.want)
				break
			}
		}
	}
}

func TestAsideNamesNothingWithTheName(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	var s findScratch
	ms := dict.find("CloudWatch Synthetics (canaries)", &s)
	if len(ms) == 0 || ms[0].Text != "CloudWatch Synthetics" {
		t.Errorf("find(\"CloudWatch Synthetics (canaries)\") = %+v, want \"CloudWatch Synthetics\" first", ms)
	}
}

func TestPurposeColumnKeysAreThings(t *testing.T) {
	src := "# CloudWatch Synthetics\n\n| Blueprint | Use |\n| --- | --- |\n" +
		"| Heartbeat monitoring | load URL, check it's up |\n| Broken link checker | crawl links on a page |\n"
	g, names := extractNote(t, "syn.md", src)
	got := factSet(g, names)
	wantFacts(t, got,
		fact{"CloudWatch Synthetics", "rel:blueprint", "Heartbeat monitoring", 5},
		fact{"CloudWatch Synthetics", "rel:blueprint", "Broken link checker", 6})
	if f := (fact{"CloudWatch Synthetics", "rel:heartbeat monitoring", "load URL", 5}); got[f] {
		t.Errorf("fact %v: a blueprint read as a property", f)
	}
}

func TestVariantColumns(t *testing.T) {
	src := "# SSM Parameter Store\n\n## Tiers\n\n| | Standard | Advanced |\n| --- | --- | --- |\n" +
		"| max value size | 4 KB | 8 KB |\n| parameter policies | no | yes |\n"
	g, names := extractNote(t, "ps.md", src)
	got := factSet(g, names)
	wantFacts(t, got,
		fact{"SSM Parameter Store", "feature", "SSM Parameter Store Standard", 5},
		fact{"SSM Parameter Store Standard", "rel:max value size", "4 KB", 7},
		fact{"SSM Parameter Store Advanced", "rel:max value size", "8 KB", 7})
	// fixed bugs: headers that name entities keep their entities, and a
	// table under no subject has no variants
	g, names = extractNote(t, "notes.md", "| | Standard | Advanced |\n| --- | --- | --- |\n| max value size | 4 KB | 8 KB |\n| cost | free | paid |\n")
	for f := range factSet(g, names) {
		if strings.HasSuffix(f.s, " Standard") || strings.HasSuffix(f.o, " Standard") {
			t.Errorf("fact %v: a variant under no subject", f)
		}
	}
}
