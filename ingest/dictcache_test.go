package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestLoadDictionaryCached: the first load parses the YAML and keeps it in
// the cache directory; the next decodes it and gives the same dictionary;
// a damaged cache file is replaced; other vocabularies' files are removed;
// snapshots pruning leaves it alone.
func TestLoadDictionaryCached(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, vocabularyPrefix+"0123"+vocabularyExt)
	if err := os.WriteFile(stale, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	first, cacheErr, err := LoadDictionaryCached(dir)
	if err != nil || cacheErr != nil {
		t.Fatalf("first load: %v, cache: %v", err, cacheErr)
	}
	files, err := filepath.Glob(filepath.Join(dir, vocabularyPrefix+"*"+vocabularyExt))
	if err != nil || len(files) != 1 || files[0] == stale {
		t.Fatalf("cache files %v (%v), want one new file and the stale one gone", files, err)
	}
	pruneSnapshots(dir, 4)
	if _, err := os.Stat(files[0]); err != nil {
		t.Fatalf("pruning snapshots removed the vocabulary cache: %v", err)
	}
	second, cacheErr, err := LoadDictionaryCached(dir)
	if err != nil || cacheErr != nil {
		t.Fatalf("second load: %v, cache: %v", err, cacheErr)
	}
	for _, d := range []*Dictionary{first, second} {
		if !reflect.DeepEqual(d.exact, want.exact) || !reflect.DeepEqual(d.Lexicon.synonyms, want.Lexicon.synonyms) {
			t.Fatal("a cached dictionary differs from the parsed one")
		}
		for _, text := range []string{"CloudWatch Logs subscription filter to Kinesis Data Firehose", "EB and ASG"} {
			if !reflect.DeepEqual(d.Find(text), want.Find(text)) {
				t.Errorf("Find(%q) = %v, want %v", text, d.Find(text), want.Find(text))
			}
		}
	}
	// damaged: read as YAML again and rewritten
	if err := os.WriteFile(files[0], []byte("not gob"), 0o644); err != nil {
		t.Fatal(err)
	}
	third, cacheErr, err := LoadDictionaryCached(dir)
	if err != nil || cacheErr != nil || !reflect.DeepEqual(third.exact, want.exact) {
		t.Fatalf("after damage: %v, cache: %v", err, cacheErr)
	}
	if b, err := os.ReadFile(files[0]); err != nil || string(b) == "not gob" {
		t.Errorf("the damaged cache file was not replaced (%v)", err)
	}
	// an unwritable cache directory is no failure to load
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if d, cacheErr, err := LoadDictionaryCached(filepath.Join(blocker, "sub")); err != nil || d == nil || cacheErr == nil {
		t.Errorf("unwritable cache: dictionary %v, cache error %v, error %v", d != nil, cacheErr, err)
	}
}
