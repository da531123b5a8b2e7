package ingest

import (
	"reflect"
	"strings"
	"testing"
)

// TestCSVTables: a spreadsheet pasted as comma-separated values is a table
// (quoted cells keep their commas); prose lists with ", " and a run too
// short are not.
func TestCSVTables(t *testing.T) {
	note := "limits sheet, exported as CSV\n\n" +
		"Service,Quota,Default / value,Adjustable\n" +
		"Lambda,Function timeout,\"900 s (15 min), default 3 s\",N\n" +
		"Kinesis Data Streams,Write per shard,\"1 MB/s or 1,000 records/s\",N\n" +
		"SQS,Visibility timeout,30 s,Y\n\n" +
		"rolling: eb, opsworks, cfn\nimmutable: eb, asg, cfn\nblue/green: eb, r53, cfn\n"
	c := buildOneNote(t, "sheet.txt", note)
	var tabs []*Table
	for _, b := range c.Docs["sheet.txt"].Blocks {
		if b.Kind == BlockTable {
			tabs = append(tabs, b.Table)
		}
	}
	if len(tabs) != 1 {
		t.Fatalf("%d tables, want 1; blocks %+v", len(tabs), c.Docs["sheet.txt"].Blocks)
	}
	var heads, vals []string
	for _, h := range tabs[0].Header {
		heads = append(heads, h.Text)
	}
	for _, r := range tabs[0].Rows {
		vals = append(vals, r[2].Text)
	}
	if want := []string{"Service", "Quota", "Default / value", "Adjustable"}; !reflect.DeepEqual(heads, want) {
		t.Errorf("header %q, want %q", heads, want)
	}
	if want := []string{"900 s (15 min), default 3 s", "1 MB/s or 1,000 records/s", "30 s"}; !reflect.DeepEqual(vals, want) {
		t.Errorf("values %q, want %q", vals, want)
	}
}

// TestCSVFileWithWrappedCells: a .csv note is read as CSV records, so a
// quoted cell that spans lines (a spreadsheet's wrapped text) is one cell
// citing its first line, and the rows after it stay rows.
func TestCSVFileWithWrappedCells(t *testing.T) {
	note := "Service,Rolling,Blue/green notes\n" +
		"Elastic Beanstalk,yes,\"swap URLs\n- or Route 53 weighted\"\n" +
		"CodeDeploy EC2,yes,\"needs ASG\nand ALB\"\n" +
		"OpsWorks,manual,no\n"
	c := buildOneNote(t, "matrix.csv", note)
	var tab *Table
	for _, b := range c.Docs["matrix.csv"].Blocks {
		if b.Kind == BlockTable {
			tab = b.Table
		}
	}
	if tab == nil {
		t.Fatalf("no table; blocks %+v", c.Docs["matrix.csv"].Blocks)
	}
	var keys []string
	var lines []int
	for _, r := range tab.Rows {
		keys = append(keys, r[0].Text)
		lines = append(lines, r[2].Line)
	}
	if want := []string{"Elastic Beanstalk", "CodeDeploy EC2", "OpsWorks"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("rows %q, want %q", keys, want)
	}
	if want := []int{2, 4, 6}; !reflect.DeepEqual(lines, want) {
		t.Errorf("cells cite lines %v, want %v", lines, want)
	}
	if got := tab.Rows[1][2].Text; got != "needs ASG and ALB" {
		t.Errorf("wrapped cell %q, want its lines joined", got)
	}
}

// TestCSVFileOfStackedTables: a sheet that stacks tables, each under a
// title record whose only text is its first cell and after a blank record,
// is read as those tables, each title a heading over its table.
func TestCSVFileOfStackedTables(t *testing.T) {
	note := "DATA REPLICATION,,,\n" +
		"Feature,RDS Multi-AZ,RDS Read Replica,AWS Backup\n" +
		"Cross-region,No,Yes,Yes\n" +
		"Cross-account,No,No,Yes\n" +
		",,,\n" +
		"ROUTE 53 ROUTING POLICIES,,,\n" +
		"Feature,Simple,Failover,Weighted\n" +
		"Active-passive DR,No,Yes,No\n" +
		"Canary / % traffic,No,No,Yes\n"
	c := buildOneNote(t, "grid.csv", note)
	var heads []string
	var tables [][]string
	for _, b := range c.Docs["grid.csv"].Blocks {
		switch b.Kind {
		case BlockHeading:
			heads = append(heads, b.Text)
		case BlockTable:
			var hs []string
			for _, h := range b.Table.Header {
				hs = append(hs, h.Text)
			}
			tables = append(tables, hs)
		}
	}
	if want := []string{"DATA REPLICATION", "ROUTE 53 ROUTING POLICIES"}; !reflect.DeepEqual(heads, want) {
		t.Errorf("headings %q, want %q", heads, want)
	}
	want := [][]string{{"Feature", "RDS Multi-AZ", "RDS Read Replica", "AWS Backup"}, {"Feature", "Simple", "Failover", "Weighted"}}
	if !reflect.DeepEqual(tables, want) {
		t.Errorf("table headers %q, want %q", tables, want)
	}
}

// TestAttributeRows: a table whose second column names properties of the
// entity its first names relates the entity by each property to its value,
// by each labelled part of a value, and by the property and a later
// column's header to a short cell; a table of descriptions does not.
func TestAttributeRows(t *testing.T) {
	note := "Service,Quota,Default / value,Adjustable\n" +
		"Kinesis Data Streams,Write per shard,\"1 MB/s or 1,000 records/s\",N\n" +
		"Step Functions,Max execution duration,\"Standard: 1 year; Express: 5 min\",N\n" +
		"SQS,Visibility timeout,30 s,Y\n"
	c := buildOneNote(t, "sheet.txt", note)
	got := map[string]bool{}
	for _, f := range c.Facts {
		got[f.Subject+" | "+f.Predicate+" | "+f.Object] = true
	}
	for _, want := range []string{
		"service:amazon-kinesis-data-streams | rel:write shard | value:1-mb-s",
		"service:amazon-kinesis-data-streams | rel:write shard | value:1-000-records-s",
		"service:aws-step-functions | rel:max execution duration standard | value:1-year",
		"service:aws-step-functions | rel:max execution duration express | value:5-min",
		"service:amazon-sqs | rel:visibility timeout | value:30-s",
	} {
		if !got[want] {
			var have []string
			for k := range got {
				if strings.HasPrefix(k, strings.SplitN(want, " ", 2)[0]) {
					have = append(have, k)
				}
			}
			t.Errorf("no fact %s; have %q", want, have)
		}
	}
	for k := range got {
		if strings.Contains(k, "rel:quota") {
			t.Errorf("a property column was read as objects: %s", k)
		}
	}
}
