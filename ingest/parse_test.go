package ingest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// parseBlk is the part of a Block a fixture checks.
type parseBlk struct {
	kind    BlockKind
	line    int
	endLine int
	level   int
	depth   int
	ordinal int
	section string // Section joined with " > "
	text    string
}

func (b parseBlk) String() string {
	return fmt.Sprintf("%s %d-%d L%d D%d O%d [%s] %q", b.kind, b.line, b.endLine, b.level, b.depth, b.ordinal, b.section, b.text)
}

func parseBlks(doc *Document) []parseBlk {
	var out []parseBlk
	for _, b := range doc.Blocks {
		out = append(out, parseBlk{b.Kind, b.Line, b.EndLine, b.Level, b.Depth, b.Ordinal, strings.Join(b.Section, " > "), b.Text})
	}
	return out
}

// parseMust parses a fixture and fails the test on any error.
func parseMust(t *testing.T, name, src string) *Document {
	t.Helper()
	doc, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return doc
}

// parseFormatMust parses src as parseMust does and fails the test unless
// the note is read in the given format.
func parseFormatMust(t *testing.T, name, src, format string) *Document {
	t.Helper()
	doc := parseMust(t, name, src)
	if doc.Format != format {
		t.Fatalf("%s: format = %q, want %s", name, doc.Format, format)
	}
	return doc
}

func parseCheckBlocks(t *testing.T, doc *Document, want []parseBlk) {
	t.Helper()
	got := parseBlks(doc)
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(got):
			t.Errorf("block %d missing, want %v", i, want[i])
		case i >= len(want):
			t.Errorf("extra block %d: %v", i, got[i])
		case got[i] != want[i]:
			t.Errorf("block %d:\n got %v\nwant %v", i, got[i], want[i])
		}
	}
}

// parseTableText renders a table as "h1|h2 / r1c1|r1c2 / ..." for compact checks.
func parseTableText(t *Table) string {
	row := func(r []Cell) string {
		s := make([]string, len(r))
		for i, c := range r {
			s[i] = c.Text
		}
		return strings.Join(s, "|")
	}
	parts := []string{row(t.Header)}
	for _, r := range t.Rows {
		parts = append(parts, row(r))
	}
	return strings.Join(parts, " / ")
}

func parseTables(doc *Document) []Block {
	var out []Block
	for _, b := range doc.Blocks {
		if b.Kind == BlockTable {
			out = append(out, b)
		}
	}
	return out
}

const parseWikiFixture = `Domains

The 6 domains include:

  1. Software Development LifeCycle (SDLC) Automation [22%]
  2. Configuration Management and Infrastructure as Code [19%]

The CI/CD Pipeline
  • AWS CodePipeline
    • Source Stage
      • AWS CodeCommit (think "git")
IaC lifecycle
  1. Configuration management:
    AWS OpsWorks for Chef Automate
    Amazon EC2 Systems Manager

Examples
$ aws cloudwatch put-metric-data \
    --metric-name randomNumber

Systems Manager
Tasks Details
Run Command Manage the configuration of managed instances at scale.
Inventory Automate the collection of the software inventory from managed instances.
Parameter Store Store, control, access, and retrieve configuration data such

as passwords, encrypted through AWS KMS.
`

func TestParseWiki(t *testing.T) {
	doc := parseMust(t, "w.txt", parseWikiFixture+"  • logs > subscription filter > kinesis firehose > s3\n")
	if doc.Format != FormatWiki {
		t.Fatalf("format = %q, want wiki", doc.Format)
	}
	table := parseBlk{kind: BlockTable, line: 22, endLine: 27, section: "Systems Manager"}
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", "Domains"},
		{BlockParagraph, 3, 3, 0, 0, 0, "Domains", "The 6 domains include:"},
		{BlockBullet, 5, 5, 0, 0, 1, "Domains", "Software Development LifeCycle (SDLC) Automation [22%]"},
		{BlockBullet, 6, 6, 0, 0, 2, "Domains", "Configuration Management and Infrastructure as Code [19%]"},
		{BlockHeading, 8, 8, 1, 0, 0, "", "The CI/CD Pipeline"},
		{BlockBullet, 9, 9, 0, 0, 0, "The CI/CD Pipeline", "AWS CodePipeline"},
		{BlockBullet, 10, 10, 0, 1, 0, "The CI/CD Pipeline", "Source Stage"},
		{BlockBullet, 11, 11, 0, 2, 0, "The CI/CD Pipeline", `AWS CodeCommit (think "git")`},
		{BlockHeading, 12, 12, 1, 0, 0, "", "IaC lifecycle"},
		{BlockBullet, 13, 13, 0, 0, 1, "IaC lifecycle", "Configuration management:"},
		{BlockBullet, 14, 14, 0, 1, 0, "IaC lifecycle", "AWS OpsWorks for Chef Automate"},
		{BlockBullet, 15, 15, 0, 1, 0, "IaC lifecycle", "Amazon EC2 Systems Manager"},
		{BlockHeading, 17, 17, 1, 0, 0, "", "Examples"},
		{BlockCode, 18, 19, 0, 0, 0, "Examples", "$ aws cloudwatch put-metric-data \\\n    --metric-name randomNumber"},
		{BlockHeading, 21, 21, 1, 0, 0, "", "Systems Manager"},
		table,
		{BlockBullet, 28, 28, 0, 0, 0, "Systems Manager", "logs > subscription filter > kinesis firehose > s3"},
	})
	tables := parseTables(doc)
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	want := "Tasks|Details / Run Command|Manage the configuration of managed instances at scale. / " +
		"Inventory|Automate the collection of the software inventory from managed instances. / " +
		"Parameter Store|Store, control, access, and retrieve configuration data such as passwords, encrypted through AWS KMS."
	if got := parseTableText(tables[0].Table); got != want {
		t.Errorf("table:\n got %s\nwant %s", got, want)
	}
	if c := tables[0].Table.Rows[2][0]; c.Line != 25 {
		t.Errorf("Parameter Store cell line = %d, want 25", c.Line)
	}
}

