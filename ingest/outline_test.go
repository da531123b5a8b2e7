package ingest

import "testing"

// Outline shapes of stop 66's blind rounds: a bare label over a nested
// label qualifies the relation its items are read by, a bare name over its
// own block is an item of the list above it, and a label with one number
// under a property is that property's value.

func TestOutlineLabels(t *testing.T) {
	src := "ecs:\n" +
		"  deployment_controllers:\n" +
		"    CODE_DEPLOY:\n" +
		"      type: blue/green via AWS CodeDeploy\n" +
		"    EXTERNAL:\n" +
		"      type: third-party deployment controller\n" +
		"  task_placement:\n" +
		"    applies_to: EC2 launch type only\n" +
		"    constraints:\n" +
		"      distinctInstance: every task on a different container instance\n" +
		"      memberOf: expression in cluster query language\n" +
		"  rolling_update_params:\n" +
		"    minimumHealthyPercent:\n" +
		"      default_replica: 100\n" +
		"      default_daemon: 0\n" +
		"    maximumPercent:\n" +
		"      default_replica: 200\n"
	g, names := extractNote(t, "ecs.yaml", src)
	got := factSet(g, names)
	wantFacts(t, got,
		// "constraints:" under a bare "task placement:": the
		// placement's constraints
		fact{"Amazon ECS", "rel:task placement constraint", "distinctInstance", 10},
		fact{"Amazon ECS", "rel:task placement constraint", "memberOf", 11},
		// a bare name over its own block is an item of the list above
		fact{"Amazon ECS", "rel:deployment controller", "AWS CodeDeploy", 3},
		fact{"Amazon ECS", "rel:deployment controller", "EXTERNAL", 5},
		// a number under a property is that property's value
		fact{"Amazon ECS", "rel:minimum healthy percent default replica", "100", 14},
		fact{"Amazon ECS", "rel:maximum percent default replica", "200", 17},
	)
	for _, f := range []fact{
		{"Amazon ECS", "rel:minimum healthy percent", "default replica", 14},
		{"Amazon ECS", "rel:constraint", "distinctInstance", 10},
	} {
		if got[f] {
			t.Errorf("fact %v, want none", f)
		}
	}
}

// TestOneWordAliasLabelHeadsItsItems: a one-word label that is only a weak
// alias ("Events:", which may name EventBridge) heads its items; it is no
// item of the list above it.
func TestOneWordAliasLabelHeadsItsItems(t *testing.T) {
	src := "# CodeCommit\n\n" +
		"- Triggers - SNS or Lambda - initiate action\n" +
		"  - Events:\n" +
		"    - push to existing branch\n" +
		"    - create branch or tag\n"
	g, names := extractNote(t, "cc.md", src)
	for f := range factSet(g, names) {
		if f.o == "Amazon EventBridge" {
			t.Errorf("fact %v: the label names no item", f)
		}
	}
}
