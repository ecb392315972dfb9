package appstream_test

import (
	"net/http"
	"testing"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/server"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/internal/testkit/fuzzclient"
)

// Responses of the shapes AWS and the emulator send, a modeled error with a
// lower-case message, and moto's XML authentication error and HTML 500 page.
var appstreamSeeds = [][]byte{
	[]byte(`{"Images":[{"Name":"AppStream-WinServer2022-06-17-2024","Arn":"arn:aws:appstream:us-east-1::image/AppStream-WinServer2022-06-17-2024","Visibility":"PUBLIC","State":"AVAILABLE","Platform":"WINDOWS_SERVER_2022","CreatedTime":1718582400,"ImagePermissions":{"allowFleet":true,"allowImageBuilder":true}}],"NextToken":"eyJhZnRlciI6IngifQ=="}`),
	[]byte(`{"ImageBuilders":[{"Name":"b1","State":"PENDING","CreatedTime":1700000000.5,"VpcConfig":{"SubnetIds":["subnet-1"]},"StateChangeReason":{"Code":"INTERNAL_ERROR","Message":"m"}}]}`),
	[]byte(`{"Users":[{"UserName":"alice@example.com","FirstName":"Alice","LastName":"Doe","Enabled":true,"Status":"CONFIRMED","AuthenticationType":"USERPOOL","CreatedTime":1.7e9}]}`),
	[]byte(`{"__type": "ResourceNotFoundException", "message": "Image golden not found"}`),
	[]byte(`{"__type": "com.amazonaws.appstream#ResourceInUseException", "Message": "in use"}`),
	[]byte(`<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<ErrorResponse><Errors><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message><Type>Sender</Type></Error></Errors></ErrorResponse>`),
	[]byte("<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n"),
}

// FuzzAppStreamResponses feeds arbitrary response bodies to every AppStream
// operation through the real client (see fuzzclient.Fuzz).
func FuzzAppStreamResponses(f *testing.F) {
	tr := &fuzzclient.Transport{}
	c := appstream.New(appstream.Options{
		Region: "us-east-1", BaseEndpoint: aws.String("http://fuzz.invalid"),
		Credentials: credentials.NewStaticCredentialsProvider("AKIDFUZZ", "fuzz-secret", ""),
		HTTPClient:  &http.Client{Transport: tr}, Retryer: retry.Nop(),
		MaxResponseBytes: 1 << 20,
	})
	fuzzclient.Fuzz(f, fuzzclient.Target{Client: c, Transport: tr, EncodeOutput: server.EncodeOutput, Seeds: appstreamSeeds})
}
