package ingest

import (
	"strings"
	"testing"
)

// TestListHeadFeatureSubject: a line under a list head that names a
// feature of its section's service ("Creation Policy" in CloudFormation's
// section of a PDF export) states that feature's fact, not the service's;
// the relation keeps the verb a modal opens ("can use", not "can").
func TestListHeadFeatureSubject(t *testing.T) {
	src := "↖↑↓ AWS CloudFormation\n" +
		"Creation Policy\n" +
		"- Can (only) be used for EC2 Instances and Auto Scaling Groups\n" +
		"- Signal configuration\n"
	g, names := extractNote(t, "002_x.txt", src)
	got := factSet(g, names)
	wantFacts(t, got,
		fact{"CloudFormation Creation Policy", "rel:only can use", "Amazon EC2 instances", 3},
		fact{"CloudFormation Creation Policy", "rel:only can use", "Amazon EC2 Auto Scaling", 3})
	for f := range got {
		if f.line == 3 && f.s == "AWS CloudFormation" {
			t.Errorf("fact %v: the line is the feature's", f)
		}
	}
}

// TestPersonalPronounOpensAClause: "You submit changes and AWS
// CloudFormation immediately deploys them" has a verb (the reader does
// something); it is no verbless phrase of the head's subject, and relates
// the head's feature to nothing.
func TestPersonalPronounOpensAClause(t *testing.T) {
	src := "↖↑↓ AWS CloudFormation\n" +
		"Stacks Updates\n" +
		"- Direct updates\n" +
		"- You submit changes and AWS CloudFormation immediately deploys them\n" +
		"- Change sets\n"
	g, names := extractNote(t, "002_x.txt", src)
	for f := range factSet(g, names) {
		if f.line == 4 && f.o == "AWS CloudFormation" {
			t.Errorf("fact %v from a sentence whose subject is the reader", f)
		}
	}
}

// TestLabelSubheadNamesNoFeature: a PDF subheading that is a label and its
// value ("Default: Indefinetely") names no feature of its service.
func TestLabelSubheadNamesNoFeature(t *testing.T) {
	src := "↖↑↓ CloudWatch Logs\n" +
		"- Retention settings can be used to specify how long log events are kept in CloudWatch Logs\n" +
		"Default: Indefinetely\n" +
		"- Logs can be exported to S3 for durable storage.\n"
	g, _ := extractNote(t, "002_x.txt", src)
	for _, n := range g.Nodes {
		if strings.Contains(n.Name, "Indefinetely") {
			t.Errorf("node %q (%s): a label and its value name nothing", n.Name, n.Kind)
		}
	}
}

// TestDefinitionTable: a two-column table whose first header is a plural
// noun phrase and whose second is blank lists things of that kind, each
// described by its row ("Operation options" of StackSets).
func TestDefinitionTable(t *testing.T) {
	src := "↖↑↓ AWS CloudFormation StackSets\n" +
		"- Operations: Create, Update, Delete\n" +
		"Operation options |\n" +
		". |\n" +
		"Maximum concurrent accounts |\n" +
		"Maximum number or percentage of target accounts in which an operation is performed at one time |\n" +
		"Failure tolerance |\n" +
		"Maximum number or percentage of stack operation failures that can occur, per region |\n" +
		"Retain stack (delete operations only) |\n" +
		"Keep stacks and their resources running even after they have been removed from a stack set |\n"
	g, names := extractNote(t, "002_x.txt", src)
	got := factSet(g, names)
	wantFacts(t, got,
		fact{"AWS CloudFormation StackSets", "rel:operation option", "Maximum concurrent accounts", 5},
		fact{"AWS CloudFormation StackSets", "rel:operation option", "Failure tolerance", 7},
		fact{"AWS CloudFormation StackSets", "rel:operation option", "Retain stack", 9})
}

// TestBarAlternatives: a PDF export that puts "| DELETE" and "|
// DO_NOTHING" on lines of their own under "- ROLLBACK" continues the item
// with alternatives, each an item of the head.
func TestBarAlternatives(t *testing.T) {
	src := "↖↑↓ AWS CloudFormation\n" +
		"- Rollback settings can be provided while creating the stack\n" +
		"onFailure\n" +
		"- ROLLBACK\n" +
		"| DELETE\n" +
		"| DO_NOTHING\n" +
		"- Can try to manually resolve problems\n"
	doc, err := Parse("002_x.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, b := range doc.Blocks {
		if b.Line == 4 {
			found = b.Kind == BlockBullet && b.Text == "ROLLBACK | DELETE | DO_NOTHING" && b.EndLine == 6
		}
		if b.Kind == BlockParagraph && strings.HasPrefix(b.Text, "|") {
			t.Errorf("paragraph %q at %d: a bar continues the item above", b.Text, b.Line)
		}
	}
	if !found {
		t.Errorf("no bullet \"ROLLBACK | DELETE | DO_NOTHING\" at lines 4-6 in %+v", doc.Blocks)
	}
	g, names := extractNote(t, "002_x.txt", src)
	got := factSet(g, names)
	wantFacts(t, got,
		fact{"AWS CloudFormation", "rel:failure", "ROLLBACK", 4},
		fact{"AWS CloudFormation", "rel:failure", "DELETE", 4},
		fact{"AWS CloudFormation", "rel:failure", "DO_NOTHING", 4})
}

