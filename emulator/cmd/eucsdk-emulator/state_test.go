package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/emulator"
)

// startChild runs the command in a child process (this test binary, as
// TestHelperMain) and returns it with the endpoint it printed.
func startChild(t *testing.T, args string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperMain$")
	cmd.Env = append(os.Environ(), "EUCSDK_EMULATOR_MAIN=1", "EUCSDK_EMULATOR_ARGS="+args)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	sc := bufio.NewScanner(stdout)
	re := regexp.MustCompile(`at (http://\S+) \(region`)
	for sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			go func() {
				for sc.Scan() {
				}
			}()
			return cmd, m[1]
		}
	}
	t.Fatalf("the emulator printed no endpoint (%v)", sc.Err())
	return nil, ""
}

func client(endpoint string) *appstream.Client {
	return appstream.New(appstream.Options{
		Region:       emulator.DefaultRegion,
		BaseEndpoint: aws.String(endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider(emulator.DefaultAccount.AccessKeyID, emulator.DefaultAccount.SecretAccessKey, ""),
		Retryer:      retry.Nop(),
	})
}

func stackNames(t *testing.T, c *appstream.Client) map[string]bool {
	t.Helper()
	names := map[string]bool{}
	in := &appstream.DescribeStacksInput{}
	for {
		out, err := c.DescribeStacks(context.Background(), in)
		if err != nil {
			t.Fatalf("DescribeStacks: %v", err)
		}
		for _, s := range out.Stacks {
			names[aws.ToString(s.Name)] = true
		}
		if out.NextToken == nil {
			return names
		}
		in.NextToken = out.NextToken
	}
}

// TestStateSurvivesKill9: mutations are acknowledged while the process is
// SIGKILLed at a random point of a loop of writes; after each restart every
// acknowledged mutation is there and the state file parses.
func TestStateSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills the emulator several times")
	}
	state := filepath.Join(t.TempDir(), "state.json")
	acked := map[string]bool{}
	n := 0
	for round := 0; round < 3; round++ {
		cmd, endpoint := startChild(t, "-addr 127.0.0.1:0 -state-delay 0 -state "+state)
		c := client(endpoint)
		have := stackNames(t, c)
		for name := range acked {
			if !have[name] {
				t.Fatalf("round %d: acknowledged stack %s lost (have %d stacks)", round, name, len(have))
			}
		}
		stop := time.After(time.Duration(30+round*25) * time.Millisecond)
	loop:
		for {
			select {
			case <-stop:
				break loop
			default:
			}
			name := fmt.Sprintf("s%d", n)
			n++
			if _, err := c.CreateStack(context.Background(), &appstream.CreateStackInput{Name: aws.String(name)}); err == nil {
				acked[name] = true
			}
		}
		// Kill while writes are still in flight.
		go func() {
			for i := 0; i < 50; i++ {
				_, _ = c.CreateStack(context.Background(), &appstream.CreateStackInput{Name: aws.String(fmt.Sprintf("late%d-%d", round, i))})
			}
		}()
		time.Sleep(2 * time.Millisecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		b, err := os.ReadFile(state)
		if err != nil {
			t.Fatal(err)
		}
		var v struct{ Calls []json.RawMessage }
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatalf("round %d: state file corrupt: %v", round, err)
		}
		if len(v.Calls) < len(acked) {
			t.Fatalf("round %d: journal holds %d calls, %d acknowledged", round, len(v.Calls), len(acked))
		}
	}
	if len(acked) == 0 {
		t.Fatal("no mutation was acknowledged")
	}
	_, endpoint := startChild(t, "-addr 127.0.0.1:0 -state "+state)
	have := stackNames(t, client(endpoint))
	for name := range acked {
		if !have[name] {
			t.Fatalf("acknowledged stack %s lost", name)
		}
	}
	t.Logf("%d acknowledged stacks survived 3 kills", len(acked))
}

// TestSeedFile: a seed file creates resources through the API's handlers
// and a bad one names the call at fault.
func TestSeedFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "seed.json")
	os.WriteFile(good, []byte(`{"calls":[
 {"account":"111111111111","operation":"appstream:CreateStack","input":{"Name":"seeded"}},
 {"account":"222222222222","operation":"appstream:CreateImageBuilder","input":{"Name":"b1","InstanceType":"stream.standard.small","ImageName":"`+emulator.BaseImageName+`"}}
]}`), 0o600)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	go func() { _ = run(ctx, []string{"-addr", "127.0.0.1:0", "-seed", good}, &syncBuffer{}, ready) }()
	endpoint := <-ready
	if !stackNames(t, client(endpoint))["seeded"] {
		t.Error("seeded stack missing")
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"calls":[{"operation":"appstream:CreateStack","input":{"Name":"ok"}},{"operation":"appstream:CreateStack","input":{"Name":"not valid!"}}]}`), 0o600)
	err := run(context.Background(), []string{"-addr", "127.0.0.1:0", "-seed", bad}, &syncBuffer{}, nil)
	if err == nil || !regexp.MustCompile(`call 2 \(appstream:CreateStack as 111111111111\): ValidationException`).MatchString(err.Error()) {
		t.Errorf("bad seed: %v", err)
	}
}
