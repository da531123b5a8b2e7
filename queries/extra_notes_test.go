package queries

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// TestExtraNotes ingests the notes in ../testdata/notes (one per format,
// naming services the dictionary lacks, adding table rows and chains) next
// to the embedded ones, and checks that the new facts reach the answers
// while the dev questions still score.
func TestExtraNotes(t *testing.T) {
	e := newEngine(t, "../testdata/notes")
	tests := []struct {
		question string
		want     []string // names that must be answered
		ordered  bool     // want is the exact answer sequence
	}{
		{question: "Which services support cross-account?", want: []string{"AWS AppConfig", "AWS Proton", "AWS CloudTrail"}},
		{question: "Which AWS services have multi-region capabilities?", want: []string{"Amazon Timestream", "AWS Backup", "Amazon DynamoDB"}},
		{question: "Which services support canary deployment?", want: []string{"AWS App Runner", "AWS CodeDeploy"}},
		{question: "which services auto heal", want: []string{"AWS App Runner", "AWS OpsWorks"}},
		{question: "Which services notify SNS natively?", want: []string{"AWS Backup", "AWS CloudTrail"}},
		{question: "Which services have no notification at all?", want: []string{"Amazon Kinesis", "Amazon Timestream"}},
		{question: "Which services emit CloudWatch Events / EventBridge events?", want: []string{"AWS Proton", "AWS Backup"}},
		{question: "What can Amazon Managed Grafana notify?", want: []string{"Amazon SNS"}},
		{question: "What deployment strategies does AWS AppConfig support?", want: []string{"All-at-once", "Linear"}},
		// cram-style.txt: its own short forms ("SF dest: KDF, Lambda"), and
		// the question's noun phrase is about the filter, not CloudWatch Logs
		{question: "What can a CloudWatch Logs subscription filter deliver log events to?", want: []string{"Amazon Kinesis Data Firehose", "AWS Lambda"}},
		{question: "How do I get data from CloudWatch Logs to DynamoDB?", ordered: true,
			want: []string{"Amazon CloudWatch Logs", "Subscription filter", "Amazon Kinesis Data Streams", "AWS Lambda", "Amazon DynamoDB"}},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			res, err := e.Ask(context.Background(), tt.question)
			if err != nil {
				t.Fatal(err)
			}
			got := answerNames(res)
			if tt.ordered {
				if strings.Join(got, " > ") != strings.Join(tt.want, " > ") {
					t.Errorf("got  %s\nwant %s", strings.Join(got, " > "), strings.Join(tt.want, " > "))
				}
				return
			}
			for _, w := range tt.want {
				if !containsStr(got, w) {
					t.Errorf("answers %v lack %q", got, w)
				}
			}
			for _, a := range res.Answers {
				for _, s := range a.Sources {
					if containsStr(tt.want, a.Name) && !strings.Contains(s, ":") {
						t.Errorf("source %q of %s is not file:line", s, a.Name)
					}
				}
			}
		})
	}
	// The embedded corpus' answers survive the extra notes (which add new,
	// correct answers, so precision is not comparable).
	for _, q := range loadQuestions(t) {
		res, err := e.Ask(context.Background(), q.Question)
		if err != nil {
			t.Errorf("%s: %v", q.ID, err)
			continue
		}
		if _, r, _ := f1(q, answerNames(res)); r < 0.9 {
			t.Errorf("%s: recall %.2f with extra notes", q.ID, r)
		}
	}
}

// TestNewFactCitesItsNote checks an extra note's fact cites that note's line.
func TestNewFactCitesItsNote(t *testing.T) {
	e := newEngine(t, "../testdata/notes")
	res, err := e.Ask(context.Background(), "Which AWS services have multi-region capabilities?")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range res.Answers {
		if a.Name == "Amazon Timestream" {
			if len(a.Sources) != 1 || a.Sources[0] != "../testdata/notes/pdf-style.txt:6" {
				t.Errorf("Timestream sources = %v, want [../testdata/notes/pdf-style.txt:6]", a.Sources)
			}
			return
		}
	}
	t.Error("no Amazon Timestream answer")
}

func TestOutOfReach(t *testing.T) {
	e := newEngine(t)
	res := func(q string) error { _, err := e.Ask(context.Background(), q); return err }
	// A name one edit away is read as the name it misspells.
	if r, err := e.Ask(context.Background(), "what can CodeDeplyo notify"); err != nil || !containsStr(r.Understood, "AWS CodeDeploy") || !containsStr(answerNames(r), "AWS Chatbot") {
		t.Errorf("misspelt service: %+v, %v; want it read as AWS CodeDeploy, with AWS Chatbot among the answers", r, err)
	}
	// One too far from any name to read as it gets "did you mean".
	if err := res("tell me about Codedeployyyy"); err == nil || !strings.Contains(err.Error(), `did you mean "AWS CodeDeploy"`) {
		t.Errorf("far misspelling: %v", err)
	}
	for _, q := range []string{"how tall is the eiffel tower", "hello", "what is the meaning of life"} {
		_, err := e.Ask(context.Background(), q)
		if err == nil || !strings.Contains(err.Error(), "try e.g.") {
			t.Errorf("Ask(%q) error = %v, want an out-of-reach error with examples", q, err)
		}
	}
	for _, q := range []string{"", strings.Repeat("a", MaxQuestionBytes+1), "\xff\xfe"} {
		if _, err := e.Ask(context.Background(), q); err == nil {
			t.Errorf("Ask(%.20q) succeeded, want an invalid-question error", q)
		}
	}
}

