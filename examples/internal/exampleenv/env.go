// Package exampleenv decides where the examples send their requests: to an
// in-process emulator by default, so they run on a fresh clone with no AWS
// account, or to AWS when asked, with the same code path either way.
package exampleenv

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/config"
	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
	"github.com/eucsdk/eucsdk/workspaces"
)

// Config is what every example takes from its command line; tests fill it
// directly.
type Config struct {
	// AWS sends requests to AWS instead of the emulator; only -aws turns
	// it on. A profile in the shell's environment does not: the examples
	// create billable resources, which no one should get by accident.
	AWS bool
	// Yes skips the question asked before anything is created on AWS.
	Yes bool
	// In answers that question; nil means os.Stdin.
	In io.Reader
	// Profile and PeerProfile name the shared-config profiles of the owning
	// account and of the account images are shared with (AWS only).
	Profile, PeerProfile string
	// PeerAccount is the account id to share with (AWS only; the emulator
	// uses emulator.PeerAccount).
	PeerAccount string
	// Region defaults to the emulator's region, or the profile's on AWS.
	Region string
	// PollInterval is how often waits poll; AWS needs tens of seconds,
	// the emulator a few milliseconds.
	PollInterval time.Duration
	// Timeout bounds each wait.
	Timeout time.Duration

	// Emulator, when set, is used instead of starting one, so a test can
	// inspect its state afterwards.
	Emulator *emulator.Emulator
	// StateDelay is the emulator's transition delay when the example starts
	// its own emulator.
	StateDelay time.Duration
}

// Flags registers the shared flags on fs and returns the Config they fill;
// call Finish after fs.Parse.
func Flags(fs *flag.FlagSet) *Config {
	c := &Config{}
	fs.BoolVar(&c.AWS, "aws", false, "call AWS instead of the local emulator; creates billable resources after asking")
	fs.BoolVar(&c.Yes, "yes", false, "with -aws, do not ask before creating resources")
	fs.StringVar(&c.Profile, "profile", "", "shared config profile of the owning account (AWS only)")
	fs.StringVar(&c.PeerProfile, "peer-profile", "", "profile of the account images are shared with, to look from its side (AWS only)")
	fs.StringVar(&c.PeerAccount, "peer-account", "", "12-digit account id to share with (AWS only)")
	fs.StringVar(&c.Region, "region", "", "region (default: the emulator's, or the profile's on AWS)")
	fs.DurationVar(&c.PollInterval, "poll", 0, "poll interval while waiting (default 100ms on the emulator, 30s on AWS)")
	fs.DurationVar(&c.Timeout, "timeout", 0, "longest wait for one state change (default 1m on the emulator, 30m on AWS)")
	fs.DurationVar(&c.StateDelay, "state-delay", emulator.DefaultStateDelay, "emulator: time a resource spends in PENDING, STOPPING, DELETING")
	return c
}

// Finish applies the defaults of the chosen target.
func (c *Config) Finish() {
	if c.PollInterval == 0 {
		c.PollInterval = 100 * time.Millisecond
		if c.AWS {
			c.PollInterval = 30 * time.Second
		}
	}
	if c.Timeout == 0 {
		c.Timeout = time.Minute
		if c.AWS {
			c.Timeout = 30 * time.Minute
		}
	}
}

// Party is one account the example acts as.
type Party struct {
	// Label says who this is in the output: "owner" or "peer".
	Label string
	// AccountID is empty on AWS when it is not known up front.
	AccountID string

	emu *pipeline.Options
	cfg *aws.Config
}

// String is how the output names the party.
func (p Party) String() string {
	if p.AccountID == "" {
		return p.Label
	}
	return p.Label + " " + p.AccountID
}

// AppStream returns a client acting as the party.
func (p Party) AppStream() *appstream.Client {
	if p.emu != nil {
		return appstream.New(*p.emu)
	}
	return appstream.NewFromConfig(*p.cfg)
}

// WorkSpaces returns a client acting as the party.
func (p Party) WorkSpaces() *workspaces.Client {
	if p.emu != nil {
		return workspaces.New(*p.emu)
	}
	return workspaces.NewFromConfig(*p.cfg)
}

