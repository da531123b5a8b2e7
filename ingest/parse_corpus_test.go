package ingest

import (
	"io/fs"
	"sort"
	"strings"
	"testing"

	"github.com/awskg/awskg/data"
)

// Tests on the five real notes embedded in package data.

const (
	parseNote000 = "000_58aa1aa0168045e5.txt"
	parseNote001 = "001_781bd58e04e3db33.txt"
	parseNote002 = "002_653d9272087ba1e1.txt"
	parseNote003 = "003_4c183fbacb9817b1.txt"
	parseNote004 = "004_6afca4f4e74ce55d.txt"
)

// parseCorpusSources returns the bytes of every embedded note, by name.
func parseCorpusSources(tb testing.TB) [][]byte {
	tb.Helper()
	fsys, err := data.Notes()
	if err != nil {
		tb.Fatal(err)
	}
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil || len(names) != 5 {
		tb.Fatalf("notes: %v %v", names, err)
	}
	sort.Strings(names)
	var out [][]byte
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// parseNote parses one embedded note and fails on any error.
func parseNote(t *testing.T, name string) *Document {
	t.Helper()
	fsys, err := data.Notes()
	if err != nil {
		t.Fatal(err)
	}
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(data.NotesDir+"/"+name, src)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return doc
}

// parseTableAt returns the table block starting at line.
func parseTableAt(t *testing.T, doc *Document, line int) *Block {
	t.Helper()
	for i := range doc.Blocks {
		if b := &doc.Blocks[i]; b.Kind == BlockTable && b.Line == line {
			return b
		}
	}
	var starts []int
	for _, b := range doc.Blocks {
		if b.Kind == BlockTable {
			starts = append(starts, b.Line)
		}
	}
	t.Fatalf("%s: no table at line %d (tables at %v)", doc.File, line, starts)
	return nil
}

func parseCellTexts(cells []Cell) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = c.Text
	}
	return out
}

func TestCorpusDetectFormat(t *testing.T) {
	fsys, err := data.Notes()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		parseNote000: FormatWiki, parseNote001: FormatBlog, parseNote002: FormatPDF,
		parseNote003: FormatWiki, parseNote004: FormatMarkdown,
	}
	for name, f := range want {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		if got := DetectFormat(name, src); got != f {
			t.Errorf("DetectFormat(%s) = %q, want %q", name, got, f)
		}
	}
}

func TestCorpusInvariants(t *testing.T) {
	for _, name := range []string{parseNote000, parseNote001, parseNote002, parseNote003, parseNote004} {
		doc := parseNote(t, name)
		parseCheckInvariants(t, name, doc)
		if len(doc.Blocks) == 0 {
			t.Errorf("%s: no blocks", name)
		}
		for _, b := range doc.Blocks {
			if b.Kind == BlockHeading && len(b.Section) > 0 && b.Section[len(b.Section)-1] == b.Text && doc.Format != FormatMarkdown {
				t.Errorf("%s:%d: heading section includes itself", name, b.Line)
			}
		}
	}
}

// parseTableCase describes one real table of note 002.
type parseTableCase struct {
	name      string
	line, end int
	header    []string
	rows      int
	cellRow   int // a checked cell: row index, column, text, line
	cellCol   int
	cellText  string
	cellLine  int
	lastFirst string // text of the first cell of the last row
}

