// Command eucsdk-modeldiff lists the API changes between two versions of one
// service's Smithy model, as a CHANGELOG entry (Markdown) or as JSON:
//
//	go run ./codegen/cmd/eucsdk-modeldiff -old old.json -new new.json [-service ID] [-format markdown|json] [-date YYYY-MM-DD]
//
// The work is done by package modeldiff; this only reads files and flags.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/eucsdk/eucsdk/codegen/modeldiff"
	"github.com/eucsdk/eucsdk/codegen/pins"
	"github.com/eucsdk/eucsdk/codegen/smithy"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "eucsdk-modeldiff:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eucsdk-modeldiff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var overlays list
	oldPath := fs.String("old", "", "the previous model (Smithy JSON AST, required)")
	newPath := fs.String("new", "", "the new model (required)")
	service := fs.String("service", "", "service shape id, when a model defines several")
	format := fs.String("format", "markdown", "output format: markdown or json")
	date := fs.String("date", "", "entry date, YYYY-MM-DD (default today, UTC)")
	fs.Var(&overlays, "overlay", "overlay applied to both models, as eucsdk-gen does (repeatable)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *oldPath == "" || *newPath == "" {
		return fmt.Errorf("-old and -new are required")
	}
	if *format != "markdown" && *format != "json" {
		return fmt.Errorf("-format must be markdown or json, not %q", *format)
	}
	oldModel, oldData, err := load(*oldPath, overlays)
	if err != nil {
		return err
	}
	newModel, newData, err := load(*newPath, overlays)
	if err != nil {
		return err
	}
	r, err := modeldiff.Compare(oldModel, newModel, modeldiff.Options{Service: *service, Date: *date})
	if err != nil {
		return err
	}
	r.ModelFile = filepath.Base(*newPath)
	r.OldSHA256, r.NewSHA256 = pins.SHA256(oldData), pins.SHA256(newData)
	if err := r.AddRawChanges(oldData, newData); err != nil {
		return err
	}
	if *format == "json" {
		b, err := r.JSON()
		if err != nil {
			return err
		}
		_, err = stdout.Write(b)
		return err
	}
	_, err = io.WriteString(stdout, r.Markdown())
	return err
}

func load(path string, overlays []string) (*smithy.Model, []byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	m, err := smithy.LoadFiles([]string{path}, overlays)
	if err != nil {
		return nil, nil, err
	}
	return m, data, nil
}