// Env is where an example runs.
type Env struct {
	Owner Party
	// Peer is the account images are shared with. On AWS without
	// -peer-profile, Peer has an AccountID but HasPeerClient is false.
	Peer          Party
	HasPeerClient bool
	// Emulator is nil on AWS.
	Emulator *emulator.Emulator
	close    func()
}

// Close stops an emulator Setup started.
func (e *Env) Close() {
	if e.close != nil {
		e.close()
	}
}

// Setup connects to the emulator or AWS per c and says which on out.
func Setup(ctx context.Context, out io.Writer, c Config) (*Env, error) {
	if !c.AWS {
		env := &Env{Emulator: c.Emulator, HasPeerClient: true}
		if env.Emulator == nil {
			env.Emulator = emulator.New(emulator.WithStateDelay(c.StateDelay))
			if _, err := env.Emulator.Start(); err != nil {
				return nil, err
			}
			env.close = func() { _ = env.Emulator.Close() }
		}
		owner := env.Emulator.ClientOptions(emulator.DefaultAccount)
		peer := env.Emulator.ClientOptions(emulator.PeerAccount)
		env.Owner = Party{Label: "owner", AccountID: emulator.DefaultAccount.ID, emu: &owner}
		env.Peer = Party{Label: "peer", AccountID: emulator.PeerAccount.ID, emu: &peer}
		fmt.Fprintf(out, "target   local emulator %s (region %s; run with -aws to use AWS)\n", env.Emulator.Endpoint(), env.Emulator.Region())
		if p := os.Getenv("AWS_PROFILE"); p != "" {
			fmt.Fprintf(out, "note     AWS_PROFILE=%s is not used without -aws\n", p)
		}
		fmt.Fprintf(out, "accounts owner %s, peer %s\n", env.Owner.AccountID, env.Peer.AccountID)
		return env, nil
	}
	load := func(profile string) (*aws.Config, error) {
		opts := []func(*config.LoadOptions) error{}
		if profile != "" {
			opts = append(opts, config.WithSharedConfigProfile(profile))
		}
		if c.Region != "" {
			opts = append(opts, config.WithRegion(c.Region))
		}
		cfg, err := config.LoadDefaultConfig(ctx, opts...)
		if err != nil {
			return nil, err
		}
		if cfg.Region == "" {
			return nil, config.ErrNoRegionHint
		}
		return &cfg, nil
	}
	ocfg, err := load(c.Profile)
	if err != nil {
		return nil, err
	}
	env := &Env{Owner: Party{Label: "owner", cfg: ocfg}, Peer: Party{Label: "peer", AccountID: c.PeerAccount}}
	if c.PeerProfile != "" {
		pcfg, err := load(c.PeerProfile)
		if err != nil {
			return nil, err
		}
		env.Peer.cfg, env.HasPeerClient = pcfg, true
	}
	creds, err := ocfg.Credentials.Retrieve(ctx)
	if err != nil {
		return nil, err
	}
	account := creds.AccountID
	if account == "" {
		account = "unknown (the credentials do not say; set aws_account_id in the profile to see it here)"
	}
	fmt.Fprintf(out, "target   AWS, region %s, profile %q\n", ocfg.Region, firstNonEmpty(c.Profile, os.Getenv("AWS_PROFILE"), "default"))
	fmt.Fprintf(out, "account  %s (access key %s from %s)\n", account, creds.AccessKeyID, creds.Source)
	if !c.Yes {
		in := c.In
		if in == nil {
			in = os.Stdin
		}
		fmt.Fprintf(out, "This creates billable AppStream or WorkSpaces resources in region %s. Continue? [y/N] ", ocfg.Region)
		answer, _ := bufio.NewReader(in).ReadString('\n')
		if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
			fmt.Fprintln(out)
			return nil, ErrNotConfirmed
		}
	}
	return env, nil
}

// ErrNotConfirmed is Setup's error when the user did not agree to create
// resources on AWS.
var ErrNotConfirmed = errors.New("not confirmed: nothing was created on AWS (pass -yes to skip the question)")

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