// TestNumberedDashedItems: "- 1. Schedule and duration" in a PDF export is
// item 1 of the list the bullet ending with ":" above it heads; the first
// bullet after the run that has no number is no item of it, nor of a
// list its last item opens ("Registered tasks").
func TestNumberedDashedItems(t *testing.T) {
	src := "↖↑↓ Maintenance Windows\n" +
		"- A maintenance window defines a schedule for running disruptive tasks\n" +
		"- Components of a maintenance window:\n" +
		"- 1. Schedule and duration\n" +
		"- 2. Registered targets (instance IDs, tags, or resource groups)\n" +
		"- 3. Registered tasks\n" +
		"- Task types: Run Command, Automation, Lambda, Step Functions\n"
	doc, err := Parse("002_x.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[int][3]any{4: {1, 1, "Schedule and duration"}, 6: {3, 1, "Registered tasks"}, 7: {0, 0, "Task types: Run Command, Automation, Lambda, Step Functions"}}
	for _, b := range doc.Blocks {
		if w, ok := want[b.Line]; ok {
			if b.Ordinal != w[0] || b.Depth != w[1] || b.Text != w[2] {
				t.Errorf("line %d: number %d depth %d %q, want %v", b.Line, b.Ordinal, b.Depth, b.Text, w)
			}
		}
	}
	g, names := extractNote(t, "002_x.txt", src)
	for f := range factSet(g, names) {
		if f.o == "Task types" {
			t.Errorf("fact %v: the label is no item of the numbered list", f)
		}
	}
}

// TestWikiPageFrame: a MediaWiki export's page frame ("From ... Wiki",
// "Jump to navigation Jump to search") and its table of contents
// ("Contents" over "1 Change Sets", "3.1 .ebextensions") are no sections:
// the sections after them are the page title's service's.
func TestWikiPageFrame(t *testing.T) {
	src := "CloudFormation Deep Dive (DOP-C02)\n" +
		"From DevOps Pro Study Wiki\n" +
		"Jump to navigation Jump to search\n" +
		"Contents\n" +
		"1 Change Sets\n" +
		"2 Drift Detection\n" +
		"2.1 Drift statuses\n" +
		"Change Sets\n" +
		"  • A change set is a preview of the changes CloudFormation will make to a stack\n" +
		"Drift Detection\n" +
		"  • Drift status values\n" +
		"    • DRIFTED: resource differs from the template\n" +
		"    • IN_SYNC: resource matches the template\n"
	doc, err := Parse("000_cfn.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if b.Line >= 2 && b.Line <= 7 {
			t.Errorf("block %v %q at line %d: the page frame and contents are no part of the page", b.Kind, b.Text, b.Line)
		}
	}
	g, names := extractNote(t, "000_cfn.txt", src)
	got := factSet(g, names)
	wantFacts(t, got,
		fact{"AWS CloudFormation", "rel:drift status value", "DRIFTED", 12},
		fact{"AWS CloudFormation", "rel:drift status value", "IN_SYNC", 13})
}

// TestLabelledNameList: a line that labels a list of names ("Supported
// OS: Windows Server, Amazon Linux, Ubuntu", "Operation parameter: Scan
// (...) or Install (...)") relates its section's subject to each name by
// the label, asides dropped; a capitalised name in the list is no verb
// ("Windows"). A title that names one feature ("AWS Systems Manager Patch
// Manager") is its sections' subject.
func TestLabelledNameList(t *testing.T) {
	src := "↖↑↓ AWS Systems Manager Patch Manager\n" +
		"↖↑↓ Overview\n" +
		"- Supported OS: Windows Server, Amazon Linux, Ubuntu, RHEL\n" +
		"- Operation parameter: Scan (report missing patches only) or Install (install and reboot)\n"
	g, names := extractNote(t, "002_x.txt", src)
	got := factSet(g, names)
	wantFacts(t, got,
		fact{"Patch Manager", "rel:support os", "Windows Server", 3},
		fact{"Patch Manager", "rel:support os", "Ubuntu", 3},
		fact{"Patch Manager", "rel:operation parameter", "Scan", 4})
	for f := range got {
		if f.p == "rel:window" || f.s == "Supported OS" {
			t.Errorf("fact %v: the label names no subject and the list no verb", f)
		}
	}
}

