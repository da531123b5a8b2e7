package queries

import (
	"slices"
	"testing"
)

// TestKindIdentifierReading: "which IAM roles ..." is answered by the
// identifiers a best-matching line writes whose last camel-case word is
// the kind asked for, over the lines that follow it in its section.
func TestKindIdentifierReading(t *testing.T) {
	e := engineWithNote(t, "stacksets.md", "# StackSets\n\n"+
		"To roll the same template out to many accounts and regions, use StackSets. With self-managed\n"+
		"permissions you create `AWSCloudFormationStackSetAdministrationRole` in the admin account and\n"+
		"`AWSCloudFormationStackSetExecutionRole` in every target account. With service-managed permissions,\n"+
		"AWS Organizations does that for you.\n")
	q := "which IAM roles do I have to create for self-managed StackSets permissions?"
	res, err := e.Ask(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"AWSCloudFormationStackSetAdministrationRole", "AWSCloudFormationStackSetExecutionRole"}
	if got := answerNames(res); !slices.Equal(got, want) {
		t.Errorf("%q: answers %q (%s); want %q", q, got, res.Reading, want)
	}
}

// TestIdentifiersOfKind: identifiers of four or more camel-case words that
// end in the kind; short ones that end in a common noun are verbs or
// states, not things of the kind.
func TestIdentifiersOfKind(t *testing.T) {
	for _, tc := range []struct {
		text, kind string
		want       []string
	}{
		{"the `AWSCloudFormationStackSetExecutionRole` in each target account", "role", []string{"AWSCloudFormationStackSetExecutionRole"}},
		{"InService, OutOfService, Standby", "servic", nil},
		{"call PutMetricData with up to 30 dimensions", "data", nil},
		{"ExecutionRole and TaskRole", "role", nil},
	} {
		if got := identifiersOfKind(tc.text, tc.kind); !slices.Equal(got, tc.want) {
			t.Errorf("identifiersOfKind(%q, %q) = %q, want %q", tc.text, tc.kind, got, tc.want)
		}
	}
}
