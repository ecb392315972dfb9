// Command lazy measures the cost of credentials for a program that builds
// its client without config: the client resolves environment keys, profile
// keys and credential_process on its first call, and links no STS, SSO or
// IMDS code (docs/PERFORMANCE.md, "Credentials cost").
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/eucsdk/eucsdk/appstream"
)

func main() {
	c := appstream.New(appstream.Options{Region: "us-east-1"})
	out, err := c.DescribeImageBuilders(context.Background(), &appstream.DescribeImageBuildersInput{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(len(out.ImageBuilders))
}
