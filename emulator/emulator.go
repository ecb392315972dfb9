// Package emulator is an in-memory, stateful stand-in for the AppStream 2.0
// and WorkSpaces image APIs, for tests, demos and offline development.
//
// It speaks awsJson1_1 on one endpoint for both services (the X-Amz-Target
// prefix picks the service), checks every request's SigV4 signature against
// the accounts it knows, and decodes and encodes only through the generated
// server codecs, so a client and the emulator can never disagree about a
// shape. Resource states move on the emulator's clock, which tests replace
// with a ManualClock to step through transitions without sleeping.
//
// Typical use in a test:
//
//	emu := emulator.NewServer(t)
//	client := appstream.New(emu.ClientOptions(emulator.DefaultAccount))
//
// What it emulates: AppStream fleets (create, start, stop, update, delete,
// STARTING/RUNNING/STOPPING/STOPPED with capacity), stacks and their fleet
// associations, users and user–stack associations, entitlements, image builders (create, describe, start,
// stop, delete, streaming URL), images (describe, delete, seed) and image
// permissions; WorkSpaces images (describe OWNED/SHARED, create from a
// seeded WorkSpace, copy, delete) and their permissions. Every other
// operation of either model is answered by a model-driven store (see
// fallback in generic.go): set-calls keep what they send, describe-calls
// return it, deletes remove it; only names the models do not have answer
// UnknownOperationException.
//
// Every input is first checked as AWS's front end checks it: required
// members and the model's length, range, pattern and enum constraints,
// generated into the server packages (CheckConstraints).
//
// As a testing kit, Stub replaces an operation's answer with one checked
// against the model, and Requests records what clients sent.
//
// On the wire, every list and map member of an operation's output is sent
// even when empty ({"ImageBuilders":[]}), as AWS does; timestamps are
// epoch seconds; every error carries __type and the x-amzn-ErrorType and
// x-amzn-RequestId headers.
//
// Errors follow AWS: modeled errors are the generated types, encoded by
// the generated codec; constraint violations the models declare (required
// members, patterns, ranges) are ValidationException in AWS's wording;
// authentication failures are MissingAuthenticationTokenException,
// UnrecognizedClientException (unknown key, 400) and
// InvalidSignatureException (bad signature, wrong scope or a signing time
// more than five minutes off, 403). A NextToken is opaque and signed, and
// only valid for the listing, filters and account that received it.
package emulator

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
)

// Account is one AWS account the emulator accepts requests from; the access
// key a request is signed with decides which account it acts as, so two keys
// are enough to exercise cross-account sharing.
type Account struct {
	ID              string
	AccessKeyID     string
	SecretAccessKey string
}

// The two accounts every emulator starts with. Their keys are published, so
// the emulator only ever listens on loopback when run standalone.
var (
	DefaultAccount = Account{ID: "111111111111", AccessKeyID: "AKIAEMULATOR1EXAMPLE", SecretAccessKey: "emulator/secret/111111111111/EXAMPLEKEY"}
	PeerAccount    = Account{ID: "222222222222", AccessKeyID: "AKIAEMULATOR2EXAMPLE", SecretAccessKey: "emulator/secret/222222222222/EXAMPLEKEY"}
)

// DefaultRegion is the region the emulator answers for unless WithRegion
// says otherwise; requests scoped to another region fail as they would on AWS.
const DefaultRegion = "us-east-1"

// DefaultStateDelay is how long a resource stays in a transitional state
// (PENDING, STOPPING, DELETING) by default: long enough that a client sees
// the state, short enough that a demo finishes in a couple of seconds.
const DefaultStateDelay = 300 * time.Millisecond

// BaseImageName is the public AppStream base image every emulator offers,
// so CreateImageBuilder works without seeding anything.
const BaseImageName = "AppStream-WinServer2022-01-13-2025"

// MaxSignatureAge is the SigV4 tolerance between the request's X-Amz-Date and
// the emulator's clock, the same five minutes AWS allows.
const MaxSignatureAge = 5 * time.Minute

// Option configures an Emulator.
type Option func(*Emulator)

// WithClock replaces the clock that drives state transitions, signature
// expiry and the Date header. Give clients the same clock
// (ClientOptions does) so their signatures do not look skewed.
func WithClock(now func() time.Time) Option { return func(e *Emulator) { e.now = now } }

// WithStateDelay sets how long resources stay in transitional states; 0
// makes every transition happen at the next request that looks at the
// resource, which still lets a client observe the transitional state once.
func WithStateDelay(d time.Duration) Option { return func(e *Emulator) { e.delay = d } }

// WithRegion sets the one region the emulator serves and puts in ARNs.
func WithRegion(region string) Option { return func(e *Emulator) { e.region = region } }

// WithAddress sets the address Start listens on (default 127.0.0.1:0).
func WithAddress(addr string) Option { return func(e *Emulator) { e.addr = addr } }

// WithFaults enables fault injection from the first request; SetFaults
// changes it later.
func WithFaults(f Faults) Option { return func(e *Emulator) { e.faults.set(f) } }

// WithRequestLog writes one line per request (account, operation, status)
// to w, which is what the standalone command shows with -v.
func WithRequestLog(w io.Writer) Option { return func(e *Emulator) { e.log = w } }

// Emulator is the in-memory service. It is an http.Handler, so it can be
// mounted anywhere; Start and NewServer serve it on loopback.
type Emulator struct {
	now    func() time.Time
	delay  time.Duration
	region string
	addr   string
	log    io.Writer
	logMu  sync.Mutex

	tokenKey []byte
	calls    atomic.Int64
	faults   faultState

	mu        sync.Mutex
	accounts  map[string]Account // by access key id
	as        appstreamState
	asf       asFleetState
	ws        workspacesState
	gen       genericState
	state     *stateFile // nil unless journaling
	statePath string
	stubs     map[string][]any // by service:operation, see Stub
	requests  []Request
	svcs      []*service

	srv      *http.Server
	listener net.Listener
	endpoint string
}

