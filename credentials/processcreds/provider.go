// Package processcreds runs a profile's credential_process, at
// aws-sdk-go-v2's path and with its API, so code moves over by changing
// imports.
package processcreds

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/eucsdk/eucsdk/aws"
)

// ProviderName is the Source of credentials from credential_process.
const ProviderName = "ProcessProvider"

const (
	// DefaultTimeout bounds a credential_process run that hangs.
	DefaultTimeout = time.Minute
	// maxProcessOutput caps what is read from the process's stdout.
	maxProcessOutput = 1 << 20
	// processWaitDelay bounds how long Retrieve waits, after the process
	// exits or is killed, for a grandchild that still holds its stdout.
	processWaitDelay = time.Second
)

// Options tune a Provider.
type Options struct {
	// Timeout ends a process that runs longer; zero means DefaultTimeout.
	Timeout time.Duration
	// Now is the clock used to reject expired output; nil means time.Now.
	Now func() time.Time
}

// Provider runs the credential_process command of a profile. The
// command's stdout carries secrets, so nothing from it ever reaches an error
// message. Its stderr goes straight to the caller's stderr, as the AWS CLI
// and aws-sdk-go-v2 do: processes print tokens and login URLs there, so it
// is never kept in errors or logs either. Errors name the command (its first
// word, since arguments may hold secrets) and the exit status.
type Provider struct {
	command string
	options Options
}

// NewProvider returns a provider that runs command through the system
// shell, as the AWS CLI does, so quoting works the same.
func NewProvider(command string, optFns ...func(*Options)) *Provider {
	p := &Provider{command: command}
	for _, fn := range optFns {
		fn(&p.options)
	}
	if p.options.Timeout == 0 {
		p.options.Timeout = DefaultTimeout
	}
	if p.options.Now == nil {
		p.options.Now = time.Now
	}
	return p
}

// processOutput is the credential_process JSON contract, version 1.
type processOutput struct {
	Version         int
	AccessKeyID     string `json:"AccessKeyId"`
	SecretAccessKey string
	SessionToken    string
	Expiration      *time.Time
	AccountID       string `json:"AccountId"`
}

// Retrieve runs the command and parses its output.
func (p *Provider) Retrieve(ctx context.Context) (aws.Credentials, error) {
	if strings.TrimSpace(p.command) == "" {
		return aws.Credentials{}, errors.New("credential_process: empty command")
	}
	out, err := p.run(ctx)
	if err != nil {
		return aws.Credentials{}, err
	}
	return p.parse(out)
}

func (p *Provider) run(ctx context.Context) ([]byte, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, p.options.Timeout, errProcessTimeout)
	defer cancel()
	cmd := shellCommand(ctx, p.command)
	cmd.Env = os.Environ()
	cmd.Stdin = os.Stdin // lets a process prompt, e.g. for MFA
	cmd.Stderr = os.Stderr
	var stdout bytes.Buffer
	cmd.Stdout = &limitedWriter{w: &stdout, n: maxProcessOutput}
	// The shell's children must end with it: the process runs in its own
	// group, which is killed on timeout or cancellation, and a grandchild
	// that keeps stdout open cannot hold Retrieve past WaitDelay.
	killGroupOnCancel(cmd)
	cmd.WaitDelay = processWaitDelay
	err := cmd.Run()
	name := commandName(p.command)
	if ctxErr := ctx.Err(); ctxErr != nil {
		if context.Cause(ctx) == errProcessTimeout {
			return nil, fmt.Errorf("credential_process %s: killed after the %v timeout: %w", name, p.options.Timeout, ctxErr)
		}
		return nil, fmt.Errorf("credential_process %s: %w", name, ctxErr)
	}
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return nil, fmt.Errorf("credential_process %s failed: %s (its stderr went to this program's stderr)", name, exit.ProcessState)
		}
		return nil, fmt.Errorf("credential_process %s failed: %w", name, err)
	}
	return stdout.Bytes(), nil
}

var errProcessTimeout = errors.New("credential_process timeout")

func shellCommand(ctx context.Context, command string) *exec.Cmd {
	if runtime.GOOS == "windows" {
		return exec.CommandContext(ctx, "cmd.exe", "/C", command)
	}
	return exec.CommandContext(ctx, "sh", "-c", command)
}

// commandName is the program a command line runs, without its arguments.
func commandName(command string) string {
	f := strings.Fields(command)
	if len(f) == 0 {
		return `""`
	}
	return strconv.Quote(f[0])
}

// parse validates the output. Its errors name fields, never values: the
// output is a secret even when malformed.
func (p *Provider) parse(out []byte) (aws.Credentials, error) {
	var o processOutput
	if err := json.Unmarshal(out, &o); err != nil {
		return aws.Credentials{}, fmt.Errorf("credential_process: output (%d bytes) is not the expected JSON object", len(out))
	}
	if o.Version != 1 {
		return aws.Credentials{}, fmt.Errorf("credential_process: output Version is %d, only 1 is supported", o.Version)
	}
	if o.AccessKeyID == "" || o.SecretAccessKey == "" {
		return aws.Credentials{}, errors.New("credential_process: output lacks AccessKeyId or SecretAccessKey")
	}
	c := aws.Credentials{
		AccessKeyID:     o.AccessKeyID,
		SecretAccessKey: o.SecretAccessKey,
		SessionToken:    o.SessionToken,
		AccountID:       o.AccountID,
		Source:          ProviderName,
	}
	if o.Expiration != nil {
		c.CanExpire, c.Expires = true, o.Expiration.UTC()
		if c.ExpiredAt(p.options.Now()) {
			return aws.Credentials{}, fmt.Errorf("credential_process: returned credentials that expired at %s", c.Expires.Format(time.RFC3339))
		}
	}
	return c, nil
}

// limitedWriter keeps the first n bytes and drops the rest, so a runaway
// process cannot exhaust memory and is not blocked on a full pipe.
type limitedWriter struct {
	w io.Writer
	n int
}

func (l *limitedWriter) Write(b []byte) (int, error) {
	if l.n > 0 {
		k := min(len(b), l.n)
		l.w.Write(b[:k])
		l.n -= k
	}
	return len(b), nil
}

// String names the program, never its arguments (they may hold secrets).
func (p *Provider) String() string {
	return "processcreds.Provider{Command: " + commandName(p.command) + "}"
}

// GoString is String, for %#v.
func (p *Provider) GoString() string { return p.String() }
