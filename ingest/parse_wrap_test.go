package ingest

import (
	"strings"
	"testing"
)

// TestParseHardWrapped: slides and PDF exports break an item's text at the
// column's width. The rest of the phrase joins its item (wiki "•" bullets
// with a hanging indent, text bullets with flush continuation lines, an
// arrow chain broken before an arrow); a name under an item that ends with
// ":" stays a nested item.
func TestParseHardWrapped(t *testing.T) {
	wiki := `ECS Building Blocks
• Cluster: logical grouping of capacity (EC2 instances,
  Fargate, or on-premises via ECS Anywhere)
• Service: keeps a desired count of tasks running,
  registers them with a load balancer target group,
  replaces unhealthy tasks
• Hooks, in order:
  • BeforeInstall -> AfterInstall
    -> AfterAllowTraffic
  1. Configuration management:
    AWS OpsWorks for Chef Automate
`
	doc := parseMust(t, "slides.txt", wiki)
	if doc.Format != FormatWiki {
		t.Fatalf("format = %q, want wiki", doc.Format)
	}
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", "ECS Building Blocks"},
		{BlockBullet, 2, 3, 0, 0, 0, "ECS Building Blocks", "Cluster: logical grouping of capacity (EC2 instances, Fargate, or on-premises via ECS Anywhere)"},
		{BlockBullet, 4, 6, 0, 0, 0, "ECS Building Blocks", "Service: keeps a desired count of tasks running, registers them with a load balancer target group, replaces unhealthy tasks"},
		{BlockBullet, 7, 7, 0, 0, 0, "ECS Building Blocks", "Hooks, in order:"},
		{BlockBullet, 8, 9, 0, 0, 0, "ECS Building Blocks", "BeforeInstall -> AfterInstall -> AfterAllowTraffic"},
		{BlockBullet, 10, 10, 0, 0, 1, "ECS Building Blocks", "Configuration management:"},
		{BlockBullet, 11, 11, 0, 1, 0, "ECS Building Blocks", "AWS OpsWorks for Chef Automate"},
	})

	text := `Shard Limits

- Write: 1 MB/s or 1,000 records/s
per shard
- Provisioned - you choose the
number of shards
- Max record size: 1 MB
Data is immutable
`
	doc = parseMust(t, "kinesis.txt", text)
	if doc.Format != FormatText {
		t.Fatalf("format = %q, want text", doc.Format)
	}
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", "Shard Limits"},
		{BlockBullet, 3, 4, 0, 0, 0, "Shard Limits", "Write: 1 MB/s or 1,000 records/s per shard"},
		{BlockBullet, 5, 6, 0, 0, 0, "Shard Limits", "Provisioned - you choose the number of shards"},
		{BlockBullet, 7, 7, 0, 0, 0, "Shard Limits", "Max record size: 1 MB"},
		{BlockParagraph, 8, 8, 0, 0, 0, "Shard Limits", "Data is immutable"},
	})
}

func TestWrapsOnto(t *testing.T) {
	tests := []struct {
		prev, cur string
		want      bool
	}{
		{"Cluster: grouping of capacity (EC2 instances,", "Fargate)", true},
		{"Read: 2 MB/s per shard, shared", "across all standard consumers", true},
		{"Provisioned - you choose the", "Number of shards", true},
		{"Targets: CPU, memory +", "request count", true},
		{"Write: 1 MB/s or 1,000 records/s", "per shard", true},
		{"ApplicationStop -> DownloadBundle -> BeforeInstall ->", "ApplicationStart -> ValidateService.", true},
		{"Rule → SNS →", "AWS Chatbot → Slack", true},
		// fixed bugs: a line that ends a sentence, a label, or a short line
		// followed by its own fact is not wrapped
		{"Data is immutable once written.", "and shards are ordered", false},
		{"Capacity modes:", "on-demand", false},
		{"Max record size: 1 MB", "Page 3", false},
		{"Retention 24 hours", "extended up to 7 days", false},
		{"", "per shard", false},
	}
	for _, tt := range tests {
		if got := wrapsOnto(tt.prev, tt.cur); got != tt.want {
			t.Errorf("wrapsOnto(%q, %q) = %v, want %v", tt.prev, tt.cur, got, tt.want)
		}
	}
}

