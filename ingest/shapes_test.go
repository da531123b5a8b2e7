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
