package queries

import (
	"testing"
)

// TestOfferedOptions: the two options around "vs", "versus" or "or", inside
// their clause; "or" offers options only where the question asks which or
// opens with them.
func TestOfferedOptions(t *testing.T) {
	e := newEngine(t)
	for _, tc := range []struct{ q, x, y string }{
		{"firehose vs data streams - which one lets me replay records?", "firehose", "data streams"},
		{"CodeCommit: triggers or notifications - which one is built on CloudWatch Events rules?", "triggers", "notifications"},
		{"Standard or Express workflows for high-volume event processing in Step Functions?", "Standard", "Express workflows"},
		{"LSI versus GSI: which index can I add later?", "LSI", "GSI"},
		{"I have a high-volume event processing workload in Step Functions - Standard or Express workflow?", "Standard", "Express workflow"},
		// fixed bugs
		{"Can SNS or SQS trigger a Lambda function?", "", ""}, // no choice asked
		{"which services notify SNS or SQS natively", "", ""}, // an option needs words of its own before "or"
	} {
		x, y, _, ok := e.offeredOptions(e.analyze(tc.q))
		if tc.x == "" {
			if ok {
				t.Errorf("offeredOptions(%q) = %q, %q, want none", tc.q, x.text, y.text)
			}
			continue
		}
		if !ok || x.text != tc.x || y.text != tc.y {
			t.Errorf("offeredOptions(%q) = %q, %q (%v), want %q, %q", tc.q, x.text, y.text, ok, tc.x, tc.y)
		}
	}
}

// TestOptionChoice: a question that offers two options by their words is
// answered by the one whose line holds the rest of it; a line that denies
// the asked word ("no replay") counts against its option.
func TestOptionChoice(t *testing.T) {
	note := "# Kinesis\n\n" +
		"- Data Streams retention: 24 hours default, up to 365 days; replay possible\n" +
		"- Firehose does NOT store data -> no replay (use Data Streams for that)\n"
	e := noteEngine(t, "n.md", note)
	res, err := e.Ask(t.Context(), "firehose vs data streams - which one lets me replay records?")
	if err != nil {
		t.Fatal(err)
	}
	if got := answerNames(res); len(got) != 1 || got[0] != "data streams" {
		t.Errorf("answers %q (%s), want data streams", got, res.Reading)
	}
}

// TestOffersOne: a question offers its options for a choice only when it
// asks for one thing ("which one"), not of each.
func TestOffersOne(t *testing.T) {
	e := newEngine(t)
	for q, want := range map[string]bool{
		"firehose vs data streams - which one lets me replay records?":                                        true,
		"Repo notifications vs triggers in the notes: which target does each support that the other doesn't?": false,
		"SNS vs SQS: what are the differences?":                                                               false,
		"I have a high-volume event processing workload in Step Functions - Standard or Express workflow?":    true,
	} {
		if got := e.analyze(q).offers; got != want {
			t.Errorf("analyze(%q).offers = %v, want %v", q, got, want)
		}
	}
}

// TestOptionsThatCloseTheQuestion: "... - Standard or Express workflow?"
// asks for the option whose line holds the rest of the question, the
// thing it names (Step Functions) accounted for by that line's heading.
func TestOptionsThatCloseTheQuestion(t *testing.T) {
	e := newEngine(t)
	got := askNames(t, e, "I have a high-volume event processing workload in Step Functions - Standard or Express workflow?")
	if len(got) != 1 || got[0] != "Express workflow" {
		t.Errorf("answers %q, want Express workflow", got)
	}
}
