package queries

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestZZDiag is a local diagnostic (not committed): AWSKG_DIAG=questions.json[:notesdir]
func TestZZDiag(t *testing.T) {
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
		res, _ := e.Ask(ctx, q.Question)
		var names []string
		if res != nil {
			for _, a := range res.Answers {
				names = append(names, a.Name)
			}
		}
		_, _, f := f1(q.evalQuestion, names)
		a := e.analyze(q.Question)
		hits := e.search(a, 200)
		rank := -1
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
		for r, h := range hits {
			if match(e.ix.StatementSource(h.i)) {
				rank = r
				break
			}
		}
		// can the answers be found among objects/subjects of facts at the evidence lines?
		found := 0
		for _, g := range q.Must {
			ok := false
			for _, fct := range facts {
				if !match(fct.Source) {
					continue
				}
				for _, al := range g {
					if norm(e.names[fct.Object].Name) == norm(al) || norm(e.names[fct.Subject].Name) == norm(al) {
						ok = true
					}
				}
			}
			if ok {
				found++
			}
		}
		fmt.Printf("%-36s F1=%.2f evrank=%3d extracted=%d/%d  %s\n", q.ID, f, rank, found, len(q.Must), res.readingOrNil())
	}
}

func (r *Result) readingOrNil() string {
	if r == nil {
		return "-"
	}
	return r.Reading
}
