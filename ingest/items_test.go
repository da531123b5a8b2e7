package ingest

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestLineItems(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	lx := dict.Lexicon
	for _, tc := range []struct {
		line  string
		items []string
		chain bool
	}{
		{"- pool states: Stopped, Running, Hibernated", []string{"Stopped", "Running", "Hibernated"}, false},
		{"A: Three: OK, ALARM, INSUFFICIENT_DATA.", []string{"OK", "ALARM", "INSUFFICIENT_DATA"}, false},
		{"- launch: Pending -> Pending:Wait -> Pending:Proceed -> InService", []string{"Pending", "Pending:Wait", "Pending:Proceed", "InService"}, true},
		{"  - Managed rotation out of the box for RDS, Aurora, Redshift and DocumentDB", []string{"RDS", "Aurora", "Redshift", "DocumentDB"}, false},
		{"• Write: 1 MB/s or 1,000 records/s", []string{"1 MB/s", "1,000 records/s"}, false},
		{"treat missing data as: missing (default), notBreaching, breaching, ignore", []string{"missing", "notBreaching", "breaching", "ignore"}, false},
		// "and" inside an earlier item of a comma list is part of its name
		{"in order: backup and restore, pilot light, warm standby, and multi-site active/active.", []string{"backup and restore", "pilot light", "warm standby", "multi-site active/active"}, false},
		{"pick one: Launch, Terminate, HealthCheck and ReplaceUnhealthy", []string{"Launch", "Terminate", "HealthCheck", "ReplaceUnhealthy"}, false},
		// fixed bugs
		{"Session Manager provides instance management without the need to open inbound ports, maintain bastion hosts, or manage SSH keys", nil, false},
		{"CloudTrail is enabled by default in every account.", nil, false},
		{"- Up to 10 triggers", nil, false},
		{"a long sentence, with a comma that is not a list of anything at all really", nil, false},
	} {
		_, items, chain := LineItems(tc.line, lx)
		if !reflect.DeepEqual(items, tc.items) || chain != tc.chain {
			t.Errorf("LineItems(%q) = %q, %v; want %q, %v", tc.line, items, chain, tc.items, tc.chain)
		}
	}
}

func TestInlineLists(t *testing.T) {
	d, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text   string
		before []string
		items  [][]string
	}{
		{"To lint images before release, run scanners like trivy (images) and grype (SBOM) to look for CVEs, stale packages or leaked keys.",
			[]string{"run scanners like", "(SBOM) to look for"},
			[][]string{{"trivy", "grype"}, {"CVEs", "stale packages", "leaked keys"}}},
		{"Restart causes include an AZ outage, host failure, OS patching and a reboot with failover",
			[]string{"Restart causes include"},
			[][]string{{"AZ outage", "host failure", "OS patching", "reboot with failover"}}},
		{"Agents can ship logs using the unified agent and tools such as Fluent Bit, Vector, and Logstash.",
			[]string{"can ship logs using"},
			[][]string{{"unified agent", "Fluent Bit", "Vector", "Logstash"}}},
		{"Ship host metrics to become custom metrics (per-core CPU, memory, disk) with the agent",
			[]string{"to become custom metrics"},
			[][]string{{"per-core CPU", "memory", "disk"}}},
		// a parenthesis that excludes is no list of what the sentence states
		{"Then only SQS queues can subscribe (no Lambda, email or HTTP endpoints)", nil, nil},
		// fixed bugs
		// a clause after "and" is no item
		{"This hook belongs to the agent and can not be used to run scripts", nil, nil},
		// a flattened table row's bullets are no items
		{"Scanner; What it does: * host scans for CVEs * network scans; Will warn", nil, nil},
	}
	for _, tt := range tests {
		got := InlineLists(tt.text, d.Lexicon)
		var before []string
		var items [][]string
		for _, l := range got {
			before = append(before, l.Before)
			items = append(items, l.Items)
		}
		if !reflect.DeepEqual(before, tt.before) || !reflect.DeepEqual(items, tt.items) {
			t.Errorf("InlineLists(%q)\n got %q %q\nwant %q %q", tt.text, before, items, tt.before, tt.items)
		}
	}
}

func TestItemName(t *testing.T) {
	tests := []struct {
		text string
		name string
		kind ItemKind
	}{
		{"SSE-KMS: Server-side encryption using own KMS key", "SSE-KMS", ItemColon},
		{"Retain (keep the resource, it is just removed from the stack)", "Retain", ItemParen},
		{"`Snapshot` takes a final snapshot first", "Snapshot", ItemCode},
		{"**Install**: the agent copies the files", "Install", ItemCode},
		{"Operation Scan = report missing patches only", "Operation Scan", ItemDash},
		{"pre_build - runs before the build", "pre_build", ItemDash},
		{"2. `pre_build` - log in to the registry", "pre_build", ItemCode},
		// fixed bugs: prose is no item
		{"the agent copies the files: all of them", "", ItemNone},
		{"Can enable default encryption on S3 buckets", "", ItemNone},
		{"A very long name of five words: text", "", ItemNone},
	}
	for _, tt := range tests {
		name, kind := ItemName(tt.text)
		if name != tt.name || kind != tt.kind {
			t.Errorf("ItemName(%q) = %q, %d, want %q, %d", tt.text, name, kind, tt.name, tt.kind)
		}
	}
}

