package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/internal/testkit/awsenv"
	"github.com/eucsdk/eucsdk/runtime/redact"
)

// The values no log line, error or printed value may contain: the secret
// key, the session token, and a value for every sensitive member of the
// AppStream model (Username, UserAttributeValue, AccountName,
// AccountPassword; WorkSpaces has none).
const (
	secretKey    = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY"
	sessionToken = "FwoGZXIvYXdzEXAMPLESESSIONTOKENvalue+/="
	userName     = "alice.sensitive@example.com"
	firstName    = "AliceSensitiveFirst"
	lastName     = "DoeSensitiveLast"
	accountName  = "CORP\\svc-sensitive-account"
	accountPass  = "Sensitive-P@ssw0rd!"
	// endpointPass is the password of userinfo in BaseEndpoint.
	endpointPass = "EndpointUserinfoPassw0rd"
	// processStderr is what a failing credential_process prints on stderr.
	processStderr = "ProcessStderrTokenABC123"
)

var secrets = []string{secretKey, sessionToken, userName, firstName, lastName, accountName, accountPass, endpointPass, processStderr}

type captureLogger struct {
	mu    sync.Mutex
	lines []string
}

func (l *captureLogger) Logf(c logging.Classification, format string, v ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, string(c)+" "+fmt.Sprintf(format, v...))
}

func (l *captureLogger) text() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

// secretsServer answers every operation the test calls. Responses echo the
// sensitive values back (as DescribeUsers and DescribeDirectoryConfigs do),
// the first attempt of each operation fails with a retryable error so that
// retry logging runs, and some operations always fail, one with a body that
// cannot be decoded and holds a sensitive value.
func secretsServer(t *testing.T) *httptest.Server {
	user := map[string]any{"UserName": userName, "FirstName": firstName, "LastName": lastName, "Enabled": true, "AuthenticationType": "USERPOOL"}
	dirConfig := map[string]any{"DirectoryName": "corp.example.com", "ServiceAccountCredentials": map[string]any{"AccountName": accountName, "AccountPassword": accountPass}}
	ok := map[string]any{
		"CreateUser":                    map[string]any{},
		"DescribeUsers":                 map[string]any{"Users": []any{user}},
		"CreateDirectoryConfig":         map[string]any{"DirectoryConfig": dirConfig},
		"DescribeDirectoryConfigs":      map[string]any{"DirectoryConfigs": []any{dirConfig}},
		"DescribeUserStackAssociations": map[string]any{"UserStackAssociations": []any{map[string]any{"StackName": "s", "UserName": userName, "AuthenticationType": "USERPOOL"}}},
	}
	var mu sync.Mutex
	attempts := map[string]int{}
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		if r.Header.Get("X-Amz-Security-Token") != sessionToken {
			t.Errorf("session token not sent")
		}
		op := strings.TrimPrefix(r.Header.Get("X-Amz-Target"), "PhotonAdminProxyService.")
		mu.Lock()
		attempts[op]++
		n := attempts[op]
		mu.Unlock()
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.Header().Set("X-Amzn-Requestid", fmt.Sprintf("rid-%s-%d", op, n))
		switch {
		case op == "DisableUser":
			// Not JSON, and holding a sensitive value: a DeserializationError
			// keeps a snapshot of the body, which must not be printed.
			io.WriteString(w, `{"UserName":"`+userName+`" "`+firstName)
		case op == "EnableUser":
			w.WriteHeader(400)
			io.WriteString(w, `{"__type":"ResourceNotFoundException","message":"The user was not found."}`)
		case op == "DeleteUser":
			w.WriteHeader(400)
			io.WriteString(w, `{"__type":"ValidationException","Message":"bad request"}`)
		case n%2 == 1:
			w.WriteHeader(503)
			io.WriteString(w, `{"__type":"ServiceUnavailableException","message":"try again"}`)
		default:
			b, _ := json.Marshal(ok[op])
			w.Write(b)
		}
	}))
}

