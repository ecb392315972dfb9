package mototest_test

// Integration tests of the generated WorkSpaces client against moto, with the
// real signer and pipeline. One moto_server process serves the package; each
// test resets its state and gets a fresh access key.
//
// moto quirks these tests run into, all handled by the client's general
// rules rather than by anything moto-specific:
//   - JSON responses are sent as Content-Type text/html; the client decodes
//     awsJson responses by the protocol, never by the content type.
//   - error bodies carry "message" in lower case where AWS sends either
//     case; the generated error deserializers accept both.
//   - some bad inputs (UpdateWorkspaceImagePermission of an unknown image)
//     crash moto's handler, which answers 500 with a Werkzeug HTML page; the
//     client reports a server-fault *smithy.GenericAPIError naming the HTTP
//     status instead of a decode error.
//   - authentication failures come back as a 403 with an XML (awsQuery
//     style) ErrorResponse body even for JSON services; see
//     TestMotoWrongSecret.

import (
	"github.com/eucsdk/eucsdk/internal/testkit/shared"

	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/internal/testkit/mototest"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

var (
	moto     *mototest.Server
	motoErr  error
	peerAcct = "111122223333"
)

func TestMain(m *testing.M) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	moto, motoErr = mototest.Start(ctx)
	cancel()
	code := m.Run()
	if moto != nil {
		moto.Close()
	}
	os.Exit(code)
}

// server returns the shared moto server, reset, with a fresh access key.
func server(t *testing.T) (*mototest.Server, aws.Credentials) {
	t.Helper()
	if motoErr != nil {
		mototest.SkipOrFail(t, motoErr)
	}
	creds, err := moto.Reset(testContext(t))
	if err != nil {
		t.Fatalf("reset moto: %v\nserver output:\n%s", err, tail(moto.Output()))
	}
	return moto, creds
}

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func tail(s string) string {
	if len(s) > 4000 {
		return "..." + s[len(s)-4000:]
	}
	return s
}