var parseTables002 = []parseTableCase{
	{"general strategies", 46, 94,
		[]string{"Strategy", "Deploy time", "Downtime", "Testing", "Deployment Costs", "Impact of failed deployment", "Rollback process"},
		6, 1, 1, "🕑", 61, "Blue/Green"},
	{"strategies per AWS service", 96, 151,
		[]string{"Strategy", "Auto Scaling Group", "CodeDeploy EC2/On-Premises", "CodeDeploy ECS", "CodeDeploy Lambda", "Elastic Beanstalk", "OpsWorks"},
		7, 1, 1, "AutoScalingReplacingUpdate", 111, "Canary"},
	{"multi region", 704, 729, []string{"", ""},
		12, 0, 1, "multi-way replication, implemented by Streams", 707, "CodePipeline"},
	{"multi account", 738, 753, []string{"", ""},
		7, 0, 0, "IAM", 740, "CloudTrail"},
	{"DR from/to", 760, 771, []string{"From", "To", ""},
		3, 1, 2, "Hybrid recovery", 768, "Cloud Region A"},
	{"DR strategies", 772, 801, []string{"", "RPO", "RTO", "Costs", "Comment", "What to do for DR"},
		4, 3, 3, "$$$$", 799, "Multi Site/Hot Site"},
	{"security", 803, 829, []string{"Service", "What it does", "Will warn about (example)"},
		8, 5, 2, "", 823, "TrustedAdvisor"},
	{"notifications", 831, 945,
		[]string{"Service", "SNS (native)", "CloudWatch/EventBridge Events", "CloudWatch Metrics/Alarms", "Comment"},
		22, 6, 4, "", 870, "Trusted Advisor"},
	{"pros/cons", 314, 327, []string{"pros", "cons"},
		6, 2, 1, "", 321, "By far the best method in terms of risk mitigation and minimal user impact"},
	{"metric/effect with multi-line cells", 1846, 1865, []string{"Metric", "Effect"},
		6, 1, 0, "DiskReadOps , DiskWriteOps", 1850, "StatusCheckFailed , StatusCheckFailed_Instance , StatusCheckFailed_System"},
	{"repeated header starts a table", 1883, 1901, []string{"Metric", "Effect"},
		8, 0, 0, "Latency", 1885, "HealthyHostCount ,UnhealthyHostCount"},
}

func TestCorpusTables002(t *testing.T) {
	doc := parseNote(t, parseNote002)
	for _, tc := range parseTables002 {
		t.Run(tc.name, func(t *testing.T) {
			b := parseTableAt(t, doc, tc.line)
			if b.EndLine != tc.end {
				t.Errorf("EndLine = %d, want %d", b.EndLine, tc.end)
			}
			if got := parseCellTexts(b.Table.Header); strings.Join(got, "|") != strings.Join(tc.header, "|") {
				t.Errorf("header = %q, want %q", got, tc.header)
			}
			if len(b.Table.Rows) != tc.rows {
				t.Fatalf("%d rows, want %d", len(b.Table.Rows), tc.rows)
			}
			c := b.Table.Rows[tc.cellRow][tc.cellCol]
			if c.Text != tc.cellText || c.Line != tc.cellLine {
				t.Errorf("cell[%d][%d] = %q at %d, want %q at %d", tc.cellRow, tc.cellCol, c.Text, c.Line, tc.cellText, tc.cellLine)
			}
			if got := b.Table.Rows[tc.rows-1][0].Text; got != tc.lastFirst {
				t.Errorf("last row starts with %q, want %q", got, tc.lastFirst)
			}
		})
	}
	// The two DR tables are adjacent: nothing between them.
	if a, b := parseTableAt(t, doc, 760), parseTableAt(t, doc, 772); a.EndLine+1 != b.Line {
		t.Errorf("DR tables not adjacent: %d-%d and %d-%d", a.Line, a.EndLine, b.Line, b.EndLine)
	}
	// Multi-region last row, quoted by the brief.
	mr := parseTableAt(t, doc, 704)
	if got := parseCellTexts(mr.Table.Rows[11]); got[1] != "action can be region specific -> multi-region deploys" {
		t.Errorf("multi-region last row = %q", got)
	}
	// DR strategies rows.
	dr := parseTableAt(t, doc, 772)
	want := [][]string{
		{"Backup & Restore", "High", "High", "$", "Regular backups", "Restore"},
		{"Multi Site/Hot Site", "Lowest", "Lowest", "$$$$", "Full system at production size always running", "Only switch traffic"},
	}
	for i, r := range []int{0, 3} {
		if got := parseCellTexts(dr.Table.Rows[r]); strings.Join(got, "|") != strings.Join(want[i], "|") {
			t.Errorf("DR row %d = %q, want %q", r, got, want[i])
		}
	}
	// Security rows, first and last.
	sec := parseTableAt(t, doc, 803)
	if got := sec.Table.Rows[0][0]; got.Text != "Amazon Inspector" || got.Line != 806 {
		t.Errorf("security first cell = %+v", got)
	}
}