func TestItemNameCommand(t *testing.T) {
	for _, tc := range []struct {
		text, name string
		kind       ItemKind
	}{
		{"git clone git_repo_url --mirror to create bare repo", "git clone git_repo_url --mirror", ItemCommand},
		{"git push codecommit_repo_url --all", "git push codecommit_repo_url --all", ItemCommand},
		{"aws deploy push --application-name app --s3-location s3://b/k", "", ItemNone},
		// a table row's statement
		{"notBreaching; Description: Missing datapoints are treated as good", "notBreaching", ItemRow},
		// words, not a command line
		{"use 1 lambda > sns > other lambda(s)", "", ItemNone},
		{"protect branches with IAM", "", ItemNone},
		// a label's colon is no argument: a label over its value
		{"policy present: All updates are allowed", "", ItemNone},
	} {
		name, kind := ItemName(tc.text)
		if name != tc.name || kind != tc.kind {
			t.Errorf("ItemName(%q) = %q, %v; want %q, %v", tc.text, name, kind, tc.name, tc.kind)
		}
	}
}

// TestLabelledPairAndPluralLabel: a list item whose label is plural
// ("Permission models") and whose value joins two names with "or", each
// with an aside, relates the section's subject to both names; the label
// is no item.
func TestLabelledPairAndPluralLabel(t *testing.T) {
	g, names := extractNote(t, "ss.md", "# Notes\n\n## StackSets\n\n- Permission models: self-managed (AdminRole + ExecRole) or service-managed (AWS Organizations).\n")
	var objs []string
	for f := range factSet(g, names) {
		if f.s == "AWS CloudFormation StackSets" {
			objs = append(objs, f.o)
		}
	}
	for _, want := range []string{"self-managed", "service-managed"} {
		if !containsStr(objs, want) {
			t.Errorf("StackSets facts' objects %v lack %q", objs, want)
		}
	}
	if containsStr(objs, "Permission models") {
		t.Errorf("the plural label is an item: %v", objs)
	}
}

// TestLabelClauseOverSingleWords: a list item's label may say something
// of the names after it ("Phases run in order: ..."): the names are
// items, each one word even when it is a verb ("install", "build"); the
// clause is no item.
func TestLabelClauseOverSingleWords(t *testing.T) {
	g, names := extractNote(t, "cb.md", "# Notes\n\n## CodeBuild -- buildspec.yml\n\n- File lives at the root of the source by default\n- Phases run in order: install, pre_build, build, post_build\n")
	var objs []string
	for f := range factSet(g, names) {
		if f.s == "AWS CodeBuild" {
			objs = append(objs, f.o)
		}
	}
	for _, want := range []string{"install", "pre_build", "build", "post_build"} {
		if !containsStr(objs, want) {
			t.Errorf("CodeBuild facts' objects %v lack %q", objs, want)
		}
	}
	if containsStr(objs, "Phases run in order") {
		t.Errorf("the label clause is an item: %v", objs)
	}
}

// TestCopulaLabelList: a sentence that names what a list is before "are"
// or "include" labels the list, as "label: a, b" does; a pronoun, a
// clause or "is" before the list labels nothing.
func TestCopulaLabelList(t *testing.T) {
	g, names := extractNote(t, "cp.md", "# AWS CodePipeline\n\n"+
		"A pipeline = stages, each stage = one or more actions. The six action categories are Source, Build, Test, Deploy, Approval and Invoke.\n\n"+
		"# AWS Systems Manager\n\nIt includes resource groupings, insight dashboards and actions.\n\n"+
		"# Blue/green\n\nCutover and migration is clean, quick and controlled.\n")
	var objs []string
	for f := range factSet(g, names) {
		if f.s == "AWS CodePipeline" && f.p == "rel:action category" {
			objs = append(objs, f.o)
		}
		if f.p == "rel:it" || strings.HasPrefix(f.p, "rel:cutover") && f.o == "quick" {
			t.Errorf("a pronoun or an \"is\" labels a list: %+v", f)
		}
	}
	slices.Sort(objs)
	if want := []string{"Approval", "Build", "Deploy", "Invoke", "Source", "Test"}; !slices.Equal(objs, want) {
		t.Errorf("action categories %v, want %v", objs, want)
	}
}

// TestTableCellList: a table cell that lists names ("EBS volume, RDS,
// ElastiCache") gives one object each; a cell that is a clause or holds
// something that is no name stays one object.
func TestTableCellList(t *testing.T) {
	g, names := extractNote(t, "dp.md", "# DeletionPolicy\n\n"+
		"| Value | On stack delete | Resources |\n|---|---|---|\n"+
		"| Snapshot | final snapshot, then removed | EBS, RDS, ElastiCache, Redshift |\n"+
		"| Retain | resource kept | any resource type |\n")
	var objs []string
	for f := range factSet(g, names) {
		if f.s == "Snapshot" && f.p == "rel:resource" {
			objs = append(objs, f.o)
		}
		if f.s == "Snapshot" && f.p == "rel:stack delete" && f.o != "final snapshot, then removed" {
			t.Errorf("a clause split as a list: %+v", f)
		}
	}
	slices.Sort(objs)
	if want := []string{"Amazon EBS", "Amazon ElastiCache", "Amazon RDS", "Amazon Redshift"}; !slices.Equal(objs, want) {
		t.Errorf("Snapshot's resources %v, want %v", objs, want)
	}
}

// TestCutArrow: an item is cut at its first chain arrow, whichever mark
// it is; an item with none, or one that opens with an arrow, is kept.
func TestCutArrow(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"Hibernated -> fast scale-out", "Hibernated", true},
		{"Running → InService => done", "Running", true},
		{"Stopped", "Stopped", false},
		{"-> Terminated", "-> Terminated", false},
	} {
		if got, ok := CutArrow(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("CutArrow(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
