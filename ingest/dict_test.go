package ingest

import (
	"slices"
	"testing"
)

// TestFindStopsAtPunctuation: a name's words stand in one phrase: a colon,
// semicolon, comma or full stop before a space between them ends it ("on
// AWS: CodePipeline" names CodePipeline, not "AWS CodePipeline" across the
// colon); "::" joins a code name's parts.
func TestFindStopsAtPunctuation(t *testing.T) {
	d, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want []string // the mentions' texts
	}{
		{"CI/CD on AWS: CodePipeline, CodeBuild, CodeDeploy", []string{"CodePipeline", "CodeBuild", "CodeDeploy"}},
		{"CI/CD on AWS CodePipeline", []string{"AWS CodePipeline"}},
		{"the AWS::CloudFormation::Init metadata", []string{"AWS::CloudFormation"}},
	} {
		if got := mentionTexts(d, tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("Find(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// mentionTexts returns the texts of the names d finds in text, in order.
func mentionTexts(d *Dictionary, text string) []string {
	var got []string
	for _, m := range d.Find(text) {
		got = append(got, m.Text)
	}
	return got
}

// TestFindAcronymPlurals: an acronym's plural ("SCPs") names what the
// acronym names in mixed-case prose, as the upper-case acronym does; a
// short alias in lower case still names nothing there.
func TestFindAcronymPlurals(t *testing.T) {
	d, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want []string // the mentions' texts
	}{
		{"SCPs do NOT affect the management account", []string{"SCPs", "management account"}},
		{"What do SCPs do?", []string{"SCPs"}},
		{"Attach an SCP to the root", []string{"SCP"}},
		{"Attach scps to the root", nil},
	} {
		if got := mentionTexts(d, tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("Find(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
