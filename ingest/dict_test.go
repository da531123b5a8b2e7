package ingest

import (
	"slices"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
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

// TestNoteNameWithSymbols: a level a table's symbols rate ("Deploy time
// 🕑🕑", "Costs $$") is no name a question links by its words: they name
// the column, the symbols are the value.
func TestNoteNameWithSymbols(t *testing.T) {
	d, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	d = d.WithNodes([]graph.Node{
		{ID: "level:deploy-time-🕑🕑", Name: "Deploy time 🕑🕑", Kind: graph.KindLevel},
		{ID: "level:costs-$$", Name: "Costs $$", Kind: graph.KindLevel},
		{ID: "concept:deploy-time-window", Name: "Deploy time window", Kind: graph.KindConcept},
	})
	for _, text := range []string{"rank them by deploy time", "which costs most"} {
		for _, m := range d.Find(text) {
			if strings.HasPrefix(m.ID, "level:") {
				t.Errorf("Find(%q) links %s", text, m.ID)
			}
		}
	}
	if id, ok := d.Exact("Deploy time window"); !ok || id != "concept:deploy-time-window" {
		t.Errorf("Exact(Deploy time window) = %q, %v: a name without symbols is still linked", id, ok)
	}
}

// TestFindJoinedNames: a name of several words written as one, as a man
// page's section or a CLI namespace writes it, links the name; a part of
// a qualified resource type does not.
func TestFindJoinedNames(t *testing.T) {
	d, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	elb, ok := d.Exact("Elastic Load Balancing")
	if !ok {
		t.Fatal("no Elastic Load Balancing in the dictionary")
	}
	for _, tc := range []struct {
		text string
		id   string
		want bool // whether the text names id
	}{
		{"SERVICECATALOG", "service:aws-service-catalog", true},
		{"aws elasticbeanstalk describe-environments", "service:aws-elastic-beanstalk", true},
		{"ElasticLoadBalancing", elb, true},
		{"Type: AWS::ElasticLoadBalancing::LoadBalancer", elb, false},
	} {
		got := slices.ContainsFunc(d.Find(tc.text), func(m Mention) bool { return m.ID == tc.id })
		if got != tc.want {
			t.Errorf("Find(%q) names %s: %v, want %v", tc.text, tc.id, got, tc.want)
		}
	}
}