func TestSplitKeyDesc(t *testing.T) {
	tests := []struct{ in, key, desc string }{
		{"Run Command Manage the configuration of managed instances", "Run Command", "Manage the configuration of managed instances"},
		{"Inventory Automate the collection", "Inventory", "Automate the collection"},
		{"State Manager Keep managed instances", "State Manager", "Keep managed instances"},
		{"Parameter Store Store, control, access", "Parameter Store", "Store, control, access"},
	}
	for _, tt := range tests {
		key, desc, ok := splitKeyDesc(tt.in)
		if !ok || key != tt.key || desc != tt.desc {
			t.Errorf("splitKeyDesc(%q) = %q, %q, %v; want %q, %q", tt.in, key, desc, ok, tt.key, tt.desc)
		}
	}
	if _, _, ok := splitKeyDesc("lower case start"); ok {
		t.Error("splitKeyDesc accepted a lower-case line")
	}
}

const parseBlogFixture = `Skip to main content

Deployment
#

  • rolling: eb, opsworks, cloudformation+asg+AutoScalingRollingUpdate policy, codedeploy
  • iam role in acctA
    • trust s3 to assume role

Cloudwatch
#

send logs to other place for analysis
#

  • logs > subscription filter > kinesis firehose > s3 > athena

use ECS-optimised AMI - have container agent installed
`

func TestParseBlog(t *testing.T) {
	doc := parseFormatMust(t, "b.txt", parseBlogFixture, FormatBlog)
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockParagraph, 1, 1, 0, 0, 0, "", "Skip to main content"},
		{BlockHeading, 3, 3, 1, 0, 0, "", "Deployment"},
		{BlockBullet, 6, 6, 0, 0, 0, "Deployment", "rolling: eb, opsworks, cloudformation+asg+AutoScalingRollingUpdate policy, codedeploy"},
		{BlockBullet, 7, 7, 0, 0, 0, "Deployment", "iam role in acctA"},
		{BlockBullet, 8, 8, 0, 1, 0, "Deployment", "trust s3 to assume role"},
		{BlockHeading, 10, 10, 1, 0, 0, "", "Cloudwatch"},
		{BlockHeading, 13, 13, 1, 0, 0, "", "send logs to other place for analysis"},
		{BlockBullet, 16, 16, 0, 0, 0, "send logs to other place for analysis", "logs > subscription filter > kinesis firehose > s3 > athena"},
		{BlockParagraph, 18, 18, 0, 0, 0, "send logs to other place for analysis", "use ECS-optimised AMI - have container agent installed"},
	})
}

const parsePDFFixture = `↖↓ DevOps Engineer Professional
↖↑↓ Rolling deployment
- Do x deployments at once, than move on to the next x
- Was considered cheapest and least risk method until hourly and consumption-based billing entered
the market
pros |
cons |
No downtime (if number of stage deployments is small enough) |
Does not necessarily maintain overall application health |
Can be paused to allow for multi-version testing |
Many moving parts, requires orchestration |
. |
Can be least efficient deployment method in terms of time taken |
System |
Deploy |
. |
v1 v1 v1 v1 |
Initial State |
. |
v1 v1 v1 v1 . . |
Deployment Stage 1 |
Deploy new batch of servers |
v1 v1 v1 v1 v2 v2 |
Deployment Stage 2 |
Deploy new version to new servers |
. . v1 v1 v2 v2 |
Deployment Stage 3 |
Undeploy first batch |
v2 v2 v1 v1 v2 v2 |
Deployment Stage 4 |
Deploy new version to first batch |
v2 v2 . . v2 v2 |
Deployment Stage 5 |
Undeploy second batch |
v2 v2 v2 v2 |
Deployment Stage 6 |
Decommission servers from second batch |
- Stack has
name
- Also
DependsOn
attribute
|
AutoScalingGroup:
Type: AWS::AutoScaling::AutoScalingGroup
Properties:
- Logs > subscription filter > Kinesis
- Supported runtimes
nodejs
, Java
, Python
- Can create e.g.
dev
, test
- Default burst limits
3000
– US West (Oregon), Europe (Ireland)
500
– Other Regions
`

func TestParsePDF(t *testing.T) {
	doc := parseMust(t, "p.txt", parsePDFFixture)
	if doc.Format != FormatPDF {
		t.Fatalf("format = %q, want pdf", doc.Format)
	}
	const sec = "Rolling deployment"
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", "DevOps Engineer Professional"},
		{BlockHeading, 2, 2, 1, 0, 0, "", sec},
		{BlockBullet, 3, 3, 0, 0, 0, sec, "Do x deployments at once, than move on to the next x"},
		{BlockBullet, 4, 5, 0, 0, 0, sec, "Was considered cheapest and least risk method until hourly and consumption-based billing entered the market"},
		{kind: BlockTable, line: 6, endLine: 13, section: sec},
		{kind: BlockTable, line: 14, endLine: 37, section: sec},
		{BlockBullet, 38, 39, 0, 0, 0, sec, "Stack has name"},
		{BlockBullet, 40, 42, 0, 0, 0, sec, "Also DependsOn attribute"},
		{BlockParagraph, 43, 43, 0, 0, 0, sec, "|"},
		{BlockCode, 44, 46, 0, 0, 0, sec, "AutoScalingGroup:\nType: AWS::AutoScaling::AutoScalingGroup\nProperties:"},
		{BlockBullet, 47, 47, 0, 0, 0, sec, "Logs > subscription filter > Kinesis"},
		// a label over a list the export broke before its commas labels it
		{BlockBullet, 48, 51, 0, 0, 0, sec, "Supported runtimes: nodejs, Java, Python"},
		{BlockBullet, 52, 54, 0, 0, 0, sec, "Can create e.g. dev, test"},
		// a value on its line over the dashed list of what it holds for
		// is one item under the label above
		{BlockBullet, 55, 55, 0, 0, 0, sec, "Default burst limits"},
		{BlockBullet, 56, 57, 0, 1, 0, sec, "3000 – US West (Oregon), Europe (Ireland)"},
		{BlockBullet, 58, 59, 0, 1, 0, sec, "500 – Other Regions"},
	})
	tables := parseTables(doc)
	if len(tables) != 2 {
		t.Fatalf("%d tables, want 2", len(tables))
	}
	// Two adjacent tables (002:245-276): 2 columns x 4 rows, then 3 columns x 8 rows.
	want := "pros|cons / No downtime (if number of stage deployments is small enough)|Does not necessarily maintain overall application health / " +
		"Can be paused to allow for multi-version testing|Many moving parts, requires orchestration / " +
		"|Can be least efficient deployment method in terms of time taken"
	if got := parseTableText(tables[0].Table); got != want {
		t.Errorf("table 0:\n got %s\nwant %s", got, want)
	}
	if h := parseCellTexts(tables[1].Table.Header); strings.Join(h, "|") != "System|Deploy|" || len(tables[1].Table.Rows) != 7 {
		t.Errorf("table 1: header %q, %d rows", h, len(tables[1].Table.Rows))
	}
	if c := tables[1].Table.Rows[6][2]; c.Text != "Decommission servers from second batch" || c.Line != 37 {
		t.Errorf("last cell %q line = %d, want 37", c.Text, c.Line)
	}
}