// Every log mode on, calls that succeed, retry and fail, on both the direct
// path and the middleware-stack path: no secret appears in the log, in
// error strings, or in %v, %+v or %#v of inputs, outputs and errors.
func TestNoSecretsInLogsErrorsOrPrintedValues(t *testing.T) {
	srv := secretsServer(t)
	defer srv.Close()
	log := &captureLogger{}
	var printed []string
	printAll := func(vs ...any) {
		for _, v := range vs {
			if v == nil || (fmt.Sprint(v) == "<nil>") {
				continue
			}
			printed = append(printed, fmt.Sprintf("%v", v), fmt.Sprintf("%+v", v), fmt.Sprintf("%#v", v), fmt.Sprintf("%s", v))
			if err, ok := v.(error); ok {
				printed = append(printed, err.Error())
			}
		}
	}
	noop := func(s *middleware.Stack) error {
		return s.Initialize.Add(middleware.InitializeMiddlewareFunc("Noop", func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
			return next.HandleInitialize(ctx, in)
		}), middleware.After)
	}
	var calls, failures int
	for _, stack := range []bool{false, true} {
		opts := appstream.Options{
			Region: "us-east-1", BaseEndpoint: aws.String(strings.Replace(srv.URL, "://", "://user:"+endpointPass+"@", 1)),
			Credentials:   credentials.NewStaticCredentialsProvider("AKIDSECRETSTEST", secretKey, sessionToken),
			Logger:        log,
			ClientLogMode: aws.ClientLogMode(math.MaxUint64),
			Retryer:       retry.NewStandard(func(o *retry.StandardOptions) { o.Rand = func() float64 { return 0 } }),
		}
		if stack {
			opts.APIOptions = []func(*middleware.Stack) error{noop}
		}
		c := appstream.New(opts)
		ctx := context.Background()
		record := func(in, out any, err error) {
			calls++
			if err != nil {
				failures++
			}
			printAll(in, out, err)
		}

		createUser := &appstream.CreateUserInput{UserName: aws.String(userName), FirstName: aws.String(firstName), LastName: aws.String(lastName), AuthenticationType: types.AuthenticationTypeUserpool}
		out1, err := c.CreateUser(ctx, createUser)
		record(createUser, out1, err)
		descUsers := &appstream.DescribeUsersInput{AuthenticationType: types.AuthenticationTypeUserpool}
		out2, err := c.DescribeUsers(ctx, descUsers)
		record(descUsers, out2, err)
		if err != nil || len(out2.Users) != 1 || aws.ToString(out2.Users[0].UserName) != userName {
			t.Fatalf("DescribeUsers = %+v, %v", out2, err)
		}
		createDir := &appstream.CreateDirectoryConfigInput{DirectoryName: aws.String("corp.example.com"), OrganizationalUnitDistinguishedNames: []string{"OU=x"},
			ServiceAccountCredentials: &types.ServiceAccountCredentials{AccountName: aws.String(accountName), AccountPassword: aws.String(accountPass)}}
		out3, err := c.CreateDirectoryConfig(ctx, createDir)
		record(createDir, out3, err)
		descDirs := &appstream.DescribeDirectoryConfigsInput{}
		out4, err := c.DescribeDirectoryConfigs(ctx, descDirs)
		record(descDirs, out4, err)
		if err != nil || aws.ToString(out4.DirectoryConfigs[0].ServiceAccountCredentials.AccountPassword) != accountPass {
			t.Fatalf("DescribeDirectoryConfigs = %+v, %v", out4, err)
		}
		assoc := &appstream.DescribeUserStackAssociationsInput{UserName: aws.String(userName), AuthenticationType: types.AuthenticationTypeUserpool}
		out5, err := c.DescribeUserStackAssociations(ctx, assoc)
		record(assoc, out5, err)
		disable := &appstream.DisableUserInput{UserName: aws.String(userName), AuthenticationType: types.AuthenticationTypeUserpool}
		out6, err := c.DisableUser(ctx, disable)
		record(disable, out6, err)
		enable := &appstream.EnableUserInput{UserName: aws.String(userName), AuthenticationType: types.AuthenticationTypeUserpool}
		out7, err := c.EnableUser(ctx, enable)
		record(enable, out7, err)
		del := &appstream.DeleteUserInput{UserName: aws.String(userName), AuthenticationType: types.AuthenticationTypeUserpool}
		out8, err := c.DeleteUser(ctx, del)
		record(del, out8, err)
		// A validation failure before any I/O.
		bad := &appstream.CreateUserInput{UserName: aws.String(userName), FirstName: aws.String(firstName)}
		out9, err := c.CreateUser(ctx, bad)
		record(bad, out9, err)
	}
	if calls != 18 || failures != 8 {
		t.Fatalf("%d calls, %d failures; want 18 and 8", calls, failures)
	}

	logText := log.text()
	if testing.Verbose() {
		t.Log(logText[:min(len(logText), 3500)])
	}
	all := logText + "\n" + strings.Join(printed, "\n")
	for _, s := range secrets {
		if i := strings.Index(all, s); i >= 0 {
			lo, hi := max(0, i-300), min(len(all), i+len(s)+100)
			t.Errorf("secret %q leaked:\n...%s...", s, all[lo:hi])
		}
	}

	// The scan looked at real output: every mode logged, with placeholders.
	for _, want := range []string{
		"Request CreateUser attempt 2", "Response DescribeUsers attempt 2", // LogRequest, LogResponse
		"Authorization: <redacted>", "X-Amz-Security-Token: <redacted>",
		"Signing PhotonAdminProxyService.CreateUser (attempt=1; max=3): SigV4 service appstream", // LogSigning
		"Request body CreateUser\nCreateUserInput{UserName: " + redact.Placeholder,               // LogRequestWithBody
		"Response body DescribeUsers\nDescribeUsersOutput{Users: [User{UserName: " + redact.Placeholder,
		"Response body DescribeDirectoryConfigs\n", "AccountPassword: " + redact.Placeholder,
		"Response body CreateUser attempt 1\n", "ServiceUnavailableException: try again", // error bodies
		"DisableUser failed after 1 attempts", "EnableUser failed after 1 attempts", // LogRetries
	} {
		if !strings.Contains(logText, want) {
			t.Errorf("log lacks %q", want)
		}
	}
	if n := strings.Count(all, redact.Placeholder); n < 50 {
		t.Errorf("only %d placeholders in the scanned output", n)
	}
}

