package ingest

import (
	"slices"
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
