package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/eucsdk/eucsdk/internal/atomicfile"
)

// A state file is a journal of the mutations the emulator acknowledged, in
// order: account, operation and the request body as sent. Restarting with
// it replays them through the same handlers, so every family (and every
// family added later) persists without a snapshot format of its own.
//
// Each acknowledged mutation rewrites the file atomically (temp file,
// fsync, rename, fsync of the directory) before the response is sent, so a
// crash at any point leaves either the previous journal or the new one,
// never a torn file, and loses nothing a client saw succeed.
//
// Identifiers the emulator generates at random (WorkSpaces image ids, task
// ids) are minted afresh on replay; names a client chose come back as they
// were. Transitional states restart their delay at replay time.
type stateFile struct {
	Version int          `json:"version"`
	Calls   []SeedCall   `json:"calls"`
	path    string       `json:"-"`
	buf     bytes.Buffer `json:"-"`
}

// SeedCall is one operation applied as a given account: what a seed file
// lists and what a state file journals. Operation is "appstream:Name" or
// "workspaces:Name" (the X-Amz-Target form "PhotonAdminProxyService.Name"
// works too); Input is the operation's input as JSON, checked against the
// model exactly as a request is.
type SeedCall struct {
	Account   string          `json:"account"`
	Operation string          `json:"operation"`
	Input     json.RawMessage `json:"input,omitempty"`
}

// WithStateFile makes the emulator durable: it replays the journal at path
// (when the file exists) as New returns, and journals every acknowledged
// mutation there. A journal that does not replay cleanly makes New panic
// with the entry at fault; use LoadState to get the error instead.
func WithStateFile(path string) Option {
	return func(e *Emulator) { e.statePath = path }
}

// LoadState replays the journal at path (a missing file is an empty
// journal) and journals every later mutation there.
func (e *Emulator) LoadState(path string) error {
	// A crash between creating a temp file and renaming it leaves the
	// temp file behind; the journal itself is whole.
	if stale, _ := filepath.Glob(path + ".tmp*"); len(stale) > 0 {
		for _, f := range stale {
			_ = os.Remove(f)
		}
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		e.mu.Lock()
		e.state = &stateFile{Version: 1, path: path}
		e.mu.Unlock()
		return nil
	}
	if err != nil {
		return fmt.Errorf("emulator: state file: %w", err)
	}
	var sf stateFile
	if err := json.Unmarshal(b, &sf); err != nil {
		return fmt.Errorf("emulator: state file %s: %w", path, err)
	}
	if err := e.Seed(sf.Calls...); err != nil {
		return fmt.Errorf("emulator: state file %s: %w", path, err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.state = &stateFile{Version: 1, Calls: sf.Calls, path: path}
	return nil
}

// Seed applies calls in order through the API's own handlers, as if each
// account had sent them: every input is decoded and checked against the
// model, so a seed can create anything a client can. It stops at the first
// call that fails and names it.
func (e *Emulator) Seed(calls ...SeedCall) error {
	for i, c := range calls {
		svc, op, err := e.resolveOp(c.Operation)
		if err != nil {
			return fmt.Errorf("call %d (%s as %s): %w", i+1, c.Operation, c.Account, err)
		}
		acct := Account{ID: c.Account}
		if acct.ID == "" {
			acct = DefaultAccount
		}
		body := []byte(c.Input)
		if len(body) == 0 {
			body = []byte("{}")
		}
		if _, err := e.dispatch(svc, acct, e.region, op, body); err != nil {
			return fmt.Errorf("call %d (%s as %s): %w", i+1, c.Operation, acct.ID, err)
		}
	}
	return nil
}

// ReadSeedFile reads a seed file: {"calls":[{"account":..., "operation":
// "appstream:CreateImageBuilder", "input":{...}}, ...]}.
func ReadSeedFile(path string) ([]SeedCall, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f struct {
		Calls []SeedCall `json:"calls"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("seed file %s: %w", path, err)
	}
	return f.Calls, nil
}

func (e *Emulator) resolveOp(name string) (*service, string, error) {
	sep := strings.IndexAny(name, ":.")
	if sep < 0 {
		return nil, "", errors.New(`operation must be "appstream:Name" or "workspaces:Name"`)
	}
	prefix, op := name[:sep], name[sep+1:]
	for _, s := range e.svcs {
		if strings.EqualFold(prefix, s.signingName) || prefix == s.targetPrefix {
			return s, op, nil
		}
	}
	return nil, "", fmt.Errorf("no service %q (appstream or workspaces)", prefix)
}

// mutating reports whether an operation can change state: everything but
// the read verbs.
func mutating(op string) bool {
	verb, _ := splitVerb(op)
	return verb != "Describe" && verb != "List" && verb != "Get"
}

// journal appends a successful mutation and rewrites the state file; it
// runs under e.mu, so entries are in the order the mutations happened.
func (e *Emulator) journal(svc *service, acctID, op string, body []byte) error {
	if e.state == nil || !mutating(op) {
		return nil
	}
	in := json.RawMessage(bytes.TrimSpace(body))
	if len(in) == 0 || !json.Valid(in) {
		in = json.RawMessage("{}")
	}
	e.state.Calls = append(e.state.Calls, SeedCall{Account: acctID, Operation: svc.signingName + ":" + op, Input: append(json.RawMessage(nil), in...)})
	if err := e.state.write(); err != nil {
		e.state.Calls = e.state.Calls[:len(e.state.Calls)-1]
		return err
	}
	return nil
}

// write replaces the state file atomically and durably.
func (s *stateFile) write() error {
	s.buf.Reset()
	enc := json.NewEncoder(&s.buf)
	enc.SetIndent("", " ")
	if err := enc.Encode(s); err != nil {
		return err
	}
	return atomicfile.Write(s.path, s.buf.Bytes(), 0o600)
}

// Journaled is how many mutations the state file holds (0 without one):
// a command seeds a fresh state only, since a journal already holds its
// seeds.
func (e *Emulator) Journaled() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.state == nil {
		return 0
	}
	return len(e.state.Calls)
}
