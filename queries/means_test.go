package queries

import (
	"slices"
	"strings"
	"testing"
)

// TestAskedMeans: "how do I ...", "how can we ...", "how to ..." ask a means
// by their verb (after a causative, by the words after it); other
// questions, and paths, ask none.
func TestAskedMeans(t *testing.T) {
	e := newEngine(t)
	for _, tc := range []struct{ q, want string }{
		{"How do I run a database migration on only one instance?", "run"},
		{"ebextensions: how can we run DB migrations once per deploy", "run"},
		{"how to keep the instance count during a deployment", "keep"},
		{"how can I make a database migration run on one instance only", "databas migrat run instanc"},
		{"How does CodeDeploy shift traffic?", ""}, // asks how something works, not what its asker uses
		{"Which services notify SNS natively?", ""},
		{"how do i get codepipeline events into slack", ""}, // a path
		{"I want a migration to run on one instance. What setting do I use?", "migrat run instanc"},
		{"What do I use?", ""},
		{"Which service do I need for tracing?", ""},
	} {
		got := e.askedMeans(e.analyze(tc.q))
		if len(got) > 0 && tc.want == "" || len(got) == 0 && tc.want != "" || tc.want != "" && !strings.HasPrefix(strings.Join(got, " "), tc.want) {
			t.Errorf("askedMeans(%q) = %q, want %q first", tc.q, got, tc.want)
		}
	}
}

// TestNoteClauses: a line splits at semicolons and sentence ends, not at an
// abbreviation's period, a dash (which joins a name to what it says of it)
// nor an arrow (which joins a goal to its means).
func TestNoteClauses(t *testing.T) {
	e := newEngine(t)
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"container_commands -- run after the app is extracted; leader_only: true runs on one instance only (DB migrations!)",
			[]string{"container_commands -- run after the app is extracted", "leader_only: true runs on one instance only (DB migrations!)"}},
		{"Can use leader_only to only run on a single instance. E.g. migrate database", []string{"Can use leader_only to only run on a single instance", "E.g. migrate database"}},
		{`"run DB migration only on one instance" -> container_commands + leader_only`, []string{`"run DB migration only on one instance" -> container_commands + leader_only`}},
	} {
		if got := e.noteClauses(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("noteClauses(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestMeansAnswers: "how do I ..." is answered by the names in code of the
// clause that says it, not by the services or the other clauses of the
// line; a line whose clause names no code leaves the question to the other
// readings.
func TestMeansAnswers(t *testing.T) {
	note := "# Elastic Beanstalk\n\n" +
		"## .ebextensions\n\n" +
		"- container_commands -- run after the app is extracted but before it is deployed; leader_only: true runs on one instance only (DB migrations!)\n" +
		"- option_settings -- set environment configuration such as the instance type\n"
	e := noteEngine(t, "n.md", note)
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"ebextensions: how do I run DB migrations on only one instance during a deploy?", []string{"leader_only"}},
		{"how can I make a database migration run on one instance only", []string{"leader_only"}},
	} {
		res, err := e.Ask(t.Context(), tc.q)
		if err != nil {
			t.Fatalf("%q: %v", tc.q, err)
		}
		if got := answerNames(res); !slices.Equal(got, tc.want) {
			t.Errorf("%q = %q (%s: %s), want %q", tc.q, got, res.Intent, res.Reading, tc.want)
		}
	}
	a := e.analyze("how do I set the instance type of my environment")
	e.supportOf(a)
	if len(a.hits) == 0 {
		t.Fatal("analyze ranked no line")
	}
	if c := e.meansCandidate(a); c == nil || !slices.Equal(answerNames(c.result), []string{"option_settings"}) {
		t.Errorf("means of setting the instance type = %v, want the name its dash joins to it, option_settings", c)
	}
	a = e.analyze("how do I deploy an application")
	e.supportOf(a)
	if c := e.meansCandidate(a); c != nil {
		t.Errorf("a line that holds little of the question gave a means: %q", answerNames(c.result))
	}
}

// TestIdentifier: settings and keys in code are snake_case or lower
// camelCase words; product names and plain words are not.
func TestIdentifier(t *testing.T) {
	for w, want := range map[string]bool{
		"leader_only": true, "option_settings": true, "minSize": true, "runOrder": true,
		"WebSocket": false, "IoT": false, "CloudFormation": false, "instance": false, "a_b": false, "AWS-RunPatchBaseline": false,
	} {
		if got := identifier(w); got != want {
			t.Errorf("identifier(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestMeansFlattenedSlide: a slide flattened to text breaks a clause over
// lines (the embedded note 002: "Can use" / "leader_only" / "to only run on
// a single instance. E.g. migrate database"); the means reading reads it
// whole, with the line after "E.g." going on with it.
func TestMeansFlattenedSlide(t *testing.T) {
	e := newEngine(t)
	a := e.analyze("How do I run a database migration on only one instance when deploying to Elastic Beanstalk?")
	e.supportOf(a)
	c := e.meansCandidate(a)
	if c == nil {
		t.Fatal("no means reading")
	}
	if got := answerNames(c.result); !slices.Equal(got, []string{"leader_only"}) || !strings.HasSuffix(c.result.Answers[0].Sources[0], "002_653d9272087ba1e1.txt:2830") {
		t.Errorf("means = %q from %v, want leader_only from 002:2830", got, c.result.Answers[0].Sources)
	}
}
