// Command timeit times whole processes side by side for bench/run.sh: the
// commands run in rounds, one after the other in each round, so that a
// ratio is taken pair by pair under the same machine load; it prints each
// command's median, fastest and slowest wall time, its largest peak
// resident set size, and the median of its per-round ratio to the first
// command (or of the one it names).
//
//	timeit [-runs N] [-warmup N] [-max-time D] -- CMD ARGS... [::: CMD ARGS...]...
//
// A command's first words may be options of its own:
//
//	@label=NAME   the name it is printed under (default: the program's base name)
//	@env=K=V      an environment variable for it (repeatable)
//	@prep=SCRIPT  a sh script run, untimed, before each of its runs
//	@vs=LABEL     the command its ratio is taken to (default: the first)
//
// Output, one line per command:
//
//	NAME median_ns=N min_ns=N max_ns=N maxrss_kb=N ratio=R vs=NAME runs=N
//
// A command that exits non-zero stops timeit (exit 1) with its last lines
// of standard error. Peak memory is the rusage of the child (Unix only;
// maxrss_kb=0 elsewhere).
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

type command struct {
	label string
	env   []string
	prep  string
	vs    string // label of the command the ratio is taken to
	argv  []string

	times  []time.Duration
	ratios []float64
	maxRSS int64 // KiB
}

func main() {
	runs := flag.Int("runs", 10, "timed runs of each command")
	warmup := flag.Int("warmup", 1, "untimed runs of each command first")
	maxTime := flag.Duration("max-time", 0, "stop after the round that passes this much time (0: no limit); at least one round is timed")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: timeit [-runs N] [-warmup N] [-max-time D] -- [@label=NAME] [@env=K=V]... [@prep=SCRIPT] [@vs=NAME] CMD ARGS... [::: ...]...")
		flag.PrintDefaults()
	}
	flag.Parse()
	cmds, err := parse(flag.Args())
	if err != nil || *runs < 1 || *warmup < 0 {
		if err != nil {
			fmt.Fprintln(os.Stderr, "timeit:", err)
		}
		flag.Usage()
		os.Exit(2)
	}
	start := time.Now()
	for round := 0; round < *warmup+*runs; round++ {
		if round > *warmup && *maxTime > 0 && time.Since(start) > *maxTime {
			break
		}
		took := map[string]time.Duration{}
		for _, c := range cmds {
			d, rss, err := c.run()
			if err != nil {
				fmt.Fprintf(os.Stderr, "timeit: %s: %v\n", c.label, err)
				os.Exit(1)
			}
			if round < *warmup {
				continue
			}
			c.times = append(c.times, d)
			c.maxRSS = max(c.maxRSS, rss)
			took[c.label] = d
		}
		if round < *warmup {
			continue
		}
		for _, c := range cmds {
			c.ratios = append(c.ratios, float64(took[c.label])/float64(took[c.vs]))
		}
	}
	for _, c := range cmds {
		fmt.Printf("%s median_ns=%d min_ns=%d max_ns=%d maxrss_kb=%d ratio=%.3f vs=%s runs=%d\n",
			c.label, int64(medianDuration(c.times)), int64(slices.Min(c.times)), int64(slices.Max(c.times)),
			c.maxRSS, medianFloat(c.ratios), c.vs, len(c.times))
	}
}

// parse splits the arguments into commands at ":::" and reads each one's
// @ options.
func parse(args []string) ([]*command, error) {
	if len(args) == 0 {
		return nil, errors.New("no command to time")
	}
	var cmds []*command
	for group := range splitSeq(args, ":::") {
		c := &command{}
		for len(group) > 0 && strings.HasPrefix(group[0], "@") {
			opt, val, ok := strings.Cut(group[0][1:], "=")
			switch {
			case !ok:
				return nil, fmt.Errorf("option %q: want @NAME=VALUE", group[0])
			case opt == "label":
				c.label = val
			case opt == "env" && strings.Contains(val, "="):
				c.env = append(c.env, val)
			case opt == "prep":
				c.prep = val
			case opt == "vs":
				c.vs = val
			default:
				return nil, fmt.Errorf("unknown option %q", group[0])
			}
			group = group[1:]
		}
		if len(group) == 0 {
			return nil, errors.New("an empty command")
		}
		c.argv = group
		if c.label == "" {
			c.label = filepath.Base(group[0])
		}
		cmds = append(cmds, c)
	}
	labels := map[string]int{}
	for i, c := range cmds {
		if _, dup := labels[c.label]; dup {
			return nil, fmt.Errorf("two commands labelled %q", c.label)
		}
		labels[c.label] = i
	}
	for _, c := range cmds {
		if c.vs == "" {
			c.vs = cmds[0].label
		} else if _, ok := labels[c.vs]; !ok {
			return nil, fmt.Errorf("@vs=%s: no command has that label", c.vs)
		}
	}
	return cmds, nil
}

// splitSeq yields the runs of args between the separators.
func splitSeq(args []string, sep string) func(func([]string) bool) {
	return func(yield func([]string) bool) {
		start := 0
		for i, a := range args {
			if a == sep {
				if !yield(args[start:i]) {
					return
				}
				start = i + 1
			}
		}
		yield(args[start:])
	}
}

// run runs the command once (its prep first, untimed) and returns its wall
// time and peak RSS in KiB.
func (c *command) run() (time.Duration, int64, error) {
	if c.prep != "" {
		prep := exec.Command("sh", "-c", c.prep)
		prep.Env = append(os.Environ(), c.env...)
		if out, err := prep.CombinedOutput(); err != nil {
			return 0, 0, fmt.Errorf("prep %q: %v: %s", c.prep, err, tail(out))
		}
	}
	cmd := exec.Command(c.argv[0], c.argv[1:]...)
	cmd.Env = append(os.Environ(), c.env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr // stdout goes to the null device
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err != nil {
		return 0, 0, fmt.Errorf("%s: %v: %s", strings.Join(c.argv, " "), err, tail(stderr.Bytes()))
	}
	return d, maxRSSKiB(cmd.ProcessState), nil
}

// tail returns the last few lines of a command's output.
func tail(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return strings.Join(lines[max(0, len(lines)-5):], " | ")
}

func medianDuration(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func medianFloat(fs []float64) float64 {
	s := slices.Clone(fs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