func TestParaphrases(t *testing.T) {
	e := newEngine(t)
	tests := []struct {
		questions []string
		reading   string // a part of the reading awskg shows
		want      string
	}{
		{[]string{"which services support cross-account", "what AWS services can work across multiple accounts?", "list services with multi-account support", "Which services are multi account"}, "supports", "AWS CloudTrail"},
		{[]string{"list services with multi-region support", "which services work across regions", "what has cross-region capabilities"}, "supports", "Amazon S3"},
		{[]string{"which services are implicitly multi-AZ", "what is multi AZ by default"}, "supports", "Amazon DynamoDB"},
		{[]string{"Which services support blue/green deployment?", "which services can do blue-green deployments", "what supports red/black"}, "supports", "AWS CodeDeploy"},
		{[]string{"what can CodeCommit notify", "what does codecommit send notifications to"}, "notifies", "AWS Chatbot"},
		{[]string{"which DR strategy has the lowest RTO"}, "ordered by rto", "Multi Site/Hot Site"},
		{[]string{"what are the OpsWorks lifecycle events", "list the lifecycle events of opsworks"}, "lifecycleEvent", "Shutdown"},
	}
	for _, tt := range tests {
		for _, q := range tt.questions {
			res, err := e.Ask(context.Background(), q)
			if err != nil {
				t.Errorf("Ask(%q): %v", q, err)
				continue
			}
			if !strings.Contains(res.Reading, tt.reading) || !containsStr(answerNames(res), tt.want) {
				t.Errorf("Ask(%q) = %s %v, want a reading with %q and %q among the answers", q, res.Reading, answerNames(res), tt.reading, tt.want)
			}
		}
	}
}

// TestQuestionFamilies covers families beyond the dev set, each with an
// answer that must come from the notes.
func TestQuestionFamilies(t *testing.T) {
	e := newEngine(t)
	tests := []struct {
		q       string
		reading string // a part of the reading awskg shows
		want    []string
	}{
		{"Does DynamoDB support multi-region?", "whether", []string{"yes"}},
		{"why is CloudTrail cross-account", "Cross-account", []string{"Cross-account"}},
		{"What is the RTO of pilot light?", "rank:rto", []string{"RTO Medium"}},
		{"What are the CodeDeploy lifecycle hooks?", "lifecycleEvent", []string{"ApplicationStop", "BeforeInstall", "ValidateService"}},
		{"What can trigger a Lambda function?", "what notifies AWS Lambda", []string{"Amazon EventBridge", "Amazon S3"}},
		{"What does GuardDuty do?", "does", []string{"Scans accounts and workloads"}},
		{"What does Macie warn about?", "warnsAbout", []string{"SSH private key uploaded to S3"}},
		{"What are the limits of CloudFormation?", "limit", []string{"200 Max stacks per region", "200 Resources per stack", "460kB"}},
		{"What must be in the same region?", "sameRegion", []string{"Amazon EventBridge"}},
		{"What is the data retention of Kinesis?", "retention", []string{"one day", "24 hours"}},
		{"How do I send CloudWatch Logs to Elasticsearch?", "path from", []string{"Amazon CloudWatch Logs", "Subscription filter", "Amazon Elasticsearch Service"}},
		{"What is only available in us-east-1?", "onlyIn", []string{"CloudWatch Billing Alarms"}},
		{"compare CodeDeploy and Elastic Beanstalk", "compared with", []string{"Blue/Green", "Rolling"}},
		// "both X and Y": what the relation ties to each, no path
		{"Which AWS-managed log types can be delivered to both S3 and CloudWatch?", "deliversTo", []string{"CloudTrail Logs", "VPC Flow Logs"}},
		// fixed bugs: "deliver" names where a subscription filter's targets are
		{"Where can a CloudWatch Logs subscription filter deliver log events in real time?", "Subscription filter targets", []string{"AWS Lambda", "Amazon Kinesis Data Firehose"}},
		{"what is CloudTrail", "everything about", []string{"Amazon S3", "Cross-account"}},
	}
	for _, tt := range tests {
		res, err := e.Ask(context.Background(), tt.q)
		if err != nil {
			t.Errorf("Ask(%q): %v", tt.q, err)
			continue
		}
		got := answerNames(res)
		if !strings.Contains(res.Reading, tt.reading) {
			t.Errorf("Ask(%q) read as %q, want a reading with %q", tt.q, res.Reading, tt.reading)
		}
		for _, w := range tt.want {
			if !containsStr(got, w) {
				t.Errorf("Ask(%q) = %v, lacks %q", tt.q, got, w)
			}
		}
	}
}

