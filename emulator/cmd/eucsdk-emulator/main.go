// Command eucsdk-emulator serves the eucsdk emulator of the AppStream 2.0
// and WorkSpaces image APIs on a loopback address until interrupted, for
// trying clients, the AWS CLI or other SDKs against it by hand.
//
//	go run ./cmd/eucsdk-emulator -addr 127.0.0.1:4510 -v
//
// With -state FILE it journals every acknowledged mutation to FILE
// (atomically, before answering) and replays it at start, so state survives
// restarts and kill -9; -seed FILE applies a JSON list of calls
// ({"calls":[{"account","operation","input"}]}) through the same handlers
// the API uses, checked against the model.
//
// It prints the endpoint and each account's keys. The default keys are
// public, so it refuses to listen on anything but loopback.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, nil)
	if errors.Is(err, flag.ErrHelp) {
		return // -h printed the usage, as asked: not a failure
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "eucsdk-emulator:", err)
		os.Exit(2)
	}
}

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// run serves until ctx ends. ready, when not nil, receives the endpoint
// once the emulator listens, for tests.
func run(ctx context.Context, args []string, out io.Writer, ready chan<- string) error {
	fs := flag.NewFlagSet("eucsdk-emulator", flag.ContinueOnError)
	fs.SetOutput(out)
	addr := fs.String("addr", "127.0.0.1:4510", "loopback address to listen on (port 0 picks a free one)")
	region := fs.String("region", emulator.DefaultRegion, "the region clients must sign for")
	var accounts, seeds listFlag
	fs.Var(&accounts, "account", "extra account as ID:ACCESS_KEY:SECRET (repeatable; the two default accounts are always there)")
	fs.Var(&seeds, "seed-image", "AppStream image to create as ACCOUNT:NAME (repeatable)")
	delay := fs.Duration("state-delay", emulator.DefaultStateDelay, "time resources spend in PENDING, STOPPING and DELETING")
	var f emulator.Faults
	fs.IntVar(&f.ThrottleEvery, "throttle-every", 0, "answer every Nth request with ThrottlingException")
	fs.Float64Var(&f.ServerErrorRate, "error-rate", 0, "fraction of requests answered with a 500 InternalFailure")
	fs.Float64Var(&f.DropRate, "drop-rate", 0, "fraction of connections closed without a response")
	fs.DurationVar(&f.Latency, "latency", 0, "delay added to every response")
	fs.DurationVar(&f.RetryAfter, "retry-after", 0, "send x-amz-retry-after (milliseconds) with injected throttling and server errors")
	fs.Uint64Var(&f.Seed, "fault-seed", 1, "seed of the random fault choices")
	verbose := fs.Bool("v", false, "log one line per request: account, operation, status, duration")
	statePath := fs.String("state", "", "journal acknowledged mutations to `FILE` and replay it at start, so state survives restarts and crashes")
	seedPath := fs.String("seed", "", "apply the calls in JSON `FILE` ({\"calls\":[{\"account\":...,\"operation\":\"appstream:CreateImageBuilder\",\"input\":{...}}]}) at start; skipped when -state already holds a journal")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := loopbackOnly(*addr); err != nil {
		return err
	}
	opts := []emulator.Option{emulator.WithAddress(*addr), emulator.WithRegion(*region), emulator.WithStateDelay(*delay), emulator.WithFaults(f)}
	if *verbose {
		opts = append(opts, emulator.WithRequestLog(out))
	}
	emu := emulator.New(opts...)
	for _, a := range accounts {
		parts := strings.SplitN(a, ":", 3)
		if len(parts) != 3 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
			return fmt.Errorf("-account %q: want ID:ACCESS_KEY:SECRET", a)
		}
		emu.AddAccount(parts[0], parts[1], parts[2])
	}
	for _, s := range seeds {
		acct, name, ok := strings.Cut(s, ":")
		if !ok {
			return fmt.Errorf("-seed-image %q: want ACCOUNT:NAME", s)
		}
		if _, err := emu.SeedImage(acct, types.Image{Name: aws.String(name)}); err != nil {
			return err
		}
	}
	if *statePath != "" {
		if err := emu.LoadState(*statePath); err != nil {
			return err
		}
	}
	if *seedPath != "" {
		if n := emu.Journaled(); n > 0 {
			fmt.Fprintf(out, "-seed %s skipped: %s already holds %d calls\n", *seedPath, *statePath, n)
		} else {
			calls, err := emulator.ReadSeedFile(*seedPath)
			if err != nil {
				return err
			}
			if err := emu.Seed(calls...); err != nil {
				return fmt.Errorf("-seed %s: %w", *seedPath, err)
			}
		}
	}
	endpoint, err := emu.Start()
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("%w\n(another emulator may be running there: use it, or pick a free port with -addr 127.0.0.1:0)", err)
	}
	if err != nil {
		return err
	}
	defer emu.Close()

	fmt.Fprintf(out, "eucsdk emulator: AppStream 2.0 and WorkSpaces images at %s (region %s, state delay %s)\n", endpoint, emu.Region(), *delay)
	if f != (emulator.Faults{Seed: f.Seed}) {
		fmt.Fprintf(out, "faults: throttle every %d, error rate %.2f, drop rate %.2f, latency %s, retry-after %s\n", f.ThrottleEvery, f.ServerErrorRate, f.DropRate, f.Latency, f.RetryAfter)
	}
	for _, a := range emu.Accounts() {
		fmt.Fprintf(out, "account %s  AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s\n", a.ID, a.AccessKeyID, a.SecretAccessKey)
	}
	fmt.Fprintf(out, "use it: AWS_ENDPOINT_URL=%s AWS_REGION=%s with one account's keys, or Options.BaseEndpoint in code\n", endpoint, emu.Region())
	if ready != nil {
		ready <- endpoint
	}
	<-ctx.Done()
	fmt.Fprintln(out, "shutting down")
	return nil
}

// loopbackOnly refuses addresses other machines could reach: the default
// accounts' secrets are published in this repository.
func loopbackOnly(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return errors.New("-addr must be a loopback address such as 127.0.0.1:4510; the emulator's keys are public")
	}
	return nil
}