func newClient(s *mototest.Server, key, secret string, optFns ...func(*workspaces.Options)) *workspaces.Client {
	return workspaces.New(workspaces.Options{
		Region:       mototest.Region,
		BaseEndpoint: aws.String(s.Endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider(key, secret, ""),
		HTTPClient:   &http.Client{Transport: &http.Transport{}, Timeout: 30 * time.Second},
	}, optFns...)
}

// workspace runs the setup chain moto needs before an image can exist: a
// VPC and two subnets in different zones (EC2), a Simple AD directory in
// them (Directory Service), the directory registered with WorkSpaces, and
// one WorkSpace in it. It returns the WorkSpace id.
func workspace(t *testing.T, ctx context.Context, s *mototest.Server, creds aws.Credentials, ws *workspaces.Client) string {
	t.Helper()
	ec2 := func(action string, kv ...string) []byte {
		t.Helper()
		v := url.Values{"Action": {action}, "Version": {"2016-11-15"}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		b, err := s.Query(ctx, creds, "ec2", v)
		if err != nil {
			t.Fatalf("ec2 %s: %v", action, err)
		}
		return b
	}
	vpc := mototest.XMLValue(ec2("CreateVpc", "CidrBlock", "10.20.0.0/16"), "vpcId")
	var subnets []string
	for i, az := range []string{"us-east-1a", "us-east-1b"} {
		id := mototest.XMLValue(ec2("CreateSubnet", "VpcId", vpc, "CidrBlock", fmt.Sprintf("10.20.%d.0/24", i), "AvailabilityZone", az), "subnetId")
		subnets = append(subnets, id)
	}
	if vpc == "" || subnets[0] == "" || subnets[1] == "" {
		t.Fatalf("EC2 setup returned vpc %q subnets %q", vpc, subnets)
	}

	body, _ := json.Marshal(map[string]any{
		"Name": "corp.eucsdk.test", "ShortName": "corp", "Password": "Eucsdk-Passw0rd!", "Size": "Small",
		"VpcSettings": map[string]any{"VpcId": vpc, "SubnetIds": subnets},
	})
	out, err := s.JSON(ctx, creds, "ds", "DirectoryService_20150416.CreateDirectory", body)
	if err != nil {
		t.Fatalf("ds CreateDirectory: %v", err)
	}
	var dir struct{ DirectoryId string }
	if err := json.Unmarshal(out, &dir); err != nil || dir.DirectoryId == "" {
		t.Fatalf("ds CreateDirectory returned %s (%v)", out, err)
	}

	if _, err := ws.RegisterWorkspaceDirectory(ctx, &workspaces.RegisterWorkspaceDirectoryInput{
		DirectoryId: aws.String(dir.DirectoryId), SubnetIds: subnets,
	}); err != nil {
		t.Fatalf("RegisterWorkspaceDirectory: %v", err)
	}
	created, err := ws.CreateWorkspaces(ctx, &workspaces.CreateWorkspacesInput{Workspaces: []types.WorkspaceRequest{{
		DirectoryId: aws.String(dir.DirectoryId), UserName: aws.String("alice"), BundleId: aws.String("wsb-12345678a"),
	}}})
	if err != nil {
		t.Fatalf("CreateWorkspaces: %v", err)
	}
	if len(created.FailedRequests) != 0 || len(created.PendingRequests) != 1 || created.PendingRequests[0].WorkspaceId == nil {
		t.Fatalf("CreateWorkspaces: failed %+v, pending %+v", created.FailedRequests, created.PendingRequests)
	}
	return *created.PendingRequests[0].WorkspaceId
}

func TestMotoWorkspaceImages(t *testing.T) {
	s, creds := server(t)
	ctx := testContext(t)
	ws := newClient(s, creds.AccessKeyID, creds.SecretAccessKey)
	wsID := workspace(t, ctx, s, creds, ws)

	img, err := ws.CreateWorkspaceImage(ctx, &workspaces.CreateWorkspaceImageInput{
		Name: aws.String("golden-2025"), Description: aws.String("eucsdk moto test"), WorkspaceId: aws.String(wsID),
	})
	if err != nil {
		t.Fatalf("CreateWorkspaceImage: %v", err)
	}
	if img.ImageId == nil || !strings.HasPrefix(*img.ImageId, "wsi-") || aws.ToString(img.Name) != "golden-2025" {
		t.Fatalf("CreateWorkspaceImage = %+v", img)
	}
	if rid, ok := pipeline.GetRequestID(img.ResultMetadata); !ok || rid == "" {
		t.Errorf("no request id in the output's metadata")
	}
	imageID := *img.ImageId

	desc, err := ws.DescribeWorkspaceImages(ctx, &workspaces.DescribeWorkspaceImagesInput{ImageIds: []string{imageID}})
	if err != nil {
		t.Fatalf("DescribeWorkspaceImages: %v", err)
	}
	if len(desc.Images) != 1 || aws.ToString(desc.Images[0].ImageId) != imageID ||
		aws.ToString(desc.Images[0].Description) != "eucsdk moto test" || aws.ToString(desc.Images[0].OwnerAccountId) != mototest.AccountID {
		t.Fatalf("DescribeWorkspaceImages = %+v", desc.Images)
	}
	owned, err := ws.DescribeWorkspaceImages(ctx, &workspaces.DescribeWorkspaceImagesInput{ImageType: types.ImageTypeOwned})
	if err != nil || len(owned.Images) != 1 {
		t.Fatalf("DescribeWorkspaceImages(OWNED) = %+v, %v", owned, err)
	}

	share := func(allow bool) {
		t.Helper()
		if _, err := ws.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{
			ImageId: aws.String(imageID), AllowCopyImage: aws.Bool(allow), SharedAccountId: aws.String(peerAcct),
		}); err != nil {
			t.Fatalf("UpdateWorkspaceImagePermission(%v): %v", allow, err)
		}
	}
	perms := func() []string {
		t.Helper()
		out, err := ws.DescribeWorkspaceImagePermissions(ctx, &workspaces.DescribeWorkspaceImagePermissionsInput{ImageId: aws.String(imageID)})
		if err != nil {
			t.Fatalf("DescribeWorkspaceImagePermissions: %v", err)
		}
		if aws.ToString(out.ImageId) != imageID {
			t.Fatalf("DescribeWorkspaceImagePermissions.ImageId = %q, want %q", aws.ToString(out.ImageId), imageID)
		}
		var ids []string
		for _, p := range out.ImagePermissions {
			ids = append(ids, aws.ToString(p.SharedAccountId))
		}
		return ids
	}
	share(true)
	if got := perms(); len(got) != 1 || got[0] != peerAcct {
		t.Fatalf("after sharing, permissions = %q, want [%s]", got, peerAcct)
	}
	share(true) // idempotent, as on AWS
	if got := perms(); len(got) != 1 {
		t.Fatalf("sharing twice gave permissions %q", got)
	}
	share(false)
	if got := perms(); len(got) != 0 {
		t.Fatalf("after revoking, permissions = %q, want none", got)
	}
}

func TestMotoModeledErrors(t *testing.T) {
	s, creds := server(t)
	ctx := testContext(t)
	var attempts int
	ws := newClient(s, creds.AccessKeyID, creds.SecretAccessKey, func(o *workspaces.Options) {
		o.HTTPClient = countingClient{c: o.HTTPClient, n: &attempts}
	})

	// An unknown WorkSpace: ResourceNotFoundException, a 400 that is not
	// retried.
	_, err := ws.CreateWorkspaceImage(ctx, &workspaces.CreateWorkspaceImageInput{
		Name: aws.String("img"), Description: aws.String("d"), WorkspaceId: aws.String("ws-0123456789"),
	})
	var notFound *types.ResourceNotFoundException
	if !errors.As(err, &notFound) {
		t.Fatalf("CreateWorkspaceImage(unknown workspace) error = %T %v, want *types.ResourceNotFoundException", err, err)
	}
	// moto sends the message under "message" (lower case).
	if !strings.Contains(notFound.ErrorMessage(), "cannot be found") || notFound.ErrorCode() != "ResourceNotFoundException" {
		t.Errorf("ResourceNotFoundException = code %q message %q", notFound.ErrorCode(), notFound.ErrorMessage())
	}
	var re *pipeline.ResponseError
	if !errors.As(err, &re) || re.StatusCode != http.StatusBadRequest || re.RequestID == "" {
		t.Errorf("error %v: want a *pipeline.ResponseError with status 400 and a request id", err)
	}
	if attempts != 1 {
		t.Errorf("a modeled 400 was attempted %d times, want 1", attempts)
	}

	// The same image name twice: ResourceAlreadyExistsException.
	wsID := workspace(t, ctx, s, creds, ws)
	in := &workspaces.CreateWorkspaceImageInput{Name: aws.String("dup"), Description: aws.String("d"), WorkspaceId: aws.String(wsID)}
	if _, err := ws.CreateWorkspaceImage(ctx, in); err != nil {
		t.Fatalf("first CreateWorkspaceImage: %v", err)
	}
	_, err = ws.CreateWorkspaceImage(ctx, in)
	var exists *types.ResourceAlreadyExistsException
	if !errors.As(err, &exists) || !strings.Contains(exists.ErrorMessage(), "same name") {
		t.Fatalf("second CreateWorkspaceImage error = %T %v, want *types.ResourceAlreadyExistsException", err, err)
	}
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) || apiErr.ErrorFault() != smithy.FaultClient {
		t.Errorf("ResourceAlreadyExistsException fault = %v, want client", apiErr.ErrorFault())
	}
}

