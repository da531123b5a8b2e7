package queries

import (
	"slices"
	"testing"

	"github.com/awskg/awskg/ingest"
)

// TestAttributeValueSense: a table's value that denies ("no extra costs",
// "none", "no downtime") answers a question that denies the attribute, and
// one that states it a question that states it. Asked of the embedded
// notes' table of deployment strategies (002:45-94: deploy time, downtime,
// testing, costs, impact of a failed deployment, rollback).
func TestAttributeValueSense(t *testing.T) {
	e := newEngine(t)
	for _, tt := range []struct {
		question string
		want     []string
	}{
		{"strategies with no extra costs", []string{"All-at-once", "Minimum in-service", "Rolling", "Single target deployment"}},
		{"which strategies have extra costs", []string{"Blue/Green", "Rolling with additional batch"}},
		{"which deployment strategies have no downtime", []string{"Blue/Green", "Minimum in-service", "Rolling", "Rolling with additional batch"}},
		{"deployment strategies whose failed deployment causes downtime", []string{"All-at-once", "Single target deployment"}},
	} {
		got := askNames(t, e, tt.question)
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestDeniedStemsStopAtCell: a denial's scope ends where its clause or
// table cell does ("none | can test new version": the testing cell is not
// denied).
func TestDeniedStemsStopAtCell(t *testing.T) {
	e := newEngine(t)
	tests := []struct {
		text      string
		denied    []string
		notDenied []string
	}{
		{"Minimum In Service | none | can test new version while old is still active", nil, []string{"test", "version"}},
		{"you cannot attach scripts to DownloadBundle", []string{"attach", "script"}, nil},
		{"no downtime; can test prior to cutover", []string{"downtim"}, []string{"test"}},
	}
	for _, tt := range tests {
		got := e.deniedStems(tt.text)
		for _, w := range tt.denied {
			if !slices.Contains(got, w) {
				t.Errorf("deniedStems(%q) = %q, lacks %q", tt.text, got, w)
			}
		}
		for _, w := range tt.notDenied {
			if slices.Contains(got, w) {
				t.Errorf("deniedStems(%q) = %q, holds %q", tt.text, got, w)
			}
		}
	}
}

// TestRankNamedThings: a ranking question that names the things to rank
// ranks those, in the column's order; the column's name ("deploy time")
// links no level of it ("Deploy time 🕑🕑", whose clocks are the value).
func TestRankNamedThings(t *testing.T) {
	e := newEngine(t)
	q := "order rolling, blue/green and all-at-once by deploy time, quickest first"
	got := askNames(t, e, q)
	want := []string{"All-at-once", "Rolling", "Blue/Green"}
	if !slices.Equal(got, want) {
		t.Errorf("%q: %q, want %q", q, got, want)
	}
}

// TestRelationWordsCompounds: two words of an open relation's phrase are
// also the one word a question may write them as ("CloudWatch", split at
// its capitals by ingest, as "cloudwatch"; "times out" as "timeout").
func TestRelationWordsCompounds(t *testing.T) {
	e := newEngine(t)
	for pred, want := range map[string]string{
		"rel:can create cloud watch log integration": "cloudwatch",
		"rel:action time out after":                  "timeout",
	} {
		if got := e.relationWords(pred, false); !slices.Contains(got, ingest.Stem(want)) {
			t.Errorf("relationWords(%q) = %q, lacks %q", pred, got, want)
		}
	}
}
