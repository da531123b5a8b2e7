package ingest

import (
	"slices"
	"strings"
	"testing"
)

// Note shapes of stop 63's blind rounds: identifiers glossed after an
// arrow, reStructuredText titles by their rules, spreadsheets grouped by
// their first column, semicolon lists in a cell, and a short name over
// items that each say what they are.

func TestItemNamedBeforeItsGloss(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"createSecret -> make new version, label AWSPENDING", "createSecret"},
		{"setSecret -> set new creds in the DB / service", "setSecret"},
		{"container_commands: run after the app is extracted", "container_commands"},
		{"Rolling -> a batch at a time", "Rolling"},
		{"GetRecords.IteratorAgeMilliseconds", "GetRecords.IteratorAgeMilliseconds"},
		// fixed bugs: an identifier with its value is one item
		{"minimumHealthyPercent 100", "minimumHealthyPercent 100"},
		{"built-in targets like SNS", "built-in targets like SNS"},
	}
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		if got := itemName(tt.text, dict.Lexicon); got != tt.want {
			t.Errorf("itemName(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestStepsNamedByTheirIdentifiers(t *testing.T) {
	src := "# Secrets Manager\n\n" +
		"- Lambda rotation steps, in order:\n" +
		"  1. createSecret -> make new version, label AWSPENDING\n" +
		"  2. setSecret -> set new creds in the DB / service\n" +
		"  3. testSecret -> log in w/ AWSPENDING version\n" +
		"  4. finishSecret -> move AWSCURRENT to new version\n"
	g, names := extractNote(t, "secrets.md", src)
	var steps []string
	for _, f := range g.Facts {
		if strings.HasSuffix(f.Source, ":4") || strings.HasSuffix(f.Source, ":5") {
			steps = append(steps, names[f.Object])
		}
	}
	for _, want := range []string{"createSecret", "setSecret"} {
		if !slices.Contains(steps, want) {
			t.Errorf("no step named %q; objects of the steps' lines: %q", want, steps)
		}
	}
}

func TestRuledTitleLevels(t *testing.T) {
	src := "Secrets vs Parameter Store\n" +
		"==========================\n\n" +
		"Parameter Store (SSM)\n" +
		"---------------------\n\n" +
		"- types: String, StringList, SecureString\n\n" +
		"Tiers\n\n" +
		"- parameter policies (advanced only): Expiration, ExpirationNotification\n\n" +
		"Who reads them\n" +
		"--------------\n\n" +
		"- CodeBuild buildspec env\n"
	doc, err := Parse("notes.rst", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string][]string{}
	for _, b := range doc.Blocks {
		if b.Kind == BlockBullet {
			sections[b.Text] = b.Section
		}
	}
	want := map[string][]string{
		"types: String, StringList, SecureString":                                {"Secrets vs Parameter Store", "Parameter Store (SSM)"},
		"parameter policies (advanced only): Expiration, ExpirationNotification": {"Secrets vs Parameter Store", "Parameter Store (SSM)", "Tiers"},
		"CodeBuild buildspec env":                                                {"Secrets vs Parameter Store", "Who reads them"},
	}
	for text, path := range want {
		if got := sections[text]; !slices.Equal(got, path) {
			t.Errorf("%q under %q, want %q", text, got, path)
		}
	}
}

func TestGroupedTable(t *testing.T) {
	src := "area,item,detail,my note\n" +
		"lifecycle,retention,expire recovery points after N days,\n" +
		"lifecycle,continuous backup,\"point-in-time restore (PITR); supported for RDS; Aurora; S3\",retention max 35 days\n" +
		"vault,Vault Lock,WORM protection for recovery points,\n" +
		"vault,vault lock modes,\"governance mode; compliance mode\",\n"
	if !groupedKey(mustTable(t, "backup.csv", src)) {
		t.Fatal("groupedKey: the table is not read as grouped by its first column")
	}
	g, names := extractNote(t, "backup.csv", src)
	got := factSet(g, names)
	wantFacts(t, got,
		// the row's item is its subject, the group relates to it
		fact{"continuous backup", "rel:support", "Amazon Aurora", 3},
		fact{"continuous backup", "rel:support", "Amazon S3", 3},
		fact{"vault", "rel:item", "Vault Lock", 4},
	)
	// fixed bugs: a first column that comes back to a value groups nothing
	back := "area,item,detail\na,x,one\nb,y,two\na,z,three\nb,w,four\n"
	if groupedKey(mustTable(t, "back.csv", back)) {
		t.Error("groupedKey: a column whose values come back is read as grouping")
	}
}

// mustTable returns the first table of a note.
func mustTable(t *testing.T, name, src string) *Table {
	t.Helper()
	doc, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if b.Kind == BlockTable {
			return b.Table
		}
	}
	t.Fatalf("%s: no table", name)
	return nil
}