// TestCorpusStrayCell002: the bar alone on line 1309 is no table cell; it
// joins the two code tokens the export put on lines of their own around
// it, in the bullet they end ("... require CAPABILITY_IAM |
// CAPABILITY_NAMED_IAM if so"), not a paragraph that heads the bullets
// after it.
func TestCorpusStrayCell002(t *testing.T) {
	doc := parseNote(t, parseNote002)
	for _, b := range doc.Blocks {
		if b.Line <= 1309 && 1309 <= b.EndLine {
			if b.Kind != BlockBullet || !strings.HasSuffix(b.Text, "CAPABILITY_IAM | CAPABILITY_NAMED_IAM if so") {
				t.Errorf("line 1309 is in %v %q, want the bullet that ends \"CAPABILITY_IAM | CAPABILITY_NAMED_IAM if so\"", b.Kind, b.Text)
			}
			return
		}
	}
	t.Error("line 1309 is in no block")
}

func TestCorpusAllTables002(t *testing.T) {
	// Every flattened table of the note: start line, end line, columns.
	gold := [][3]int{
		{46, 94, 7}, {96, 151, 7}, {153, 160, 2}, {163, 168, 2}, {170, 181, 3}, {183, 192, 2}, {194, 208, 3}, {214, 221, 2},
		{223, 240, 3}, {245, 252, 2}, {253, 276, 3}, {279, 286, 2}, {288, 305, 3}, {314, 327, 2}, {347, 352, 2}, {442, 466, 3},
		{491, 498, 2}, {573, 592, 4}, {612, 629, 2}, {704, 729, 2}, {738, 753, 2}, {760, 771, 3}, {772, 801, 6}, {803, 829, 3},
		{831, 945, 5}, {1120, 1137, 2}, {1214, 1258, 3}, {1291, 1302, 2}, {1435, 1442, 2}, {1445, 1454, 2}, {1595, 1610, 2},
		{1709, 1722, 2}, {1747, 1756, 2}, {1846, 1865, 2}, {1869, 1882, 2}, {1883, 1901, 2}, {1906, 1917, 2}, {1918, 1927, 2},
		{1929, 1970, 3}, {2024, 2047, 3}, {2153, 2169, 3}, {2205, 2220, 2}, {2276, 2293, 2}, {2311, 2330, 2}, {2549, 2558, 2},
		{2761, 2790, 3}, {2860, 2869, 2}, {2975, 2984, 2}, {2992, 3009, 3}, {3195, 3206, 2}, {3253, 3256, 2}, {3370, 3393, 3},
		{3471, 3526, 7}, {3627, 3653, 3},
	}
	doc := parseNote(t, parseNote002)
	got := map[[3]int]bool{}
	for _, b := range doc.Blocks {
		if b.Kind == BlockTable {
			got[[3]int{b.Line, b.EndLine, len(b.Table.Header)}] = true
		}
	}
	for _, g := range gold {
		if !got[g] {
			t.Errorf("table %d-%d with %d columns not found", g[0], g[1], g[2])
		}
		delete(got, g)
	}
	for g := range got {
		t.Errorf("unexpected table %d-%d with %d columns", g[0], g[1], g[2])
	}
}

