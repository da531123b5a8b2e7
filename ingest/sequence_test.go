package ingest

import (
	"strings"
	"testing"
)

// positioned is a fact with its position among its siblings.
type positioned struct {
	s, p, o string
	pos     int
}

func positionSet(g Graph, names map[string]string) map[positioned]bool {
	set := map[positioned]bool{}
	for _, f := range g.Facts {
		set[positioned{names[f.Subject], f.Predicate, names[f.Object], f.Position}] = true
	}
	return set
}

// TestSequences checks that the notes' sequences are read in order: a
// list led by "in this order", and a table whose rows are numbered stages.
func TestSequences(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []positioned
		notWant         []positioned
	}{
		{
			name: "a list the words before it say is in order",
			file: "essay.md",
			src: "## CodePipeline and friends\n\nCodeBuild is the managed build service, driven by buildspec.yml.\n" +
				"The phases run in this order: install, pre_build, build, post_build.\n",
			want: []positioned{
				{"AWS CodeBuild", "rel:phase run order", "install", 1},
				{"AWS CodeBuild", "rel:phase run order", "pre_build", 2},
				{"AWS CodeBuild", "rel:phase run order", "build", 3},
				{"AWS CodeBuild", "rel:phase run order", "post_build", 4},
			},
			// a definite noun that names nothing is the previous sentence's
			// subject's, not the section's
			notWant: []positioned{{"AWS CodePipeline", "rel:phase run order", "install", 1}},
		},
		{
			name: "a flattened table of numbered stages",
			file: "n.txt",
			src: "↖↑↓ Blue/green deployment\nSystem |\nDeploy |\n. |\n(v1 v1 )() |\nInitial State |\nBlue environment, all traffic goes here |\n" +
				"(v1 v1 )(v2 v2 ) |\nDeployment Stage 1 |\nBring up green environment |\n" +
				"(v1 v1 )(v2 v2 ) |\nDeployment Stage 2 |\nCutover - direct traffic from blue to green |\n" +
				"() (v2 v2 ) |\nFinal State |\nBlue environment removed |\n",
			want: []positioned{
				{"Blue/Green", "rel:deployment stage", "Bring up green environment", 1},
				{"Blue/Green", "rel:deployment stage", "Cutover", 2},
				{"Blue/Green", "rel:deployment stage", "Blue environment removed", 3},
			},
			// the state before the first stage is where it starts, no step
			notWant: []positioned{{"Blue/Green", "rel:deployment stage", "Blue environment, all traffic goes here", 0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, names := extractNote(t, tt.file, tt.src)
			got := positionSet(g, names)
			for _, f := range tt.want {
				if !got[f] {
					t.Errorf("missing %v", f)
				}
			}
			for _, f := range tt.notWant {
				if got[f] {
					t.Errorf("unexpected %v", f)
				}
			}
			for f := range got {
				if strings.Contains(f.o, "all traffic goes here") {
					t.Errorf("the initial state read as a step: %v", f)
				}
			}
			if t.Failed() {
				for f := range got {
					if strings.HasPrefix(f.p, "rel:") {
						t.Logf("have %v", f)
					}
				}
			}
		})
	}
}

// TestNamelessClauses checks where ", and" opens a clause whose subject
// names nothing.
func TestNamelessClauses(t *testing.T) {
	g, names := extractNote(t, "eb.md", "# EventBridge\n\nA rule matches an event pattern or runs on a schedule (cron or rate), and a rule can have up to 5 targets.\n")
	got := factSet(g, names)
	if !got[fact{"Amazon EventBridge", "rel:rule can up to", "5 targets", 3}] {
		t.Errorf("the second clause's count is not read")
		for f := range got {
			t.Logf("have %v", f)
		}
	}
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse("empty.md", []byte("# EventBridge\n"))
	if doc == nil {
		t.Fatal(err)
	}
	x := newExtractor(doc, dict)
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"A rule can match an event pattern, and a rule can have up to 5 targets",
			[]string{"A rule can match an event pattern", "a rule can have up to 5 targets"}},
		// a comma before it: ", and" closes a list
		{"EBS creates instances with autoscaling groups, CloudWatch alarms, and other configuration pieces as specified",
			[]string{"EBS creates instances with autoscaling groups, CloudWatch alarms, and other configuration pieces as specified"}},
		// no verb before it: a listed subject
		{"ECS and EC2, and on-premises servers are supported",
			[]string{"ECS and EC2, and on-premises servers are supported"}},
		// no auxiliary or head verb after the noun phrase ("groups" may be a noun)
		{"know IRSA for pod permissions, and managed node groups rolling update",
			[]string{"know IRSA for pod permissions, and managed node groups rolling update"}},
	} {
		if got := x.namelessClauses(tc.in); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("namelessClauses(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSequenceCue(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	lx := dict.Lexicon
	for _, tc := range []struct {
		lead string
		want bool
	}{
		{"The phases run in this order: ", true},
		{"hooks, in sequence: ", true},
		{"In order to cache builds it uses: ", false}, // a purpose
		{"The phases are: ", false},
	} {
		if got := lx.SequenceCue(tc.lead); got != tc.want {
			t.Errorf("SequenceCue(%q) = %v, want %v", tc.lead, got, tc.want)
		}
	}
}

// TestCellOfSeveralStatements: a table cell that writes several statements
// separated by ";" relates its row to each, and a statement that writes
// quantities after a few words relates the row to each quantity by the
// column's relation and those words.
func TestCellOfSeveralStatements(t *testing.T) {
	src := "Name,Category,Limits\nCloudFormation,IaC,\"500 resources per stack; 200 parameters\"\n" +
		"Kinesis Data Streams,Streaming,\"1 MB/s in per shard; retention 24 h default, up to 365 days\"\n"
	g, names := extractNote(t, "db.csv", src)
	got := factSet(g, names)
	for _, f := range []fact{
		{"AWS CloudFormation", "rel:limit", "500 resources", 2},
		{"AWS CloudFormation", "rel:limit", "200 parameters", 2},
		{"Amazon Kinesis Data Streams", "rel:limit", "1 MB/s in per shard", 3},
		{"Amazon Kinesis Data Streams", "rel:limit retention", "365 days", 3},
		{"Amazon Kinesis Data Streams", "rel:limit retention", "24 h", 3},
	} {
		if !got[f] {
			t.Errorf("missing %v", f)
		}
	}
	if t.Failed() {
		for f := range got {
			t.Logf("have %v", f)
		}
	}
}

// TestChainInACell: a table cell that is an arrow chain of names relates
// its row to each step, in order.
func TestChainInACell(t *testing.T) {
	src := "| transition | states |\n|---|---|\n| scale out | Pending -> Pending:Wait -> Pending:Proceed -> InService |\n"
	g, names := extractNote(t, "hooks.md", src)
	got := positionSet(g, names)
	for k, s := range []string{"Pending", "Pending:Wait", "Pending:Proceed", "InService"} {
		if f := (positioned{"scale out", "rel:state", s, k + 1}); !got[f] {
			t.Errorf("missing %v", f)
		}
	}
	if t.Failed() {
		for f := range got {
			t.Logf("have %v", f)
		}
	}
}
