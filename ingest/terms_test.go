package ingest

import (
	"slices"
	"testing"
)

// TestTermsPassReadsInOrder checks the terms pass against the terms read
// in line: every statement's own terms, then its list head's and its
// heading's first terms.
func TestTermsPassReadsInOrder(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	jobs := []termJob{
		{text: "Kinesis streams keep records for 24 hours"},
		{text: "Pilot light", head: "DR strategies:", heading: "Disaster recovery"},
		{text: "Warm standby", head: "DR strategies:", heading: "Disaster recovery"},
		{text: "", heading: "Other heading"},
	}
	for i := 0; i < 3*termBatch; i++ { // more than one batch
		jobs = append(jobs, termJob{text: "InService instances of the group", heading: "Auto Scaling"})
	}
	p := newTermsPass(NewWordCache(dict.Lexicon))
	for _, j := range jobs {
		p.add(j)
	}
	got := p.wait()
	if len(got) != len(jobs) {
		t.Fatalf("%d terms for %d statements", len(got), len(jobs))
	}
	words := NewWordCache(dict.Lexicon)
	first := func(text string) []string {
		tt := words.Terms(text)
		return tt[:min(len(tt), maxContextTerms)]
	}
	for i, j := range jobs {
		want := words.Terms(j.text)
		if j.head != "" {
			want = append(want, first(j.head)...)
		}
		if j.heading != "" {
			want = append(want, first(j.heading)...)
		}
		if !slices.Equal(got[i], want) || (got[i] == nil) != (want == nil) {
			t.Fatalf("statement %d (%+v): terms %q, want %q", i, j, got[i], want)
		}
	}
}

// TestTermsPassFailureShowsOnCaller checks that a failure on the terms
// goroutine is not lost: wait reads the terms again on its caller, where
// the failure shows as extraction's own do (buildOne turns it into a
// warning).
func TestTermsPassFailureShowsOnCaller(t *testing.T) {
	p := newTermsPass(&WordCache{terms: map[string][]string{}}) // no lexicon: reading a term fails
	p.add(termJob{text: "word"})
	defer func() {
		if recover() == nil {
			t.Fatal("wait returned; want the failure on its caller")
		}
	}()
	p.wait()
}
