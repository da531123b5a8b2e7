package ingest

import (
	"strings"
	"testing"
)

// TestGridTablesToMarkdown: a grid table's rows become pipe rows whose
// cells join their wrapped lines, each citing the row's first line; the
// rows above a "=" rule are its header; the note's other lines stay.
func TestGridTablesToMarkdown(t *testing.T) {
	src := []string{
		"## DynamoDB", // 1
		"",            // 2
		"+-----------------+---------------------+", // 3
		"| Feature         | What it gives you   |", // 4
		"+=================+=====================+", // 5
		"| Point-in-time   | Restore to any      |", // 6
		"| recovery (PITR) | second of 35 days   |", // 7
		"+-----------------+---------------------+", // 8
		"| TTL             | Deletes expired     |", // 9
		"|                 | items for free      |", // 10
		"+-----------------+---------------------+", // 11
		"After the table.",                          // 12
	}
	h, ok := gridTablesToMarkdown(src)
	if !ok {
		t.Fatal("no grid table found")
	}
	// fixed bugs: one body row under a "=" rule wraps, it is no row per
	// line (its first line's first cell may be empty)
	for _, one := range [][]string{
		{"+---------+------+", "| Service | x    |", "+=========+======+", "| Kinesis | yes  |", "| Data    |      |", "| Streams |      |", "+---------+------+"},
		{"+---------+------+", "| Service | x    |", "+=========+======+", "|         | yes, |", "| Kinesis | via  |", "+---------+------+"},
	} {
		g, _ := gridTablesToMarkdown(one)
		if body := nonBlank(g.lines); len(body) != 3 || body[2] != "| Kinesis Data Streams | yes |" && body[2] != "| Kinesis | yes, via |" {
			t.Errorf("%q read as %q", one, body)
		}
	}
	checkMarkdownLines(t, h, []mdLine{
		{"## DynamoDB", 1},
		{"| Feature | What it gives you |", 4},
		{"| --- | --- |", 4},
		{"| Point-in-time recovery (PITR) | Restore to any second of 35 days |", 6},
		{"| TTL | Deletes expired items for free |", 9},
		{"After the table.", 12},
	})
}

// TestGridTableNote: a Markdown note's grid table (a database shell's, with
// no "=" rule: its first row heads it) is read as a table, its facts
// citing the rows' lines.
func TestGridTableNote(t *testing.T) {
	src := strings.Join([]string{
		"# Route 53",
		"",
		"+----------------+-------------------------------+",
		"| Routing policy | Typical exam scenario         |",
		"+----------------+-------------------------------+",
		"| Failover       | Active-passive DR             |",
		"| Weighted       | Blue/green, A/B testing       |",
		"+----------------+-------------------------------+",
	}, "\n")
	g, names := extractNote(t, "r53.md", src)
	found := map[string]int{}
	for f := range factSet(g, names) {
		if strings.ContainsAny(f.s+f.o, "+|") {
			t.Errorf("a rule or wall in a fact: %+v", f)
		}
		found[f.o] = f.line
	}
	for obj, line := range map[string]int{"Failover": 6, "Weighted": 7} {
		if found[obj] != line {
			t.Errorf("no fact of %s citing line %d: %v", obj, line, found)
		}
	}
}

// TestGridTableInText: a plain-text note's boxed table (a database shell's
// output pasted into a cheat sheet) is a table too, its wrapped cells
// joined, each row citing its first line; the text around it stays text.
func TestGridTableInText(t *testing.T) {
	src := strings.Join([]string{
		"== DR strategies ==", // 1
		"",                    // 2
		"+--------------+---------+-----------------------+", // 3
		"| strategy     | RPO     | what runs in DR       |", // 4
		"+--------------+---------+-----------------------+", // 5
		"| Pilot light  | minutes | core data live        |", // 6
		"| Warm standby | seconds | scaled-down full copy |", // 7
		"|              |         | taking traffic        |", // 8
		"+--------------+---------+-----------------------+", // 9
		"(2 rows)", // 10
	}, "\n")
	doc, err := Parse("cheat.txt", []byte(src))
	if doc == nil {
		t.Fatal(err)
	}
	var tb *Table
	for _, b := range doc.Blocks {
		if b.Kind == BlockTable {
			tb = b.Table
		}
		if strings.Contains(b.Text, "+---") || strings.HasPrefix(b.Text, "| ") {
			t.Errorf("a table line read as text: %+v", b)
		}
	}
	if tb == nil {
		t.Fatalf("no table: %+v", doc.Blocks)
	}
	if len(tb.Header) != 3 || tb.Header[1].Text != "RPO" || len(tb.Rows) != 2 {
		t.Fatalf("table %+v", tb)
	}
	if r := tb.Rows[1]; r[0].Text != "Warm standby" || r[2].Text != "scaled-down full copy taking traffic" || r[2].Line != 7 {
		t.Errorf("row %+v", r)
	}
	g, names := extractNote(t, "cheat.txt", src)
	if !factSet(g, names)[fact{"Warm standby", "rel:rpo", "seconds", 7}] {
		t.Errorf("no RPO of Warm Standby read")
	}
}

// TestGridTableFixedBugs: what is not a grid table stays as written.
func TestGridTableFixedBugs(t *testing.T) {
	for _, src := range [][]string{
		{"+---+", "text that is no row"},                                                // a rule alone
		{"+--+--+", "| a | b |"},                                                        // no closing rule
		{"a + b + c", "+ item", "+++"},                                                  // plus signs that draw nothing
		{"+---+---+", "| only | one |", "+---+---+"},                                    // one row is no table
		{"```", "+---+---+", "| a | b |", "+---+---+", "| c | d |", "+---+---+", "```"}, // code
	} {
		h, ok := gridTablesToMarkdown(src)
		if ok {
			t.Errorf("%q read as a grid table: %q", src, h.lines)
		}
	}
}

// TestEscapedPipeInCell: a pipe a cell escapes ("a \| b", as the grid,
// BBCode and MediaWiki readers write a cell's own pipe) is a pipe of the
// cell's text.
func TestEscapedPipeInCell(t *testing.T) {
	doc, err := Parse("t.md", []byte("| Policy | Use |\n| --- | --- |\n| Weighted | A/B \\| canary |\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if b.Table == nil {
			continue
		}
		if got := b.Table.Rows[0][1].Text; got != "A/B | canary" {
			t.Errorf("cell text %q, want %q", got, "A/B | canary")
		}
		return
	}
	t.Fatal("no table read")
}
