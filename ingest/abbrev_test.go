package ingest

import (
	"testing"

	"github.com/awskg/awskg/graph"
)

func TestInitialsMatch(t *testing.T) {
	tests := []struct {
		short, long string
		want        bool
	}{
		{"KDF", "Kinesis Data Firehose", true},
		{"EB", "EventBridge", true},
		{"OS", "OpenSearch", true},
		{"SF", "subscription filter", true},
		{"ASG", "Auto Scaling group", true},
		{"CWL", "CloudWatch Logs", true},
		{"KDS", "Kinesis Data Streams", true},
		{"EB", "Elastic Beanstalk", true},
		// fixed bugs
		{"SF", "per-process metrics", false},
		{"PM", "procstat plugin", false},
		{"ES", "Amazon", false},
		{"CT", "CloudTrail Lake Event Data Store", false}, // too many initials left over
	}
	for _, tt := range tests {
		if got := initialsMatch(tt.short, tt.long); got != tt.want {
			t.Errorf("initialsMatch(%q, %q) = %v, want %v", tt.short, tt.long, got, tt.want)
		}
	}
}

// TestNoteAbbreviations: a note's own short forms name what it defines
// them as, in that note only, even against the dictionary ("EB" is Elastic
// Beanstalk's alias; this note defines it as EventBridge).
func TestNoteAbbreviations(t *testing.T) {
	src := "abbr: SF=subscription filter  EB=EventBridge\n\n" +
		"Auto Scaling group (ASG) sends events.\n\n" +
		"--- subscription filters ---\n" +
		"SF dest: KDS, KDF, Lambda\n" +
		"GuardDuty finding -> EB -> Lambda\n"
	g, names := extractNote(t, "cram.txt", src)
	set := factSet(g, names)
	for _, f := range []fact{
		{"Subscription filter", "rel:dest", "Amazon Kinesis Data Firehose", 6},
		{"Amazon GuardDuty", graph.PredFlowsTo, "Amazon EventBridge", 7},
		{"Amazon EventBridge", graph.PredFlowsTo, "AWS Lambda", 7},
	} {
		if !set[f] {
			t.Errorf("missing fact %+v", f)
		}
	}
	for f := range set {
		if f.s == "AWS Elastic Beanstalk" || f.o == "AWS Elastic Beanstalk" {
			t.Errorf("EB read as Elastic Beanstalk: %+v", f)
		}
	}
	doc := parseMust(t, "cram.txt", src)
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	ab, _ := noteAbbreviations(doc, dict)
	if ab["ASG"] != "service:amazon-ec2-auto-scaling" || ab["SF"] != "component:subscription-filter" || ab["EB"] != "service:amazon-eventbridge" {
		t.Errorf("abbreviations = %v", ab)
	}
	// a short form defined two ways means neither
	clash := parseMust(t, "clash.txt", "EB=EventBridge\n\nEB=Elastic Beanstalk\n")
	if ab, _ := noteAbbreviations(clash, dict); ab["EB"] != "" {
		id := ab["EB"]
		t.Errorf("EB defined twice kept as %s", id)
	}
}

// TestLowerCaseAbbreviationLine: a blog's "abbreviations: cp =
// codepipeline, cb = codebuild, cd = codedeploy" defines lower-case short
// forms by the initials of the names their expansions link, so a chain
// written in them reads as the services; the line that defines them states
// no relation of its own.
func TestLowerCaseAbbreviationLine(t *testing.T) {
	src := "cheat sheet: CodePipeline\n\n" +
		"abbreviations: cp = codepipeline, cb = codebuild, cd = codedeploy\n\n" +
		"- typical chain: commit > cp > cb > cd\n"
	g, names := extractNote(t, "blog.txt", src)
	set := factSet(g, names)
	for _, f := range []fact{
		{"AWS CodePipeline", graph.PredFlowsTo, "AWS CodeBuild", 5},
		{"AWS CodeBuild", graph.PredFlowsTo, "AWS CodeDeploy", 5},
	} {
		if !set[f] {
			t.Errorf("missing %+v", f)
		}
	}
	for f := range set {
		if f.line == 3 {
			t.Errorf("the abbreviations line states %+v", f)
		}
	}
}
