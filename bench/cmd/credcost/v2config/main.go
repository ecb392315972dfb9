// Command v2config is cmd/credcost/config with aws-sdk-go-v2, whose
// LoadDefaultConfig links every provider of its default chain too.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/appstream"
)

func main() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, err := appstream.NewFromConfig(cfg).DescribeImageBuilders(ctx, &appstream.DescribeImageBuildersInput{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(len(out.ImageBuilders))
}