func TestSemicolonNames(t *testing.T) {
	tests := []struct{ in, want string }{
		{"point-in-time restore (PITR); supported for RDS; Aurora; S3; SAP HANA on EC2", "point-in-time restore (PITR); supported for RDS, Aurora, S3, SAP HANA on EC2"},
		{"EC2; EBS; EFS", "EC2, EBS, EFS"},
		{"hourly; every 12 hours; daily", "hourly; every 12 hours; daily"},
		{"no semicolon here", "no semicolon here"},
	}
	for _, tt := range tests {
		if got := semicolonNames(tt.in); got != tt.want {
			t.Errorf("semicolonNames(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNameOverDefinedItems(t *testing.T) {
	src := "↖↑↓ ECS\n" +
		"- Service type\n" +
		"- Replica - places and maintains the desired number of tasks across your cluster\n" +
		"- Demon - deploys exactly one task on each active container instance\n" +
		"- Good for e.g. monitoring that should run on every container instance\n"
	doc, err := Parse("002_x.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	depth := map[string]int{}
	for _, b := range doc.Blocks {
		if b.Kind == BlockBullet {
			depth[strings.Fields(b.Text)[0]] = b.Depth
		}
	}
	if depth["Service"] != 0 || depth["Replica"] != 1 || depth["Demon"] != 1 {
		t.Errorf("depths %v: want Replica and Demon under Service type", depth)
	}
	// fixed bugs: a name over one defined item is as likely its sibling
	one := "↖↑↓ ECS\n- Rolling\n- Canary - 10 percent first\n- Linear steps every minute\n"
	doc, err = Parse("002_y.txt", []byte(one))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if b.Kind == BlockBullet && b.Depth != 0 {
			t.Errorf("%q moved to depth %d", b.Text, b.Depth)
		}
	}
}

func TestFiguresAfterALead(t *testing.T) {
	src := "# CloudFront\n\n" +
		"- origin group: primary + secondary origin, failover on 500, 502, 503, 504, 403, 404\n" +
		"- last review: March 25, 2025\n" +
		"- periodic frequency: 1, 3, 6, 12 or 24 hours\n"
	g, names := extractNote(t, "cf.md", src)
	got := factSet(g, names)
	wantFacts(t, got,
		fact{"Amazon CloudFront", "rel:origin group", "500", 3},
		fact{"Amazon CloudFront", "rel:origin group", "404", 3},
	)
	for f := range got {
		switch {
		case strings.Contains(f.o, "failover on"):
			t.Errorf("the lead stayed on the first code: %+v", f)
		case f.o == "2025" || f.o == "12" || f.o == "3":
			// fixed bugs: a date is one value; figures a unit after the
			// list counts are no codes
			t.Errorf("a figure of a date or a unit's list read as a code: %+v", f)
		}
	}
}

func TestMeansChain(t *testing.T) {
	src := "## CloudWatch Logs\n\n" +
		"Logs stored in Amazon S3 can be sent to CloudWatch Logs by configuring an Amazon S3 event to trigger a Lambda function.\n\n" +
		"Logs stored in Amazon S3 can be queried by running Amazon Athena.\n"
	g, names := extractNote(t, "logs.md", src)
	got := factSet(g, names)
	var hops []string
	for _, f := range g.Facts {
		if f.Predicate == "hop" && strings.HasSuffix(f.Source, ":3") {
			hops = append(hops, names[f.Object])
		}
	}
	slices.Sort(hops)
	if want := []string{"AWS Lambda", "Amazon CloudWatch Logs", "Amazon S3"}; !slices.Equal(hops, want) {
		t.Errorf("hops %q, want %q", hops, want)
	}
	for f := range got {
		// fixed bugs: a means with no verb that moves a thing to a place
		// draws no chain
		if f.line == 5 && (f.p == "flowsTo" || f.p == "hop") {
			t.Errorf("a chain from a sentence that moves nothing: %+v", f)
		}
	}
}

// TestScenarioCalls: an item that tells a scenario, quoted or at length,
// and what it calls for after " => " is named by what it calls for; a
// short label and its value are not.
func TestScenarioCalls(t *testing.T) {
	tests := []struct {
		text, want string
		ok         bool
	}{
		{`Exam tip: "every node must learn about a node that just came online" => Configure event`, "Configure event", true},
		{"need automatic rotation of database credentials => Secrets Manager", "Secrets Manager", true},
		// fixed bugs: a label and its value pair, no scenario
		{"preventive => SCPs", "", false},
		{"same key => same shard => ordering per key", "", false},
		{`"which formats can the agent ship?" => JSONL, logfmt, CEF`, "", false},
	}
	for _, tt := range tests {
		if got, ok := scenarioCall(tt.text); got != tt.want || ok != tt.ok {
			t.Errorf("scenarioCall(%q) = %q, %v, want %q, %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
	g, names := extractNote(t, "ops.md", "## AWS OpsWorks\n\n### Lifecycle events\n\n"+
		"- Setup - runs after an instance boots\n"+
		"- Configure - runs on every instance when one enters or leaves the online state\n"+
		"- Exam tip: \"every node must learn about a node that just came online\" => Configure event\n")
	got := factSet(g, names)
	if !got[fact{"AWS OpsWorks", "rel:lifecycle event", "Configure event", 7}] {
		t.Errorf("no lifecycle event named by what the tip calls for; facts %v", got)
	}
	for f := range got {
		if f.o == "Exam tip" {
			t.Errorf("the tip's label is an item: %+v", f)
		}
	}
}

// TestLabelOverChain: a list item that labels a chain ("Typical layout:
// team repos > shared repo > npm-store repo") is read as the chain's hops,
// not as an item named by its label.
func TestLabelOverChain(t *testing.T) {
	g, names := extractNote(t, "artifact.md", "## AWS CodeArtifact\n\n### Upstream repositories\n\n"+
		"- A repository can have up to 10 upstream repositories\n"+
		"- Typical layout: team repos > shared repo > npm-store repo\n")
	got := factSet(g, names)
	for f := range got {
		if f.o == "Typical layout" {
			t.Errorf("the chain's label is an item: %+v", f)
		}
	}
	if !got[fact{"team repos", "flowsTo", "shared repo", 6}] {
		t.Errorf("no chain from the labelled line; facts %v", got)
	}
}

// TestCoordinatedVerbPhrases: a subject that does what several verb
// phrases say relates to each phrase's own objects by that phrase's verb;
// verbs that share one object, and nouns listed after "and", are no
// phrases of their own.
func TestCoordinatedVerbPhrases(t *testing.T) {
	g, names := extractNote(t, "sec.md", "# Security\n\n"+
		"Amazon Inspector scans EC2 instances and reports findings to Security Hub.\n\n"+
		"CodeBuild can log into ECR and build Docker images.\n\n"+
		"CloudWatch collects metrics and logs from EC2 instances.\n")
	got := factSet(g, names)
	for _, f := range []fact{
		{"Amazon Inspector", "rel:scan", "Amazon EC2 instances", 3},
		{"Amazon Inspector", "rel:report finding to", "AWS Security Hub", 3},
		{"AWS CodeBuild", "rel:can log into", "Amazon ECR", 5},
	} {
		if !got[f] {
			t.Errorf("missing %+v; facts %v", f, got)
		}
	}
	for f := range got {
		// fixed bugs: the first verb took the second phrase's objects
		if f.s == "Amazon Inspector" && f.p == "rel:scan" && f.o == "AWS Security Hub" || f.s == "AWS CodeBuild" && f.o == "Docker" && strings.Contains(f.p, "log") {
			t.Errorf("an object read by another phrase's verb: %+v", f)
		}
		if f.s == "Amazon CloudWatch" && f.line == 7 && !strings.Contains(f.p, "collect") {
			t.Errorf("a noun after \"and\" read as a verb: %+v", f)
		}
	}
}

// TestDefinitionalHeadRelation: a list head that says what its subject is
// ("A fully managed deployment service that automates deployments to:")
// relates the items by its relative clause's verb; a head naming the
// items' own noun keeps it.
func TestDefinitionalHeadRelation(t *testing.T) {
	g, names := extractNote(t, "cd.md", "## AWS CodeDeploy\n\n"+
		"- A fully managed deployment service that automates deployments to:\n"+
		"  - Amazon EC2 instances\n"+
		"  - AWS Lambda functions\n")
	got := factSet(g, names)
	if !got[fact{"AWS CodeDeploy", "rel:automate deployment to", "AWS Lambda", 5}] {
		t.Errorf("no relation by the relative clause's verb; facts %v", got)
	}
}
