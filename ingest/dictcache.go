package ingest

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/awskg/awskg/data"
	"gopkg.in/yaml.v3"
)

// vocabularyCacheVersion changes whenever dictFile or lexiconFile changes
// shape.
const vocabularyCacheVersion = "awskg-vocabulary-3"

// vocabularyFiles are the embedded dictionary and lexicon as parsed from
// their YAML: what the vocabulary cache keeps.
type vocabularyFiles struct {
	Dict dictFile
	Lex  lexiconFile
}

// vocabularyPrefix and vocabularyExt name vocabulary cache files:
// vocab-<key>.vocab (not .gob: old snapshots had that extension and are
// pruned by it).
const (
	vocabularyPrefix = "vocab-"
	vocabularyExt    = ".vocab"
)

// LoadDictionaryCached is LoadDictionary with the parsed YAML kept in the
// cache directory dir: decoding the kept form costs about 0.2 ms where
// parsing the YAML costs about 3 ms, a third of a question answered from a
// warm snapshot. The file is named by a hash of the embedded YAML, so a
// build with other vocabulary never reads it; older ones are removed.
//
// With dir "" it is LoadDictionary. A cache file that does not decode is
// replaced. Failing to write the cache is no failure to load: it comes
// back as cacheErr, for --debug, with the dictionary.
func LoadDictionaryCached(dir string) (d *Dictionary, cacheErr, err error) {
	db, err := data.Dictionary()
	if err != nil {
		return nil, nil, fmt.Errorf("read dictionary: %w", err)
	}
	lb, err := data.Lexicon()
	if err != nil {
		return nil, nil, fmt.Errorf("read lexicon: %w", err)
	}
	if dir == "" {
		d, err := LoadDictionary()
		return d, nil, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00", vocabularyCacheVersion, len(db))
	h.Write(db)
	h.Write(lb)
	path := filepath.Join(dir, vocabularyPrefix+hex.EncodeToString(h.Sum(nil))[:32]+vocabularyExt)

	var v vocabularyFiles
	if f, oerr := os.Open(path); oerr == nil {
		derr := gob.NewDecoder(bufio.NewReader(f)).Decode(&v)
		f.Close()
		if derr == nil {
			d, err := vocabulary(v)
			return d, nil, err
		}
		v = vocabularyFiles{} // damaged: parse again and replace it
	}
	if err := yaml.Unmarshal(db, &v.Dict); err != nil {
		return nil, nil, fmt.Errorf("parse dictionary: %w", err)
	}
	if err := yaml.Unmarshal(lb, &v.Lex); err != nil {
		return nil, nil, fmt.Errorf("parse lexicon: %w", err)
	}
	if d, err = vocabulary(v); err != nil {
		return nil, nil, err
	}
	return d, saveVocabulary(dir, path, v), nil
}

// vocabulary builds the dictionary and its lexicon from their files.
func vocabulary(v vocabularyFiles) (*Dictionary, error) {
	d, err := newDictionary(v.Dict)
	if err != nil {
		return nil, err
	}
	if d.Lexicon, err = newLexicon(v.Lex); err != nil {
		return nil, err
	}
	return d, nil
}

// saveVocabulary writes the parsed vocabulary to path atomically and
// removes the cache files of other vocabularies.
func saveVocabulary(dir, path string, v vocabularyFiles) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create cache dir: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".vocab-*")
	if err != nil {
		return fmt.Errorf("write vocabulary cache: %w", err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	err = gob.NewEncoder(w).Encode(v)
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("write vocabulary cache: %w", err)
	}
	old, err := filepath.Glob(filepath.Join(dir, vocabularyPrefix+"*"+vocabularyExt))
	if err != nil {
		return fmt.Errorf("prune vocabulary cache: %w", err)
	}
	for _, o := range old {
		if o != path && strings.HasPrefix(filepath.Base(o), vocabularyPrefix) {
			if err := os.Remove(o); err != nil && !os.IsNotExist(err) {
				return fmt.Errorf("prune vocabulary cache: %w", err)
			}
		}
	}
	return nil
}
