package queries

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/ingest"
)

// evalQuestion is one entry of testdata/questions-dev.json (a copy of
// ../shared/eval/questions-dev.json).
type evalQuestion struct {
	ID       string     `json:"id"`
	Family   string     `json:"family"`
	Question string     `json:"question"`
	Type     string     `json:"type"`
	Must     [][]string `json:"must"`
	Allowed  [][]string `json:"allowed"`
}

var normDropRe = regexp.MustCompile(`[^a-z0-9]`)

// norm is the scorer's name normalisation.
func norm(name string) string {
	s := strings.ToLower(strings.TrimSpace(name))
	for _, p := range []string{"aws ", "amazon "} {
		s = strings.TrimPrefix(s, p)
	}
	s = normDropRe.ReplaceAllString(s, "")
	if strings.HasSuffix(s, "s") && len(s) > 3 {
		s = s[:len(s)-1]
	}
	return s
}

// f1 scores answer names as ../shared/eval/score does.
func f1(q evalQuestion, names []string) (p, r, f float64) {
	index := func(groups [][]string) map[string]int {
		m := map[string]int{}
		for i, g := range groups {
			for _, a := range g {
				if _, ok := m[norm(a)]; !ok {
					m[norm(a)] = i
				}
			}
		}
		return m
	}
	must, allowed := index(q.Must), index(q.Allowed)
	seen := map[string]bool{}
	seenMust := map[int]bool{}
	var order []int
	correct := 0
	for _, n := range names {
		k := norm(n)
		if seen[k] {
			continue
		}
		seen[k] = true
		if i, ok := must[k]; ok {
			correct++
			order = append(order, i)
			seenMust[i] = true
		} else if _, ok := allowed[k]; ok {
			correct++
		}
	}
	if len(seen) > 0 {
		p = float64(correct) / float64(len(seen))
	}
	hit := len(seenMust)
	if q.Type != "set" {
		expected := make([]int, len(q.Must))
		for i := range expected {
			expected[i] = i
		}
		hit = lcs(expected, order)
	}
	if len(q.Must) > 0 {
		r = float64(hit) / float64(len(q.Must))
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func lcs(a, b []int) int {
	prev := make([]int, len(b)+1)
	for _, x := range a {
		cur := make([]int, len(b)+1)
		for j, y := range b {
			if x == y {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev = cur
	}
	return prev[len(b)]
}

func loadQuestions(t testing.TB) []evalQuestion {
	t.Helper()
	b, err := os.ReadFile("../testdata/questions-dev.json")
	if err != nil {
		t.Fatalf("read questions: %v", err)
	}
	var qs []evalQuestion
	if err := json.Unmarshal(b, &qs); err != nil {
		t.Fatalf("parse questions: %v", err)
	}
	if len(qs) == 0 {
		t.Fatal("no questions in testdata/questions-dev.json")
	}
	return qs
}

// newEngine ingests the embedded notes plus extra note files into a memstore.
func newEngine(t testing.TB, extra ...string) *Engine {
	t.Helper()
	ctx := context.Background()
	dict, err := ingest.LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	src, err := ingest.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	more, warn, err := ingest.ReadPaths(ctx, extra)
	if err != nil || len(warn) > 0 {
		t.Fatalf("read extra notes: %v %v", err, warn)
	}
	c, err := ingest.Build(ctx, append(src, more...), dict)
	if err != nil {
		t.Fatal(err)
	}
	s, err := graph.NewMemStore()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Load(ctx, c.Nodes, c.Facts); err != nil {
		t.Fatal(err)
	}
	e, err := NewIndexed(ctx, graph.NewIndex(c.Nodes, c.Facts, c.Statements, graph.WithForms(c.Forms)), s, dict)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// noteEngine returns an engine on the embedded notes and one more note,
// name holding text, written to a temporary folder.
func noteEngine(t testing.TB, name, text string) *Engine {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return newEngine(t, dir)
}

func answerNames(r *Result) []string {
	names := make([]string, len(r.Answers))
	for i, a := range r.Answers {
		names[i] = a.Name
	}
	return names
}

// TestDevQuestions asserts F1 ≥ 0.9 on every dev question, as the scorer
// computes it.
func TestDevQuestions(t *testing.T) {
	e := newEngine(t)
	for _, q := range loadQuestions(t) {
		t.Run(q.ID, func(t *testing.T) {
			res, err := e.Ask(context.Background(), q.Question)
			if err != nil {
				t.Fatalf("Ask(%q): %v", q.Question, err)
			}
			p, r, f := f1(q, answerNames(res))
			if f < 0.9 {
				t.Errorf("%s: F1 %.2f (P %.2f R %.2f) < 0.9; answers %v", q.ID, f, p, r, answerNames(res))
			}
			for _, a := range res.Answers {
				if len(a.Sources) == 0 {
					t.Errorf("answer %q has no source", a.Name)
				}
			}
		})
	}
}

// TestUnrelatedNotesKeepDevScore adds notes on other topics, written for
// this project in the styles of other authors' notes (terse nested bullets,
// headings with `identifiers`, sentence-style prose): answers to questions
// they do not touch must not get worse (mean F1 within 0.01, no question
// down by more than 0.1), however their names, headings and phrases read.
func TestUnrelatedNotesKeepDevScore(t *testing.T) {
	base, more := newEngine(t), newEngine(t, "../testdata/notes-unrelated")
	var sumBase, sumMore float64
	qs := loadQuestions(t)
	for _, q := range qs {
		fb, fm := 0.0, 0.0
		if res, err := base.Ask(context.Background(), q.Question); err == nil {
			_, _, fb = f1(q, answerNames(res))
		}
		res, err := more.Ask(context.Background(), q.Question)
		if err == nil {
			_, _, fm = f1(q, answerNames(res))
		}
		sumBase += fb
		sumMore += fm
		if fm < fb-0.1 {
			t.Errorf("%s: F1 %.2f with the unrelated notes, %.2f without; answers %v, %v", q.ID, fm, fb, answerNames(res), err)
		}
	}
	n := float64(len(qs))
	if sumMore/n < sumBase/n-0.01 {
		t.Errorf("mean F1 %.3f with the unrelated notes, %.3f without", sumMore/n, sumBase/n)
	}
}