func TestCorpusPDFBlocks002(t *testing.T) {
	doc := parseNote(t, parseNote002)
	find := func(line int) *Block {
		for i := range doc.Blocks {
			if b := &doc.Blocks[i]; b.Line <= line && line <= b.EndLine {
				return b
			}
		}
		t.Fatalf("no block at line %d", line)
		return nil
	}
	if b := find(211); b.Kind != BlockBullet || b.Line != 210 || !strings.HasSuffix(b.Text, "rest of the deployment as quickly as possible") {
		t.Errorf("wrapped bullet = %v %d-%d %q", b.Kind, b.Line, b.EndLine, b.Text)
	}
	if b := find(3); b.Kind != BlockHeading || b.Text != "Exam Objectives" || b.Level != 1 {
		t.Errorf("heading = %+v", b)
	}
	if b := find(4); len(b.Section) != 1 || b.Section[0] != "Exam Objectives" {
		t.Errorf("section of line 4 = %q", b.Section)
	}
	if b := find(1510); b.Kind != BlockCode || b.Line != 1505 || b.EndLine != 1522 {
		t.Errorf("YAML sample = %v %d-%d", b.Kind, b.Line, b.EndLine)
	}
	if b := find(1738); b.Kind != BlockCode {
		t.Errorf("CLI line 1738 = %v", b.Kind)
	}
	if b := find(1273); b.Kind != BlockBullet || b.Line != 1272 || b.Text != "Defines which actions can be performed on specified resources." {
		t.Errorf("bare bullet = %v %d %q", b.Kind, b.Line, b.Text)
	}
}

func TestCorpusWiki000(t *testing.T) {
	for _, name := range []string{parseNote000, parseNote003} {
		doc := parseNote(t, name)
		var table *Block
		for i := range doc.Blocks {
			if doc.Blocks[i].Kind == BlockTable {
				if table != nil {
					t.Fatalf("%s: more than one table", name)
				}
				table = &doc.Blocks[i]
			}
		}
		if table == nil {
			t.Fatalf("%s: Systems Manager table not found", name)
		}
		off := 0 // 003 lacks some lines of 000
		if name == parseNote003 {
			off = 424 - 383
		}
		if table.Line != 425-off || table.EndLine != 434-off {
			t.Errorf("%s: table at %d-%d, want %d-%d", name, table.Line, table.EndLine, 425-off, 434-off)
		}
		if got := parseCellTexts(table.Table.Header); strings.Join(got, "|") != "Tasks|Details" {
			t.Errorf("%s: header %q", name, got)
		}
		rows := table.Table.Rows
		keys := []string{"Run Command", "Inventory", "State Manager", "Maintenance Window", "Patch Manager", "Automation", "Parameter Store"}
		if len(rows) != len(keys) {
			t.Fatalf("%s: %d rows", name, len(rows))
		}
		for i, k := range keys {
			if rows[i][0].Text != k || rows[i][0].Line != 426-off+i {
				t.Errorf("%s: row %d key %q at %d, want %q at %d", name, i, rows[i][0].Text, rows[i][0].Line, k, 426-off+i)
			}
		}
		if !strings.HasPrefix(rows[0][1].Text, "Manage the configuration") || !strings.HasPrefix(rows[6][1].Text, "Store, control,") ||
			!strings.HasSuffix(rows[6][1].Text, "Key Management System (KMS).") {
			t.Errorf("%s: descriptions %q / %q", name, rows[0][1].Text, rows[6][1].Text)
		}
		if len(table.Section) != 1 || table.Section[0] != "Systems Manager" {
			t.Errorf("%s: table section %q", name, table.Section)
		}
	}
	doc := parseNote(t, parseNote000)
	want := map[int]parseBlk{
		10:  {BlockHeading, 10, 10, 1, 0, 0, "", "Domains"},
		14:  {BlockBullet, 14, 14, 0, 0, 1, "Domains", "Software Development LifeCycle (SDLC) Automation [22%]"},
		74:  {BlockBullet, 74, 74, 0, 2, 0, "The CI/CD Pipeline", `AWS CodeCommit (think "git")`},
		172: {BlockHeading, 172, 172, 1, 0, 0, "", "Minimum in-service Deployment (initial build stage -> t1 t2 t3 ...)"},
		208: {BlockBullet, 208, 208, 0, 1, 0, "Infrastructure as Code (IaC) lifecycle", "Amazon EC2 Systems Manager"},
		299: {BlockCode, 299, 299, 0, 0, 0, "Examples", "$ aws configservice delete-configuration-recorder --configuration-recorder-name default"},
	}
	for _, b := range parseBlks(doc) {
		if w, ok := want[b.line]; ok {
			if b != w {
				t.Errorf("line %d:\n got %v\nwant %v", b.line, b, w)
			}
			delete(want, b.line)
		}
	}
	for l := range want {
		t.Errorf("no block starts at 000:%d", l)
	}
	for _, b := range doc.Blocks {
		if b.Line <= 230 && 230 <= b.EndLine && (b.Kind != BlockCode || b.Line != 224 || b.EndLine != 241) {
			t.Errorf("YAML sample at 224-241 = %v %d-%d", b.Kind, b.Line, b.EndLine)
		}
	}
}

