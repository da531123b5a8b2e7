package graph_test

import (
	"context"
	"testing"

	"github.com/awskg/awskg/graph"
	"github.com/awskg/awskg/graph/storetest"
)

func TestMemStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) graph.Store {
		s, err := graph.NewMemStore()
		if err != nil {
			t.Fatalf("NewMemStore: %v", err)
		}
		return s
	})
}

func TestOpenMem(t *testing.T) {
	for _, dsn := range []string{"", "mem:"} {
		s, err := graph.Open(context.Background(), dsn)
		if err != nil {
			t.Fatalf("Open(%q): %v", dsn, err)
		}
		if err := s.Load(context.Background(), storetest.Nodes(), storetest.Facts()); err != nil {
			t.Fatalf("Open(%q): Load: %v", dsn, err)
		}
		if n, err := s.Node(context.Background(), storetest.A); err != nil || n.Name != "AWS Alpha" {
			t.Errorf("Open(%q): Node = %+v, %v", dsn, n, err)
		}
		if err := s.Close(); err != nil {
			t.Errorf("Open(%q): Close: %v", dsn, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := graph.Open(ctx, "mem:"); graph.ErrorCode(err) != graph.ETIMEOUT {
		t.Errorf("Open with a cancelled context: %v, want code %q", err, graph.ETIMEOUT)
	}
}

// TestSlugKeepsOrdinaryIDs: ordinary names keep the IDs the README and
// saved queries use; spellings of one name (case, spacing, punctuation
// between words, arrows) share a slug.
func TestSlugKeepsOrdinaryIDs(t *testing.T) {
	tests := map[string]string{
		"AWS CodeCommit":                "aws-codecommit",
		"Cross-account":                 "cross-account",
		"cross account":                 "cross-account",
		"Amazon S3":                     "amazon-s3",
		"Blue/Green":                    "blue-green",
		"Blue-Green":                    "blue-green",
		"blue_green":                    "blue-green",
		"Lambda@Edge":                   "lambdaatedge",
		"Backup & Restore":              "backup-and-restore",
		"Costs $$":                      "costs-usdusd",
		"Multi-AZ (manual)":             "multi-az-manual",
		"AWS_RISK_CREDENTIALS_EXPOSED":  "aws-risk-credentials-exposed",
		"AWS -> On-prem":                "aws-on-prem",
		"AWS → On-prem":                 "aws-on-prem",
		"logs > metric filter > metric": "logs-metric-filter-metric",
		"3 ->4 ->random":                "3-4-random",
		"]->Kinesis Streams ->[S3":      "kinesis-streams-s3",
		"AWS OpsWorks Stacks (<- exam)": "aws-opsworks-stacks-exam",
		"↖↑↓ Domain 5":                  "domain-5",
		"Élan \"Ü\" 東京":                 "élan-ü-東京",
		"us-east-1":                     "us-east-1",
		"`cfn-init`":                    "cfn-init",
		"Node.js":                       "node-js",
		"  ":                            "",
		"Deploy time 🕑":                 "deploy-time-🕑",
		"Deploy time 🕑🕑🕑🕑":              "deploy-time-🕑🕑🕑🕑",
		"C++":                           "c++",
		"C#":                            "c#",
		"99.9%":                         "99-9%",
		"RPO < 1 min":                   "rpo-<-1-min",
		">=3":                           ">=3",
		"<60s":                          "<60s",
		"Costs €":                       "costs-€",
		"one | two":                     "one-two",
	}
	for name, want := range tests {
		if got := graph.Slug(name); got != want {
			t.Errorf("Slug(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestSlugKeepsMeaningfulSymbols: names that differ in a symbol that carries
// meaning never share a node ID.
func TestSlugKeepsMeaningfulSymbols(t *testing.T) {
	groups := [][]string{
		{"Deploy time 🕑", "Deploy time 🕑🕑", "Deploy time 🕑🕑🕑", "Deploy time 🕑🕑🕑🕑", "Deploy time"},
		{"Costs $", "Costs $$", "Costs $$$", "Costs"},
		{"C", "C++", "C#", "C+"},
		{"99%", "99"},
		{"RPO < 1 min", "RPO > 1 min", "RPO 1 min", "RPO <= 1 min", "RPO = 1 min"},
		{"☁", "☁️", "⛅"},
		{"Price €", "Price £", "Price"},
	}
	for _, g := range groups {
		seen := map[string]string{}
		for _, name := range g {
			id := graph.NodeID(graph.KindLevel, name)
			if other, ok := seen[id]; ok {
				t.Errorf("%q and %q share the ID %q", other, name, id)
			}
			seen[id] = name
		}
	}
}