const parseTextFixture = `Study plan:
- Learn CodeDeploy
  - hooks: BeforeInstall, AfterInstall
    wrapped under the item
* Learn CloudFormation
1. First step
2. Second step

Notes

| Service | Purpose |
|---------|---------|
| S3 | storage |
| SQS | queue |

Strategy |
Downtime |
Rolling |
none |
All At Once |
downtime |
S3 > Lambda > DynamoDB is a common pipeline.
`

func TestParseText(t *testing.T) {
	doc := parseMust(t, "t.txt", parseTextFixture)
	if doc.Format != FormatText {
		t.Fatalf("format = %q, want text", doc.Format)
	}
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", "Study plan"},
		{BlockBullet, 2, 2, 0, 0, 0, "Study plan", "Learn CodeDeploy"},
		{BlockBullet, 3, 4, 0, 1, 0, "Study plan", "hooks: BeforeInstall, AfterInstall wrapped under the item"},
		{BlockBullet, 5, 5, 0, 0, 0, "Study plan", "Learn CloudFormation"},
		{BlockBullet, 6, 6, 0, 0, 1, "Study plan", "First step"},
		{BlockBullet, 7, 7, 0, 0, 2, "Study plan", "Second step"},
		{BlockHeading, 9, 9, 1, 0, 0, "", "Notes"},
		{kind: BlockTable, line: 11, endLine: 14, section: "Notes"},
		{kind: BlockTable, line: 16, endLine: 21, section: "Notes"},
		{BlockParagraph, 22, 22, 0, 0, 0, "Notes", "S3 > Lambda > DynamoDB is a common pipeline."},
	})
	tables := parseTables(doc)
	if got, want := parseTableText(tables[0].Table), "Service|Purpose / S3|storage / SQS|queue"; got != want {
		t.Errorf("pipe table = %s, want %s", got, want)
	}
	if got, want := parseTableText(tables[1].Table), "Strategy|Downtime / Rolling|none / All At Once|downtime"; got != want {
		t.Errorf("cell table = %s, want %s", got, want)
	}
	if c := tables[0].Table.Rows[1][1]; c.Line != 14 || c.Text != "queue" {
		t.Errorf("cell = %+v, want queue at 14", c)
	}
}

// TestParseBorderlessTable: a table with no outer pipes, as psql prints a
// query's result ("a | b" over "---+---") or GFM allows ("---|---"), is a
// table of the rows with as many pipes; the row count after it ends it.
// Fixed bug: its header was a bullet, its separator a heading's rule and
// its rows bullets and paragraphs.
func TestParseBorderlessTable(t *testing.T) {
	src := "-- retention by resolution\n" +
		" resolution   | kept for\n" + // 2
		"--------------+----------\n" +
		" 60 s         | 15 days\n" + // 4
		" 300 s        | 63 days\n" +
		"(2 rows)\n" + // 6
		"\n" +
		"Service | Purpose\n" + // 8
		"--------|:-------\n" +
		"S3 | storage\n" + // 10
		"\n" +
		"a rule --- is | no table\n" + // 12
		"-----\n"
	doc := parseMust(t, "psql.txt", src)
	tables := parseTables(doc)
	if len(tables) != 2 {
		t.Fatalf("%d tables, want 2: %+v", len(tables), doc.Blocks)
	}
	if got, want := parseTableText(tables[0].Table), "resolution|kept for / 60 s|15 days / 300 s|63 days"; got != want || tables[0].Line != 2 || tables[0].EndLine != 5 {
		t.Errorf("psql table = %s (lines %d-%d), want %s (lines 2-5)", got, tables[0].Line, tables[0].EndLine, want)
	}
	if got, want := parseTableText(tables[1].Table), "Service|Purpose / S3|storage"; got != want {
		t.Errorf("GFM table = %s, want %s", got, want)
	}
	if c := tables[0].Table.Rows[1][1]; c.Line != 5 || c.Text != "63 days" {
		t.Errorf("cell = %+v, want 63 days at 5", c)
	}
}

// TestParseDialogueTurns: in a note written as a dialogue (two speakers'
// labels open three lines each or more), a short turn ending with a colon
// over bullets is a paragraph, not a title over the rest of the chat; the
// same line in a note that is no dialogue is a heading.
func TestParseDialogueTurns(t *testing.T) {
	chat := "Me: Which configs?\n\nTutor: There are three families:\n- Canary\n- Linear\n\nMe: And ECS?\n\nTutor: The same.\n\nMe: Thanks.\n\nTutor: Any time.\n"
	doc := parseMust(t, "chat.txt", chat)
	for _, b := range doc.Blocks {
		if b.Kind == BlockHeading {
			t.Errorf("heading %q at line %d in a dialogue", b.Text, b.Line)
		}
	}
	doc = parseMust(t, "notes.txt", "Tutor: There are three families:\n- Canary\n- Linear\n")
	if len(doc.Blocks) == 0 || doc.Blocks[0].Kind != BlockHeading {
		t.Errorf("a labelled title over bullets in a note that is no dialogue: %+v", doc.Blocks)
	}
	// a log's keys ("Author:", "Date:") open many lines, but ask nothing
	log := "Author: Ann\n\nDate: Mon\n\nChanges:\n- Canary\n\nAuthor: Ann\n\nDate: Tue\n\nAuthor: Bo\n\nDate: Wed\n"
	p := &parser{name: "log.txt", doc: &Document{File: "log.txt", Lines: splitLines(log)}}
	if sp := turnLabels(p.scan(log, modeText)); sp != nil {
		t.Errorf("a log read as a dialogue of %v", sp)
	}
}

