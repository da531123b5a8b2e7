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
