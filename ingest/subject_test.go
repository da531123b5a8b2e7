package ingest

import (
	"strings"
	"testing"
)

// TestSentenceSubjects: the subject of an open relation comes from the
// sentence first; a heading supplies it only when the sentence names none.
func TestSentenceSubjects(t *testing.T) {
	tests := []struct {
		name, note string
		want       []string // "subject predicate object" triples that must be read
	}{
		// fixed bugs
		// A sentence whose own subject is also the heading's was treated
		// as one that names no subject, and gave no facts.
		{"own subject equal to the heading's", "# Kinesis\n\nKinesis consists of three services: Kinesis Data Streams, Kinesis Data Firehose, and Kinesis Data Analytics.\n",
			[]string{"service:amazon-kinesis rel:consist service:amazon-kinesis-data-streams", "service:amazon-kinesis rel:consist service:amazon-kinesis-data-analytics"}},
		{"own subject without a heading", "Kinesis consists of three services: Kinesis Data Streams, Kinesis Data Firehose, and Kinesis Data Analytics.\n",
			[]string{"service:amazon-kinesis rel:consist service:amazon-kinesis-data-firehose"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := buildOneNote(t, "n.md", tt.note)
			var got []string
			for _, f := range c.Facts {
				got = append(got, f.Subject+" "+f.Predicate+" "+f.Object)
			}
			for _, w := range tt.want {
				if !containsString(got, w) {
					t.Errorf("no fact %q; got:\n%s", w, strings.Join(got, "\n"))
				}
			}
		})
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