// TestParsePDFDefinitionList: the export flattens a definition list into
// term lines, each followed by the "- " bullets that describe it. A term
// becomes an item with its bullets under it (under the label bullet just
// before the first term, when there is one, or under a lone code token
// directly over the first term: "DeletionPolicy" heads Delete and Retain); a
// lone token that wrapped text left on its own line is still joined to it.
func TestParsePDFDefinitionList(t *testing.T) {
	src := `↖↑↓ Projected attributes
- Makes them queryable
- Different projection types
KEYS_ONLY
- Only the index and primary keys are projected
INCLUDE
- Only the specified attributes are projected
↖↑↓ Processes
- Controls what happens if stack is deleted
DeletionPolicy
Delete
- (default)
- Creates transitive environment
Retain
- Needs further cleanup
- Will raise
InsufficientCapabilities
otherwise
- Proxy Lambda deals with complete
http
request
- Lambda Non-Proxy
`
	doc := parseMust(t, "p.txt", src)
	if doc.Format != FormatPDF {
		t.Fatalf("format = %q, want pdf", doc.Format)
	}
	const a, p = "Projected attributes", "Processes"
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", a},
		{BlockBullet, 2, 2, 0, 0, 0, a, "Makes them queryable"},
		{BlockBullet, 3, 3, 0, 0, 0, a, "Different projection types"},
		{BlockBullet, 4, 4, 0, 1, 0, a, "KEYS_ONLY"},
		{BlockBullet, 5, 5, 0, 2, 0, a, "Only the index and primary keys are projected"},
		{BlockBullet, 6, 6, 0, 1, 0, a, "INCLUDE"},
		{BlockBullet, 7, 7, 0, 2, 0, a, "Only the specified attributes are projected"},
		{BlockHeading, 8, 8, 1, 0, 0, "", p},
		{BlockBullet, 9, 9, 0, 0, 0, p, "Controls what happens if stack is deleted"},
		{BlockBullet, 10, 10, 0, 0, 0, p, "DeletionPolicy"},
		{BlockBullet, 11, 11, 0, 1, 0, p, "Delete"},
		{BlockBullet, 12, 12, 0, 2, 0, p, "(default)"},
		{BlockBullet, 13, 13, 0, 2, 0, p, "Creates transitive environment"},
		{BlockBullet, 14, 14, 0, 1, 0, p, "Retain"},
		{BlockBullet, 15, 15, 0, 2, 0, p, "Needs further cleanup"},
		{BlockBullet, 16, 18, 0, 2, 0, p, "Will raise InsufficientCapabilities otherwise"},
		{BlockBullet, 19, 21, 0, 2, 0, p, "Proxy Lambda deals with complete http request"},
		{BlockBullet, 22, 22, 0, 2, 0, p, "Lambda Non-Proxy"},
	})
}

// TestParseTextTitleAndLabels: a cram sheet's title is underlined with "="
// (a heading, not two paragraphs), and a labelled line indented under an
// item ("types: a | b | c") is an item of its own, not the item's wrapped
// text.
func TestParseTextTitleAndLabels(t *testing.T) {
	src := `EB DEPLOYMENTS - CRAM SHEET
===========================

config changes vs app deploys
  "rolling updates" = config changes that replace instances (instance type, ami, vpc)
    types: rolling based on health | rolling based on time | immutable
  "deployment policy" = app version deploys
`
	doc := parseMust(t, "eb.txt", src)
	if doc.Format != FormatText {
		t.Fatalf("format = %q, want text", doc.Format)
	}
	const title = "EB DEPLOYMENTS - CRAM SHEET"
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", title},
		{BlockParagraph, 4, 4, 0, 0, 0, title, "config changes vs app deploys"},
		{BlockBullet, 5, 5, 0, 1, 0, title, `"rolling updates" = config changes that replace instances (instance type, ami, vpc)`},
		{BlockBullet, 6, 6, 0, 2, 0, title, "types: rolling based on health | rolling based on time | immutable"},
		{BlockBullet, 7, 7, 0, 1, 0, title, `"deployment policy" = app version deploys`},
	})
}