// String of every generated structure with sensitive members prints the
// placeholder for them, and GoString is as safe.
func TestSensitiveStringers(t *testing.T) {
	for _, v := range []any{
		appstream.CreateUserInput{UserName: aws.String(userName), FirstName: aws.String(firstName), LastName: aws.String(lastName)},
		&appstream.DeleteUserInput{UserName: aws.String(userName)},
		appstream.DisableUserInput{UserName: aws.String(userName)},
		appstream.EnableUserInput{UserName: aws.String(userName)},
		appstream.DescribeUserStackAssociationsInput{UserName: aws.String(userName)},
		types.User{UserName: aws.String(userName), FirstName: aws.String(firstName), LastName: aws.String(lastName)},
		&types.UserStackAssociation{UserName: aws.String(userName)},
		types.ServiceAccountCredentials{AccountName: aws.String(accountName), AccountPassword: aws.String(accountPass)},
		appstream.BatchAssociateUserStackInput{UserStackAssociations: []types.UserStackAssociation{{UserName: aws.String(userName)}}},
		types.DirectoryConfig{ServiceAccountCredentials: &types.ServiceAccountCredentials{AccountPassword: aws.String(accountPass)}},
	} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
			s := fmt.Sprintf(verb, v)
			for _, secret := range secrets {
				if strings.Contains(s, secret) {
					t.Errorf("%s of %T = %s: contains %q", verb, v, s, secret)
				}
			}
			if !strings.Contains(s, redact.Placeholder) {
				t.Errorf("%s of %T = %s: no placeholder", verb, v, s)
			}
		}
	}
}

// A failing credential_process that prints a token on stderr: with every
// log mode on, the token reaches neither the call's error nor the log (it
// goes to the process's own stderr, the caller's).
func TestNoCredentialProcessStderrInErrorsOrLogs(t *testing.T) {
	env := awsenv.Clean(t)
	config := "[default]\nregion = us-east-1\ncredential_process = sh -c 'echo " + processStderr + " >&2; exit 1'\n"
	if err := os.WriteFile(env.ConfigFile, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	saved := os.Stderr
	devnull, _ := os.Open(os.DevNull)
	os.Stderr = devnull // the process's stderr passes through here
	defer func() { os.Stderr = saved; devnull.Close() }()
	log := &captureLogger{}
	c := appstream.New(appstream.Options{BaseEndpoint: aws.String("http://127.0.0.1:1"), Logger: log, ClientLogMode: aws.ClientLogMode(math.MaxUint64)})
	_, err := c.DescribeFleets(context.Background(), &appstream.DescribeFleetsInput{})
	if err == nil || !strings.Contains(err.Error(), "credential_process \"sh\" failed: exit status 1") {
		t.Fatalf("err = %v", err)
	}
	all := fmt.Sprintf("%v\n%+v\n%#v\n%s", err, err, err, log.text())
	if strings.Contains(all, processStderr) {
		t.Errorf("credential_process stderr leaked:\n%s", all)
	}
}
