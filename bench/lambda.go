package bench

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// NumFunctions is how many functions ListFunctions answers with: one full
// page, as `aws lambda list-functions --max-items 50` asks for.
const NumFunctions = 50

// FunctionName names function i of the ListFunctions fixture.
func FunctionName(i int) string { return fmt.Sprintf("orders-processor-%03d", i) }

// function is one FunctionConfiguration as ListFunctions returns it for a
// zip-packaged function in a VPC with a layer: the fields Lambda sends, with
// their real shapes (LastModified is a string in this API).
func function(i int) map[string]any {
	name := FunctionName(i)
	return map[string]any{
		"FunctionName": name,
		"FunctionArn":  "arn:aws:lambda:us-east-1:123456789012:function:" + name,
		"Runtime":      []string{"python3.12", "nodejs20.x", "java21", "provided.al2023"}[i%4],
		"Role":         "arn:aws:iam::123456789012:role/service-role/" + name + "-role",
		"Handler":      "app.handler",
		"CodeSize":     5242 + i*131,
		"Description":  fmt.Sprintf("Processes order events from queue %d and writes them to the orders table", i),
		"Timeout":      30,
		"MemorySize":   512,
		"LastModified": baseTime.Add(-37 * time.Duration(i) * time.Hour).Format("2006-01-02T15:04:05.000-0700"),
		"CodeSha256":   fmt.Sprintf("n0X2rGZ1bM9qYc7lP4sU8vW3xK6jT5hD%010dA=", i),
		"Version":      "$LATEST",
		"VpcConfig": map[string]any{
			"SubnetIds":               []string{fmt.Sprintf("subnet-0a1b2c3d4e5f%05d", i), fmt.Sprintf("subnet-0f5e4d3c2b1a%05d", i)},
			"SecurityGroupIds":        []string{fmt.Sprintf("sg-0123456789ab%05d", i)},
			"VpcId":                   "vpc-0abc123def4567890",
			"Ipv6AllowedForDualStack": false,
		},
		"Environment": map[string]any{"Variables": map[string]string{
			"TABLE_NAME": "orders", "LOG_LEVEL": "INFO", "STAGE": "prod", "QUEUE_URL": fmt.Sprintf("https://sqs.us-east-1.amazonaws.com/123456789012/orders-%d", i),
		}},
		"TracingConfig": map[string]any{"Mode": "PassThrough"},
		"RevisionId":    fmt.Sprintf("6c2d6f9e-1b7a-4f0e-9d3c-%012d", i),
		"Layers": []any{map[string]any{
			"Arn": "arn:aws:lambda:us-east-1:123456789012:layer:common-deps:7", "CodeSize": 1048576,
		}},
		"PackageType":      "Zip",
		"Architectures":    []string{"arm64"},
		"EphemeralStorage": map[string]any{"Size": 512},
		"SnapStart":        map[string]any{"ApplyOn": "None", "OptimizationStatus": "Off"},
		"LoggingConfig":    map[string]any{"LogFormat": "Text", "LogGroup": "/aws/lambda/" + name},
	}
}

// FunctionsBody is ListFunctions' answer: NumFunctions functions and a
// NextMarker.
var FunctionsBody []byte

func init() {
	fns := make([]any, NumFunctions)
	for i := range fns {
		fns[i] = function(i)
	}
	FunctionsBody = mustJSON(map[string]any{"Functions": fns, "NextMarker": "bench-marker-2"})
}

// lambdaPrefix is the path under which the server answers as Lambda.
const lambdaPrefix = "/2015-03-31/"

var hdrJSON = []string{"application/json"}

// serveLambda answers restJson1 ListFunctions (GET /2015-03-31/functions),
// refusing a request without MaxItems=50, as the case sends it.
func (s *Server) serveLambda(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet || strings.TrimSuffix(r.URL.Path, "/") != "/2015-03-31/functions" || r.URL.Query().Get("MaxItems") != "50" {
		w.Header()["Content-Type"] = hdrJSON
		w.Header()["X-Amzn-Errortype"] = []string{"InvalidParameterValueException"}
		w.WriteHeader(400)
		fmt.Fprintf(w, `{"message":"unexpected %s %s"}`, r.Method, strings.ReplaceAll(r.URL.String(), `"`, `'`))
		return
	}
	ok(w, hdrJSON, FunctionsBody)
}
