// Command eucsdk-corpus generates a client for each of many Smithy models
// into one scratch module, in one process, and reports per service the
// operations generated, the operations skipped and the time taken. The
// corpus check (scripts/corpus-check.sh) builds and vets the result.
//
//	eucsdk-corpus -out DIR -module example.com/corpus [-exclude NAME=REASON] MODEL.json...
//
// Each model is generated into DIR/<package>, where the package name is the
// file name without its version date and punctuation
// (application-auto-scaling-2016-02-06.json → applicationautoscaling). The
// report is written to standard output, one tab-separated line per model:
//
//	ok	<package>	<service id>	<operations>	<seconds>	<skipped operations>
//	skip	<package>	<reason>
//	fail	<package>	<error>
//
// followed by one "unsupported" line per skipped operation or waiter. The
// exit status is 1 when any model failed to generate.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/eucsdk/eucsdk/codegen"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(v string) error { *l = append(*l, v); return nil }

var dated = regexp.MustCompile(`-\d{4}-\d{2}-\d{2}$`)

// PackageName derives a Go package name from a model file name.
func PackageName(file string) string {
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	base = dated.ReplaceAllString(base, "")
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' && b.Len() > 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

type result struct {
	pkg, service string
	ops          int
	secs         float64
	skipped      []string
	err          error
	excluded     string
}

func main() {
	out := flag.String("out", "", "directory of the scratch module to generate into (required)")
	module := flag.String("module", "", "module path of the scratch module (required)")
	jobs := flag.Int("j", runtime.GOMAXPROCS(0), "models generated at once")
	var excludes list
	flag.Var(&excludes, "exclude", "PACKAGE=REASON: do not generate this model, report the reason (repeatable)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: eucsdk-corpus -out DIR -module PATH [flags] MODEL.json...\n\nGenerates a client package per model into one module and reports operations,\nskipped operations and time per service.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *out == "" || *module == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "eucsdk-corpus: -out, -module and at least one model are required (see -h)")
		os.Exit(1)
	}
	excluded := map[string]string{}
	for _, e := range excludes {
		name, reason, _ := strings.Cut(e, "=")
		excluded[name] = reason
	}
	models := flag.Args()
	results := make([]result, len(models))
	work := make(chan int)
	var wg sync.WaitGroup
	for range max(*jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				results[i] = generate(models[i], *out, *module, excluded)
			}
		}()
	}
	for i := range models {
		work <- i
	}
	close(work)
	wg.Wait()
	sort.Slice(results, func(i, j int) bool { return results[i].pkg < results[j].pkg })
	failed := false
	var unsupported []string
	for _, r := range results {
		switch {
		case r.excluded != "":
			fmt.Printf("skip\t%s\t%s\n", r.pkg, r.excluded)
		case r.err != nil:
			failed = true
			fmt.Printf("fail\t%s\t%s\n", r.pkg, strings.ReplaceAll(r.err.Error(), "\n", " "))
		default:
			fmt.Printf("ok\t%s\t%s\t%d\t%.2f\t%d\n", r.pkg, r.service, r.ops, r.secs, len(r.skipped))
			for _, s := range r.skipped {
				unsupported = append(unsupported, fmt.Sprintf("unsupported\t%s\t%s", r.pkg, s))
			}
		}
	}
	for _, u := range unsupported {
		fmt.Println(u)
	}
	if failed {
		os.Exit(1)
	}
}

func generate(model, out, module string, excluded map[string]string) result {
	pkg := PackageName(model)
	r := result{pkg: pkg}
	if reason, ok := excluded[pkg]; ok {
		r.excluded = reason
		return r
	}
	start := time.Now()
	res, err := codegen.Run(codegen.Config{
		Models:     []string{model},
		Package:    pkg,
		ImportPath: module + "/" + pkg,
		OutDir:     filepath.Join(out, pkg),
	})
	r.secs = time.Since(start).Seconds()
	if err != nil {
		r.err = err
		return r
	}
	r.service = res.Service.ServiceID
	r.ops = len(res.Service.Operations)
	for _, u := range res.Service.Unsupported {
		r.skipped = append(r.skipped, fmt.Sprintf("%s\t%s\t%s", u.Operation, u.ShapeID, u.Reason))
	}
	return r
}