// TestParseTextCram: terse notes put one fact on each line and rule their
// titles ("--- subscription filters ---"); a lower-case line after a short
// one, or one that opens with its own label or holds an arrow, is a fact
// of its own, while a long wrapped line still takes its continuation.
func TestParseTextCram(t *testing.T) {
	src := "=== CW LOGS -- CRAM ===\n" + // 1
		"abbr: SF=subscription filter\n" + // 2
		"\n" + // 3
		"--- subscription filters ---\n" + // 4
		"max 2 SF per LG\n" + // 5
		"SF dest: KDS, KDF, Lambda, OS Service (console does OS via a Lambda)\n" + // 6
		"near-real-time archive: CWL -> SF -> KDF -> S3\n" + // 7
		"The log group and the destination must be in the same region, and\n" + // 8
		"the destination may point elsewhere.\n" // 9
	doc := parseMust(t, "cram.txt", src)
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", "CW LOGS -- CRAM"},
		{BlockParagraph, 2, 2, 0, 0, 0, "CW LOGS -- CRAM", "abbr: SF=subscription filter"},
		{BlockHeading, 4, 4, 1, 0, 0, "", "subscription filters"},
		{BlockParagraph, 5, 5, 0, 0, 0, "subscription filters", "max 2 SF per LG"},
		{BlockParagraph, 6, 6, 0, 0, 0, "subscription filters", "SF dest: KDS, KDF, Lambda, OS Service (console does OS via a Lambda)"},
		{BlockParagraph, 7, 7, 0, 0, 0, "subscription filters", "near-real-time archive: CWL -> SF -> KDF -> S3"},
		{BlockParagraph, 8, 9, 0, 0, 0, "subscription filters", "The log group and the destination must be in the same region, and the destination may point elsewhere."},
	})
}

// TestParseTextOutline: an outline written by indentation alone (tabs or
// spaces, no list markers) is a list, each deeper line a child of the one
// above; a long wrapped line still takes its indented continuation.
func TestParseTextOutline(t *testing.T) {
	src := "===== DynamoDB =====\n" + // 1
		"\n" + // 2
		"DynamoDB Streams => ordered log of item-level changes, kept 24 hours\n" + // 3
		"\tview types you pick when enabling:\n" + // 4
		"\t\tKEYS_ONLY\n" + // 5
		"\t\tNEW_IMAGE\n" + // 6
		"\tconsumed by Lambda\n" + // 7
		"Global tables replicate every write to the other regions within a second or so, with\n" + // 8
		"    last writer wins on conflicts.\n" // 9
	doc := parseMust(t, "o.txt", src)
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", "DynamoDB"},
		{BlockParagraph, 3, 3, 0, 0, 0, "DynamoDB", "DynamoDB Streams => ordered log of item-level changes, kept 24 hours"},
		{BlockBullet, 4, 4, 0, 1, 0, "DynamoDB", "view types you pick when enabling:"},
		{BlockBullet, 5, 5, 0, 2, 0, "DynamoDB", "KEYS_ONLY"},
		{BlockBullet, 6, 6, 0, 2, 0, "DynamoDB", "NEW_IMAGE"},
		{BlockBullet, 7, 7, 0, 1, 0, "DynamoDB", "consumed by Lambda"},
		{BlockParagraph, 8, 9, 0, 0, 0, "DynamoDB", "Global tables replicate every write to the other regions within a second or so, with last writer wins on conflicts."},
	})
}

// TestParseTextLabelItemOpensList: the deeper unmarked lines under a list
// item that ends with ":" are its items, not its wrapped text; under one
// that does not, a deeper line still continues it.
func TestParseTextLabelItemOpensList(t *testing.T) {
	src := "=== CloudTrail ===\n" + // 1
		"- event types:\n" + // 2
		"    mgmt events (control plane) - logged by default\n" + // 3
		"    data events - OFF by default\n" + // 4
		"- trail -> S3 bucket\n" + // 5
		"    log files delivered every 5 min\n" // 6
	doc := parseMust(t, "ct.txt", src)
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", "CloudTrail"},
		{BlockBullet, 2, 2, 0, 0, 0, "CloudTrail", "event types:"},
		{BlockBullet, 3, 3, 0, 2, 0, "CloudTrail", "mgmt events (control plane) - logged by default"},
		{BlockBullet, 4, 4, 0, 2, 0, "CloudTrail", "data events - OFF by default"},
		{BlockBullet, 5, 6, 0, 0, 0, "CloudTrail", "trail -> S3 bucket log files delivered every 5 min"},
	})
}

const parseMarkdownFixture = "# Domain 1\n" + // 1
	"\n" + // 2
	"## CodeBuild\n" + // 3
	"\n" + // 4
	"Build instructions live in `buildspec.yml` and **logs** go to\n" + // 5
	"[CloudWatch Logs](https://aws.amazon.com/cloudwatch/).\n" + // 6
	"\n" + // 7
	"Plugins include:\n" + // 8
	"* AWS Lambda\n" + // 9
	"  * nested `cfn-init` item\n" + // 10
	"* AWS ECS\n" + // 11
	"\n" + // 12
	"### Lifecycle\n" + // 13
	"\n" + // 14
	"3. Setup\n" + // 15
	"4. Configure\n" + // 16
	"\n" + // 17
	"```yaml\n" + // 18
	"version: 0.2\n" + // 19
	"```\n" + // 20
	"\n" + // 21
	"| Event | When |\n" + // 22
	"|-------|------|\n" + // 23
	"| Setup | after *boot* |\n" + // 24
	"\n" + // 25
	"# Domain 2\n" + // 26
	"Text under domain 2.\r\n" + // 27
	"- logs > subscription filter > s3 > athena\n" // 28