// TestParseTextCramTitles: a MediaWiki-style "== kds core ==" line is a
// title, and a "key = value" line after a long one is a fact of its own, as
// is a chain of two or more " > ".
func TestParseTextCramTitles(t *testing.T) {
	src := `== kds core ==
efo: 2 mb/s per consumer per shard, push over http/2, max 20 efo consumers / stream
max record (payload) = 1 mb
modes: provisioned (you pick shards) vs on-demand (auto scales, starts at 4 mb/s write)
partition key > md5 hash > shard
`
	doc := parseMust(t, "kds.txt", src)
	if doc.Format != FormatText {
		t.Fatalf("format = %q, want text", doc.Format)
	}
	const sec = "kds core"
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", sec},
		{BlockParagraph, 2, 2, 0, 0, 0, sec, "efo: 2 mb/s per consumer per shard, push over http/2, max 20 efo consumers / stream"},
		{BlockParagraph, 3, 3, 0, 0, 0, sec, "max record (payload) = 1 mb"},
		{BlockParagraph, 4, 4, 0, 0, 0, sec, "modes: provisioned (you pick shards) vs on-demand (auto scales, starts at 4 mb/s write)"},
		{BlockParagraph, 5, 5, 0, 0, 0, sec, "partition key > md5 hash > shard"},
	})
}

// TestParseTextSlides: a slide deck exported to text has "Slide N" / "Page
// N of M" footers (no headings: they state nothing), a title line over
// each slide's bullets (a heading), and second-level items marked "o" or
// "◦" on indented lines.
func TestParseTextSlides(t *testing.T) {
	src := `Slide 3

Amazon Inspector - what it scans
• Amazon EC2 instances
  o package vulnerabilities via the SSM Agent
  o network reachability findings (ports reachable from the
    internet)
• AWS Lambda functions
  ◦ standard scanning

Page 4 of 10

o not a bullet at the margin
`
	doc := parseMust(t, "deck.pdf.txt", src)
	if doc.Format != FormatText {
		t.Fatalf("format = %q, want text", doc.Format)
	}
	const title = "Amazon Inspector - what it scans"
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 3, 3, 1, 0, 0, "", title},
		{BlockBullet, 4, 4, 0, 0, 0, title, "Amazon EC2 instances"},
		{BlockBullet, 5, 5, 0, 1, 0, title, "package vulnerabilities via the SSM Agent"},
		{BlockBullet, 6, 7, 0, 1, 0, title, "network reachability findings (ports reachable from the internet)"},
		{BlockBullet, 8, 8, 0, 0, 0, title, "AWS Lambda functions"},
		{BlockBullet, 9, 9, 0, 1, 0, title, "standard scanning"},
		{BlockParagraph, 13, 13, 0, 0, 0, title, "o not a bullet at the margin"},
	})
}

func TestIsPageMark(t *testing.T) {
	for s, want := range map[string]bool{
		"Slide 3": true, "Page 2 of 10": true, "page 4/12": true, "- 7 -": true, "PAGE 12": true,
		"Slide deck": false, "Page views": false, "Page 2 of the guide": false, "3": false, "- a -": false,
	} {
		if got := isPageMark(s); got != want {
			t.Errorf("isPageMark(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestParsePDFTokenLists: identifiers the export put one a line under a
// bullet are that bullet's items; a token that goes on with a wrapped
// phrase ("puts instance into" / "pending:wait" / "/terminating:wait") is
// still joined to it.
func TestParsePDFTokenLists(t *testing.T) {
	src := `↖↑↓ Deletion
- Some resourcetypes only
AWS::EC2::Volume
AWS::RDS::DBCluster
- Allow data recovery at a later stage
- Lifecycle Hook puts instance into
pending:wait
/terminating:wait
state, instance is paused
`
	doc := parseMust(t, "p.txt", src)
	const h = "Deletion"
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", h},
		{BlockBullet, 2, 2, 0, 0, 0, h, "Some resourcetypes only"},
		{BlockBullet, 3, 3, 0, 1, 0, h, "AWS::EC2::Volume"},
		{BlockBullet, 4, 4, 0, 1, 0, h, "AWS::RDS::DBCluster"},
		{BlockBullet, 5, 5, 0, 0, 0, h, "Allow data recovery at a later stage"},
		{BlockBullet, 6, 9, 0, 0, 0, h, "Lifecycle Hook puts instance into pending:wait /terminating:wait state, instance is paused"},
	})
}

// TestParseManPage: a man page's section names stand unindented over an
// indented body, and its paragraphs are broken near one column (here 62):
// a section name is a heading; a line the width broke joins the one
// before at the same indentation; a term's own line and a field
// ("Retries: ...") never join.
func TestParseManPage(t *testing.T) {
	page := `LAMBDA
       Aliases:
       weighted
              An alias shifts traffic between two versions of one
              function; a third version needs a second alias.
       destinations
              On failure: SQS queue, SNS topic, Lambda function or
              EventBridge bus. Only SQS and SNS can be a dead-letter
              queue.
              Retries: 2 for asynchronous invocations by default.
`
	doc := parseMust(t, "deploy.7", page)
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", "LAMBDA"},
		{BlockBullet, 2, 2, 0, 3, 0, "LAMBDA", "Aliases:"},
		{BlockBullet, 3, 3, 0, 3, 0, "LAMBDA", "weighted"},
		{BlockBullet, 4, 5, 0, 7, 0, "LAMBDA", "An alias shifts traffic between two versions of one function; a third version needs a second alias."},
		{BlockBullet, 6, 6, 0, 3, 0, "LAMBDA", "destinations"},
		{BlockBullet, 7, 9, 0, 7, 0, "LAMBDA", "On failure: SQS queue, SNS topic, Lambda function or EventBridge bus. Only SQS and SNS can be a dead-letter queue."},
		{BlockBullet, 10, 10, 0, 7, 0, "LAMBDA", "Retries: 2 for asynchronous invocations by default."},
	})
}

