// Command eucsdk-gen generates a Go client package from Smithy models, in
// the IDL (.smithy) or the JSON AST (.json).
//
//	go run github.com/eucsdk/eucsdk/codegen/cmd/eucsdk-gen@latest \
//	    -model service.smithy -package mysvc -import example.com/m/mysvc -out ./mysvc
package main

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"strings"

	"github.com/eucsdk/eucsdk/codegen"
)

func main() {
	var cfg codegen.Config
	cfg.RegisterFlags(flag.CommandLine)
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: eucsdk-gen -model FILE -package NAME -import PATH -out DIR [flags]\n\n"+
			"Generates a Go client for an rpcv2Cbor, awsJson1_0 or awsJson1_1 Smithy service from\n"+
			"Smithy IDL (.smithy, 1.0 or 2.0) or JSON AST files; a directory stands for\n"+
			"every .smithy and .json file under it. The package imports\n"+
			"github.com/eucsdk/eucsdk and github.com/aws/smithy-go: require them in the\n"+
			"module of -out (go get github.com/eucsdk/eucsdk). Operations, paginators and\n"+
			"waiters the generator cannot express are skipped, printed, and listed in\n"+
			"UNSUPPORTED.md. Any error exits with status 1.\n\n")
		flag.PrintDefaults()
	}
	// Usage errors exit 1 like every other failure (the flag package's
	// default is 2); -h prints the usage and exits 0.
	flag.CommandLine.Init(os.Args[0], flag.ContinueOnError)
	flag.CommandLine.SetOutput(io.Discard)
	if err := flag.CommandLine.Parse(os.Args[1:]); err != nil {
		flag.CommandLine.SetOutput(os.Stderr)
		if errors.Is(err, flag.ErrHelp) {
			flag.Usage()
			os.Exit(0)
		}
		fail(fmt.Errorf("%v (see -h)", err))
	}
	flag.CommandLine.SetOutput(os.Stderr)
	if flag.NArg() > 0 {
		fail(fmt.Errorf("unexpected argument %q: models are given with -model (see -h)", flag.Arg(0)))
	}
	var missing []string
	for name, v := range map[string]string{"-package": cfg.Package, "-import": cfg.ImportPath, "-out": cfg.OutDir} {
		if v == "" {
			missing = append(missing, name)
		}
	}
	if len(cfg.Models) == 0 {
		missing = append(missing, "-model")
	}
	if cfg.Refresh && cfg.Pin == "" {
		fail(fmt.Errorf("-refresh needs -pin"))
	}
	if len(missing) > 0 {
		fail(fmt.Errorf("missing required flags: %s (see -h)", strings.Join(sorted(missing), ", ")))
	}
	if cfg.Package != "" && (!token.IsIdentifier(cfg.Package) || cfg.Package == "_") {
		fail(fmt.Errorf("-package %q is not a Go package name", cfg.Package))
	}
	if cfg.ImportPath != "" {
		if err := checkImportPath(cfg.ImportPath); err != nil {
			fail(fmt.Errorf("-import %q: %v", cfg.ImportPath, err))
		}
	}
	res, err := codegen.Run(cfg)
	if err != nil {
		fail(err)
	}
	if !cfg.Quiet {
		fmt.Printf("%s: %d operations, %d files in %s\n", res.Service.ServiceID, len(res.Service.Operations), len(res.Files), cfg.OutDir)
		for _, u := range res.Service.Unsupported {
			fmt.Printf("  skipped %s (%s): %s\n", u.Operation, u.ShapeID, u.Reason)
		}
	}
}

func sorted(s []string) []string {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s
}

// checkImportPath rejects what cannot be a Go import path: empty or dot
// elements, leading or trailing slashes, spaces and other characters the go
// command refuses.
func checkImportPath(p string) error {
	for _, elem := range strings.Split(p, "/") {
		if elem == "" || elem == "." || elem == ".." {
			return errors.New("empty, . or .. path element")
		}
		for _, r := range elem {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~+", r)) {
				return fmt.Errorf("invalid character %q", r)
			}
		}
	}
	return nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "eucsdk-gen:", err)
	os.Exit(1)
}
