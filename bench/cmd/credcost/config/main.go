// Command config is cmd/credcost/lazy built through config.LoadDefaultConfig,
// which links every provider of the default chain.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/config"
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