// TestHardWrapped: a line joins the one above it when the note's width
// broke it there, never when it fits many words more, is a row of
// columns, a field or a chain's next hop.
func TestHardWrapped(t *testing.T) {
	lines := func(src string) []srcLine {
		var out []srcLine
		for i, l := range strings.Split(strings.TrimSuffix(src, "\n"), "\n") {
			t := strings.TrimLeft(l, " ")
			out = append(out, srcLine{num: i + 1, kind: itemText, indent: len(l) - len(t), text: t, raw: t})
		}
		return out
	}
	tests := []struct {
		name string
		src  string
		want bool // line 2 continues line 1
	}{
		{"broken at the width", "    alpha beta gamma delta epsilon zeta eta theta iota kappa\n    lambda mu\n    nu xi omicron pi rho sigma tau upsilon phi chi psi omega\n    alpha beta gamma delta epsilon zeta eta theta iota kappa\n", true},
		{"fits many more words", "    Pending\n    Pending:Wait\n    nu xi omicron pi rho sigma tau upsilon phi chi psi omega\n    alpha beta gamma delta epsilon zeta eta theta iota kappa\n", false},
		{"row of columns", "    alpha beta gamma delta epsilon zeta eta theta iota kappa\n    --mu        nu\n    nu xi omicron pi rho sigma tau upsilon phi chi psi omega\n    alpha beta gamma delta epsilon zeta eta theta iota kappa\n", false},
		{"a field of its own", "    alpha beta gamma delta epsilon zeta eta theta iota kappa\n    Retries: two\n    nu xi omicron pi rho sigma tau upsilon phi chi psi omega\n    alpha beta gamma delta epsilon zeta eta theta iota kappa\n", false},
		{"after a comma, whatever the width", "    Pending,\n    Pending:Wait\n", true},
		{"no width: lines run long", "    alpha beta\n    gamma\n", false},
	}
	for _, tt := range tests {
		ls := lines(tt.src)
		if got := hardWrapped(ls, 1, noteWidth(ls)); got != tt.want {
			t.Errorf("%s: hardWrapped = %v, want %v (width %d)", tt.name, got, tt.want, noteWidth(ls))
		}
	}
}

// TestParsePDFAsideLine: an aside the export put at a line's start joins
// the line before when that line ends no sentence and opens no list.
func TestParsePDFAsideLine(t *testing.T) {
	src := `↖↑↓ Environment variables
- Precendence:
start-build
(CLI), project definition, buildspec.yml
- Use IAM policy:
(optional) a condition key
`
	doc := parseMust(t, "p.txt", src)
	const h = "Environment variables"
	parseCheckBlocks(t, doc, []parseBlk{
		{BlockHeading, 1, 1, 1, 0, 0, "", h},
		{BlockBullet, 2, 4, 0, 0, 0, h, "Precendence: start-build (CLI), project definition, buildspec.yml"},
		{BlockBullet, 5, 5, 0, 0, 0, h, "Use IAM policy:"},
		{BlockParagraph, 6, 6, 0, 0, 0, h, "(optional) a condition key"},
	})
}
