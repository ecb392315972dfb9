package eucsdk_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/config"
	"github.com/eucsdk/eucsdk/emulator"
)

// quickstart is the README's Quickstart snippet; TestQuickstartMatchesREADME
// holds the two equal, line for line, between the markers.
func quickstart(ctx context.Context) error {
	// README quickstart: begin
	cfg, err := config.LoadDefaultConfig(ctx) // environment, ~/.aws/config, ~/.aws/credentials
	if err != nil {
		return err
	}
	client := appstream.NewFromConfig(cfg)

	out, err := client.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{
		Name:         aws.String("builder-1"),
		InstanceType: aws.String("stream.standard.medium"),
		ImageName:    aws.String("AppStream-WinServer2022-01-13-2025"),
	})
	var exists *types.ResourceAlreadyExistsException
	if errors.As(err, &exists) {
		fmt.Println("builder-1 already exists")
		return nil
	}
	if err != nil {
		return err
	}
	fmt.Println(aws.ToString(out.ImageBuilder.Name), out.ImageBuilder.State)
	return nil
	// README quickstart: end
}

func TestQuickstartMatchesREADME(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	r := string(readme)
	i, j := strings.Index(r, "<!-- quickstart: begin -->\n```go\n"), strings.Index(r, "```\n<!-- quickstart: end -->")
	if i < 0 || j < i {
		t.Fatal("README.md lacks the quickstart markers")
	}
	inREADME := r[i+len("<!-- quickstart: begin -->\n```go\n") : j]
	src, err := os.ReadFile("readme_test.go")
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	k, l := strings.Index(s, "\t// README quickstart: begin\n"), strings.Index(s, "\t// README quickstart: end\n")
	var b strings.Builder
	for _, line := range strings.SplitAfter(s[k+len("\t// README quickstart: begin\n"):l], "\n") {
		b.WriteString(strings.TrimPrefix(line, "\t"))
	}
	if b.String() != inREADME {
		t.Errorf("README.md's Quickstart differs from quickstart in readme_test.go:\nREADME:\n%s\ntest:\n%s", inREADME, b.String())
	}
}

// The Quickstart runs against the emulator with only environment settings,
// as a user pointing it at a local endpoint would.
func TestQuickstartRunsAgainstTheEmulator(t *testing.T) {
	emu := emulator.NewServer(t)
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	t.Setenv("AWS_ENDPOINT_URL", emu.Endpoint())
	t.Setenv("AWS_REGION", emu.Region())
	t.Setenv("AWS_ACCESS_KEY_ID", emulator.DefaultAccount.AccessKeyID)
	t.Setenv("AWS_SECRET_ACCESS_KEY", emulator.DefaultAccount.SecretAccessKey)
	t.Setenv("AWS_SESSION_TOKEN", "")
	ctx := context.Background()
	if err := quickstart(ctx); err != nil {
		t.Fatal(err)
	}
	if err := quickstart(ctx); err != nil { // the second finds it exists
		t.Fatal(err)
	}
	c := appstream.New(emu.ClientOptions(emulator.DefaultAccount))
	out, err := c.DescribeImageBuilders(ctx, &appstream.DescribeImageBuildersInput{Names: []string{"builder-1"}})
	if err != nil || len(out.ImageBuilders) != 1 || aws.ToString(out.ImageBuilders[0].ImageArn) == "" {
		t.Fatalf("builder-1 = %+v, %v", out, err)
	}
}
