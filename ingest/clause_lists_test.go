package ingest

import (
	"testing"

	"github.com/awskg/awskg/graph"
)

// TestDashClauses: a dash between two predicates with no subject parts a
// sentence; a dash after a label, a name or a clause with a subject of its
// own does not.
func TestDashClauses(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	x := newExtractor(&Document{}, dict)
	for _, tc := range []struct {
		in, before, after string
	}{
		{"Act upon output created by another environment - pulls work from SQS queue", "Act upon output created by another environment", "pulls work from SQS queue"},
		{"Web tier - serves HTTP via ELB", "", ""},                                                       // a label
		{"CodeDeploy deploys apps - pulls revisions from S3", "", ""},                                    // a name
		{"HTTP/HTTPS check can do string matching – looks for the text in the first 5120 bytes", "", ""}, // its own subject
		{"Logs created by Lambda - are sent to the log group", "", ""},                                   // an auxiliary after
		{"Composite alarm created by hand - stops EC2?", "", ""},                                         // a question
	} {
		before, after, ok := x.dashClauses(tc.in)
		if ok != (tc.before != "") || before != tc.before || after != tc.after {
			t.Errorf("dashClauses(%q) = %q, %q, %v; want %q, %q", tc.in, before, after, ok, tc.before, tc.after)
		}
	}
	g, names := extractNote(t, "eb.md", "## Elastic Beanstalk\n\n- Type Worker environment tier\n- Act upon output created by another environment - pulls work from SQS queue\n")
	if f := (fact{"AWS Elastic Beanstalk", graph.OpenRelation("pull work from", graph.Positive), "Amazon SQS", 4}); !factSet(g, names)[f] {
		t.Errorf("missing %v", f)
	}
}

// TestSemicolonNameLists: short names a semicolon parts are a list, as
// with commas; a part that denies a name or holds a verb is no name.
func TestSemicolonNameLists(t *testing.T) {
	g, names := extractNote(t, "semi.md", "# EC2 Auto Scaling\n\nWarm pool states:\n- Stopped; Running; Hibernated\n")
	got := factSet(g, names)
	for _, o := range []string{"Stopped", "Running", "Hibernated"} {
		if f := (fact{"Amazon EC2 Auto Scaling", graph.OpenRelation("warm pool state", graph.Positive), o, 4}); !got[f] {
			t.Errorf("missing %v", f)
		}
	}
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	o := newOpenReader(newExtractor(&Document{}, dict))
	for _, in := range []string{"S3 only; not CloudWatch Logs", "instances are replaced; old ones are terminated"} {
		if got := o.nameList(in, false); got != nil {
			t.Errorf("nameList(%q) = %q, want none", in, got)
		}
	}
}

// TestChainStepDenials: a step of a chain whose aside denies something of
// it is related to the chain's subject by the denial, as a list item with
// that aside is; the steps with no such aside are not.
func TestChainStepDenials(t *testing.T) {
	src := "# AWS CodeDeploy\n\n## Deploy to ECS\n\n- Hooks: `BeforeInstall` -> `Install` (cannot run script) -> `AfterInstall` -> `AllowTraffic` (cannot run script) -> `AfterAllowTraffic`\n"
	g, names := extractNote(t, "hooks.md", src)
	got := factSet(g, names)
	denied := graph.OpenRelation("run script", graph.Negative)
	for _, o := range []string{"Install", "AllowTraffic"} {
		if f := (fact{"Amazon ECS", denied, o, 5}); !got[f] {
			t.Errorf("missing %v", f)
		}
	}
	for _, o := range []string{"BeforeInstall", "AfterInstall", "AfterAllowTraffic"} {
		if f := (fact{"Amazon ECS", denied, o, 5}); got[f] {
			t.Errorf("unexpected %v", f)
		}
	}
	if t.Failed() {
		for f := range got {
			t.Logf("have %v", f)
		}
	}
}

// TestProsePassiveClauses: a clause whose subject names nothing and whose
// verb is passive says what is done with the previous clause's subject's
// things ("..., matching events can then be routed to a Lambda function",
// also after a full stop or a semicolon); a noun that goes on with the
// subject's name does not hide the verbs it coordinates.
func TestProsePassiveClauses(t *testing.T) {
	src := `# Events

* A rule in EventBridge can be set up that matches specific EC2 state changes, matching events can then be routed to a Lambda function.
* A rule in EventBridge matches EC2 state changes. Matching events can then be routed to a Lambda function.
* EventBridge matches EC2 state changes; matching events are routed to a Lambda function.
* EventBridge rule matches EC2 state changes and routes them to a Lambda function.
`
	g, names := extractNote(t, "events.md", src)
	got := factSet(g, names)
	routed := graph.OpenRelation("matching event can be routed to", graph.Positive)
	for _, f := range []fact{
		{"Amazon EventBridge", routed, "AWS Lambda", 3},
		{"Amazon EventBridge", routed, "AWS Lambda", 4},
		{"Amazon EventBridge", graph.OpenRelation("matching event be routed to", graph.Positive), "AWS Lambda", 5},
		{"Amazon EventBridge", graph.PredTargets, "AWS Lambda", 6},
	} {
		if !got[f] {
			t.Errorf("missing %v", f)
		}
	}
	for _, f := range []fact{
		{"Amazon EventBridge", graph.OpenRelation("match specific", graph.Positive), "AWS Lambda", 3},
		{"Amazon EventBridge", graph.OpenRelation("rule match", graph.Positive), "AWS Lambda", 6},
	} {
		if got[f] {
			t.Errorf("unexpected %v", f)
		}
	}
	if t.Failed() {
		for f := range got {
			t.Logf("have %v", f)
		}
	}
}
