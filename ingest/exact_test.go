package ingest

import (
	"strings"
	"testing"
)

// exactReference is Exact as normKey and keyVariants spell it.
func exactReference(d *Dictionary, text string) (string, bool) {
	if len(text) > d.maxKey+16 {
		return "", false
	}
	k := normKey(text)
	if k == "" {
		return "", false
	}
	for _, cand := range keyVariants(k) {
		if id, ok := d.exact[cand]; ok {
			return id, true
		}
	}
	return "", false
}

// TestExactMatchesKeyVariants checks that Exact, which looks its key
// variants up as bytes, links what normKey and keyVariants link: every
// dictionary name and alias (plural, "AWS"/"Amazon" prefixed), and every
// run of up to four words of the embedded notes.
func TestExactMatchesKeyVariants(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, n := range dict.Nodes() {
		for _, a := range append([]string{n.Name}, n.Aliases...) {
			texts = append(texts, a, a+"s", a+"es", "AWS "+a, "Amazon "+a+"s", " "+a+". ")
		}
	}
	src, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range src {
		for _, line := range strings.Split(string(s.Data), "\n") {
			f := strings.Fields(line)
			for i := range f {
				for n := 1; n <= 4 && i+n <= len(f); n++ {
					texts = append(texts, strings.Join(f[i:i+n], " "))
				}
			}
		}
	}
	linked := 0
	for _, text := range texts {
		id, ok := dict.Exact(text)
		wid, wok := exactReference(dict, text)
		if id != wid || ok != wok {
			t.Fatalf("Exact(%q) = %q, %v; want %q, %v", text, id, ok, wid, wok)
		}
		if ok {
			linked++
		}
	}
	if linked < 1000 {
		t.Fatalf("only %d of %d texts linked: the test reads too little", linked, len(texts))
	}
}
