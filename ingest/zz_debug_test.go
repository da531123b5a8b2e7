package ingest

import (
	"context"
	"fmt"
	"os"
	"testing"
)

func TestZZDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	d, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	src, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	c, err := Build(context.Background(), src, d)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Create("/tmp/dbg/facts.txt")
	defer f.Close()
	names := map[string]string{}
	for _, n := range c.Nodes {
		names[n.ID] = n.Name
	}
	for _, x := range c.Facts {
		fmt.Fprintf(f, "%s | %s | %s | %d | %s | %s\n", names[x.Subject], x.Predicate, names[x.Object], x.Position, x.Source, x.Detail)
	}
	fmt.Fprintln(f, len(c.Facts), "facts", len(c.Nodes), "nodes", len(c.Warnings), "warnings")
	for _, w := range c.Warnings {
		fmt.Fprintln(f, "WARN", w)
	}
}
