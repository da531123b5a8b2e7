package ingest

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestLemmaKeepsWords: the lemma tables map some ordinals to numerals
// ("first" → "\ufeff1", "third" → "3"); a word stays a word.
func TestLemmaKeepsWords(t *testing.T) {
	for w, want := range map[string]string{"first": "first", "third": "third", "sends": "send", "analyzed": "analyze"} {
		if got := Lemma(w); got != want {
			t.Errorf("Lemma(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestTermsSplitCamelCase: a camel-case identifier is found by its words
// too ("ReplaceUnhealthy" by "unhealthy", "HealthCheck" by "health check").
func TestTermsSplitCamelCase(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string][]string{
		"suspend HealthCheck":      {Stem("health"), Stem("check")},
		"suspend ReplaceUnhealthy": {Stem("replace"), Stem("unhealthy")},
	} {
		got := dict.Lexicon.Terms(text)
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("Terms(%q) = %q, lacks %q", text, got, w)
			}
		}
		if c := NewWordCache(dict.Lexicon).Terms(text); !slices.Equal(c, got) {
			t.Errorf("WordCache.Terms(%q) = %q, want %q", text, c, got)
		}
	}
}

// TestNegatesEitherApostrophe: a contraction with "not" denies whichever
// apostrophe it is written with; a note written in a word processor
// ("doesn’t") reads as one typed in an editor ("doesn't").
func TestNegatesEitherApostrophe(t *testing.T) {
	d, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{"doesn't": true, "doesn’t": true, "Can’t": true, "shouldn’t": true, "not": true, "note": false, "n't": false, "isn": false} {
		if got := d.Lexicon.Negates(w); got != want {
			t.Errorf("Negates(%q) = %v, want %v", w, got, want)
		}
	}
	straight, names := extractNote(t, "a.md", "# Notes\n\n* CodeCommit doesn't support Lambda as a target.\n")
	curly, names2 := extractNote(t, "a.md", "# Notes\n\n* CodeCommit doesn’t support Lambda as a target.\n")
	facts := func(g Graph, names map[string]string) []string {
		var out []string
		for _, f := range g.Facts {
			out = append(out, names[f.Subject]+" | "+f.Predicate+" | "+names[f.Object])
		}
		slices.Sort(out)
		return out
	}
	if a, b := facts(straight, names), facts(curly, names2); !slices.Equal(a, b) || len(a) == 0 {
		t.Errorf("facts with ' %v, with ’ %v: want the same, some", a, b)
	}
}

// TestCorpusWordForms: a corpus keeps the forms its words are written in
// where their stem is not their lemma's ("sent" of "send", "data" of
// "datum"), whichever worker read them, and no form of a word whose stem
// is its lemma's ("sends").
func TestCorpusWordForms(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	src := []Source{
		{Name: "a.md", Data: []byte("# Logs\n\n- CloudTrail logs are sent to Amazon S3.\n- Amazon Macie sends findings to EventBridge.\n")},
		{Name: "b.md", Data: []byte("# Data\n\nAmazon Kinesis Data Firehose delivers streaming data to Amazon S3.\n")},
	}
	for _, workers := range []int{1, 2} {
		c, err := BuildWith(context.Background(), src, dict, BuildOptions{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		for lemma, form := range map[string]string{Stem("send"): "sent", Stem("datum"): "data"} {
			if !slices.Contains(c.Forms[lemma], Stem(form)) {
				t.Errorf("workers %d: Forms[%q] = %q, lacks %q", workers, lemma, c.Forms[lemma], Stem(form))
			}
		}
		if slices.Contains(c.Forms[Stem("send")], Stem("sends")) {
			t.Errorf("workers %d: Forms[send] = %q holds the lemma's own stem", workers, c.Forms[Stem("send")])
		}
	}
}

// TestPhrasalAndPurpose: the lexicon's phrasal verbs map a verb's stem and
// particle to the stem of the word they mean, its purpose conjunctions
// cut a sentence where its purpose clause opens, and a phrasal verb
// without a particle is an error naming it.
func TestPhrasalAndPurpose(t *testing.T) {
	lx, err := ParseLexicon([]byte("phrasal_verbs: {turn on: enable}\npurpose_conjunctions: [so that]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := lx.Phrasal(Stem("turned"), "On"); got != Stem("enable") {
		t.Errorf("Phrasal(turn, on) = %q, want %q", got, Stem("enable"))
	}
	if got := lx.Phrasal(Stem("turned"), "up"); got != "" {
		t.Errorf("Phrasal(turn, up) = %q, want none", got)
	}
	s := "can be enabled on a subnet so that traffic is logged"
	if got := lx.PurposeCut(s); got != len("can be enabled on a subnet") {
		t.Errorf("PurposeCut = %d", got)
	}
	if got := lx.PurposeCut("so that"); got != -1 {
		t.Errorf("PurposeCut of a bare conjunction = %d, want -1", got)
	}
	if _, err := ParseLexicon([]byte("phrasal_verbs: {turnon: enable}\n")); err == nil || !strings.Contains(err.Error(), "turnon") {
		t.Errorf("err = %v, want one naming the phrasal verb", err)
	}
}

// TestAbbreviations: an abbreviation and its word map to each other's
// stems; an entry that gives one word twice, or none, is an error naming
// it.
func TestAbbreviations(t *testing.T) {
	lx, err := ParseLexicon([]byte("abbreviations: {db: database, repo: repository}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := lx.Abbreviations("db"); !slices.Equal(got, []string{Stem("database")}) {
		t.Errorf("Abbreviations(db) = %v", got)
	}
	if got := lx.Abbreviations(Stem("repositories")); !slices.Equal(got, []string{"repo"}) {
		t.Errorf("Abbreviations(repositori) = %v", got)
	}
	if got := lx.Abbreviations("table"); got != nil {
		t.Errorf("Abbreviations(table) = %v, want none", got)
	}
	for _, bad := range []string{"abbreviations: {db: db}\n", "abbreviations: {db: \"\"}\n"} {
		if _, err := ParseLexicon([]byte(bad)); err == nil || !strings.Contains(err.Error(), "db") {
			t.Errorf("%q: err = %v, want one naming the entry", bad, err)
		}
	}
}

// TestUpperBoundTerm: a line that bounds a number from above ("up to 5
// CloudWatch alarms") is found by a question that asks for the maximum.
func TestUpperBoundTerm(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	max := Stem("max")
	for text, want := range map[string]string{
		"Rollback triggers: up to 5 CloudWatch alarms":   max,
		"at most one external connection per repository": max,
		"limited to 10 per account":                      max,
		"keep the AMI up to date":                        "",
		"setup took 5 minutes":                           "",
		"pickup to 5 stations":                           "", // fixed bugs: a phrase inside a word bounds nothing
	} {
		if got := dict.Lexicon.UpperBoundTerm(text); got != want {
			t.Errorf("UpperBoundTerm(%q) = %q, want %q", text, got, want)
		}
	}
}