func TestParseMarkdown(t *testing.T) {
	doc := parseMust(t, "m.md", parseMarkdownFixture)
	if doc.Format != FormatMarkdown {
		t.Fatalf("format = %q, want markdown", doc.Format)
	}
	const s2 = "Domain 1 > CodeBuild"
	const s3 = "Domain 1 > CodeBuild > Lifecycle"
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", "Domain 1"},
		{BlockHeading, 3, 3, 2, 0, 0, "Domain 1", "CodeBuild"},
		{BlockParagraph, 5, 6, 0, 0, 0, s2, "Build instructions live in buildspec.yml and logs go to CloudWatch Logs."},
		{BlockParagraph, 8, 8, 0, 0, 0, s2, "Plugins include:"},
		{BlockBullet, 9, 9, 0, 0, 0, s2, "AWS Lambda"},
		{BlockBullet, 10, 10, 0, 1, 0, s2, "nested cfn-init item"},
		{BlockBullet, 11, 11, 0, 0, 0, s2, "AWS ECS"},
		{BlockHeading, 13, 13, 3, 0, 0, s2, "Lifecycle"},
		{BlockBullet, 15, 15, 0, 0, 3, s3, "Setup"},
		{BlockBullet, 16, 16, 0, 0, 4, s3, "Configure"},
		{BlockCode, 18, 20, 0, 0, 0, s3, "version: 0.2"},
		{kind: BlockTable, line: 22, endLine: 24, section: s3},
		{BlockHeading, 26, 26, 1, 0, 0, "", "Domain 2"},
		{BlockParagraph, 27, 27, 0, 0, 0, "Domain 2", "Text under domain 2."},
		{BlockBullet, 28, 28, 0, 0, 0, "Domain 2", "logs > subscription filter > s3 > athena"},
	})
	tables := parseTables(doc)
	if got, want := parseTableText(tables[0].Table), "Event|When / Setup|after boot"; got != want {
		t.Errorf("table = %s, want %s", got, want)
	}
	if c := tables[0].Table.Rows[0][1]; c.Line != 24 {
		t.Errorf("cell line = %d, want 24", c.Line)
	}
	// A .txt with Markdown content goes to the Markdown parser too.
	if f := DetectFormat("notes.txt", []byte(parseMarkdownFixture)); f != FormatMarkdown {
		t.Errorf("DetectFormat(.txt markdown) = %q", f)
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"a.md", "plain words", FormatMarkdown},
		{"a.MARKDOWN", "", FormatMarkdown},
		{"a.txt", "↖↑↓ Title\n- item\n", FormatPDF},
		{"a.txt", "x\n↖↓ Title\n", FormatPDF},
		// an extraction that leaves out the space after the marker was
		// read as plain text, its headings as lines of the first section
		{"a.txt", "↖↑↓ECS Deployments\n- item\n↖↑↓Task Definitions\n", FormatPDF},
		{"a.txt", "A\n#\n\nB\n#\n", FormatBlog},
		{"a.txt", "A\n#\n", FormatText}, // one rule is not enough
		{"a.txt", "Title\n\n  • item\n", FormatWiki},
		{"a.txt", "Title\n#\n  • item\n", FormatText}, // a "#" line rules the wiki out
		{"a.txt", "# Title\n\ntext\n", FormatMarkdown},
		{"a.txt", "intro\n* use `aws s3 ls`\n", FormatMarkdown},
		{"a.txt", "intro\n* item without code\n", FormatText},
		// two ruled titles (plain-text headings Markdown has not) outweigh
		// star items with inline code; one does not
		{"a.txt", "=== CW alarms ===\n- actions:\n    * SNS topic\n=== CloudTrail ===\n- verify w/ `aws cloudtrail validate-logs`\n", FormatText},
		{"a.txt", "=== CW alarms ===\n- actions:\n    * SNS topic\n- verify w/ `aws cloudtrail validate-logs`\n", FormatMarkdown},
		{"notes", "- a\n- b\n", FormatText},
		{"a.txt", "", FormatText},
		// a drawn tree is read as one, though a "# tip" line follows it
		{"map.txt", "MAP\n├── CloudWatch\n│   ├── metrics\n│   └── alarms\n├── CloudTrail\n└── Config\n\n# tip: trail -> rule -> SNS\n", FormatText},
	}
	for _, tt := range tests {
		if got := DetectFormat(tt.name, []byte(tt.src)); got != tt.want {
			t.Errorf("DetectFormat(%q, %q) = %q, want %q", tt.name, tt.src, got, tt.want)
		}
	}
}

