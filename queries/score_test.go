package queries

import (
	"slices"
	"testing"

	"github.com/awskg/awskg/graph"
)

// TestScoreDeniedEntity: an entity a negation word rules out ("with no
// load balancer") is denied, and a reading that starts at it, or whose
// relation names it, reads the other scene.
func TestScoreDeniedEntity(t *testing.T) {
	e := noteEngine(t, "hooks.md", "# AWS CodeDeploy\n\n"+
		"- in-place hook order: ApplicationStop, DownloadBundle, BeforeInstall\n"+
		"- with a load balancer the hook order adds: BeforeBlockTraffic, BlockTraffic, AfterBlockTraffic\n")
	a := e.analyze("What is the CodeDeploy hook order with no load balancer?")
	if !slices.Equal(a.denied, []string{"service:elastic-load-balancing"}) {
		t.Fatalf("denied %v, want the load balancer", a.denied)
	}
	for _, q := range []string{
		"What is the CodeDeploy hook order with a load balancer?",
		"which services do I have to enable multi-AZ on manually (not multi-AZ out of the box)?",
	} {
		if b := e.analyze(q); len(b.denied) != 0 {
			t.Errorf("%q: denied %v", q, b.denied)
		}
	}
	e.supportOf(a)
	cands, err := e.scored(t.Context(), a)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, c := range cands {
		if neg, _ := polarityOf(c.pred); neg {
			continue // "X does not ... the load balancer" agrees with the question
		}
		switch c.anchor {
		case "service:elastic-load-balancing":
			seen++
			if c.feat[featDenied] != 1 {
				t.Errorf("%s: denied %v, want 1", c.reading, c.feat[featDenied])
			}
		case "service:aws-codedeploy":
			want := 0.0
			if c.typ == candYesNo && slices.Contains(c.ends, "service:elastic-load-balancing") {
				want = 1 // how the notes relate CodeDeploy and the ruled-out thing
			}
			if c.feat[featDenied] != want {
				t.Errorf("%s: denied %v, want %v", c.reading, c.feat[featDenied], want)
			}
		}
	}
	if seen == 0 {
		t.Error("no reading starts at the load balancer")
	}
}

// TestScoreFocusHead: a relation that holds the head of the asked-for
// phrase (its last word) reads it fully; one that holds only a word that
// qualifies the head, by focusModifierShare.
func TestScoreFocusHead(t *testing.T) {
	e := noteEngine(t, "cb.md", "# AWS CodeBuild\n\n"+
		"- artifact packaging options: zip, folder\n"+
		"- artifact names: build-output, latest\n")
	a := e.analyze("codebuild artifact packaging options")
	if len(a.focus) < 2 {
		t.Fatalf("focus %v: want a phrase of two words or more", a.focus)
	}
	e.supportOf(a)
	cands, err := e.scored(t.Context(), a)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, c := range cands {
		if c.anchor == "service:aws-codebuild" && c.typ == candRelation {
			got[c.pred] = c.feat[featFocus]
		}
	}
	if got["rel:artifact package option"] != 1 || got["rel:artifact name"] != focusModifierShare {
		t.Errorf("focus features: options %v, names %v; want 1 and %v", got["rel:artifact package option"], got["rel:artifact name"], focusModifierShare)
	}
}

// TestScoreDeniedOpenRelation: an open relation whose words hold half the
// words the question denies an entity by ("send notification step" of
// "not a notification rule") reads the denied scene; a typed predicate
// whose vocabulary holds one of them ("load" of deliversTo, for "no load
// balancer") does not.
func TestScoreDeniedOpenRelation(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("Which targets can a CodeCommit repository trigger (not a notification rule) send to?")
	if len(a.denied) != 1 {
		t.Fatalf("denied %v, want the notification rule", a.denied)
	}
	id := a.denied[0]
	rel := e.lx.Terms("send notification step")
	if !a.relationNamesMost(id, rel) || a.relationHolds(id, rel) {
		t.Errorf("%v of %s: names most %v, holds all %v", rel, id, a.relationNamesMost(id, rel), a.relationHolds(id, rel))
	}
	c := &candidate{typ: candRelation, anchor: "service:aws-codecommit", pred: "rel:send notification step", rel: rel}
	e.supportOf(a)
	e.measure(t.Context(), a, c)
	if c.feat[featDenied] != 1 {
		t.Errorf("send notification step: denied %v, want 1", c.feat[featDenied])
	}
}

// TestFeatureNamesComplete: every feature has a name of its own for `ask
// --explain`, so a feature added without one shows up here, not as a
// blank term.
func TestFeatureNamesComplete(t *testing.T) {
	seen := map[string]bool{}
	for i, n := range featureNames {
		if n == "" || seen[n] {
			t.Errorf("feature %d: name %q is empty or taken", i, n)
		}
		seen[n] = true
	}
}

// TestRelationLinesOverAnchorVocabulary: a word the question holds counts
// less for a reading when only the words of every line about its anchor
// hold it than when the lines the relation stands on do; so "what notifies
// Lambda", whose lines say nothing of event source mappings, does not
// answer "event source mapping lambda - which sources?", and the steps the
// notes number after "scale in" answer the states an instance goes through
// during scale in, not what Auto Scaling notifies.
func TestRelationLinesOverAnchorVocabulary(t *testing.T) {
	e := newEngine(t)
	for _, tc := range []struct {
		question string
		want     []string
	}{
		{"event source mapping lambda - which sources?", []string{"Kinesis", "DynamoDB", "SQS"}},
		{"With a lifecycle hook on the ASG, what states does an instance go through during scale in, in order?", []string{"Terminating", "Terminating:Wait", "Terminating:Proceed", "Terminated"}},
	} {
		askExactly(t, e, tc.question, tc.want...)
	}
}

// TestKindFitOfLineAnswers: a reading whose answers no node holds (a
// line's quantities) fits the kind asked for by its answers' kinds, as one
// whose answers are nodes fits by theirs.
func TestKindFitOfLineAnswers(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("how long is the rollback trigger monitoring time at most?")
	e.supportOf(a)
	for _, tt := range []struct {
		kind string
		want float64
	}{{string(graph.KindValue), 1}, {string(graph.KindConcept), 0}} {
		c := &candidate{typ: candEvidence, ends: []string{}, result: &Result{Intent: "evidence", Answers: []Answer{{Name: "0-180 minutes", Kind: tt.kind}}}}
		e.measure(t.Context(), a, c)
		if c.feat[featKindFit] != tt.want {
			t.Errorf("answers of kind %s: kindFit %v, want %v", tt.kind, c.feat[featKindFit], tt.want)
		}
	}
}
