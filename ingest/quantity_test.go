package ingest

import (
	"slices"
	"testing"
)

func TestQuantities(t *testing.T) {
	for _, tt := range []struct {
		text  string
		want  []string // texts found
		value float64  // of the first
		dim   string
	}{
		{"Data retention is 24 hours by default", []string{"24 hours"}, 86400, "duration"},
		{"retention (1d - 35d)", []string{"(1d - 35d)"}, 35 * 86400, "duration"},
		{"1 MB/s or 1000 records/s per shard", []string{"1 MB/s", "1000 records/s"}, 1e6, "size rate"},
		{"metrics are kept for 15 months", []string{"15 months"}, 15 * 2629800, "duration"},
		{"10,000 requests per second", []string{"10,000 requests per second"}, 10000, "rate"},
		{"us-east-1 and S3 and v2 and shard 5", nil, 0, ""},
		// counts: a number and the plural it counts
		{"us-east-1 and S3 and v2 and 5 shards", []string{"5 shards"}, 5, "count"},
		{"quota: 1,000 application versions per Region", []string{"1,000 application versions"}, 1000, "count"},
		{"up to 5 read replicas and 15 Aurora Replicas", []string{"5 read replicas", "15 Aurora Replicas"}, 5, "count"},
		{"step 3 is done, limit of 1000 version", nil, 0, ""},
		{"AWS CodeDeploy item 1 supports canary deployment", nil, 0, ""}, // a verb is no counted thing
		// numbers listed before a unit share it
		{"runs on a schedule: 1, 3, 6, 12 or 24 hours", []string{"1 hour", "3 hours", "6 hours", "12 hours", "24 hours"}, 3600, "duration"},
		{"Can log every 5 or 60 minutes", []string{"5 minutes", "60 minutes"}, 300, "duration"},
		{"us-east-1 or 24 hours", []string{"24 hours"}, 86400, "duration"},
		{"up to 1-35 days", []string{"1-35 days"}, 35 * 86400, "duration"},
		// a number joined to its unit by a hyphen
		{"keeps 5-minute datapoints for 63 days", []string{"5 minute", "63 days"}, 300, "duration"},
		{"50% of the fleet", []string{"50%"}, 50, "percent"},
		// a bare number counted in a scope
		{"Is limited to 50 per account", []string{"50 per account"}, 50, "count"},
		{"max 2 per log group by default", []string{"2 per log group"}, 2, "count"},
		{"standard 10,000 per acct+region", []string{"10,000 per acct+region"}, 10000, "count"},
		{"5 per minute", nil, 0, ""},           // a rate's period is no scope
		{"$0.40 per secret/month", nil, 0, ""}, // a price is no count
		{"max payload 256 KB", []string{"256 KB"}, 256e3, "size"},
		// fixed bugs: a bracket of the sentence is not the quantity's
		{"(latency of about 200 ms)", []string{"200 ms"}, 0.2, "duration"},
		{"reads (up to 8KB/s)", []string{"8KB/s"}, 8e3, "size rate"},
		{"latency real-time (200 ms)", []string{"(200 ms)"}, 0.2, "duration"},
		// a word of frequency is how often: the period it repeats at
		{"Preferences - weekly (no more often) email notifications", []string{"weekly"}, 604800, "duration"},
		{"snapshots run daily or every 12 hours", []string{"daily", "12 hours"}, 86400, "duration"},
	} {
		got := Quantities(tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("Quantities(%q) = %+v, want %q", tt.text, got, tt.want)
			continue
		}
		for i, q := range got {
			if q.Text != tt.want[i] {
				t.Errorf("Quantities(%q)[%d] = %q, want %q", tt.text, i, q.Text, tt.want[i])
			}
		}
		if len(got) > 0 && (got[0].Value != tt.value || got[0].Dimension != tt.dim) {
			t.Errorf("Quantities(%q)[0] = %v %s, want %v %s", tt.text, got[0].Value, got[0].Dimension, tt.value, tt.dim)
		}
	}
}

func TestParseQuantity(t *testing.T) {
	if q, ok := ParseQuantity("7 days"); !ok || q.Value != 7*86400 {
		t.Errorf("ParseQuantity(7 days) = %+v, %v", q, ok)
	}
	if _, ok := ParseQuantity("keeps records for 7 days and more words here"); ok {
		t.Errorf("ParseQuantity of a sentence is a quantity")
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"the default `runOrder` value for an action is 1 for sequential execution", []string{"1"}},
		{"Failure threshold = 0.5 x desired task count, at least 3 and at most 200", []string{"0.5", "3", "200"}},
		{"up to 1,000 paths (`5`)", []string{"1,000", "5"}},
		// a spelled-out number a bound gives is a limit's value; one that
		// counts ("one or more") is none
		{"describes one or more containers, up to a maximum of ten, that form your application", []string{"ten"}},
		{"at most three retries, then 2 more", []string{"three", "2"}},
		{"limited to five per account", []string{"five"}},
		{"two tiers: web and worker", nil},
		// fixed bugs: identifiers and list markers are no numbers
		{"region us-east-1 and S3 v2 and AWS::Oam::Link", nil},
		{"1. Create the key", nil},
		{"ends with 42.", []string{"42"}},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range Numbers(tt.text) {
			got = append(got, q.Text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Numbers(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestParseQuantityNamedNumber: a number a capitalised word goes on is part
// of a name ("Route 53 Access Logs"), no count; a count after a value word
// or at the start stays one.
func TestParseQuantityNamedNumber(t *testing.T) {
	for _, tc := range []struct {
		text string
		ok   bool
	}{
		{"Route 53 Access Logs", false},
		{"Windows 2019 servers", false},
		{"5 read replicas", true},
		{"max 5 read replicas", true},
		{"Max 5 read replicas", true},
	} {
		if _, ok := ParseQuantity(tc.text); ok != tc.ok {
			t.Errorf("ParseQuantity(%q) ok=%v, want %v", tc.text, ok, tc.ok)
		}
	}
}

// TestSpellOut: a value with an abbreviated unit of time is written with
// the unit in full; an ambiguous abbreviation ("m": minutes or months), a
// unit already in full and text around the value stay as they are.
func TestSpellOut(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"63d", "63 days", true},
		{"1 h", "1 hour", true},
		{"300s", "300 seconds", true},
		{"5 mins", "5 minutes", true},
		{"2yrs", "2 years", true},
		{"1,000s", "1,000 seconds", true},
		{"15m", "15m", false},
		{"15 days", "15 days", false},
		{"10 MB", "10 MB", false},
		{"kept 63d", "kept 63d", false},
		{"S3", "S3", false},
		{"", "", false},
	} {
		got, ok := SpellOut(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("SpellOut(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestAlternative: "15m" reads as 15 minutes and, as its alternative, 15
// months; no other unit has a second reading.
func TestAlternative(t *testing.T) {
	q, ok := ParseQuantity("15m")
	if !ok || q.Value != 900 {
		t.Fatalf("ParseQuantity(15m) = %+v, %v; want 900 seconds", q, ok)
	}
	alt, ok := q.Alternative()
	if !ok || alt.Value != 15*2629800 || alt.Dimension != "duration" {
		t.Errorf("Alternative(15m) = %+v, %v; want 15 months", alt, ok)
	}
	for _, s := range []string{"15 minutes", "15d", "15 MB"} {
		q, ok := ParseQuantity(s)
		if !ok {
			t.Fatalf("ParseQuantity(%q) failed", s)
		}
		if _, ok := q.Alternative(); ok {
			t.Errorf("Alternative(%q) has a second reading", s)
		}
	}
}
