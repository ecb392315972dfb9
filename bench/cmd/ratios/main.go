// Command ratios reads `go test -bench` output with benchmarks named
// Benchmark<Case>/impl=<ours|v2|floor> and prints, per case, the median
// time/op, B/op and allocs/op of each implementation with the ratios
// ours/v2 and ours/floor, then checks the targets of issue 8.
//
//	go test -run '^$' -bench . -count 10 | tee bench.txt
//	go run ./cmd/ratios bench.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Targets against aws-sdk-go-v2 and the floor.
const (
	maxTimeVsV2    = 0.3
	maxAllocsVsV2  = 0.2
	maxTimeVsFloor = 1.0
)

// decodeHeavy are the cases held to the floor's time.
var decodeHeavy = map[string]bool{
	"DescribeImageBuilders":             true,
	"DescribeWorkspaceImagePermissions": true,
	"DescribeImagesWalk":                true,
}

type metric int

const (
	nsOp metric = iota
	bOp
	allocsOp
	nMetrics
)

var metricNames = [nMetrics]string{"time/op", "B/op", "allocs/op"}

// samples[case][impl][metric] holds every run's value.
type samples map[string]map[string]*[nMetrics][]float64

var lineRE = regexp.MustCompile(`^Benchmark([^/\s]+)/impl=(\w+)(?:-\d+)?\s+\d+\s+(.*)$`)

func parse(r io.Reader, s samples, order *[]string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		m := lineRE.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		c, impl := m[1], m[2]
		if s[c] == nil {
			s[c] = map[string]*[nMetrics][]float64{}
			*order = append(*order, c)
		}
		if s[c][impl] == nil {
			s[c][impl] = new([nMetrics][]float64)
		}
		f := strings.Fields(m[3])
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "ns/op":
				s[c][impl][nsOp] = append(s[c][impl][nsOp], v)
			case "B/op":
				s[c][impl][bOp] = append(s[c][impl][bOp], v)
			case "allocs/op":
				s[c][impl][allocsOp] = append(s[c][impl][allocsOp], v)
			}
		}
	}
	return sc.Err()
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	v = slices.Clone(v)
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

func human(m metric, v float64) string {
	switch m {
	case nsOp:
		switch {
		case v >= 1e9:
			return fmt.Sprintf("%.2fs", v/1e9)
		case v >= 1e6:
			return fmt.Sprintf("%.2fms", v/1e6)
		case v >= 1e3:
			return fmt.Sprintf("%.1fµs", v/1e3)
		}
		return fmt.Sprintf("%.0fns", v)
	case bOp:
		switch {
		case v >= 1<<20:
			return fmt.Sprintf("%.2fMiB", v/(1<<20))
		case v >= 1<<10:
			return fmt.Sprintf("%.1fKiB", v/(1<<10))
		}
		return fmt.Sprintf("%.0fB", v)
	}
	return fmt.Sprintf("%.0f", v)
}

func ratio(a, b float64) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func main() {
	noTargets := flag.Bool("no-targets", false, "print the table only")
	flag.Parse()
	s := samples{}
	var order []string
	if flag.NArg() == 0 {
		if err := parse(os.Stdin, s, &order); err != nil {
			fail(err)
		}
	}
	for _, name := range flag.Args() {
		f, err := os.Open(name)
		if err != nil {
			fail(err)
		}
		err = parse(f, s, &order)
		f.Close()
		if err != nil {
			fail(err)
		}
	}
	if len(order) == 0 {
		fail(fmt.Errorf("no Benchmark…/impl=… lines found"))
	}

	med := func(c, impl string, m metric) float64 {
		if x := s[c][impl]; x != nil {
			return median(x[m])
		}
		return 0
	}
	fmt.Println("| case | metric | ours | v2 | floor | ours/v2 | ours/floor |")
	fmt.Println("|---|---|--:|--:|--:|--:|--:|")
	for _, c := range order {
		for m := metric(0); m < nMetrics; m++ {
			o, v, f := med(c, "ours", m), med(c, "v2", m), med(c, "floor", m)
			fmt.Printf("| %s | %s | %s | %s | %s | %s | %s |\n", c, metricNames[m], human(m, o), human(m, v), human(m, f), ratio(o, v), ratio(o, f))
		}
	}
	if *noTargets {
		return
	}
	fmt.Println()
	fmt.Printf("Targets: time/op ≤ %.1f× v2 and allocs/op ≤ %.1f× v2 on every case; time/op ≤ %.1f× floor on decode-heavy cases.\n", maxTimeVsV2, maxAllocsVsV2, maxTimeVsFloor)
	fmt.Println()
	fmt.Println("| case | target | ratio | result |")
	fmt.Println("|---|---|--:|---|")
	missed := 0
	check := func(c, what string, got, limit float64) {
		res := "met"
		if got > limit {
			res = "MISSED"
			missed++
		}
		fmt.Printf("| %s | %s ≤ %.1f× | %.2f× | %s |\n", c, what, limit, got, res)
	}
	for _, c := range order {
		if v := med(c, "v2", nsOp); v > 0 {
			check(c, "time/op vs v2", med(c, "ours", nsOp)/v, maxTimeVsV2)
		}
		if v := med(c, "v2", allocsOp); v > 0 {
			check(c, "allocs/op vs v2", med(c, "ours", allocsOp)/v, maxAllocsVsV2)
		}
		if f := med(c, "floor", nsOp); decodeHeavy[c] && f > 0 {
			check(c, "time/op vs floor", med(c, "ours", nsOp)/f, maxTimeVsFloor)
		}
	}
	fmt.Printf("\n%d target(s) missed.\n", missed)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "ratios:", err)
	os.Exit(1)
}
