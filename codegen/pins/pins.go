// Package pins records which upstream model file each generated package was
// built from (models/pins.json), so that a model replaced beside the checkout
// cannot change the API unreviewed. The generator checks pins; eucsdk-refresh
// writes them.
package pins

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Pin records the upstream model one generated package was built from, so
// that a model replaced under the checkout cannot silently change the API.
type Pin struct {
	// Name is the generated package, which is also the name eucsdk-refresh
	// and the -pin check look the pin up by.
	Name string `json:"name"`
	// File is the model's file name (not its path: the path is in gen.go).
	File    string `json:"file"`
	Service string `json:"service"` // Smithy service shape id
	Version string `json:"version"` // the service shape's version
	SHA256  string `json:"sha256"`  // of the model file's bytes
}

// Pins is the pins file: one pin per generated package, sorted by name.
type Pins struct {
	Pins []Pin `json:"pins"`
}

// ErrNoPins is returned by Read when the file does not exist.
var ErrNoPins = errors.New("no pins file")

// Read reads a pins file, refusing duplicate names: two pins for one
// package would make the check depend on which one is found first.
func Read(path string) (*Pins, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", path, ErrNoPins)
	}
	if err != nil {
		return nil, err
	}
	var p Pins
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	seen := map[string]bool{}
	for _, x := range p.Pins {
		if x.Name == "" || x.SHA256 == "" {
			return nil, fmt.Errorf("%s: a pin needs a name and a sha256", path)
		}
		if seen[x.Name] {
			return nil, fmt.Errorf("%s: two pins named %s", path, x.Name)
		}
		seen[x.Name] = true
	}
	return &p, nil
}

// Get returns the pin of the named package, or nil.
func (p *Pins) Get(name string) *Pin {
	if p == nil {
		return nil
	}
	for i := range p.Pins {
		if p.Pins[i].Name == name {
			return &p.Pins[i]
		}
	}
	return nil
}

// Set adds or replaces the pin with pin.Name.
func (p *Pins) Set(pin Pin) {
	if old := p.Get(pin.Name); old != nil {
		*old = pin
		return
	}
	p.Pins = append(p.Pins, pin)
}

// Marshal encodes the pins sorted by name with a trailing newline, so the
// file only changes when a pin does.
func (p *Pins) Marshal() ([]byte, error) {
	out := Pins{Pins: append([]Pin{}, p.Pins...)}
	sort.Slice(out.Pins, func(i, j int) bool { return out.Pins[i].Name < out.Pins[j].Name })
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Write replaces the pins file atomically.
func (p *Pins) Write(path string) error {
	b, err := p.Marshal()
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, b)
}

// Check compares a model file's bytes with its pin and says, when they
// differ, which file changed and how to accept the change.
func (pin *Pin) Check(modelPath string, data []byte) error {
	sum := SHA256(data)
	if sum == pin.SHA256 {
		return nil
	}
	return &MismatchError{Pin: *pin, Path: modelPath, SHA256: sum}
}

// MismatchError is a model whose bytes are not the pinned ones.
type MismatchError struct {
	Pin    Pin
	Path   string
	SHA256 string
}

func (e *MismatchError) Error() string {
	return fmt.Sprintf("model %s changed: its sha256 is %s but %s is pinned to %s (%s, %s version %s); "+
		"review and accept it with: go run ./codegen/cmd/eucsdk-refresh -service %s -model %s (add -old with a copy of the pinned model if it was replaced in place)",
		e.Path, e.SHA256, e.Pin.Name, e.Pin.SHA256, e.Pin.File, e.Pin.Service, e.Pin.Version, e.Pin.Name, e.Path)
}

// SHA256 is the hex digest pins record.
func SHA256(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// New describes a model file as a pin.
func New(name, modelPath string, data []byte, service, version string) Pin {
	return Pin{Name: name, File: filepath.Base(modelPath), Service: service, Version: version, SHA256: SHA256(data)}
}

// WriteFileAtomic writes through a temporary file in the same directory and
// renames it over path, so a reader never sees half a file.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, errors.Join(werr, cerr))
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
