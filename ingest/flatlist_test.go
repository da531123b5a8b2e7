package ingest

import (
	"slices"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
)

// TestNestFlatLists: a list item that ends with ":" heads the name-like
// items after it at its own depth (formats that lose indentation); a
// sentence or a "key: value" item ends the run, and a lone short item is
// left a sibling.
func TestNestFlatLists(t *testing.T) {
	tests := []depthCase{
		{"names after a colon", []string{"Cannot be combined with:", "provisioned concurrency", "Amazon EFS", "container images", "Runtime hooks let code run before the snapshot."}, []int{0, 1, 1, 1, 0}},
		{"key value ends the run", []string{"Targets:", "SQS", "SNS", "Retention: 14 days"}, []int{0, 1, 1, 0}},
		{"one short item stays", []string{"Example:", "SQS", "Another sentence follows here, with a comma."}, []int{0, 0, 0}},
		{"no colon, no nesting", []string{"Targets", "SQS", "SNS"}, []int{0, 0, 0}},
	}
	runDepthCases(t, FormatText, tests, nestFlatLists)
}

// TestNestDescriptions: in a PDF export's flat list, the sentences after
// each title ("Weighted", "Geoproximity Routing (Traffic Flow Only)") move
// under it when two titles at least are each followed by sentences; a
// title no sentence describes stays flat (a run may start after it), and
// a short phrase that is no title or a lone title leaves the run flat.
func TestNestDescriptions(t *testing.T) {
	tests := []depthCase{
		{"titles over sentences", []string{"Simple", "Default policy, typically used if only a single resource performs functionality", "Weighted", "Control distribution of traffic with DNS entries", "This can be based on a certain percentage", "Geoproximity Routing (Traffic Flow Only)", "You can optionally route more traffic or less to a resource by specifying a bias."}, []int{0, 1, 0, 1, 1, 0, 1}},
		{"a title with no sentence stays flat", []string{"Simple", "Weighted", "Control distribution of traffic with DNS entries", "Latency", "Control distribution of traffic based on latency."}, []int{0, 0, 1, 0, 1}},
		{"titles with no sentences", []string{"Simple", "Weighted", "Latency", "Control distribution of traffic based on latency."}, []int{0, 0, 0, 0}},
		{"a lone title", []string{"Defined as JSON", "Attached only to S3 buckets. Can however affect objects.", "Contain principal element (unnecessary for IAM)"}, []int{0, 0, 0}},
		{"a phrase that is no title ends the run", []string{"Fully managed NoSQL database", "HA through different AZs, automatically spreads data", "Built-in monitoring", "Big Data: integrates with EMR and Redshift"}, []int{0, 0, 0, 0}},
		{"a run that ends with a title", []string{"Simple", "Default policy, typically used if only a single resource performs functionality", "Weighted", "Control distribution of traffic with DNS entries", "Latency"}, []int{0, 0, 0, 0, 0}},
	}
	runDepthCases(t, FormatPDF, tests, nestDescriptions)
}

// depthCase is a flat list of bullets and the depths a nesting pass must
// give them.
type depthCase struct {
	name   string
	items  []string
	depths []int
}

// runDepthCases runs nest over each case's bullets, in a document of the
// given format, and reports each bullet whose depth differs.
func runDepthCases(t *testing.T, format string, tests []depthCase, nest func(*Document)) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &Document{Format: format}
			for i, it := range tt.items {
				doc.Blocks = append(doc.Blocks, Block{Kind: BlockBullet, Text: it, Line: i + 1})
			}
			nest(doc)
			for i, b := range doc.Blocks {
				if b.Depth != tt.depths[i] {
					t.Errorf("item %d %q: depth %d, want %d", i, b.Text, b.Depth, tt.depths[i])
				}
			}
		})
	}
}

// TestDescribedTitlesAreItems: a PDF export's routing policies, each
// followed by the sentences that describe it, are the policies; the
// sentences are no policies.
func TestDescribedTitlesAreItems(t *testing.T) {
	text := "↖↑↓ Route53 Routing Policies\n- Simple\n- Default policy, typically used if only a single resource performs functionality\n- Weighted\n- Control distribution of traffic with DNS entries\n- Latency\n- Control distribution of traffic based on latency.\n"
	c := buildOneNote(t, "r53.txt", text)
	var got []string
	for _, f := range c.Facts {
		if f.Subject == "service:amazon-route-53" && strings.HasPrefix(f.Predicate, "rel:route policy") {
			got = append(got, f.Object)
		}
	}
	slices.Sort(got)
	if want := []string{"concept:latency", "concept:simple", "concept:weighted"}; !slices.Equal(got, want) {
		t.Errorf("routing policies = %v, want %v", got, want)
	}
}

// TestListItemNamedByDictionary: a list item that is a dictionary name
// opening with "Amazon"/"AWS" is the relation's object like any other item.
func TestListItemNamedByDictionary(t *testing.T) {
	text := "↖↑↓ Lambda SnapStart\n- Cannot be combined with:\n- provisioned concurrency\n- Amazon EFS\n- container images\n"
	c := buildOneNote(t, "flat.txt", text)
	got := map[string]bool{}
	for _, f := range c.Facts {
		if f.Subject == "feature:lambda-snapstart" {
			if _, pol, open := graph.ParseRelation(f.Predicate); open && pol == graph.Negative {
				got[f.Object] = true
			}
		}
	}
	for _, want := range []string{"feature:lambda-provisioned-concurrency", "service:amazon-efs", "concept:container-images"} {
		if !got[want] {
			t.Errorf("no negative relation from SnapStart to %s; got %v", want, got)
		}
	}
}