// TestMotoServerErrorHTML: moto's handler for UpdateWorkspaceImagePermission
// looks the image up without checking it exists, so an unknown image id
// raises a KeyError and Werkzeug answers 500 with an HTML page. The client
// must classify it (server fault, retryable) and report the status, not fail
// to decode HTML as JSON.
func TestMotoServerErrorHTML(t *testing.T) {
	s, creds := server(t)
	ctx := testContext(t)
	var attempts int
	ws := newClient(s, creds.AccessKeyID, creds.SecretAccessKey, func(o *workspaces.Options) {
		o.RetryMaxAttempts = 2
		o.HTTPClient = countingClient{c: o.HTTPClient, n: &attempts}
	})
	_, err := ws.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{
		ImageId: aws.String("wsi-000000000"), AllowCopyImage: aws.Bool(true), SharedAccountId: aws.String(peerAcct),
	})
	if err == nil {
		shared.SkipOrFail(t, "moto no longer fails UpdateWorkspaceImagePermission of an unknown image with an HTML 500; quirk fixed upstream, so this test checks nothing now")
	}
	var re *pipeline.ResponseError
	if !errors.As(err, &re) || re.StatusCode != http.StatusInternalServerError {
		t.Fatalf("error = %T %v, want a *pipeline.ResponseError with status 500", err, err)
	}
	var generic *smithy.GenericAPIError
	if !errors.As(err, &generic) || generic.ErrorFault() != smithy.FaultServer || generic.ErrorCode() != "UnknownError" {
		t.Fatalf("error = %#v, want a server-fault GenericAPIError", err)
	}
	var de *smithy.DeserializationError
	if errors.As(err, &de) {
		t.Fatalf("an HTML 500 page became a deserialization error: %v", err)
	}
	if !strings.Contains(err.Error(), "500") {
		t.Errorf("error %q does not name the status", err)
	}
	if attempts != 2 {
		t.Errorf("a 500 was attempted %d times, want 2 (retried)", attempts)
	}
}