// TestOneWordConceptKeepsQualifier: a note that makes a concept of an
// ordinary word ("Manually" as a list item) must not take that word's
// qualifier reading from a question that does not mean the concept.
func TestOneWordConceptKeepsQualifier(t *testing.T) {
	dir := t.TempDir()
	note := "# Provisioning\n\n- Ways to provision EC2 instances:\n    - *Manually*: we create the instances by hand and tag them\n    - *Automatically*: an Auto Scaling group is copied\n"
	if err := os.WriteFile(filepath.Join(dir, "ways.md"), []byte(note), 0o644); err != nil {
		t.Fatal(err)
	}
	const q = "Which services need multi-AZ to be enabled manually?"
	want := askNames(t, newEngine(t), q)
	got := askNames(t, newEngine(t, dir), q)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("with a note naming \"Manually\":\n got  %v\n want %v", got, want)
	}
	if len(want) == 0 {
		t.Fatal("no answers without the note")
	}
}

func askNames(t *testing.T, e *Engine, q string) []string {
	t.Helper()
	res, err := e.Ask(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return answerNames(res)
}

// TestPathFromBestLineChain: a path question whose named things are no hop
// of the chain (the keys leak on GitHub; the chain starts at the service
// that scans for them) reads the chain the line that matches it best
// writes. A question for things of a kind with a path verb ("which log
// types get delivered to ...") does not.
func TestPathFromBestLineChain(t *testing.T) {
	e := engineWithNote(t, "health.md", "### Health\n- Health events can notify SNS\n- Can scan github looking for public IAM keys -> CloudWatch event -> Step functions that invoke lambdas to:\n  - delete the exposed key\n")
	got := askNames(t, e, "IAM access keys leaked to a public GitHub repo - what's the chain of services from detection to remediation?")
	want := []string{"Health", "Amazon EventBridge", "AWS Step Functions", "AWS Lambda"}
	if strings.Join(got, " > ") != strings.Join(want, " > ") {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " > "), strings.Join(want, " > "))
	}
}

// TestSynonymNounVerb: a question's noun ("what choices do I have") finds
// the relation a note wrote with its verb ("Can choose ..."): the
// lexicon's synonym groups join the two.
func TestSynonymNounVerb(t *testing.T) {
	e := engineWithNote(t, "ddb.md", "## Notifications\n- DynamoDB Streams\n  - Track write, update, delete\n  - Can choose only keys, only new data, only old data\n  - Hook up to a lambda function\n")
	got := askNames(t, e, "When setting up DynamoDB Streams, what choices do I have for what each stream record contains?")
	for _, want := range []string{"only keys", "only new data", "only old data"} {
		if !slices.Contains(got, want) {
			t.Errorf("answers %q lack %q", got, want)
		}
	}
}

// TestExtremeAcrossReadings: "the longest ..." weighs the values of every
// close reading of the same property, so a note that states a longer
// retention than the embedded notes' answers, alone.
func TestExtremeAcrossReadings(t *testing.T) {
	e := engineWithNote(t, "kds.txt", "kinesis cram\n\n== kds core ==\nshard in: 1 mb/s or 1000 records/s\nretention: default 24 h, extend up to 365 days\n")
	got := askNames(t, e, "What's the longest I can keep data in a Kinesis data stream?")
	if !slices.Contains(got, "365 days") || slices.Contains(got, "7 days") || slices.Contains(got, "24 h") {
		t.Errorf("answers %q, want 365 days alone", got)
	}
}

// TestRelationWordForms: an open relation is named by lemmas ("analyze ten
// billion multiple datum source" of "analyzes tens of billions of events
// across multiple data sources"); a question's "data" finds it through
// the forms the notes write its words in, and a relation named by a word
// the notes write in no other form has none but its own.
func TestRelationWordForms(t *testing.T) {
	e := newEngine(t)
	var datum string
	for _, p := range e.ix.Predicates() {
		if phrase, _, ok := graph.ParseRelation(p); ok && slices.Contains(strings.Fields(phrase), "datum") {
			datum = p
			break
		}
	}
	if datum == "" {
		t.Fatal("no relation of the embedded notes holds the lemma datum")
	}
	if w := e.relationWords(datum, false); !slices.Contains(w, ingest.Stem("data")) {
		t.Errorf("relationWords(%q) = %q, lacks the form data", datum, w)
	}
	got := askNames(t, e, "guardduty data sources")
	want := []string{"AWS CloudTrail", "DNS log", "VPC Flow Logs"}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("guardduty data sources: %q, want %q", got, want)
	}
}
