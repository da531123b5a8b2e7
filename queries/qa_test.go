package queries

import (
	"context"
	"slices"
	"testing"
)

// TestAnswerOfAQuestionLine: a note line that asks what the question asks
// is answered by the note's answer after it: a flashcard's "a: No. ..."
// decides a yes/no question (the question line itself states nothing),
// and the list a trap line gives after "=>" or a reply gives under a
// quoted question answers a question for things.
func TestAnswerOfAQuestionLine(t *testing.T) {
	tests := []struct {
		name, file, note, question string
		want                       []string
	}{
		{"flashcard verdict", "cards.yaml", "- q: Does Amazon Inspector scan Lambda layers by default?\n" +
			"  a: No. Layer scanning is switched on per account in the Inspector console.\n" +
			"- q: Which engines can ElastiCache snapshot?\n" +
			"  a: Redis and Valkey, not Memcached.\n",
			"Is Lambda layer scanning on by default in Amazon Inspector?", []string{"no"}},
		{"trap list", "traps.txt", "TRAPS\n\n" +
			" 1) which record formats does the Fluxgate collector parse natively? => JSONL, logfmt, CEF\n" +
			" 2) the Fluxgate collector needs an agent => NO, it reads the bucket\n",
			"what record formats can the Fluxgate collector parse natively", []string{"JSONL", "logfmt", "CEF"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := noteEngine(t, tt.file, tt.note)
			res, err := e.Ask(context.Background(), tt.question)
			if err != nil {
				t.Fatal(err)
			}
			got := answerNames(res)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("answers %v (%s), want %v", got, res.Reading, tt.want)
					break
				}
			}
		})
	}
}

// TestValueLineUnderTheFeaturesService: a line under a service's heading
// answers a value question about a feature of it ("Is limited to 50 per
// account" under AWS Config's "Aggregation" for AWS Config Aggregators),
// with its bare number, ahead of a list that matches the question less.
func TestValueLineUnderTheFeaturesService(t *testing.T) {
	e := newEngine(t)
	for _, q := range []string{"aws config aggregator max per account", "How many AWS Config aggregators can one account have at most?"} {
		res, err := e.Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if got := answerNames(res); !slices.Equal(got, []string{"50"}) {
			t.Errorf("%q: answers %v (%s), want [50]", q, got, res.Reading)
		}
	}
}