func TestParseBadInput(t *testing.T) {
	t.Run("binary NUL", func(t *testing.T) {
		doc, err := Parse("bin.txt", []byte("ok\x00\x01\x02"))
		if doc != nil || !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), "bin.txt") {
			t.Fatalf("Parse(binary) = %v, %v; want nil, binary error naming the file", doc, err)
		}
		if !strings.Contains(err.Error(), "binary file, not a note") {
			t.Errorf("error = %q", err)
		}
	})
	t.Run("mostly non-text", func(t *testing.T) {
		src := make([]byte, 4000)
		for i := range src {
			src[i] = byte(0x80 + i%0x40) // continuation bytes: invalid UTF-8
		}
		if doc, err := Parse("noise.bin", src); doc != nil || !errors.Is(err, ErrBinary) {
			t.Fatalf("Parse(noise) = %v, %v", doc, err)
		}
	})
	t.Run("NUL after 8 KiB", func(t *testing.T) {
		src := strings.Repeat("Line of text\n", 1000) + "x\x00y\nlast\n"
		doc, err := Parse("late.txt", []byte(src))
		if doc == nil || err == nil {
			t.Fatalf("Parse = %v, %v; want partial doc and an error", doc, err)
		}
		var list ErrorList
		if !errors.As(err, &list) || list[0].Line != 1001 {
			t.Fatalf("err = %v, want an ErrorList at line 1001", err)
		}
		if len(doc.Lines) != 1002 || len(doc.Blocks) != 1000 {
			t.Errorf("lines %d blocks %d, want 1002 and 1000", len(doc.Lines), len(doc.Blocks))
		}
	})
	t.Run("invalid UTF-8 line", func(t *testing.T) {
		src := "Title\n\n  • good item\n  • bad \xff item\n  • another item\n"
		doc, err := Parse("u.txt", []byte(src))
		if doc == nil {
			t.Fatalf("no document: %v", err)
		}
		var list ErrorList
		if !errors.As(err, &list) || len(list) != 1 || list[0].Line != 4 || list[0].File != "u.txt" {
			t.Fatalf("err = %#v, want one Error at u.txt:4", err)
		}
		var texts []string
		for _, b := range doc.Blocks {
			texts = append(texts, b.Text)
		}
		if got := strings.Join(texts, "|"); got != "Title|good item|another item" {
			t.Errorf("blocks = %s", got)
		}
		if len(doc.Lines) != 5 {
			t.Errorf("len(Lines) = %d, want 5", len(doc.Lines))
		}
	})
	t.Run("100 KiB line", func(t *testing.T) {
		src := "# Title\n\n" + strings.Repeat("a", 100<<10) + "\n\nafter\n"
		doc, err := Parse("long.md", []byte(src))
		var list ErrorList
		if doc == nil || !errors.As(err, &list) || len(list) != 1 || list[0].Line != 3 || !strings.Contains(list[0].Msg, "too long") {
			t.Fatalf("Parse = %v, %v", doc, err)
		}
		last := doc.Blocks[len(doc.Blocks)-1]
		if last.Text != "after" || last.Line != 5 {
			t.Errorf("last block = %+v, want \"after\" at line 5", last)
		}
		for _, b := range doc.Blocks {
			if len(b.Text) > 1000 {
				t.Errorf("the long line leaked into block %+v", b.Line)
			}
		}
	})
	t.Run("empty", func(t *testing.T) {
		doc, err := Parse("empty.txt", nil)
		if err != nil || doc == nil || len(doc.Blocks) != 0 || len(doc.Lines) != 0 || doc.File != "empty.txt" {
			t.Fatalf("Parse(empty) = %+v, %v", doc, err)
		}
	})
	t.Run("CRLF and no final newline", func(t *testing.T) {
		doc := parseMust(t, "crlf.txt", "↖↑↓ Title\r\n- item one\r\n- item two")
		if len(doc.Lines) != 3 || doc.Lines[0] != "↖↑↓ Title" || doc.Lines[2] != "- item two" {
			t.Fatalf("Lines = %q", doc.Lines)
		}
		parseCheckBlocks(t, doc, []parseBlk{
			{BlockHeading, 1, 1, 1, 0, 0, "", "Title"},
			{BlockBullet, 2, 2, 0, 0, 0, "Title", "item one"},
			{BlockBullet, 3, 3, 0, 0, 0, "Title", "item two"},
		})
	})
	t.Run("many bad lines are capped", func(t *testing.T) {
		src := strings.Repeat("a bad \xff line of text\n", 500)
		_, err := Parse("bad.txt", []byte(src))
		var list ErrorList
		if !errors.As(err, &list) || len(list) != maxLineErrors+1 {
			t.Fatalf("got %d errors, want %d", len(list), maxLineErrors+1)
		}
	})
}