type countingClient struct {
	c aws.HTTPClient
	n *int
}

func (c countingClient) Do(r *http.Request) (*http.Response, error) {
	*c.n++
	return c.c.Do(r)
}

// TestMotoWrongSecret: the right access key id with a wrong secret. moto
// recomputes the signature and answers 403 SignatureDoesNotMatch, with an XML
// ErrorResponse body (moto renders IAM-auth errors in the query protocol's
// format for every service; AWS itself sends JSON with an X-Amzn-ErrorType
// header to JSON services). The client still surfaces the code and message,
// because DecodeErrorInfo falls back to the XML <Code>/<Message> elements.
// An unknown key id gets InvalidClientTokenId.
func TestMotoWrongSecret(t *testing.T) {
	s, creds := server(t)
	ctx := testContext(t)
	for _, tc := range []struct {
		name, key, secret, code string
	}{
		{"wrong secret", creds.AccessKeyID, creds.SecretAccessKey + "x", "SignatureDoesNotMatch"},
		{"unknown key", "AKIAUNKNOWNKEY000000", creds.SecretAccessKey, "InvalidClientTokenId"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ws := newClient(s, tc.key, tc.secret)
			_, err := ws.DescribeWorkspaceImages(ctx, nil)
			var apiErr smithy.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("error = %T %v, want a smithy.APIError", err, err)
			}
			var re *pipeline.ResponseError
			if !errors.As(err, &re) || re.StatusCode != http.StatusForbidden {
				t.Fatalf("error = %v, want HTTP 403", err)
			}
			if apiErr.ErrorCode() != tc.code || apiErr.ErrorMessage() == "" {
				t.Fatalf("code %q message %q, want code %s and a message", apiErr.ErrorCode(), apiErr.ErrorMessage(), tc.code)
			}
			if strings.Contains(err.Error(), tc.secret) {
				t.Fatalf("error %q contains the secret", err)
			}
		})
	}
	// The right key still works afterwards: nothing was cached wrongly.
	if _, err := newClient(s, creds.AccessKeyID, creds.SecretAccessKey).DescribeWorkspaceImages(ctx, nil); err != nil {
		t.Fatalf("DescribeWorkspaceImages with the right key: %v", err)
	}
}
