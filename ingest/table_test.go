package ingest

import (
	"fmt"
	"strings"
	"testing"
)

// tableCells splits "a | b | . | c" into cells ("." is the empty cell).
func tableCells(s string) []string {
	var out []string
	for _, c := range strings.Split(s, "|") {
		c = strings.TrimSpace(c)
		if c == "." {
			c = ""
		}
		out = append(out, c)
	}
	return out
}

func tableSegs(segs []cellSeg) string {
	var parts []string
	for _, s := range segs {
		if s.cols == 0 {
			parts = append(parts, fmt.Sprintf("stray[%d:%d]", s.start, s.end))
		} else {
			parts = append(parts, fmt.Sprintf("%dx%d[%d:%d]", s.cols, (s.end-s.start)/s.cols, s.start, s.end))
		}
	}
	return strings.Join(parts, " ")
}

func TestSegmentCells(t *testing.T) {
	tests := []struct {
		name  string
		cells string
		want  string // cols x rows (header included) [start:end]
	}{
		{"single stray cell", ".", "stray[0:1]"},
		{"two cells are no table", "pros | cons", "stray[0:2]"},
		{"pros/cons", "pros | cons | Simple & very few moving parts | Downtime | Deployment is faster than other methods | Limited testing",
			"2x3[0:6]"},
		{"empty header, name/description rows",
			". | . | IAM | Define IAM Trust to enable cross account actions | CodePipeline | Trigger CodeDeploy across accounts | " +
				"AWS Config | Agregate across accounts | CloudWatch Events | Use EventBus to share events across accounts | " +
				"CloudTrail | Can deliver trails into cross-account bucket",
			"2x6[0:12]"},
		{"marks and clocks",
			"Strategy | Deploy time | Downtime | Rollback | Single Target | 🕑 | complete deploy | redeploy | " +
				"Rolling | 🕑🕑🕑 | usually none | redeploy | Blue/Green | 🕑🕑🕑🕑 | none | revert cutover",
			"4x4[0:16]"},
		{"adjacent tables (DR)",
			"From | To | . | On-prem | On-prem | Traditional DR, very expensive | On-prem | Cloud | Hybrid recovery | " +
				"Cloud Region A | Cloud Region B | . | " +
				". | RPO | RTO | Costs | Comment | What to do for DR | " +
				"Backup & Restore | High | High | $ | Regular backups | Restore | " +
				"Pilot Light | Medium | Medium | $$ | Core system is always running | Add non-critical systems | " +
				"Warm Standby | Low | Low | $$$ | Full system at minimum size always running | Add resources | " +
				"Multi Site/Hot Site | Lowest | Lowest | $$$$ | Full system at production size always running | Only switch traffic",
			"3x4[0:12] 6x5[12:42]"},
		{"repeated header starts a new table",
			"Metric | Effect | GroupMinSize | The minimum size of the group. | GroupTotalInstances | The total number of instances. | " +
				"Metric | Effect | Latency | Time it takes to receive an response. | SurgeQueueLength | Total number of requests waiting.",
			"2x3[0:6] 2x3[6:12]"},
		{"period doubling: narrow table preferred",
			"Element | Comment | AWSTemplateFormatVersion | 2010-09-09 | Description | . | Metadata | Details about the template | " +
				"Parameters | Values to pass in right before template creation | Mappings | Maps keys to values | " +
				"Conditions | Check values before deciding what to do | Resources | Creates resources - only mandatory section | " +
				"Outputs | Values to be exposed from the console",
			"2x9[0:18]"},
		// Fixed bug: a tiny table with an empty header read as 3x2 with the
		// header ". | . | DynamoDB Global Tables" (two leading empty cells
		// before a label now count against a header).
		{"bug: tiny empty-header table",
			". | . | DynamoDB Global Tables | multi-way replication | CloudFormation | StackSets", "2x3[0:6]"},
		{"tiny name/description", "Name | Description | Lambda | Run code without servers | ECS | Run containers", "2x3[0:6]"},
		{"tiny with numbers", "Type | Example | A | 198.51.100.40 | AAAA | 2a00:1450::1 | CNAME | www.example.com.", "2x4[0:8]"},
		{"tiny with marks", "Feature | Free | Paid | Storage | 5 GB | 1 TB | Support | - | +", "3x3[0:9]"},
		{"notifications-like with a bare empty cell",
			"Service | SNS | Events | Comment | Inspector | + | - | Notify SNS on findings | API Gateway | - | - | . | " +
				"CodeCommit | + Trigger to SNS | + | . | Config | + All events only | + | . | S3 | + Event notifications | - | documentation",
			"4x6[0:24]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tableSegs(segmentCells(tableCells(tt.cells)))
			if got != tt.want {
				t.Errorf("segmentCells = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestSegmentCellsCoversRun(t *testing.T) {
	// Whatever the input, the pieces cover the run exactly, in order, and
	// every table has at least 2 columns and 2 rows.
	inputs := []string{
		"a | b | c | d | e",
		strings.Repeat("x | ", 30) + "y",
		strings.Repeat(". | ", 50) + ".",
		"1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13",
	}
	for _, in := range inputs {
		cells := tableCells(in)
		segs := segmentCells(cells)
		next := 0
		for _, s := range segs {
			if s.start != next || s.end <= s.start {
				t.Fatalf("%q: bad piece %+v after %d", in, s, next)
			}
			if s.cols != 0 && (s.cols < 2 || (s.end-s.start)%s.cols != 0 || (s.end-s.start)/s.cols < 2) {
				t.Fatalf("%q: bad table %+v", in, s)
			}
			next = s.end
		}
		if next != len(cells) {
			t.Fatalf("%q: pieces end at %d, want %d", in, next, len(cells))
		}
	}
}

// longCellRun is a pathological run of cells (thousands in a row).
func longCellRun() []string {
	cells := make([]string, 5000)
	for i := range cells {
		cells[i] = fmt.Sprintf("cell %d", i%7)
	}
	return cells
}

func TestSegmentCellsLongRun(t *testing.T) {
	cells := longCellRun()
	segs := segmentCells(cells)
	if len(segs) == 0 || segs[len(segs)-1].end != len(cells) {
		t.Errorf("segments do not cover the run: %v", tableSegs(segs))
	}
}

// BenchmarkSegmentCellsLongRun: a long run stays fast because the DP is
// chunked (its speed is measured here, not asserted in a test).
func BenchmarkSegmentCellsLongRun(b *testing.B) {
	cells := longCellRun()
	for i := 0; i < b.N; i++ {
		segmentCells(cells)
	}
}

func TestCellFeatures(t *testing.T) {
	tests := []struct {
		in   string
		want cellClass
	}{
		{"", classEmpty},
		{"+", classMark},
		{"- ", classMark},
		{"+ (every 5 min)", classMark},
		{"$$$", classMoney},
		{"🕑🕑", classSymbol},
		{"* Scans accounts and workloads", classStar},
		{"460kB", classNumber},
		{"<60s", classNumber},
		{"One-at-at-time", classText},
		{"-1 day", classText},
	}
	for _, tt := range tests {
		if got := featuresOf(tt.in).class; got != tt.want {
			t.Errorf("featuresOf(%q).class = %d, want %d", tt.in, got, tt.want)
		}
	}
	a, b, c := featuresOf("Rolling"), featuresOf("Canary"), featuresOf("Traffic is shifted to a replacement set of instances")
	if !(cellSim(&a, &b) > cellSim(&a, &c)) {
		t.Errorf("short labels should be closer to each other than to a sentence")
	}
	d, e := featuresOf("Deployment Stage 1"), featuresOf("Deployment Stage 2")
	if cellSim(&d, &e) < 0.9 {
		t.Errorf("cells sharing words: sim = %v", cellSim(&d, &e))
	}
}

func TestHeaderLike(t *testing.T) {
	for s, want := range map[string]bool{
		"":                                 true,
		"Impact of failed deployment":      true,
		"Will warn about (example)":        true,
		"Traditional DR, very expensive":   false,
		"AWS::EC2::SecurityGroup":          false,
		"$$":                               false,
		"A complete sentence as a header.": false,
	} {
		f := featuresOf(s)
		if got := headerLike(&f, s); got != want {
			t.Errorf("headerLike(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestIsCellFragment(t *testing.T) {
	tests := []struct {
		frag, next string
		want       bool
	}{
		{"DiskReadOps ,", "DiskWriteOps", true},
		{"GroupMinSize", "GroupMinSize", true},
		{"version : 0.0", "hooks : deployment-lifecycle-event-mappings", true},
		{"LambdaCanary10Percent5Minutes /10/15/30", "LambdaAllAtOnce only Blue/green", true},
		{"Designed to help ensure that your instances span Availability Zones evenly", "3 ->4 ->random", true},
		// A title between two adjacent tables is not part of a cell (002:95).
		{"Strategies per AWS service", "Strategy", false},
		{"AWS Config Aggregators list", "Strategy", false},
	}
	for _, tt := range tests {
		if got := isCellFragment(tt.frag, tt.next); got != tt.want {
			t.Errorf("isCellFragment(%q, %q) = %v, want %v", tt.frag, tt.next, got, tt.want)
		}
	}
}

// TestTableRowKeepsTheNoteName: a row's key that the note already named a
// node of its own by the whole cell ("CloudFront Access Logs", read by the
// typed reading of the same table) is that node in the open reading too,
// not the service its first word names nor a count ("Route 53 ...").
func TestTableRowKeepsTheNoteName(t *testing.T) {
	g, names := extractNote(t, "logs.txt", "AWS-Managed Logs\nService |\nTarget(s) |\nRoute 53 Access Logs |\nCloudWatch |\nCloudFront Access Logs |\nS3 |\nCloudTrail Logs |\nS3, CloudWatch |\n")
	subjects := map[string]bool{}
	for _, f := range g.Facts {
		if strings.HasPrefix(f.Predicate, "rel:") {
			subjects[names[f.Subject]] = true
		}
	}
	for _, want := range []string{"Route 53 Access Logs", "CloudFront Access Logs", "CloudTrail Logs"} {
		if !subjects[want] {
			t.Errorf("open relations' subjects %v, want %q", subjects, want)
		}
	}
	for _, bad := range []string{"53 Access Logs", "Amazon CloudFront", "AWS CloudTrail"} {
		if subjects[bad] {
			t.Errorf("open relations' subjects %v hold %q", subjects, bad)
		}
	}
}

// TestHeadEndsAfterTable: prose that ends with a colon above a table heads
// the table's rows, not the list that follows the table.
func TestHeadEndsAfterTable(t *testing.T) {
	src := strings.Join([]string{
		"## CloudFormation and Auto Scaling update behaviour",
		"",
		"The `UpdatePolicy` attribute on `AWS::AutoScaling::AutoScalingGroup`:",
		"",
		"| Policy | What it does |",
		"| --- | --- |",
		"| AutoScalingRollingUpdate | replaces instances in batches |",
		"| AutoScalingReplacingUpdate | creates a new group |",
		"",
		"- `DeletionPolicy`: `Delete`, `Retain`, `Snapshot`",
	}, "\n")
	g, names := extractNote(t, "stack.md", src)
	headed := false
	for _, f := range g.Facts {
		if !strings.Contains(f.Predicate, "update policy") {
			continue
		}
		switch names[f.Object] {
		case "AutoScalingRollingUpdate":
			headed = true
		case "Delete", "Retain", "Snapshot", "DeletionPolicy":
			t.Errorf("the head above the table heads the list after it: %s %s %s", names[f.Subject], f.Predicate, names[f.Object])
		}
	}
	if !headed {
		t.Errorf("the head above the table does not head its rows (facts %v)", factSet(g, names))
	}
}
