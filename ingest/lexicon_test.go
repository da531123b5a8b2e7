package ingest

import "testing"

// TestLemmaKeepsWords: the lemma tables map some ordinals to numerals
// ("first" → "\ufeff1", "third" → "3"); a word stays a word.
func TestLemmaKeepsWords(t *testing.T) {
	for w, want := range map[string]string{"first": "first", "third": "third", "sends": "send", "analyzed": "analyze"} {
		if got := Lemma(w); got != want {
			t.Errorf("Lemma(%q) = %q, want %q", w, got, want)
		}
	}
}
