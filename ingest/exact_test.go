package ingest

import (
	"slices"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
)

// exactReference is Exact as normKey and keyVariants spell it.
func exactReference(d *Dictionary, text string) (string, bool) {
	if len(text) > d.maxKey+16 {
		return "", false
	}
	k := normKey(text)
	if k == "" {
		return "", false
	}
	for _, cand := range keyVariants(k) {
		if id, ok := d.exact[cand]; ok {
			return id, true
		}
	}
	return "", false
}

// TestExactMatchesKeyVariants checks that Exact, which looks its key
// variants up as bytes, links what normKey and keyVariants link: every
// dictionary name and alias (plural, "AWS"/"Amazon" prefixed), and every
// run of up to four words of the embedded notes.
func TestExactMatchesKeyVariants(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, n := range dict.Nodes() {
		for _, a := range append([]string{n.Name}, n.Aliases...) {
			texts = append(texts, a, a+"s", a+"es", "AWS "+a, "Amazon "+a+"s", " "+a+". ")
		}
	}
	src, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range src {
		for _, line := range strings.Split(string(s.Data), "\n") {
			f := strings.Fields(line)
			for i := range f {
				for n := 1; n <= 4 && i+n <= len(f); n++ {
					texts = append(texts, strings.Join(f[i:i+n], " "))
				}
			}
		}
	}
	linked := 0
	for _, text := range texts {
		id, ok := dict.Exact(text)
		wid, wok := exactReference(dict, text)
		if id != wid || ok != wok {
			t.Fatalf("Exact(%q) = %q, %v; want %q, %v", text, id, ok, wid, wok)
		}
		if ok {
			linked++
		}
	}
	if linked < 1000 {
		t.Fatalf("only %d of %d texts linked: the test reads too little", linked, len(texts))
	}
}

// TestPartNames: a feature a note named after its service is found by the
// rest of its name ("billing alarms"); a rest two features share finds
// neither, and a one-word rest ("Alarms") is too vague to find.
func TestPartNames(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	d := dict.WithNodes([]graph.Node{
		{ID: "feature:cloudwatch-billing-alarms", Name: "CloudWatch Billing Alarms", Kind: graph.KindFeature},
		{ID: "feature:codedeploy-custom-hooks", Name: "CodeDeploy Custom Hooks", Kind: graph.KindFeature},
		{ID: "feature:codebuild-custom-hooks", Name: "CodeBuild Custom Hooks", Kind: graph.KindFeature},
		{ID: "feature:lambda-widgets", Name: "Lambda Widgets", Kind: graph.KindFeature},
	})
	found := func(q string) []string {
		var ids []string
		for _, m := range d.FindWeak(q) {
			ids = append(ids, m.ID)
		}
		return ids
	}
	if got := found("what region do billing alarms need"); !slices.Contains(got, "feature:cloudwatch-billing-alarms") {
		t.Errorf("billing alarms found %v; want the CloudWatch feature", got)
	}
	for _, q := range []string{"which custom hooks exist", "show me the widgets"} {
		for _, id := range found(q) {
			if strings.Contains(id, "custom-hooks") || id == "feature:lambda-widgets" {
				t.Errorf("%q found %s", q, id)
			}
		}
	}
}