// TestLabelledChainSteps: a label over a chain of names ("Input / output
// processing order: InputPath > Parameters > (task) > ResultSelector >
// ...") relates the section's subject to each name by the label, in the
// chain's order; an aside alone ("(task)") is no step.
func TestLabelledChainSteps(t *testing.T) {
	src := "↖↑↓ AWS Step Functions\n" +
		"- Input / output processing order: InputPath > Parameters > (task) > ResultSelector > ResultPath > OutputPath\n"
	g, names := extractNote(t, "002_x.txt", src)
	want := []string{"InputPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath"}
	got := map[string]int{}
	for _, f := range g.Facts {
		if names[f.Subject] == "AWS Step Functions" && f.Predicate == "rel:input output process order" {
			got[names[f.Object]] = f.Position
		}
	}
	if len(got) != len(want) {
		t.Fatalf("steps %v, want %v", got, want)
	}
	for k, w := range want {
		if got[w] != k+1 {
			t.Errorf("step %q at %d, want %d (all: %v)", w, got[w], k+1, got)
		}
	}
}

// TestBlogDashBullets: a blog post's "- " lines are bullets, as its "•"
// lines are (the mark is no part of the item), and its first line's
// heading is the post's title over every section, though bullets, not a
// preamble of paragraphs, follow it; the title names the subject, no
// relation of the items under it.
func TestBlogDashBullets(t *testing.T) {
	src := "amazon inspector - my cheat sheet\n#\n" +
		"- scans: ec2, ecr images, lambda fns\n" +
		"- continuous scanning, no schedules to manage\n" +
		"- one click per account or per org\n" +
		"- 15 day free trial\n" +
		"findings\n#\n" +
		"- types: package vulnerability, code vulnerability, network reachability\n"
	doc, err := Parse("001_insp.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if b.Line == 3 || b.Line == 9 {
			if b.Kind != BlockBullet || strings.HasPrefix(b.Text, "-") {
				t.Errorf("line %d: %v %q, want a bullet without its mark", b.Line, b.Kind, b.Text)
			}
		}
	}
	g, names := extractNote(t, "001_insp.txt", src)
	got := factSet(g, names)
	wantFacts(t, got,
		fact{"Amazon Inspector", "rel:scan", "Amazon EC2", 3},
		fact{"Amazon Inspector", "rel:finding type", "package vulnerability", 9},
		fact{"Amazon Inspector", "rel:finding type", "network reachability", 9})
	for f := range got {
		if strings.Contains(f.p, "cheat sheet") {
			t.Errorf("the title's words read as a relation: %+v", f)
		}
	}
}

// TestFeatureHeadingOfItsService: in a note of level-less headings, a
// heading that names a feature whose name holds its service's after a
// qualifier ("Unified CloudWatch Agent") makes the section after it, which
// names nothing, a sibling section of that service's, not one of the last
// service heading before it; and a bare object a comma list goes on with
// is one object of several ("memory usage, available disk space, swap
// usage").
func TestFeatureHeadingOfItsService(t *testing.T) {
	src := "↖↑↓ CloudWatch Events\n" +
		"- Rules match events and send them to targets\n" +
		"↖↑↓ Unified CloudWatch Agent\n" +
		"- Collects metrics and logs from EC2 instances\n" +
		"↖↑↓ Key metrics\n" +
		"- Basic Monitoring submits values every 5 minutes\n" +
		"- Can not monitor memory usage, available disk space, swap usage\n"
	g, names := extractNote(t, "002_pdf.txt", src)
	got := factSet(g, names)
	wantFacts(t, got,
		fact{"Amazon CloudWatch", "rel:not can monitor", "memory usage", 7},
		fact{"Amazon CloudWatch", "rel:not can monitor", "available disk space", 7},
		fact{"Amazon CloudWatch", "rel:not can monitor", "swap usage", 7})
	for f := range got {
		if f.s == "Amazon EventBridge" && f.line > 2 {
			t.Errorf("a line under another section credited to EventBridge: %+v", f)
		}
	}
}

// TestSentenceIntoItsList: a short line that ends on a verb or a list
// opener ("Important CloudWatch EC2 metrics include:") is a sentence that
// goes on into the bullets after it, no title: no feature of that name.
func TestSentenceIntoItsList(t *testing.T) {
	src := "## CloudWatch\n\n" +
		"CloudWatch Metrics oversees metrics for other services such as EC2 every 5 minutes.\n\n" +
		"Important CloudWatch EC2 metrics include:\n" +
		"* CPU Utilization (aggregated)\n" +
		"* Disk Reads/Writes\n" +
		"* Network Packets\n\n" +
		"Custom metrics can also be created with a standard or high resolution.\n"
	g, names := extractNote(t, "004_md.md", src)
	got := factSet(g, names)
	wantFacts(t, got, fact{"Amazon CloudWatch", "rel:important ec2 metric include", "Network Packets", 8})
	for f := range got {
		if strings.Contains(f.o, "include") {
			t.Errorf("the list's sentence made a node: %+v", f)
		}
	}
}
