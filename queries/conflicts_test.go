package queries

import (
	"context"
	"strings"
	"testing"
)

func TestConflicts(t *testing.T) {
	e := newEngine(t)
	cs, err := e.Conflicts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		topic   string
		sources []string // one source each side must cite
	}{
		{"does AWS CodeDeploy notifies AWS Chatbot?", []string{"002_653d9272087ba1e1.txt:872", "002_653d9272087ba1e1.txt:2186"}},
		{"data retention of Amazon Kinesis", []string{"002_653d9272087ba1e1.txt:2947", "002_653d9272087ba1e1.txt:3008"}},
	}
	for _, w := range want {
		found := false
		for _, c := range cs {
			if c.Topic != w.topic {
				continue
			}
			found = true
			var all []string
			for _, s := range c.Sides {
				all = append(all, s.Sources...)
			}
			joined := strings.Join(all, " ")
			for _, src := range w.sources {
				if !strings.Contains(joined, src) {
					t.Errorf("%s: sides %+v do not cite %s", w.topic, c.Sides, src)
				}
			}
			if len(c.Sides) < 2 {
				t.Errorf("%s: %d sides", w.topic, len(c.Sides))
			}
		}
		if !found {
			var topics []string
			for _, c := range cs {
				topics = append(topics, c.Topic)
			}
			t.Errorf("no conflict %q among %q", w.topic, topics)
		}
	}
}
