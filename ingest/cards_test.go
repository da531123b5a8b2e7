package ingest

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
)

// openRel is an open relation of a built note: subject, phrase, object.
type openRel struct{ s, p, o string }

// openRelations returns the open relations a built corpus holds.
func openRelations(c *Corpus) map[openRel]bool {
	got := map[openRel]bool{}
	for _, f := range c.Facts {
		if phrase, _, open := graph.ParseRelation(f.Predicate); open {
			got[openRel{f.Subject, phrase, f.Object}] = true
		}
	}
	return got
}

func TestHTMLParts(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"<b>5</b> targets per rule", []string{"5 targets per rule"}},
		{"1) event pattern rule<br>2) schedule rule", []string{"1) event pattern rule", "2) schedule rule"}},
		{"<div>std: unlimited</div><div>FIFO: 300/s</div>", []string{"std: unlimited", "FIFO: 300/s"}},
		{"a &amp; b &lt;60s", []string{"a & b <60s"}},
		{"<br><br>", nil},
	} {
		if got := htmlParts(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("htmlParts(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestDeckCards: a note of tab-separated cards reads each card's front as
// a heading over the parts of its back; a front that asks for subjects
// relates its answers to the entity it names; a yes/no front heads no
// items; fewer than three cards are prose with a stray tab.
func TestDeckCards(t *testing.T) {
	deck := "#separator:tab\n#html:true\n" +
		"SNS subscription protocols\tSQS, Lambda, <b>HTTP/HTTPS</b>\n" +
		"Which svc sends events only to EventBridge (no native SNS)?\tAWS Health, Amazon Macie\n" +
		"Composite alarm - can it stop EC2?\tNO. Composite actions limited to SNS\n"
	c := buildOneNote(t, "deck.txt", deck)
	type rel struct{ s, o string }
	got := map[rel]bool{}
	for _, f := range c.Facts {
		if _, _, open := graph.ParseRelation(f.Predicate); open {
			got[rel{f.Subject, f.Object}] = true
		}
	}
	for _, want := range []rel{
		{"service:amazon-sns", "service:amazon-sqs"},
		{"service:amazon-sns", "service:aws-lambda"},
		{"service:aws-personal-health-dashboard", "service:amazon-eventbridge"},
		{"service:amazon-macie", "service:amazon-eventbridge"},
	} {
		if !got[want] {
			t.Errorf("no open relation %s → %s; got %v", want.s, want.o, got)
		}
	}
	for r := range got {
		if r.s == "service:amazon-eventbridge" && (r.o == "service:aws-personal-health-dashboard" || r.o == "service:amazon-macie") {
			t.Errorf("the asked-for subjects became objects: %s → %s", r.s, r.o)
		}
		if r.s == "feature:cloudwatch-composite-alarms" {
			t.Errorf("a yes/no front headed an item: %s → %s", r.s, r.o)
		}
	}
	for _, b := range c.Docs["deck.txt"].Blocks {
		if b.Kind == BlockCode && b.Line > 2 {
			t.Errorf("card line %d read as code: %q", b.Line, b.Text)
		}
	}

	prose := "One line\twith a tab.\nAnother plain line.\n"
	for _, b := range buildOneNote(t, "prose.txt", prose).Docs["prose.txt"].Blocks {
		if b.Kind == BlockHeading {
			t.Errorf("a stray tab made a card: %q", b.Text)
		}
	}
}

// TestDeckMetaColumns: a deck whose Anki header names a tags column
// ("#tags column:3") reads each line's first two fields as the card and
// leaves its tags out; a card's back that is a chain of steps under a front
// asking for hooks in order gives each step as a lifecycle event, in order.
func TestDeckMetaColumns(t *testing.T) {
	deck := "#separator:tab\n#html:false\n#tags column:3\n" +
		"SNS subscription protocols\tSQS, Lambda, email\tsns messaging\n" +
		"Deploy CloudFormation from CodePipeline - action modes?\tCREATE_UPDATE, DELETE_ONLY, CHANGE_SET_EXECUTE\tcodepipeline cfn\n" +
		"EC2 in-place lifecycle hooks order?\tApplicationStop -> DownloadBundle -> BeforeInstall -> Install\tcodedeploy hooks\n"
	c := buildOneNote(t, "deck.tsv", deck)
	got := openRelations(c)
	objects := map[string]bool{}
	for r := range got {
		objects[r.o] = true
	}
	for _, want := range []string{"service:amazon-sqs", "concept:create-update", "concept:change-set-execute"} {
		if !objects[want] {
			t.Errorf("no open relation to %s; got %v", want, got)
		}
	}
	var steps []string
	for _, f := range c.Facts {
		if f.Predicate == graph.PredEvent && f.Subject == "service:amazon-ec2" {
			steps = append(steps, fmt.Sprintf("%d %s", f.Position, f.Object))
		}
	}
	slices.Sort(steps)
	want := []string{"1 event:applicationstop", "2 event:downloadbundle", "3 event:beforeinstall", "4 event:install"}
	if !reflect.DeepEqual(steps, want) {
		t.Errorf("EC2's lifecycle events %q, want %q", steps, want)
	}
	for _, f := range c.Facts {
		for _, tag := range []string{"codedeploy-hooks", "sns-messaging", "codepipeline-cfn"} {
			if strings.HasSuffix(f.Object, tag) || strings.HasSuffix(f.Subject, tag) {
				t.Errorf("a tags field became a node: %+v", f)
			}
		}
	}
}

// TestGlossaryEntries: a paragraph "term — definition" whose term opens
// with an entity's name is about that entity: its sentences that name no
// subject and its "label: a, b" lists relate it; a verbless "label: a, b,
// c" line relates the section's subject. A term that is a clause, a
// flashcard label or a label of another name defines nothing.
func TestGlossaryEntries(t *testing.T) {
	note := "== kdf core ==\n" +
		"destinations: s3, redshift, splunk\n" +
		"compression for s3: gzip, zip, snappy\n\n" +
		"OpsCenter (Systems Manager OpsCenter) — central place to resolve OpsItems. Sources: CloudWatch alarms (alarm action), EventBridge rules (target = OpsItem), Security Hub findings.\n" +
		"AWS Health API — programmatic access to Health events; needs Business, Enterprise On-Ramp or Enterprise Support plan.\n\n" +
		"Artifacts are stored in S3 (note: this has nothing to do with AWS Artifact!)\n"
	c := buildOneNote(t, "gloss.txt", note)
	got := openRelations(c)
	for _, want := range []openRel{
		{"service:amazon-kinesis-data-firehose", "destination", "service:amazon-s3"},
		{"service:amazon-kinesis-data-firehose", "destination", "service:amazon-redshift"},
		{"service:amazon-kinesis-data-firehose", "compression", "concept:gzip"},
		{"feature:opscenter", "source", "service:amazon-eventbridge"},
		{"feature:opscenter", "source", "concept:security-hub-findings"},
		{"service:aws-personal-health-dashboard", "need", "concept:enterprise-on-ramp"},
	} {
		if !got[want] {
			t.Errorf("no open relation %v; got %v", want, got)
		}
	}
	for r := range got {
		if r.s == "service:amazon-s3" {
			t.Errorf("a label's or a clause's name became a term: %v", r)
		}
	}
}

// TestKeyValueTables: a two-column table whose keys are properties (a
// question, a phrase with a lower-case word) relates the section's subject
// by each key to its value, a bare number included; a table whose keys
// name things keeps reading each row's key as its subject.
func TestKeyValueTables(t *testing.T) {
	note := "# Service Control Policies\n\n" +
		"| Question | Answer |\n|---|---|\n" +
		"| Max SCPs attached per entity | 5 |\n" +
		"| Max SCP size | 5,120 characters |\n" +
		"| Apply to mgmt account? | no |\n\n" +
		"# AWS OpsWorks\n\n" +
		"| Event | When |\n|---|---|\n" +
		"| Setup | Occurs after a started instance has finished booting |\n" +
		"| Configure | Occurs on all of the stack's instances |\n"
	c := buildOneNote(t, "kv.md", note)
	got := openRelations(c)
	for _, want := range []openRel{
		{"feature:service-control-policies", "max attach entity", "value:5"},
		{"feature:service-control-policies", "max size", "value:5-120-characters"},
		{"feature:service-control-policies", "apply to mgmt account", "concept:no"},
	} {
		if !got[want] {
			t.Errorf("no open relation %v; got %v", want, got)
		}
	}
	for r := range got {
		if r.s == "service:aws-opsworks" && (r.p == "setup" || r.p == "configure") {
			t.Errorf("a table of named things read as properties: %v", r)
		}
	}
}

func TestEnglishCompound(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{
		"built-in": true, "long-term": true, "scale-in": true,
		"cfn-init": false, "cfn-signal": false, "on-prem": false, "Built-In": false, "builtin": false,
	} {
		if got := englishCompound(w, dict.Lexicon); got != want {
			t.Errorf("englishCompound(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestItemParagraphs: a further paragraph of a Markdown list item keeps
// the list going: one that ends with a colon heads the items under it,
// and the item's own paragraphs between them end nothing.
func TestItemParagraphs(t *testing.T) {
	note := "# Migration\n\n" +
		"* AWS Application Discovery Service helps you plan a migration.\n\n" +
		"    Application Discovery Service offers 2 ways of collecting data about your on-prem servers:\n\n" +
		"    - Agentless discovery: performed by deploying the Agentless Discovery Connector.\n\n" +
		"        The Agentless discovery collects information only about VMware VMs.\n\n" +
		"    - Agent-based discovery: done by deploying the Discovery Agent on each server.\n\n" +
		"* EventBridge can be set up with the following targets:\n\n" +
		"    - SQS queues\n" +
		"    - built-in targets like CloudWatch alarm actions (eg. to stop EC2 instances)\n"
	c := buildOneNote(t, "items.md", note)
	got := map[string]bool{}
	for _, f := range c.Facts {
		if _, _, open := graph.ParseRelation(f.Predicate); open {
			got[f.Subject+" "+f.Object] = true
		}
	}
	for _, want := range []string{
		"service:aws-application-discovery-service concept:agentless-discovery",
		"service:aws-application-discovery-service concept:agent-based-discovery",
		"service:amazon-eventbridge concept:built-in-targets",
	} {
		if !got[want] {
			t.Errorf("no open relation %s; got %v", want, got)
		}
	}
	if got["service:amazon-eventbridge concept:built-in"] {
		t.Error(`"built-in targets like ..." named by its first word`)
	}
}

// TestSequenceHead: a numbered list under a heading that names no entity
// makes the heading a concept whose items are its steps in order (a
// "Label:" step too), the note's own abbreviation of it an alias the
// dictionary finds; a heading that is a clause makes nothing.
func TestSequenceHead(t *testing.T) {
	note := "Introduction\n\nInfrastructure as Code (IaC) lifecycle\n" +
		"  1. Resource provisioning:\n    AWS CloudFormation\n" +
		"  2. Configuration management:\n    AWS OpsWorks for Chef Automate\n" +
		"  3. Monitoring and performance:\n    Amazon CloudWatch\n"
	c := buildOneNote(t, "seq.txt", note)
	id := "concept:infrastructure-as-code-lifecycle"
	var steps []string
	pos := map[string]int{}
	for _, f := range c.Facts {
		if f.Subject == id {
			if phrase, _, _ := graph.ParseRelation(f.Predicate); phrase == "lifecycle" {
				steps = append(steps, f.Object)
				pos[f.Object] = f.Position
			}
		}
	}
	if len(steps) != 3 || pos["concept:resource-provisioning"] != 1 || pos["concept:monitoring-and-performance"] != 3 {
		t.Errorf("steps %v at %v, want the three phases at 1..3", steps, pos)
	}
	var node graph.Node
	for _, n := range c.Nodes {
		if n.ID == id {
			node = n
		}
	}
	if !slices.Contains(node.Aliases, "IaC lifecycle") {
		t.Errorf("node %+v has no alias \"IaC lifecycle\"", node)
	}
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"phases of the Infrastructure as Code lifecycle", "what does the IaC lifecycle cover"} {
		found := false
		for _, m := range dict.WithNodes(c.Nodes).FindWeak(q) {
			found = found || m.ID == id
		}
		if !found {
			t.Errorf("%q finds no %s", q, id)
		}
	}
	if got := abbreviated("Infrastructure as Code (IaC) lifecycle"); got != "IaC lifecycle" {
		t.Errorf("abbreviated = %q", got)
	}
	if got := abbreviated("Amazon Kinesis (streams)"); got != "" {
		t.Errorf("abbreviated(aside) = %q, want none", got)
	}
}

// TestLeadInSentence: a short lead-in before a colon labels the sentence
// after it, which names its own subject.
func TestLeadInSentence(t *testing.T) {
	c := buildOneNote(t, "blog.md", "# Governance\n\nA few limits that bit us: an SCP document can be at most 5,120 characters.\n")
	found := false
	for _, f := range c.Facts {
		found = found || f.Subject == "feature:service-control-policies" && f.Object == "value:5-120-characters"
	}
	if !found {
		t.Errorf("no fact of SCPs and 5,120 characters: %v", c.Facts)
	}
}

// TestStepItems: imperative list items are steps, and the relation that
// lists them says so.
func TestStepItems(t *testing.T) {
	note := "# Notes\n\n* Registering on-prem servers with AWS CodeDeploy:\n" +
		"    - Create an IAM role that the on-prem instances will assume\n" +
		"    - Install CodeDeploy agent on the on-prem servers\n"
	got := openRelations(buildOneNote(t, "steps.md", note))
	for _, want := range []openRel{
		{"service:aws-codedeploy", "register on-prem server with step", "concept:create-an-iam-role"},
		{"service:aws-codedeploy", "register on-prem server with step", "concept:install-codedeploy-agent"},
	} {
		if !got[want] {
			t.Errorf("no open relation %v; got %v", want, got)
		}
	}
}

// TestItemDeniesSomethingOfItself: a list item whose description or aside
// denies something ("AllowTraffic: cannot run scripts", "BlockTraffic
// (cannot run scripts)", "DownloadBundle: downloads ... This event can not
// be used to run scripts") is still the list's item, and what it cannot do
// relates it too; one whose description only denies it is there ("SQS:
// not supported") is denied.
func TestItemDeniesSomethingOfItself(t *testing.T) {
	note := "# AWS CodeDeploy\n\n## Hooks\n\n- Lifecycle event hooks:\n" +
		"    - **AllowTraffic**: cannot run scripts (Lambda functions)\n" +
		"    - **BlockTraffic** (cannot run scripts)\n" +
		"    - **DownloadBundle**: downloads the current application revision from S3 and copies the revision to a temporary location. This event is reserved for CodeDeploy agent and can not be used to run scripts\n" +
		"    - **BeforeInstall**: runs before install\n" +
		"    - **SQS**: not supported\n"
	c := buildOneNote(t, "hooks.md", note)
	type rel struct{ p, o string }
	got := map[rel]bool{}
	for r := range openRelations(c) {
		got[rel{r.p, r.o}] = true
	}
	neg := map[string]bool{}
	for _, f := range c.Facts {
		if _, pol, open := graph.ParseRelation(f.Predicate); open && pol == graph.Negative {
			neg[f.Object] = true
		}
	}
	for _, o := range []string{"event:allowtraffic", "event:blocktraffic", "event:downloadbundle"} {
		if !got[rel{"run script", o}] {
			t.Errorf("no relation 'not run script' to %s; got %v", o, got)
		}
	}
	var denied []string
	for _, f := range c.Facts {
		if phrase, pol, open := graph.ParseRelation(f.Predicate); open && pol == graph.Negative && phrase != "run script" {
			denied = append(denied, f.Object)
		}
	}
	for _, o := range denied {
		if o != "service:amazon-sqs" {
			t.Errorf("membership of %s denied; only SQS's is", o)
		}
	}
	if !slices.Contains(denied, "service:amazon-sqs") {
		t.Errorf("'SQS: not supported' does not deny SQS; denied %v", denied)
	}
}

// TestHeaderlessKeyTable: a table whose header is blank and whose keys are
// lower-case words ("phases", "env") holds the section subject's keys and
// values, each value's list split into items though its words are verbs
// ("install, pre_build, build"); one whose keys are names ("Setup") does
// not.
func TestHeaderlessKeyTable(t *testing.T) {
	note := "# AWS CodeBuild\n\n| | |\n|---|---|\n" +
		"| env | variables , parameter-store , secrets-manager |\n" +
		"| phases | install , pre_build , build , post_build |\n\n" +
		"# AWS OpsWorks\n\nLifecycle events:\n\n| | |\n|---|---|\n" +
		"| Setup | Occurs after a started instance has finished booting |\n" +
		"| Configure | Occurs on all of the stack's instances |\n"
	got := openRelations(buildOneNote(t, "cb.md", note))
	for _, o := range []string{"concept:install", "concept:pre-build", "concept:build", "concept:post-build"} {
		if !got[openRel{"service:aws-codebuild", "phase", o}] {
			t.Errorf("no open relation CodeBuild phase %s; got %v", o, got)
		}
	}
	for r := range got {
		if r.s == "service:aws-opsworks" && (r.p == "setup" || r.p == "configure") {
			t.Errorf("a row named by its key read as a key and value: %v", r)
		}
	}
}

// TestKeyColumnNamesTheKind: an Org-mode table ("|---+---|" under its
// header) is a table, and a key column whose header names a kind
// ("constraint") lists the section subject's things of that kind.
func TestKeyColumnNamesTheKind(t *testing.T) {
	note := "* TODO Service Catalog\n** constraints\n" +
		"   | constraint   | does                          |\n" +
		"   |--------------+-------------------------------|\n" +
		"   | launch       | IAM role SC assumes to launch |\n" +
		"   | template     | restrict param values         |\n" +
		"   | tag update   | allow / deny updating tags    |\n"
	got := openRelations(buildOneNote(t, "study.org", note))
	for _, o := range []string{"concept:launch", "concept:template", "concept:tag-update"} {
		if !got[openRel{"service:aws-service-catalog", "constraint", o}] {
			t.Errorf("no open relation Service Catalog constraint %s; got %v", o, got)
		}
	}
}

// TestKeyColumnKindUnderAServiceHeading: under a heading that names a
// service, a table whose key column's header names a kind ("tier") lists
// that service's tiers.
func TestKeyColumnKindUnderAServiceHeading(t *testing.T) {
	note := "# SSM Parameter Store\n\n| tier | max size |\n|---|---|\n| Standard | 4 KB |\n| Advanced | 8 KB |\n"
	got := openRelations(buildOneNote(t, "ps.md", note))
	for _, o := range []string{"concept:standard", "concept:advanced"} {
		found := false
		for r := range got {
			if r.p == "tier" && r.o == o && r.s == "feature:ssm-parameter-store" {
				found = true
			}
		}
		if !found {
			t.Errorf("no open relation Parameter Store tier %s; got %v", o, got)
		}
	}
}

// TestItemNamedBeforeItsFirstSeparator: a list item is named by the words
// before the first separator it writes ("**task execution role** = ECS
// agent: pull from ECR" is the task execution role), not before the first
// of a fixed list of separators.
func TestItemNamedBeforeItsFirstSeparator(t *testing.T) {
	note := "# Amazon ECS\n\n- task role vs task execution role:\n" +
		"    - **task role** = perms for YOUR app code (S3, DynamoDB)\n" +
		"    - **task execution role** = ECS agent: pull from ECR, write logs to CW Logs\n"
	got := openRelations(buildOneNote(t, "ecs.md", note))
	found := false
	for r := range got {
		if r.o == "concept:task-execution-role" {
			found = true
		}
		if strings.Contains(r.o, "ecs-agent") {
			t.Errorf("an item named past its first separator: %v", r)
		}
	}
	if !found {
		t.Errorf("no relation to the task execution role; got %v", got)
	}
}

// TestSheetDeck: a .csv note a flashcard app exported (a "Front,Back,Tags"
// header, HTML in the fields, a field quoted over two lines) is read as
// cards: each front a heading over the parts of its back, the tags no
// text, a cloze card the sentence it hides words of; a sheet of plain
// cells stays a table.
func TestSheetDeck(t *testing.T) {
	sheet := "Front,Back,Tags\n" + // 1
		"DeletionPolicy options,<ul><li>Delete</li><li>Retain</li><li>Snapshot</li></ul>,dop::cfn\n" + // 2
		"Condition functions,\"Fn::And, Fn::Equals,<br>Fn::If, Fn::Not\",dop::cfn\n" + // 3
		"cfn-init logs,\"/var/log/cfn-init.log<br>\n/var/log/cfn-init-cmd.log\",dop::cfn\n" + // 4-5
		"Stack policy,ALL resources are protected from updates<br>- you can't remove a stack policy,dop::cfn\n" + // 6
		"{{c1::Change sets}} let you preview changes to a {{c2::stack::what}},,dop::cfn cloze\n" // 7
	doc, err := Parse("deck.csv", []byte(sheet))
	if err != nil {
		t.Fatal(err)
	}
	var heads, items, paras []string
	for _, b := range doc.Blocks {
		switch b.Kind {
		case BlockParagraph:
			paras = append(paras, fmt.Sprintf("%d %s %d", b.Line, b.Text, len(b.Section)))
		case BlockHeading:
			heads = append(heads, fmt.Sprintf("%d %s", b.Line, b.Text))
		case BlockBullet:
			items = append(items, fmt.Sprintf("%d %s", b.Line, b.Text))
		case BlockTable:
			t.Errorf("a deck's records read as a table at line %d", b.Line)
		}
	}
	wantHeads := []string{"2 DeletionPolicy options", "3 Condition functions", "4 cfn-init logs", "6 Stack policy"}
	if !slices.Equal(heads, wantHeads) {
		t.Errorf("headings %q, want %q", heads, wantHeads)
	}
	for _, want := range []string{"2 Retain", "3 Fn::If, Fn::Not", "4 /var/log/cfn-init-cmd.log", "6 you can't remove a stack policy"} {
		if !slices.Contains(items, want) {
			t.Errorf("no item %q in %q", want, items)
		}
	}
	if want := []string{"7 Change sets let you preview changes to a stack 0"}; !slices.Equal(paras, want) {
		t.Errorf("paragraphs %q, want %q (a cloze card's sentence, under no card)", paras, want)
	}
	for _, it := range items {
		if strings.Contains(it, "dop::") || strings.Contains(it, "<") {
			t.Errorf("a tag or markup read as text: %q", it)
		}
	}
	plain := "Service,Cross-account\nCloudTrail,yes\nConfig,yes\nCodeBuild,no\n"
	doc, err = Parse("matrix.csv", []byte(plain))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 1 || doc.Blocks[0].Kind != BlockTable {
		t.Errorf("a plain sheet is not one table: %+v", doc.Blocks)
	}
}
