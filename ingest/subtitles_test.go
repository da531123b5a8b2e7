package ingest

import (
	"strings"
	"testing"
)

// TestSubtitles: a video's captions are read as the sentences they say,
// joined across cues, each citing the note line of its first caption;
// cue numbers and timings are no text. SubRip and WebVTT alike.
func TestSubtitles(t *testing.T) {
	tests := []struct{ name, text, source string }{
		{"lecture.srt", "1\n00:00:01,000 --> 00:00:04,000\nWelcome back.\n\n2\n00:00:04,500 --> 00:00:08,000\nA subscription filter can deliver\n\n3\n00:00:08,200 --> 00:00:11,000\nto Kinesis Data Streams or AWS Lambda.\n", "lecture.srt:7"},
		{"lecture.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nWelcome back.\n\n00:00:04.500 --> 00:00:08.000\nA subscription filter can deliver\n\n00:00:08.200 --> 00:00:11.000\nto Kinesis Data Streams or AWS Lambda.\n", "lecture.vtt:7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectFormat(tt.name, []byte(tt.text)); got != FormatSubtitles {
				t.Fatalf("format %q, want %q", got, FormatSubtitles)
			}
			c := buildOneNote(t, tt.name, tt.text)
			objects := map[string]string{}
			for _, f := range c.Facts {
				if f.Subject == "component:subscription-filter" {
					objects[f.Object] = f.Source
				}
			}
			for _, want := range []string{"service:amazon-kinesis-data-streams", "service:aws-lambda"} {
				if src, ok := objects[want]; !ok || !strings.HasSuffix(src, tt.source) {
					t.Errorf("subscription filter -> %s: sources %q, want %s; facts of the filter: %v", want, src, tt.source, objects)
				}
			}
			for _, n := range c.Nodes {
				if strings.Contains(n.Name, "-->") || strings.Contains(n.Name, "00:00") {
					t.Errorf("a timing read as a name: %q", n.Name)
				}
			}
		})
	}
}