func TestCorpusBlog001(t *testing.T) {
	doc := parseNote(t, parseNote001)
	want := map[int]parseBlk{
		12:  {BlockHeading, 12, 12, 1, 0, 0, "", "DevOps choices"},
		191: {BlockBullet, 191, 191, 0, 0, 0, "send logs to other place for analysis", "logs > subscription filter > kinesis firehose > s3 > athena"},
		220: {BlockBullet, 220, 220, 0, 1, 0, "Cross account replication", "trust s3 to assume role"},
		239: {BlockParagraph, 239, 239, 0, 0, 0, "AMI", "use ECS-optimised AMI - have container agent installed"},
		241: {BlockHeading, 241, 241, 1, 0, 0, "", "loggings"},
	}
	headings := 0
	for _, b := range parseBlks(doc) {
		if b.kind == BlockHeading {
			headings++
		}
		if w, ok := want[b.line]; ok {
			if b != w {
				t.Errorf("line %d:\n got %v\nwant %v", b.line, b, w)
			}
			delete(want, b.line)
		}
	}
	for l := range want {
		t.Errorf("no block starts at 001:%d", l)
	}
	if headings != 39 {
		t.Errorf("%d headings, want 39 (one per \"#\" rule)", headings)
	}
}

func TestCorpusMarkdown004(t *testing.T) {
	doc := parseNote(t, parseNote004)
	if doc.Format != FormatMarkdown {
		t.Fatalf("format %q", doc.Format)
	}
	lifecycle := []string{"Setup", "Configure", "Deploy", "Undeploy", "Shutdown"}
	seen := 0
	for _, b := range doc.Blocks {
		if b.Kind == BlockBullet && b.Line >= 228 && b.Line <= 232 {
			i := b.Line - 228
			if b.Text != lifecycle[i] || b.Ordinal != i+1 || b.Depth != 0 {
				t.Errorf("item at %d = %q ordinal %d depth %d", b.Line, b.Text, b.Ordinal, b.Depth)
			}
			if len(b.Section) == 0 || b.Section[len(b.Section)-1] != "Lifecycle" {
				t.Errorf("item at %d section %q", b.Line, b.Section)
			}
			seen++
		}
		if b.Kind == BlockHeading && strings.HasPrefix(b.Text, "Domain 4") {
			if b.Line != 307 || b.Level != 1 || len(b.Section) != 0 {
				t.Errorf("Domain 4 heading at %d level %d section %q, want 307, 1, []", b.Line, b.Level, b.Section)
			}
		}
		if b.Kind == BlockHeading && b.Text == "Lifecycle" {
			want := []string{"Domain 2 - Configuration Management and Infrastructure as Code", "OpsWorks"}
			if b.Line != 225 || b.Level != 3 || strings.Join(b.Section, "|") != strings.Join(want, "|") {
				t.Errorf("Lifecycle heading at %d level %d section %q", b.Line, b.Level, b.Section)
			}
		}
		if b.Line == 37 && (b.Kind != BlockParagraph || !strings.HasPrefix(b.Text, "Build instructions can be defined in code buildspec.yml and outputs")) {
			t.Errorf("paragraph 37 = %v %q", b.Kind, b.Text)
		}
		if b.Line == 3 && !strings.Contains(b.Text, "from Stephane Maarek's course for this") {
			t.Errorf("link text lost: %q", b.Text)
		}
	}
	if seen != 5 {
		t.Errorf("%d lifecycle items, want 5", seen)
	}
}