func TestSplitLines(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"a", []string{"a"}},
		{"a\n", []string{"a"}},
		{"a\r\nb\r\n", []string{"a", "b"}},
		{"a\n\nb", []string{"a", "", "b"}},
		{"\n", []string{""}},
	}
	for _, tt := range tests {
		got := splitLines(tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
			t.Errorf("splitLines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// parseCheckInvariants checks what every Document must satisfy.
func parseCheckInvariants(t *testing.T, name string, doc *Document) {
	t.Helper()
	n := len(doc.Lines)
	for _, b := range doc.Blocks {
		if b.Line < 1 || b.Line > n || b.EndLine < b.Line || b.EndLine > n {
			t.Fatalf("%s: block %v lines %d-%d outside 1..%d", name, b.Kind, b.Line, b.EndLine, n)
		}
		if b.Kind == BlockTable {
			if b.Table == nil || len(b.Table.Header) == 0 {
				t.Fatalf("%s:%d: table without header", name, b.Line)
			}
			for _, r := range b.Table.Rows {
				if len(r) != len(b.Table.Header) {
					t.Fatalf("%s:%d: row of %d cells, header of %d", name, b.Line, len(r), len(b.Table.Header))
				}
				for _, c := range r {
					if c.Line < b.Line || c.Line > b.EndLine {
						t.Fatalf("%s:%d: cell %q at line %d outside the table", name, b.Line, c.Text, c.Line)
					}
				}
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, src := range parseCorpusSources(f) {
		f.Add("note.txt", src)
	}
	f.Add("x.md", []byte("# h\n\n* a\n  1. b\n\n| a |\n|---|\n| b |\n"))
	f.Add("x.txt", []byte("a |\n. |\n|\nb\r\nc |"))
	f.Add("x.txt", []byte("  • a\n    b\n\n  1. c\n"))
	f.Add("x.tex", []byte("\\section{A}\n\\begin{itemize}\n\\item[x] \\textbf{b} % c\n\\end{itemize}\n\\begin{tabular}{l}\n\\hline\na & b \\\\\n\\midrule\n\\end{tabular}\n\\begin{verbatim}\n"))
	f.Fuzz(func(t *testing.T, name string, src []byte) {
		doc, err := Parse(name, src)
		if doc == nil {
			if err == nil {
				t.Fatal("nil document without error")
			}
			return
		}
		if want := len(splitLines(string(src))); len(doc.Lines) != want {
			t.Fatalf("len(Lines) = %d, want %d", len(doc.Lines), want)
		}
		parseCheckInvariants(t, name, doc)
	})
}

func BenchmarkParseCorpus(b *testing.B) {
	srcs := parseCorpusSources(b)
	size := 0
	for _, s := range srcs {
		size += len(s)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, s := range srcs {
			if _, err := Parse(fmt.Sprintf("note%d.txt", i), s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestNumberedItemsInBullets: "- 2. Triggers" (a bullet that opens with a
// numbered list) is the numbered item, at the bullet's depth, with what is
// indented under the bullet under it; and when the author's indentation
// slips ("  - 1. Notifications" nested, "- 2. Triggers" back at the top),
// the numbering says they are one list.
func TestNumberedItemsInBullets(t *testing.T) {
	src := strings.Join([]string{
		"### AWS CodeCommit",                               // 1
		"- Three ways to react to repository activity:",    // 2
		"  - 1. Notifications - SNS only",                  // 3
		"- 2. Triggers - SNS or Lambda",                    // 4
		"  - Events:",                                      // 5
		"    - push to existing branch",                    // 6
		"- 3. Most flexible option - is CloudWatch Events", // 7
		"  - match the repository state change",            // 8
		"- Other notes",                                    // 9
	}, "\n")
	doc, err := Parse("n.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]struct{ depth, ord int }{2: {0, 0}, 3: {1, 1}, 4: {1, 2}, 5: {2, 0}, 6: {3, 0}, 7: {1, 3}, 8: {2, 0}, 9: {0, 0}}
	for _, b := range doc.Blocks {
		w, ok := want[b.Line]
		if !ok || b.Kind != BlockBullet {
			continue
		}
		if b.Depth != w.depth || b.Ordinal != w.ord {
			t.Errorf("line %d %q: depth %d, number %d; want depth %d, number %d", b.Line, b.Text, b.Depth, b.Ordinal, w.depth, w.ord)
		}
	}
}

// TestInlineEnumerations: a paragraph or item that enumerates its items
// inline ("1) configuration recorder  2) delivery channel. ...") reads as
// numbered items, under its lead-in, the sentence after them a paragraph;
// an enumeration inside a sentence or out of order is left as it is.
func TestInlineEnumerations(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // kind:depth:ordinal:text of every block after the heading
	}{
		{"lead-in, items, rest", "# AWS Config\n\nSetup: 1) configuration recorder 2) delivery channel. Channel = S3 bucket.\n",
			[]string{"paragraph:0:0:Setup:", "bullet:1:1:configuration recorder", "bullet:1:2:delivery channel", "paragraph:0:0:Channel = S3 bucket."}},
		{"Markdown took the first enumerator", "# AWS Config\n\n1) configuration recorder  2) delivery channel\n",
			[]string{"bullet:0:1:configuration recorder", "bullet:0:2:delivery channel"}},
		{"inside a sentence", "# AWS Config\n\nSee 1) above and 2) below for details.\n",
			[]string{"paragraph:0:0:See 1) above and 2) below for details."}},
		{"out of order", "# AWS Config\n\nSteps: 2) delivery channel 1) recorder\n",
			[]string{"paragraph:0:0:Steps: 2) delivery channel 1) recorder"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("n.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range doc.Blocks[1:] {
				got = append(got, fmt.Sprintf("%s:%d:%d:%s", b.Kind, b.Depth, b.Ordinal, b.Text))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("blocks\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestParseTextTitledBlocks: a short line over lines that each state
// their own fact, with no blank line between them, titles them (a notes
// app's "SCPs" / "Do not affect the management account"), one level under
// the note's titles; a short line over wrapped prose does not.
func TestParseTextTitledBlocks(t *testing.T) {
	src := "Cheat sheet\n" + // 1
		"\n" + // 2
		"SCPs\n" + // 3
		"Never grant permissions, only set the maximum available\n" + // 4
		"Do not affect the management account\n" + // 5
		"\n" + // 6
		"Storage\n" + // 7
		"S3 keeps objects in buckets, and a bucket policy decides who may read\n" + // 8
		"them and who may write them\n" // 9
	doc := parseMust(t, "apple.txt", src)
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", "Cheat sheet"},
		{BlockHeading, 3, 3, 2, 0, 0, "", "SCPs"},
		{BlockParagraph, 4, 4, 0, 0, 0, "Cheat sheet > SCPs", "Never grant permissions, only set the maximum available"},
		{BlockParagraph, 5, 5, 0, 0, 0, "Cheat sheet > SCPs", "Do not affect the management account"},
		{BlockParagraph, 7, 7, 0, 0, 0, "Cheat sheet > SCPs", "Storage"},
		{BlockParagraph, 8, 9, 0, 0, 0, "Cheat sheet > SCPs", "S3 keeps objects in buckets, and a bucket policy decides who may read them and who may write them"},
	})
}

// TestParseTextWordProcessorOutline: text copied out of a word processor:
// "•<tab>" and an indented "o<tab>" are bullets (a tab after a marker is
// no flashcard's field separator), and outline-numbered titles ("2.1
// Routing policies") over their items are headings at the level their
// number says, "1. Title" too once the note numbers titles in two levels;
// a note numbered in one level keeps its numbers as a list's.
func TestParseTextWordProcessorOutline(t *testing.T) {
	src := "1. Databases\n" + // 1
		"1.1 Aurora\n" + // 2
		"•\tStorage: 6 copies across 3 AZs\n" + // 3
		"•\tEndpoints\n" + // 4
		"\to\tCluster endpoint (writer)\n" + // 5
		"\to\tReader endpoint\n" + // 6
		"1.2 Backups\n" + // 7
		"•\tAutomated backups: retention 1-35 days\n" // 8
	doc := parseMust(t, "study-doc.txt", src)
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", "Databases"},
		{BlockHeading, 2, 2, 2, 0, 0, "", "Aurora"},
		{BlockBullet, 3, 3, 0, 0, 0, "Databases > Aurora", "Storage: 6 copies across 3 AZs"},
		{BlockBullet, 4, 4, 0, 0, 0, "Databases > Aurora", "Endpoints"},
		{BlockBullet, 5, 5, 0, 1, 0, "Databases > Aurora", "Cluster endpoint (writer)"},
		{BlockBullet, 6, 6, 0, 1, 0, "Databases > Aurora", "Reader endpoint"},
		{BlockHeading, 7, 7, 2, 0, 0, "", "Backups"},
		{BlockBullet, 8, 8, 0, 0, 0, "Databases > Backups", "Automated backups: retention 1-35 days"},
	})
	steps := "1. Create the role\n" + // 1
		"   - trust the service\n" + // 2
		"2. Attach the policy\n" + // 3
		"   - least privilege\n" // 4
	doc = parseMust(t, "steps.txt", steps)
	for _, b := range doc.Blocks {
		if b.Kind == BlockHeading {
			t.Errorf("one-level numbered steps read a heading %q at line %d", b.Text, b.Line)
		}
	}
}

// TestTaskListCheckboxes: a task list's checkbox ("- [ ] ...", "- [x]
// ...") is no part of its item, in Markdown and in plain text alike.
func TestTaskListCheckboxes(t *testing.T) {
	for _, name := range []string{"tasks.md", "tasks.txt"} {
		doc, err := Parse(name, []byte("CodeBuild:\n\n- [x] Logs go to CloudWatch Logs\n- [ ] Docker image builds need privileged mode\n"))
		if err != nil {
			t.Fatal(err)
		}
		var items []string
		for _, b := range doc.Blocks {
			if b.Kind == BlockBullet {
				items = append(items, b.Text)
			}
		}
		want := []string{"Logs go to CloudWatch Logs", "Docker image builds need privileged mode"}
		if !slices.Equal(items, want) {
			t.Errorf("%s: items %q, want %q", name, items, want)
		}
	}
}

// TestParseBlogLabelRun: a run of three labelled lines or more without
// bullet marks ("simple: ...", "weighted: ...") is a list, each line a
// bullet; a short line ending with ":" right above the run ("3 types:")
// heads it; two labelled lines, or labelled lines with blank lines between
// them, stay prose.
func TestParseBlogLabelRun(t *testing.T) {
	src := "cheat sheet\n\nrouting policies\n#\n" +
		"simple: one record, several IPs in random order\n" +
		"weighted: split by weight 0-255\n" +
		"failover: primary + secondary, active-passive\n" +
		"health checks\n#\n" +
		"3 types:\n" +
		"endpoint hc: ip or domain, http / https / tcp\n" +
		"calculated hc: combines child hcs\n" +
		"cw alarm hc: follows an alarm state\n" +
		"alias vs cname\n#\n" +
		"alias: works at apex\n" +
		"cname: not at apex\n\n" +
		"note: pay per query\n"
	doc := parseFormatMust(t, "r53-blog.txt", src, FormatBlog)
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockParagraph, 1, 1, 0, 0, 0, "", "cheat sheet"},
		{BlockHeading, 3, 3, 1, 0, 0, "", "routing policies"},
		{BlockBullet, 5, 5, 0, 0, 0, "routing policies", "simple: one record, several IPs in random order"},
		{BlockBullet, 6, 6, 0, 0, 0, "routing policies", "weighted: split by weight 0-255"},
		{BlockBullet, 7, 7, 0, 0, 0, "routing policies", "failover: primary + secondary, active-passive"},
		{BlockHeading, 8, 8, 1, 0, 0, "", "health checks"},
		{BlockBullet, 10, 10, 0, 0, 0, "health checks", "3 types:"},
		{BlockBullet, 11, 11, 0, 1, 0, "health checks", "endpoint hc: ip or domain, http / https / tcp"},
		{BlockBullet, 12, 12, 0, 1, 0, "health checks", "calculated hc: combines child hcs"},
		{BlockBullet, 13, 13, 0, 1, 0, "health checks", "cw alarm hc: follows an alarm state"},
		{BlockHeading, 14, 14, 1, 0, 0, "", "alias vs cname"},
		{BlockParagraph, 16, 16, 0, 0, 0, "alias vs cname", "alias: works at apex"},
		{BlockParagraph, 17, 17, 0, 0, 0, "alias vs cname", "cname: not at apex"},
		{BlockParagraph, 19, 19, 0, 0, 0, "alias vs cname", "note: pay per query"},
	})
}

// TestMarkdownLazyStatements: a line Markdown joins lazily to the list
// item above it is a statement of its own when it is labelled, follows a
// labelled line, or follows or holds a chain; a line that wraps the item's
// text stays in it, and so does an indented continuation.
func TestMarkdownLazyStatements(t *testing.T) {
	src := "# Secrets Manager rotation\n" + // 1
		"Rotation function steps, in order:\n" + // 2
		"1. createSecret -> new version labelled AWSPENDING\n" + // 3
		"2. finishSecret -> move the AWSCURRENT label\n" + // 4
		"Staging labels: AWSCURRENT, AWSPENDING, AWSPREVIOUS\n" + // 5
		"Managed rotation templates for: Amazon RDS, Amazon Aurora\n" + // 6
		"\n" +
		"- rotation runs in a Lambda function that\n" + // 8
		"needs a route to the endpoint\n" + // 9
		"- a *labelled* item\n" + // 10
		"  Schedule: every 4 hours\n" // 11
	doc := parseMust(t, "lazy.md", src)
	const s = "Secrets Manager rotation"
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", s},
		{BlockParagraph, 2, 2, 0, 0, 0, s, "Rotation function steps, in order:"},
		{BlockBullet, 3, 3, 0, 0, 1, s, "createSecret -> new version labelled AWSPENDING"},
		{BlockBullet, 4, 4, 0, 0, 2, s, "finishSecret -> move the AWSCURRENT label"},
		{BlockParagraph, 5, 5, 0, 0, 0, s, "Staging labels: AWSCURRENT, AWSPENDING, AWSPREVIOUS"},
		{BlockParagraph, 6, 6, 0, 0, 0, s, "Managed rotation templates for: Amazon RDS, Amazon Aurora"},
		{BlockBullet, 8, 9, 0, 0, 0, s, "rotation runs in a Lambda function that needs a route to the endpoint"},
		{BlockBullet, 10, 11, 0, 0, 0, s, "a labelled item Schedule: every 4 hours"},
	})
}
