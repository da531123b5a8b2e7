package ingest

import (
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
)

// TestRankedLists: a list whose every item ends with a bracketed quantity
// of one dimension ranks its items by it (Position 1 for the least); a
// list with a bare item, or with quantities of two dimensions, ranks
// nothing.
func TestRankedLists(t *testing.T) {
	note := "# Exam\n\nThe 4 domains of the exam include:\n\n" +
		"1. SDLC Automation [22%]\n2. Monitoring and Logging [15%]\n3. Policies and Standards Automation [10%]\n4. Incident and Event Response [18%]\n\n" +
		"Other notes:\n\n- Pilot light (10 min)\n- Warm standby (5%)\n- Backup and restore (24 hours)\n\n" +
		"More:\n\n- Alpha [1%]\n- Beta\n- Gamma [3%]\n"
	c := buildOneNote(t, "ranked.md", note)
	pos := map[string]int{}
	for _, f := range c.Facts {
		if strings.HasPrefix(f.Predicate, graph.PredRank+":") {
			if !strings.HasPrefix(f.Predicate, "rank:domain") {
				t.Errorf("unexpected ranking %s %s %s", f.Subject, f.Predicate, f.Object)
			}
			pos[f.Subject] = f.Position
		}
	}
	want := map[string]int{
		"concept:sdlc-automation":                   4,
		"concept:incident-and-event-response":       3,
		"concept:monitoring-and-logging":            2,
		"concept:policies-and-standards-automation": 1,
	}
	for id, p := range want {
		if pos[id] != p {
			t.Errorf("%s ranked %d, want %d (all %v)", id, pos[id], p, pos)
		}
	}
}