// New returns an emulator with DefaultAccount, PeerAccount and the public
// base image BaseImageName; it serves nothing until Start or NewServer.
func New(opts ...Option) *Emulator {
	e := &Emulator{
		now:      time.Now,
		delay:    DefaultStateDelay,
		region:   DefaultRegion,
		addr:     "127.0.0.1:0",
		tokenKey: make([]byte, 32),
		accounts: map[string]Account{},
	}
	_, _ = rand.Read(e.tokenKey)
	e.as.init()
	e.asf.init()
	e.ws.init()
	e.svcs = []*service{e.appstreamService(), e.workspacesService()}
	for _, o := range opts {
		o(e)
	}
	e.AddAccount(DefaultAccount.ID, DefaultAccount.AccessKeyID, DefaultAccount.SecretAccessKey)
	e.AddAccount(PeerAccount.ID, PeerAccount.AccessKeyID, PeerAccount.SecretAccessKey)
	e.seedBaseImages()
	if e.statePath != "" {
		if err := e.LoadState(e.statePath); err != nil {
			panic(err)
		}
	}
	return e
}

// AddAccount lets requests signed with accessKey and secret act as
// accountID. Several keys may map to one account; adding a key again
// replaces its secret.
func (e *Emulator) AddAccount(accountID, accessKey, secret string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.accounts[accessKey] = Account{ID: accountID, AccessKeyID: accessKey, SecretAccessKey: secret}
}

// Accounts returns the accounts the emulator accepts, sorted by account and key.
func (e *Emulator) Accounts() []Account {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]Account, 0, len(e.accounts))
	for _, a := range e.accounts {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].ID != out[j].ID {
			return out[i].ID < out[j].ID
		}
		return out[i].AccessKeyID < out[j].AccessKeyID
	})
	return out
}

// Now is the emulator's clock.
func (e *Emulator) Now() time.Time { return e.now() }

// Region is the region the emulator serves.
func (e *Emulator) Region() string { return e.region }

// Start serves the emulator on its address (127.0.0.1:0 unless WithAddress)
// and returns the endpoint URL to use as a client's BaseEndpoint.
func (e *Emulator) Start() (string, error) {
	if e.srv != nil {
		return "", errors.New("emulator: already started")
	}
	ln, err := net.Listen("tcp", e.addr)
	if err != nil {
		return "", fmt.Errorf("emulator: %w", err)
	}
	e.listener = ln
	e.endpoint = "http://" + ln.Addr().String()
	// The goroutine keeps its own pointer: Close may clear e.srv before it runs.
	srv := &http.Server{Handler: e, ReadHeaderTimeout: 10 * time.Second}
	e.srv = srv
	go func() { _ = srv.Serve(ln) }()
	return e.endpoint, nil
}

// Endpoint is the URL Start returned, or "" before Start.
func (e *Emulator) Endpoint() string { return e.endpoint }

// Close stops serving and drops open connections; state is kept, so a
// test can still inspect it.
func (e *Emulator) Close() error {
	if e.srv == nil {
		return nil
	}
	err := e.srv.Close()
	e.srv = nil
	return err
}

// TB is the part of testing.TB NewServer needs; the package does not
// import testing so that programs can use the emulator too.
type TB interface {
	Helper()
	Cleanup(func())
	Fatalf(format string, args ...any)
}

// NewServer starts an emulator on loopback for the duration of a test and
// closes it in t.Cleanup.
func NewServer(t TB, opts ...Option) *Emulator {
	t.Helper()
	e := New(opts...)
	if _, err := e.Start(); err != nil {
		t.Fatalf("start emulator: %v", err)
	}
	t.Cleanup(func() { _ = e.Close() })
	return e
}

// ClientOptions returns client options that send requests to the emulator
// as acct: its endpoint, region, static keys and the emulator's clock (so a
// ManualClock does not look like clock skew). It works for appstream.New
// and workspaces.New alike.
func (e *Emulator) ClientOptions(acct Account) pipeline.Options {
	return pipeline.Options{
		Region:       e.region,
		BaseEndpoint: aws.String(e.endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider(acct.AccessKeyID, acct.SecretAccessKey, ""),
		Clock:        e.now,
	}
}

// Environment returns the variables, as KEY=VALUE, that point
// config.LoadDefaultConfig (ours, aws-sdk-go-v2's or the AWS CLI's) at the
// emulator as acct, for a program under test: its endpoint, region and
// static keys, no session token or profile, and no EC2 instance metadata,
// so nothing of the machine's own AWS setup is used.
func (e *Emulator) Environment(acct Account) []string {
	return []string{
		"AWS_ACCESS_KEY_ID=" + acct.AccessKeyID,
		"AWS_SECRET_ACCESS_KEY=" + acct.SecretAccessKey,
		"AWS_SESSION_TOKEN=",
		"AWS_PROFILE=",
		"AWS_REGION=" + e.region,
		"AWS_ENDPOINT_URL=" + e.endpoint,
		"AWS_EC2_METADATA_DISABLED=true",
	}
}

// ManualClock is a clock that moves only when told, for stepping resources
// through their states in tests without sleeping.
type ManualClock struct {
	mu sync.Mutex
	t  time.Time
}

// NewManualClock returns a clock stopped at start.
func NewManualClock(start time.Time) *ManualClock { return &ManualClock{t: start} }

// Now returns the clock's time; pass it to WithClock.
func (c *ManualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock forward by d.
func (c *ManualClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// sleep waits d or until ctx ends, on the real clock: latency is about the
// wire, not about resource state.
func sleep(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}
