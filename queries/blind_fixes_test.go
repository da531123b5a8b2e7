package queries

import (
	"path/filepath"
	"slices"
	"testing"
)

// TestBlindFixes holds questions of blind rounds that a change of the
// question pipeline fixed, each answered from its round's notes.
func TestBlindFixes(t *testing.T) {
	for _, tc := range []struct {
		name, notes, q, intent string
		want                   []string
	}{
		// a yes/no question whose verdict scores under every other
		// reading's threshold still answers yes or no, not a description
		// of the thing it names
		{"weak verdict", "r88n", "Can I do ECS blue/green with CodeDeploy behind a Classic Load Balancer?", "yes-no", []string{"no"}},
		// a question that names CloudFormation and "stack update" (a
		// namesake feature of it) does not count CloudFormation's lines as
		// holding the feature too: the line on what change sets check
		// decides, not one on CloudFormation updates
		{"namesake named", "r96n", "Will a CloudFormation change set warn me that my stack update is going to fail because of missing IAM permissions or account limits?", "yes-no", []string{"no"}},
		// "cfn-hup" is found by the words its note line is indexed by
		{"hyphenated identifier", "r96n", "How often does cfn-hup poll the stack metadata for changes by default?", "", []string{"15 minutes"}},
		// an order asked of things the question names is their list's, in
		// order; read backwards from one of them, a position orders
		// nothing
		{"order of named steps", "r94n", "in what order are the input/output path filters applied in a state (InputPath, OutputPath, ResultPath etc)?", "", []string{"InputPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEngine(t, filepath.Join("..", "testdata", "blind", tc.notes, "notes"))
			res, err := e.Ask(t.Context(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			got := answerNames(res)
			if tc.intent != "" && res.Intent != tc.intent || !slices.Equal(got, tc.want) {
				t.Errorf("%q = %q (%s, %s), want %q (%s)", tc.q, got, res.Intent, res.Reading, tc.want, tc.intent)
			}
		})
	}
}