// TestNumberColumnLast: a leading 1, 2, 3 ... column moves to the end so
// rows are keyed by their names; other tables keep their columns.
func TestNumberColumnLast(t *testing.T) {
	cells := func(texts ...string) []Cell {
		out := make([]Cell, len(texts))
		for i, s := range texts {
			out[i] = Cell{Text: s, Line: 1}
		}
		return out
	}
	numbered := &Table{Header: cells("Order", "Hook", "Use"), Rows: [][]Cell{cells("1", "BeforeInstall", "a"), cells("2", "AfterInstall", "b")}}
	keyed := &Table{Header: cells("Limit", "Value", "Note"), Rows: [][]Cell{cells("10", "x", "a"), cells("20", "y", "b")}}
	doc := &Document{Blocks: []Block{{Kind: BlockTable, Table: numbered}, {Kind: BlockTable, Table: keyed}}}
	numberColumnLast(doc)
	if got := numbered.Header[0].Text + "," + numbered.Header[2].Text; got != "Hook,Order" {
		t.Errorf("numbered header = %s, want Hook,...,Order", got)
	}
	if got := numbered.Rows[1][0].Text + "," + numbered.Rows[1][2].Text; got != "AfterInstall,2" {
		t.Errorf("numbered row 2 = %s", got)
	}
	if keyed.Header[0].Text != "Limit" || keyed.Rows[0][0].Text != "10" {
		t.Errorf("a table whose first column is not 1, 2, ... moved: %+v", keyed.Header)
	}
}

// TestOpenHeadLists: a flattened item that is a predicate with no object
// ("Can run", "Can configure what type of events to log") lists the
// name-like items after it at its own depth, as one ending with ":" does;
// items that are predicates themselves ("Can scale") stay its siblings.
func TestOpenHeadLists(t *testing.T) {
	text := "↖↑↓ AWS OpsWorks Stacks\n- Instance\n- Units of compute within the platform\n- Can run\n- Load-based\n- Time-based\n- Servers have to exist first.\n" +
		"↖↑↓ AWS CloudTrail\n- Can configure what type of events to log\n- Management events\n- Data events\n" +
		"↖↑↓ Amazon ECS\n- Can run\n- Can scale\n- Can stop\n"
	c := buildOneNote(t, "flat.txt", text)
	got := map[string][]string{}
	for _, f := range c.Facts {
		if rel, _, open := graph.ParseRelation(f.Predicate); open {
			got[f.Subject+" "+rel] = append(got[f.Subject+" "+rel], f.Object)
		}
	}
	for key, want := range map[string][]string{
		"service:aws-opsworks can run":                      {"concept:load-based", "concept:time-based"},
		"service:aws-cloudtrail can configure event to log": {"concept:management-events", "concept:data-events"},
	} {
		for _, w := range want {
			if !slices.Contains(got[key], w) {
				t.Errorf("%s: no object %s; got %v", key, w, got)
			}
		}
	}
	for key, objs := range got {
		if strings.HasPrefix(key, "service:amazon-ecs") && (slices.Contains(objs, "concept:can-scale") || slices.Contains(objs, "concept:can-stop")) {
			t.Errorf("%s lists a predicate as its object: %v", key, objs)
		}
	}
}

// TestHeadAsideNamesNoRelation: a list head that is a name with an aside
// ("KDF (aka Amazon Data Firehose now)") heads its items as the bare name
// does; the aside is no relation phrase of them.
func TestHeadAsideNamesNoRelation(t *testing.T) {
	text := "=== Kinesis ===\nKDF (aka Amazon Data Firehose now)\n- destinations: S3, Redshift, Splunk\n- buffer size 1-128 MB\n"
	c := buildOneNote(t, "kdf.txt", text)
	var dest []string
	for _, f := range c.Facts {
		rel, _, open := graph.ParseRelation(f.Predicate)
		if !open {
			continue
		}
		if strings.Contains(rel, "aka") {
			t.Errorf("the aside is a relation: %s %s %s", f.Subject, rel, f.Object)
		}
		if f.Subject == "service:amazon-kinesis-data-firehose" && rel == "destination" {
			dest = append(dest, f.Object)
		}
	}
	for _, w := range []string{"service:amazon-s3", "service:amazon-redshift"} {
		if !slices.Contains(dest, w) {
			t.Errorf("Firehose destination %s missing; got %v", w, dest)
		}
	}
}

// TestVendorPrefixedItemIsAName: an item that opens with the vendor's
// prefix and goes on capitalised ("AWS CloudTrail management events") is a
// name, though "aws" is a function word of the lexicon; a capitalised
// preposition or number opens none ("In Transit", "One ... per ASG"), nor
// does the prefix open a sentence ("AWS Proton manages ...").
func TestVendorPrefixedItemIsAName(t *testing.T) {
	c := buildOneNote(t, "gd.md", "# Amazon GuardDuty\n\nGuardDuty data sources:\n- AWS CloudTrail management events\n- VPC Flow Logs\n\n# Auto Scaling\n\nLaunch configuration:\n- One Launch Configuration per ASG\n\n# AWS Proton\n\n- AWS Proton manages infrastructure templates\n")
	for _, n := range c.Nodes {
		if strings.Contains(n.Name, "manages") {
			t.Errorf("a sentence after the vendor's prefix is a name: %v", n)
		}
	}
	var objs []string
	for _, f := range c.Facts {
		if f.Subject == "service:amazon-guardduty" {
			objs = append(objs, f.Object)
		}
		if strings.Contains(f.Object, "one-launch-configuration") {
			t.Errorf("a numbered sentence is a name: %v", f)
		}
	}
	if !slices.ContainsFunc(objs, func(o string) bool { return strings.Contains(o, "cloudtrail-management-events") }) {
		t.Errorf("GuardDuty's objects %v lack the CloudTrail management events", objs)
	}
}
