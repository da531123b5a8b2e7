package queries

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestZZDiag2 (not committed): for questions whose answers are not fact ends
// at the evidence lines, print the lines' facts and statements.
func TestZZDiag2(t *testing.T) {
	spec := os.Getenv("AWSKG_DIAG")
	if spec == "" {
		t.Skip()
	}
	parts := strings.SplitN(spec, ":", 2)
	var extra []string
	if len(parts) == 2 {
		extra = append(extra, parts[1])
	}
	e := newEngine(t, extra...)
	b, _ := os.ReadFile(parts[0])
	var qs []struct {
		evalQuestion
		Evidence []string `json:"evidence"`
	}
	json.Unmarshal(b, &qs)
	ctx := context.Background()
	facts, _ := e.ix.Facts(ctx)
	for _, q := range qs {
		evSrc := map[string]bool{}
		for _, ev := range q.Evidence {
			file, lines, _ := strings.Cut(ev, ":")
			lo, hi := lines, lines
			if i := strings.Index(lines, "-"); i > 0 {
				lo, hi = lines[:i], lines[i+1:]
			}
			var l0, l1 int
			fmt.Sscan(lo, &l0)
			fmt.Sscan(hi, &l1)
			for l := l0; l <= l1; l++ {
				evSrc[fmt.Sprintf("%s:%d", file, l)] = true
			}
		}
		match := func(src string) bool {
			for k := range evSrc {
				if strings.HasSuffix(src, "/"+k) || src == k {
					return true
				}
			}
			return false
		}
		found := 0
		for _, g := range q.Must {
			for _, fct := range facts {
				if !match(fct.Source) {
					continue
				}
				ok := false
				for _, al := range g {
					if norm(e.names[fct.Object].Name) == norm(al) || norm(e.names[fct.Subject].Name) == norm(al) {
						ok = true
					}
				}
				if ok {
					found++
					break
				}
			}
		}
		if found > 0 {
			continue
		}
		var want []string
		for _, g := range q.Must {
			want = append(want, g[0])
		}
		fmt.Printf("## %s want %v\n", q.ID, want)
		for _, st := range e.ix.Statements() {
			if match(st.Source) {
				fmt.Printf("   S %s | %.150s\n", st.Source[strings.LastIndex(st.Source, "/")+1:], st.Text)
			}
		}
		n := 0
		for _, fct := range facts {
			if match(fct.Source) && n < 6 {
				n++
				fmt.Printf("   F %s | %s | %s\n", e.names[fct.Subject].Name, fct.Predicate, e.names[fct.Object].Name)
			}
		}
	}
}
