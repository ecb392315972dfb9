package emulator_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
)

// TestAnyClientBoto3 drives the emulator from boto3 (which ships with moto
// on these machines): the seed operations and a fleet flow, through an
// independent client's serializers, waiters and error parsing. It skips
// when python3 or boto3 is missing, and fails then under
// EUCSDK_REQUIRE_MOTO=1, as the moto tests do.
func TestAnyClientBoto3(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err == nil {
		err = exec.Command(py, "-c", "import boto3").Run()
	}
	if err != nil {
		if os.Getenv("EUCSDK_REQUIRE_MOTO") == "1" {
			t.Fatalf("boto3 is required (EUCSDK_REQUIRE_MOTO=1) but python3 -c 'import boto3' failed: %v", err)
		}
		t.Skipf("boto3 not available (python3 -c 'import boto3': %v); pip install boto3 to run the any-client test", err)
	}
	emu := emulator.NewServer(t, emulator.WithStateDelay(50*time.Millisecond))
	const image = "pipeline-image"
	if _, err := emu.SeedImage(emulator.DefaultAccount.ID, types.Image{Name: aws.String(image)}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "testdata/anyclient_boto3.py")
	cmd.Env = append(cleanEnv(),
		"EMU_ENDPOINT="+emu.Endpoint(), "EMU_REGION="+emu.Region(), "EMU_IMAGE="+image, "EMU_BASE_IMAGE="+emulator.BaseImageName,
		"EMU_KEY="+emulator.DefaultAccount.AccessKeyID, "EMU_SECRET="+emulator.DefaultAccount.SecretAccessKey,
		// The client must not pick up a profile or a proxy.
		"AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null", "NO_PROXY=127.0.0.1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("boto3 flow: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "passed") {
		t.Fatalf("boto3 flow printed:\n%s", out)
	}
	t.Log(strings.TrimSpace(string(out)))
}

// cleanEnv is the test's environment without AWS_ settings, so another
// client reads only what the test gives it.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AWS_") {
			env = append(env, kv)
		}
	}
	return env
}
