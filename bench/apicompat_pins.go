//go:build apicompat_pins

package bench

// The exported-API comparison reads these aws-sdk-go-v2 packages' source
// (go list finds them through go.mod) but nothing imports them, so go mod
// tidy would drop their requirements; the build tag keeps them out of every
// build while tidy, which looks at all tags, keeps them pinned.
import (
	_ "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	_ "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	_ "github.com/aws/aws-sdk-go-v2/service/kinesis"
	_ "github.com/aws/aws-sdk-go-v2/service/lambda"
	_ "github.com/aws/aws-sdk-go-v2/service/sqs"
)
