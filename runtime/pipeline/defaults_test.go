package pipeline_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/internal/testkit/awsenv"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
)

func TestNoRegionFailsBeforeIO(t *testing.T) {
	awsenv.Clean(t)
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits.Add(1) }))
	defer srv.Close()
	c := appstream.New(appstream.Options{Credentials: aws.AnonymousCredentials{}})
	_, err := c.DescribeImages(context.Background(), nil)
	if !errors.Is(err, pipeline.ErrNoRegion) || !strings.Contains(err.Error(), "AWS_REGION") {
		t.Fatalf("err = %v", err)
	}
	if hits.Load() != 0 {
		t.Fatal("a request was sent without a region")
	}
}

func TestRegionAndRetriesFromProfile(t *testing.T) {
	env := awsenv.Clean(t)
	config := "[default]\nregion = eu-west-1\n\n[profile ops]\nregion = ap-south-1\nmax_attempts = 7\nretry_mode = adaptive\n"
	if err := os.WriteFile(env.ConfigFile, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := appstream.New(appstream.Options{}).Options(); got.Region != "eu-west-1" || got.RetryMaxAttempts != 3 || got.RetryMode != aws.RetryModeStandard {
		t.Errorf("default profile: region %q attempts %d mode %q", got.Region, got.RetryMaxAttempts, got.RetryMode)
	}
	t.Setenv("AWS_PROFILE", "ops")
	if got := appstream.New(appstream.Options{}).Options(); got.Region != "ap-south-1" || got.RetryMaxAttempts != 7 || got.RetryMode != aws.RetryModeAdaptive {
		t.Errorf("ops profile: region %q attempts %d mode %q", got.Region, got.RetryMaxAttempts, got.RetryMode)
	}
	t.Setenv("AWS_REGION", "us-east-2")
	if got := appstream.New(appstream.Options{}).Options().Region; got != "us-east-2" {
		t.Errorf("AWS_REGION must win over the profile, got %q", got)
	}
	if got := appstream.New(appstream.Options{Region: "ca-central-1"}).Options().Region; got != "ca-central-1" {
		t.Errorf("Options.Region must win, got %q", got)
	}
}

func TestMalformedConfigIsReportedOnEveryCall(t *testing.T) {
	env := awsenv.Clean(t)
	if err := os.WriteFile(env.ConfigFile, []byte("[default]\nregion = eu-west-1\n[broken\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c := appstream.New(appstream.Options{Region: "us-east-1", BaseEndpoint: aws.String("http://127.0.0.1:1"), Credentials: aws.AnonymousCredentials{}})
	_, err := c.DescribeImages(context.Background(), nil)
	if err == nil || !strings.Contains(err.Error(), env.ConfigFile+":3:") {
		t.Fatalf("err = %v, want the file and line", err)
	}
}
