package queries

import (
	"slices"
	"strings"
	"testing"
)

// TestNeedsReading: a question that asks what something needs is answered
// by what the lines about it say it needs ("Must have versioning enabled",
// "Buckets must be in different regions"), the line a continuation of one
// naming it ("Can enable Global Table" over "Require DynamoDB streams and
// empty table"); not when the question names the kind of thing it needs
// ("which VPC endpoints do I need") or asks what to do ("what do I need to
// configure"), nor from a line that shares no word of the question beyond
// its names.
func TestNeedsReading(t *testing.T) {
	e := engineWithNote(t, "s3.md", `# S3

## Cross-Region Replication

- Buckets must be in different regions
- Can replicate cross-account
- Must have versioning enabled
- Only new/changed objects will be replicated

# DynamoDB

## DynamoDB Streams

- Can enable Global Table
- Require DynamoDB streams and empty table

## Security

- Tables must be encrypted with a KMS key
`)
	for _, tc := range []struct {
		q         string
		want, not []string
	}{
		{"What are the requirements for S3 Cross-Region Replication?", []string{"different regions", "versioning enabled"}, []string{"Cross-account"}},
		{"What has to be in place on a DynamoDB table before I can turn it into a global table?", []string{"DynamoDB streams", "empty table"}, []string{"KMS key"}},
	} {
		res, err := e.Ask(t.Context(), tc.q)
		if err != nil {
			t.Fatal(err)
		}
		got := answerNames(res)
		for _, w := range tc.want {
			if !slices.ContainsFunc(got, func(g string) bool { return strings.EqualFold(g, w) }) {
				t.Errorf("%q: answers %q (%s); want %s", tc.q, got, res.Reading, w)
			}
		}
		for _, n := range tc.not {
			if slices.ContainsFunc(got, func(g string) bool { return strings.EqualFold(g, n) }) {
				t.Errorf("%q: answers %q (%s); want no %s", tc.q, got, res.Reading, n)
			}
		}
	}
	for _, q := range []string{
		"Which KMS keys do I need for DynamoDB tables?",
		"What do I need to configure for DynamoDB tables?",
		"What do I need so DynamoDB can stream to Lambda?",
	} {
		a := e.analyze(q)
		c, err := e.needsCandidate(t.Context(), a)
		if err != nil {
			t.Fatal(err)
		}
		if c != nil {
			t.Errorf("%q: read as %s", q, c.reading)
		}
	}
}

// TestNeedItems: what a note line says is needed.
func TestNeedItems(t *testing.T) {
	e := newEngine(t)
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"Require DynamoDB streams and empty table", []string{"DynamoDB streams", "empty table"}},
		{"Must have versioning enabled", []string{"versioning enabled"}},
		{"Buckets must be in different regions", []string{"different regions"}},
		{"versioning MUST be ON in both source + dest bucket", []string{"versioning"}},
		{"Needs to be enabled on bucket level", nil},
		{"No CI/CD infrastructure needs to be managed", nil},
		{"What must exist before Config records anything? | 1) configuration recorder", nil},
		{"Can replicate cross-account", nil},
	} {
		if got := e.needItems(tc.line); !slices.Equal(got, tc.want) {
			t.Errorf("needItems(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}
