package pipeline_test

import (
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/config"
	"github.com/eucsdk/eucsdk/credentials/endpointcreds"
	"github.com/eucsdk/eucsdk/credentials/processcreds"
	"github.com/eucsdk/eucsdk/feature/ec2/imds"
	"github.com/eucsdk/eucsdk/internal/testkit/awsenv"
)

// The secrets of the providers config builds: the IMDS session token, the
// container authorization token, and what IMDS, the container endpoint and
// credential_process answer (secretKey and sessionToken above, plus a
// marker inside malformed answers).
const (
	imdsToken      = "IMDSv2SessionTokenSECRET=="
	containerToken = "ContainerAuthTokenSECRET"
	malformed      = "MalformedAnswerSECRET"
)

// TestNoProviderSecretsInErrorsOrLogs runs each provider of the default
// chain once where it works and once where it fails, with every log mode
// on: neither the log, nor an error, nor %v, %+v, %#v of the config, the
// credentials or the errors holds a secret.
func TestNoProviderSecretsInErrorsOrLogs(t *testing.T) {
	good := fmt.Sprintf(`{"Code": "Success", "AccessKeyId": "ASIAPROVIDER", "SecretAccessKey": %q, "Token": %q, "Expiration": "2099-01-01T00:00:00Z", "Version": 1, "SessionToken": %q}`,
		secretKey, sessionToken, sessionToken)
	bad := `{"Code": "Success", "AccessKeyId": 7, "SecretAccessKey": "` + malformed + `"`
	var answer string
	imdsSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/latest/api/token":
			w.Header().Set("X-Aws-Ec2-Metadata-Token-Ttl-Seconds", "300")
			io.WriteString(w, imdsToken)
		case r.Header.Get("X-Aws-Ec2-Metadata-Token") != imdsToken:
			w.WriteHeader(http.StatusUnauthorized)
		case r.URL.Path == "/latest/meta-data/iam/security-credentials/":
			io.WriteString(w, "role")
		default:
			io.WriteString(w, answer)
		}
	}))
	defer imdsSrv.Close()
	container := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if answer == bad {
			// An endpoint that echoes what it was sent.
			w.WriteHeader(http.StatusForbidden)
			fmt.Fprintf(w, `{"code": "Denied", "message": "token %s refused"}`, r.Header.Get("Authorization"))
			return
		}
		io.WriteString(w, answer)
	}))
	defer container.Close()
	service := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		io.WriteString(w, `{"Fleets": []}`)
	}))
	defer service.Close()

	log := &captureLogger{}
	var printed []string
	print := func(vs ...any) {
		for _, v := range vs {
			printed = append(printed, fmt.Sprintf("%v", v), fmt.Sprintf("%+v", v), fmt.Sprintf("%#v", v))
		}
	}
	for _, tc := range []struct {
		name string
		set  func(t *testing.T, dir string)
	}{
		{"imds", func(t *testing.T, dir string) {
			t.Setenv("AWS_EC2_METADATA_DISABLED", "")
			t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", imdsSrv.URL)
		}},
		{"container", func(t *testing.T, dir string) {
			t.Setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", container.URL+"/creds")
			os.WriteFile(dir+"/token", []byte(containerToken), 0o600)
			t.Setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", dir+"/token")
		}},
		{"process", func(t *testing.T, dir string) {
			os.WriteFile(dir+"/answer", []byte(answer), 0o600)
			os.WriteFile(os.Getenv("AWS_CONFIG_FILE"), []byte("[default]\ncredential_process = cat "+dir+"/answer\n"), 0o600)
		}},
	} {
		for _, a := range []string{good, bad} {
			answer = a
			t.Run(tc.name, func(t *testing.T) {
				env := awsenv.Clean(t)
				t.Setenv("AWS_CONFIG_FILE", env.ConfigFile)
				t.Setenv("AWS_REGION", "us-east-1")
				dir := t.TempDir()
				tc.set(t, dir)
				ctx := context.Background()
				cfg, err := config.LoadDefaultConfig(ctx, config.WithLogger(log), config.WithClientLogMode(aws.ClientLogMode(math.MaxUint64)),
					config.WithBaseEndpoint(service.URL))
				if err != nil {
					t.Fatal(err)
				}
				creds, cerr := cfg.Credentials.Retrieve(ctx)
				_, callErr := appstream.NewFromConfig(cfg).DescribeFleets(ctx, &appstream.DescribeFleetsInput{})
				if (a == good) != (cerr == nil && callErr == nil) {
					t.Fatalf("answer ok = %v: retrieve %v, call %v", a == good, cerr, callErr)
				}
				print(cfg, cfg.Credentials, creds, cerr, callErr)
			})
		}
	}
	// The providers themselves, printed after use (the IMDS client holds its
	// token then).
	ic := imds.New(imds.Options{Endpoint: imdsSrv.URL, ClientEnableState: imds.ClientEnabled})
	if _, err := ic.GetMetadata(context.Background(), &imds.GetMetadataInput{Path: "iam/security-credentials/"}); err != nil {
		t.Fatal(err)
	}
	print(ic, endpointcreds.New(container.URL, func(o *endpointcreds.Options) { o.AuthorizationToken = containerToken }),
		processcreds.NewProvider("fetch-creds --token "+containerToken))
	all := log.text() + "\n" + strings.Join(printed, "\n")
	for _, s := range []string{secretKey, sessionToken, imdsToken, containerToken, malformed} {
		if i := strings.Index(all, s); i >= 0 {
			lo, hi := max(0, i-300), min(len(all), i+len(s)+100)
			t.Errorf("secret %q leaked:\n...%s...", s, all[lo:hi])
		}
	}
	// The scan saw real output: signed requests with these credentials.
	for _, want := range []string{"X-Amz-Security-Token: <redacted>", "ASIAPROVIDER", "Denied"} {
		if !strings.Contains(all, want) {
			t.Errorf("scanned output lacks %q", want)
		}
	}
}
