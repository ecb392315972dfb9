// Command floor makes the same two calls as cmd/ours and cmd/v2 by hand:
// net/http, the aws-http-auth SigV4 signer and encoding/json. run.sh builds
// it as the smallest program that can make these calls at all, to put the
// SDKs' build times and binary sizes in context.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/aws/smithy-go/aws-http-auth/credentials"
	"github.com/aws/smithy-go/aws-http-auth/sigv4"
)

func call(endpoint, service, target string, body []byte, out any) error {
	req, err := http.NewRequest(http.MethodPost, endpoint+"/", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", target)
	sum := sha256.Sum256(body)
	err = sigv4.New().SignRequest(&sigv4.SignRequestInput{
		Request: req, PayloadHash: sum[:], Service: service, Region: "us-east-1", Time: time.Now(),
		Credentials: credentials.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "secret"},
	})
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: HTTP %d: %s", target, resp.StatusCode, data)
	}
	return json.Unmarshal(data, out)
}

func main() {
	endpoint := "http://127.0.0.1:4566"
	if len(os.Args) > 1 {
		endpoint = os.Args[1]
	}
	var b struct{ ImageBuilders []struct{ Name string } }
	if err := call(endpoint, "appstream", "PhotonAdminProxyService.DescribeImageBuilders", []byte("{}"), &b); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var p struct {
		ImagePermissions []struct{ SharedAccountId string }
	}
	if err := call(endpoint, "workspaces", "WorkspacesService.DescribeWorkspaceImagePermissions", []byte(`{"ImageId":"wsi-0123456789abcdef0"}`), &p); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(len(b.ImageBuilders), "image builders,", len(p.ImagePermissions), "image permissions")
}
