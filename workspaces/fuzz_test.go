package workspaces_test

import (
	"net/http"
	"testing"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/internal/testkit/fuzzclient"
	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/server"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

// Responses captured from moto and the emulator: a real success body, a
// modeled error with a lower-case message, moto's XML authentication error
// and its HTML 500 page.
var workspacesSeeds = [][]byte{
	[]byte(`{"Images": [{"ImageId": "wsi-abcdefghi", "Name": "golden", "Description": "d", "OperatingSystem": {"Type": "WINDOWS"}, "State": "AVAILABLE", "RequiredTenancy": "DEFAULT", "Created": 1.7000000005E9, "OwnerAccountId": "123456789012"}]}`),
	[]byte(`{"ImageId": "wsi-abcdefghi", "ImagePermissions": [{"SharedAccountId": "111122223333"}]}`),
	[]byte(`{"FailedRequests": [], "PendingRequests": [{"WorkspaceId": "ws-0123456789", "DirectoryId": "d-0123456789", "UserName": "alice", "State": "PENDING", "BundleId": "wsb-1", "WorkspaceProperties": {"RunningMode": "ALWAYS_ON"}}]}`),
	[]byte(`{"__type": "ResourceNotFoundException", "message": "The specified WorkSpace cannot be found."}`),
	[]byte(`{"__type": "com.amazonaws.workspaces#ResourceAlreadyExistsException", "Message": "exists"}`),
	[]byte(`<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<ErrorResponse><Errors><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message><Type>Sender</Type></Error></Errors></ErrorResponse>`),
	[]byte("<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n"),
}

// FuzzWorkspacesResponses feeds arbitrary response bodies to every WorkSpaces
// operation through the real client (see fuzzclient.Fuzz).
func FuzzWorkspacesResponses(f *testing.F) {
	tr := &fuzzclient.Transport{}
	c := workspaces.New(workspaces.Options{
		Region: "us-east-1", BaseEndpoint: aws.String("http://fuzz.invalid"),
		Credentials: credentials.NewStaticCredentialsProvider("AKIDFUZZ", "fuzz-secret", ""),
		HTTPClient:  &http.Client{Transport: tr}, Retryer: retry.Nop(),
		MaxResponseBytes: 1 << 20,
	})
	fuzzclient.Fuzz(f, fuzzclient.Target{Client: c, Transport: tr, EncodeOutput: server.EncodeOutput, Seeds: workspacesSeeds,
		// ImportCustomWorkspaceImage requires its ImageSource union.
		Unions: []any{&types.ImageSourceIdentifierMemberEc2ImageId{}}})
}
